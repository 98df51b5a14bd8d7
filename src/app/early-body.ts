// A static article page's body before the app: the page preloads its content file, and this small
// module (the sanitizer, nothing of React) puts the body in place of the summary as soon as both
// are here, through the app's one sanitizer and Trusted Types policy. The app's first render then
// shows the same body, from the same response (handed over as `newsReaderEarlyContent`, taken by
// fetchContent in src/entities/article/api/article.ts). Loaded only by the static article pages
// (`build --app`), as an async module script.
import { toTrustedHtml } from '../lib/sanitize/trusted-html.ts'

type EarlyWindow = { newsReaderEarlyContent?: { url: string; json: Promise<unknown> } | null }

const webUrl = (value: unknown, base: string): string | null => {
  if (typeof value !== 'string') return null
  try {
    const url = new URL(value, base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

/** As long as the app waits for a feed file (FETCH_TIMEOUT_MS): then the app asks again. */
const TIMEOUT_MS = 15_000

async function showBody(): Promise<void> {
  // An async script may run before the page is parsed (its chunks cached).
  if (document.readyState === 'loading')
    await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }))
  // The builder's markup, still on screen: the app has not rendered its own yet.
  const article = document.querySelector('article.article[data-static]')
  const link = document.querySelector<HTMLLinkElement>('link[rel="preload"][data-article]')
  const id = link?.dataset.article
  // null: the app has asked for the file itself (its chunks came first), and shows the body soon.
  if (!article || !link || !id || (window as EarlyWindow).newsReaderEarlyContent === null) return
  const url = new URL(link.href, window.location.href)
  if (url.origin !== window.location.origin) return
  // The request the page preloaded (same URL, mode and credentials), so it is answered from it.
  const json = fetch(url, {
    credentials: 'same-origin',
    mode: 'cors',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  }).then((r) => (r.ok ? (r.json() as Promise<unknown>) : Promise.reject(new Error(`${r.status}`))))
  ;(window as EarlyWindow).newsReaderEarlyContent = { url: url.href, json }
  const item = await json
  if (typeof item !== 'object' || item === null) return
  const {
    id: itemId,
    content_html: html,
    external_url: external,
    url: own,
  } = item as Record<string, unknown>
  const footer = article.querySelector(':scope > footer')
  if (itemId !== id || typeof html !== 'string' || !html.trim() || !footer?.isConnected) return
  const body = document.createElement('div')
  body.className = 'body'
  // The base the app resolves links against: the original article, else the item's own page.
  body.innerHTML = toTrustedHtml(
    html,
    webUrl(external, url.href) ?? webUrl(own, url.href),
  ) as string
  article.querySelector(':scope > .summary')?.remove()
  footer.before(body)
}

// Anything unexpected leaves the static page as it is: the app shows the body a moment later.
showBody().catch(() => {})
