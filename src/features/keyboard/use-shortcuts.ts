// Single-key shortcuts in the conventions of Miniflux, FreshRSS and Folo: j/k next/previous, o or
// Enter open, v the original, m read, s or f favourite, u unread only, Shift+A mark all read, r new
// items, / search, g then h/c/f/s to go home, categories, favourites, settings, ? this list. Never
// while the reader types in a field, never with Ctrl, Alt or ⌘.
import { useEffect, useRef } from 'react'
import * as act from './shortcut-actions.ts'

export type ShortcutsOptions = {
  enabled: boolean
  navigate: (to: string) => void
  openHelp: () => void
}

const GO: Record<string, string> = { h: '/', c: '/categories', f: '/favourites', s: '/settings' }

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement &&
  (t.isContentEditable ||
    /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) ||
    t.closest('dialog') !== null)

export function useShortcuts({ enabled, navigate, openHelp }: ShortcutsOptions) {
  const latest = useRef({ navigate, openHelp })
  useEffect(() => {
    latest.current = { navigate, openHelp }
  })
  useEffect(() => {
    if (!enabled) return
    let go = 0
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return
      const { navigate, openHelp } = latest.current
      let done: boolean
      if (performance.now() - go < 1_500 && e.key in GO) {
        navigate(GO[e.key]!)
        done = true
      } else if (e.key === 'g') {
        go = performance.now()
        return
      } else if (e.key === 'Enter') {
        // Enter on an item itself opens it (on a link or button it does what they do).
        done =
          e.target instanceof HTMLElement &&
          e.target.matches('[role="feed"] > article') &&
          act.open()
      } else {
        const actions: Record<string, () => boolean> = {
          j: () => act.move(1),
          k: () => act.move(-1),
          o: act.open,
          v: act.openOriginal,
          m: act.toggleRead,
          s: act.toggleFavourite,
          f: act.toggleFavourite,
          u: act.toggleUnreadOnly,
          A: act.markAllRead,
          r: act.refresh,
          '/': act.focusSearch,
          '?': () => {
            openHelp()
            return true
          },
        }
        done = actions[e.key]?.() ?? false
      }
      go = 0
      if (done) e.preventDefault()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [enabled])
}
