import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { LIMITS } from './decode.ts'
import { decodeFeedPage } from './decode-plain.ts'
import { FeedError } from './feed-error.ts'
import { parseFeedJson } from './fetch-feed.ts'

const PAGE = 'https://reader.example/feed/feed.json'

describe('decodeFeedPage', () => {
  it('reads a JSON Feed 1.0 document with untitled items and URL ids', () => {
    const page = decodeFeedPage(
      {
        version: 'https://jsonfeed.org/version/1',
        title: 'A blog',
        items: [
          { id: 'https://a.example/1', content_text: 'Hello there, this is the body.' },
          {
            id: 'https://a.example/2',
            title: 'Second',
            content_html: '<p>Hi</p>',
            author: { name: 'Ann' },
          },
        ],
      },
      PAGE,
    )
    expect(page.articles.map((a) => a.title)).toEqual(['Hello there, this is the body.', 'Second'])
    expect(page.articles[0]?.titleIsStandIn).toBe(true)
    expect(page.articles[1]?.authors).toEqual(['Ann'])
  })

  it('makes an untitled item’s heading of text: entities decoded, cut between characters', () => {
    const body = `<p>&ldquo;收益率&rdquo;&hellip;&nbsp;&mdash;&#x1F4C8;&amp;${'长'.repeat(60)}</p>`
    const emoji = `<p>${'👨‍👩‍👧'.repeat(60)}</p>`
    const page = decodeFeedPage(
      {
        version: 'https://jsonfeed.org/version/1',
        items: [
          { id: 'a', content_html: body },
          { id: 'b', content_html: emoji },
        ],
      },
      PAGE,
    )
    const [a, b] = page.articles.map((x) => x.title)
    expect(a).toMatch(/^“收益率”… —📈&长+…$/)
    expect(a).not.toMatch(/&[a-z#]/i)
    expect(Array.from(a!).length).toBeLessThanOrEqual(LIMITS.standIn)
    // A family emoji is one character to a reader: never cut in the middle of it.
    expect(b).toMatch(/^(👨‍👩‍👧)+…$/u)
  })

  it('skips items without id or with a repeated id, and counts them', () => {
    const page = decodeFeedPage(
      {
        version: 'https://jsonfeed.org/version/1.1',
        items: [{ title: 'x' }, { id: 'a' }, { id: 'a' }, 3],
      },
      PAGE,
    )
    expect(page.articles.map((a) => a.id)).toEqual(['a'])
    expect(page.skipped).toBe(3)
  })

  it('drops a next_url that leaves the origin', () => {
    const page = decodeFeedPage(
      {
        version: 'https://jsonfeed.org/version/1.1',
        items: [],
        next_url: 'https://evil.example/p2.json',
      },
      PAGE,
    )
    expect(page.nextUrl).toBeNull()
  })

  it('rejects documents that are not JSON Feeds', () => {
    expect(() => decodeFeedPage({ version: 'rss' }, PAGE)).toThrow(FeedError)
    expect(() => decodeFeedPage([], PAGE)).toThrow(FeedError)
    expect(() =>
      decodeFeedPage({ version: 'https://jsonfeed.org/version/1.1', items: {} }, PAGE),
    ).toThrow(FeedError)
  })

  it('never throws anything but FeedError on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(fc.jsonValue()), (doc, items) => {
        for (const input of [doc, { version: 'https://jsonfeed.org/version/1.1', items }]) {
          try {
            decodeFeedPage(input, PAGE)
          } catch (e) {
            if (!(e instanceof FeedError)) throw e
          }
        }
      }),
    )
  })
})

const V11 = 'https://jsonfeed.org/version/1.1'
const feed = (items: unknown, extra: Record<string, unknown> = {}) => ({
  version: V11,
  items,
  ...extra,
})

describe('decodeFeedPage on hostile and broken feeds', () => {
  it('cuts a 1 MB title to a readable one and counts the repair', () => {
    const huge = '长'.repeat(1_000_000)
    const page = decodeFeedPage(
      feed([
        { id: 'a', title: huge },
        { id: 'b', title: 'ok' },
      ]),
      PAGE,
    )
    expect(Array.from(page.articles[0]?.title ?? '')).toHaveLength(LIMITS.title)
    expect(page.articles[0]?.title.endsWith('…')).toBe(true)
    expect(page.articles[1]?.title).toBe('ok')
    expect(page.repaired).toBe(1)
  })

  it('treats titles, summaries and tags as text, never as markup', () => {
    const page = decodeFeedPage(
      feed([
        {
          id: 'a',
          title: 'CPI <1% & <b>bold</b>\u0000\n next',
          summary: '<img src=x onerror=alert(1)>',
          tags: ['<script>x</script>'],
        },
      ]),
      PAGE,
    )
    const a = page.articles[0]
    expect(a?.title).toBe('CPI <1% & <b>bold</b> next')
    expect(a?.summary).toBe('<img src=x onerror=alert(1)>')
    expect(a?.tags).toEqual(['<script>x</script>'])
  })

  it('keeps items with non-string tags, dropping the bad tags', () => {
    const page = decodeFeedPage(
      feed([
        { id: 'a', tags: ['ok', 3, null, { x: 1 }, ['n'], '  ', 'ok'] },
        { id: 'b', tags: 'not a list' },
        { id: 'c', tags: ['fine'] },
      ]),
      PAGE,
    )
    expect(page.articles.map((a) => a.tags)).toEqual([['ok'], [], ['fine']])
    expect(page.repaired).toBe(2)
  })

  it.each([
    'yesterday',
    '2022-02-30T10:00:00+08:00',
    '2022-13-01T00:00:00Z',
    '2022-06-07T25:00:00Z',
    '2022-06-07',
    '0000-01-01T00:00:00Z',
    12345,
    null,
    'x'.repeat(100_000),
  ])('shows an item with the bad date %j without a date', (date) => {
    const page = decodeFeedPage(feed([{ id: 'a', title: 't', date_published: date }]), PAGE)
    expect(page.articles[0]?.published).toBeNull()
    expect(page.repaired).toBe(1)
  })

  it('skips items without an id, with a duplicate id or not objects, and counts them', () => {
    const page = decodeFeedPage(
      feed([
        { id: 'a' },
        { title: 'no id' },
        { id: '' },
        { id: '   ' },
        { id: 'a', title: 'again' },
        { id: ' a ' },
        { id: 7 },
        { id: ['x'] },
        'text',
        null,
        [],
      ]),
      PAGE,
    )
    expect(page.articles.map((a) => a.id)).toEqual(['a', '7'])
    expect(page.skipped).toBe(9)
    expect(page.problems.length).toBeGreaterThan(0)
  })

  it.each([
    [{ version: 'https://jsonfeed.org/version/2', items: [] }, 'bad-version'],
    [{ version: 1.1, items: [] }, 'not-a-feed'],
    [{ items: [] }, 'not-a-feed'],
    [{ version: V11, items: 'x' }, 'bad-items'],
    [{ version: V11, items: { 0: { id: 'a' } } }, 'bad-items'],
    [null, 'not-a-feed'],
    ['feed', 'not-a-feed'],
  ])('rejects %j as %s', (doc, kind) => {
    expect(() => decodeFeedPage(doc, PAGE)).toThrow(expect.objectContaining({ kind }))
  })

  it('turns text that is not JSON into a FeedError', () => {
    for (const text of ['<html>404</html>', '', '{"version":', '\u0000']) {
      expect(() => parseFeedJson(text)).toThrow(FeedError)
    }
  })

  it('stops paging at a next_url that points back at the page or leaves the site', () => {
    for (const next of [PAGE, `${PAGE}#again`, 'feed.json', '//evil.example/feed.json']) {
      const page = decodeFeedPage(feed([], { next_url: next }), PAGE)
      expect(page.nextUrl, next).toBeNull()
    }
    expect(decodeFeedPage(feed([], { next_url: 'page-2.json' }), PAGE).nextUrl).toBe(
      'https://reader.example/feed/page-2.json',
    )
    for (const next of ['javascript:alert(1)', 'data:application/json,{}', 42]) {
      expect(decodeFeedPage(feed([], { next_url: next }), PAGE).nextUrl).toBeNull()
    }
  })

  it('is not polluted by prototype-shaped keys', () => {
    const text =
      '{"version":"https://jsonfeed.org/version/1.1","__proto__":{"items":[{"id":"p"}]},' +
      '"constructor":{"prototype":{"polluted":1}},"items":[{"id":"a","__proto__":{"title":"x",' +
      '"polluted":1},"_reader":{"__proto__":{"category":"c"}},"tags":["__proto__","constructor"]}]}'
    const page = decodeFeedPage(parseFeedJson(text), PAGE)
    // The item's own `__proto__` key is data, not its prototype: no title or category leaks in.
    expect(page.articles.map((a) => [a.id, a.title, a.category, a.tags])).toEqual([
      ['a', '', null, ['__proto__', 'constructor']],
    ])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })

  it('reads huge arrays only as far as it needs to', () => {
    const items = Array.from({ length: LIMITS.items + 10 }, (_, i) => ({ id: `i${i}` }))
    const page = decodeFeedPage(
      feed(items.map((it, i) => (i === 0 ? { ...it, tags: Array(200_000).fill('t') } : it))),
      PAGE,
    )
    expect(page.articles).toHaveLength(LIMITS.items)
    expect(page.skipped).toBe(10)
    expect(page.articles[0]?.tags).toEqual(['t'])
    expect(page.problems.length).toBeLessThanOrEqual(50)
  })

  it('never throws anything but FeedError on arbitrary feed-shaped JSON, and keeps its promises', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 400 }))
    const dateLike = fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.string(),
      fc.jsonValue(),
    )
    const urlLike = fc.oneof(
      fc.constantFrom('p2.json', 'https://evil.example/x', 'javascript:alert(1)', PAGE, ''),
      fc.webUrl(),
      fc.jsonValue(),
    )
    const item = fc.oneof(
      fc.record(
        {
          id: fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.jsonValue()),
          title: fc.oneof(text, fc.jsonValue()),
          summary: fc.oneof(text, fc.jsonValue()),
          content_html: fc.oneof(text, fc.jsonValue()),
          content_text: fc.oneof(text, fc.jsonValue()),
          date_published: dateLike,
          date_modified: dateLike,
          tags: fc.oneof(fc.array(fc.oneof(text, fc.jsonValue())), fc.jsonValue()),
          url: urlLike,
          external_url: urlLike,
          authors: fc.jsonValue(),
          author: fc.jsonValue(),
          _reader: fc.oneof(
            fc.record(
              { category: fc.jsonValue(), content_url: urlLike, reading_minutes: fc.jsonValue() },
              { requiredKeys: [] },
            ),
            fc.jsonValue(),
          ),
          ['__proto__']: fc.jsonValue(),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    )
    const doc = fc.record(
      {
        version: fc.oneof(
          fc.constantFrom(
            V11,
            'https://jsonfeed.org/version/1',
            'http://jsonfeed.org/version/1.1/',
          ),
          fc.jsonValue(),
        ),
        title: fc.oneof(text, fc.jsonValue()),
        items: fc.oneof(fc.array(item, { maxLength: 30 }), fc.jsonValue()),
        next_url: urlLike,
        _reader: fc.jsonValue(),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(doc, (input) => {
        let page
        try {
          page = decodeFeedPage(input, PAGE)
        } catch (e) {
          if (!(e instanceof FeedError)) throw e
          return
        }
        const n = Array.isArray(input.items) ? input.items.length : 0
        expect(page.articles.length + page.skipped).toBe(n)
        expect(new Set(page.articles.map((a) => a.id)).size).toBe(page.articles.length)
        for (const a of page.articles) {
          expect(Array.from(a.title).length).toBeLessThanOrEqual(LIMITS.title)
          expect(a.tags.every((t) => typeof t === 'string')).toBe(true)
          expect(a.publishedMs === null || Number.isFinite(a.publishedMs)).toBe(true)
        }
        if (page.nextUrl !== null) expect(new URL(page.nextUrl).origin).toBe(new URL(PAGE).origin)
      }),
      { numRuns: 300 },
    )
  })
})
