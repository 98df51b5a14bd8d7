// `npm run feed -- build <postsDir> --out <dir>`: argument parsing and exit codes only; the work is
// in ./build.ts.
import { parseArgs } from 'node:util'
import { BuildError, build } from './build.ts'
import { createProgress } from './progress.ts'
import { summaryLine } from './report.ts'

const USAGE = `usage: npm run feed -- build <postsDir|siteRoot> --out <dir>
       [--site-url URL] [--timezone Asia/Shanghai] [--state FILE] [--strict] [--quiet]
       [--no-validate]`

/** Exit codes: 0 done (skipped posts are in report.json), 1 --strict and something was skipped, 2 could not run. */
export function main(argv: string[]): number {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        'site-url': { type: 'string' },
        timezone: { type: 'string' },
        state: { type: 'string' },
        strict: { type: 'boolean', default: false },
        quiet: { type: 'boolean', short: 'q', default: false },
        'no-validate': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const [command, input, ...rest] = positionals
  if (command !== 'build' || !input || rest.length > 0 || !values.out) {
    console.error(USAGE)
    return 2
  }
  const siteUrl = values['site-url']
  if (siteUrl !== undefined && !/^https?:\/\/\S+$/i.test(siteUrl)) {
    console.error('--site-url must be an http(s) URL')
    return 2
  }
  const quiet = values.quiet
  try {
    const { summary, report } = build({
      input,
      out: values.out,
      ...(siteUrl !== undefined && { siteUrl }),
      ...(values.timezone !== undefined && { timeZone: values.timezone }),
      ...(values.state !== undefined && { stateFile: values.state }),
      validate: !values['no-validate'],
      progress: createProgress(process.stderr, !quiet),
    })
    if (!quiet) {
      const skipped = report.files.filter((f) => f.status === 'skipped')
      for (const f of skipped.slice(0, 20)) console.error(`skipped ${f.file}: ${f.reason ?? ''}`)
      if (skipped.length > 20) console.error(`… and ${skipped.length - 20} more: see report.json`)
      console.log(summaryLine(summary))
    }
    return values.strict && summary.skipped > 0 ? 1 : 0
  } catch (e) {
    console.error(`feed: ${e instanceof BuildError ? e.message : String((e as Error).stack ?? e)}`)
    return 2
  }
}

process.exitCode = main(process.argv.slice(2))
