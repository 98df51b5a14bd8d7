// Which list is shown (all, one category, one tag), and its compact form in the `?from=` search
// parameter, so an article's previous/next survive a reload.
import type { Article } from './article.ts'

export type ListScope =
  { kind: 'all' } | { kind: 'category'; slug: string } | { kind: 'tag'; tag: string }

export const ALL: ListScope = { kind: 'all' }

export function formatFrom(scope: ListScope): string {
  if (scope.kind === 'category') return `category:${scope.slug}`
  if (scope.kind === 'tag') return `tag:${scope.tag}`
  return 'all'
}

/** Reads `?from=`; anything unreadable falls back to the latest list. */
export function parseFrom(value: string | null): ListScope {
  if (!value || value.length > 500) return ALL
  if (value.startsWith('category:') && value.length > 9)
    return { kind: 'category', slug: value.slice(9) }
  if (value.startsWith('tag:') && value.length > 4) return { kind: 'tag', tag: value.slice(4) }
  return ALL
}

export function matchesScope(article: Article, scope: ListScope): boolean {
  if (scope.kind === 'category') return article.category === scope.slug
  if (scope.kind === 'tag') return article.tags.includes(scope.tag)
  return true
}
