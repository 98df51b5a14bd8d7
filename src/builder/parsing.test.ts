// The parsing and cleanup rules, one by one: dates, front matter, body cleanup, Markdown.
import { describe, expect, it } from 'vitest'
import { cleanBody, htmlToText, readingMinutes, truncateText } from './cleanup.ts'
import { fileNameDate, formatRfc3339, parseDateText } from './dates.ts'
import { jekyllList, splitFrontMatter } from './front-matter.ts'
import { renderMarkdown } from './markdown.ts'
import { slugOf } from './post.ts'

const SH = 'Asia/Shanghai'
const iso = (text: string, tz = SH) => {
  const d = parseDateText(text, tz)
  return d && formatRfc3339(d)
}

describe('dates', () => {
  it('keeps an explicit offset as that instant and offset', () => {
    expect(iso('2022-06-07 10:31:40 +0800')).toBe('2022-06-07T10:31:40+08:00')
    expect(iso('2022-06-07T02:31:40Z')).toBe('2022-06-07T02:31:40+00:00')
    expect(iso('2022-06-07 10:31:40 -05:30')).toBe('2022-06-07T10:31:40-05:30')
  })
  it('reads a date without offset in the archive time zone', () => {
    expect(iso('2021-12-08 13:16:19')).toBe('2021-12-08T13:16:19+08:00')
    expect(iso('2021-12-08')).toBe('2021-12-08T00:00:00+08:00')
    expect(iso('2021-07-01 12:00:00', 'America/New_York')).toBe('2021-07-01T12:00:00-04:00')
    expect(iso('2021-01-01 12:00:00', 'America/New_York')).toBe('2021-01-01T12:00:00-05:00')
  })
  it('rejects what is not a date', () => {
    for (const bad of [
      '',
      '+0800',
      'yesterday',
      '2022-02-31 10:00:00',
      '2022-13-01',
      '2022-06-07 25:00',
    ])
      expect(parseDateText(bad, SH), bad).toBeNull()
  })
  it('takes the date of a Jekyll file name at midnight', () => {
    expect(formatRfc3339(fileNameDate('2022-06-07-x.md', SH)!)).toBe('2022-06-07T00:00:00+08:00')
    expect(fileNameDate('-202205262391921712.md', SH)).toBeNull()
  })
})

describe('front matter', () => {
  it('tolerates a BOM, CRLF and a missing final newline', () => {
    const fm = splitFrontMatter('\ufeff---\r\ntitle: "标题"\r\ntags: 甲\r\n---\r\n正文')
    expect(fm.found).toBe(true)
    expect(fm.data).toEqual({ title: '标题', tags: '甲' })
    expect(fm.body).toBe('正文')
    expect(splitFrontMatter('---\ntitle: x\n---').data).toEqual({ title: 'x' })
  })
  it('falls back to a line reader, with a warning, when YAML rejects the block', () => {
    const fm = splitFrontMatter(
      '---\ntitle: "他说"不"好"\ndate: 2022-01-01 10:00:00\ntags: [a, b]\n: bad\n---\nbody',
    )
    expect(fm.warnings[0]).toMatch(/not valid YAML/)
    expect(fm.data.date).toBe('2022-01-01 10:00:00')
    expect(fm.data.tags).toEqual(['a', 'b'])
    expect(typeof fm.data.title).toBe('string')
  })
  it('reports no front matter when the file does not start with ---', () => {
    expect(splitFrontMatter('hello\n---\n').found).toBe(false)
  })
  it('reads tags and categories as Jekyll 4.3 does', () => {
    expect(jekyllList({ tags: 'a b  c' }, 'tag', 'tags')).toEqual(['a', 'b', 'c'])
    expect(jekyllList({ tags: ['x y', null, 3] }, 'tag', 'tags')).toEqual(['x y', '3'])
    expect(jekyllList({ category: 'one two' }, 'category', 'categories')).toEqual(['one two'])
    expect(jekyllList({ categories: '' }, 'category', 'categories')).toEqual([])
  })
})

describe('body cleanup', () => {
  it('lifts the trailing source link and drops the footer (one line or two)', () => {
    const one = cleanBody(
      '正文\n\n<http://a.example/n/1.html>\n\n[返回东财](//x/emnews/)｜[返回首页](//x/)',
    )
    expect(one).toEqual({ markdown: '正文', externalUrl: 'http://a.example/n/1.html' })
    const two = cleanBody(
      '正文\r\n\r\n<https://a.example/2>\r\n\r\n[返回东财](../emnews/)\r\n[返回首页](../)\r\n',
    )
    expect(two).toEqual({ markdown: '正文', externalUrl: 'https://a.example/2' })
  })
  it('gives no external URL for an empty <> and removes it', () => {
    expect(cleanBody('正文\n\n<>\n\n[返回首页](../)')).toEqual({
      markdown: '正文',
      externalUrl: undefined,
    })
  })
  it('keeps links and 返回 text that are part of the article', () => {
    const body = '他说：[返回家乡](http://a.example/) 很好。\n\n<http://a.example/x> 在中间'
    expect(cleanBody(body).markdown).toBe(body)
  })
  it('keeps a raw <1% as text', () => {
    expect(htmlToText(renderMarkdown('精度满足<1%，视场角达到120度'))).toBe(
      '精度满足<1%，视场角达到120度',
    )
    expect(renderMarkdown('满足<1%')).toContain('&lt;1%')
  })
  it('renders raw HTML and kramdown typography', () => {
    expect(renderMarkdown('<p>甲</p> <p>乙</p>')).toBe('<p>甲</p> <p>乙</p>')
    expect(renderMarkdown('"hello" -- world... (c) it\'s')).toBe(
      '<p>“hello” – world… (c) it’s</p>\n',
    )
    expect(renderMarkdown('> 摘要')).toBe('<blockquote>\n<p>摘要</p>\n</blockquote>\n')
  })
  it('derives plain text without comments or tags', () => {
    expect(htmlToText('<p>a&amp;b</p><!-- x --><script>y</script><p>c</p>')).toBe('a&b c')
    expect(truncateText('一二三四五', 3)).toBe('一二三…')
    expect(truncateText('一二三', 3)).toBe('一二三')
    expect(readingMinutes('字'.repeat(1200))).toBe(3)
    expect(readingMinutes('')).toBe(1)
  })
})

describe('ids', () => {
  it('is the slug of the file name', () => {
    expect(slugOf('2022-06-07-202206072403767554.md')).toBe('202206072403767554')
    expect(slugOf('sub/2021-12-01-init.md')).toBe('init')
    expect(slugOf('-202205262391921712.md')).toBe('202205262391921712')
  })
})

describe('the simple front matter reader', () => {
  it('agrees with the yaml package whenever it answers', async () => {
    const fc = (await import('fast-check')).default
    const { parse } = await import('yaml')
    const { simpleYaml } = await import('./front-matter.ts')
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.string({ maxLength: 8, unit: 'grapheme' }),
      fc.constantFrom(
        '2022-06-07 10:31:40 +0800',
        '"东营"',
        '1.50',
        'null',
        '~',
        'yes',
        '+0800',
        'a: b',
        'a #c',
        '0x1F',
        '.inf',
        '"a\\"b"',
        "'x'",
        '中国 工业',
      ),
    )
    const key = fc.constantFrom('title', 'date', 'tags', 'categories', 'x-y', '__proto__')
    let answered = 0
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 6 }), (pairs) => {
        const text = pairs.map(([k, v]) => `${k}: ${v}`).join('\n')
        const fast = simpleYaml(text)
        if (fast === null) return
        answered++
        expect(fast).toEqual(parse(text) ?? {})
      }),
      { numRuns: 1500 },
    )
    expect(answered).toBeGreaterThan(100)
  })
})
