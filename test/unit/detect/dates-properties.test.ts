import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { detectDates } from '../../../src/core/detect/dates';

const PIECES = [
  'In March',
  ' 2021',
  'on Friday',
  ' last month',
  'June 27',
  ', ',
  '. ',
  '\r\n',
  '\n',
  '\u00A0',
  'between September 2021 and January 2022',
  'Q3 2022',
  'FY2023',
  'may',
  'May',
  ' the ',
  '🔒',
  '“',
  '”',
  '’',
  '100 experts',
  '2,000',
  'ISO 27001',
  '1%',
  'Jun',
  ' 10',
  '–',
  '12',
  'over the last year',
  'earlier this year',
  'by the end of the year',
  'since 2019',
  'for now',
  'every day',
  'mid-2023',
  'the 1990s',
  'Thursday',
  'dated 2020',
  'ago',
  'two',
  ' weeks',
  'yesterday',
  'fiscal',
  'year',
];

const VALUE = /^\d{4}(?:-(?:Q[1-4]|W\d{2}|\d{2}(?:-\d{2})?))?$/;

test('detections are sorted, disjoint, exact and well-formed for any mix of date-like pieces', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 40 }),
      fc.option(fc.constantFrom('2020-06-10', '2023-03-15', '2024-02-29'), { nil: undefined }),
      (parts, referenceDate) => {
        const text = parts.join('');
        const found = detectDates(text, referenceDate ? { referenceDate } : {});
        let last = 0;
        for (const d of found) {
          assert.ok(d.start >= last && d.end > d.start && d.end <= text.length);
          assert.equal(text.slice(d.start, d.end), d.text);
          assert.equal(d.kind, 'date');
          if (d.value !== undefined) assert.match(d.value, VALUE);
          if (d.endValue !== undefined) assert.match(d.endValue, VALUE);
          if (!referenceDate) assert.equal(d.reference, undefined);
          if (d.reference !== undefined) assert.ok(d.implied.length > 0 || d.relative);
          last = d.end;
        }
      },
    ),
    { numRuns: 300 },
  );
});

test('a day glued to letters that chrono reads as an era ("June 27be", the Buddhist era) gives no year before 1000', () => {
  // Found by the property above after some 22,000 runs: "-516-06-10".
  for (const d of detectDates('In March 10June 27between September 2021 and January 2022')) {
    if (d.value !== undefined) assert.match(d.value, VALUE);
  }
});
