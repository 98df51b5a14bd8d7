// The search index thread's module (see ./thread.ts): runs the step with its own writer into the
// same --out and journal, and hands back what it emitted.
import { workerData, type MessagePort } from 'node:worker_threads'
import { BuildError } from '../errors.ts'
import { BundleWriter } from '../output.ts'
import { createProgress } from '../progress.ts'
import { SearchSpool } from './spool.ts'
import type { SearchJob, SearchOutcome } from './thread.ts'
import type { SearchSegment } from '../../shared/search.ts'
import { writeSearchIndex, writeSegments, type SearchStepContext } from './write.ts'

const { job, port, ctl } = workerData as { job: SearchJob; port: MessagePort; ctl: Int32Array }

function run(): SearchOutcome {
  const writer = new BundleWriter(job.out, job.journal, {
    tmp: job.tmp,
    // No writer thread of its own: two cores are busy already, and each thread costs memory.
    queueAfter: Infinity,
  })
  const spool = job.spool && new SearchSpool(job.spool.file, 0, job.spool)
  try {
    const previous = new Map(job.previous.map(([p, d]) => [p, { digest: Buffer.from(d) }]))
    const ctx: SearchStepContext = {
      writer,
      articles: job,
      plan: job,
      previous: (p) => previous.get(p),
      validate: job.validate,
      progress: createProgress(process.stderr, false),
      out: job.out,
      spool,
      ...(job.segmentSize !== undefined && { segmentSize: job.segmentSize }),
    }
    const into: SearchSegment[] = []
    if (job.segments) writeSegments(ctx, job.segments, into)
    else writeSearchIndex(ctx)
    writer.flush()
    return {
      emitted: [...writer.emitted],
      written: writer.written,
      unchanged: writer.unchanged,
      changed: [...writer.changed],
      ...(job.segments && { segments: job.segments.map((k) => [k, into[k] as SearchSegment]) }),
    }
  } finally {
    spool?.close()
    writer.finish()
  }
}

let outcome: SearchOutcome
try {
  outcome = run()
} catch (e) {
  outcome =
    e instanceof BuildError
      ? { error: e.message, build: true }
      : { error: String((e as Error)?.stack ?? e), build: false }
}
port.postMessage(outcome)
Atomics.store(ctl, 0, 1)
Atomics.notify(ctl, 0)
