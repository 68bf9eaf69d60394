// Dates as real pages, filings and annual reports write them. Every sentence here is
// written for this test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectDates, findDocumentDate, findFiscalYearStart } from '../../../src/core/detect/dates';
import { detectAll, DocumentDetector } from '../../../src/core/detect';

function values(text: string, referenceDate?: string): Array<[string, string | undefined]> {
  return detectDates(text, referenceDate ? { referenceDate } : {}).map((d) => [
    d.text,
    d.endValue === undefined ? d.value : `${d.value ?? ''}/${d.endValue}`,
  ]);
}

/** After each edit in turn, re-detection from the last pass finds what a fresh pass over the whole text finds. */
function assertEditsAsFresh(start: string, edits: ReadonlyArray<readonly [string, string]>): void {
  const detector = new DocumentDetector();
  let text = start;
  assert.deepEqual(detector.detect(text), detectAll(text));
  for (const [from, to] of edits) {
    text = text.replace(from, to);
    assert.deepEqual(detector.detect(text), detectAll(text), `after replacing ${JSON.stringify(from)}`);
  }
}

test('a read time glued to the date line does not hide the date, and relative dates resolve against it', () => {
  const page =
    'Lender confirms breach\nBy Mina Castell\nMarch 14, 20255 min read\nShare\n\nIn a statement posted on Thursday, the lender said it would begin writing to customers on Monday.';
  assert.equal(findDocumentDate(page)?.value, '2025-03-14');
  const found = detectDates(page);
  assert.deepEqual(
    found.map((d) => [d.text, d.value]),
    [
      ['March 14, 2025', '2025-03-14'],
      ['on Thursday', '2025-03-13'],
      ['on Monday', '2025-03-17'],
    ],
  );
  for (const d of found) assert.equal(page.slice(d.start, d.end), d.text, 'offsets are those of the original text');
});

test('a date line with a read time after a separator is the document date', () => {
  assert.equal(
    findDocumentDate('Headline here\nPosted by Staff · May 21, 2025 · 6 min read\n\nToday we are sharing an update.')?.value,
    '2025-05-21',
  );
  assert.equal(
    findDocumentDate('Headline here\nJune 2, 2026 · 4 min read\n\nThe company said today that it was hacked.')?.value,
    '2026-06-02',
  );
});

test('years in names of laws, release numbers and copyright lines are not dates', () => {
  assert.deepEqual(values('It was charged under the Securities Exchange Act of 1934 and the Securities Act of 1933.'), []);
  assert.deepEqual(values('FOR IMMEDIATE RELEASE\n2025-91\n\nThe regulator fined the firm.'), []);
  assert.deepEqual(values('Covered entities under the Health Insurance Portability and Accountability Act of 1996 must comply.'), []);
  assert.deepEqual(values('The plan ran in 2025-26.'), [['in 2025-26', '2025/2026']]);
});

test('year-first quarters and halves, and quarters "in" a year', () => {
  assert.deepEqual(values('A readiness assessment is scheduled for 2026 Q3; the observation window opens 2027-Q1.'), [
    ['2026 Q3', '2026-Q3'],
    ['2027-Q1', '2027-Q1'],
  ]);
  assert.deepEqual(values('General availability: 2027 H1.'), [['2027 H1', '2027-01/2027-06']]);
  assert.deepEqual(values('Losses grew from the last quarter in 2013 onwards.'), [['from the last quarter in 2013', '2013-Q4']]);
});

test('a year alone in a table cell is a date', () => {
  assert.deepEqual(values('| Milestone | Target |\n|---|---|\n| FedRAMP Moderate | 2027 |'), [['2027', '2027']]);
});

test('ranges whose first date is followed by a comma', () => {
  assert.deepEqual(values('Data was accessed between Thursday, April 9, and Monday, April 13, 2026.'), [
    ['between Thursday, April 9, and Monday, April 13, 2026', '2026-04-09/2026-04-13'],
  ]);
  assert.deepEqual(values('The records cover the period from Sept. 1, 2013, to Sept. 16, 2015.'), [
    ['from Sept. 1, 2013, to Sept. 16, 2015', '2013-09-01/2015-09-16'],
  ]);
});

test('reporting periods named by their length and last day', () => {
  assert.deepEqual(values('Revenue for the fiscal year ended December 31, 2025 rose.'), [
    ['the fiscal year ended December 31, 2025', '2025'],
  ]);
  assert.deepEqual(values('Costs for the twelve months ended September 30, 2025 fell.'), [
    ['the twelve months ended September 30, 2025', '2024-10-01/2025-09-30'],
  ]);
  assert.deepEqual(values('In the quarter ended June 30, 2025, margins held.'), [['In the quarter ended June 30, 2025', '2025-Q2']]);
  // A report "covering the twelve months ending" a day is dated by that day.
  assert.deepEqual(values('The report covers the twelve months ending June 10, 2024.'), [['June 10, 2024', '2024-06-10']]);
});

test('a quarter or half of a fiscal year stated by its last day counts from the year’s first day', () => {
  assert.deepEqual(values('Sales fell in the third quarter of the fiscal year ending March 31, 2027.'), [
    ['in the third quarter of the fiscal year ending March 31, 2027', '2026-Q4'],
  ]);
  assert.deepEqual(values('Costs rose in the fourth quarter of the fiscal year ended June 30, 2026.'), [
    ['in the fourth quarter of the fiscal year ended June 30, 2026', '2026-Q2'],
  ]);
  assert.deepEqual(values('The work ends in the second half of the fiscal year ending September 30, 2026.'), [
    ['in the second half of the fiscal year ending September 30, 2026', '2026-04/2026-09'],
  ]);
  // A year stated by a day that is not a month's last is not split: its quarters are unknown.
  assert.deepEqual(values('In the first quarter of the fiscal year ended June 14, 2026, margins held.'), [
    ['In the first quarter', undefined],
    ['the fiscal year ended June 14, 2026', '2025-06-15/2026-06-14'],
  ]);
});

test('the same month or quarter a year back', () => {
  const ref = '2026-11-13';
  assert.deepEqual(values('Reports rose 12% from the same month last year.', ref), [['from the same month last year', '2025-11']]);
  assert.deepEqual(values('Revenue was flat against the same quarter a year earlier.', ref), [
    ['the same quarter a year earlier', '2025-Q4'],
  ]);
  assert.deepEqual(values('It compares with the same month of the previous year.', ref), [
    ['the same month of the previous year', '2025-11'],
  ]);
  // Without a year back it is an anaphor's business, not this rule's.
  assert.deepEqual(values('Both incidents happened in the same month.', ref), []);
});

test('fiscal labels in a year the document states, where it starts in July or later', () => {
  const filing = [
    'Halvard Instruments, Inc. Form 8-K',
    '',
    'Its Annual Report on Form 10-K for the fiscal year ended September 30, 2025 describes its risks.',
    '',
    'The incident will affect results for the third quarter of fiscal 2026 and Q4 FY2026; the Company expects to finish the work in fiscal 2027.',
  ].join('\n');
  const byBlocks = new DocumentDetector().detect(filing, { kinds: ['date'] });
  assert.deepEqual(
    byBlocks.map((d) => (d.kind === 'date' ? [d.text, d.endValue === undefined ? d.value : `${d.value ?? ''}/${d.endValue}`] : [])),
    [
      ['the fiscal year ended September 30, 2025', '2024-10-01/2025-09-30'],
      ['the third quarter of fiscal 2026', '2026-04/2026-06'],
      ['Q4 FY2026', '2026-07/2026-09'],
      ['in fiscal 2027', '2026-10-01/2027-09-30'],
    ],
  );
  // A year starting in February is named for its first year by some and its last by others: the label stays.
  const retailer = 'For the fiscal year ended January 31, 2026, sales rose. In fiscal 2024, a breach occurred.';
  assert.deepEqual(
    values(retailer).map(([text, value]) => [text, value]),
    [
      ['the fiscal year ended January 31, 2026', '2025-02-01/2026-01-31'],
      ['In fiscal 2024', '2024'],
    ],
  );
  // Without a stated year, the label is the calendar year it names.
  assert.deepEqual(values('Revenue for fiscal 2026 rose.'), [['fiscal 2026', '2026']]);
});

test('a fiscal quarter stated with the day it ended sets the fiscal year; halves and bare quarters follow it', () => {
  const call = [
    'Q3 Fiscal 2027 Earnings Call, July 29, 2027',
    '',
    'Earlier today we issued our results for the third quarter of fiscal 2027, which ended June 30, 2027.',
    '',
    'We expect revenue in the second half of fiscal 2027 to be higher, and we expect most recoveries in H1 FY2028. We expect a further $6 million of costs in the fourth quarter. We booked the first charge in the first quarter.',
  ].join('\n');
  const found = new DocumentDetector().detect(call, { kinds: ['date'], referenceDate: '2027-07-29' });
  const shown = found.map((d) =>
    d.kind === 'date' ? [d.text, d.endValue === undefined ? d.value : `${d.value ?? ''}/${d.endValue}`] : [],
  );
  assert.deepEqual(shown, [
    ['Q3 Fiscal 2027', '2027-04/2027-06'],
    ['July 29, 2027', '2027-07-29'],
    ['today', '2027-07-29'],
    ['the third quarter of fiscal 2027', '2027-04/2027-06'],
    ['June 30, 2027', '2027-06-30'],
    ['in the second half of fiscal 2027', '2027-04/2027-09'],
    ['in H1 FY2028', '2027-10/2028-03'],
    ['in the fourth quarter', '2027-07/2027-09'],
    ['in the first quarter', '2026-10/2026-12'],
  ]);
  // The label names the year it ends in, and the text says so.
  assert.equal(findFiscalYearStart(call), '10-01/end');
  // A label named for the year its fiscal year starts in does not fit the day: nothing is set.
  assert.equal(findFiscalYearStart('Results for the fourth quarter of fiscal 2025, which ended January 31, 2026.'), undefined);
  assert.equal(findFiscalYearStart('Results for the fourth quarter of fiscal 2026, which ended January 31, 2026.'), '02-01/end');
  // Without a stated year, a fiscal half is the calendar half it names.
  assert.deepEqual(values('We expect growth in the second half of fiscal 2027.', '2027-01-10'), [
    ['in the second half of fiscal 2027', '2027-07/2027-12'],
  ]);
  // A quarter without a year is fiscal only beside a fiscal label: an audit period spanning
  // October to September does not make a trust page's "Q4" July to September.
  const trust = [
    'Published November 18, 2024',
    '',
    'Our SOC 2 Type II report covers October 1, 2023 to September 30, 2024.',
    '',
    'We plan to complete ISO 27701 certification in Q4.',
  ].join('\n');
  const q4 = new DocumentDetector().detect(trust, { kinds: ['date'] }).find((d) => d.text === 'in Q4');
  assert.equal(q4?.kind === 'date' ? q4.value : undefined, '2024-Q4');
});

test('split years are the fiscal years the document states', () => {
  const report = [
    'Annual Report to Parliament 2025-2026',
    '',
    'This report covers our work from April 1, 2025, to March 31, 2026.',
    '',
    'Complaints rose compared with 2024-2025. In 2026-2027 we will publish guidance.',
  ].join('\n');
  assert.equal(findFiscalYearStart(report), '04-01');
  const found = values(report);
  assert.deepEqual(found, [
    ['2025-2026', '2025-04-01/2026-03-31'],
    ['from April 1, 2025, to March 31, 2026', '2025-04-01/2026-03-31'],
    ['2024-2025', '2024-04-01/2025-03-31'],
    ['In 2026-2027', '2026-04-01/2027-03-31'],
  ]);
  // The editor and CLI detect block by block: the same values.
  const byBlocks = new DocumentDetector().detect(report, { kinds: ['date'] });
  assert.deepEqual(
    byBlocks.map((d) => (d.kind === 'date' ? [d.text, d.endValue === undefined ? d.value : `${d.value ?? ''}/${d.endValue}`] : [])),
    found,
  );
  // Without such a statement, calendar years.
  assert.deepEqual(values('Complaints rose compared with 2024-2025.'), [['2024-2025', '2024/2025']]);
});

test('a month or quarter without a year takes the year its sentence states', () => {
  assert.deepEqual(values('During 2026, we plan to complete a readiness assessment by the end of the third quarter.', '2026-02-20'), [
    ['During 2026', '2026'],
    ['by the end of the third quarter', '2026-Q3'],
  ]);
  // Not when the clause is in the past and that year is still to come.
  assert.deepEqual(
    values(
      'We will complete an assessment by the second quarter of 2026, and our report, last issued in February, will cover it.',
      '2025-05-21',
    ),
    [
      ['by the second quarter of 2026', '2026-Q2'],
      ['in February', '2025-02'],
    ],
  );
});

test('the tense of the whole clause decides an incomplete date', () => {
  assert.deepEqual(values('By June 30, every administrator account will require a second factor.', '2025-05-21'), [
    ['By June 30', '2025-06-30'],
  ]);
  assert.deepEqual(values('Its deadline falls on June 12.', '2026-06-05'), [['on June 12', '2026-06-12']]);
  assert.deepEqual(values('The company said it would begin notifying customers on Monday.', '2025-03-14'), [['on Monday', '2025-03-17']]);
  assert.deepEqual(values('The intrusion began on Monday.', '2025-03-14'), [['on Monday', '2025-03-10']]);
});

test('"today", "over the weekend", "this time next year"; names and kinds of day are not dates', () => {
  assert.deepEqual(values('Today’s settlement requires the company to delete the data.', '2026-03-02'), [['Today', '2026-03-02']]);
  assert.deepEqual(values('Today’s threat landscape is different.', '2026-03-02'), []);
  assert.deepEqual(values('In 2014, USA Today reported the study.', '2026-03-02'), [['In 2014', '2014']]);
  assert.deepEqual(values('The break-in occurred over the weekend.', '2026-03-04'), [['over the weekend', '2026-02-28/2026-03-01']]);
  assert.deepEqual(values('Banks will regret it by this time next year.', '2026-05-14'), [['by this time next year', '2027-05']]);
  assert.deepEqual(values('Could you leave your provider on a bad Tuesday?', '2026-05-14'), []);
});

test('a read time glued before the date line, and a “Last reviewed” line as the page’s date', () => {
  const story =
    'Hospital diverts ambulances\nBy Ada Moss\n6 min readOctober 16, 2025\n\nThe network said on Friday that it restored email.';
  const found = detectDates(story);
  assert.deepEqual(
    found.map((d) => [d.text, d.value]),
    [
      ['October 16, 2025', '2025-10-16'],
      ['on Friday', '2025-10-10'],
    ],
  );
  for (const d of found) assert.equal(story.slice(d.start, d.end), d.text, 'offsets are those of the original text');

  const trust =
    'Security & Compliance\nLast reviewed: 2 March 2026 · 7 min read\n\nOur penetration test finished last month. Later this year we add a second region.';
  assert.equal(findDocumentDate(trust)?.value, '2026-03-02');
  assert.deepEqual(values(trust).slice(1), [
    ['last month', '2026-02'],
    ['Later this year', '2026'],
  ]);
});

test('a wire story’s date line with its time, zone and update dates the story', () => {
  const story =
    'Carrier says hackers stole customer data\n\nBy Ana Reyes\n\nMarch 3, 2026 9:12 AM GMT+1 Updated 3 hours ago\n\nMADRID (Wire) - The carrier said on Monday that it found the intrusion earlier this month.';
  assert.equal(findDocumentDate(story)?.value, '2026-03-03');
  assert.deepEqual(values(story).slice(1), [
    ['on Monday', '2026-03-02'],
    ['earlier this month', '2026-03'],
  ]);
  for (const line of [
    'June 2, 2025 10:05 p.m. EDT',
    'June 2, 2025, 10:05 UTC | Updated June 3',
    'June 2, 2025 22:05 CEST · Last updated 1 hour ago',
  ]) {
    assert.equal(findDocumentDate(`Title of the story\n${line}\n\nBody text follows here.`)?.value, '2025-06-02', line);
  }
});

test('a month or day told after a dated one in the sentence follows it, unless the clause is about the future', () => {
  const release = 'Washington, March 10, 2026\n\n';
  const at = (sentence: string, words: string): string | undefined =>
    detectDates(release + sentence).find((d) => d.text.includes(words))?.value;
  // The narrative's own year, not the reference's.
  assert.equal(
    at('The group got in on November 27, 2023, and had stolen files before encrypting them on December 3.', 'December 3'),
    '2023-12-03',
  );
  assert.equal(at('It was fined in October 2024 and appealed in February.', 'February'), '2025-02');
  // Told in order: after the anchor, not before it.
  assert.equal(at('The breach was found on January 5, 2026 and disclosed on March 3.', 'March 3'), '2026-03-03');
  // A future clause is reckoned from the document's date.
  assert.equal(at('Approved on June 2, 2025, the plan will be complete by June.', 'by June'), '2026-06');
  // A quarter after a dated one is an item of a list, not a narrative.
  assert.equal(at('Revenue fell in Q3 2024 and in Q1.', 'in Q1'), '2026-Q1');
});

test('a later sentence of the paragraph follows its dated day for a few weeks, not beyond, nor into the next paragraph', () => {
  const story = 'LONDON, June 9, 2026\n\n';
  const at = (paragraphs: string, words: string): string | undefined =>
    detectDates(story + paragraphs).find((d) => d.text.includes(words))?.value;
  assert.equal(at('The outage began on Friday, Feb. 28, 2025. Payments failed until the morning of March 3.', 'March 3'), '2025-03-03');
  assert.equal(at('An earlier version said it began on Feb. 27, 2025. It began on Feb. 28.', 'Feb. 28'), '2025-02-28');
  // Months later, the paragraph may have moved on: the document's date decides.
  assert.equal(at('The outage began on Feb. 28, 2025. The bank paid customers on May 20.', 'May 20'), '2026-05-20');
  // A new paragraph starts afresh.
  assert.equal(at('The outage began on Feb. 28, 2025.\n\nPayments failed until March 3.', 'March 3'), '2026-03-03');
  // The reference's own year needs no anchor: a date of this year stays this year's.
  assert.equal(at('Systems went down on May 30, 2026. They were back on June 2.', 'June 2'), '2026-06-02');
});

test('a month with “last year”, “next year” or “this year” after it is one date', () => {
  assert.deepEqual(values('The committee wrote to the bank in March last year and will report in May of next year.', '2026-06-09'), [
    ['in March last year', '2025-03'],
    ['in May of next year', '2027-05'],
  ]);
  // A comma between them keeps two dates.
  assert.deepEqual(
    values('In April, last year’s report was withdrawn.', '2026-06-09').map(([t]) => t),
    ['In April', 'last year'],
  );
});

test('a participle after a present “is” or “are” is no past tense', () => {
  const release = 'Published: 27 May 2026\n\n';
  const at = (sentence: string, words: string): string | undefined =>
    detectDates(release + sentence).find((d) => d.text.includes(words))?.value;
  assert.equal(at('The first case management hearing is listed for 23 June.', '23 June'), '2026-06-23');
  assert.equal(at('The first case management hearing was listed for 23 June.', '23 June'), '2025-06-23');
});

test('“since at least” bounds a time; “at least” alone counts', () => {
  assert.deepEqual(values('Staff had received no training since at least 2023.', '2026-03-10'), [['2023', '2023']]);
  assert.deepEqual(values('The campaign has run since at least March.', '2026-03-10'), [['March', '2026-03']]);
  assert.deepEqual(values('We blocked at least 2023 devices.', '2026-03-10'), []);
});

test('the verb nearest the date decides its tense before the rest of the sentence', () => {
  const report = 'Government requests report\nPublished August 27, 2026\n\n';
  const at = (sentence: string, words: string): string | undefined =>
    detectDates(report + sentence).find((d) => d.text.includes(words))?.value;
  assert.equal(at('From then on we will count orders under the regulation, which began to apply on August 18.', 'August 18'), '2026-08-18');
  assert.equal(at('It said that it moved the service to a new provider in May and will require audits.', 'May'), '2026-05');
  assert.equal(at('The new rules apply from 1 October.', 'October'), '2026-10-01');
  assert.equal(at('The filing was due by 31 March.', 'March'), '2026-03-31');
});

test('“the same evening”, “the following day”, “five days later” are told from the date before them', () => {
  const decision = [
    'Published 18 August 2026',
    '',
    'On 14 February 2026, a parent wrote to the school. It took the page offline the same evening and told the Commission three days later, on 17 February 2026.',
    '',
    'The intrusion began on 6 September 2024. Five days later the company told its regulator, and the following day its customers. In 2023 it had been fined; the previous year it had been audited.',
    '',
    'We notify customers the same day. The next morning, the board met.',
  ].join('\n');
  assert.deepEqual(values(decision).slice(1), [
    ['On 14 February 2026', '2026-02-14'],
    ['the same evening', '2026-02-14'],
    ['three days later', '2026-02-17'],
    ['on 17 February 2026', '2026-02-17'],
    ['on 6 September 2024', '2024-09-06'],
    ['Five days later', '2024-09-11'],
    ['the following day', '2024-09-12'],
    ['In 2023', '2023'],
    ['the previous year', '2022'],
  ]);
  // Without a date before it in the paragraph, "the same day" is a manner, not a date;
  // and an approximate count places no day.
  assert.deepEqual(values('Published 18 August 2026\n\nMore than four months later it was fined.').slice(1), []);
});

test('a quotation’s future does not carry past its closing mark; “the twelve months to” is a reporting period', () => {
  assert.deepEqual(
    values(
      '“We have not paid a ransom, and we are not going to,” the superintendent said at a news conference Tuesday afternoon.',
      '2026-04-22',
    ),
    [['Tuesday afternoon', '2026-04-21']],
  );
  assert.deepEqual(values('Our SOC 2 Type II report covers the twelve months to 30 September 2025.'), [
    ['the twelve months to 30 September 2025', '2024-10-01/2025-09-30'],
  ]);
});

test('a timetable in the present is the next occurrence, even beside a past year the sentence mentions', () => {
  const release = 'Dublin, 29 January 2026\n\n';
  const at = (sentence: string, words: string): string | undefined =>
    detectDates(release + sentence).find((d) => d.text.includes(words))?.value;
  assert.equal(at('The ESAs will publish an analysis of 2025 incident data after the Joint Committee meets in May.', 'May'), '2026-05');
  assert.equal(at('Registers of information are due by 31 March.', 'March'), '2026-03-31');
  assert.equal(at('The rule takes effect on 1 July.', 'July'), '2026-07-01');
  assert.equal(at('The hospital has postponed surgeries through at least Friday.', 'Friday'), '2026-01-30');
  // The past stays the past.
  assert.equal(at('The committee met in May to review 2025 incident data.', 'May'), '2025-05');
  assert.equal(at('The hospital postponed surgeries until Friday.', 'Friday'), '2026-01-23');
});

test('a deadline set in the past is the nearer occurrence: the one ahead when it is much nearer', () => {
  const story = 'April 29, 2026\n\n';
  const at = (sentence: string, words: string): string | undefined =>
    detectDates(story + sentence).find((d) => d.text.includes(words))?.value;
  assert.equal(at('Judge Solberg gave the plaintiffs until June 12 to file a consolidated complaint.', 'June'), '2026-06-12');
  assert.equal(at('The regulator gave the company until March 2 to respond.', 'March'), '2026-03-02');
  // Without a task after it, "until" is how long something lasted.
  assert.equal(at('The clinic stayed closed until June 12.', 'June'), '2025-06-12');
});

test('a list item takes its lead-in’s tense when its own clause says none', () => {
  const post = [
    'Posted 27 March 2026',
    '',
    'What we will do',
    'We will:',
    '• bring the tooling account into the scope of our certification at our surveillance audit in June;',
    '• commission an external penetration test in Q2; and',
    '',
    'What we did',
    'Our response:',
    '• rotated every deploy token in February;',
  ].join('\n');
  const dates = new DocumentDetector().detect(post).filter((d) => d.kind === 'date');
  const value = (words: string): string | undefined => dates.find((d) => d.text.includes(words))?.value;
  assert.equal(value('June'), '2026-06');
  assert.equal(value('Q2'), '2026-Q2');
  assert.equal(value('February'), '2026-02', 'a lead-in without a future word leaves the past');
});

test('a date the clause does not place in time is the last occurrence, unless the next is much nearer', () => {
  const at = (dated: string, sentence: string, words: string): string | undefined =>
    detectDates(`${dated}\n\n${sentence}`).find((d) => d.text.includes(words))?.value;
  // The next occurrence is days away, the last one nearly a year back.
  assert.equal(at('Published 13 November 2025', 'Update (November 17): the vendor’s second notice is out.', 'November 17'), '2025-11-17');
  assert.equal(at('Published 10 June 2026', 'Most manufacturers are not ready for September.', 'September'), '2026-09');
  assert.equal(at('Published 10 June 2026', 'Notified-body rules kick in on 11 June.', '11 June'), '2026-06-11');
  // Otherwise the past, as news reports it.
  assert.equal(at('Published 15 March 2026', 'In August, hackers accessed the billing system.', 'August'), '2025-08');
  assert.equal(at('Published 15 March 2026', 'The breach, in February, exposed 4,000 records.', 'February'), '2026-02');
  assert.equal(at('Published 15 March 2026', 'The board met in May.', 'May'), '2025-05');
});

test('a disclosure timeline’s “Day N” counts from the dated Day 0, in the whole document and after an edit', () => {
  const post = [
    'Posted April 14, 2026',
    '',
    'Today is Day 90, so here is the write-up.',
    '',
    '2026-01-14: reported to the vendor (Day 0).',
    '2026-02-02: the vendor confirms the issue (Day 19).',
    '',
    'Day 1000 of the project and day 3 of the outage are no dates.',
  ].join('\n');
  const counted = (text: string): Array<[string, string | undefined]> =>
    new DocumentDetector()
      .detect(text)
      .filter((d) => d.kind === 'date' && d.text.startsWith('Day'))
      .map((d) => [d.text, d.kind === 'date' ? d.value : undefined]);
  assert.deepEqual(counted(post), [
    ['Day 90', '2026-04-14'],
    ['Day 0', '2026-01-14'],
    ['Day 19', '2026-02-02'],
  ]);
  // Without a dated Day 0 a day count is nobody's date.
  assert.deepEqual(counted(post.replace('2026-01-14: reported', 'Reported')), []);
  assert.deepEqual(
    values('On Day 2 of the strike the union met.', '2026-04-14').map(([t]) => t),
    [],
  );
  // An edit to the Day 0 line moves every count, in blocks the edit did not touch.
  const detector = new DocumentDetector();
  detector.detect(post);
  const moved = detector
    .detect(post.replace('2026-01-14: reported', '2026-01-15: reported'))
    .find((d) => d.kind === 'date' && d.text === 'Day 90');
  assert.equal(moved?.kind === 'date' ? moved.value : undefined, '2026-04-15');
});

test('the year a report covers is no frame for when it was filed', () => {
  const statement = 'Published April 22, 2026\n\n';
  const at = (sentence: string, words: string): string | undefined =>
    detectDates(statement + sentence).find((d) => d.text.includes(words))?.value;
  assert.equal(at('Our Form 10-K for fiscal 2025, filed on March 5, describes the incident.', 'March 5'), '2026-03-05');
  assert.equal(at('Our annual report for 2025, published in February, says so.', 'February'), '2026-02');
  // A year the sentence is about still frames it.
  assert.equal(at('During 2025, we moved our data center in March.', 'March'), '2025-03');
});

test('an update log’s relative dates are told from their own update’s heading, also after its headings are edited', () => {
  const page = [
    'Updates on the network outage',
    '',
    'Last updated: Thursday, November 12, 2026, 4:15 p.m.',
    '',
    'Thursday, November 12, 4:15 p.m.',
    'The patient portal was restored this afternoon. E-prescribing came back yesterday.',
    '',
    'Tuesday, November 10, 9:00 a.m.',
    'Our health record came back online late last night, and diversion ended at 7 a.m. today.',
    '',
    'Clinics will open on Monday.',
    '',
    'Saturday, November 7, 1:00 p.m.',
    'We reported the attack to law enforcement yesterday.',
  ].join('\n');
  const valueOf = (text: string, words: string, nth = 0): string | undefined =>
    detectAll(text).flatMap((d) => (d.kind === 'date' && d.text === words ? [d.value] : []))[nth];
  assert.equal(valueOf(page, 'yesterday', 0), '2026-11-11');
  assert.equal(valueOf(page, 'last night'), '2026-11-09');
  assert.equal(valueOf(page, 'today'), '2026-11-10');
  // A later paragraph of the update keeps its day.
  assert.equal(valueOf(page, 'on Monday'), '2026-11-16');
  assert.equal(valueOf(page, 'yesterday', 1), '2026-11-06');
  // One dated line is a dateline, not a log: the page's date decides.
  const one = page.slice(0, page.indexOf('Tuesday, November 10'));
  assert.equal(valueOf(`${one}\nDiversion ended at 7 a.m. today.`, 'today'), '2026-11-12');
  // Edits to headings move the days of the blocks under them, as a fresh pass finds.
  assertEditsAsFresh(page, [
    ['Tuesday, November 10, 9:00 a.m.', 'Monday, November 9, 9:00 a.m.'],
    ['Monday, November 9, 9:00 a.m.\n', ''],
    ['Saturday, November 7, 1:00 p.m.', 'Saturday, November 7, 1:00 p.m.\n\nFriday, November 6, 8:00 p.m.'],
  ]);
});

test('a date line that goes on with its update time is the page’s date: “Nov 18, 2026  Updated 9:42 a.m.  |  4 min read”', () => {
  const story = [
    'SCHOOLS',
    '',
    'Ransomware attack on district schools exposed student records',
    '',
    'Superintendent says district did not pay; letters to families go out next week',
    '',
    'By Dana Pruitt | Staff Writer',
    'Nov 18, 2026  Updated 9:42 a.m.  |  4 min read',
    '',
    'The board met on Tuesday night.',
  ].join('\n');
  assert.equal(findDocumentDate(story)?.value, '2026-11-18');
});

test('a status page whose updates each end with their stamp (“Posted May 21, 2026 - 21:05 UTC”) tells each from its own', () => {
  const page = [
    'Acme Status',
    '',
    'Resolved',
    'This incident has been resolved. The review finished this afternoon.',
    'Posted May 22, 2026 - 17:40 UTC',
    '',
    'Monitoring',
    'Sessions for all staff were reset earlier today. Errors stopped yesterday.',
    'Posted May 21, 2026 - 21:05 UTC',
    '',
    'Investigating',
    'Customers cannot sign in. Next update by 10:00 CEST tomorrow.',
    'Posted May 20, 2026 - 06:22 UTC',
  ].join('\n');
  const valueOf = (text: string, words: string): string | undefined =>
    detectAll(text).flatMap((d) => (d.kind === 'date' && d.text.includes(words) ? [d.value] : []))[0];
  assert.equal(valueOf(page, 'this afternoon'), '2026-05-22');
  assert.equal(valueOf(page, 'today'), '2026-05-21');
  assert.equal(valueOf(page, 'yesterday'), '2026-05-20');
  assert.equal(valueOf(page, 'tomorrow'), '2026-05-21');
  // One stamp, or stamps not closing an update's text, make no log: the page's date decides.
  const byline = 'Our new office\nPosted May 20, 2026\n\nWe moved in yesterday.\n\nUpdated May 22, 2026';
  assert.equal(valueOf(byline, 'yesterday'), '2026-05-19');
});

test('a note’s label before its date leaves the tense to the nearer occurrence; a comma between adjectives ends no clause', () => {
  const story = 'Published Oct. 6, 2026\n\n';
  const at = (sentence: string, words: string): string | undefined =>
    detectDates(story + sentence).find((d) => d.text.includes(words))?.value;
  assert.equal(at('Update, Oct. 7: This story has been updated with comment from the agency.', 'Oct. 7'), '2026-10-07');
  assert.equal(at('Correction, Oct. 2: An earlier version misstated the figure.', 'Oct. 2'), '2026-10-02');
  assert.equal(
    at('The CEO said the company will move every connection to a new, separately hosted platform by Friday.', 'Friday'),
    '2026-10-09',
  );
  assert.equal(at('The company said it moved every connection to a hosted platform on Friday, as planned.', 'Friday'), '2026-10-02');
});

test('an update’s heading may carry its label: “UPDATE #2 – Friday, June 5, 2026”, “ORIGINAL STATEMENT – …”', () => {
  const page = [
    'County network incident',
    'Posted on: June 5, 2026',
    '',
    'UPDATE #2 – Friday, June 5, 2026',
    'The payment portal came back this morning.',
    '',
    'Update 1: Wednesday, June 3, 2026',
    'Libraries reopened today.',
    '',
    'ORIGINAL STATEMENT – Monday, June 1, 2026',
    'Late Sunday night, staff found ransomware on two servers.',
  ].join('\n');
  const valueOf = (words: string): string | undefined =>
    detectAll(page).flatMap((d) => (d.kind === 'date' && d.text.includes(words) ? [d.value] : []))[0];
  assert.equal(valueOf('this morning'), '2026-06-05');
  assert.equal(valueOf('today'), '2026-06-03');
  assert.equal(valueOf('Sunday night'), '2026-05-31');
});

test('a request in the present looks ahead: “the motion asks the court to hold a hearing in October”', () => {
  const story = 'April 7, 2026\n\n';
  const at = (sentence: string, words: string): string | undefined =>
    detectDates(story + sentence).find((d) => d.text.includes(words))?.value;
  assert.equal(at('The motion asks the court to hold a final hearing in October.', 'October'), '2026-10');
  // A participle describes what was done: "published an advisory urging customers to rotate keys".
  assert.equal(at('On Wednesday, the agency published an advisory urging customers to rotate keys.', 'Wednesday'), '2026-04-01');
  // "requests to the portal" is a noun.
  assert.equal(at('In October, requests to the portal failed for an hour.', 'October'), '2025-10');
});

test('a timeline’s item dated from the item above: “• The next day, 14:00 — …”, “• Two days later — …”, also after edits', () => {
  const post = [
    'Posted March 2, 2026',
    '',
    'Timeline (all times UTC)',
    '• Feb 9, 21:10 — Support sessions revoked.',
    '• The next day, 14:00 — Email to every affected owner.',
    '• Two days later — The vendor confirms the malware.',
    '',
    'The next day we rested.',
  ].join('\n');
  const values = (text: string): Array<[string, string | undefined]> =>
    detectAll(text).flatMap((d) => (d.kind === 'date' ? [[d.text, d.value] as [string, string | undefined]] : []));
  assert.deepEqual(values(post).slice(1), [
    ['Feb 9', '2026-02-09'],
    ['The next day', '2026-02-10'],
    ['Two days later', '2026-02-12'],
    // A paragraph after the list does not go on from its last item.
    ['The next day', undefined],
  ]);
  assertEditsAsFresh(post, [
    ['Feb 9, 21:10', 'Feb 11, 21:10'],
    ['• The next day, 14:00', '• The following day, 14:00'],
    ['\n• Two days later', '\n\n• Two days later'],
  ]);
});

test('a timeline goes forward: “That evening”, “Later that day”, an item with a time only, and “On Friday” after the items above', () => {
  const post = [
    'Posted Tuesday, October 6, 2026',
    '',
    '• Monday, September 21, 22:15 — A contractor pushes a token to a public repository.',
    '• That evening, 23:49 — The token is used for the first time.',
    '• The next day, 08:14 — A pipeline run deploys a bad configuration.',
    '• 11:55 — We roll back the configuration.',
    '• Later that day, 16:40 — The outage resumes.',
    '• Early on Wednesday, 02:10 — Our security team noticed that neither run was ours.',
    '• On Friday — We email the administrators of affected accounts.',
    '• Two days later — The forensic firm completes its review.',
  ].join('\n');
  const values = detectAll(post).flatMap((d) => (d.kind === 'date' ? [[d.text, d.value]] : []));
  assert.deepEqual(values.slice(1), [
    ['Monday, September 21', '2026-09-21'],
    ['That evening', '2026-09-21'],
    ['The next day', '2026-09-22'],
    ['Later that day', '2026-09-22'],
    ['on Wednesday', '2026-09-23'],
    ['On Friday', '2026-09-25'],
    ['Two days later', '2026-09-27'],
  ]);
  // Outside a timeline, "that day" needs a date before it in its paragraph.
  assert.deepEqual(
    detectAll('We remember that day well.').filter((d) => d.kind === 'date'),
    [],
  );
  assertEditsAsFresh(post, [
    ['Monday, September 21', 'Monday, September 14'],
    ['• 11:55 — We roll back the configuration.\n', ''],
    ['• That evening, 23:49', 'That evening, 23:49'],
  ]);
});

test('a heading that dates what follows (“filed August 27, 2026”) is the day its relative dates are told from', () => {
  const filing = [
    'FORM 8-K',
    '',
    'Date of Report: May 20, 2026',
    '',
    'The Company detected the intrusion earlier this month.',
    '',
    'FORM 8-K/A (Amendment No. 1), filed August 27, 2026',
    '',
    'The investigation, which concluded earlier this month, found the intruder left on May 11, 2026. The Company told its customers last week.',
  ].join('\n');
  const found = new DocumentDetector().detect(filing, { kinds: ['date'] });
  const values = found.map((d) =>
    d.kind === 'date' ? [d.text, d.endValue === undefined ? d.value : `${d.value ?? ''}/${d.endValue}`] : [],
  );
  assert.deepEqual(values, [
    ['May 20, 2026', '2026-05-20'],
    ['earlier this month', '2026-05'],
    ['August 27, 2026', '2026-08-27'],
    ['earlier this month', '2026-08'],
    ['on May 11, 2026', '2026-05-11'],
    ['last week', '2026-W34'],
  ]);
});

test('a notice’s “Date:” line under the circular it answers dates what follows it', () => {
  const page = [
    'Circular to Licensed Corporations',
    '',
    '12 March 2026',
    '',
    'The SFC reminds licensed corporations of their duties.',
    '',
    'Date: Wednesday, 18 March 2026',
    '',
    'Last Thursday the SFC issued a circular. The limit was lowered with effect from today.',
  ].join('\n');
  const found = new DocumentDetector().detect(page, { kinds: ['date'] });
  assert.deepEqual(
    found.map((d) => (d.kind === 'date' ? [d.text, d.value] : [])),
    [
      ['12 March 2026', '2026-03-12'],
      ['Wednesday, 18 March 2026', '2026-03-18'],
      ['Last Thursday', '2026-03-12'],
      ['from today', '2026-03-18'],
    ],
  );
});

test('a day named with its weekday is in the nearest year where it falls on that weekday', () => {
  // 14 April 2025 was a Monday; 14 April 2024 a Sunday.
  assert.deepEqual(values('The attack began on Sunday 14 April, the company said.', '2026-02-19'), [['on Sunday 14 April', '2024-04-14']]);
  // The nearest year when the weekday fits it.
  assert.deepEqual(values('The attack began on Monday 14 April, the company said.', '2026-02-19'), [['on Monday 14 April', '2025-04-14']]);
  // A future clause looks ahead first: 14 April 2027 is a Wednesday.
  assert.deepEqual(values('The review will end on Wednesday, April 14.', '2026-02-19'), [['on Wednesday, April 14', '2027-04-14']]);
});

test('a past participle on a noun right before a date dates a day gone by, in a sentence that promises', () => {
  assert.deepEqual(
    values('Merchants will get a credit for all fees charged on 24 November, shown on their December invoice.', '2026-12-03'),
    [['on 24 November', '2026-11-24']],
  );
  // After an auxiliary, or a plan's participle, the promise decides.
  assert.deepEqual(values('You will be charged on 24 November.', '2026-12-03'), [['on 24 November', '2027-11-24']]);
  assert.deepEqual(values('The upgrade planned for March will add customer-managed keys.', '2026-12-03'), [['March', '2027-03']]);
});

test('a weekday or “over the weekend” after a day of a story told long ago goes on from that day', () => {
  const story =
    'On Friday 12 April 2024, an attacker logged in. Over the weekend the attacker copied files, and on Monday staff found a ransom note.';
  assert.deepEqual(values(story, '2026-02-19'), [
    ['On Friday 12 April 2024', '2024-04-12'],
    ['Over the weekend', '2024-04-13/2024-04-14'],
    ['on Monday', '2024-04-15'],
  ]);
  // A story of last week: "on Monday" is the reference's week, as before.
  assert.deepEqual(values('The breach began on March 3, 2026. On Monday, the company notified regulators.', '2026-03-20')[1], [
    'On Monday',
    '2026-03-16',
  ]);
});

test('“in the spring” alone is the one its clause looks to; a year set against a figure or covered by a report is a date', () => {
  assert.deepEqual(values('We will publish updated guidance in the spring.', '2026-11-21'), [['in the spring', '2027-03/2027-05']]);
  assert.deepEqual(values('The board met in the spring.', '2026-11-21'), [['in the spring', '2026-03/2026-05']]);
  assert.deepEqual(values('It was the fall of the old system.', '2026-11-21'), []);
  assert.deepEqual(values('CERT-VL handled 4,812 incidents in 2025, up 18% on 2024.'), [
    ['in 2025', '2025'],
    ['on 2024', '2024'],
  ]);
  assert.deepEqual(values('The next annual report, covering 2026, will appear in spring 2027.').slice(0, 1), [['2026', '2026']]);
  // A lead-in that looks ahead: "revised" is the strategy's, not the item's tense.
  const plans = new DocumentDetector().detect(
    'Published 21 April 2026\n\nIn 2026 we will:\n• present a revised strategy to the government in the autumn.',
    {
      kinds: ['date'],
    },
  );
  assert.deepEqual(
    plans.map((d) => (d.kind === 'date' ? [d.text, d.endValue === undefined ? d.value : `${d.value ?? ''}/${d.endValue}`] : [])).slice(-1),
    [['in the autumn', '2026-09/2026-11']],
  );
});

test('“in the new year” is the next calendar year', () => {
  assert.deepEqual(values('We will publish an update on these action items in the new year.', '2026-12-03'), [['in the new year', '2027']]);
  assert.deepEqual(values('Happy New Year to all our customers.', '2026-12-03'), []);
});

test('a document series’ number is no date: “Circular 2022-04”, “Bulletin 2024-03”', () => {
  assert.deepEqual(values('In 2022, the Bureau issued Circular 2022-04 on data security.'), [['In 2022', '2022']]);
  assert.deepEqual(values('See Bulletin 2024-03 and Advisory 2025-11.'), []);
});

/** Dates of a whole document, as `[text, value]` (ranges as `start/end`). */
function documentValues(text: string): Array<[string, string | undefined]> {
  return detectAll(text).flatMap((d) =>
    d.kind === 'date' ? [[d.text, d.endValue === undefined ? d.value : `${d.value ?? ''}/${d.endValue}`]] : [],
  );
}

test('items under promises made are still ahead; the second day of a pair is read as the first', () => {
  const story =
    'Published Thursday, November 12, 2026\n\nAmong the steps the bank promised on Wednesday:\n• a freeze on risky changes until January 15;\n• refunds of fees charged on Monday and Tuesday;\n• claims accepted until December 31.\n';
  assert.deepEqual(documentValues(story).slice(1), [
    ['on Wednesday', '2026-11-11'],
    ['until January 15', '2027-01-15'],
    ['on Monday', '2026-11-09'],
    ['Tuesday', '2026-11-10'],
    ['until December 31', '2026-12-31'],
  ]);
  // Without the promise, the participle still dates a day gone by.
  assert.deepEqual(values('The bank refunded claims accepted until December 31.', '2026-11-12'), [['until December 31', '2025-12-31']]);
});

test('“of this year” gives a day its year; an abbreviation’s point ends no clause', () => {
  assert.deepEqual(values('Banks were expected to map their services by September 1 of this year.', '2026-11-12'), [
    ['by September 1 of this year', '2026-09-01'],
  ]);
  assert.deepEqual(values('The rule took effect on March 3 last year.', '2026-11-12'), [['on March 3 last year', '2025-03-03']]);
  assert.deepEqual(values('The outage began at about 6:40 p.m. ET on Monday, when the app would not load.', '2026-11-12'), [
    ['on Monday', '2026-11-09'],
  ]);
});

test('spans of federal fiscal years, and the end of a fiscal year named by its number', () => {
  const report =
    'Published: Sep 17, 2026.\n\nUnited States Government Accountability Office\n\nThe agency awarded $3.1 billion in fiscal years 2024 and 2025. Its FISMA evaluations for fiscal years 2022 through 2025 found gaps. It plans to retire the systems by the end of fiscal year 2027.\n';
  assert.deepEqual(documentValues(report).slice(1), [
    ['in fiscal years 2024 and 2025', '2023-10-01/2025-09-30'],
    ['fiscal years 2022 through 2025', '2021-10-01/2025-09-30'],
    ['by the end of fiscal year 2027', '2026-10-01/2027-09-30'],
  ]);
  // Two years apart, "and" joins two years, not a span.
  assert.ok(values('Grants in fiscal years 2022 and 2025 were audited.').every(([, v]) => !v?.includes('/')));
});

test('“Thursday the 29th” is the 29th nearest the reference that is a Thursday', () => {
  assert.deepEqual(values('It’s Thursday the 29th as we record this. On Monday the 2nd we ship.', '2026-11-04'), [
    ['Thursday the 29th', '2026-10-29'],
    ['On Monday the 2nd', '2026-11-02'],
  ]);
  assert.deepEqual(values('Friday, the 16th of October, was the day.', '2026-11-04'), [
    ['Friday', '2026-10-30'],
    ['16th of October', '2026-10-16'],
  ]);
});

test('a year that numbers a law or standard is part of its name: “Act 4 of 2013”, “Joint Standard 2 of 2024”', () => {
  assert.deepEqual(
    values('The Protection of Personal Information Act 4 of 2013 and Joint Standard 2 of 2024 apply; so does Act No. 5 of 2019.'),
    [],
  );
  assert.deepEqual(values('The breach of 2024 was reported late.'), [['2024', '2024']]);
});

test('a forum’s “May 14 ’26” and a release’s “Lyon, France – 22 September 2026 –” date the page', () => {
  assert.equal(
    findDocumentDate("r/IAmA · Posted by u/acme_security · May 14 '26\nAMA\nWe are the Acme security team.")?.value,
    '2026-05-14',
  );
  assert.equal(
    findDocumentDate(
      'PRESS RELEASE\n\nAcme obtains a new qualification\n\nLyon, France – 22 September 2026 – Acme today announced that it has been qualified.',
    )?.value,
    '2026-09-22',
  );
  assert.deepEqual(values('Posted on May 14 ’26 by the moderators.'), [['on May 14 ’26', '2026-05-14']]);
  assert.deepEqual(values('QUARTERLY REPORT PURSUANT TO SECTION 13 OF THE SECURITIES EXCHANGE ACT OF 1934'), []);
});

test('a document with no date at its top takes its closing block’s: a filing’s “Date:”, an auditor’s dated signature', () => {
  const filing =
    'FORM 10-Q\nFor the quarterly period ended September 30, 2026\n\nExpenses in the third quarter were higher than in the second quarter.\n\nSIGNATURES\nCALLOWAY GROUP, INC.\nDate: November 5, 2026\nBy: /s/ M. Reyes';
  assert.deepEqual(documentValues(filing), [
    ['September 30, 2026', '2026-09-30'],
    ['in the third quarter', '2026-Q3'],
    ['in the second quarter', '2026-Q2'],
    ['November 5, 2026', '2026-11-05'],
  ]);
  const report =
    'Independent Service Auditor’s Report\n\nWe examined the system last month.\n\nHollis LLP\nColumbus, Ohio\nAugust 14, 2026\n\nSection II\nThe controls were tested.';
  assert.deepEqual(documentValues(report).slice(0, 1), [['last month', '2026-07']]);
  // A date inside a sentence at the end is no signature's.
  assert.deepEqual(documentValues('Report\n\nWe found the flaw last week.\n\nWe fixed it on March 3, 2026.').slice(0, 1), [
    ['last week', undefined],
  ]);
});

test('editing a document’s end moves its closing date, and re-detection follows', () => {
  assertEditsAsFresh('Report\n\nWe found the flaw last week.\n\nDate: May 20, 2026', [
    ['May 20, 2026', 'June 3, 2026'],
    ['Date: June 3, 2026', 'Signed by the auditor.'],
  ]);
});

test('a release date before a revision, and a date line’s first date before its update, date the page', () => {
  assert.equal(
    findDocumentDate('Joint advisory\nRelease Date: September 3, 2026   Alert Code: AA26-246A\nLast Revised: September 17, 2026\n\nText.')
      ?.value,
    '2026-09-03',
  );
  assert.equal(findDocumentDate('Supervisory review\n29 January 2026 | Updated: 30 January 2026\nKey points')?.value, '2026-01-29');
  assert.equal(findDocumentDate('Status\nUpdated: 30 January 2026\nKey points')?.value, '2026-01-30');
});

test('“the week of March 8, 2027” is that day and the six after it', () => {
  assert.deepEqual(values('Testing ran during the week of March 8, 2027 and again the week of December 29.', '2026-10-27'), [
    ['during the week of March 8, 2027', '2027-03-08/2027-03-14'],
    ['the week of December 29', '2025-12-29/2026-01-04'],
  ]);
});

test('a page kept up to date speaks from its last update, not its first publication', () => {
  assert.equal(
    findDocumentDate('FAQ\nFirst published 19 May 2022 · Last updated 10 March 2026 · 9 min read\n\nText.')?.value,
    '2026-03-10',
  );
  assert.equal(findDocumentDate('Notice\nPublished 19 May 2022 · Updated 10 March 2026\n\nText.')?.value, '2022-05-19');
  assert.equal(
    findDocumentDate('Guide\n\nLegal Update | 24 November 2025\nFirst published 2 July 2025 · revised for the draft decree\n\nText.')
      ?.value,
    '2025-11-24',
    'a later date line is the revision the page speaks from',
  );
  assert.equal(
    findDocumentDate('Guide\n\nLegal Update | 24 November 2024\nFirst published 2 July 2025\n\nText.')?.value,
    '2025-07-02',
    'an earlier one is not',
  );
});

test('a quarter without a year is the fiscal one in any block of a document whose label said where its years start', () => {
  const release =
    'MINNEAPOLIS, Nov. 4, 2026 -- Acme today reported results for the first quarter of fiscal year 2027, which ended September 30, 2026.\n\nIn the first quarter, net sales fell 4%. Costs will peak in the second quarter.\n';
  assert.deepEqual(documentValues(release).slice(4), [
    ['In the first quarter', '2026-07/2026-09'],
    ['in the second quarter', '2026-10/2026-12'],
  ]);
});

test('a header of fields dates the document, and a section "updated" on a day is told from that day', () => {
  const tender = [
    'ITT Volume 2 – Specification',
    'Reference: BBC-2026-014   Version 1.2   Issued: Monday 2 February 2026   Revised: 16 February 2026',
    '',
    '7.6 Timetable',
    'Bidders may ask questions until the portal closes.',
    '',
    '7.7 Extract from the clarification log (updated 16 February 2026)',
    'Q14 (received 9 February): Will the Council accept a parent company’s certificate?',
    'Q22 (received last Friday): Can hosting be in the EU?',
  ].join('\n');
  assert.equal(findDocumentDate(tender)?.value, '2026-02-02');
  const found = new DocumentDetector().detect(tender, { kinds: ['date'] }).flatMap((d) => (d.kind === 'date' ? [[d.text, d.value]] : []));
  assert.deepEqual(found.slice(-2), [
    ['9 February', '2026-02-09'],
    ['last Friday', '2026-02-13'],
  ]);
});

test('a compound adjective in -ed is no past tense, and a weekday set as a deadline is the next one', () => {
  assert.deepEqual(
    values('If your annual SAQ is due before March 31, you may mark future-dated requirements as not applicable.', '2025-02-11'),
    [['March 31', '2025-03-31']],
  );
  // A prefixed verb is still a verb.
  assert.deepEqual(values('The branch re-opened in March.', '2025-02-11'), [['in March', '2024-03']]);
  assert.deepEqual(values('Bidders who need more time should say so by Wednesday.', '2026-02-16'), [['by Wednesday', '2026-02-18']]);
  assert.deepEqual(values('The company said it had fixed the flaw by Wednesday.', '2026-02-16'), [['by Wednesday', '2026-02-11']]);
  assert.deepEqual(values('The company said on Wednesday that it would pay.', '2026-02-16'), [['on Wednesday', '2026-02-11']]);
});

test('a day within weeks after a dated one in its sentence is told from it, even in a clause that looks ahead', () => {
  assert.deepEqual(
    values('The Trust published its assessment on Friday 26 June 2026, four days before the national deadline of 30 June.', '2026-07-09'),
    [
      ['on Friday 26 June 2026', '2026-06-26'],
      ['30 June', '2026-06-30'],
    ],
  );
  // Further on, a clause that looks ahead is reckoned from the reference.
  assert.deepEqual(values('On 2 March 2026 the bank said it will publish its next report on 30 June.', '2026-07-09'), [
    ['On 2 March 2026', '2026-03-02'],
    ['on 30 June', '2027-06-30'],
  ]);
});

test('"4 March, 20 days later" is a day and a count, not March 2020', () => {
  assert.deepEqual(values('It notified this Office on 4 March, 20 days later, and wrote to members.', '2026-09-24'), [
    ['on 4 March', '2026-03-04'],
    ['20 days later', '2026-03-24'],
  ]);
});

test('reporting periods of any count of months, a year ending on a month’s last day, and the calendar year’s end', () => {
  assert.deepEqual(values('Sales for the ten months to 28 February 2026 fell.'), [
    ['the ten months to 28 February 2026', '2025-05-01/2026-02-28'],
  ]);
  assert.deepEqual(values('Results for the year ending 30 April 2026 will follow.'), [
    ['the year ending 30 April 2026', '2025-05-01/2026-04-30'],
  ]);
  // A year ending on another day dates a report by that day.
  assert.deepEqual(values('The report covers the year ending June 10, 2024.'), [['June 10, 2024', '2024-06-10']]);
  assert.deepEqual(values('We will finish by the end of the calendar year.', '2026-03-23'), [['by the end of the calendar year', '2026']]);
});

test('a "Publish date:" line dates the page', () => {
  const page = 'Press Release\nPublish date: 06.10.2026  |  Tuesday\n\nThe clinics reported the attack on 8 February, earlier this year.';
  assert.equal(findDocumentDate(page)?.value, '2026-10-06');
});

test('the deadline of an act ordered or promised is ahead, however long ago the order was made', () => {
  assert.deepEqual(values('Carrier ordered to encrypt every stored subscriber key by June 30.', '2026-03-12'), [
    ['by June 30', '2026-06-30'],
  ]);
  assert.deepEqual(values('The company agreed to notify customers by June 30.', '2026-03-12'), [['by June 30', '2026-06-30']]);
  // Told as missed, it is the past one.
  assert.deepEqual(values('The bank had been ordered to pay by June 30 but failed to.', '2026-03-12'), [['by June 30', '2025-06-30']]);
});

test('Hijri dates are read in the Umm al-Qura calendar, and a Hijri date line dates the page', () => {
  const release =
    'Riyadh, Monday 22 Jumada al-Ula 1448H, corresponding to 2 November 2026 — the bank announced today that it had met the controls.';
  assert.deepEqual(values(release), [
    ['Monday 22 Jumada al-Ula 1448H', '2026-11-02'],
    ['2 November 2026', '2026-11-02'],
    ['today', '2026-11-02'],
  ]);
  // A month and a year alone are the Gregorian days they span.
  assert.deepEqual(values('The programme began in Rajab 1447H; the bank was founded in 1399H.'), [
    ['Rajab 1447H', '2025-12-21/2026-01-19'],
    ['1399H', '1978-12-01/1979-11-20'],
  ]);
  // A year without its era is a number, and "Safari 1448" no month.
  assert.deepEqual(values('Room 1448 is on the fourth floor; Safari 1448 shipped.'), []);
  // Nor is a house number before a lettered street.
  assert.deepEqual(values('Write to 1401 H Street, N.W., Suite 410, or to 1325 G St NW.'), []);
});

test('two years or two months in a row joined by "and" are one span, and "mid-2028" its middle month', () => {
  assert.deepEqual(values('Spending rises over 2026 and 2027; audits ran in 2019 and 2023.', '2026-10-01'), [
    ['over 2026 and 2027', '2026/2027'],
    ['in 2019', '2019'],
    ['2023', '2023'],
  ]);
  assert.deepEqual(values('Tests ran in January and February.', '2026-10-01'), [['in January and February', '2026-01/2026-02']]);
  assert.deepEqual(values('The waiver runs until mid-2028.', '2026-10-01'), [['until mid-2028', '2028-06']]);
});

test('the first verb after a weekday tells its tense; a simple past with "through at least" is over', () => {
  assert.deepEqual(values('On Monday, its counsel told the office that the company would contest the suit.', '2026-10-20'), [
    ['On Monday', '2026-10-19'],
  ]);
  assert.deepEqual(
    values('The cure period expired on August 13, 2026, and the broker kept selling files through at least September.', '2026-10-20'),
    [
      ['on August 13, 2026', '2026-08-13'],
      ['September', '2026-09'],
    ],
  );
  assert.deepEqual(values('The hospital has postponed surgeries through at least Friday.', '2026-10-20'), [['Friday', '2026-10-23']]);
});

test('a year stated by its last month is a span of months; "today" for a state that holds now dates nothing', () => {
  assert.deepEqual(values('In the year ended March 2024, it made a profit.'), [['In the year ended March 2024', '2023-04/2024-03']]);
  assert.deepEqual(values('The rival is FedRAMP authorized today; that is a genuine advantage today.', '2026-09-09'), []);
  assert.deepEqual(values('The reports are available from today, and the order was filed today.', '2026-09-09'), [
    ['from today', '2026-09-09'],
    ['today', '2026-09-09'],
  ]);
});

test('a Thai date in the Buddhist Era is its Gregorian day, with the bracketed year it glosses', () => {
  assert.deepEqual(values('The order takes effect on 31 January B.E. 2570 (2027); it began in August B.E. 2567.', '2026-10-21'), [
    ['on 31 January B.E. 2570 (2027)', '2027-01-31'],
    ['in August B.E. 2567', '2024-08'],
  ]);
  // The year in an act's name is no date.
  assert.deepEqual(values('The Personal Data Protection Act B.E. 2562 applies.', '2026-10-21'), []);
});

test('a weekday deadline under "must" is the next one, whatever adjective in -ed stands before it', () => {
  assert.deepEqual(values('The company must notify every affected user by Thursday.', '2026-10-13'), [['by Thursday', '2026-10-15']]);
});

test('a month that comes back each year is no date', () => {
  assert.deepEqual(
    values(
      'Controllers must register during January and February each year. Reports are due in March every year. Each year in May, the board meets.',
      '2026-10-13',
    ),
    [],
  );
  assert.deepEqual(values('The audit ran in March 2025 every year since.', '2026-10-13'), [['in March 2025', '2025-03']]);
});

test('a Hijri day in figures, day first or year first, is its Gregorian day', () => {
  assert.deepEqual(values('Decision dated 9/2/1443H, the circular of 1444/09/05 AH and the rule of 29/2/1445H.', '2026-01-01'), [
    ['9/2/1443H', '2021-09-16'],
    ['1444/09/05 AH', '2023-03-27'],
    ['29/2/1445H', '2023-09-14'],
  ]);
});

test('a bracketed aside says nothing of the tense, and a subject’s past verb right after the date tells before an earlier clause', () => {
  assert.deepEqual(values('In August, a company (we’ll call it Company A) reported that a customer had paid.', '2026-11-26'), [
    ['In August', '2026-08'],
  ]);
  assert.deepEqual(values('It did not meet that deadline, and on February 3 we sent the company a notice.', '2026-02-12'), [
    ['on February 3', '2026-02-03'],
  ]);
  // "the updated rules" is no past verb.
  assert.deepEqual(values('The deadline is near, and on March 3 the updated rules take effect.', '2026-02-12'), [
    ['on March 3', '2026-03-03'],
  ]);
});
