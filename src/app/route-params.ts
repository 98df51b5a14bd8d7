// What a route accepts from its URL: anything else is not found (thrown to the page's boundary),
// never a request. Path parameters are read from the path itself and decoded once: react-router
// decodes `%2F` a second time, so a tag that is literally "%2F" would become "/".
import { useLocation } from 'react-router'
import { FeedError } from '../entities/article/api/feed-error.ts'

const notFound = (what: string): never => {
  throw new FeedError('not-found', `No such page: ${what}`, { status: 404 })
}

/** The path's segment after `/<prefix>/`, decoded once; not found when blank, too long or broken. */
function usePathParam(maxLength: number): string {
  const { pathname } = useLocation()
  const raw = pathname.split('/')[2] ?? ''
  let value = ''
  try {
    value = decodeURIComponent(raw)
  } catch {
    notFound(raw)
  }
  if (value.trim() === '' || value.length > maxLength) notFound(raw)
  return value
}

/** An article id: any non-blank text of sane length (ids of plain feeds are often URLs). */
export const useIdParam = () => usePathParam(2_000)
/** A category slug or a tag name. */
export const useNameParam = () => usePathParam(200)
