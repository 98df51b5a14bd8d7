// The ONE place the app inserts HTML: every article body goes through DOMPurify here.
// (Minimal first version; the full sanitizer policy lands with the security work.)
import DOMPurify from 'dompurify'
import { useMemo } from 'react'

export type SafeHtmlProps = {
  html: string
  /** The article's source page: relative links and images resolve against it. */
  baseUrl?: string | null
  className?: string
}

export function SafeHtml({ html, className }: SafeHtmlProps) {
  const clean = useMemo(
    () => DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_ATTR: ['style'] }),
    [html],
  )
  return <div className={className} dangerouslySetInnerHTML={{ __html: clean }} />
}
