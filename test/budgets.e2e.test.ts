// Byte budgets of the production build (issue 6), asserted on the build the browser tests use
// (E2E_DIST, default dist): the list route starts within 110 KB gzip of JS and CSS, the article
// route adds at most 15 KB, and DOMPurify arrives with the article route only.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUDGETS, checkBudgets, formatReport } from '../scripts/check-budgets.ts'

const DIST = process.env.E2E_DIST ?? 'dist'

describe('production build byte budgets', () => {
  it('has a manifest to read (vite.config.ts sets build.manifest)', () => {
    expect(existsSync(path.join(DIST, '.vite/manifest.json'))).toBe(true)
  })

  it('keeps the list route, the article route and DOMPurify within budget', () => {
    const report = checkBudgets(DIST)
    console.log(formatReport(report))
    expect(report.initial.gzip).toBeLessThanOrEqual(BUDGETS.initialGzip)
    expect(report.article).not.toBeNull()
    expect(report.article!.gzip).toBeLessThanOrEqual(BUDGETS.articleGzip)
    expect(report.domPurifyInInitial).toBe(false)
    expect(report.domPurifyInArticle).toBe(true)
    expect(report.problems).toEqual([])
  })
})
