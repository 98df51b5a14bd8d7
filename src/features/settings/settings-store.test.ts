import { describe, expect, it } from 'vitest'
import { resetStorageForTests } from '../../lib/storage/synced-store.ts'
import { DEFAULT_SETTINGS, settingsStore } from './settings-store.ts'

describe('settings store', () => {
  it('keeps a valid article limit and drops a damaged one alone', () => {
    const write = (s: Record<string, unknown>) => {
      localStorage.setItem(settingsStore.key, JSON.stringify({ v: 1, t: 1, s }))
      resetStorageForTests()
    }
    write({ cacheLimit: 1_000, density: 'compact' })
    expect(settingsStore.getSnapshot().value).toMatchObject({
      cacheLimit: 1_000,
      density: 'compact',
    })
    for (const bad of [-5, 2.5, 1e9, '300', null]) {
      write({ cacheLimit: bad, density: 'compact' })
      expect(settingsStore.getSnapshot().value).toMatchObject({
        cacheLimit: DEFAULT_SETTINGS.cacheLimit,
        density: 'compact',
      })
    }
  })

  it('keeps muted lists entry by entry, and a damaged list costs that list only', () => {
    const write = (s: Record<string, unknown>) => {
      localStorage.setItem(settingsStore.key, JSON.stringify({ v: 1, t: 1, s }))
      resetStorageForTests()
    }
    write({
      mutedWords: ['夜跑', 7, ' ', '夜跑', ' IPO '],
      mutedSources: ['科技日报'],
      theme: 'dark',
    })
    expect(settingsStore.getSnapshot().value).toMatchObject({
      mutedWords: ['夜跑', 'IPO'],
      mutedSources: ['科技日报'],
      theme: 'dark',
    })
    for (const bad of ['夜跑', { 0: '夜跑' }, null, 5]) {
      write({ mutedWords: bad, mutedSources: ['科技日报'], muteBody: 'yes', theme: 'dark' })
      expect(settingsStore.getSnapshot().value).toMatchObject({
        mutedWords: [],
        mutedSources: ['科技日报'],
        muteBody: false,
        theme: 'dark',
      })
    }
  })
})
