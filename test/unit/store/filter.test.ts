import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileFilter, describeFilter, isFilterActive, NO_FILTER, parseFilter, type FilterSubject } from '../../../src/core/store/filter';

const ROWS: FilterSubject[] = [
  { kind: 'control', status: 'open', texts: ['ISO 27001', 'iso-27001', undefined] },
  { kind: 'control', status: 'dismissed', texts: ['SOC\u00A02 Type II', 'soc-2'] },
  { kind: 'claim', status: 'verified', texts: ['We will publish our SOC 2\nreport', 'commitment', 'Checked against the filing.'] },
  { kind: 'date', status: 'suggested', texts: ['by the end of the year', '2025'] },
  { kind: 'finding', status: 'disputed', texts: ['a codebook code', 'F1', undefined, 'tag-a'] },
];

function shown(filter: Parameters<typeof compileFilter>[0]): number[] {
  const matches = compileFilter(filter);
  return ROWS.flatMap((row, i) => (matches(row) ? [i] : []));
}

test('no filter: everything but dismissed annotations', () => {
  assert.deepEqual(shown(NO_FILTER), [0, 2, 3, 4]);
  assert.equal(isFilterActive(NO_FILTER), false);
  assert.equal(describeFilter(NO_FILTER), '');
});

test('kinds: only those kinds, codebook kinds included; dismissed still hidden', () => {
  assert.deepEqual(shown({ ...NO_FILTER, kinds: ['control'] }), [0]);
  assert.deepEqual(shown({ ...NO_FILTER, kinds: ['finding', 'date'] }), [3, 4]);
});

test('statuses: exactly those, so dismissed ones and suggestions can be asked for', () => {
  assert.deepEqual(shown({ ...NO_FILTER, statuses: ['dismissed'] }), [1]);
  assert.deepEqual(shown({ ...NO_FILTER, statuses: ['suggested', 'verified'] }), [2, 3]);
});

test('text: a phrase in any of the texts, case and white space (line breaks, no-break spaces) ignored', () => {
  assert.deepEqual(shown({ ...NO_FILTER, text: 'soc 2' }), [2]);
  assert.deepEqual(shown({ ...NO_FILTER, text: 'SOC 2', statuses: ['dismissed', 'verified'] }), [1, 2]);
  assert.deepEqual(shown({ ...NO_FILTER, text: '  our  soc 2 report ' }), [2]);
  assert.deepEqual(shown({ ...NO_FILTER, text: 'filing' }), [2], 'notes count');
  assert.deepEqual(shown({ ...NO_FILTER, text: 'TAG-A' }), [4], 'tags count');
  assert.deepEqual(shown({ ...NO_FILTER, text: '   ' }), [0, 2, 3, 4], 'blank text is no filter');
  assert.equal(isFilterActive({ ...NO_FILTER, text: ' \n ' }), false);
});

test('all three combine with AND', () => {
  assert.deepEqual(shown({ kinds: ['claim', 'control'], statuses: ['verified', 'open'], text: 'iso' }), [0]);
  assert.deepEqual(shown({ kinds: ['date'], statuses: ['open'], text: '' }), []);
});

test('describeFilter names each active part', () => {
  assert.equal(
    describeFilter({ kinds: ['control', 'date'], statuses: ['verified'], text: ' soc\n2 ' }),
    'control, date · verified · “soc 2”',
  );
  assert.equal(describeFilter({ ...NO_FILTER, statuses: ['suggested'] }), 'suggested');
});

test('parseFilter accepts partial objects and rejects wrong shapes with the field named', () => {
  assert.deepEqual(parseFilter({}), NO_FILTER);
  assert.deepEqual(parseFilter({ kinds: ['claim', 'claim'], text: 'x' }), { kinds: ['claim'], statuses: [], text: 'x' });
  assert.deepEqual(parseFilter({ statuses: ['suggested', 'open'] }), { kinds: [], statuses: ['suggested', 'open'], text: '' });
  assert.throws(() => parseFilter('claim'), /object/);
  assert.throws(() => parseFilter([]), /object/);
  assert.throws(() => parseFilter({ kind: ['claim'] }), /unknown filter field `kind`/);
  assert.throws(() => parseFilter({ kinds: 'claim' }), /`kinds` must be a list/);
  assert.throws(() => parseFilter({ kinds: [''] }), /`kinds` must be a list of non-empty/);
  assert.throws(() => parseFilter({ statuses: ['accepted'] }), /accepted is not one of suggested, open, verified, disputed, dismissed/);
  assert.throws(() => parseFilter({ text: 3 }), /`text` must be a string/);
});
