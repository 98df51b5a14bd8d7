// report.json holds every input's name and id as the file system gave them: names with quotes,
// backslashes, control characters or astral characters come back whole from its JSON.
import { describe, expect, it } from 'vitest'
import { IMPORTED, Inputs } from './catalog.ts'
import { reportChunks, reportSummary } from './report.ts'

describe('report.json', () => {
  it('writes each name and id so that JSON.parse gives them back', () => {
    const names = [
      '2024-01-01-plain.md',
      '2024-01-02-say "hi".md',
      '2024-01-03-back\\slash.md',
      '2024-01-04-line\nbreak.md',
      '2024-01-05-tab\there.md',
      '2024-01-06-新闻.md',
      '2024-01-07-😀.md',
      '2024-01-08-\u2028sep.md',
      '2024-01-09-lone\ud800surrogate.md',
      '2024-01-10-del\u007f.md',
      'notes.txt',
    ]
    const inputs = new Inputs(names, new Uint16Array(names.length), ['_posts/'])
    names.forEach((n, i) => {
      if (i === names.length - 1) return void inputs.reasons.set(i, 'not a "post"')
      inputs.status[i] = IMPORTED
      inputs.ids[i] = `${n.slice(11, -3)}`
    })
    const notes = new Map([[1, 'id "x" is taken']])
    const text = Buffer.concat([...reportChunks(inputs, notes, reportSummary(inputs, notes))])
    const report = JSON.parse(text.toString('utf8')) as {
      files: { file: string; id?: string; reason?: string; warnings?: string[] }[]
    }
    expect(report.files.map((f) => f.file)).toEqual(names.map((n) => `_posts/${n}`))
    expect(report.files.map((f) => f.id)).toEqual([...inputs.ids])
    expect(report.files[1]?.warnings).toEqual(['id "x" is taken'])
    expect(report.files.at(-1)?.reason).toBe('not a "post"')
  })
})
