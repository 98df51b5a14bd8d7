// The code a worker evaluates (plain JavaScript in a string, the same under every runner) made a
// function of this thread too, so both threads run one piece of code.
import fs from 'node:fs'

/** `source` evaluated with `fs` in scope, as in the workers. */
export function workerCode<T>(source: string): T {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- trusted, constant source
  const make = new Function('fs', `return ${source}`) as (fsModule: typeof fs) => T
  return make(fs)
}
