// The ONE place the app inserts HTML: every article body goes through the sanitizer policy and the
// Trusted Types policy in src/lib/sanitize before it reaches innerHTML.
import { useMemo } from 'react'
import { toTrustedHtml } from '../../lib/sanitize/trusted-html.ts'

export type SafeHtmlProps = {
  html: string
  /** The article's source page: relative links and images resolve against it. */
  baseUrl?: string | null
  className?: string
}

export function SafeHtml({ html, baseUrl, className }: SafeHtmlProps) {
  // Memoised: React compares __html by identity, so a new TrustedHTML would rewrite the DOM.
  const clean = useMemo(() => toTrustedHtml(html, baseUrl), [html, baseUrl])
  return <div className={className} dangerouslySetInnerHTML={{ __html: clean }} />
}
