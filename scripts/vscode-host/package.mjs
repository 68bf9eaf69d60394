// Builds the production bundles and packages marginalia-VERSION.vsix with @vscode/vsce.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../test/results.mjs';

export function packageVsix() {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const vsix = join(root, `marginalia-${version}.vsix`);
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'inherit' });
  return vsix;
}
