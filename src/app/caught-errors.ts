// What React reports of errors its boundaries caught: a page of something that does not exist is an
// expected outcome (the not-found page shows), not a failure to log.
import type { ErrorInfo } from 'react'
import { isNotFound } from '../entities/article/api/feed-error.ts'

export function onCaughtError(error: unknown, info: ErrorInfo) {
  if (isNotFound(error)) return
  console.error(error, info.componentStack)
}
