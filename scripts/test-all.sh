#!/usr/bin/env bash
# Every test, in the order a failure is cheapest to read: types, lint, format, unit and component
# tests, then the production build and the browser tests against it.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; }

step typecheck; npx tsc -b
step lint; npx eslint . --max-warnings=0
step format; npx prettier --check . --log-level warn
step "unit and component tests"; npx vitest run
step "demo feed and production build"; npm run --silent demo:feed; npx vite build --logLevel warn
step "browser tests"; npx vitest run --config vitest.e2e.config.ts
