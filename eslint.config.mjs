// Lint: typescript-eslint's type-aware rules on sources and tests, and the boundary
// rules of the architecture: src/core uses neither vscode nor Node, and its folders are
// layers in one order (docs/architecture.md, "Layers of the core").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'util',
  'url',
  'stream',
  'buffer',
  'net',
  'http',
  'https',
  'zlib',
  'worker_threads',
  'process',
];
const NODE_MESSAGE = 'src/core runs in the browser too: no Node built-ins (file access belongs in src/cli or src/editor).';

/** What no file of src/core may import, whatever its layer. */
const CORE_RESTRICTED = {
  paths: [
    { name: 'vscode', message: 'src/core is editor-free: put VS Code adapters in src/editor.' },
    ...NODE_BUILTINS.map((name) => ({ name, message: NODE_MESSAGE })),
  ],
  patterns: [
    { group: ['node:*'], message: NODE_MESSAGE },
    { group: ['**/editor/**', '**/cli/**', '**/extension'], message: 'Dependencies point one way: core uses neither editor nor cli.' },
  ],
};

/**
 * The layers of src/core, lowest first (`model` is src/core/model.ts, the others are
 * folders). A layer imports only from the layers before it; the folders of one layer are
 * independent of each other. A new folder of src/core must be given its place here.
 */
const CORE_LAYERS = [
  ['model', 'util'],
  ['text', 'catalog'],
  ['anchor'],
  ['detect', 'sidecar'],
  ['entities'],
  ['timeline', 'match'],
  ['store', 'export'],
  ['import', 'scan', 'agree', 'sources'],
];

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One config per file depth of a core folder (its own files, then each level of
 * subfolders), so that a relative import is read exactly: from src/core/detect/claims/x.ts,
 * `../../sidecar/format` is core/sidecar, while `../sidecar` would be a folder of detect.
 */
function coreLayerConfigs() {
  const configs = [];
  CORE_LAYERS.forEach((layer, rank) => {
    const below = CORE_LAYERS.slice(0, rank).flat();
    for (const name of layer) {
      const forbidden = CORE_LAYERS.flat().filter((other) => other !== name && !below.includes(other));
      const allowed = below.length === 0 ? 'imports nothing else of the core' : `may import only ${below.join(', ')}`;
      const message = `core/${name} ${allowed}: the core's layers go one way (CORE_LAYERS in eslint.config.mjs, docs/architecture.md).`;
      // src/core/model.ts reaches the folders with './'; a folder's files with '../' per level.
      const places =
        name === 'model'
          ? [{ files: ['src/core/model.ts'], up: './' }]
          : [0, 1, 2, 3].map((depth) => ({ files: [`src/core/${name}/${'*/'.repeat(depth)}*.ts`], up: '../'.repeat(depth + 1) }));
      for (const { files, up } of places) {
        configs.push({
          files,
          rules: {
            'no-restricted-imports': [
              'error',
              {
                ...CORE_RESTRICTED,
                patterns: [...CORE_RESTRICTED.patterns, { regex: `^${escapeRegExp(up)}(?:${forbidden.join('|')})(?:/|$)`, message }],
              },
            ],
          },
        });
      }
    }
  });
  // A file of src/core outside every layer has no place in the order yet.
  configs.push({
    files: ['src/core/**/*.ts'],
    ignores: CORE_LAYERS.flat().map((name) => (name === 'model' ? 'src/core/model.ts' : `src/core/${name}/**`)),
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'Program', message: 'This file of src/core is in no layer: add its folder to CORE_LAYERS in eslint.config.mjs.' },
      ],
    },
  });
  return configs;
}

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', '**/*.generated.ts'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.strictTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', CORE_RESTRICTED],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname', 'setImmediate'],
    },
  },
  ...coreLayerConfigs(),
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
