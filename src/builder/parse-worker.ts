// Worker thread of the build: runs parse tasks in batches and posts the outcomes back.
import { parentPort, workerData } from 'node:worker_threads'
import { runParseTask, type ParseSettings, type ParseTask } from './parse-task.ts'

const settings = workerData as ParseSettings
parentPort?.on('message', (batch: ParseTask[]) => {
  try {
    parentPort?.postMessage({ outcomes: batch.map((t) => runParseTask(t, settings)) })
  } catch (e) {
    parentPort?.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) })
  }
})
