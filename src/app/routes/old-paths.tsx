// The old site's addresses keep working: a post's permalink
// (/:category/:yyyy/:mm/:dd/:slug.html) leads to the article, whose id is the slug, a category page
// (/category/:slug.html) to the category's list and /index.html home. Each replaces itself in
// history, so Back does not bounce.
import { Navigate, useParams } from 'react-router'
import { articlePath } from '../../entities/article/model/paths.ts'
import { FeedError } from '../../entities/article/api/feed-error.ts'

const DATE_PARTS = { yyyy: /^\d{4}$/, mm: /^\d{2}$/, dd: /^\d{2}$/ } as const

const notFound = (): never => {
  throw new FeedError('not-found', 'Not an old permalink', { status: 404 })
}

export function PermalinkRedirect() {
  const params = useParams()
  const slug = /^(.+)\.html$/.exec(params.file ?? '')?.[1]
  const datesOk = (Object.keys(DATE_PARTS) as (keyof typeof DATE_PARTS)[]).every((k) =>
    DATE_PARTS[k].test(params[k] ?? ''),
  )
  return slug && datesOk ? <Navigate replace to={articlePath(slug)} /> : notFound()
}
