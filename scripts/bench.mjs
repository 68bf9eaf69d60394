// `npm run bench [-- NAME...]`: the core benchmarks in Node (detectors, sidecar), then the
// editor benchmark inside VS Code (code-server, as the integration tests run), then the
// timeline webview in Chromium. NAME picks some of them: detectors, cli, sidecar, agree,
// match, editor, timeline.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './test/results.mjs';

const names = process.argv.slice(2).filter((a) => a !== '--');
const wants = (name) => names.length === 0 || names.includes(name);
const run = (args) => {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const core = names.filter((n) => n !== 'editor' && n !== 'timeline');
// The core benchmarks and the timeline's (it times the core's buildTimeline) run compiled code.
if (names.length === 0 || core.length > 0 || wants('timeline')) {
  const compile = spawnSync('npm', ['run', '--silent', 'compile-tests'], { cwd: root, stdio: 'inherit' });
  if (compile.status !== 0) process.exit(compile.status ?? 1);
}
if (names.length === 0 || core.length > 0) run([join(root, 'out', 'test', 'bench', 'run.js'), ...core]);
if (wants('editor')) {
  console.log('\n== editor (inside VS Code 1.100.3 via code-server) ==');
  run([join(root, 'scripts', 'test', 'integration.mjs'), '--bench', '--timeout', '900']);
}
if (wants('timeline')) {
  console.log('\n== timeline webview (Chromium, test/bench/timeline) ==');
  run([join(root, 'test', 'bench', 'timeline', 'run.mjs')]);
}
