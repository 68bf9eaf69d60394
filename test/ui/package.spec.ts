import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';

// The VSIX users install must hold the bundles and assets, never sources, tests,
// caches or node_modules (.vscodeignore).
test('the packaged VSIX holds the bundles and none of the sources, tests, caches or node_modules', () => {
  const vsix = process.env.MARGINALIA_VSIX;
  if (!vsix) throw new Error('MARGINALIA_VSIX is set by scripts/test/ui.mjs');
  const entries = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).split('\n').filter(Boolean);
  const files = entries.filter((e) => e.startsWith('extension/')).map((e) => e.slice('extension/'.length));
  for (const required of ['package.json', 'dist/extension.js', 'dist/web/extension.js', 'dist/cli.js', 'media/icon.png', 'media/marginalia.svg', 'readme.md', 'changelog.md', 'LICENSE.txt']) {
    expect(files, `${required} is in the VSIX`).toContain(required);
  }
  const forbidden = [/^src\//, /^test\//, /^out\//, /^scripts\//, /^node_modules\//, /^\.vscode-test\//, /^test-results\//, /\.ts$/, /\.map$/, /^\.git/, /^tsconfig/, /^esbuild\.js$/, /^\.ci\//, /\.vsix$/];
  const leaked = files.filter((f) => forbidden.some((pattern) => pattern.test(f)));
  expect(leaked, 'files that .vscodeignore should keep out').toEqual([]);
});
