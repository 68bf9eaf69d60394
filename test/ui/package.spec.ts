import { expect, test } from './fixtures';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

interface Manifest {
  icon?: string;
  contributes?: {
    viewsContainers?: Record<string, { icon?: string }[]>;
    walkthroughs?: { steps: { media: { markdown?: string; image?: string | Record<string, string> } }[] }[];
    grammars?: { path: string }[];
    yamlValidation?: { url: string }[];
  };
}

/** Every bundle esbuild.js builds (its targets' outfiles, read from its text). */
function bundles(): string[] {
  const script = readFileSync(path.join(__dirname, '..', '..', 'esbuild.js'), 'utf8');
  return [...script.matchAll(/\boutfile: '([^']+)'/g)].map((m) => m[1] ?? '');
}

function manifestFiles(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as Manifest;
  const c = manifest.contributes ?? {};
  const paths = [
    manifest.icon,
    ...Object.values(c.viewsContainers ?? {})
      .flat()
      .map((v) => v.icon),
    ...(c.walkthroughs ?? []).flatMap((w) =>
      w.steps.flatMap((s) => [
        s.media.markdown,
        ...(typeof s.media.image === 'string' ? [s.media.image] : Object.values(s.media.image ?? {})),
      ]),
    ),
    ...(c.grammars ?? []).map((g) => g.path),
    ...(c.yamlValidation ?? []).map((y) => y.url),
  ];
  return paths
    .filter((p): p is string => typeof p === 'string' && !p.startsWith('$(') && !/^[a-z]+:/.test(p))
    .map((p) => p.replace(/^\.\//, ''));
}

// The VSIX users install must hold the bundles and assets, never sources, tests,
// caches or node_modules (.vscodeignore).
test('the packaged VSIX holds the bundles and none of the sources, tests, caches or node_modules', () => {
  const vsix = process.env.MARGINALIA_VSIX;
  if (!vsix) throw new Error('MARGINALIA_VSIX is set by scripts/test/ui.mjs');
  const entries = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).split('\n').filter(Boolean);
  const files = entries.filter((e) => e.startsWith('extension/')).map((e) => e.slice('extension/'.length));
  for (const required of [
    'package.json',
    'dist/extension.js',
    'dist/web/extension.js',
    // Scan Workspace's workers (src/worker/scanWorker.ts), started by path or from their text.
    'dist/scanWorker.js',
    'dist/web/scanWorker.js',
    // Add Source's PDF worker (src/worker/sourceWorker.ts), the only bundles with pdf.js.
    'dist/sourceWorker.js',
    'dist/web/sourceWorker.js',
    'dist/cli.js',
    'dist/cliWorker.js',
    'media/icon.png',
    'media/marginalia.svg',
    'readme.md',
    'changelog.md',
    'LICENSE.txt',
  ]) {
    expect(files, `${required} is in the VSIX`).toContain(required);
  }
  // Every bundle esbuild.js builds, and the stylesheet of each webview page, ships too: a page
  // whose script or style is left out opens blank.
  for (const bundle of bundles()) expect(files, `${bundle}, built by esbuild.js, is in the VSIX`).toContain(bundle);
  for (const page of files.filter((f) => /^dist\/webview\/[^/]+\.js$/.test(f))) {
    const style = `media/${path.basename(page, '.js')}.css`;
    expect(files, `${style}, the style of ${page}, is in the VSIX`).toContain(style);
  }
  // Every file the manifest points at (icons, walkthrough pages, grammars, schemas) ships too.
  for (const referenced of manifestFiles()) expect(files, `${referenced}, named in package.json, is in the VSIX`).toContain(referenced);
  const forbidden = [
    /^src\//,
    /^test\//,
    /^out\//,
    /^scripts\//,
    /^node_modules\//,
    /^\.vscode-test\//,
    /^test-results\//,
    /\.ts$/,
    /\.map$/,
    /^\.git/,
    /^tsconfig/,
    /^esbuild\.js$/,
    /^\.ci\//,
    /\.vsix$/,
  ];
  const leaked = files.filter((f) => forbidden.some((pattern) => pattern.test(f)));
  expect(leaked, 'files that .vscodeignore should keep out').toEqual([]);
});
