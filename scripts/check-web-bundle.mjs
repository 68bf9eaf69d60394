// Checks that the web-worker bundle (vscode.dev, github.dev) uses no Node global or
// module: builds it as for packaging (esbuild.js's own options) into a temporary file,
// then (1) ESLint's no-undef over the bundle with only a web worker's globals finds any
// free reference to Buffer, process, __dirname, setImmediate…, and (2) every require()
// and import() it contains must name `vscode`, the one module the host provides.
//   node scripts/check-web-bundle.mjs
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import esbuild from 'esbuild';
import { ESLint } from 'eslint';
import globals from 'globals';
import { root } from './test/results.mjs';

const require = createRequire(import.meta.url);
const PDF_WORKER = 'dist/web/sourceWorker.js';
const PDF_VIEWER = 'dist/webview/pdfViewer.js';
/** The bundles that carry pdf.js: Add Source's worker and the PDF viewer's page. */
const PDF_JS = new Set([PDF_WORKER, PDF_VIEWER]);
const PDF_JS_GUARDED = ['process', 'Buffer', 'Iterator', 'ActiveXObject', 'Bun', 'Deno', 'Float16Array', 'dump'];
const { common, targets, generate } = require(join(root, 'esbuild.js'));
generate();
// Every bundle that runs in a browser: the extension, Scan Workspace's Web Worker and the timeline's webview page.
let failed = false;
for (const { label, plugins = [], ...web } of targets.filter((t) => t.platform === 'browser')) {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-web-'));
  const outfile = join(dir, 'extension.js');
  let problems = [];
  try {
    await esbuild.build({
      ...common,
      ...web,
      plugins,
      outfile,
      minify: true,
      sourcemap: false,
      metafile: false,
      logLevel: 'error',
      absWorkingDir: root,
    });
    const code = readFileSync(outfile, 'utf8');
    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: {
        languageOptions: {
          ecmaVersion: 2022,
          sourceType: 'script',
          // What a browser or web worker has (libraries test for `window` before using it),
          // plus the CommonJS wrapper VS Code's web-worker host gives an extension; no Node.
          globals: {
            ...globals.browser,
            ...globals.worker,
            ...globals.es2021,
            // d3-interpolate's CSS-transform parser falls back to it where DOMMatrix is missing (never here).
            WebKitCSSMatrix: 'readonly',
            require: 'readonly',
            module: 'writable',
            exports: 'writable',
            // A webview page is given this by VS Code; no other bundle may use it.
            ...(web.outfile.startsWith('dist/webview/') ? { acquireVsCodeApi: 'readonly' } : {}),
            // pdf.js (the PDF worker and viewer only) tests for each of these before it uses it: Node's
            // process and Buffer behind its isNodeJS check, newer or other runtimes' globals
            // behind typeof tests (its core-js polyfills, Float16Array); Readability's `dump`
            // only with its debug option, which is never set.
            ...(PDF_JS.has(web.outfile) ? Object.fromEntries(PDF_JS_GUARDED.map((g) => [g, 'readonly'])) : {}),
          },
        },
        rules: { 'no-undef': 'error' },
      },
    });
    const [result] = await eslint.lintText(code, { filePath: outfile });
    const lines = code.split('\n');
    for (const m of result.messages) {
      const line = lines[m.line - 1] ?? '';
      const around = line.slice(Math.max(0, m.column - 80), m.column + 40);
      problems.push(`${m.message} (line ${m.line}, column ${m.column}: …${around}…)`);
    }
    for (const match of code.matchAll(/\b(?:require|import)\(\s*["'`]([^"'`]+)["'`]\s*\)/g)) {
      // pdf.js imports its worker script by URL only when it is not loaded yet; the PDF worker loads it first.
      if (PDF_JS.has(web.outfile) && match[1] === '${e}') continue;
      if (match[1] !== 'vscode') problems.push(`loads the module '${match[1]}', which a web worker does not have`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (problems.length > 0) {
    console.error(`${label}: ${problems.length} Node-only reference(s) in the web-worker bundle:`);
    for (const p of problems) console.error(`  ${p}`);
    failed = true;
  } else {
    console.log(`${label}: no Node global or module in the web-worker bundle`);
  }
}
if (failed) process.exit(1);
