// Unit layer: compiles src and test with tsc, then runs node's test runner over every
// compiled test/unit/**/*.test.js. Prints the spec report and records the counts.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { root, resultsDir, writeResult } from './results.mjs';

function testFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...testFiles(p));
    else if (entry.name.endsWith('.test.js')) out.push(p);
  }
  return out.sort();
}

const compile = spawnSync('npm', ['run', '--silent', 'compile-tests'], { cwd: root, stdio: 'inherit' });
if (compile.status !== 0) {
  writeResult('unit', { passed: 0, failed: 1, details: ['tsc failed'] });
  process.exit(1);
}
const files = testFiles(join(root, 'out', 'test', 'unit'));
const filter = process.argv.slice(2);
const selected = filter.length ? files.filter((f) => filter.some((x) => f.includes(x))) : files;
mkdirSync(resultsDir, { recursive: true });
const tap = join(resultsDir, 'unit.tap');
rmSync(tap, { force: true });
const run = spawnSync(
  process.execPath,
  [
    '--enable-source-maps',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...selected,
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, MARGINALIA_ROOT: root } },
);
const summary = readFileSync(tap, 'utf8');
const count = (name) => Number((summary.match(new RegExp(`^# ${name} (\\d+)`, 'm')) ?? [])[1] ?? 0);
const passed = count('pass');
const failed = count('fail') + count('cancelled');
writeResult('unit', { passed, failed });
process.exit(run.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
