// An excerpt with its matches marked: text nodes and <mark> elements, never HTML.
import type { Excerpt } from '../excerpt.ts'

export function Highlight({ excerpt }: { excerpt: Excerpt }) {
  const parts = []
  let at = 0
  for (const [a, b] of excerpt.marks) {
    if (a > at) parts.push(excerpt.text.slice(at, a))
    parts.push(<mark key={a}>{excerpt.text.slice(a, b)}</mark>)
    at = b
  }
  if (at < excerpt.text.length) parts.push(excerpt.text.slice(at))
  return <>{parts}</>
}
