import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { decodeFeedPage, FeedError } from './decode-feed.ts'

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
