import { launchBrowser } from '../test/support/browser.ts'
import { startBenchServer } from './lib/serve.ts'
import { FASTER_3G, VIEWPORT } from './app-bench.ts'
import { RECORDER } from './lib/in-page.ts'
const s = await startBenchServer({ root: process.argv[2]!, feedDir: '.bench-data/1000/feed' })
const b = await launchBrowser()
for (const cpu of [1, 4]) for (const rec of [false, true]) for (let k = 0; k < 2; k++) {
  const ctx = await b.newContext({ viewport: VIEWPORT })
  if (rec) await ctx.addInitScript(RECORDER)
  const page = await ctx.newPage()
  const cdp = await ctx.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', FASTER_3G)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu })
  await page.goto(s.url + '/', { waitUntil: 'load' })
  await page.waitForTimeout(1500)
  const rows = await page.evaluate(`performance.getEntries().filter(e => e.entryType==='navigation'||e.entryType==='resource').map(e => [e.name.replace(location.origin,''), Math.round(e.startTime), Math.round(e.responseStart), Math.round(e.responseEnd)])`)
  if (k === 1) console.log('cpu', cpu, 'recorder', rec, JSON.stringify(rows))
  await ctx.close()
}
await b.close(); await s.close()
