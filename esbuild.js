// Builds Marginalia's bundles: the extension for VS Code's Node extension host, the same
// extension for the web-worker host (vscode.dev), Scan Workspace's worker for each, and
// the headless CLI.
//   node esbuild.js               development: source maps, no minification
//   node esbuild.js --production  minified, for packaging
//   node esbuild.js --watch       rebuild on change
// (and the CLI's worker-thread script, dist/cliWorker.js, beside dist/cli.js)
const esbuild = require('esbuild');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

/** @type {Array<import('esbuild').BuildOptions & { label: string }>} */
const targets = [
  {
    label: 'extension (node)',
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    label: 'extension (web worker)',
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    external: ['vscode'],
    // No Node global or module may reach the web worker (`npm test` checks the bundle):
    // the host modules have web twins, and csv-stringify has a browser build.
    alias: { 'csv-stringify/sync': 'csv-stringify/browser/esm/sync' },
    plugins: [webTwins()],
    define: { global: 'globalThis' },
  },
  {
    // Scan Workspace's worker thread (src/editor/host/scanPool.ts starts it).
    label: 'scan worker (node)',
    entryPoints: ['src/worker/scanWorker.ts'],
    outfile: 'dist/scanWorker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    // Scan Workspace's Web Worker in the web-worker host (scanPool.web.ts starts it from its text).
    label: 'scan worker (web)',
    entryPoints: ['src/worker/scanWorker.ts'],
    outfile: 'dist/web/scanWorker.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    plugins: [webTwins()],
    define: { global: 'globalThis' },
  },
  {
    label: 'PDF worker (node)',
    entryPoints: ['src/worker/sourceWorker.ts'],
    outfile: 'dist/sourceWorker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // pdf.js asks import.meta.url for a require of its own: in a CommonJS bundle it is this file's URL.
    banner: { js: 'const importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: { 'import.meta.url': 'importMetaUrl' },
  },
  {
    label: 'PDF worker (web)',
    entryPoints: ['src/worker/sourceWorker.ts'],
    outfile: 'dist/web/sourceWorker.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    plugins: [webTwins()],
    define: { global: 'globalThis', 'import.meta.url': 'self.location.href' },
  },
  {
    label: 'cli',
    entryPoints: ['src/cli.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // pdf.js (add-source) asks import.meta.url for a require of its own: in a CommonJS bundle it is this file's URL.
    banner: { js: '#!/usr/bin/env node\nconst importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: { MARGINALIA_VERSION: JSON.stringify(require('./package.json').version), 'import.meta.url': 'importMetaUrl' },
  },
  {
    // The timeline's webview (src/editor/timeline/timelinePanel.ts loads it): a page
    // script, no Node and no VS Code API but the webview's own.
    label: 'timeline webview',
    entryPoints: ['src/webview/timeline/main.ts'],
    outfile: 'dist/webview/timeline.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  {
    // Compare Annotations With…'s page (src/editor/agree/agreementPanel.ts loads it).
    label: 'agreement webview',
    entryPoints: ['src/webview/agreement/main.ts'],
    outfile: 'dist/webview/agreement.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  {
    // The PDF viewer (src/editor/sources/pdfViewer.ts): pdf.js draws an original's pages and
    // parses in the page's own thread (its worker module bundled in).
    label: 'PDF viewer webview',
    entryPoints: ['src/webview/pdf/main.ts'],
    outfile: 'dist/webview/pdfViewer.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    define: { global: 'globalThis', 'import.meta.url': 'self.location.href' },
  },
  {
    // The CLI's worker threads (detect and export over many files): loaded by dist/cli.js
    // from beside it, so it must be a file of its own.
    label: 'cli worker',
    entryPoints: ['src/cli/cliWorker.ts'],
    outfile: 'dist/cliWorker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
];

/**
 * In the browser bundle, `src/editor/host/NAME.ts` is replaced by `NAME.web.ts` beside it:
 * the few things only the Node extension host can do (the local disk) have a web twin.
 */
function webTwins() {
  /** @type {import('esbuild').Plugin} */
  return {
    name: 'web-twins',
    setup(build) {
      build.onResolve({ filter: /\/host\/[A-Za-z]+$/ }, (args) => {
        const twin = path.resolve(args.resolveDir, `${args.path}.web.ts`);
        return fs.existsSync(twin) ? { path: twin } : undefined;
      });
    },
  };
}

/** Generated sources (the bundled controls catalog) must exist before bundling. */
function generate() {
  execFileSync(process.execPath, [path.join(__dirname, 'scripts', 'generate.mjs')], { stdio: 'inherit' });
}

function report(label, outfile, startedAt) {
  const size = fs.statSync(outfile).size;
  const kib = (size / 1024).toFixed(1);
  console.log(`  ${label.padEnd(24)} ${outfile.padEnd(24)} ${kib.padStart(8)} KiB  ${Date.now() - startedAt} ms`);
}

/** Prints each bundle's size after every build, watch rebuilds included. */
function sizeReporter(label, outfile) {
  /** @type {import('esbuild').Plugin} */
  return {
    name: 'size-reporter',
    setup(build) {
      let startedAt = Date.now();
      build.onStart(() => {
        startedAt = Date.now();
      });
      build.onEnd((result) => {
        if (result.errors.length === 0) report(label, outfile, startedAt);
      });
    },
  };
}

async function main() {
  generate();
  console.log(`marginalia: building ${production ? 'production' : 'development'} bundles`);
  const contexts = await Promise.all(
    targets.map(({ label, plugins = [], ...options }) =>
      esbuild.context({ ...common, ...options, plugins: [...plugins, sizeReporter(label, options.outfile)] }),
    ),
  );
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('marginalia: watching for changes (Ctrl+C to stop)');
    return;
  }
  try {
    await Promise.all(contexts.map((c) => c.rebuild()));
    fs.chmodSync('dist/cli.js', 0o755);
  } finally {
    await Promise.all(contexts.map((c) => c.dispose()));
  }
}

// scripts/check-web-bundle.mjs builds the web target with the very same options.
module.exports = { common, targets, generate };

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
