// The old site's permalinks, /:category/:yyyy/:mm/:dd/:slug.html: links already shared keep
// working by redirecting (replacing history) to the article, whose id is the slug.
import { replace, type LoaderFunctionArgs } from 'react-router'
import { articlePath } from '../../lib/paths.ts'
import { throwNotFound } from '../not-found-response.ts'

const DATE_PARTS = { yyyy: /^\d{4}$/, mm: /^\d{2}$/, dd: /^\d{2}$/ } as const

// eslint-disable-next-line react-refresh/only-export-components -- a route module exports its loader
export const loader =
  () =>
  ({ params }: LoaderFunctionArgs) => {
    const slug = /^(.+)\.html$/.exec(params.file ?? '')?.[1]
    const datesOk = (Object.keys(DATE_PARTS) as (keyof typeof DATE_PARTS)[]).every((k) =>
      DATE_PARTS[k].test(params[k] ?? ''),
    )
    if (!slug || !datesOk) throwNotFound()
    return replace(articlePath(slug))
  }

export default function PermalinkRoute() {
  return null
}
