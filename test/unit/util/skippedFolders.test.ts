import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inSkippedFolder, SKIPPED_FOLDERS } from '../../../src/core/util/skippedFolders';

test('version control, dependencies and VS Code test downloads are skipped', () => {
  for (const name of ['.git', '.hg', '.svn', 'node_modules', '.vscode-test']) assert.ok(SKIPPED_FOLDERS.has(name), name);
  assert.ok(!SKIPPED_FOLDERS.has('docs'));
});

test('a path is skipped when any of its folders is, whichever separator it uses', () => {
  assert.ok(inSkippedFolder('/work/corpus/node_modules/pkg/README.md'));
  assert.ok(inSkippedFolder('C:\\corpus\\.git\\HEAD'));
  assert.ok(!inSkippedFolder('/work/corpus/reports/2024.txt'));
  assert.ok(!inSkippedFolder('/work/corpus/my.git.notes/a.txt'));
});
