// Years that name editions rather than times, and the deadline phrases of statements
// and memos ("before the year is out", "by year-end", "by the end of next quarter").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectDates } from '../../../src/core/detect/dates';

function pairs(text: string, referenceDate?: string): Array<[string, string | undefined]> {
  return detectDates(text, referenceDate ? { referenceDate } : {}).map((d) => [d.text, d.value]);
}

test('a year that names an edition, version or release is not a date', () => {
  for (const text of [
    'Auditors now assess against the 2022 edition of the standard.',
    'Certificates issued against the 2013 version remain valid until they expire.',
    'The report follows the 2017 criteria with the revised points of focus.',
    'The firm still runs Windows 2019 servers in two regions.',
    'Our controls map to the 2019 revised standard and its 2021 release.',
    "The regulator's 2023 framework replaced the 2018 requirements.",
    'Buyers preferred the 2020 model over the new one.',
  ]) {
    assert.deepEqual(pairs(text), [], text);
  }
});

test('years that date a thing or an event still count beside edition years', () => {
  assert.deepEqual(pairs('In 2021 we adopted the 2013 version, and since 2019 we publish.'), [
    ['In 2021', '2021'],
    ['since 2019', '2019'],
  ]);
  assert.deepEqual(pairs('A 2020 report found gaps; the 2020 election was calm.'), [
    ['2020', '2020'],
    ['2020', '2020'],
  ]);
  // The noun after the year decides, not the word "version" somewhere near it.
  assert.deepEqual(pairs('In 2022 the standard got a new version.'), [['In 2022', '2022']]);
});

test('"before the year is out" and its siblings are the current period', () => {
  const ref = '2024-06-15';
  assert.deepEqual(pairs('We will finish the migration before the year is out.', ref), [['before the year is out', '2024']]);
  assert.deepEqual(pairs('A fix ships before the month is over.', ref), [['before the month is over', '2024-06']]);
  assert.deepEqual(pairs('By the time the quarter ends, all keys rotate.', ref), [['By the time the quarter ends', '2024-Q2']]);
  assert.deepEqual(pairs('It is done before the week is out.', ref), [['before the week is out', '2024-W24']]);
  // Not a deadline: the year being "out of reach".
  assert.deepEqual(pairs('A full audit this year is out of reach.', ref), [['this year', '2024']]);
});

test('year-end, written every way, with and without a stated year', () => {
  const ref = '2024-06-15';
  assert.deepEqual(pairs('The audit closes by year-end.', ref), [['by year-end', '2024']]);
  assert.deepEqual(pairs('The audit closes by year end.', ref), [['by year end', '2024']]);
  assert.deepEqual(pairs('Reports are due before year-end, as usual.', ref), [['before year-end', '2024']]);
  assert.deepEqual(pairs("We expect approval by year's end.", ref), [["by year's end", '2024']]);
  assert.deepEqual(pairs("Revenue rose toward the month's end.", ref), [["toward the month's end", '2024-06']]);
  assert.deepEqual(pairs('Coverage reaches 90% by year-end 2025.', ref), [['by year-end 2025', '2025']]);
  assert.deepEqual(pairs('The target is full coverage by end-2025.', ref), [['by end-2025', '2025']]);
  // A stated year needs no reference.
  assert.deepEqual(pairs('Coverage reaches 90% by year-end 2025.'), [['by year-end 2025', '2025']]);
});

test('deadlines and near futures relative to the reference', () => {
  const ref = '2024-06-15';
  assert.deepEqual(pairs('Encryption is complete by the end of next quarter.', ref), [['by the end of next quarter', '2024-Q3']]);
  assert.deepEqual(pairs('We will decide later this month.', ref), [['later this month', '2024-06']]);
  assert.deepEqual(pairs('The rollout begins at the start of next year.', ref), [['at the start of next year', '2025']]);
  assert.deepEqual(
    detectDates('Prices stay fixed within the next year.', { referenceDate: ref }).map((d) => [d.text, d.value, d.endValue]),
    [['within the next year', '2024-06', '2025-06']],
  );
});

test('without a reference the phrases are found and left unresolved', () => {
  const found = detectDates('We will finish before the year is out, by year-end at the latest.');
  assert.deepEqual(
    found.map((d) => [d.text, d.value, d.relative]),
    [
      ['before the year is out', undefined, true],
      ['by year-end', undefined, true],
    ],
  );
});
