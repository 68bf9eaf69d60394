// Builds the production bundles and packages marginalia-VERSION.vsix with @vscode/vsce.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { join } from 'node:path';
import { root } from '../test/results.mjs';

export function packageVsix() {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const vsix = join(root, `marginalia-${version}.vsix`);
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'inherit' });
  return vsix;
}

/**
 * A copy of the VSIX whose manifest has no `main`: installed, VS Code runs it in the
 * web-worker extension host, as vscode.dev and github.dev do. Made from the packaged
 * VSIX itself, so what is tested is what ships.
 */
export function browserOnlyVsix(vsix) {
  const zip = unzipSync(new Uint8Array(readFileSync(vsix)));
  const manifestName = 'extension/package.json';
  const manifest = JSON.parse(strFromU8(zip[manifestName]));
  delete manifest.main;
  zip[manifestName] = strToU8(JSON.stringify(manifest, null, 2));
  const out = vsix.replace(/\.vsix$/, '-web.vsix');
  writeFileSync(out, zipSync(zip));
  return out;
}
