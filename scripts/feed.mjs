// `npm run feed -- …`: runs the feed builder (src/builder/cli.ts). It bundles the builder's
// TypeScript into one ES module with esbuild (about 50 ms) and imports that, instead of running it
// through tsx, whose loader spends about 400 ms compiling and resolving two dozen modules at every
// start: a tenth of an incremental build, a fifth of a 5,000-post one. Packages stay external
// (node_modules loads them as usual); the bundle is per process and removed once loaded.
import { buildSync } from 'esbuild'
import fs from 'node:fs'
import process from 'node:process'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const dir = path.join(root, 'node_modules', '.cache', 'news-reader')
const out = path.join(dir, `feed-${process.pid}.mjs`)
fs.mkdirSync(dir, { recursive: true })
buildSync({
  entryPoints: [path.join(root, 'src', 'builder', 'cli.ts')],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
})
try {
  await import(pathToFileURL(out).href)
} finally {
  fs.rmSync(out, { force: true })
}
