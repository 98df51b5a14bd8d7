// A plain static host for browser tests: serves a production build like GitHub Pages does (a file,
// or the folder's index.html or the path with .html, else 404.html with status 404), with `/feed/`
// mapped to any folder so one build is tested against many feeds, under `/` or the sub-path it was
// built for. Hooks let a test break responses on purpose.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import type { AddressInfo } from 'node:net'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
}

export type Intercept = (
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
) => boolean | Promise<boolean>

export type StaticServerOptions = {
  /** The production build (default: dist). */
  root?: string
  /** Folder served at /feed/ (default: the build's own feed/). */
  feedDir?: string
  /** Extra headers for every response, e.g. a CSP header. */
  headers?: Record<string, string>
  /** The path the build is served under, as built with BASE_PATH (default `/`). */
  base?: string
  /** Return true when it answered the request itself. */
  intercept?: Intercept
}

export type StaticServer = { url: string; server: Server; close: () => Promise<void> }

async function fileAt(p: string, orHtml = true): Promise<string | null> {
  try {
    const s = await stat(p)
    if (s.isFile()) return p
    if (s.isDirectory()) return fileAt(path.join(p, 'index.html'), false)
  } catch {
    /* not there */
  }
  // `/article/x` is served from `article/x.html` when there is one, as GitHub Pages does.
  return orHtml && !p.endsWith('.html') ? fileAt(`${p}.html`, false) : null
}

export async function startStaticServer(opts: StaticServerOptions = {}): Promise<StaticServer> {
  const root = path.resolve(opts.root ?? 'dist')
  const feedDir = opts.feedDir ? path.resolve(opts.feedDir) : null
  const prefix = opts.base ?? '/'
  const server = createServer((req, res) => {
    void (async () => {
      const full = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
      for (const [k, val] of Object.entries(opts.headers ?? {})) res.setHeader(k, val)
      if (opts.intercept && (await opts.intercept(req, res, full))) return
      if (!full.startsWith(prefix)) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
        return
      }
      // Below, paths are the build's own (the base taken off).
      const pathname = full.slice(prefix.length - 1)
      let base = root
      let rel = pathname
      if (feedDir && pathname.startsWith('/feed/')) {
        base = feedDir
        rel = pathname.slice('/feed'.length)
      }
      const target = path.join(base, path.normalize(rel))
      let file = target.startsWith(base) ? await fileAt(target) : null
      let status = 200
      if (!file) {
        status = 404
        file = pathname.startsWith('/feed/') ? null : await fileAt(path.join(root, '404.html'))
      }
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
        return
      }
      const body = await readFile(file)
      res.writeHead(status, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      })
      res.end(req.method === 'HEAD' ? undefined : body)
    })().catch((e: unknown) => {
      res.writeHead(500).end(String(e))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
