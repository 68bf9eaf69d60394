import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shiftDetections } from '../../../src/core/detect/shift';
import type { Detection } from '../../../src/core/model';

const control = (start: number, end: number): Detection => ({ kind: 'control', start, end, text: 'x'.repeat(end - start), id: 'soc-2' });

test('detections after an edit move by its length; those before stay', () => {
  const out = shiftDetections([control(0, 5), control(10, 15)], [{ rangeOffset: 7, rangeLength: 0, text: 'abc' }]);
  assert.deepEqual(
    out.map((d) => [d.start, d.end]),
    [
      [0, 5],
      [13, 18],
    ],
  );
});

test('a detection the edit touches is dropped until it is detected again', () => {
  const out = shiftDetections([control(0, 5), control(10, 15)], [{ rangeOffset: 12, rangeLength: 2, text: '' }]);
  assert.deepEqual(
    out.map((d) => [d.start, d.end]),
    [[0, 5]],
  );
});

test("an insertion right at a detection's start touches it; several changes of one event add up", () => {
  const out = shiftDetections(
    [control(10, 15), control(30, 35)],
    [
      { rangeOffset: 10, rangeLength: 0, text: 'ab' },
      { rangeOffset: 20, rangeLength: 5, text: '' },
    ],
  );
  assert.deepEqual(
    out.map((d) => [d.start, d.end]),
    [[27, 32]],
  );
});
