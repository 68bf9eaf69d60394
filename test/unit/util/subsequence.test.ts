import { test } from 'node:test';
import assert from 'node:assert/strict';
import { longestIncreasingSubsequence } from '../../../src/core/util/subsequence';

test('strictly increasing and non-decreasing subsequences', () => {
  const xs = [3, 1, 2, 2, 5, 4, 6];
  const strict = longestIncreasingSubsequence(xs).map((i) => xs[i]);
  assert.deepEqual(strict, [1, 2, 4, 6]);
  const loose = longestIncreasingSubsequence(xs, false).map((i) => xs[i]);
  assert.deepEqual(loose, [1, 2, 2, 4, 6]);
  assert.deepEqual(longestIncreasingSubsequence([]), []);
});
