// Property tests: whatever a post file holds, parsing imports it or says why it is skipped; it
// never throws, and what it imports fits the bundle schema.
import fc from 'fast-check'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { BundleContentItemSchema } from '../shared/feed-bundle.ts'
import { contentText, itemText } from './bundle.ts'
import { parsePost } from './post.ts'

const opts = { timeZone: 'Asia/Shanghai' }
const enc = new TextEncoder()

const scalar = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    '""',
    "''",
    '+0800',
    '2022-06-07 10:31:40 +0800',
    '2021-12-08 13:16:19',
    'null',
    '[a, b]',
    '{x: 1}',
    '|',
    '*a',
    '&a x',
    '- a',
    '"unterminated',
    ': x',
  ),
  fc.integer().map(String),
)
const frontMatter = fc
  .array(
    fc.tuple(
      fc.constantFrom('title', 'date', 'categories', 'category', 'tags', 'tag', 'layout', 'x'),
      scalar,
    ),
    { maxLength: 8 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${k}: ${v}`).join('\n'))
const body = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '<p>a</p>\n\n<http://x.example/1>\n\n[返回首页](../)',
    '<>',
    '<1%',
    '> q\n\n<!-- c',
    '<script>x</script>',
    '[返回](',
  ),
)
const fileName = fc.oneof(
  fc.constantFrom(
    '2022-06-07-a.md',
    '-2022.md',
    'x.markdown',
    '2022-02-31-bad.md',
    'post.html',
    'a.txt',
  ),
  fc.string().map((s) => `${s}.md`),
)

describe('parsePost on any input', () => {
  it('imports or reports, never throws, and imports only valid items', () => {
    fc.assert(
      fc.property(
        fileName,
        frontMatter,
        body,
        fc.boolean(),
        fc.boolean(),
        (name, fm, b, crlf, bom) => {
          let text = `---\n${fm}\n---\n${b}`
          if (crlf) text = text.replace(/\n/g, '\r\n')
          if (bom) text = `\ufeff${text}`
          const r = parsePost(name, enc.encode(text), opts)
          if (r.status === 'skipped') {
            expect(r.reason).not.toBe('')
            return
          }
          const item = itemText(r.meta.slug || 'x', r.meta, { title: 't' })
          const json: unknown = JSON.parse(contentText(item, r.contentHtml))
          const check = v.safeParse(BundleContentItemSchema, json)
          expect(check.success, JSON.stringify(check.issues?.[0]?.message)).toBe(true)
        },
      ),
      { numRuns: 400 },
    )
  })
  it('reports arbitrary bytes (binary, invalid UTF-8) instead of failing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const r = parsePost('2022-01-01-x.md', bytes, opts)
        expect(['imported', 'skipped']).toContain(r.status)
      }),
      { numRuns: 300 },
    )
  })
  it('names the reason for binary, invalid UTF-8, dateless and non-post files', () => {
    const reason = (name: string, bytes: Uint8Array) => {
      const r = parsePost(name, bytes, opts)
      return r.status === 'skipped' ? r.reason : 'imported'
    }
    expect(reason('2022-01-01-a.md', new Uint8Array([0x2d, 0, 1, 2]))).toMatch(/binary/)
    expect(reason('2022-01-01-a.md', new Uint8Array([0xff, 0xfe, 0x41]))).toMatch(/UTF-8/)
    expect(reason('-1.md', enc.encode('---\ndate:  +0800\n---\nx'))).toMatch(/no usable date/)
    expect(reason('a.jpg', enc.encode('x'))).toMatch(/not a post/)
  })
})

describe('what a list needs beyond the text', () => {
  const parse = (name: string, text: string) => {
    const r = parsePost(name, enc.encode(text), opts)
    if (r.status !== 'imported') throw new Error(r.reason)
    return r.meta
  }

  it('lifts the first real image for a thumbnail: absolute http(s), not a tracking pixel', () => {
    const post = (body: string) => parse('2026-11-01-a.md', `---\ntitle: t\n---\n${body}\n`)
    expect(
      post(
        '<img src="https://t.example/p.gif" width="1" height="1">' +
          '<p>text</p><img alt="x" src="/relative.png"><img src="https://img.example/a.jpg?x=1&amp;y=2">',
      ).image,
    ).toBe('https://img.example/a.jpg?x=1&y=2')
    expect(post('<img src="javascript:alert(1)"><p>no image</p>').image).toBeUndefined()
    expect(post('![chart](https://img.example/c.png)').image).toBe('https://img.example/c.png')
  })

  it('says when only the day is known, and the list item carries it', () => {
    const fromName = parse('2026-11-01-a.md', '---\ntitle: t\n---\nbody\n')
    const bareDate = parse('x.md', '---\ntitle: t\ndate: 2026-11-01\n---\nbody\n')
    const withTime = parse('x.md', '---\ntitle: t\ndate: 2026-11-01 08:05:00 +0800\n---\nbody\n')
    expect([fromName.dateOnly, bareDate.dateOnly, withTime.dateOnly]).toEqual([
      true,
      true,
      undefined,
    ])
    const options = { title: 'x' }
    expect(itemText('a', fromName, options).value._reader.date_only).toBe(true)
    expect(JSON.parse(itemText('b', withTime, options).text)).not.toHaveProperty(
      '_reader.date_only',
    )
  })
})
