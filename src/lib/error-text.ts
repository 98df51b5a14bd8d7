// The reader's words for a failure: FeedError kinds become plain zh-CN sentences.
import { FeedError } from '../shared/decode-feed.ts'
import { messages } from './messages.ts'

export function errorText(error: unknown): string {
  if (error instanceof FeedError) {
    const text = messages.feedError[error.kind]
    return error.kind === 'http' && error.status ? text + messages.httpStatus(error.status) : text
  }
  return messages.unknownError
}

export function isNotFound(error: unknown): boolean {
  return error instanceof FeedError && error.kind === 'not-found'
}
