// Every query key of the feed, general to specific: ['articles', <what>, {feed, …}]. Invalidation
// and cache reads use the same factory as the queries.
import type { ListScope } from '../model/scope.ts'

const scopeKey = (scope: ListScope) => ({
  category: scope.kind === 'category' ? scope.slug : null,
  tag: scope.kind === 'tag' ? scope.tag : null,
})

export const articleKeys = {
  all: ['articles'] as const,
  root: (feed: string) => ['articles', 'root', { feed }] as const,
  lists: () => ['articles', 'list'] as const,
  list: (feed: string, scope: ListScope) =>
    ['articles', 'list', { feed, ...scopeKey(scope) }] as const,
  heads: () => ['articles', 'head'] as const,
  head: (feed: string, scope: ListScope) =>
    ['articles', 'head', { feed, ...scopeKey(scope) }] as const,
  detail: (feed: string, id: string) => ['articles', 'detail', { feed, id }] as const,
  categories: (feed: string) => ['articles', 'categories', { feed }] as const,
  tags: (feed: string) => ['articles', 'tags', { feed }] as const,
}
