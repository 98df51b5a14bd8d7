// Runs before every jsdom test file: a clean DOM and storage per test. The stores keep what they
// read in memory, so they forget it too (a cut-off made by one test must not hide another's list).
import { afterEach } from 'vitest'
import { cleanup } from '@testing-library/react'
import { resetStorageForTests } from '../../src/lib/storage/synced-store.ts'

afterEach(() => {
  cleanup()
  localStorage.clear()
  resetStorageForTests()
})
