// Pure helpers and the URL switch of the reading-state list tools.
import { useSearchParams } from 'react-router'
import { UNREAD_PARAM } from '../../entities/article/model/paths.ts'
import type { Markable } from './read-marks-store.ts'

export { UNREAD_PARAM }

/** Only the exact value "1" turns it on; anything else in the URL is ignored. */
export function useUnreadOnly(): boolean {
  const [params] = useSearchParams()
  return params.get(UNREAD_PARAM) === '1'
}

export type DatedMarkable = Markable & { publishedMs: number | null }

export const DAY_MS = 86_400_000

/** Items published before `now - age`; items without a date count as old. */
export function olderThan<T extends DatedMarkable>(
  items: readonly T[],
  age: number,
  now = Date.now(),
): T[] {
  return items.filter((it) => it.publishedMs === null || it.publishedMs < now - age)
}
