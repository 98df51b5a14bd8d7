import path from 'node:path'
import { defineConfig } from 'vite'
import { configDefaults } from 'vitest/config'
import react from '@vitejs/plugin-react'
import {
  RUN_EARLY,
  cspBuildOnly,
  feedPreload,
  previewFallback,
  reactRouterProduction,
  spaFallback,
  staticPageHints,
} from './scripts/vite-plugins.ts'
import { offlinePwa } from './scripts/pwa.ts'

export default defineConfig({
  plugins: [
    react(),
    spaFallback(),
    reactRouterProduction(),
    feedPreload(),
    cspBuildOnly(),
    staticPageHints(),
    offlinePwa(),
    previewFallback(),
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
      // What static pages run early (the article's body before the app) are entries of their own:
      // index.html never loads them.
      input: {
        index: 'index.html',
        ...Object.fromEntries(Object.values(RUN_EARLY).map((m) => [path.basename(m, '.ts'), m])),
      },
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
            // those the lazy routes share: four files, 1.7 KB more gzip). main.tsx with them: the
            // entry is then empty, and index.html loads the chunks as module scripts (one file and
            // its import list fewer).
            // Not the sanitizer, which the early body's entry shares with the article route.
            {
              name: 'app',
              test: /[\\/]src[\\/](?!lib[\\/]sanitize[\\/]|app[\\/]early-body)/,
              tags: ['$initial'],
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
          // Route tests wait for lazy chunks and several requests: room for a busy 2-core machine.
          testTimeout: 15_000,
          include: ['src/{app,features,entities,components,lib}/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, '**/*.node.test.ts'],
          setupFiles: ['test/support/setup-dom.ts', 'test/support/property-seed.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'src/{builder,shared}/**/*.test.ts',
            'src/features/**/*.node.test.ts',
            'scripts/**/*.test.ts',
          ],
          testTimeout: 60_000,
          setupFiles: ['test/support/property-seed.ts'],
        },
      },
    ],
  },
})
