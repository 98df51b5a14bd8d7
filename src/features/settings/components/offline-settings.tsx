// 离线阅读: how many opened articles are kept offline, what the offline copies hold, and a button
// that clears them (favourites stay readable offline).
import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { formatNumber } from '../../../lib/format.ts'
import { settingsMessages } from '../messages.ts'
import { cacheUsage, cacheUsageKey, clearOfflineCache } from '../../../lib/offline-cache.ts'
import { CACHE_LIMITS, setSetting, useSettings } from '../settings-store.ts'

export function OfflineSettings() {
  const { cacheLimit } = useSettings()
  const selectId = useId()
  const usage = useQuery({
    queryKey: cacheUsageKey,
    queryFn: () => cacheUsage().catch(() => null),
    staleTime: 0,
  })
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)

  const clear = async () => {
    setBusy(true)
    try {
      await clearOfflineCache()
      setNote(settingsMessages.cacheCleared)
    } catch {
      setNote(settingsMessages.cacheClearFailed)
    }
    await usage.refetch()
    setBusy(false)
  }

  // A limit set elsewhere (another tab, an older version) is offered too.
  const limits = CACHE_LIMITS.includes(cacheLimit as (typeof CACHE_LIMITS)[number])
    ? CACHE_LIMITS
    : [...CACHE_LIMITS, cacheLimit].sort((a, b) => a - b)
  const u = usage.data
  return (
    <>
      <div className="setting">
        <label htmlFor={selectId}>{settingsMessages.cacheLimitSetting}</label>{' '}
        <select
          id={selectId}
          value={cacheLimit}
          onChange={(e) => setSetting('cacheLimit', Number(e.currentTarget.value))}
        >
          {limits.map((n) => (
            <option key={n} value={n}>
              {settingsMessages.cacheLimitOption(formatNumber(n))}
            </option>
          ))}
        </select>
      </div>
      <p className="cache-usage">
        {u === undefined
          ? settingsMessages.cacheUsageLoading
          : u === null
            ? settingsMessages.cacheUnavailable
            : settingsMessages.cacheUsage(
                formatNumber(u.articles),
                formatNumber(u.favourites),
                formatNumber(u.pages),
                settingsMessages.bytes(u.bytes),
              )}
      </p>
      <button type="button" onClick={() => void clear()} disabled={busy || u === null}>
        {settingsMessages.cacheClear}
      </button>
      <p role="status" className="cache-note">
        {note}
      </p>
    </>
  )
}
