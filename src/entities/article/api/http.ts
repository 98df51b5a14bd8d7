// Every request of the feed: one GET with a timeout, revalidated each time, whose every failure
// becomes a FeedError kind.
import { FeedError } from './feed-error.ts'

/** A request that has not answered after this long is a timeout the reader is told about. */
export const FETCH_TIMEOUT_MS = 15_000

/** Where the feed lives: `feed/feed.json` under the app's base, or VITE_FEED_URL at build time. */
export function feedRootUrl(): string {
  const configured: unknown = import.meta.env.VITE_FEED_URL
  const rel =
    typeof configured === 'string' && configured !== ''
      ? configured
      : `${import.meta.env.BASE_URL}feed/feed.json`
  return new URL(rel, window.location.href).href
}

/**
 * GETs `url` as JSON. `no-cache` revalidates with the server every time, so replacing the deployed
 * feed files shows at once while unchanged files still cost only a 304.
 */
export async function fetchJson(
  url: string,
  signal?: AbortSignal,
  timeoutMs: number = FETCH_TIMEOUT_MS,
): Promise<unknown> {
  const timeout = AbortSignal.timeout(timeoutMs)
  const combined =
    signal && typeof AbortSignal.any === 'function'
      ? AbortSignal.any([signal, timeout])
      : (signal ?? timeout)
  const failed = (e: unknown, what: string): never => {
    if (signal?.aborted) throw e
    if (timeout.aborted) throw new FeedError('timeout', `No answer from ${url}`, { timeoutMs })
    throw new FeedError('offline', `Could not ${what} ${url}`)
  }
  let res: Response
  try {
    res = await fetch(url, { signal: combined, cache: 'no-cache', credentials: 'same-origin' })
  } catch (e) {
    return failed(e, 'reach')
  }
  if (res.status === 404 || res.status === 410)
    throw new FeedError('not-found', `${url}: HTTP ${res.status}`, { status: res.status })
  if (!res.ok) throw new FeedError('http', `${url}: HTTP ${res.status}`, { status: res.status })
  // Static hosts with an SPA fallback answer a missing file with index.html and 200.
  if (/^text\/html/i.test(res.headers.get('content-type') ?? ''))
    throw new FeedError('not-found', `${url}: an HTML page, not a feed file`, { status: 404 })
  let text: string
  try {
    text = await res.text()
  } catch (e) {
    return failed(e, 'read')
  }
  return parseFeedJson(text)
}

/** Parses response text as JSON, turning a syntax error into a FeedError the reader can be shown. */
export function parseFeedJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    // An HTML page served where a JSON file was asked for is a missing file, not a broken feed.
    if (/^\s*<(!doctype|html)\b/i.test(text))
      throw new FeedError('not-found', 'An HTML page where a feed file was expected', {
        status: 404,
      })
    throw new FeedError('not-json', 'The feed is not valid JSON')
  }
}
