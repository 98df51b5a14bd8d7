// A production build and a feed a browser test may change, copied to a temporary folder and served
// by a server the test can take down (every request's socket closed: really no network).
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { startStaticServer } from './static-server.ts'

const FIXTURE = path.resolve('test/fixtures/feeds/bundle')

/** A build and a feed the test may change, served by a server that can be taken down. */
export async function offlineSite(dist: string, base = '/', feed = FIXTURE) {
  const dir = await mkdtemp(path.join(tmpdir(), 'offline-e2e-'))
  const root = path.join(dir, 'dist')
  const feedDir = path.join(dir, 'feed')
  await cp(dist, root, { recursive: true })
  await cp(feed, feedDir, { recursive: true })
  const state = { down: false }
  const server = await startStaticServer({
    root,
    feedDir,
    base,
    intercept: (req) => {
      if (!state.down) return false
      req.socket.destroy()
      return true
    },
  })
  return {
    root,
    feedDir,
    state,
    server,
    close: async () => {
      await server.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** Opens the app and waits until its service worker controls the page. */
export async function openControlled(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(url)
  // The worker registers when the page is idle and installs its precache first: room for a
  // busy shared machine (a fresh persistent profile was seen taking over 30 s once).
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 90_000,
  })
  return page
}
