// A search document as the app's lists show an article.
import type { Article } from '../../entities/article/model/article.ts'
import type { SearchDoc } from '../../shared/search.ts'

/** A result as the list shows it. */
export function articleOfDoc(d: SearchDoc): Article {
  const ms = Date.parse(d.date_published)
  return {
    id: d.id,
    title: d.title || d.id,
    summary: '',
    tags: d.tags,
    titleIsStandIn: d.title === '',
    published: d.date_published || null,
    publishedMs: Number.isNaN(ms) ? null : ms,
    category: d.category || null,
    externalUrl: null,
    url: null,
    contentUrl: null,
    contentHtml: null,
    contentText: null,
    readingMinutes: null,
    authors: [],
    image: null,
    dateOnly: false,
  }
}
