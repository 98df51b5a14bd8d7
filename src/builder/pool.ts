// Runs parse tasks: in this thread for small builds, in worker threads for large ones (file reads,
// Markdown rendering and content-file writes are the bulk of a build and parallelise well).
import os from 'node:os'
import { Worker } from 'node:worker_threads'
import {
  runParseTask,
  type ParseOutcome,
  type ParseSettings,
  type ParseTask,
} from './parse-task.ts'

/** Below this many files, starting threads costs more than it saves. */
const PARALLEL_THRESHOLD = 2000
const BATCH = 64

export async function runTasks(
  tasks: ParseTask[],
  settings: ParseSettings,
  workers: number | undefined,
  onProgress: (done: number) => void,
): Promise<ParseOutcome[]> {
  const count =
    workers ?? (tasks.length < PARALLEL_THRESHOLD ? 0 : Math.min(2, os.availableParallelism()))
  if (count <= 0) {
    const out: ParseOutcome[] = []
    for (const t of tasks) {
      out.push(runParseTask(t, settings))
      if (out.length % 64 === 0) onProgress(out.length)
    }
    onProgress(out.length)
    return out
  }
  const outcomes: ParseOutcome[] = []
  let next = 0
  const threads = Array.from({ length: count }, () => startWorker(settings))
  try {
    await Promise.all(
      threads.map(async (w) => {
        while (next < tasks.length) {
          const batch = tasks.slice(next, next + BATCH)
          next += batch.length
          for (const o of await w.run(batch)) outcomes.push(o)
          onProgress(outcomes.length)
        }
      }),
    )
  } finally {
    await Promise.all(threads.map((w) => w.stop()))
  }
  return outcomes
}

type ThreadHandle = { run(batch: ParseTask[]): Promise<ParseOutcome[]>; stop(): Promise<unknown> }

function startWorker(settings: ParseSettings): ThreadHandle {
  const url = new URL('./parse-worker.ts', import.meta.url)
  // Workers do not inherit tsx's loader: register it first, then load the TypeScript module.
  const code = url.pathname.endsWith('.ts')
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}) })`
    : `import(${JSON.stringify(url.href)})`
  // Small heaps: a worker holds one batch of posts at a time, and V8 otherwise lets garbage pile up
  // (RSS is what the memory floor counts). 128 MB old space still fits a 4 MiB post many times over.
  const worker = new Worker(code, {
    eval: true,
    workerData: settings,
    resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8 },
  })
  let pending: { resolve: (o: ParseOutcome[]) => void; reject: (e: Error) => void } | null = null
  worker.on('message', (m: { outcomes?: ParseOutcome[]; error?: string }) => {
    const p = pending
    pending = null
    if (m.outcomes) p?.resolve(m.outcomes)
    else p?.reject(new Error(m.error ?? 'worker failed'))
  })
  worker.on('error', (e) => pending?.reject(e))
  worker.on('exit', (code) =>
    pending?.reject(new Error(`parse worker stopped (exit code ${code})`)),
  )
  return {
    run: (batch) =>
      new Promise((resolve, reject) => {
        pending = { resolve, reject }
        worker.postMessage(batch)
      }),
    stop: () => worker.terminate(),
  }
}
