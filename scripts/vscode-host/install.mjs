// Installs code-server (VS Code's workbench and extension host served over HTTP) on
// demand into a git-ignored cache, the way @vscode/test-electron keeps its download in
// .vscode-test/. These machines reach only the npm registry, so code-server's own
// ripgrep download is answered from a tarball of Debian's `rg` placed where its
// postinstall looks for a cached copy. See docs/testing.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const VSCODE_VERSION = '1.100.3';
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const cacheDir = join(root, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
export const codeServerBin = join(cacheDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

function which(cmd) {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

function seedRipgrepCache() {
  const rg = which('rg');
  if (!rg) {
    throw new Error('ripgrep (`rg`) is not installed; install the Debian package `ripgrep` first');
  }
  const dir = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const tarball = join(dir, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (existsSync(tarball)) return;
  mkdirSync(dir, { recursive: true });
  const staging = mkdtempSync(join(tmpdir(), 'rg-'));
  copyFileSync(rg, join(staging, 'rg'));
  execFileSync('tar', ['-czf', tarball, '-C', staging, 'rg']);
  rmSync(staging, { recursive: true, force: true });
}

export function ensureCodeServer({ quiet = false } = {}) {
  if (existsSync(codeServerBin)) return codeServerBin;
  const log = (m) => {
    if (!quiet) console.log(`[code-server] ${m}`);
  };
  log(`installing code-server ${CODE_SERVER_VERSION} into ${cacheDir} (about a minute, once)`);
  seedRipgrepCache();
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(cacheDir, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }));
  const started = Date.now();
  execFileSync(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--unsafe-perm',
      '--dangerously-allow-all-scripts',
      '--no-save',
      `code-server@${CODE_SERVER_VERSION}`,
    ],
    {
      cwd: cacheDir,
      stdio: quiet ? 'ignore' : 'inherit',
      env: { ...process.env, npm_config_yes: 'true' },
    },
  );
  if (!existsSync(codeServerBin)) {
    throw new Error(`code-server installed but ${codeServerBin} is missing`);
  }
  log(`installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return codeServerBin;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureCodeServer();
}
