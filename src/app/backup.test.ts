import { describe, expect, it } from 'vitest'
import {
  favouriteList,
  favouritesStore,
  setFavourite,
  toFavouriteItem,
} from '../features/favourites/favourites-store.ts'
import { readStateNow, setRead } from '../features/reading-state/hooks.ts'
import { isArticleRead } from '../features/reading-state/read-state.ts'
import { setSetting, settingsStore } from '../features/settings/settings-store.ts'
import { resetStorageForTests } from '../lib/storage/synced-store.ts'
import { exportBackup, importBackup } from './backup.ts'

const favouriteIds = () =>
  favouriteList(favouritesStore.getSnapshot())
    .map((f) => f.item.id)
    .sort()
const article = { id: '2026 11 29 a', title: '标题', summary: '', category: 'news', tags: ['t'] }

/** Another browser: nothing stored, nothing in memory. */
function freshBrowser() {
  localStorage.clear()
  resetStorageForTests()
}

describe('backup of everything this browser keeps', () => {
  it('carries settings, read marks and favourites to a fresh browser', () => {
    setSetting('theme', 'dark')
    setSetting('mutedWords', ['夜跑'])
    setSetting('mutedSources', ['科技日报'])
    setSetting('muteBody', true)
    setRead([{ id: 'read-1' }], true)
    setFavourite(toFavouriteItem(article), true)
    const file = exportBackup()
    freshBrowser()
    expect(isArticleRead(readStateNow(), { id: 'read-1' })).toBe(false)

    expect(importBackup(file)).toEqual({ imported: 5, failed: 0 })
    expect(settingsStore.getSnapshot().value).toMatchObject({
      theme: 'dark',
      mutedWords: ['夜跑'],
      mutedSources: ['科技日报'],
      muteBody: true,
    })
    expect(isArticleRead(readStateNow(), { id: 'read-1' })).toBe(true)
    expect(favouriteIds()).toEqual([article.id])
  })

  it('merges: what the browser already holds stays', () => {
    setFavourite(toFavouriteItem({ ...article, id: 'kept' }), true)
    const file = JSON.stringify({
      format: 'news-reader-backup',
      version: 1,
      stores: { favourites: favouritesStore.exportText() },
    })
    freshBrowser()
    setFavourite(toFavouriteItem({ ...article, id: 'here' }), true)
    importBackup(file)
    expect(favouriteIds()).toEqual(['here', 'kept'])
  })

  it('refuses what is not a backup, and skips a damaged part without losing the rest', () => {
    expect(importBackup('not json')).toBeNull()
    expect(importBackup(JSON.stringify({ format: 'other', version: 1, stores: {} }))).toBeNull()
    expect(importBackup(JSON.stringify([1, 2]))).toBeNull()
    setRead([{ id: 'read-2' }], true)
    const file = JSON.parse(exportBackup()) as { stores: Record<string, string> }
    file.stores.favourites = '{"broken'
    file.stores.__proto__ = 'x'
    freshBrowser()
    expect(importBackup(JSON.stringify(file))).toEqual({ imported: 4, failed: 1 })
    expect(isArticleRead(readStateNow(), { id: 'read-2' })).toBe(true)
  })
})
