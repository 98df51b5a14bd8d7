// The page for what does not exist: it says what is missing (an article, a source, a tag or any
// page), read from the address, so the route boundary and the catch-all route show the same words.
import { Link, useLocation } from 'react-router'
import { messages } from '../lib/messages.ts'
import { PageTitle } from './page-title.tsx'

type MissingKind = keyof typeof messages.notFound

/** What an address that led nowhere was meant to show. */
function missingKind(pathname: string): MissingKind {
  const [, first, second] = pathname.split('/')
  if (second === undefined || second === '') return 'page'
  if (first === 'article') return 'article'
  if (first === 'category') return 'category'
  if (first === 'tag') return 'tag'
  return 'page'
}

export function NotFound() {
  const kind = missingKind(useLocation().pathname)
  const { title, text } = messages.notFound[kind]
  return (
    <section className="not-found">
      <PageTitle title={title} />
      <h1>{title}</h1>
      <p>{text}</p>
      <p className="not-found-links">
        <Link to="/">{messages.backHome}</Link>
        {kind === 'category' && <Link to="/categories">{messages.allCategories}</Link>}
      </p>
    </section>
  )
}
