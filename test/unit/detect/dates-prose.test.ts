// Dates in the layouts and registers of reports: lists, headings, opening hours, markup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectDates } from '../../../src/core/detect/dates';

function pairs(text: string, referenceDate?: string): Array<[string, string | undefined]> {
  return detectDates(text, referenceDate ? { referenceDate } : {}).map((d) => [d.text, d.value]);
}

test('listed years and timeline bullets', () => {
  assert.deepEqual(pairs('In 2019, 2020 and 2021 the firm grew.'), [
    ['In 2019', '2019'],
    ['2020', '2020'],
    ['2021', '2021'],
  ]);
  assert.deepEqual(pairs('In 2019, 2000 people joined.'), [['In 2019', '2019']]);
  assert.deepEqual(pairs('Timeline\n- 2018: founded in Berlin\n- March 2020: remote work'), [
    ['2018', '2018'],
    ['March 2020', '2020-03'],
  ]);
  assert.deepEqual(pairs('2020 was a difficult year.'), [['2020', '2020']]);
});

test('years in headings and citations; not in versions or copyright lines', () => {
  assert.deepEqual(pairs('Transparency Report 2022\nIt covers our work.'), [['2022', '2022']]);
  assert.deepEqual(pairs('© 2025 Northwind Cloud, Inc.'), []);
  assert.deepEqual(pairs('Copyright 2025 Northwind Cloud, Inc.'), []);
  assert.deepEqual(pairs('As shown before (Lee, 2019), it works.'), [['2019', '2019']]);
  assert.deepEqual(pairs('We follow ISO/IEC 27001 (2013) and SOC 2 (2022).'), []);
  assert.deepEqual(pairs('Version 1.2 August 2020 release notes'), [['August 2020', '2020-08']]);
});

test('opening hours and habitual weekdays are not dates', () => {
  assert.deepEqual(pairs('Call us Monday through Friday, 8 a.m. to 6 p.m.'), []);
  assert.deepEqual(pairs('Open Mon-Fri and Saturday mornings, and every Sunday.'), []);
  assert.deepEqual(pairs('We publish on Fridays.'), []);
  assert.deepEqual(pairs('The team met on Saturday morning.', '2024-06-12'), [['on Saturday morning', '2024-06-08']]);
});

test('a day glued to markup still belongs to its date', () => {
  assert.deepEqual(
    detectDates('*_17 August 2013 - 19 August 2013_*').map((d) => [d.text, d.value, d.endValue]),
    [['17 August 2013 - 19 August 2013', '2013-08-17', '2013-08-19']],
  );
});

test('lower-case month names in careless text, never "may" or "march"', () => {
  assert.deepEqual(pairs('it launched in june and grew', '2020-09-01'), [['in june', '2020-06']]);
  assert.deepEqual(pairs('posted on june 10, 2020 by the team'), [['on june 10, 2020', '2020-06-10']]);
  assert.deepEqual(pairs('an august body; they may march in may'), []);
});

test('named days and seasons', () => {
  const found = detectDates('Sales peaked on Black Friday. The results come next spring.', { referenceDate: '2024-03-01' });
  assert.deepEqual(
    found.map((d) => [d.text, d.value, d.endValue]),
    [
      ['on Black Friday', undefined, undefined],
      ['next spring', '2025-03', '2025-05'],
    ],
  );
});

test('a season is its three months: the last one over, the next one not begun, or the one of the year stated', () => {
  const seasons = (text: string, ref: string): [string, string | undefined, string | undefined][] =>
    detectDates(text, { referenceDate: ref }).map((d) => [d.text, d.value, d.endValue]);
  // In mid-June summer has not ended: the last one was a year before.
  assert.deepEqual(seasons('Complaints have risen since last summer.', '2026-06-16'), [['since last summer', '2025-06', '2025-08']]);
  assert.deepEqual(seasons('Complaints have risen since last summer.', '2026-10-02'), [['since last summer', '2026-06', '2026-08']]);
  assert.deepEqual(seasons('Last spring, the portal was breached.', '2026-03-11'), [['Last spring', '2025-03', '2025-05']]);
  assert.deepEqual(seasons('The audit ends this autumn.', '2025-10-08'), [['this autumn', '2025-09', '2025-11']]);
  assert.deepEqual(seasons('It was found in the spring of 2023.', '2026-01-05'), [['spring of 2023', '2023-03', '2023-05']]);
  assert.deepEqual(seasons('A fall 2024 survey said so.', '2026-01-05'), [['fall 2024', '2024-09', '2024-11']]);
  // Winter runs over a new year, and "early 2024" is no season: the year.
  assert.deepEqual(seasons('Prices rose in winter 2024 and early 2025.', '2026-01-05'), [
    ['in winter 2024', '2024', undefined],
    ['early 2025', '2025', undefined],
  ]);
});

test('phrases from reports: periods ahead and behind, part of a period', () => {
  const ref = '2023-03-15';
  assert.deepEqual(pairs('The policy was reviewed in the last 12 months.', ref), [['in the last 12 months', '2022-03']]);
  assert.deepEqual(pairs('We expect results in the next 12 to 18 months.', ref), [['in the next 12 to 18 months', undefined]]);
  assert.deepEqual(pairs('Shares fell earlier in the year.', ref), [['earlier in the year', '2023']]);
  assert.deepEqual(pairs('Keys rotate by the end of Q1 2025.', ref), [['by the end of Q1 2025', '2025-Q1']]);
  assert.deepEqual(pairs('Upgrade before the end of the month.', ref), [['before the end of the month', '2023-03']]);
  assert.deepEqual(pairs('The week of June 10 was busy.', ref), [['The week of June 10', '2022-06-10']]);
});
