// The interface language (docs/decisions/051-interface-language.md). The catalogs are plain objects
// in Chinese; English is loaded on demand and copied over them, and the tree is drawn again.
import { useSyncExternalStore } from 'react'

export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/** A catalog's English form: the same keys, any strings (TypeScript proves it complete). */
export type Translation<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Translation<R>
    : T extends object
      ? { [K in keyof T]: Translation<T[K]> }
      : T

/** A catalog: the object the app reads, its Chinese words, and how to load its English. */
type Catalog = [target: object, zh: object, en: () => Promise<object>]

const catalogs: Catalog[] = []
const listeners = new Set<() => void>()
let language: Language = 'zh-CN'
/** Bumped on every change of language: the app's root is keyed by it. */
let version = 0
/** The newest request, so a slow English download never wins over a later choice. */
let wanted: Language = 'zh-CN'
let pending: Promise<void> | undefined

/** The first of the browser's preferred languages that is Chinese or English (else Chinese). */
export const browserLanguage = (
  preferred: readonly string[] = globalThis.navigator?.languages ?? [],
): Language =>
  /^en\b/i.test(preferred.find((tag) => /^(en|zh)\b/i.test(tag)) ?? '') ? 'en' : 'zh-CN'

/**
 * Adds a catalog whose English form `en` loads on demand. A page's catalog awaits the result at
 * its top level, so the page never draws in the wrong language.
 */
export function registerCatalog<T extends object>(
  target: T,
  en: () => Promise<Translation<T>>,
): Promise<void> | undefined {
  catalogs.push([target, { ...target }, en])
  return wanted === 'en'
    ? en().then(
        (words) => void Object.assign(target, words),
        () => {},
      )
    : undefined
}

/**
 * Puts every catalog in `next`, sets `<html lang>`, and tells the root to draw again. Returns
 * undefined when nothing changes (the first render need not wait for a promise then); never
 * rejects (an English chunk that cannot load, offline before it was cached, leaves Chinese).
 */
export function setLanguage(next: Language): Promise<void> | undefined {
  if (next === wanted && pending) return pending
  wanted = next
  return (pending =
    next === language
      ? undefined
      : Promise.all(
          catalogs.map(([, zh, en]) => (next === 'en' ? en() : Promise.resolve(zh))),
        ).then(
          (words) => {
            if (wanted !== next) return
            pending = undefined
            catalogs.forEach(([target], i) => Object.assign(target, words[i]))
            language = document.documentElement.lang = next
            version++
            for (const l of listeners) l()
          },
          () => {},
        ))
}

/** The change of language under way, if any: the first render waits for it. */
export const languageLoading = (): Promise<void> | undefined => pending

/** The key of the app's root: a new language draws the whole tree again. */
export function useLanguageVersion(): number {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => version,
    () => 0,
  )
}
