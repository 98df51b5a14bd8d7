// One build at a time per --out: a lock file holding the builder's process id. A build killed with
// kill -9 cannot remove it, so a lock whose process is gone is taken over, never waited for.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BuildError, fsFailure } from './errors.ts'

export const LOCK_FILE = '.build.lock'

type Holder = { pid: number; host: string; started: string }

export type Lock = { release(): void }

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readHolder(file: string): Holder | null {
  try {
    const h = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Holder>
    if (typeof h.pid === 'number' && typeof h.host === 'string')
      return { pid: h.pid, host: h.host, started: String(h.started ?? '') }
  } catch {
    // Empty or half-written (killed while taking it): nobody holds it.
  }
  return null
}

/** Takes the lock of `outDir`, or throws a BuildError naming the build that holds it. */
export function lockOutput(outDir: string): Lock {
  const file = path.join(outDir, LOCK_FILE)
  const me: Holder = { pid: process.pid, host: os.hostname(), started: new Date().toISOString() }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx' })
      return {
        release: () => {
          if (readHolder(file)?.pid === me.pid) fs.rmSync(file, { force: true })
        },
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw fsFailure('lock', file, e)
    }
    const holder = readHolder(file)
    const age = Date.now() - (fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0)
    if (!holder && age < 10_000)
      throw new BuildError(`another build is taking the lock ${file}: try again in a moment`)
    if (holder && holder.host !== me.host)
      throw new BuildError(
        `another build (process ${holder.pid} on ${holder.host}) holds ${file}: remove it if that build is gone`,
      )
    if (holder && alive(holder.pid))
      throw new BuildError(
        `another build is writing to ${outDir} (process ${holder.pid}, started ${holder.started}): wait for it to finish`,
      )
    // Its process is gone (killed): the lock is stale.
    fs.rmSync(file, { force: true })
  }
  throw new BuildError(`another build is taking the lock ${file} at the same time`)
}
