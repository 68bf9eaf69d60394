// Lint: typescript-eslint's type-aware rules on sources and tests, and the boundary
// rules of the architecture (src/core uses neither vscode nor Node).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'crypto', 'util', 'url', 'stream', 'buffer', 'net', 'http', 'https', 'zlib', 'worker_threads', 'process'];

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
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'src/core is editor-free: put VS Code adapters in src/editor.' },
          ...NODE_BUILTINS.map((name) => ({ name, message: 'src/core runs in the browser too: no Node built-ins (file access belongs in src/cli or src/editor).' })),
        ],
        patterns: [
          { group: ['node:*'], message: 'src/core runs in the browser too: no Node built-ins (file access belongs in src/cli or src/editor).' },
          { group: ['**/editor/**', '**/cli/**', '**/extension'], message: 'Dependencies point one way: core uses neither editor nor cli.' },
        ],
      }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname', 'setImmediate'],
    },
  },
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
