// The page for what does not exist: plain words and a way back.
import { Link } from 'react-router'
import { messages } from '../lib/messages.ts'

export function NotFound() {
  return (
    <section className="not-found">
      <title>{`${messages.notFoundTitle} · ${messages.appName}`}</title>
      <h1>{messages.notFoundTitle}</h1>
      <p>{messages.notFoundText}</p>
      <p>
        <Link to="/">{messages.backHome}</Link>
      </p>
    </section>
  )
}
