// `npm test`: type-check, lint, then the unit, integration and UI layers, each alone
// in its own process. Fails when any step fails or a layer ran zero tests, and ends
// with one line summing the layers: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { readResult, resultsDir, root } from './results.mjs';

const steps = [
  { name: 'typecheck', command: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'lint', command: ['npm', 'run', '--silent', 'lint'] },
  // One formatter for the code (npm run format fixes what this reports).
  { name: 'format', command: ['npm', 'run', '--silent', 'format:check'] },
  // The web-worker bundle (vscode.dev) must not use a Node global or module.
  { name: 'web bundle', command: ['npm', 'run', '--silent', 'check:web'] },
  { name: 'unit', command: [process.execPath, 'scripts/test/unit.mjs'], layer: true },
  { name: 'integration', command: [process.execPath, 'scripts/test/integration.mjs'], layer: true },
  { name: 'ui', command: [process.execPath, 'scripts/test/ui.mjs'], layer: true },
];

let passed = 0;
let failed = 0;
const summary = [];
const startedAll = Date.now();
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  if (step.layer) rmSync(join(resultsDir, `${step.name}.json`), { force: true });
  const started = Date.now();
  const run = spawnSync(step.command[0], step.command.slice(1), { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (!step.layer) {
    const ok = run.status === 0;
    if (!ok) failed++;
    summary.push(`${step.name.padEnd(12)} ${ok ? 'ok' : 'FAILED'} (${seconds} s)`);
    continue;
  }
  const result = readResult(step.name) ?? { passed: 0, failed: 0 };
  passed += result.passed;
  failed += result.failed;
  let note = '';
  if (result.passed + result.failed === 0) {
    failed++;
    note = ' ran zero tests';
  } else if (run.status !== 0 && result.failed === 0) {
    failed++;
    note = ` exited with status ${run.status}`;
  }
  summary.push(`${step.name.padEnd(12)} ${result.passed} passed, ${result.failed} failed${note} (${seconds} s)`);
}
console.log(`\n=== summary (${((Date.now() - startedAll) / 1000).toFixed(0)} s) ===`);
for (const line of summary) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
