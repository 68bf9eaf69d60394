// Undo and redo of the researcher's actions (src/core/store/history.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Annotation } from '../../../src/core/sidecar/format';
import { diffAnnotations, HISTORY_LIMIT, sameFields, UndoHistory, type HistoryStep } from '../../../src/core/store/history';

function a(id: string, over: Partial<Annotation> = {}): Annotation {
  return {
    id,
    kind: 'claim',
    quote: `quote ${id}`,
    prefix: 'before ',
    suffix: ' after',
    start: 10,
    end: 20,
    origin: 'detected',
    status: 'suggested',
    ...over,
  };
}

function step(label: string, mark = 0): HistoryStep {
  return { label, changes: [{ id: label, after: a(label) }], mark };
}

const byId = (...list: Annotation[]): Map<string, Annotation> => new Map(list.map((x) => [x.id, x]));

test('UndoHistory: undo takes the newest step to the redo stack, redo brings it back, each with the new mark', () => {
  const h = new UndoHistory();
  assert.equal(h.peekUndo(), undefined);
  assert.equal(h.takeUndo(1), undefined);
  assert.equal(h.takeRedo(1), undefined);
  h.record(step('s1', 1));
  h.record(step('s2', 2));
  assert.deepEqual(h.size, { undo: 2, redo: 0 });
  assert.equal(h.peekUndo()?.label, 's2');
  const undone = h.takeUndo(3);
  assert.equal(undone?.label, 's2');
  assert.equal(undone.mark, 2, 'the step as it was recorded is returned');
  assert.deepEqual(h.size, { undo: 1, redo: 1 });
  assert.equal(h.peekRedo()?.label, 's2');
  assert.equal(h.peekRedo()?.mark, 3, 'the redo stack remembers when it was undone');
  assert.equal(h.peekUndo()?.label, 's1');
  const redone = h.takeRedo(4);
  assert.equal(redone?.label, 's2');
  assert.equal(h.peekUndo()?.mark, 4);
  assert.deepEqual(h.size, { undo: 2, redo: 0 });
});

test('UndoHistory: a new step clears what could be redone; empty steps are not kept; a document-date step is', () => {
  const h = new UndoHistory();
  h.record(step('s1'));
  h.record(step('s2'));
  h.takeUndo(1);
  assert.deepEqual(h.size, { undo: 1, redo: 1 });
  h.record(step('s3'));
  assert.deepEqual(h.size, { undo: 2, redo: 0 });
  assert.equal(h.takeRedo(2), undefined);
  // A step that changed nothing: not an undo stop, and the redo stack is left alone.
  h.takeUndo(3);
  h.record({ label: 'nothing', changes: [], mark: 4 });
  assert.deepEqual(h.size, { undo: 1, redo: 1 });
  // Only the document date changed: a real step.
  h.record({ label: 'Set Document Date', changes: [], published: { before: undefined, after: '2020-06-10' }, mark: 5 });
  assert.deepEqual(h.size, { undo: 2, redo: 0 });
  assert.deepEqual(h.peekUndo()?.published, { before: undefined, after: '2020-06-10' });
});

test('UndoHistory: only the newest steps are kept, and dropLast forgets a step whose write was refused', () => {
  const h = new UndoHistory(3);
  for (let i = 1; i <= 5; i++) h.record(step(`s${i}`, i));
  assert.deepEqual(h.size, { undo: 3, redo: 0 });
  const labels: string[] = [];
  for (let x = h.takeUndo(0); x !== undefined; x = h.takeUndo(0)) labels.push(x.label);
  assert.deepEqual(labels, ['s5', 's4', 's3']);
  const g = new UndoHistory();
  g.record(step('kept'));
  g.record(step('refused'));
  g.dropLast();
  assert.equal(g.peekUndo()?.label, 'kept');
  assert.deepEqual(g.size, { undo: 1, redo: 0 });
  assert.equal(HISTORY_LIMIT, 200);
  const d = new UndoHistory();
  for (let i = 0; i < HISTORY_LIMIT + 10; i++) d.record(step(`s${i}`));
  assert.equal(d.size.undo, HISTORY_LIMIT);
});

test('diffAnnotations: created, removed and changed annotations by id; unchanged ones left out', () => {
  const before = byId(a('keep'), a('gone'), a('edit'));
  const after = byId(a('keep'), a('edit', { status: 'open', reviewer: 'ana' }), a('new', { origin: 'manual', status: 'open' }));
  const changes = diffAnnotations(before, after);
  assert.deepEqual(changes, [
    { id: 'gone', before: a('gone') },
    { id: 'edit', before: a('edit'), after: a('edit', { status: 'open', reviewer: 'ana' }) },
    { id: 'new', after: a('new', { origin: 'manual', status: 'open' }) },
  ]);
  assert.deepEqual(diffAnnotations(before, before), []);
  assert.deepEqual(diffAnnotations(new Map(), new Map()), []);
});

test('diffAnnotations/sameFields: a moved annotation is not a change; a field set to undefined is the field absent; key order does not matter', () => {
  const moved = a('x', { start: 50, end: 60, prefix: 'other text ', suffix: ' elsewhere' });
  assert.equal(sameFields(a('x'), moved), true);
  assert.deepEqual(diffAnnotations(byId(a('x')), byId(moved)), []);
  assert.equal(sameFields(a('x'), { ...a('x'), note: undefined }), true);
  const reordered = Object.fromEntries(Object.entries(a('x', { note: 'n', tags: ['t'] })).reverse()) as unknown as Annotation;
  assert.equal(sameFields(a('x', { note: 'n', tags: ['t'] }), reordered), true);
  for (const over of [
    { note: 'n' },
    { status: 'dismissed' as const },
    { reviewer: 'ana' },
    { reviewed: '2026-01-01T00:00:00Z' },
    { tags: ['t'] },
    { label: 'denial' },
    { kind: 'date' },
  ]) {
    assert.equal(sameFields(a('x'), a('x', over)), false, JSON.stringify(over));
  }
  // The text under it changed (a fuzzy re-anchoring, an orphan): where it is, not what a person decided.
  for (const over of [{ quote: 'other' }, { orphaned: true }]) assert.equal(sameFields(a('x'), a('x', over)), true, JSON.stringify(over));
  // Undoing a step restores `before` for each change: applying the diff backwards gives the old map.
  const before = byId(a('p'), a('q', { note: 'old' }));
  const after = byId(a('q', { note: 'new' }), a('r'));
  const restored = new Map(after);
  for (const c of diffAnnotations(before, after)) {
    if (c.before === undefined) restored.delete(c.id);
    else restored.set(c.id, c.before);
  }
  assert.deepEqual(new Map([...restored].sort()), new Map([...before].sort()));
});
