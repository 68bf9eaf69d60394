import { test } from 'node:test';
import assert from 'node:assert/strict';
import { excerpt } from '../../../src/core/text/excerpt';

test('an excerpt is one line: white space runs become one space and the ends are trimmed', () => {
  assert.equal(excerpt('  We will\n\tcomplete   the audit.\r\n'), 'We will complete the audit.');
});

test('a longer text is cut to the maximum, its last character an ellipsis', () => {
  assert.equal(excerpt('abcdefghij', 5), 'abcd…');
  assert.equal(excerpt('abcde', 5), 'abcde');
  assert.equal(excerpt('x'.repeat(61)).length, 60);
});
