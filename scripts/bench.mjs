// `npm run bench [-- NAME...]`: the core benchmarks in Node (detectors, sidecar), then the
// editor benchmark inside VS Code (code-server, as the integration tests run). NAME picks
// some of them: detectors, cli, sidecar, editor.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './test/results.mjs';

const names = process.argv.slice(2).filter((a) => a !== '--');
const wants = (name) => names.length === 0 || names.includes(name);
const run = (args) => {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const core = names.filter((n) => n !== 'editor');
if (names.length === 0 || core.length > 0) {
  const compile = spawnSync('npm', ['run', '--silent', 'compile-tests'], { cwd: root, stdio: 'inherit' });
  if (compile.status !== 0) process.exit(compile.status ?? 1);
  run([join(root, 'out', 'test', 'bench', 'run.js'), ...core]);
}
if (wants('editor')) {
  console.log('\n== editor (inside VS Code 1.100.3 via code-server) ==');
  run([join(root, 'scripts', 'test', 'integration.mjs'), '--bench', '--timeout', '900']);
}
