// Starts code-server (VS Code 1.100.3's workbench and Node extension host over HTTP) on
// 127.0.0.1 with fresh user-data and extensions folders, and stops it with its children.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCodeServer } from './install.mjs';

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Settings for a quiet, reproducible window: no welcome page, no trust prompt, no telemetry. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'window.commandCenter': true,
  'git.enabled': false,
};

/**
 * @param {{ workspace: string, extensionsDir?: string, env?: Record<string,string>, log?: (line: string) => void, settings?: Record<string, unknown> }} options
 */
export async function startCodeServer({ workspace, extensionsDir, env = {}, log = () => {}, settings = {} }) {
  const bin = ensureCodeServer();
  const scratch = mkdtempSync(join(tmpdir(), 'marginalia-cs-'));
  const userDataDir = join(scratch, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  const extDir = extensionsDir ?? join(scratch, 'extensions');
  mkdirSync(extDir, { recursive: true });
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      bin,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extDir,
      workspace,
    ],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );

  const url = `http://127.0.0.1:${port}/`;
  await new Promise((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 60 s on port ${port}`)), 60_000);
    const onData = (chunk) => {
      for (const line of chunk.toString().split('\n')) {
        if (line.trim()) log(line);
        if (line.includes('HTTP server listening on')) {
          clearTimeout(timer);
          resolveReady();
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with status ${code} before listening`));
    });
  });
  child.removeAllListeners('exit');
  return {
    url,
    port,
    scratch,
    remoteUri: (absPath) => `vscode-remote://127.0.0.1:${port}${absPath}`,
    stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}

/** Installs a VSIX into an extensions folder with code-server's own CLI, as a user would. */
export async function installVsix(vsix, extensionsDir) {
  const bin = ensureCodeServer();
  mkdirSync(extensionsDir, { recursive: true });
  await new Promise((resolveDone, reject) => {
    const child = spawn(process.execPath, [bin, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.on('exit', (code) => (code === 0 ? resolveDone() : reject(new Error(`installing ${vsix} failed (${code}): ${output}`))));
  });
}
