// The one component that inserts HTML (src/app/early-body.ts, a static article page's body before
// the app, is the other sink): every article body goes through the sanitizer policy and the Trusted
// Types policy in src/lib/sanitize before it reaches innerHTML.
import { useCallback, useMemo } from 'react'
import { toTrustedHtml } from '../../lib/sanitize/trusted-html.ts'

export const BROKEN_CLASS = 'nr-broken'

export type SafeHtmlProps = {
  html: string
  /** The article's source page: relative links and images resolve against it. */
  baseUrl?: string | null
  className?: string
}

export function SafeHtml({ html, baseUrl, className }: SafeHtmlProps) {
  // Memoised: React compares __html by identity, so a new TrustedHTML would rewrite the DOM.
  const clean = useMemo(() => toTrustedHtml(html, baseUrl), [html, baseUrl])
  // An image that fails to load shows a quiet box, not a broken icon and its alt text. Error
  // events do not bubble: the container listens while they pass down (capture).
  const watch = useCallback((el: HTMLDivElement | null) => {
    if (!el) return
    const onError = (e: Event) => {
      if (e.target instanceof HTMLImageElement) e.target.classList.add(BROKEN_CLASS)
    }
    el.addEventListener('error', onError, true)
    return () => el.removeEventListener('error', onError, true)
  }, [])
  return <div ref={watch} className={className} dangerouslySetInnerHTML={{ __html: clean }} />
}
