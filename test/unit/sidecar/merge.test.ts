import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sidecar } from '../../../src/core/sidecar/format';
import { mergeAnnotations } from '../../../src/core/sidecar/merge';
import { parseSidecar } from '../../../src/core/sidecar/read';
import { serializeSidecar, updateSidecarText } from '../../../src/core/sidecar/write';
import { annotation, sidecar } from './helpers';

const clone = (s: Sidecar): Sidecar => structuredClone(s);

const BASE = sidecar([
  annotation({ id: 'a', start: 100, end: 120, quote: 'alpha' }),
  annotation({ id: 'b', start: 500, end: 520, quote: 'beta', note: 'keep' }),
  annotation({ id: 'c', start: 900, end: 920, quote: 'gamma' }),
]);

function byId(s: Sidecar, id: string): Record<string, unknown> | undefined {
  return s.annotations.find((a) => a.id === id) as Record<string, unknown> | undefined;
}

test('changes made on one side only are all kept', () => {
  const mine = clone(BASE);
  const theirs = clone(BASE);
  (byId(mine, 'a') as { status: string }).status = 'verified';
  (byId(theirs, 'b') as { note: string }).note = 'from disk';
  mine.annotations.push(annotation({ id: 'm', start: 300, end: 310 }));
  theirs.annotations.push(annotation({ id: 't', start: 700, end: 710 }));
  theirs.annotations = theirs.annotations.filter((a) => a.id !== 'c');
  const { sidecar: merged, conflicts } = mergeAnnotations(BASE, mine, theirs);
  assert.deepEqual(conflicts, []);
  assert.deepEqual(
    merged.annotations.map((a) => a.id),
    ['a', 'm', 'b', 't'],
  );
  assert.equal(byId(merged, 'a')?.['status'], 'verified');
  assert.equal(byId(merged, 'b')?.['note'], 'from disk');
});

test('a field changed on both sides keeps mine and is listed; other fields still merge', () => {
  const mine = clone(BASE);
  const theirs = clone(BASE);
  Object.assign(byId(mine, 'b') ?? {}, { status: 'verified', note: 'mine' });
  Object.assign(byId(theirs, 'b') ?? {}, { status: 'disputed', tags: ['disk'] });
  const { sidecar: merged, conflicts } = mergeAnnotations(BASE, mine, theirs);
  assert.deepEqual(
    conflicts.map((c) => [c.id, c.field]),
    [['b', 'review']],
  );
  assert.deepEqual(byId(merged, 'b'), { ...byId(BASE, 'b'), status: 'verified', note: 'mine', tags: ['disk'] });
});

test("the review (status, reviewer, reviewed) merges as one field: never one side's status with the other's reviewer", () => {
  const reviewed = sidecar([
    annotation({ id: 'r', start: 10, end: 20, status: 'open', reviewer: 'ana', reviewed: '2026-01-01T09:00:00Z' }),
    annotation({ id: 's', start: 30, end: 40, status: 'suggested' }),
  ]);
  // Theirs reviews `s`, mine edits its note: both kept, theirs' review whole.
  const mine = clone(reviewed);
  const theirs = clone(reviewed);
  Object.assign(byId(mine, 's') ?? {}, { note: 'mine' });
  Object.assign(byId(theirs, 's') ?? {}, { status: 'disputed', reviewer: 'ben', reviewed: '2026-01-02T10:00:00Z' });
  // On `r`, mine changes only the status (an old reviewer left), theirs only the reviewer:
  // as one field that is a conflict, and mine's review is kept entire.
  Object.assign(byId(mine, 'r') ?? {}, { status: 'verified' });
  Object.assign(byId(theirs, 'r') ?? {}, { reviewer: 'ben' });
  const { sidecar: merged, conflicts } = mergeAnnotations(reviewed, mine, theirs);
  assert.deepEqual(byId(merged, 's'), {
    ...byId(reviewed, 's'),
    note: 'mine',
    status: 'disputed',
    reviewer: 'ben',
    reviewed: '2026-01-02T10:00:00Z',
  });
  assert.deepEqual(byId(merged, 'r'), byId(mine, 'r'));
  assert.deepEqual(
    conflicts.map((c) => [c.id, c.field]),
    [['r', 'review']],
  );
  // A review taken back to `suggested` on disk drops the reviewer and time with it.
  const back = clone(reviewed);
  const rb = byId(back, 'r') as Record<string, unknown>;
  rb['status'] = 'suggested';
  delete rb['reviewer'];
  delete rb['reviewed'];
  const again = mergeAnnotations(reviewed, clone(reviewed), back);
  assert.deepEqual(again.conflicts, []);
  assert.deepEqual(byId(again.sidecar, 'r'), rb);
  assert.equal(again.sidecar.marginalia, 2);
});

test('the anchor merges as one field, and source changes from disk come in', () => {
  const mine = clone(BASE);
  const theirs = clone(BASE);
  Object.assign(byId(theirs, 'a') ?? {}, { start: 150, end: 170 });
  theirs.source.sha256 = 'b'.repeat(64);
  const { sidecar: merged, conflicts } = mergeAnnotations(BASE, mine, theirs);
  assert.deepEqual(conflicts, []);
  assert.deepEqual([byId(merged, 'a')?.['start'], byId(merged, 'a')?.['end']], [150, 170]);
  assert.equal(merged.source.sha256, 'b'.repeat(64));
});

test('deleted on one side but edited on the other: kept and listed, never lost', () => {
  const mine = clone(BASE);
  const theirs = clone(BASE);
  mine.annotations = mine.annotations.filter((a) => a.id !== 'a');
  (byId(theirs, 'a') as { status: string }).status = 'disputed';
  theirs.annotations = theirs.annotations.filter((a) => a.id !== 'c');
  (byId(mine, 'c') as { note?: string }).note = 'edited here';
  const { sidecar: merged, conflicts } = mergeAnnotations(BASE, mine, theirs);
  assert.deepEqual(
    merged.annotations.map((a) => a.id),
    ['a', 'b', 'c'],
  );
  assert.equal(byId(merged, 'a')?.['status'], 'disputed');
  assert.equal(byId(merged, 'c')?.['note'], 'edited here');
  assert.deepEqual(conflicts.map((c) => [c.id, c.field]).sort(), [
    ['a', 'deleted'],
    ['c', 'deleted'],
  ]);
});

test('git merges two researchers annotating different parts without conflict', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-merge-'));
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'init.defaultBranch=main', ...args], {
      cwd: dir,
      encoding: 'utf8',
    });
  const file = join(dir, 'report.txt.annotations.yaml');
  try {
    git('init', '-q');
    writeFileSync(file, `# Shared annotations\n${serializeSidecar(BASE)}`);
    git('add', '.');
    git('commit', '-qm', 'base');
    git('checkout', '-qb', 'ana');
    const ana = clone(BASE);
    ana.annotations.push(annotation({ id: 'ana1', start: 200, end: 230, quote: 'Ana’s claim', author: 'ana' }));
    ana.annotations.push(annotation({ id: 'ana2', start: 90, end: 99, quote: 'before all', kind: 'date', label: '2020' }));
    writeFileSync(file, updateSidecarText(readFileSync(file, 'utf8'), ana));
    git('commit', '-qam', 'ana');
    git('checkout', '-q', 'main');
    git('checkout', '-qb', 'ben');
    const ben = clone(BASE);
    ben.annotations.push(annotation({ id: 'ben1', start: 800, end: 830, quote: 'Ben’s claim', author: 'ben' }));
    ben.annotations.push(annotation({ id: 'ben2', start: 950, end: 960, quote: 'after all' }));
    (byId(ben, 'c') as { status: string }).status = 'verified';
    writeFileSync(file, updateSidecarText(readFileSync(file, 'utf8'), ben));
    git('commit', '-qam', 'ben');
    git('checkout', '-q', 'ana');
    git('merge', '-q', '--no-edit', 'ben');
    const merged = parseSidecar(readFileSync(file, 'utf8'), file);
    assert.deepEqual(merged.errors, []);
    assert.deepEqual(
      merged.sidecar?.annotations.map((a) => a.id),
      ['ana2', 'a', 'ana1', 'b', 'ben1', 'c', 'ben2'],
    );
    assert.equal(merged.sidecar.annotations.find((a) => a.id === 'c')?.status, 'verified');
    assert.ok(readFileSync(file, 'utf8').startsWith('# Shared annotations\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
