// The tolerant decoder of any JSON Feed, 1.0 or 1.1, from anywhere: a bad item is skipped or
// repaired and counted, never thrown. Loaded only when the feed is not a bundle.
import {
  LIMITS,
  WEB,
  decodePage,
  isRecord,
  parseDate,
  resolveUrl,
  type FeedPage,
  type ItemResult,
} from './decode.ts'
import { cut, htmlToText, plainText } from './text.ts'

function authorNames(item: Record<string, unknown>): string[] {
  const list = Array.isArray(item.authors) ? item.authors : item.author ? [item.author] : []
  return list
    .slice(0, LIMITS.authors * 10)
    .map((a) => (isRecord(a) && typeof a.name === 'string' ? cut(a.name.trim(), 100) : ''))
    .filter((n) => n !== '')
    .slice(0, LIMITS.authors)
}

function decodeItem(raw: unknown, index: number, pageUrl: string): ItemResult {
  if (!isRecord(raw)) return { skip: `item ${index + 1} is not an object` }
  const rawId = typeof raw.id === 'number' && Number.isFinite(raw.id) ? String(raw.id) : raw.id
  if (typeof rawId !== 'string' || rawId.trim() === '')
    return { skip: `item ${index + 1} has no id` }
  if (rawId.length > LIMITS.id) return { skip: `item ${index + 1} has an id too long to use` }
  const id = rawId.trim()
  const repairs: string[] = []

  const contentHtml = typeof raw.content_html === 'string' ? raw.content_html : null
  const contentText = typeof raw.content_text === 'string' ? raw.content_text : null
  // Titles, summaries and tags are text: never parsed as HTML, only the body is.
  const n = LIMITS.textSource
  const summarySource =
    typeof raw.summary === 'string'
      ? plainText(raw.summary.slice(0, n))
      : contentText !== null
        ? plainText(contentText.slice(0, n))
        : contentHtml !== null
          ? htmlToText(contentHtml.slice(0, n))
          : ''
  const summary = cut(summarySource, LIMITS.summary)

  const fullTitle = typeof raw.title === 'string' ? plainText(raw.title.slice(0, n)) : ''
  let title = cut(fullTitle, LIMITS.title)
  if (title !== fullTitle) repairs.push(`item ${cut(id, 60)}: title cut`)
  const titleIsStandIn = title === ''
  if (titleIsStandIn) title = cut(summary, LIMITS.standIn)

  const date = parseDate(raw.date_published) ?? parseDate(raw.date_modified)
  if (raw.date_published !== undefined && parseDate(raw.date_published) === null) {
    repairs.push(`item ${cut(id, 60)}: unreadable date`)
  }

  let tags: string[] = []
  if (raw.tags !== undefined) {
    const list: unknown[] = Array.isArray(raw.tags) ? raw.tags : []
    const good = list.filter((t): t is string => typeof t === 'string' && plainText(t) !== '')
    if (good.length !== list.length || !Array.isArray(raw.tags))
      repairs.push(`item ${cut(id, 60)}: bad tags`)
    // A huge list is read only as far as the first LIMITS.tags distinct tags.
    const distinct = new Set<string>()
    for (const t of good) {
      if (distinct.size >= LIMITS.tags) break
      distinct.add(cut(plainText(t.slice(0, n)), LIMITS.tag))
    }
    tags = [...distinct]
  }

  const ext = isRecord(raw._reader) ? raw._reader : null
  const category =
    ext && typeof ext.category === 'string' && plainText(ext.category) !== ''
      ? cut(plainText(ext.category.slice(0, 1_000)), 200)
      : null
  const contentUrl = ext ? resolveUrl(ext.content_url, pageUrl, WEB) : null
  const readingMinutes =
    ext && typeof ext.reading_minutes === 'number' && Number.isFinite(ext.reading_minutes)
      ? Math.max(0, Math.round(ext.reading_minutes))
      : null

  return {
    repairs,
    article: {
      id,
      title,
      titleIsStandIn,
      summary,
      published: date?.published ?? null,
      publishedMs: date?.ms ?? null,
      tags,
      category,
      externalUrl: resolveUrl(raw.external_url, pageUrl, WEB),
      url: resolveUrl(raw.url, pageUrl, WEB),
      contentUrl,
      contentHtml,
      contentText,
      readingMinutes,
      authors: authorNames(raw),
      image: resolveUrl(raw.image, pageUrl, WEB),
      dateOnly: false,
    },
  }
}

/**
 * Decodes one page of any JSON Feed fetched from `pageUrl` (absolute). Throws FeedError only when
 * nothing of it can be shown.
 */
export function decodeFeedPage(json: unknown, pageUrl: string): FeedPage {
  return decodePage(json, pageUrl, decodeItem)
}
