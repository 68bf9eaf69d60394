// The same claim across documents (core/match): copies, edits, merges and splits,
// paraphrases, what changed, groups; the dev fixtures' copies all found and their
// unrelated same-topic article left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { detectAll } from '../../../src/core/detect';
import { changesBetween } from '../../../src/core/match/changes';
import { linkBetween, linkedPairs, matchClaims, matchClaimsAsync, type ClaimText } from '../../../src/core/match/claims';

function claims(...list: [string, string, string?][]): ClaimText[] {
  return list.map(([doc, text, date], i) => ({ doc, id: `c${i}`, text, start: i, ...(date === undefined ? {} : { date }) }));
}

function linked(result: ReturnType<typeof matchClaims>, input: readonly ClaimText[], a: number, b: number): string | undefined {
  return linkBetween(result, input, a, b)?.kind;
}

test('verbatim copies (case, quote marks and trailing punctuation aside) and edited ones, with the changed figure', () => {
  const input = claims(
    ['a.txt', 'We have not sold customer data, and we never will.'],
    ['b.txt', '“We have not sold customer data, and we never will”'],
    ['a.txt', 'Our mail filters blocked 4.2 million phishing attempts last quarter.'],
    ['b.txt', 'Our mail filters blocked 42 million phishing attempts in the last quarter.'],
  );
  const r = matchClaims(input);
  assert.equal(linked(r, input, 0, 1), 'verbatim');
  assert.equal(linked(r, input, 2, 3), 'edited');
  assert.deepEqual(linkBetween(r, input, 2, 3)?.changes, [{ kind: 'figure', from: '4.2 million', to: '42 million' }]);
  assert.deepEqual(
    linkBetween(r, input, 3, 2)?.changes,
    [{ kind: 'figure', from: '42 million', to: '4.2 million' }],
    'read the other way round',
  );
});

test('a sentence that merges two claims matches each; the halves of a split one match the whole', () => {
  const input = claims(
    ['a.txt', 'We now require hardware security keys for every employee who can access production systems.'],
    ['a.txt', 'We will extend that requirement to all contractors by September 2025.'],
    [
      'b.txt',
      'We now require hardware security keys for every employee who can access production systems, and we will extend that requirement to all contractors by September 2025.',
    ],
  );
  const r = matchClaims(input);
  assert.equal(linked(r, input, 0, 2), 'edited');
  assert.equal(linked(r, input, 1, 2), 'edited');
  assert.equal(linked(r, input, 0, 1), undefined, 'two claims of one document are never linked to each other');
  assert.deepEqual(linkBetween(r, input, 1, 2)?.changes, [], 'what the merged sentence adds is the other claim, not a change');
  assert.equal(r.groups.length, 1);
  assert.equal(r.groups[0]?.documents, 2);
});

test('a paraphrase that keeps the figures and names is matched; a same-topic claim of another company is not', () => {
  const input = claims(
    [
      'a.txt',
      'Our security team grew from 14 to 31 people during 2024, and in November we opened a second security operations centre in Lisbon.',
    ],
    [
      'b.txt',
      'Its security department more than doubled in size last year, to 31 staff from 14, and a second monitoring hub opened in Lisbon in November.',
    ],
    ['c.txt', 'Corvane said its security team works around the clock to protect customer data and grew in 2024.'],
    ['a.txt', 'We will encrypt all customer payroll records at rest by June 30, 2025.'],
    ['c.txt', 'Corvane will encrypt all customer benefits data at rest by the end of 2026.'],
  );
  const r = matchClaims(input);
  assert.equal(linked(r, input, 0, 1), 'paraphrase');
  assert.equal(linked(r, input, 0, 2), undefined);
  assert.equal(linked(r, input, 1, 2), undefined);
  assert.equal(linked(r, input, 3, 4), undefined, 'the same promise shape about another company and date');
});

test('groups: largest first, the earliest dated document first, undated last', () => {
  const text = 'Acme will encrypt every customer backup with keys held in Frankfurt by June 30, 2025.';
  const input = claims(
    ['z-undated.txt', text],
    ['later.txt', text, '2025-05-02'],
    ['first.txt', text, '2025-03-03'],
    ['x.txt', 'Globex promised its auditors a clean SOC 2 Type II report for 2024.', '2025-01-01'],
    ['y.txt', 'Globex promised its auditors a clean SOC 2 Type II report for 2024.', '2025-01-02'],
  );
  const r = matchClaims(input);
  assert.deepEqual(
    r.groups.map((g) => g.members),
    [
      [2, 1, 0],
      [3, 4],
    ],
  );
});

test('changes between versions: figures, dates and names that differ, paired in order', () => {
  assert.deepEqual(
    changesBetween('Acme blocked 4.2 million attacks by June 2025 in Lisbon.', 'Acme blocked 42 million attacks by July 2025 in Porto.'),
    [
      { kind: 'figure', from: '4.2 million', to: '42 million' },
      { kind: 'date', from: 'June 2025', to: 'July 2025' },
      { kind: 'name', from: 'Lisbon', to: 'Porto' },
    ],
  );
  assert.deepEqual(changesBetween('We fixed it in 3.5 days.', 'In 3.5 days we fixed it.'), [], 'a figure that only moved is no change');
});

test('property: matching is symmetric in the order of the claims, and never links a document to itself', () => {
  const sentences = [
    'We will encrypt all customer payroll records by June 30, 2025.',
    'We will encrypt all customer payroll records by July 30, 2025.',
    'Our mail filters blocked 4.2 million phishing attempts last quarter.',
    'We have not sold customer data, and we never will.',
    'Tessaline has held ISO 27001 certification since 2021.',
    'Globex said it would hire 40 security engineers in Dublin.',
  ];
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom(...sentences)), { maxLength: 10 }), (list) => {
      const input = list.map(([doc, text], i) => ({ doc, id: `${i}`, text }));
      const forward = matchClaims(input);
      const reversed = matchClaims([...input].reverse());
      const n = input.length;
      const key = (a: number, b: number): string => `${Math.min(a, b)}:${Math.max(a, b)}`;
      const backwards = [...input].reverse();
      assert.deepEqual(
        new Set([...linkedPairs(forward, input)].map((l) => `${key(l.a, l.b)} ${l.kind}`)),
        new Set([...linkedPairs(reversed, backwards)].map((l) => `${key(n - 1 - l.a, n - 1 - l.b)} ${l.kind}`)),
      );
      for (const l of linkedPairs(forward, input)) assert.notEqual(input[l.a]?.doc, input[l.b]?.doc);
    }),
  );
});

test('dev fixtures: every keyed copy and edit between detected claims is found, and the unrelated article is in no group', () => {
  const dir = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'match', 'dev');
  const input: ClaimText[] = [];
  for (const doc of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    const text = readFileSync(path.join(dir, doc), 'utf8');
    for (const d of detectAll(text, { kinds: ['claim'] })) input.push({ doc, id: `${d.start}`, text: d.text, start: d.start });
  }
  const r = matchClaims(input);
  const grouped = r.groups.flatMap((g) => g.members.map((i) => input[i]?.doc));
  assert.ok(!grouped.includes('unrelated.txt'), 'no claim of the unrelated same-topic article is grouped');
  const copies = [...linkedPairs(r, input)].filter((l) => l.kind !== 'paraphrase').length;
  assert.ok(copies >= 24, `verbatim and edited pairs found: ${copies}`);
});

test('a sentence copied into many documents is linked once per copy, and each copy still to every other', async () => {
  const boilerplate = 'Acme Payroll has held ISO 27001 certification since 2019 and is audited every year.';
  const input: ClaimText[] = [];
  for (let d = 0; d < 300; d++) {
    input.push({ doc: `release-${d}.txt`, id: `b${d}`, text: boilerplate });
    input.push({
      doc: `release-${d}.txt`,
      id: `e${d}`,
      text: `Acme Payroll has held ISO 27001 certification since 2019 and is audited every ${d % 2 === 0 ? 'year' : 'quarter'}.`,
    });
  }
  input.push({ doc: 'release-0.txt', id: 'again', text: boilerplate });
  input.push({ doc: 'release-1.txt', id: 'other', text: 'The company opened a second office in Lisbon with 40 engineers.' });
  const r = matchClaims(input);
  assert.ok(r.links.length < 2 * input.length, `${r.links.length} links stored for ${input.length} claims`);
  const group = r.groups[0];
  assert.ok(group);
  assert.equal(r.groups.length, 1, 'the other sentence is in no group');
  assert.equal(group.documents, 300);
  assert.equal(group.members.length, 601, 'the boilerplate, its edited version and the second copy in release-0');
  assert.equal(linkBetween(r, input, 2, 2 * 299)?.kind, 'verbatim', 'two copies linked through the first');
  assert.equal(linkBetween(r, input, 0, 600)?.kind, undefined, 'never to a copy in its own document');
  assert.equal(linkBetween(r, input, 600, 2)?.kind, 'verbatim', 'the second copy in release-0 to a copy elsewhere');
  const edited = linkBetween(r, input, 4, 2 * 7 + 1);
  assert.ok(edited);
  assert.equal(edited.kind, 'edited');
  assert.deepEqual([edited.a, edited.b], [4, 15], 'read from the first claim asked for, whichever copies were scored');
  // Given way to a pause now and then, the same result.
  let pauses = 0;
  const later = await matchClaimsAsync(
    input,
    async () => {
      pauses++;
      await new Promise((resolve) => setImmediate(resolve));
    },
    {},
    0,
  );
  assert.ok(pauses > 0);
  assert.deepEqual(later, r);
});
