// `npm run feed -- …`: runs the feed builder (src/builder/cli.ts). esbuild bundles the builder's
// TypeScript in memory and Node imports it as a data: URL, with every package import rewritten to
// its file URL: nothing is written (a read-only checkout works, a killed build leaves no file), and
// start-up is far below tsx's (see docs/decisions/022-feed-launcher.md).
import { build } from 'esbuild'
import { Buffer } from 'node:buffer'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const require = createRequire(path.join(root, 'package.json'))

/** Bare package imports become absolute file URLs: a data: URL module cannot resolve them. */
const packagesByUrl = {
  name: 'packages-by-url',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { path: args.path, external: true }
      return { path: pathToFileURL(require.resolve(args.path)).href, external: true }
    })
  },
}

const result = await build({
  entryPoints: {
    cli: path.join(root, 'src', 'builder', 'cli.ts'),
    search: path.join(root, 'src', 'builder', 'search-index', 'worker.ts'),
  },
  outdir: 'out',
  write: false,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  plugins: [packagesByUrl],
})
const dataUrl = (name) =>
  `data:text/javascript;base64,${Buffer.from(result.outputFiles.find((f) => f.path.endsWith(`${name}.js`)).text).toString('base64')}`
// The search index thread's module (src/builder/search-index/thread.ts reads it from here).
globalThis[Symbol.for('news-reader.search-worker')] = dataUrl('search')
await import(dataUrl('cli'))
