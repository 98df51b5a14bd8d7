/// <reference types="vitest/config" />
import { copyFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'

/**
 * Writes 404.html, a copy of index.html: GitHub Pages and similar static hosts answer unknown paths
 * with it, so a deep link (/article/…) reloads into the app instead of the host's error page.
 */
function spaFallback(): Plugin {
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
 * exports only the development copy; builds take the production copy (0.5 KB gzip less at start).
 */
function reactRouterProduction(): Plugin {
  const file = fileURLToPath(
    new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url),
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

export default defineConfig({
  plugins: [
    react(),
    spaFallback(),
    reactRouterProduction(),
    {
      // index.html's CSP is for builds: the dev server injects inline scripts and styles (HMR).
      name: 'csp-build-only',
      apply: 'serve',
      transformIndexHtml: (html) =>
        html.replace(/\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
    },
  ],
  base: process.env.BASE_PATH ?? '/',
  // The manifest lets scripts/check-budgets.ts find the initial and lazy chunks of each route.
  build: {
    target: 'es2022',
    sourcemap: false,
    manifest: true,
    // Browsers without modulepreload (Safari < 17) simply fetch the chunks as the entry imports them.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // The libraries every route needs in one long-cached chunk (app releases leave its hash
        // alone), fewer requests at start; DOMPurify and the list windowing stay in their lazy chunks.
        codeSplitting: {
          groups: [
            {
              name: 'vendor',
              test: /node_modules[\\/](?!dompurify|@tanstack[\\/](react-)?virtual)/,
            },
            // The app's own start-up modules in one chunk too (left alone, rolldown splits out
            // those the lazy routes share: four files, 1.7 KB more gzip). main.tsx stays the entry.
            { name: 'app', test: /[\\/]src[\\/](?!main\.tsx$)/, tags: ['$initial'] },
          ],
        },
      },
    },
  },
  preview: { port: 4173 },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/{app,features,components,lib}/**/*.test.{ts,tsx}'],
          setupFiles: ['test/support/setup-dom.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/{builder,shared}/**/*.test.ts', 'scripts/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
})
