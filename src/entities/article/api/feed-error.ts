// The one error type of the feed: each way loading can fail has a kind, and each kind has the
// sentence the reader is shown.
import { messages } from '../../../lib/messages.ts'

export type FeedErrorKind =
  | 'not-json'
  | 'not-a-feed'
  | 'bad-version'
  | 'bad-items'
  | 'http'
  | 'timeout'
  | 'offline'
  | 'loop'
  | 'cross-origin'
  | 'not-found'

/** A feed file that cannot be shown at all. `status` is HTTP's; `timeoutMs` the wait given up. */
export class FeedError extends Error {
  readonly kind: FeedErrorKind
  readonly status: number | undefined
  readonly timeoutMs: number | undefined
  constructor(
    kind: FeedErrorKind,
    message: string,
    details: { status?: number; timeoutMs?: number } = {},
  ) {
    super(message)
    this.name = 'FeedError'
    this.kind = kind
    this.status = details.status
    this.timeoutMs = details.timeoutMs
  }
}

/** The reader's words for a failure. */
export function errorText(error: unknown, offline: boolean = isOffline()): string {
  if (!(error instanceof FeedError)) return messages.unknownError
  if (error.kind === 'offline' && offline) return messages.offlineNotCached
  if (error.kind === 'timeout')
    return messages.feedTimeout(Math.round((error.timeoutMs ?? 0) / 1000))
  const text = messages.feedError[error.kind]
  return error.kind === 'http' && error.status ? text + messages.httpStatus(error.status) : text
}

/** The browser says there is no network: what is not cached cannot load now. */
export function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false
}

export function isNotFound(error: unknown): boolean {
  return error instanceof FeedError && error.kind === 'not-found'
}

/** Only passing troubles are worth one automatic retry; a 404, a broken file or a timeout is not. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof FeedError)) return true
  return error.kind === 'offline' || error.kind === 'http'
}
