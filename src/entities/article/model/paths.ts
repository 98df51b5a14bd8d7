// The app's URLs, built in one place so every Unicode id, slug or tag round-trips through the path.
import { formatFrom, type ListScope } from './scope.ts'

export function articlePath(id: string, from?: ListScope): string {
  const base = `/article/${encodeURIComponent(id)}`
  return from ? `${base}?${new URLSearchParams({ from: formatFrom(from) }).toString()}` : base
}

export const categoryPath = (slug: string) => `/category/${encodeURIComponent(slug)}`
export const tagPath = (tag: string) => `/tag/${encodeURIComponent(tag)}`

/** The address of a list. */
export function listPath(scope: ListScope): string {
  if (scope.kind === 'category') return categoryPath(scope.slug)
  if (scope.kind === 'tag') return tagPath(scope.tag)
  return '/'
}
