// Bundles the integration suites for VS Code's web-worker extension host: the same
// test/integration/suite/*.test.ts the Node host runs, with mocha's browser build and a
// browser `assert`, the environment baked in (a web worker has no process.env), into
// out/test/integration/web/index.js, which exports the `run()` the host calls.
import esbuild from 'esbuild';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './results.mjs';

export const WEB_SUITES = join(root, 'out', 'test', 'integration', 'web', 'index.js');

/**
 * mocha's browser build is a UMD script, but mocha's package.json declares ES modules, so
 * the bundler would hand its `module.exports = …` the bundle's own module. Given a module
 * object of its own, it returns the browser `mocha` as this module's default export.
 */
const mochaBrowserBuild = {
  name: 'mocha-browser-build',
  setup(build) {
    build.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, (args) => ({
      contents: `const own = { exports: {} };\n(function (module, exports) {\n${readFileSync(args.path, 'utf8')}\n}).call(undefined, own, own.exports);\nexport default own.exports;\n`,
      loader: 'js',
    }));
  },
};

/** Builds the bundle; `env` is what the Node entry would read from process.env. */
export async function buildWebSuites(env) {
  const suiteDir = join(root, 'test', 'integration', 'suite');
  const suites = readdirSync(suiteDir)
    .filter((f) => f.endsWith('.test.ts'))
    .sort();
  const contents = [
    'Object.assign(process.env, MARGINALIA_WEB_TEST_ENV);',
    "const { run } = require('./test/integration/web/index.ts');",
    'exports.run = () => run(() => {',
    ...suites.map((f) => `  require('./test/integration/suite/${f}');`),
    '});',
  ].join('\n');
  await esbuild.build({
    stdin: { contents, resolveDir: root, sourcefile: 'web-suites.js', loader: 'js' },
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    outfile: WEB_SUITES,
    sourcemap: 'inline',
    logLevel: 'warning',
    // The Node-only test (the CLI) skips itself in this host; its import is never run.
    external: ['vscode', 'node:child_process'],
    plugins: [mochaBrowserBuild],
    alias: { 'node:assert/strict': join(root, 'scripts', 'test', 'web', 'assert-strict.cjs') },
    inject: [join(root, 'scripts', 'test', 'web', 'process-shim.js')],
    define: { MARGINALIA_WEB_TEST_ENV: JSON.stringify(env), global: 'globalThis' },
  });
  return suites.length;
}

/**
 * A copy of the extension folder whose manifest has no `main`: VS Code then runs it in the
 * web-worker extension host, as vscode.dev does. Only the manifest is copied; the rest are
 * links to the built files. The suites' bundle is put inside it, where the web worker is
 * served files from; returns the folder and the bundle's path in it.
 */
export function browserOnlyCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-web-ext-'));
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  delete manifest.main;
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const entry of ['dist', 'media', 'schemas', 'syntaxes', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
    if (existsSync(join(root, entry))) symlinkSync(join(root, entry), join(dir, entry));
  }
  const tests = join(dir, 'web-suites.js');
  if (existsSync(WEB_SUITES)) cpSync(WEB_SUITES, tests);
  return { dir, tests };
}
