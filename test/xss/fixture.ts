// Writes the XSS corpus as a feed bundle (feed.json, next pages, one content file per article):
// every vector is an article's body, its title and one of its tags, so the real route path
// (list page → content file → SafeHtml) carries it.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { BUNDLE_VERSION, JSON_FEED_1_1, PAGE_SIZE } from '../../src/shared/feed-bundle.ts'
import { CONTENT_TEMPLATE, fileKey, fillTemplate } from '../../src/shared/bundle-paths.ts'
import type { XssVector } from './vectors.ts'

export const articleId = (v: XssVector) => `x${v.id}`
export const SOURCE_PAGE = 'https://source.example/news/'

function item(v: XssVector, i: number) {
  const id = articleId(v)
  return {
    id,
    external_url: `${SOURCE_PAGE}${v.id}.html`,
    title: v.html,
    summary: v.html,
    // Newest first, one minute apart.
    date_published: new Date(Date.UTC(2026, 0, 1) - i * 60_000).toISOString().replace('.000Z', 'Z'),
    tags: [v.html.slice(0, 90)],
    _reader: {
      category: 'xss',
      content_url: fillTemplate(CONTENT_TEMPLATE, fileKey(id)),
      reading_minutes: 1,
    },
  }
}

/** Writes the bundle into `dir`; returns the number of list pages. */
export async function writeXssBundle(dir: string, vectors: XssVector[]): Promise<number> {
  await mkdir(path.join(dir, 'content'), { recursive: true })
  const items = vectors.map(item)
  const pages = Math.ceil(items.length / PAGE_SIZE)
  const pageName = (n: number) => (n === 0 ? 'feed.json' : `page-${n}.json`)
  for (let n = 0; n < pages; n++) {
    const doc = {
      version: JSON_FEED_1_1,
      title: 'XSS corpus',
      ...(n + 1 < pages ? { next_url: pageName(n + 1) } : {}),
      ...(n === 0
        ? {
            _reader: {
              version: BUNDLE_VERSION,
              total_items: items.length,
              content_template: CONTENT_TEMPLATE,
            },
          }
        : {}),
      items: items.slice(n * PAGE_SIZE, (n + 1) * PAGE_SIZE),
    }
    await writeFile(path.join(dir, pageName(n)), JSON.stringify(doc))
  }
  await Promise.all(
    vectors.map((v, i) =>
      writeFile(
        path.join(dir, item(v, i)._reader.content_url),
        JSON.stringify({ ...item(v, i), content_html: v.html }),
      ),
    ),
  )
  return pages
}
