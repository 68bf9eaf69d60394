import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCatalog } from '../../../src/core/catalog/load';
import { formatCatalogError, type CatalogError } from '../../../src/core/catalog/types';

const SOURCE = 'controls.yaml';

function only(errors: CatalogError[]): CatalogError {
  assert.equal(errors.length, 1, `expected one error, got: ${errors.map(formatCatalogError).join(' | ')}`);
  return errors[0] as CatalogError;
}

test('a valid catalog parses with no errors and keeps every field', () => {
  const { catalog, errors } = parseCatalog(
    [
      'entries:',
      '  - id: acme-std',
      '    title: ACME Security Standard',
      '    publisher: ACME',
      '    category: standard',
      '    version: 2.0',
      '    year: 2024',
      '    earlier_versions: [1.10, "1.0"]',
      '    scope: A test entry.',
      '    url: https://example.org/acme',
      '    aliases: [ACME-SEC, ACME Security Standard]',
      '    ambiguous_aliases: [ASS]',
      '    context: [ACME]',
      'patterns:',
      '  - id: acme-control',
      '    framework: acme-std',
      "    regex: 'ACM-[0-9]{1,2}'",
      '    requires_context: true',
      '    context: [ACME]',
      '',
    ].join('\n'),
    SOURCE,
  );
  assert.deepEqual(errors, []);
  const entry = catalog.entries[0];
  assert.ok(entry);
  assert.equal(entry.version, '2.0', 'an unquoted 2.0 keeps its trailing zero');
  assert.deepEqual(entry.earlierVersions, ['1.10', '1.0']);
  assert.equal(entry.year, 2024);
  assert.deepEqual(entry.aliases, ['ACME-SEC', 'ACME Security Standard']);
  assert.deepEqual(entry.ambiguousAliases, ['ASS']);
  assert.deepEqual({ line: entry.origin.line, column: entry.origin.column }, { line: 2, column: 5 });
  assert.equal(catalog.patterns[0]?.requiresContext, true);
});

test('malformed YAML is reported with its line and column', () => {
  const { catalog, errors } = parseCatalog('entries:\n  - id: foo\n    aliases: [a, b\n  - id: bar\n', SOURCE);
  const e = only(errors);
  assert.equal(e.source, SOURCE);
  assert.equal(e.line, 4);
  assert.equal(e.column, 3);
  assert.match(e.message, /^YAML: /);
  assert.deepEqual(catalog.entries, []);
});

test('a missing id names the entry by position and keeps the valid ones', () => {
  const text = ['entries:', '  - title: No id here', '    aliases: [Foo]', '  - id: good', '    aliases: [Good Std 1]', ''].join('\n');
  const { catalog, errors } = parseCatalog(text, SOURCE);
  const e = only(errors);
  assert.equal(formatCatalogError(e), 'controls.yaml:2:5: entry 1: `id` is required');
  assert.deepEqual(
    catalog.entries.map((x) => x.id),
    ['good'],
  );
});

test('a bad id points at the id value', () => {
  const text = ['entries:', '  - id: ISO_27001', '    aliases: [Foo 1]', ''].join('\n');
  const e = only(parseCatalog(text, SOURCE).errors);
  assert.equal(formatCatalogError(e), "controls.yaml:2:9: entry 'ISO_27001': `id` must be lower-case and hyphenated (like `iso-27001`)");
});

test('a duplicate id is refused at the second entry and the first is kept', () => {
  const text = ['entries:', '  - id: foo', '    aliases: [Foo 1]', '  - id: foo', '    aliases: [Foo 2]', ''].join('\n');
  const { catalog, errors } = parseCatalog(text, SOURCE);
  const e = only(errors);
  assert.equal(e.line, 4);
  assert.equal(e.column, 9);
  assert.match(e.message, /entry 'foo': duplicate id/);
  assert.deepEqual(catalog.entries[0]?.aliases, ['Foo 1']);
});

test('YAML duplicate keys inside one entry are a YAML error', () => {
  const e = only(parseCatalog('entries:\n  - id: foo\n    id: bar\n    aliases: [X 1]\n', SOURCE).errors);
  assert.equal(e.line, 3);
  assert.match(e.message, /unique/);
});

test('an alias claimed by two entries is refused where it appears the second time', () => {
  const text = ['entries:', '  - id: a', '    aliases: [Widget 9]', '  - id: b', '    aliases: [Other, widget 9]', ''].join('\n');
  const { catalog, errors } = parseCatalog(text, SOURCE);
  const e = only(errors);
  assert.equal(e.line, 5);
  assert.equal(e.column, 22);
  assert.match(e.message, /already an alias of entry 'a'/);
  assert.deepEqual(
    catalog.entries.map((x) => x.id),
    ['a'],
  );
});

test('unknown fields, wrong types and bad categories are each reported', () => {
  const text = [
    'entries:',
    '  - id: foo',
    '    alias: [Foo 1]',
    '    aliases: [Foo 1]',
    '  - id: bar',
    '    aliases: Bar',
    '  - id: baz',
    '    aliases: [Baz 1]',
    '    category: gadget',
    '  - id: qux',
    '    aliases: [Qux 1]',
    '    year: 20.5',
    'extra: 1',
    '',
  ].join('\n');
  const messages = parseCatalog(text, SOURCE).errors.map(formatCatalogError);
  assert.deepEqual(messages, [
    "controls.yaml:3:5: entry 'foo': unknown field `alias` (allowed: id, title, publisher, category, version, year, earlier_versions, scope, url, jurisdiction, enforces, aliases, ambiguous_aliases, context)",
    "controls.yaml:6:14: entry 'bar': `aliases` must be a list of strings",
    "controls.yaml:9:15: entry 'baz': `category` must be one of standard, framework, certification, attestation, law, regulation, regulator, standards-body, programme, agreement",
    "controls.yaml:12:11: entry 'qux': `year` must be a whole number",
    'controls.yaml:13:1: unknown top-level field `extra` (allowed: entries, patterns)',
  ]);
});

test('a catastrophic user regex is refused with the reason and its position', () => {
  const text = [
    'entries:',
    '  - id: foo',
    '    aliases: [Foo 1]',
    'patterns:',
    '  - id: evil',
    '    framework: foo',
    "    regex: '(a+)+$'",
    '  - id: fine',
    '    framework: foo',
    "    regex: 'FOO-[0-9]{1,3}'",
    '',
  ].join('\n');
  const { catalog, errors } = parseCatalog(text, SOURCE);
  const e = only(errors);
  assert.equal(
    formatCatalogError(e),
    "controls.yaml:7:12: pattern 'evil': `regex` refused: the pattern nests repetitions and could backtrack catastrophically",
  );
  assert.deepEqual(
    catalog.patterns.map((p) => p.id),
    ['fine'],
  );
});

test('a pattern must name a known framework; knownIds admits built-in ones', () => {
  const text = ['patterns:', '  - id: p', '    framework: iso-27001', "    regex: 'X-[0-9]'", ''].join('\n');
  const e = only(parseCatalog(text, SOURCE).errors);
  assert.match(e.message, /`framework` 'iso-27001' is not the id of any catalog entry/);
  assert.deepEqual(parseCatalog(text, SOURCE, { knownIds: ['iso-27001'] }).errors, []);
});

test('an ambiguous alias without any context to be recognised by is refused', () => {
  const text = ['entries:', '  - id: foo', '    ambiguous_aliases: [FX]', ''].join('\n');
  assert.match(only(parseCatalog(text, SOURCE).errors).message, /need `context`/);
});

test('an empty file is an empty catalog; a list at the top is an error', () => {
  assert.deepEqual(parseCatalog('', SOURCE), { catalog: { entries: [], patterns: [] }, errors: [] });
  const e = only(parseCatalog('- id: foo\n', SOURCE).errors);
  assert.deepEqual([e.line, e.column], [1, 1]);
});

test('jurisdiction and enforces are read; enforces may name an entry written later in the file', () => {
  const text = [
    'entries:',
    '  - id: acme-regulator',
    '    title: ACME Regulatory Office',
    '    category: regulator',
    '    jurisdiction: United States — New York',
    '    enforces: [acme-law, acme-rule]',
    '    aliases: [ACME Regulatory Office]',
    '  - id: acme-law',
    '    title: ACME Act',
    '    aliases: [ACME Act]',
    '  - id: acme-rule',
    '    title: ACME Rule',
    '    aliases: [ACME Rule]',
    '',
  ].join('\n');
  const { catalog, errors } = parseCatalog(text, SOURCE);
  assert.deepEqual(errors, []);
  const regulator = catalog.entries[0];
  assert.ok(regulator);
  assert.equal(regulator.jurisdiction, 'United States — New York');
  assert.deepEqual(regulator.enforces, ['acme-law', 'acme-rule']);
  assert.deepEqual(catalog.entries[1]?.enforces, [], 'absent means none');
});

test('an enforces id that names no entry is reported at its file:line:column and left out; the entry stays', () => {
  const text = [
    'entries:',
    '  - id: acme-regulator',
    '    aliases: [ACME Regulatory Office]',
    '    enforces:',
    '      - acme-law',
    '      - acme-missing',
    '      - Not An Id',
    '      - acme-law',
    '      - acme-regulator',
    '  - id: acme-law',
    '    aliases: [ACME Act]',
    '',
  ].join('\n');
  const { catalog, errors } = parseCatalog(text, SOURCE);
  assert.deepEqual(errors.map(formatCatalogError), [
    "controls.yaml:6:9: entry 'acme-regulator': `enforces` 'acme-missing' is not the id of any catalog entry",
    "controls.yaml:7:9: entry 'acme-regulator': `enforces` 'Not An Id' is not a catalog id (lower-case and hyphenated, like `gdpr`)",
    "controls.yaml:8:9: entry 'acme-regulator': `enforces` lists 'acme-law' twice",
    "controls.yaml:9:9: entry 'acme-regulator': an entry cannot enforce itself",
  ]);
  assert.deepEqual(
    catalog.entries.map((e) => [e.id, e.enforces]),
    [
      ['acme-regulator', ['acme-law']],
      ['acme-law', []],
    ],
  );
});

test('a workspace entry may enforce a built-in id (knownIds); enforces must be a list', () => {
  const text = ['entries:', '  - id: acme-dpa', '    aliases: [ACME DPA]', '    enforces: [gdpr]', ''].join('\n');
  assert.match(only(parseCatalog(text, SOURCE).errors).message, /`enforces` 'gdpr' is not the id of any catalog entry/);
  const known = parseCatalog(text, SOURCE, { knownIds: ['gdpr'] });
  assert.deepEqual(known.errors, []);
  assert.deepEqual(known.catalog.entries[0]?.enforces, ['gdpr']);
  const scalar = ['entries:', '  - id: acme-dpa', '    aliases: [ACME DPA]', '    enforces: gdpr', ''].join('\n');
  assert.equal(
    formatCatalogError(only(parseCatalog(scalar, SOURCE).errors)),
    "controls.yaml:4:15: entry 'acme-dpa': `enforces` must be a list of strings",
  );
});

test('two entries may share a spelling as an ambiguous alias of one or both, never as a plain alias of both', () => {
  const shared = [
    'entries:',
    '  - id: north-dpa',
    '    aliases: [North Data Authority]',
    '    ambiguous_aliases: [NDA]',
    '    context: [North]',
    '  - id: south-dpa',
    '    aliases: [South Data Authority]',
    '    ambiguous_aliases: [NDA]',
    '    context: [South]',
    '',
  ].join('\n');
  const ok = parseCatalog(shared, SOURCE);
  assert.deepEqual(ok.errors, []);
  assert.deepEqual(
    ok.catalog.entries.map((e) => e.ambiguousAliases),
    [['NDA'], ['NDA']],
  );
  // A plain alias of one entry is its reading by default; the other takes the spelling
  // where its own context stands nearer (the UK's and Ireland's Data Protection Act 2018).
  const plainThenAmbiguous = shared.replace(
    '    ambiguous_aliases: [NDA]\n    context: [North]',
    '    aliases: [NDA]\n    context: [North]',
  );
  const fixed = plainThenAmbiguous.replace('    aliases: [North Data Authority]\n', '');
  const mixed = parseCatalog(fixed, SOURCE);
  assert.deepEqual(mixed.errors, []);
  assert.deepEqual(
    mixed.catalog.entries.map((e) => [e.aliases, e.ambiguousAliases]),
    [
      [['NDA'], []],
      [['South Data Authority'], ['NDA']],
    ],
  );
  const bothPlain = fixed.replace(
    '    aliases: [South Data Authority]\n    ambiguous_aliases: [NDA]',
    '    aliases: [South Data Authority, NDA]',
  );
  assert.match(only(parseCatalog(bothPlain, SOURCE).errors).message, /alias 'NDA' is already an alias of entry 'north-dpa'$/);
});
