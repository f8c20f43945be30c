import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** The page (main thread): React, the store, the bridge. Never tfjs, never the worker's code. */
const PAGE = [
  'src/main.tsx',
  'src/components/**',
  'src/state/**',
  'src/bridge/**',
  'src/i18n/**',
  'src/classroom/**',
  'src/offline/registerServiceWorker.ts',
];
/** Code that runs everywhere (page, worker, Node): imports neither the page nor the worker. */
const SHARED_FOLDERS = ['src/shared', 'src/models', 'src/data', 'src/lessons'];
const SHARED = SHARED_FOLDERS.map((folder) => `${folder}/**`);
/**
 * The modules in src/models that import tfjs (file names: src/models/<name>.ts or folder). Only the
 * worker and tests may import them; the rule matches the last path segment, because inside
 * src/models an import says './builder', not '../models/builder'.
 */
const TFJS_MODULES = [
  'builder',
  'losses',
  'attentionProbe',
  'layers',
  'layerBuilders',
  'layerBuilderRegistry',
];
const TFJS_FILES = [
  'src/models/builder.ts',
  'src/models/losses.ts',
  'src/models/attentionProbe.ts',
  'src/models/layers/**',
  'src/models/layerBuilders/**',
  'src/models/layerBuilderRegistry.ts',
];

const NO_TFJS = {
  regex: `^@tensorflow/|(^|/)(${TFJS_MODULES.join('|')})(/|$)`,
  message:
    'tfjs runs only in the training worker: the page talks to it through src/bridge, and shared code stays free of it so the page can import it (TFJS_MODULES in eslint.config.js).',
};
const NO_WORKER = {
  group: ['**/workers/**'],
  message:
    "The worker's code is the worker's: share through src/shared (the bridge starts the worker by URL, not by import).",
};
/** zod's full build is 25 KB gzip on the page; src/shared/zod.ts gives the mini build, set up. */
const NO_FULL_ZOD = {
  regex: '^zod(/v4(/classic)?)?$',
  message:
    "Import `z` from src/shared/zod.ts (zod's mini build with its English messages), not the full build.",
};
const NO_PAGE = {
  group: [
    '**/components/**',
    '**/state/**',
    '**/bridge/**',
    '**/i18n/**',
    '**/classroom/**',
    '**/offline/**',
  ],
  message:
    'Page code (React, the store, the bridge, i18n) stays on the page: move what both need to src/shared.',
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'e2e/artifacts', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(dataSync|arraySync|print)$/]',
          message:
            'dataSync/arraySync/print stall the GPU (and break WebGPU): use `await tensor.data()` (tfjs-pitfalls.md).',
        },
      ],
    },
  },
  // Import boundaries by runtime (ARCHITECTURE.md, "Who may import what"). Each block names every
  // restriction for its files: ESLint applies only the last block's list to a file.
  {
    files: PAGE,
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_TFJS, NO_WORKER, NO_FULL_ZOD] }] },
  },
  {
    files: ['src/workers/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_PAGE, NO_FULL_ZOD] }] },
  },
  {
    files: SHARED,
    ignores: TFJS_FILES,
    rules: {
      'no-restricted-imports': ['error', { patterns: [NO_TFJS, NO_PAGE, NO_WORKER, NO_FULL_ZOD] }],
    },
  },
  {
    files: ['src/offline/sw.ts', 'src/offline/isolationHeaders.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_TFJS, NO_PAGE, NO_WORKER] }] },
  },
  {
    // tfjs's own modules in src/models: the worker's, so they may import tfjs.
    files: TFJS_FILES,
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_PAGE, NO_WORKER] }] },
  },
  {
    // Tests run in Node and may use tfjs anywhere; a shared module's test may train through the
    // worker's loop (trainer, batches). They still may not reach into the page.
    files: SHARED_FOLDERS.flatMap((folder) => [
      `${folder}/**/*.test.ts`,
      `${folder}/**/testing/**`,
    ]),
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_PAGE] }] },
  },
  {
    // The protocol's type test checks that both ends agree: the page's request() and the worker's
    // handlers, by type only (nothing of either runs).
    files: ['src/shared/protocol.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/**/*.test.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['scripts/**', 'e2e/**', 'bench/**', '*.js', '*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
