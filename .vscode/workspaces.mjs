// Folders the launch configurations of launch.json open, under .vscode-test/f5/ (git-ignored),
// so that nothing done in the Extension Development Host writes into samples/ or test/:
//   node .vscode/workspaces.mjs corpus [--reset]  a copy of samples/corpus, kept between
//                                                  runs (--reset starts again from a fresh one)
//   node .vscode/workspaces.mjs tests             fresh copies of test/fixtures/workspace,
//                                                  one folder and a two-folder workspace, as
//                                                  scripts/test/integration.mjs makes them,
//                                                  and a user-data folder whose settings sign
//                                                  reviews as the launchers do
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const f5 = join(root, '.vscode-test', 'f5');
const [what, ...flags] = process.argv.slice(2);

if (what === 'corpus') {
  const corpus = join(f5, 'corpus');
  if (flags.includes('--reset')) rmSync(corpus, { recursive: true, force: true });
  if (!existsSync(corpus)) cpSync(join(root, 'samples', 'corpus'), corpus, { recursive: true });
  console.log(`sample corpus: ${corpus}`);
} else if (what === 'tests') {
  const tests = join(f5, 'tests');
  rmSync(tests, { recursive: true, force: true });
  const fixtures = join(root, 'test', 'fixtures', 'workspace');
  const folders = ['single', 'alpha', 'beta'].map((name) => join(tests, name));
  for (const folder of folders) cpSync(fixtures, folder, { recursive: true });
  writeFileSync(
    join(tests, 'two-folders.code-workspace'),
    `${JSON.stringify({ folders: folders.slice(1).map((path) => ({ path })) }, null, 2)}\n`,
  );
  const settings = join(tests, 'user-data', 'User', 'settings.json');
  mkdirSync(dirname(settings), { recursive: true });
  writeFileSync(
    settings,
    `${JSON.stringify(
      {
        'marginalia.author': 'Integration Tester',
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'telemetry.telemetryLevel': 'off',
      },
      null,
      2,
    )}\n`,
  );
  console.log(`integration test workspaces: ${tests}`);
} else {
  console.error('usage: node .vscode/workspaces.mjs corpus [--reset] | tests');
  process.exit(2);
}
