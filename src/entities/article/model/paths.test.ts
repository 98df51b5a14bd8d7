// URLs of the app: every id, slug or tag round-trips through the path, and `?from=` through the
// search, as react-router will read them back.
import fc from 'fast-check'
import { matchRoutes } from 'react-router'
import { describe, expect, it } from 'vitest'
import { formatFrom, parseFrom, type ListScope } from './scope.ts'
import { articlePath, tagPath } from './paths.ts'

const routes = [{ path: '/tag/:tag' }, { path: '/article/:id' }]
const param = (url: string, name: string) => {
  const u = new URL(url, 'http://x')
  return matchRoutes(routes, u.pathname)?.[0]?.params[name]
}

// URL parsers drop "." and ".." path segments, encoded or not (WHATWG URL): a name made only of
// one or two dots has no path of its own (no real tag or id has been seen with one). The routes read
// a literal "%2F" correctly (route-params.ts), but matchRoutes here decodes it twice.
const text = fc
  .string({ unit: 'grapheme', minLength: 1 })
  .filter((s) => !/%2F/i.test(s) && s !== '.' && s !== '..')

describe('paths', () => {
  it('round-trips Chinese, spaces, /, # and ? in tags', () => {
    for (const tag of ['中文', 'a b', 'AI / 机器人 #1?', '100%', '?#/']) {
      expect(param(tagPath(tag), 'tag')).toBe(tag)
    }
  })

  it('round-trips any tag and any article id (property)', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(param(tagPath(s), 'tag')).toBe(s)
        expect(param(articlePath(s), 'id')).toBe(s)
      }),
    )
  })

  it('keeps the list an article was opened from in ?from=', () => {
    const scopes: ListScope[] = [
      { kind: 'all' },
      { kind: 'category', slug: 'emnews' },
      { kind: 'tag', tag: '东财 / 滚动 #1?' },
    ]
    for (const scope of scopes) {
      const url = new URL(articlePath('https://x.example/a?b#c', scope), 'http://x')
      expect(parseFrom(url.searchParams.get('from'))).toEqual(scope)
      expect(formatFrom(parseFrom(formatFrom(scope)))).toBe(formatFrom(scope))
    }
    expect(parseFrom('nonsense')).toEqual({ kind: 'all' })
    expect(parseFrom(null)).toEqual({ kind: 'all' })
  })
})
