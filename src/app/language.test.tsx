// The interface language: chosen from the browser on first visit, kept once chosen, a damaged value
// costing nothing else, switched in the settings with the whole app and `<html lang>` following.
import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockFeed, renderApp } from '../../test/support/render-app.tsx'
import { preferLanguages } from '../../test/support/setup-dom.ts'
import { keyboardMessages } from '../features/keyboard/messages.ts'
import { keyboardMessagesEn } from '../features/keyboard/messages.en.ts'
import { searchMessages } from '../features/search/messages.ts'
import { searchMessagesEn } from '../features/search/messages.en.ts'
import { settingsMessages } from '../features/settings/messages.ts'
import { settingsMessagesEn } from '../features/settings/messages.en.ts'
import { applyPageSettings, settingsStore } from '../features/settings/settings-store.ts'
import { formatDayLabel, formatListTime, formatNumber, setDisplayZone } from '../lib/format.ts'
import { browserLanguage, setLanguage } from '../lib/i18n.ts'
import { messages } from '../lib/messages.ts'
import { messagesEn } from '../lib/messages.en.ts'
import { resetStorageForTests } from '../lib/storage/synced-store.ts'

afterEach(() => {
  vi.unstubAllGlobals()
})

const language = () => settingsStore.getSnapshot().value.language
const store = (s: Record<string, unknown>) => {
  localStorage.setItem(settingsStore.key, JSON.stringify({ v: 1, t: 5, s }))
  resetStorageForTests()
}

describe('the interface language', () => {
  it('follows the first preferred language that is Chinese or English', () => {
    expect(browserLanguage(['fr-FR', 'en-GB', 'zh-CN'])).toBe('en')
    expect(browserLanguage(['zh-TW', 'en'])).toBe('zh-CN')
    expect(browserLanguage(['de', 'eng', 'ja'])).toBe('zh-CN')
    expect(browserLanguage([])).toBe('zh-CN')
  })

  it('is the browser’s on a first visit, and the stored one after that', () => {
    preferLanguages(['fr', 'en-US', 'zh'])
    resetStorageForTests()
    expect(language()).toBe('en')
    preferLanguages(['zh-CN'])
    resetStorageForTests()
    expect(language()).toBe('zh-CN')

    preferLanguages(['en-US'])
    store({ language: 'zh-CN', theme: 'dark' })
    expect(language()).toBe('zh-CN')
    // Settings saved before the language existed: the browser's choice, the rest kept.
    store({ theme: 'dark' })
    expect(settingsStore.getSnapshot().value).toMatchObject({ language: 'en', theme: 'dark' })
  })

  it('falls back to the default for a damaged value and keeps the other settings', () => {
    store({ language: 'klingon', theme: 'dark', density: 'compact' })
    expect(settingsStore.getSnapshot().value).toMatchObject({
      language: 'zh-CN',
      theme: 'dark',
      density: 'compact',
    })
  })

  it('switches the whole app from the settings, with <html lang>, and back', async () => {
    mockFeed('bundle')
    applyPageSettings(setDisplayZone)
    const { user } = renderApp(null, { path: '/settings' })
    await screen.findByRole('heading', { level: 1, name: '设置' })
    expect(document.documentElement.lang).toBe('zh-CN')

    await user.click(screen.getByRole('radio', { name: 'English' }))
    await screen.findByRole('heading', { level: 1, name: 'Settings' })
    const nav = screen.getByRole('navigation', { name: 'Main' })
    expect(within(nav).getByRole('link', { name: 'Latest' })).toBeTruthy()
    expect(screen.getByRole('group', { name: 'Interface language' })).toBeTruthy()
    expect(document.documentElement.lang).toBe('en')
    expect(screen.getByRole('radio', { name: 'English' }).matches(':focus')).toBe(true)
    settingsStore.flush()
    expect(localStorage.getItem(settingsStore.key)).toContain('"language":"en"')

    await user.click(screen.getByRole('radio', { name: '简体中文' }))
    await screen.findByRole('heading', { level: 1, name: '设置' })
    expect(
      within(screen.getByRole('navigation', { name: '主导航' })).getByText('最新'),
    ).toBeTruthy()
    expect(document.documentElement.lang).toBe('zh-CN')
  })

  it('writes dates and numbers in English', async () => {
    await setLanguage('en')
    const now = Date.UTC(2026, 10, 29, 4) // 12:00 on 29 November in Beijing
    expect(formatDayLabel(Date.UTC(2026, 10, 27, 4), now)).toBe('Friday, Nov 27')
    expect(formatDayLabel(Date.UTC(2025, 10, 27, 4), now)).toBe('Thursday, Nov 27, 2025')
    expect(formatListTime(Date.UTC(2026, 10, 27, 4), now)).toBe('Nov 27 12:00')
    expect(formatListTime(Date.UTC(2025, 0, 2, 4), now, true)).toBe('Jan 2, 2025')
    expect(formatListTime(now - 5 * 60_000, now)).toBe('5 minutes ago')
    expect(formatNumber(12345)).toBe('12,345')
    await setLanguage('zh-CN')
    expect(formatListTime(now - 5 * 60_000, now)).toBe('5分钟前')
  })
})

const CATALOGS = [
  [messages, messagesEn],
  [settingsMessages, settingsMessagesEn],
  [searchMessages, searchMessagesEn],
  [keyboardMessages, keyboardMessagesEn],
] as const

/** Every string a catalog can give: its strings, and its functions called with sample values. */
function texts(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]]
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown
    return texts(fn(...Array.from({ length: fn.length }, () => 3)), `${path}()`)
  }
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => texts(v, `${path}.${k}`))
  return []
}

/** A catalog's shape: its keys, nested, with the kind of each value. */
const shape = (value: unknown): unknown =>
  value && typeof value === 'object'
    ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]))
    : typeof value

describe('the English catalogs', () => {
  it('have every key of the Chinese ones and no Chinese text', () => {
    for (const [zh, en] of CATALOGS) {
      expect(shape(en)).toEqual(shape(zh))
      const chinese = texts(en, 'en').filter(([, text]) =>
        /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(text),
      )
      expect(chinese).toEqual([])
    }
  })
})
