// The old site's permalinks, /:category/:yyyy/:mm/:dd/:slug.html: links already shared keep
// working by redirecting (replacing history) to the article, whose id is the slug.
import { Navigate, useParams } from 'react-router'
import { NotFound } from '../../components/not-found.tsx'
import { articlePath } from '../../lib/paths.ts'

const DATE_PARTS = { yyyy: /^\d{4}$/, mm: /^\d{2}$/, dd: /^\d{2}$/ } as const

export default function PermalinkRoute() {
  const params = useParams()
  const slug = /^(.+)\.html$/.exec(params.file ?? '')?.[1]
  const datesOk = (Object.keys(DATE_PARTS) as (keyof typeof DATE_PARTS)[]).every((k) =>
    DATE_PARTS[k].test(params[k] ?? ''),
  )
  return slug && datesOk ? <Navigate replace to={articlePath(slug)} /> : <NotFound />
}
