// Builds what the test layers need: the bundles (dist/) and the compiled tests (out/).
import { execFileSync } from 'node:child_process';
import { root } from './results.mjs';

export function buildForTests({ production = false } = {}) {
  execFileSync(process.execPath, ['esbuild.js', ...(production ? ['--production'] : [])], { cwd: root, stdio: 'inherit' });
  execFileSync('npm', ['run', '--silent', 'compile-tests'], { cwd: root, stdio: 'inherit' });
}
