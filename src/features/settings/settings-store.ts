// The reader's display settings: one synced store, each setting validated on its own when read, so
// a damaged value costs that setting (back to its default) and never the others.
import * as v from 'valibot'
import { useSyncExternalStore } from 'react'
import { browserLanguage, LANGUAGES, setLanguage } from '../../lib/i18n.ts'
import { createSyncedStore } from '../../lib/storage/synced-store.ts'
import { readWire } from '../../lib/storage/wire.ts'
import { cleanMuteList } from './mute-list.ts'

/** A muted list: not an array costs the list, a bad entry only that entry. */
const muteList = v.pipe(
  v.array(v.unknown()),
  v.transform((list: unknown[]) => cleanMuteList(list)),
)

const FIELDS = {
  /** Lists with summaries and thumbnails, or titles only. */
  density: v.picklist(['comfortable', 'compact']),
  /** Single-key shortcuts (j/k, o, m, s, …). */
  shortcuts: v.boolean(),
  /** The unread count of the list on screen in the document title. */
  titleCount: v.boolean(),
  /** Colours: the system's, or always light or dark. */
  theme: v.picklist(['system', 'light', 'dark']),
  /** Article text size, a step of four (1 is the default). */
  fontSize: v.picklist([0, 1, 2, 3]),
  /** Article line spacing, a step of three. */
  lineHeight: v.picklist([0, 1, 2]),
  /** Times in the archive's zone (Beijing) or the browser's. */
  timeZone: v.picklist(['archive', 'browser']),
  /** The interface's language; until chosen (or when damaged), the browser's preference. */
  language: v.picklist(LANGUAGES),

  /** Opened articles kept for offline reading (favourites are kept besides, always). */
  cacheLimit: v.pipe(v.number(), v.integer(), v.minValue(10), v.maxValue(10_000)),

  /** Muted words, sources, and whether words are looked for in the body too (mute-list.ts). */
  mutedWords: muteList,
  mutedSources: muteList,
  muteBody: v.boolean(),
}

/** The article limits offered in the settings (any whole number in the schema's range is valid). */
export const CACHE_LIMITS = [100, 300, 1_000, 3_000] as const

export type Settings = { [K in keyof typeof FIELDS]: v.InferOutput<(typeof FIELDS)[K]> }

export const DEFAULT_SETTINGS: Settings = {
  density: 'comfortable',
  shortcuts: true,
  titleCount: false,
  theme: 'system',
  fontSize: 1,
  lineHeight: 1,
  timeZone: 'archive',
  language: 'zh-CN',
  cacheLimit: 300,
  mutedWords: [],
  mutedSources: [],
  muteBody: false,
}

/** The defaults of this browser: the language it prefers, the rest as DEFAULT_SETTINGS. */
const defaults = (): Settings => ({ ...DEFAULT_SETTINGS, language: browserLanguage() })

type Stored = { value: Settings; t: number }

const WireSchema = v.object({
  v: v.literal(1),
  t: v.number(),
  s: v.record(v.string(), v.unknown()),
})

function decode(raw: string): { value: Stored; complete: boolean } {
  const wire = readWire(raw, WireSchema)
  if (!wire) return { value: { value: defaults(), t: 0 }, complete: false }
  const value: Record<string, unknown> = defaults()
  let complete = true
  for (const [key, schema] of Object.entries(FIELDS)) {
    if (!(key in wire.s)) continue
    const r = v.safeParse(schema, wire.s[key])
    if (r.success) value[key] = r.output
    else complete = false
  }
  return { value: { value: value as Settings, t: wire.t }, complete }
}

export const settingsStore = createSyncedStore<Stored>({
  name: 'settings',
  version: 1,
  codec: { encode: (s) => JSON.stringify({ v: 1, t: s.t, s: s.value }), decode },
  empty: () => ({ value: defaults(), t: 0 }),
  // The last change wins across tabs (settings are few and changed by hand).
  merge: (local, incoming) => (incoming.t > local.t ? incoming : local),
})

const current = () => settingsStore.getSnapshot().value

export function useSettings(): Settings {
  return useSyncExternalStore(settingsStore.subscribe, current, () => DEFAULT_SETTINGS)
}

export function setSetting<K extends keyof Settings>(key: K, value: Settings[K]) {
  settingsStore.update((s) =>
    s.value[key] === value
      ? s
      : { value: { ...s.value, [key]: value }, t: Math.max(Date.now(), s.t + 1) },
  )
}

/**
 * Puts the settings that style the whole page on `<html>` (theme, article text, language) and keeps
 * them there; called before the first render so a dark page never flashes light (the first render
 * waits for an English catalog: languageLoading()).
 */
export function applyPageSettings(onTimeZone: (zone: Settings['timeZone']) => void): void {
  const apply = () => {
    const s = current()
    const root = document.documentElement
    if (s.theme === 'system') delete root.dataset.theme
    else root.dataset.theme = s.theme
    root.dataset.fontSize = String(s.fontSize)
    root.dataset.lineHeight = String(s.lineHeight)
    onTimeZone(s.timeZone)
    void setLanguage(s.language)
  }
  apply()
  settingsStore.subscribe(apply)
}
