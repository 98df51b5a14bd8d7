// When an article becomes read: a synced setting, so every tab follows the reader's last choice.
import * as v from 'valibot'
import { useSyncExternalStore } from 'react'
import { createSyncedStore } from '../../lib/storage/synced-store.ts'

export const MARK_READ_MODES = ['open', 'scroll', 'manual'] as const
export type MarkReadMode = (typeof MARK_READ_MODES)[number]

type ReadSettings = { markReadOn: MarkReadMode; t: number }

const SettingsSchema = v.object({
  v: v.literal(1),
  markReadOn: v.picklist(MARK_READ_MODES),
  t: v.pipe(v.number(), v.integer(), v.minValue(0)),
})

const DEFAULTS: ReadSettings = { markReadOn: 'open', t: 0 }

export const readSettingsStore = createSyncedStore<ReadSettings>({
  name: 'read-settings',
  version: 1,
  codec: {
    encode: (s) => JSON.stringify({ v: 1, markReadOn: s.markReadOn, t: s.t }),
    decode: (raw) => {
      try {
        const r = v.safeParse(SettingsSchema, JSON.parse(raw))
        if (r.success)
          return { value: { markReadOn: r.output.markReadOn, t: r.output.t }, complete: true }
      } catch {
        /* not JSON: kept aside by the store */
      }
      return { value: DEFAULTS, complete: false }
    },
  },
  empty: () => DEFAULTS,
  merge: (local, incoming) =>
    incoming.t > local.t || (incoming.t === local.t && incoming.markReadOn > local.markReadOn)
      ? incoming
      : local,
})

export function useMarkReadMode(): MarkReadMode {
  return useSyncExternalStore(
    readSettingsStore.subscribe,
    () => readSettingsStore.getSnapshot().markReadOn,
    () => DEFAULTS.markReadOn,
  )
}

export function setMarkReadMode(mode: MarkReadMode) {
  readSettingsStore.update((s) =>
    s.markReadOn === mode ? s : { markReadOn: mode, t: Math.max(Date.now(), s.t + 1) },
  )
}
