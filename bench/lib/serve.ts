// The benchmark's web server: test/support/static-server.ts, with gzip as any real host sends it
// (GitHub Pages, a CDN). Compressed bodies are prepared once per file so compression time never
// lands inside a measured run. Every response stays `no-store`, like the test server: each run
// starts in a fresh browser context, so runs are cold whatever the headers say.
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { startStaticServer, type StaticServer } from '../../test/support/static-server.ts'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
}

export type BenchServerOptions = { root: string; feedDir: string }

export async function startBenchServer(opts: BenchServerOptions): Promise<StaticServer> {
  const root = path.resolve(opts.root)
  const feedDir = path.resolve(opts.feedDir)
  const cache = new Map<string, Buffer>()
  const gzipped = async (file: string): Promise<Buffer> => {
    let body = cache.get(file)
    if (!body) {
      body = gzipSync(await readFile(file))
      cache.set(file, body)
    }
    return body
  }
  return startStaticServer({
    root,
    feedDir,
    async intercept(req, res, pathname) {
      if (!/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return false
      const [base, rel] = pathname.startsWith('/feed/')
        ? [feedDir, pathname.slice('/feed'.length)]
        : [root, pathname.endsWith('/') ? `${pathname}index.html` : pathname]
      let file = path.join(base, path.normalize(rel))
      // A static page (build --app): /article/<id> is article/<id>.html, as hosts serve it.
      if (!path.extname(file) && (await stat(`${file}.html`).catch(() => null))?.isFile())
        file = `${file}.html`
      const type = TYPES[path.extname(file)]
      if (!type || !file.startsWith(base)) return false
      try {
        if (!(await stat(file)).isFile()) return false
      } catch {
        return false // not there: the test server answers with its 404 handling
      }
      const body = await gzipped(file)
      res.writeHead(200, {
        'content-type': type,
        'content-encoding': 'gzip',
        'content-length': body.length,
        'cache-control': 'no-store',
        vary: 'accept-encoding',
      })
      res.end(req.method === 'HEAD' ? undefined : body)
      return true
    },
  })
}
