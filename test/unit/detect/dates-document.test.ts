import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectDates, findDocumentDate } from '../../../src/core/detect/dates';

function docDate(text: string): [string, string] | undefined {
  const d = findDocumentDate(text);
  return d && [d.value, text.slice(d.start, d.end)];
}

test('a "Published on" line', () => {
  const text = 'Security update\nPublished on June 10, 2020\n\nLast month we shipped a fix.';
  assert.deepEqual(docDate(text), ['2020-06-10', 'June 10, 2020']);
});

test('a publication line wins over an update line, which is used alone', () => {
  assert.deepEqual(docDate('Headline\nUpdated: January 9, 2021 | Published: 2021-01-05\n\nText.'), ['2021-01-05', '2021-01-05']);
  assert.deepEqual(docDate('Headline\nBy Jane Doe\nUpdated March 3, 2023 at 4:05 p.m. ET\n\nText.'), ['2023-03-03', 'March 3, 2023']);
});

test('datelines', () => {
  assert.deepEqual(docDate('TikTok tells senators it is near a deal\n\nWASHINGTON, June 10, 2020 (Reuters) - TikTok said on Friday...'), [
    '2020-06-10',
    'June 10, 2020',
  ]);
  assert.deepEqual(docDate('Jun 10, 2020 — The company said last month that it would act.'), ['2020-06-10', 'Jun 10, 2020']);
  assert.deepEqual(docDate('Quarterly note\n\nSeptember 3, 2021\n\nWe continue to grow.'), ['2021-09-03', 'September 3, 2021']);
  assert.deepEqual(docDate('Big story\nBy Jane Doe | 10 June 2020\n\nSomething happened yesterday.'), ['2020-06-10', '10 June 2020']);
  // A city between the separator and the date.
  assert.deepEqual(docDate('Newsroom\nPress release · Utrecht, 2 December 2026\n\nThe bank reported last Friday’s outage.'), [
    '2026-12-02',
    '2 December 2026',
  ]);
});

test('CRLF documents', () => {
  assert.deepEqual(docDate('Title\r\nPublished on 10 June 2020\r\n\r\nLast week we said so.'), ['2020-06-10', '10 June 2020']);
});

test('the first full date in the opening sentence of the first paragraph', () => {
  const text =
    'Roadmap\n\nTikTok Course\n\nOn Jun 10, 2020, the company published its security roadmap for all of its users. ' +
    'More text.\n\nAs I wrote in April, we care. In March we opened a centre.';
  assert.deepEqual(docDate(text), ['2020-06-10', 'Jun 10, 2020']);
  const found = detectDates(text);
  assert.equal(found.find((d) => d.text === 'in April')?.value, '2020-04');
  assert.equal(found.find((d) => d.text === 'in April')?.reference, '2020-06-10');
  assert.equal(found.find((d) => d.text === 'In March')?.value, '2020-03');
});

test('no document date: a later sentence, a partial date or no date at all', () => {
  assert.equal(
    findDocumentDate(
      'Roadmap\n\nThe company has long said that it values security above all else. ' + 'In a report on June 10, 2020, it said more.',
    ),
    undefined,
  );
  assert.equal(findDocumentDate('Nothing here has a full date, only March and last year.'), undefined);
  assert.equal(findDocumentDate(''), undefined);
});

test('an explicit reference date wins over the document date', () => {
  const text = 'Published on June 10, 2020\n\nThe review ended last month.';
  assert.equal(detectDates(text).find((d) => d.text === 'last month')?.value, '2020-05');
  const given = detectDates(text, { referenceDate: '2021-01-15' }).find((d) => d.text === 'last month');
  assert.equal(given?.value, '2020-12');
  assert.equal(given.reference, '2021-01-15');
});

test('a null reference date means none: the text is not searched for one', () => {
  const text = 'Published on June 10, 2020\n\nThe review ended last month.';
  const last = detectDates(text, { referenceDate: null }).find((d) => d.text === 'last month');
  assert.equal(last?.value, undefined);
  assert.equal(last?.reference, undefined);
});

test('a wire release’s dateline with its tag, and a notice’s title line with its date', () => {
  assert.deepEqual(
    docDate('Newsroom\n\nAcme Earns Certification\n\nNASHVILLE, Tenn., Sept. 15, 2026 /PRNewswire/ -- Acme today announced …'),
    ['2026-09-15', 'Sept. 15, 2026'],
  );
  const forum = [
    'r/cybersecurity • 7 hr. ago',
    '',
    'We run payroll through them, so this landed in my inbox at 6am. Here is the statement as they posted it:',
    '',
    '> Notice of Security Incident – December 3, 2026',
    '>',
    '> On November 24, 2026, Tallyhaven detected unusual activity.',
  ].join('\n');
  assert.deepEqual(docDate(forum), ['2026-12-03', 'December 3, 2026']);
});
