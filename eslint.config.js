import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { defineConfig, globalIgnores } from 'eslint/config';

// The layers of the app, top to bottom. Imports only run down; each layer may import every layer below it.
const LAYERS = ['app', 'feature', 'filters', 'export', 'components', 'records', 'dataset', 'lib'];
const below = (layer) => LAYERS.slice(LAYERS.indexOf(layer) + 1);
const anyOf = (types) => ({ element: { types: { anyOf: types } } });

const noInnerHtml = {
  selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  message: 'Text from the dataset is rendered as text: no dangerouslySetInnerHTML.',
};

export default defineConfig(
  globalIgnores([
    'dist/',
    'public/',
    'test-results/',
    'playwright-report/',
    'bench-results/',
    'shots/',
    '.shots-dist*/',
    '.e2e-dist-*/',
    '.bench-dist/',
    '.vite/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // The Content-Security-Policy refuses eval in the page.
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': ['error', noInnerHtml],
    },
  },
  {
    // Type-aware rules, kept to those that catch mistakes tsc lets through: a promise nobody awaits
    // (in a browser test, an assertion that never runs), a promise where a value is expected, and an
    // object turned into "[object Object]".
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-base-to-string': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
    extends: [pluginQuery.configs['flat/recommended'], reactHooks.configs.flat['recommended-latest']],
    rules: {
      'react-hooks/exhaustive-deps': 'error',
      'react-hooks/unsupported-syntax': 'error',
      'react-hooks/component-hook-factories': 'error',
      'react-hooks/no-deriving-state-in-effects': 'error',
      '@tanstack/query/no-rest-destructuring': 'error',
      // Off: the first only reports that the React Compiler (not run here) would skip a component; the
      // second flags effects that reset or record state after a change, which cost one more render, not
      // a wrong one.
      'react-hooks/incompatible-library': 'off',
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-syntax': ['error', noInnerHtml],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      // An argument spread puts every item on the stack, so a long enough array throws a RangeError.
      'no-restricted-syntax': [
        'error',
        noInnerHtml,
        {
          selector: 'CallExpression > SpreadElement, NewExpression > SpreadElement',
          message: 'Do not spread an array into a call: it overflows the stack on large arrays; loop instead (lib/bounds.ts has minOf/maxOf).',
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.ts', 'e2e/**/*.ts', '*.{js,ts}'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' } },
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      'boundaries/elements': [
        ...[
          { type: 'app', pattern: 'src/app' },
          { type: 'feature', pattern: 'src/features/*', capture: ['feature'] },
          { type: 'filters', pattern: 'src/filters' },
          { type: 'export', pattern: 'src/export' },
          { type: 'components', pattern: 'src/components' },
          { type: 'records', pattern: 'src/records' },
          { type: 'dataset', pattern: 'src/dataset' },
          { type: 'lib', pattern: 'src/lib' },
          { type: 'testing', pattern: 'src/testing' },
          { type: 'scripts', pattern: 'scripts' },
          { type: 'fixtures', pattern: 'e2e/fixtures' },
          { type: 'e2e', pattern: 'e2e' },
        ].map((element) => ({ ...element, partialMatch: false })),
        // Single files: element patterns otherwise name folders.
        { type: 'app', pattern: 'src/main.tsx', mode: 'file' },
        { type: 'config', pattern: '*.config.{js,ts}', mode: 'file' },
      ],
      'boundaries/legacy-warnings': false,
      'boundaries/files': [{ category: 'test', pattern: '**/*.test.{ts,tsx}' }],
    },
    rules: {
      // Every file belongs somewhere: a new folder in src/ gets its place in the layers first.
      'boundaries/no-unknown-files': 'error',
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message:
            '{{ from.element.type }} may not import {{ to.element.type }}: imports run down app > feature > filters > export > components > records > dataset > lib, a feature never imports another, testing is for tests, scripts and e2e.',
          policies: [
            ...LAYERS.map((layer) => ({
              from: { element: { type: layer } },
              allow: { to: anyOf(below(layer)) },
            })),
            // src/main.tsx mounts src/app.
            { from: { element: { type: 'app' } }, allow: { to: anyOf(['app']) } },
            { from: { element: { type: 'testing' } }, allow: { to: anyOf(LAYERS) } },
            // Unit tests also read the broken-file corpus that the browser tests load.
            { from: { file: { categories: 'test' } }, allow: { to: anyOf(['testing', 'fixtures']) } },
            {
              from: anyOf(['scripts', 'e2e', 'fixtures', 'config']),
              allow: { to: anyOf([...LAYERS, 'testing', 'scripts', 'fixtures']) },
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/index.{ts,tsx,js}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'Program', message: 'No barrel index.ts: import from the module that defines the name.' },
      ],
    },
  },
);
