// Runs before every jsdom test file: a clean DOM and storage per test. The stores keep what they
// read in memory, so they forget it too (a cut-off made by one test must not hide another's list).
// The browser prefers Chinese (jsdom says en-US), so the interface is the default one; a test of
// the language sets `preferLanguages` itself.
import { afterEach } from 'vitest'
import { cleanup } from '@testing-library/react'
import { setLanguage } from '../../src/lib/i18n.ts'
import { resetStorageForTests } from '../../src/lib/storage/synced-store.ts'

/** What navigator.languages says from now on (until the test ends). */
export function preferLanguages(languages: readonly string[]) {
  Object.defineProperty(navigator, 'languages', { value: languages, configurable: true })
}
preferLanguages(['zh-CN', 'zh'])

afterEach(async () => {
  cleanup()
  localStorage.clear()
  resetStorageForTests()
  preferLanguages(['zh-CN', 'zh'])
  await setLanguage('zh-CN')
  document.documentElement.lang = 'zh-CN'
})
