// Property tests (fast-check) run the same cases on every CI run, so a red run means a change, not
// a draw; elsewhere they explore new cases each run. FC_SEED fixes a seed anywhere (to replay one
// that failed), FC_RUNS sets how many cases a property tries where the test reads it.
import fc from 'fast-check'

const seed = process.env.FC_SEED ?? (process.env.CI ? '20261203' : undefined)
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) })
