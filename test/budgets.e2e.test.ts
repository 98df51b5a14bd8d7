// Byte budgets of the production build (issue 6), asserted on the build the browser tests use
// (E2E_DIST, default dist): at most 110 KB gzip of initial JS and CSS for the list route, at most
// 15 KB for the article route, and DOMPurify arrives with the article route only.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUDGETS, checkBudgets, formatReport } from '../scripts/check-budgets.ts'

const DIST = process.env.E2E_DIST ?? 'dist'

describe('production build byte budgets', () => {
  it('has a manifest to read (vite.config.ts sets build.manifest)', () => {
    expect(existsSync(path.join(DIST, '.vite/manifest.json'))).toBe(true)
  })

  it('keeps the list route and the article route within budget, DOMPurify in the article only', () => {
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
