import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCatalog } from '../../../src/core/catalog/load';
import { mergeCatalogs } from '../../../src/core/catalog/merge';
import type { Catalog } from '../../../src/core/catalog/types';

function parse(text: string, knownIds: string[] = []): Catalog {
  const { catalog, errors } = parseCatalog(text, 'test.yaml', { knownIds });
  assert.deepEqual(errors, []);
  return catalog;
}

const BUILTIN = parse(
  [
    'entries:',
    '  - id: acme',
    '    title: ACME Standard',
    '    version: "1"',
    '    aliases: [ACME 1]',
    '    context: [ACME]',
    '  - id: beta',
    '    title: Beta Law',
    '    aliases: [Beta Act, BLX]',
    'patterns:',
    '  - id: acme-id',
    '    framework: acme',
    "    regex: 'AC-[0-9]'",
    '',
  ].join('\n'),
);

test('a user entry with a built-in id overrides the fields it sets and adds aliases', () => {
  const user = parse(
    ['entries:', '  - id: acme', '    version: "2"', '    aliases: [ACME-STD]', '    context: [Acme Corp]', ''].join('\n'),
  );
  const merged = mergeCatalogs(BUILTIN, user);
  const acme = merged.entries.find((e) => e.id === 'acme');
  assert.ok(acme);
  assert.equal(acme.title, 'ACME Standard');
  assert.equal(acme.version, '2');
  assert.deepEqual(acme.aliases, ['ACME 1', 'ACME-STD']);
  assert.deepEqual(acme.context, ['ACME', 'Acme Corp']);
  assert.equal(acme.origin.source, 'test.yaml');
  assert.equal(merged.entries.length, 2);
});

test('new user entries are added, and a user alias moves away from a built-in entry', () => {
  const user = parse(['entries:', '  - id: gamma', '    title: Gamma', '    aliases: [blx]', ''].join('\n'));
  const merged = mergeCatalogs(BUILTIN, user);
  assert.deepEqual(
    merged.entries.map((e) => e.id),
    ['acme', 'beta', 'gamma'],
  );
  assert.deepEqual(merged.entries.find((e) => e.id === 'beta')?.aliases, ['Beta Act']);
  assert.deepEqual(merged.entries.find((e) => e.id === 'gamma')?.aliases, ['blx']);
});

test('a user pattern replaces the built-in pattern with its id', () => {
  const user = parse(['patterns:', '  - id: acme-id', '    framework: acme', "    regex: 'AC-[0-9]{2}'", ''].join('\n'), ['acme']);
  const merged = mergeCatalogs(BUILTIN, user);
  assert.deepEqual(
    merged.patterns.map((p) => p.regex),
    ['AC-[0-9]{2}'],
  );
  assert.deepEqual(mergeCatalogs(BUILTIN, { entries: [], patterns: [] }), BUILTIN);
});

test('a workspace entry sets the jurisdiction and adds to what a built-in regulator enforces', () => {
  const base = parse(
    [
      'entries:',
      '  - id: acme-law',
      '    aliases: [ACME Act]',
      '  - id: acme-rule',
      '    aliases: [ACME Rule]',
      '  - id: acme-regulator',
      '    jurisdiction: Atlantis',
      '    enforces: [acme-law]',
      '    aliases: [ACME Regulatory Office]',
      '',
    ].join('\n'),
  );
  const user = parse(
    ['entries:', '  - id: acme-regulator', '    jurisdiction: Atlantis (federal)', '    enforces: [acme-rule, acme-law]', ''].join('\n'),
    ['acme-law', 'acme-rule', 'acme-regulator'],
  );
  const merged = mergeCatalogs(base, user).entries.find((e) => e.id === 'acme-regulator');
  assert.ok(merged);
  assert.equal(merged.jurisdiction, 'Atlantis (federal)');
  assert.deepEqual(merged.enforces, ['acme-law', 'acme-rule']);
  const untouched = mergeCatalogs(base, parse(['entries:', '  - id: acme-regulator', '    aliases: [ARO]', ''].join('\n')));
  const kept = untouched.entries.find((e) => e.id === 'acme-regulator');
  assert.ok(kept);
  assert.equal(kept.jurisdiction, 'Atlantis', 'a user entry that does not set it keeps the built-in one');
  assert.deepEqual(kept.enforces, ['acme-law']);
});
