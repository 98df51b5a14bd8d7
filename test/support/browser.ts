// Launches Debian's Chromium through playwright-core for browser tests. Under CI=true a missing
// browser is a failure, never a skip (DEVELOPERS.md).
import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Whether browser tests can run; under CI they must. */
export function browserAvailable(): boolean {
  const ok = existsSync(CHROMIUM_PATH)
  if (!ok && process.env.CI === 'true') {
    throw new Error(`CI=true but no Chromium at ${CHROMIUM_PATH}: install Debian's chromium`)
  }
  if (!ok) console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM_PATH}`)
  return ok
}

/**
 * Chromium with pages that prefer Chinese unless a test says otherwise (`locale`): Chromium says
 * en-US, and the reader takes its interface language from the browser on a first visit.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  })
  const newContext = browser.newContext.bind(browser)
  const newPage = browser.newPage.bind(browser)
  browser.newContext = (options) => newContext({ locale: 'zh-CN', ...options })
  browser.newPage = (options) => newPage({ locale: 'zh-CN', ...options })
  return browser
}

/** Collects uncaught page errors so a test can assert there were none. */
export function collectPageErrors(page: Page): Error[] {
  const errors: Error[] = []
  page.on('pageerror', (e) => errors.push(e))
  return errors
}
