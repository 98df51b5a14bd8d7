// Flat ESLint config: type-aware typescript-eslint, React hooks and refresh, TanStack Query,
// accessibility (jsx-a11y), Testing Library's rules for component tests, and the layers of
// docs/architecture.md: app → features → entities → components/lib → shared; features do not
// import each other; the builder sees only shared; no import cycles.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import reactRefresh from 'eslint-plugin-react-refresh'
import pluginQuery from '@tanstack/eslint-plugin-query'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import testingLibrary from 'eslint-plugin-testing-library'
import { importX } from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import { readdirSync } from 'node:fs'
import path from 'node:path'

const FEATURES = readdirSync(path.join(import.meta.dirname, 'src/features'))

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'public/feed', '.bench-data', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...pluginQuery.configs['flat/recommended'],
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/builder', from: './src', except: ['./builder', './shared'] },
            { target: './src/shared', from: './src', except: ['./shared'] },
            { target: './src/{components,lib}', from: './src/{app,features,entities}' },
            { target: './src/entities', from: './src/{app,features}' },
            { target: './src/features', from: './src/app' },
            ...FEATURES.map((f) => ({
              target: `./src/features/${f}`,
              from: './src/features',
              except: [`./${f}`],
            })),
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
    },
  },
  { files: ['src/**/*.tsx', 'bench/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  {
    files: ['src/**/*.test.tsx', 'test/support/**/*.tsx'],
    ...testingLibrary.configs['flat/react'],
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
)
