// The app's URLs, built in one place so every Unicode id, slug or tag round-trips through the path.
import { formatFrom, type ListScope } from './scope.ts'

/** ?unread=1 on a list: only unread articles (carried to its articles, whose pane may show it). */
export const UNREAD_PARAM = 'unread'

export function articlePath(id: string, from?: ListScope, unreadOnly = false): string {
  const base = `/article/${encodeURIComponent(id)}`
  if (!from) return base
  const params = new URLSearchParams({ from: formatFrom(from) })
  if (unreadOnly) params.set(UNREAD_PARAM, '1')
  return `${base}?${params.toString()}`
}

export const categoryPath = (slug: string) => `/category/${encodeURIComponent(slug)}`
export const tagPath = (tag: string) => `/tag/${encodeURIComponent(tag)}`

/** The address of a list. */
export function listPath(scope: ListScope): string {
  if (scope.kind === 'category') return categoryPath(scope.slug)
  if (scope.kind === 'tag') return tagPath(scope.tag)
  return '/'
}
