// Find in Corpus's search (core/text/kwic.ts): phrases, patterns, refused patterns, hits in context.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileQuery, findHits, MAX_HITS_PER_DOCUMENT } from '../../../src/core/text/kwic';

function pattern(text: string, regex = false): RegExp {
  const c = compileQuery({ text, regex });
  assert.ok(c.ok, c.ok ? '' : c.reason);
  return c.pattern;
}

test('a phrase matches its words in any case and across line breaks; each hit with its line and context', () => {
  const text = 'Intro line.\nAcme WILL ENCRYPT all backups.\nLater, Acme will\nencrypt the rest.\n';
  const { hits } = findHits(text, pattern('will encrypt'), 12);
  assert.deepEqual(
    hits.map((h) => [h.line, h.left, h.match, h.right]),
    [
      [2, 'line.\nAcme '.replace(/\s+/g, ' ').trimStart(), 'WILL ENCRYPT', ' all backups'],
      [3, 'Later, Acme ', 'will encrypt', ' the rest.'],
    ],
  );
  assert.equal(text.slice(hits[1]?.start, hits[1]?.end), 'will\nencrypt');
});

test('a /pattern/ is a regular expression; its flags are honoured; special characters of a phrase are literal', () => {
  assert.equal(findHits('SOC 2 Type II, SOC2 Type I', pattern('/SOC\\s?2 Type (I|II)\\b/')).hits.length, 2);
  assert.equal(findHits('soc 2 type ii', pattern('/SOC 2/i')).hits.length, 1);
  assert.equal(findHits('costs $5 (or more)', pattern('$5 (or more)')).hits.length, 1);
});

test('patterns that could hang the editor, or match nothing, are refused with a reason', () => {
  for (const [text, reason] of [
    ['/(a+)+$/', /nests repetitions/],
    ['/(\\w)\\1/', /back-references/],
    ['/x*/', /empty text/],
    ['/[unclosed/', /does not compile/],
    ['   ', /type a phrase/],
  ] as const) {
    const c = compileQuery({ text });
    assert.match(c.ok ? 'accepted' : c.reason, reason, text);
  }
});

test('a search that matches everywhere stops at the limit and says so', () => {
  const { hits, truncated } = findHits('a '.repeat(MAX_HITS_PER_DOCUMENT + 10), pattern('a'));
  assert.equal(hits.length, MAX_HITS_PER_DOCUMENT);
  assert.equal(truncated, true);
});
