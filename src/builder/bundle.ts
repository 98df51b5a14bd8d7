// What an article looks like in the bundle: its list item and content file as text, and the paths
// of its files and feeds. Pure functions; pages are ./pages.ts, writing is ./output.ts.
import {
  CATEGORY_FEED_TEMPLATE,
  CONTENT_TEMPLATE,
  TAG_FEED_TEMPLATE,
  fileKey,
  fillTemplate,
} from '../shared/bundle-paths.ts'
import type { BundleListItem } from '../shared/feed-bundle.ts'
import type { PostMeta } from './post.ts'

export type BundleOptions = { siteUrl?: string; title: string }

export const contentPath = (id: string) => fillTemplate(CONTENT_TEMPLATE, fileKey(id))
/** The content folder with its slash, as list pages prefix an item's content file with it. */
export const CONTENT_DIR = CONTENT_TEMPLATE.slice(0, CONTENT_TEMPLATE.lastIndexOf('/') + 1)

export const categoryFeedUrl = (slug: string) => fillTemplate(CATEGORY_FEED_TEMPLATE, fileKey(slug))
export const tagFeedUrl = (tag: string) => fillTemplate(TAG_FEED_TEMPLATE, fileKey(tag))
export const categoryDir = (slug: string) => categoryFeedUrl(slug).replace(/\/feed\.json$/, '')
export const tagDir = (tag: string) => tagFeedUrl(tag).replace(/\/feed\.json$/, '')

/** The templates the archive's feed.json gives the app (`_reader`), relative to it. */
export const READER_TEMPLATES = {
  content_template: CONTENT_TEMPLATE,
  category_feed_template: CATEGORY_FEED_TEMPLATE,
  tag_feed_template: TAG_FEED_TEMPLATE,
}

const CONTENT_URL_KEY = '"content_url":"'

/**
 * An article's list item as JSON whose `content_url` is the content file's own name; `split` is
 * the UTF-16 index after `"content_url":"`, where a list page inserts the path to the content
 * folder. Key order is fixed here: it is part of the bytes a deterministic build writes.
 */
export type ItemText = { value: BundleListItem; text: string; split: number }

export function itemText(id: string, m: PostMeta, options: BundleOptions): ItemText {
  const path = contentPath(id)
  const item: BundleListItem = { id } as BundleListItem
  if (options.siteUrl)
    item.url = `${options.siteUrl.replace(/\/+$/, '')}/article/${encodeURIComponent(id)}`
  if (m.externalUrl) item.external_url = m.externalUrl
  item.title = m.title
  item.summary = m.summary
  if (m.image) item.image = m.image
  item.date_published = m.date
  item.tags = m.tags
  item._reader = {
    category: m.category,
    content_url: path.slice(path.lastIndexOf('/') + 1),
    reading_minutes: m.readingMinutes,
  }
  if (m.dateOnly) item._reader.date_only = true
  const text = JSON.stringify(item)
  // The last key before the item's end: no string value can hold this with unescaped quotes.
  const split = text.lastIndexOf(CONTENT_URL_KEY) + CONTENT_URL_KEY.length
  return { value: item, text, split }
}

/** The item as the archive's list pages (feed.json, page-N.json) hold it. */
export function archiveItem(item: ItemText): BundleListItem {
  const { _reader } = item.value
  return { ...item.value, _reader: { ..._reader, content_url: CONTENT_DIR + _reader.content_url } }
}

/** The content file: the list item (content_url = itself) with `content_html` added last. */
export function contentText(item: ItemText, contentHtml: string): string {
  return `${item.text.slice(0, -1)},"content_html":${JSON.stringify(contentHtml)}}\n`
}

/**
 * A category's display name (the contract): the name its posts' first tag most often has, else its
 * category page's title, else the slug. Ties go to the name that sorts first.
 */
export function categoryName(
  firstTagCounts: ReadonlyMap<string, number> | undefined,
  pageTitle: string | undefined,
  slug: string,
): string {
  let best: string | undefined
  let bestCount = 0
  for (const [name, c] of firstTagCounts ?? []) {
    if (c > bestCount || (c === bestCount && best !== undefined && name < best)) {
      best = name
      bestCount = c
    }
  }
  return best ?? (pageTitle?.trim() || slug)
}
