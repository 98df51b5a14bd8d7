// `npm run feed -- build <siteRoot|postsDir> --out <dir>`: argument parsing, messages and exit
// codes only; the work is in ./build.ts.
import { parseArgs } from 'node:util'
import { build } from './build.ts'
import { BuildError, causeOf } from './errors.ts'
import { createProgress } from './progress.ts'
import { summaryLine } from './report.ts'

const USAGE = `usage: npm run feed -- build <siteRoot|postsDir> --out <dir>
       [--posts DIR]… [--site-url URL] [--app DIR [--old-permalinks]] [--timezone Asia/Shanghai] [--state FILE]
       [--strict] [--quiet] [--no-validate]`

/** One line for a person: the cause and the path, never a stack trace for an expected failure. */
export function errorLine(e: unknown): string {
  if (e instanceof BuildError) return `feed: ${e.message}`
  const err = e as NodeJS.ErrnoException
  if (err?.code && err.path) return `feed: ${causeOf(err)}: ${err.path}`
  return `feed: internal error: ${String(err?.stack ?? e)}`
}

/** Exit codes: 0 done (skipped posts are in report.json), 1 --strict and something was skipped, 2 could not run. */
export function main(argv: string[]): number {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        posts: { type: 'string', multiple: true },
        'site-url': { type: 'string' },
        app: { type: 'string' },
        'old-permalinks': { type: 'boolean', default: false },
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
  if (values.app !== undefined && siteUrl === undefined) {
    console.error('--app needs --site-url: pages carry absolute links')
    return 2
  }
  const quiet = values.quiet
  try {
    const { summary, skipped, pages } = build({
      input,
      out: values.out,
      posts: values.posts ?? [],
      ...(siteUrl !== undefined && { siteUrl }),
      ...(values.timezone !== undefined && { timeZone: values.timezone }),
      ...(values.state !== undefined && { stateFile: values.state }),
      ...(values.app !== undefined && { appDir: values.app }),
      oldPermalinks: values['old-permalinks'],
      validate: !values['no-validate'],
      progress: createProgress(process.stderr, !quiet),
    })
    if (!quiet) {
      for (const f of skipped) console.error(`skipped ${f.file}: ${f.reason}`)
      if (summary.skipped > skipped.length)
        console.error(`… and ${summary.skipped - skipped.length} more: see report.json`)
      console.log(summaryLine(summary, pages))
    }
    return values.strict && summary.skipped > 0 ? 1 : 0
  } catch (e) {
    console.error(errorLine(e))
    return 2
  }
}

process.exitCode = main(process.argv.slice(2))
