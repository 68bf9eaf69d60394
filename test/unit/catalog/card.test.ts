import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cardText, catalogCard } from '../../../src/core/catalog/card';
import { parseCatalog } from '../../../src/core/catalog/load';
import type { Catalog, CatalogEntry } from '../../../src/core/catalog/types';

function parse(text: string): Catalog {
  const { catalog, errors } = parseCatalog(text, 'test.yaml');
  assert.deepEqual(errors, []);
  return catalog;
}

const CATALOG = parse(
  [
    'entries:',
    '  - id: acme-regulator',
    '    title: ACME Regulatory Office',
    '    publisher: Government of Atlantis',
    '    category: regulator',
    '    year: 1999',
    '    jurisdiction: Atlantis (federal)',
    '    enforces: [acme-law, acme-std]',
    '    scope: Supervises ACME.',
    '    url: https://regulator.example/',
    '    aliases: [ACME Regulatory Office]',
    '  - id: acme-law',
    '    title: ACME Act 2001',
    '    category: law',
    '    aliases: [ACME Act]',
    '  - id: acme-std',
    '    title: ACME Standard',
    '    category: standard',
    '    version: Rev. 5',
    '    year: 2020',
    '    earlier_versions: [Rev. 4]',
    '    aliases: [ACME STD]',
    '',
  ].join('\n'),
);

function entry(id: string): CatalogEntry {
  const e = CATALOG.entries.find((x) => x.id === id);
  assert.ok(e, id);
  return e;
}

test("a regulator's card shows its jurisdiction and the titles of what it enforces", () => {
  const card = catalogCard(entry('acme-regulator'), CATALOG);
  assert.deepEqual(card.facts, [
    ['Established', '1999'],
    ['Publisher', 'Government of Atlantis'],
    ['Kind', 'regulator'],
    ['Jurisdiction', 'Atlantis (federal)'],
  ]);
  assert.deepEqual(card.enforces, ['ACME Act 2001', 'ACME Standard']);
  assert.equal(
    cardText(card),
    [
      'ACME Regulatory Office',
      'Established: 1999 · Publisher: Government of Atlantis · Kind: regulator · Jurisdiction: Atlantis (federal)',
      'Enforces: ACME Act 2001; ACME Standard',
      'Supervises ACME.',
      'Catalog id: acme-regulator',
    ].join('\n'),
  );
});

test('a versioned standard keeps the version line and shows no Enforces line', () => {
  const card = catalogCard(entry('acme-std'), CATALOG);
  assert.deepEqual(card.facts, [
    ['Current version', 'Rev. 5 (2020)'],
    ['Kind', 'standard'],
  ]);
  assert.equal(card.earlierVersions, 'Rev. 4');
  assert.deepEqual(card.enforces, []);
  assert.doesNotMatch(cardText(card), /Enforces|Jurisdiction/);
});

test('an enforced id missing from the catalog shows as the id, not as nothing', () => {
  const regulator = { ...entry('acme-regulator'), enforces: ['acme-law', 'gone-law'] };
  assert.deepEqual(catalogCard(regulator, CATALOG).enforces, ['ACME Act 2001', 'gone-law']);
});
