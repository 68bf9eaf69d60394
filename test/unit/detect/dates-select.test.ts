import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Mention } from '../../../src/core/detect/dates/expression';
import { selectMentions } from '../../../src/core/detect/dates/select';

const at = (start: number, end: number, month = 1): Mention => ({ start, end, expr: { type: 'calendar', month } });

test('a lone candidate is kept as it is, unless it is empty', () => {
  const only = at(3, 9);
  const kept = selectMentions([only]);
  assert.equal(kept.length, 1);
  assert.equal(kept[0], only);
  assert.deepEqual(selectMentions([at(4, 4)]), []);
  assert.deepEqual(selectMentions([]), []);
});

test('among overlapping candidates the longest wins, then the earlier one; the result is in text order', () => {
  const june = at(10, 14, 6);
  const june27 = at(10, 17, 6);
  const earlier = at(0, 5, 3);
  const tie = at(0, 5, 4);
  assert.deepEqual(selectMentions([june, june27, tie, earlier]), [tie, june27]);
  assert.deepEqual(selectMentions([at(0, 0), june]), [june]);
});
