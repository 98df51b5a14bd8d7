// The build's own Vite plugins: the SPA fallback page, react-router's production copy, the feed
// head's preload pointing at the feed the app will read, a CSP-free dev server, and what the static
// pages (build --app) take from the build.
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Plugin, Rollup } from 'vite'

/**
 * Writes 404.html, a copy of index.html: GitHub Pages and similar static hosts answer unknown paths
 * with it, so a deep link (/article/…) reloads into the app instead of the host's error page.
 */
export function spaFallback(): Plugin {
  return {
    name: 'news-reader-spa-fallback',
    apply: 'build',
    writeBundle(options, bundle) {
      if (options.dir && 'index.html' in bundle)
        copyFileSync(path.join(options.dir, 'index.html'), path.join(options.dir, '404.html'))
    },
  }
}

/**
 * react-router ships the same code twice, differing only in `ENABLE_DEV_WARNINGS`, and its package
 * exports only the development copy; builds take the production copy.
 */
export function reactRouterProduction(): Plugin {
  const file = fileURLToPath(
    new URL('../node_modules/react-router/dist/production/index.mjs', import.meta.url),
  )
  return {
    name: 'news-reader-react-router-production',
    apply: 'build',
    config: () =>
      existsSync(file)
        ? { resolve: { alias: [{ find: /^react-router$/, replacement: file }] } }
        : {},
  }
}

const PRELOAD = /<link\s+rel="preload"\s+href="%BASE_URL%feed\/feed\.json"[^>]*>/

/**
 * index.html preloads the default feed head. With VITE_FEED_URL the app reads another file: the
 * preload then names that file, when it is one the page may fetch (same origin, as the CSP's
 * connect-src allows), and goes away otherwise.
 */
export function feedPreloadHtml(html: string, feedUrl: string | undefined): string {
  if (!feedUrl) return html
  const sameOrigin = !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(feedUrl)
  const escaped = feedUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
  return html.replace(PRELOAD, (tag) =>
    sameOrigin ? tag.replace('%BASE_URL%feed/feed.json', escaped) : '',
  )
}

export function feedPreload(): Plugin {
  let feedUrl: string | undefined
  return {
    name: 'news-reader-feed-preload',
    configResolved(config) {
      const value: unknown = config.env.VITE_FEED_URL
      feedUrl = typeof value === 'string' && value !== '' ? value : undefined
    },
    transformIndexHtml: { order: 'pre', handler: (html) => feedPreloadHtml(html, feedUrl) },
  }
}

/** index.html's CSP is for builds: the dev server injects inline scripts and styles (HMR). */
export function cspBuildOnly(): Plugin {
  return {
    name: 'news-reader-csp-build-only',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace(/\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
  }
}

const isFile = (p: string) => statSync(p, { throwIfNoEntry: false })?.isFile() ?? false

/**
 * `vite preview` as the deploy docs ask of a host once the builder wrote static pages (--app): a
 * file, or the path's `.html` page (/article/<id> → article/<id>.html), else 404.html, the app's
 * untouched shell (index.html is then the home list's page, not the fallback).
 */
export function previewFallback(): Plugin {
  return {
    name: 'news-reader-preview-fallback',
    configurePreviewServer(server) {
      const dir = path.resolve(server.config.root, server.config.build.outDir)
      const base = server.config.base
      server.middlewares.use((req, _res, next) => {
        const url = new URL(req.url ?? '/', 'http://preview')
        let rel = url.pathname
        if (rel.startsWith(base)) rel = `/${rel.slice(base.length)}`
        try {
          rel = decodeURIComponent(rel)
        } catch {
          return next()
        }
        const html = (req.headers.accept ?? '').includes('text/html')
        const found =
          isFile(path.join(dir, rel)) ||
          isFile(path.join(dir, rel, 'index.html')) ||
          isFile(path.join(dir, `${rel}.html`))
        if (html && !found && !rel.includes('\0') && isFile(path.join(dir, '404.html')))
          req.url = `${base}404.html`
        next()
      })
    },
  }
}

/** Where the static pages' hints go: beside vite's own manifest, out of the precache. */
export const STATIC_PAGE_HINTS = '.vite/static-pages.json'

/**
 * What the app takes a static page over with beyond the entry's own chunks, by page: preloaded by
 * those pages so the code arrives beside the entry's instead of one round trip after it. An
 * article page leaves out the reading tools: their bytes would share the link with the scripts
 * the body waits for, and their buttons keep their place until they come.
 */
const TAKE_OVER: Record<'list' | 'article', string[]> = {
  list: ['src/app/reading-tools.tsx'],
  article: [
    'src/app/routes/article.tsx',
    'src/features/articles/components/article-nav.tsx',
    'src/features/articles/components/share-button.tsx',
  ],
}

/**
 * A module a kind of static page runs as soon as it arrives, beside the app (an async module
 * script): an article page's body before React (src/app/early-body.ts). A build entry of its own
 * (vite.config.ts); its imports are preloaded with the page's.
 */
export const RUN_EARLY: Partial<Record<keyof typeof TAKE_OVER, string>> = {
  article: 'src/app/early-body.ts',
}

const STYLE_SRC = /(<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*style-src 'self')/
const STYLESHEET = /<link rel="stylesheet"[^>]*?href="([^"]+)"/g

/**
 * For the static pages: index.html's CSP also allows the app's stylesheets inline (their sha256),
 * so a list page can carry them in a <style> and paint with its HTML, a round trip sooner; and
 * STATIC_PAGE_HINTS names the chunks each kind of page preloads (TAKE_OVER).
 */
export function staticPageHints(): Plugin {
  let base = '/'
  let root = ''
  const sha256 = (source: string | Uint8Array) =>
    `'sha256-${createHash('sha256').update(source).digest('base64')}'`
  return {
    name: 'news-reader-static-page-hints',
    apply: 'build',
    configResolved(config) {
      base = config.base
      root = config.root
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle
        if (!bundle) return html
        const hashes = [...html.matchAll(STYLESHEET)].flatMap(([, href]) => {
          const asset = href?.startsWith(base) ? bundle[href.slice(base.length)] : undefined
          return asset?.type === 'asset' ? [sha256(asset.source)] : []
        })
        return hashes.length ? html.replace(STYLE_SRC, `$1 ${hashes.join(' ')}`) : html
      },
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter(
        (c): c is Rollup.OutputChunk => c.type === 'chunk',
      )
      const byName = new Map(chunks.map((c) => [c.fileName, c]))
      const closure = (c: Rollup.OutputChunk, into = new Set<string>()) => {
        if (!into.has(c.fileName)) {
          into.add(c.fileName)
          for (const i of c.imports) {
            const d = byName.get(i)
            if (d) closure(d, into)
          }
        }
        return into
      }
      const chunkOf = (m: string) => {
        const chunk = chunks.find(
          (c) => c.facadeModuleId && path.relative(root, c.facadeModuleId) === m,
        )
        if (!chunk) this.error(`static page hints: no chunk for ${m} (moved? update TAKE_OVER)`)
        return chunk
      }
      const early = new Set(Object.values(RUN_EARLY).map((m) => chunkOf(m).fileName))
      const entry = chunks.find((c) => c.isEntry && !early.has(c.fileName))
      if (!entry) return
      const initial = closure(entry)
      const skip = new Set([...initial, ...early])
      const kinds = Object.keys(TAKE_OVER) as (keyof typeof TAKE_OVER)[]
      const preload = Object.fromEntries(
        kinds.map((kind) => {
          const files = new Set<string>()
          for (const m of [...TAKE_OVER[kind], RUN_EARLY[kind] ?? []].flat())
            closure(chunkOf(m), files)
          return [kind, [...files].filter((f) => !skip.has(f)).map((f) => `${base}${f}`)]
        }),
      )
      const run = Object.fromEntries(
        Object.entries(RUN_EARLY).map(([kind, m]) => [kind, [`${base}${chunkOf(m).fileName}`]]),
      )
      this.emitFile({
        type: 'asset',
        fileName: STATIC_PAGE_HINTS,
        source: `${JSON.stringify({ base, preload, run }, null, 2)}\n`,
      })
    },
  }
}
