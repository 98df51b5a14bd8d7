import fc from 'fast-check'
import { beforeEach, describe, expect, it } from 'vitest'
import { resetStorageForTests } from '../../lib/storage/synced-store.ts'
import { readSettingsStore, setMarkReadMode } from './read-settings.ts'

beforeEach(() => resetStorageForTests())

describe('read settings', () => {
  it('defaults to marking read on open, and keeps a choice', () => {
    expect(readSettingsStore.getSnapshot().markReadOn).toBe('open')
    setMarkReadMode('scroll')
    readSettingsStore.flush()
    readSettingsStore.reload()
    expect(readSettingsStore.getSnapshot().markReadOn).toBe('scroll')
  })

  it('never throws on garbage and falls back to the default', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (raw) => {
        localStorage.setItem(readSettingsStore.key, raw)
        readSettingsStore.reload()
        expect(['open', 'scroll', 'manual']).toContain(readSettingsStore.getSnapshot().markReadOn)
        localStorage.clear()
      }),
      { numRuns: 100 },
    )
  })
})
