// The article as the app knows it, whatever feed it came from: the fields a bundle item carries
// (typed from the bundle schema) plus what a plain JSON Feed may add or lack.
import type { BundleListItem } from '../../../shared/feed-bundle.ts'

export type Article = Pick<BundleListItem, 'id' | 'title' | 'summary' | 'tags'> & {
  /** The title was missing and this one is a stand-in taken from the text. */
  titleIsStandIn: boolean
  /** RFC 3339 as given, or null when missing or unreadable. */
  published: string | null
  publishedMs: number | null
  /** `_reader.category` of a bundle item; null in plain feeds. */
  category: BundleListItem['_reader']['category'] | null
  /** The article's own page elsewhere (the bundle's source link); http(s) only. */
  externalUrl: string | null
  url: string | null
  /** Absolute URL of the bundle's content file, when the body is not inline. */
  contentUrl: string | null
  contentHtml: string | null
  contentText: string | null
  readingMinutes: number | null
  authors: string[]
  /** An image to show beside the title in lists (http(s)), or null. */
  image: string | null
  /** Only the day is known (the time would be an invented 00:00). */
  dateOnly: boolean
}

/** The source as people know it: a bundle item's first tag is its source's label. */
export function sourceName(article: Pick<Article, 'category' | 'tags'>): string | null {
  if (article.category === null) return null
  return article.tags[0] ?? article.category
}

export const hasBody = (a: Article) => a.contentHtml !== null || a.contentText !== null
