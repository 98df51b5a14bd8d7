// Byte budgets of the production build (issue 6), asserted on the build the browser tests use
// (E2E_DIST, default dist): the issue asks 110 KB gzip of initial JS and CSS and 15 KB for the article
// route (not met yet: CI asserts a ratchet), and DOMPurify arrives with the article route only.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CEILINGS, checkBudgets, formatReport } from '../scripts/check-budgets.ts'

const DIST = process.env.E2E_DIST ?? 'dist'

describe('production build byte budgets', () => {
  it('has a manifest to read (vite.config.ts sets build.manifest)', () => {
    expect(existsSync(path.join(DIST, '.vite/manifest.json'))).toBe(true)
  })

  // The targets (BUDGETS: 110 KB, 15 KB) are not met yet and are printed by the report;
  // CI holds the ratchet CEILINGS so the start never gets heavier.
  it('keeps the list route and the article route under the ratchet, DOMPurify in the article only', () => {
    const report = checkBudgets(DIST)
    console.log(formatReport(report))
    expect(report.initial.gzip).toBeLessThanOrEqual(CEILINGS.initialGzip)
    expect(report.article).not.toBeNull()
    expect(report.article!.gzip).toBeLessThanOrEqual(CEILINGS.articleGzip)
    expect(report.domPurifyInInitial).toBe(false)
    expect(report.domPurifyInArticle).toBe(true)
    expect(report.problems.filter((p) => !/ B gzip > /.test(p))).toEqual([])
  })
})
