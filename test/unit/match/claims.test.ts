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
import { matchClaims, type ClaimText } from '../../../src/core/match/claims';

function claims(...list: [string, string, string?][]): ClaimText[] {
  return list.map(([doc, text, date], i) => ({ doc, id: `c${i}`, text, start: i, ...(date === undefined ? {} : { date }) }));
}

function linked(result: ReturnType<typeof matchClaims>, a: number, b: number): string | undefined {
  return result.links.find((l) => (l.a === a && l.b === b) || (l.a === b && l.b === a))?.kind;
}

test('verbatim copies (case, quote marks and trailing punctuation aside) and edited ones, with the changed figure', () => {
  const r = matchClaims(
    claims(
      ['a.txt', 'We have not sold customer data, and we never will.'],
      ['b.txt', '“We have not sold customer data, and we never will”'],
      ['a.txt', 'Our mail filters blocked 4.2 million phishing attempts last quarter.'],
      ['b.txt', 'Our mail filters blocked 42 million phishing attempts in the last quarter.'],
    ),
  );
  assert.equal(linked(r, 0, 1), 'verbatim');
  assert.equal(linked(r, 2, 3), 'edited');
  assert.deepEqual(r.links.find((l) => l.a === 2)?.changes, [{ kind: 'figure', from: '4.2 million', to: '42 million' }]);
});

test('a sentence that merges two claims matches each; the halves of a split one match the whole', () => {
  const r = matchClaims(
    claims(
      ['a.txt', 'We now require hardware security keys for every employee who can access production systems.'],
      ['a.txt', 'We will extend that requirement to all contractors by September 2025.'],
      [
        'b.txt',
        'We now require hardware security keys for every employee who can access production systems, and we will extend that requirement to all contractors by September 2025.',
      ],
    ),
  );
  assert.equal(linked(r, 0, 2), 'edited');
  assert.equal(linked(r, 1, 2), 'edited');
  assert.equal(linked(r, 0, 1), undefined, 'two claims of one document are never linked to each other');
  assert.deepEqual(r.links.find((l) => l.a === 1)?.changes, [], 'what the merged sentence adds is the other claim, not a change');
  assert.equal(r.groups.length, 1);
  assert.equal(r.groups[0]?.documents, 2);
});

test('a paraphrase that keeps the figures and names is matched; a same-topic claim of another company is not', () => {
  const r = matchClaims(
    claims(
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
    ),
  );
  assert.equal(linked(r, 0, 1), 'paraphrase');
  assert.equal(linked(r, 0, 2), undefined);
  assert.equal(linked(r, 1, 2), undefined);
  assert.equal(linked(r, 3, 4), undefined, 'the same promise shape about another company and date');
});

test('groups: largest first, the earliest dated document first, undated last', () => {
  const text = 'Acme will encrypt every customer backup with keys held in Frankfurt by June 30, 2025.';
  const r = matchClaims(
    claims(
      ['z-undated.txt', text],
      ['later.txt', text, '2025-05-02'],
      ['first.txt', text, '2025-03-03'],
      ['x.txt', 'Globex promised its auditors a clean SOC 2 Type II report for 2024.', '2025-01-01'],
      ['y.txt', 'Globex promised its auditors a clean SOC 2 Type II report for 2024.', '2025-01-02'],
    ),
  );
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
      assert.deepEqual(new Set(forward.links.map((l) => key(l.a, l.b))), new Set(reversed.links.map((l) => key(n - 1 - l.a, n - 1 - l.b))));
      for (const l of forward.links) assert.notEqual(input[l.a]?.doc, input[l.b]?.doc);
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
  const copies = r.links.filter((l) => l.kind !== 'paraphrase').length;
  assert.ok(copies >= 24, `verbatim and edited pairs found: ${copies}`);
});
