// The alias index's trigger regex only says where an alias may begin; it must never skip
// a place where the trie walk would find one. Lower-case first words and numbers that
// never stand alone ("the" of "the 1933 Act", "45" of "45 CFR") are gated on the token
// after them, so those gates are what these tests press on: spacing, line breaks,
// hyphens and case between the words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AliasIndex } from '../../../src/core/catalog/aliasIndex';
import type { CatalogEntry } from '../../../src/core/catalog/types';
import { builtinCatalog } from '../../../src/core/catalog/builtin';

function entry(id: string, aliases: string[]): CatalogEntry {
  return {
    id,
    earlierVersions: [],
    enforces: [],
    aliases,
    ambiguousAliases: [],
    context: [],
    origin: { source: 'test', line: 1, column: 1 },
  };
}

/** Starts of every alias the trigger leads to, scanning as the controls detector does. */
function triggered(index: AliasIndex, text: string): number[] {
  const out: number[] = [];
  for (let at = index.nextStart(text, 0); at >= 0; at = index.nextStart(text, at + 1)) {
    if (index.candidatesAt(text, at).length > 0) out.push(at);
  }
  return out;
}

/** Starts of every alias found by trying the walk at every offset. */
function everywhere(index: AliasIndex, text: string): number[] {
  const out: number[] = [];
  for (let at = 0; at < text.length; at++) if (index.candidatesAt(text, at).length > 0) out.push(at);
  return out;
}

const catalog = [
  entry('securities-act', ['the 1933 Act', 'Securities Act of 1933']),
  entry('dod-cc', ['dod cloud', 'DoD CC SRG']),
  entry('state-ramp', ['state ramp', 'StateRAMP']),
  entry('soc-2', ['SOC 2']),
  entry('noyb', ['noyb']),
  entry('hipaa-security-rule', ['45 CFR Part 164', '45 C.F.R. 164']),
];

test('a gated first word still leads to its alias across spaces, a line break, a hyphen and capitals', () => {
  const index = new AliasIndex(catalog);
  for (const text of [
    'Under the 1933 Act, issuers',
    'Under The 1933 Act, issuers',
    'Under THE 1933 Act, issuers',
    'Under the\u00a01933 Act',
    'Under the\n1933 Act',
    'Under the\r\n   1933 Act',
    'Under the\u2028\u200b1933 Act',
    'the dod\ncloud and State RAMP rules',
    'a dod  CLOUD offering',
    'under 45 CFR Part 164 and 45\nC.F.R. 164',
  ]) {
    assert.deepEqual(triggered(index, text), everywhere(index, text), JSON.stringify(text));
    assert.ok(triggered(index, text).length > 0, JSON.stringify(text));
  }
});

test('a gated first word followed by anything else is not walked', () => {
  const index = new AliasIndex(catalog);
  const text = 'the company said the state of the cloud was the best on 45 days';
  assert.equal(index.nextStart(text, 0), -1);
  assert.deepEqual(everywhere(index, text), []);
});

test('the trigger finds every place the walk does, in any text made of the aliases’ pieces', () => {
  const index = new AliasIndex(catalog);
  const piece = fc.constantFrom(
    'the',
    'The',
    'THE',
    '1933',
    '1934',
    'Act',
    'dod',
    'DoD',
    'cloud',
    'CLOUD',
    'state',
    'ramp',
    'RAMP',
    'SOC',
    '2',
    'noyb',
    'of',
  );
  const gap = fc.constantFrom(' ', '  ', '\n', '\r\n', '\n\n', '-', '\u2010', '\u00a0', '\u200b', '', '.', ' (');
  fc.assert(
    fc.property(fc.array(fc.tuple(piece, gap), { maxLength: 12 }), (parts) => {
      const text = parts.map(([p, g]) => p + g).join('');
      assert.deepEqual(triggered(index, text), everywhere(index, text));
    }),
    { numRuns: 3000 },
  );
});

test('the built-in catalog’s triggers stay under V8’s 20 KB limit for optimising a regular expression', () => {
  // Over it V8 runs the expression unoptimised: the trigger took twenty times as long.
  const index = new AliasIndex(builtinCatalog().entries);
  for (const length of index.triggerSourceLengths) assert.ok(length < 20 * 1024 * 0.9, `${length} characters`);
});

test('one index serves several texts in turn, and a search from an earlier offset is reused only where it holds', () => {
  const index = new AliasIndex(catalog);
  const a = 'SOC 2 and the 1933 Act';
  const b = 'noyb wrote; the 1934 Act';
  assert.equal(index.nextStart(a, 0), 0);
  assert.equal(index.nextStart(b, 0), 0);
  assert.equal(index.nextStart(a, 1), a.indexOf('the'));
  assert.equal(index.nextStart(b, 1), b.indexOf('the'));
  assert.equal(index.nextStart(b, 0), 0, 'back to an earlier offset');
  assert.equal(index.nextStart(b, b.length), -1);
});
