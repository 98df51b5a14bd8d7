import { launchBrowser } from '../test/support/browser.ts'
import { startBenchServer } from './lib/serve.ts'
import { loadList } from './app-bench.ts'
import { median } from './lib/stats.ts'
const dists = process.argv.slice(2)
const servers = await Promise.all(dists.map((d) => startBenchServer({ root: d, feedDir: '.bench-data/1000/feed' })))
const b = await launchBrowser()
const errors: string[] = []
const res: Record<string, { ms: number[]; dom: number[]; fcp: number[]; task: number[]; layout: number[]; script: number[] }> = {}
for (let i = 0; i < 6; i++) for (const [j, s] of servers.entries()) {
  const { session, run } = await loadList(b, s.url + '/', 'faster3g', errors)
  await session.context.close()
  if (i === 0) continue
  const r = (res[dists[j]!] ??= { ms: [], dom: [], fcp: [], task: [], layout: [], script: [] })
  r.ms.push(run.ms); r.dom.push(run.domMs); r.fcp.push(run.fcp ?? NaN); r.task.push(run.mainThread.TaskDuration ?? NaN); r.layout.push(run.mainThread.LayoutDuration ?? NaN); r.script.push(run.mainThread.ScriptDuration ?? NaN)
}
for (const [d, r] of Object.entries(res)) console.log(d, Object.entries(r).map(([k, v]) => `${k} ${median(v).toFixed(0)}`).join('  '))
console.log(errors)
await b.close(); await Promise.all(servers.map((s) => s.close()))
