/// <reference types="vitest/config" />
import { copyFileSync } from 'node:fs'
import path from 'node:path'
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

export default defineConfig({
  plugins: [
    react(),
    spaFallback(),
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
