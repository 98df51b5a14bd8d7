import { launchBrowser } from './test/support/browser.ts'
import { startStaticServer } from './test/support/static-server.ts'
const server = await startStaticServer({ root: '/tmp/pg/app', feedDir: '/tmp/pg/app/feed' })
const browser = await launchBrowser()
for (const p of ['/', '/category/huaquan']) {
  const page = await browser.newPage({ viewport: { width: 390, height: 700 } })
  await page.addInitScript(() => {
    const w = window as unknown as { cls: number; shifts: string[] }
    w.cls = 0; w.shifts = []
    new PerformanceObserver((l) => { for (const e of l.getEntries() as any[]) { if (!e.hadRecentInput) { w.cls += e.value; w.shifts.push(e.value.toFixed(4) + ' ' + (e.sources ?? []).map((s: any) => s.node?.nodeName + '.' + s.node?.className).join(',')) } } }).observe({ type: 'layout-shift', buffered: true })
  })
  await page.goto(server.url + p)
  await page.locator('[role="feed"] > article .actions button').first().waitFor()
  await page.waitForTimeout(2000)
  console.log(p, await page.evaluate(() => JSON.stringify((window as any).cls)), await page.evaluate(() => (window as any).shifts))
  await page.close()
}
await browser.close(); await server.close()
