// @ts-check
/**
 * `npm run check`: the code's rules that check themselves. Besides typescript-eslint's recommended set,
 * the architecture in the README and docs is enforced here: which layer of lib/ may import which, what
 * the content script may pull in at runtime, where the browser's extension APIs may be used, no import
 * cycles, and tests kept apart from the code they test. tests/unit/lint-rules.test.ts proves each rule.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/*.e2e.ts'];
/** Code that never ships: tests and the tools around them may use anything. */
const TOOLING = ['tests/**', 'bench/**', 'scripts/**', ...TESTS];

// One rule can only hold one configuration per file, and a file can sit in several areas at once (a
// model file is also reachable from the content script). So each boundary gets its own name: the same
// rule (typescript-eslint's no-restricted-imports, which can allow `import type`) under several ids.
const restrictedImports = tseslint.plugin.rules['no-restricted-imports'];
const kindred = {
  meta: { name: 'kindred' },
  rules: {
    'layer-packages': restrictedImports,
    'content-script-runtime': restrictedImports,
    'components-runtime': restrictedImports,
    'browser-api': restrictedImports,
  },
};

/** An import of lib/storage, however it is spelled (relative from anywhere, or through WXT's `@/`, `~/` aliases). */
const STORAGE_IMPORT = '^(?:(?:\\.{1,2}/)+|[@~]{1,2}/)(?:lib/)?storage(?:/|$)';
const BROWSER_PACKAGES = ['wxt/browser', '@wxt-dev/browser', 'webextension-polyfill', '#imports'];

/** Files that end up in the content script's bundle, which runs on every LinkedIn page (15 KB gzip budget). */
const CONTENT_SCRIPT = [
  'entrypoints/linkedin.content/**',
  'components/panel/**',
  'components/shared/TagButton.tsx',
  'lib/linkedin/**',
  'lib/model/**',
  'lib/protocol/transport.ts',
];

/** Where `browser`/`chrome` may be used: the entrypoints and the adapters that wrap the APIs for everyone else. */
const BROWSER_API_ALLOWED = [
  'entrypoints/**',
  'lib/protocol/transport.ts',
  'lib/protocol/page-client.ts',
  'lib/protocol/sync-adapter.ts',
  'lib/i18n.ts',
  'build/**',
  '*.config.ts',
  ...TOOLING,
];

// The legacy resolver setting is replaced by `import-x/resolver-next` below.
const { 'import-x/resolver': _legacyResolver, ...IMPORT_X_TS_SETTINGS } = importX.flatConfigs.typescript.settings;

const zone = (target, from, message) => ({ target, from, message });

/**
 * The layers of lib/, by resolved path (so `../storage/db`, `@/lib/storage/db` and an extensionless import
 * all count), type imports included: a layer that names another's types depends on it just the same.
 */
const LAYER_ZONES = [
  zone(
    'lib/model',
    ['lib/linkedin', 'lib/storage', 'lib/protocol', 'lib/formats', 'lib/i18n.ts'],
    'lib/model is the pure core: it imports only lib/model.',
  ),
  zone(
    'lib/linkedin',
    ['lib/storage', 'lib/protocol', 'lib/formats', 'lib/i18n.ts'],
    'lib/linkedin reads pages: it imports only lib/model and lib/linkedin.',
  ),
  zone(
    'lib/formats',
    ['lib/linkedin', 'lib/storage', 'lib/protocol', 'lib/i18n.ts'],
    'lib/formats reads and writes files: it imports only lib/model and lib/formats.',
  ),
  zone(
    'lib/storage',
    ['lib/linkedin', 'lib/protocol', 'lib/i18n.ts'],
    'lib/storage imports only lib/model, lib/formats and lib/storage.',
  ),
  zone('lib', ['components', 'entrypoints'], 'lib/ never imports the UI or the entrypoints.'),
  zone(['lib', 'components', 'entrypoints', 'build'], 'tests', 'Code that ships never imports tests/.'),
];
/** Shared set-up belongs in tests/support, not in a test file another one imports (and so runs twice). */
const TEST_ZONES = [zone('.', TESTS, 'A test file is not a module: move what both need to tests/support.')];

/** The packages each layer may not use, by import specifier (packages have no path in the tree to zone). */
const PURE_FORBIDDEN = ['dexie', 'valibot', 'papaparse', ...BROWSER_PACKAGES];
const packageRule = (names, layer) => [
  'error',
  { paths: names.map((name) => ({ name, message: `${layer} does not use ${name}.` })) },
];

export default tseslint.config(
  {
    ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tmp/**', 'docs/**', 'tests/fixtures/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX, kindred },
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    settings: {
      // import-x's TypeScript settings (which files it parses to follow imports: without them no-cycle
      // looks into .js files only), with a resolver that reads extensionless and aliased imports the way
      // TypeScript and Vite do, so cycles and zones see every import whichever way it is written.
      ...IMPORT_X_TS_SETTINGS,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // `const { dropped, ...rest } = value` is how the code leaves fields out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // A later config replaces a rule's options instead of merging them, hence the two lists below.
      'import-x/no-restricted-paths': ['error', { zones: [...LAYER_ZONES, ...TEST_ZONES] }],
    },
  },
  {
    // Tests may set a layer up with anything, but still import no other test file.
    files: TESTS,
    rules: { 'import-x/no-restricted-paths': ['error', { zones: TEST_ZONES }] },
  },
  {
    files: ['lib/model/**', 'lib/linkedin/**'],
    ignores: TESTS,
    rules: {
      'kindred/layer-packages': packageRule(PURE_FORBIDDEN, 'lib/model and lib/linkedin are pure (data in, data out):'),
    },
  },
  {
    files: ['lib/formats/**'],
    ignores: TESTS,
    rules: { 'kindred/layer-packages': packageRule(['dexie', ...BROWSER_PACKAGES], 'lib/formats') },
  },
  {
    // Runtime imports only: a type import is erased and costs the bundle nothing.
    files: CONTENT_SCRIPT,
    ignores: TESTS,
    rules: {
      'kindred/content-script-runtime': [
        'error',
        {
          paths: ['dexie', 'valibot', 'papaparse'].map((name) => ({
            name,
            allowTypeImports: true,
            message: `The content script runs on every LinkedIn page and has no use for ${name}; import types only.`,
          })),
          patterns: [
            {
              regex: STORAGE_IMPORT,
              allowTypeImports: true,
              message: 'The database lives in the background: the content script imports lib/storage types only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**'],
    ignores: TESTS,
    rules: {
      'kindred/components-runtime': [
        'error',
        {
          paths: [
            {
              name: 'dexie',
              allowTypeImports: true,
              message: 'Components get their data through props and the client.',
            },
          ],
          patterns: [
            {
              regex: STORAGE_IMPORT,
              allowTypeImports: true,
              message: 'Components get their data through props and the client: import lib/storage types only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx,js}'],
    ignores: BROWSER_API_ALLOWED,
    rules: {
      'kindred/browser-api': [
        'error',
        {
          paths: BROWSER_PACKAGES.map((name) => ({
            name,
            allowTypeImports: true,
            message:
              'Only the entrypoints and the adapters (lib/protocol/transport.ts, page-client.ts, lib/i18n.ts) use the browser APIs.',
          })),
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['browser', 'chrome'].map((name) => ({
          name,
          message:
            'Only the entrypoints and the adapters (lib/protocol/transport.ts, page-client.ts, lib/i18n.ts) use the browser APIs.',
        })),
      ],
    },
  },
);
