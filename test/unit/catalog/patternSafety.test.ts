import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkPattern, MAX_MATCH_LENGTH, MAX_PATHS } from '../../../src/core/catalog/patternSafety';
import { builtinCatalog } from '../../../src/core/catalog/builtin';

function reason(source: string): string {
  const verdict = checkPattern(source);
  if (verdict.ok) assert.fail(`expected '${source}' to be refused`);
  return verdict.reason;
}

test('classic catastrophic patterns are refused', () => {
  assert.match(reason('(a+)+$'), /backtrack catastrophically/);
  assert.match(reason('(x+x+)+y'), /backtrack catastrophically/);
  assert.match(reason('(\\w+\\s?)*$'), /backtrack catastrophically/);
  // Star height 1, yet exponential in a backtracking engine: caught by the bounds.
  assert.match(reason('(a|a)*$'), /unbounded repetition/);
  assert.match(reason('(a|a){1,30}$'), /too many ways to match/);
  assert.match(reason('.*.*.*x'), /unbounded repetition/);
});

test('constructs whose cost is not bounded are refused with a reason', () => {
  assert.match(reason('(a)\\1'), /back-reference/);
  assert.match(reason('(?<=A)B'), /look-behind/);
  assert.match(reason('(?<id>AC)-1'), /named group/);
  assert.match(reason('AC-\\d+'), /unbounded repetition 'AC-\\d\+'|unbounded repetition '\\d\+'/);
  assert.match(reason('A{1,1000}'), /exceeds 32/);
  assert.match(reason('x?'), /matches empty text/);
  assert.match(reason('A('), /does not compile/);
  assert.match(reason('x'.repeat(900)), /limit is 800/);
  assert.match(reason(''), /empty/);
});

test('ordinary identifier patterns are accepted with their capture count', () => {
  const verdict = checkPattern('(AC|IA)-[0-9]{1,2}(?:\\s?\\([0-9]{1,2}\\))?');
  if (!verdict.ok) assert.fail(verdict.reason);
  assert.equal(verdict.shape.captures, 1);
});

test('every built-in pattern passes the same rules as a user pattern', () => {
  for (const p of builtinCatalog().patterns) {
    const verdict = checkPattern(p.regex);
    assert.ok(verdict.ok, `${p.id}: ${verdict.ok ? '' : verdict.reason}`);
  }
});

test('checking never throws, and what it accepts stays within the bounds', () => {
  const alphabet = fc.constantFrom(
    'a',
    'b',
    '(',
    ')',
    '|',
    '*',
    '+',
    '?',
    '{1,3}',
    '{2}',
    '[ab]',
    '\\d',
    '.',
    '(?:',
    '(?=',
    '\\1',
    '^',
    '$',
  );
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 14 }), (parts) => {
      const source = parts.join('');
      const verdict = checkPattern(source);
      if (verdict.ok) {
        assert.ok(verdict.shape.paths <= MAX_PATHS);
        assert.ok(verdict.shape.maxLength <= MAX_MATCH_LENGTH);
        assert.ok(!/[*+]|\{\d+,\}/.test(source.replace(/\\./g, '')), `accepted unbounded '${source}'`);
      }
    }),
    { numRuns: 2000 },
  );
});
