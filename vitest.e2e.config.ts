// Browser tests: real Chromium against the production build in dist/ (scripts/test-all.sh builds it).
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // A real browser on a shared two-core machine: what the page settles on can take seconds.
    expect: { poll: { timeout: 10_000 } },
    // Two cores: one browser suite at a time keeps timings sane and the machine responsive.
    fileParallelism: false,
  },
})
