import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectDates } from '../../../src/core/detect/dates';
import type { DateDetection } from '../../../src/core/model';

/** The detections whose text contains `needle`, or fails the test when there is none. */
function find(found: DateDetection[], needle: string): DateDetection {
  const d = found.find((x) => x.text.includes(needle));
  assert.ok(d, `no date containing "${needle}" in ${JSON.stringify(found.map((x) => x.text))}`);
  return d;
}

function texts(text: string, referenceDate?: string): string[] {
  return detectDates(text, referenceDate ? { referenceDate } : {}).map((d) => d.text);
}

function assertSpansExact(text: string, found: DateDetection[]): void {
  for (const d of found) assert.equal(text.slice(d.start, d.end), d.text);
}

test('a non-breaking space between month and day', () => {
  const text = 'The update shipped on Jun\u00A010, 2020, to every user.';
  const found = detectDates(text);
  assertSpansExact(text, found);
  const d = find(found, 'Jun\u00A010');
  assert.equal(d.value, '2020-06-10');
  assert.deepEqual(d.stated, ['year', 'month', 'day']);
  assert.deepEqual(d.implied, []);
  assert.equal(d.relative, false);
  assert.equal(d.reference, undefined);
});

test('CRLF line endings keep offsets exact and dates within their line', () => {
  const text = 'Quarterly note\r\nIn March 2021, the board met.\r\nIt met again on Friday.\r\n';
  const found = detectDates(text, { referenceDate: '2021-06-09' });
  assertSpansExact(text, found);
  assert.equal(find(found, 'March 2021').value, '2021-03');
  const friday = find(found, 'Friday');
  assert.equal(friday.value, '2021-06-04');
  assert.ok(!friday.text.includes('\r') && !friday.text.includes('\n'));
});

test('curly quotes around and inside dates', () => {
  const text = 'The firm’s “last month” statement recalled the ’90s and ‘early 2021’.';
  const found = detectDates(text, { referenceDate: '2022-08-05' });
  assertSpansExact(text, found);
  assert.equal(find(found, 'last month').value, '2022-07');
  const nineties = find(found, '’90s');
  assert.equal(nineties.value, '1990');
  assert.equal(nineties.endValue, '1999');
  assert.equal(find(found, 'early 2021').value, '2021');
});

test('an emoji before a date: offsets are UTF-16 code units', () => {
  const text = '🔒👩‍💻 Breach disclosed Jun 10, 2020 — and patched 3 days ago.';
  const found = detectDates(text, { referenceDate: '2020-06-20' });
  assertSpansExact(text, found);
  const d = find(found, 'Jun 10, 2020');
  assert.equal(d.start, text.indexOf('Jun 10'));
  assert.equal(find(found, 'ago').value, '2020-06-17');
});

test('"May" the verb is not a date; May the month is', () => {
  assert.deepEqual(texts('TikTok may have access to the data.'), []);
  assert.deepEqual(texts('Staff in China May have access, the letter said.'), []);
  assert.deepEqual(texts('Users may 2x their storage.'), []);
  assert.deepEqual(texts('Former prime minister Theresa May said so.'), []);
  assert.deepEqual(texts('The breach happened in May 2021.'), ['in May 2021']);
  const found = detectDates('The audit began in May and ended on May 5.', { referenceDate: '2021-08-01' });
  assert.equal(find(found, 'in May').value, '2021-05');
  assert.equal(find(found, 'May 5').value, '2021-05-05');
});

test('discourse uses of time words are not dates', () => {
  for (const text of [
    'The app is the best creative app for now.',
    'Right now, the only thing that matters is trust.',
    'Protesters will march on the capital.',
    'In the months since we began this review, we have hired.',
    'The Sun reported the story first.',
    'Everyday, she gives us many funny videos.',
    'We face threats every day.',
    'Our second priority is transparency.',
    'We publish a report twice a year.',
    'It takes a day to review each request.',
    'The March on Washington drew crowds.',
  ]) {
    assert.deepEqual(texts(text, '2020-06-10'), [], text);
  }
});

test('bare years are dates, other four-digit numbers are not', () => {
  assert.deepEqual(texts('In 2021, the government acquired a stake.'), ['In 2021']);
  assert.deepEqual(texts('He cited a post dated 2020.'), ['2020']);
  assert.deepEqual(texts('It has grown since 2019.'), ['since 2019']);
  assert.deepEqual(texts('They sued over the 2020 election results.'), ['2020']);
  assert.deepEqual(texts('A study (Smith, 2019) found the same.'), ['2019']);
  for (const text of [
    'The app has more than 1 billion users and 100 experts.',
    'It employs 2,000 people and 2000 contractors in 1900 cities.',
    'It complies with ISO 27001, ISO/IEC 27001:2022 and NIST SP 800-53.',
    'Call (202) 555-2020 or +1 202 555 2019.',
    'It bought 1% of the company for $2021 million.',
    'Regulation (EU) 2016/679 applies; see version 2.10.3.',
    'Windows 2000 and Office 2019 are unsupported.',
    'Between 500 and 2000 users were affected.',
  ]) {
    assert.deepEqual(texts(text), [], text);
  }
});

test('quarters', () => {
  const found = detectDates('Sales fell in Q3 2022, rose in the third quarter of 2023, in 3Q24 and in Q1.', {
    referenceDate: '2025-05-01',
  });
  assert.equal(find(found, 'Q3 2022').value, '2022-Q3');
  assert.deepEqual(find(found, 'Q3 2022').stated, ['year', 'quarter']);
  assert.equal(find(found, 'third quarter of 2023').value, '2023-Q3');
  assert.equal(find(found, '3Q24').value, '2024-Q3');
  const q1 = find(found, 'Q1');
  assert.equal(q1.value, '2025-Q1');
  assert.deepEqual(q1.implied, ['year']);
  assert.equal(find(detectDates('Profit doubled last quarter.', { referenceDate: '2025-05-01' }), 'last quarter').value, '2025-Q1');
});

test('a later quarter told after a dated one of the sentence is of its year, even without a document date', () => {
  const text =
    'The incident reduced revenue for the first quarter of fiscal 2026 by $21 million, most of which it expects to recover in the second quarter.';
  assert.equal(find(detectDates(text), 'second quarter').value, '2026-Q2');
  // An earlier quarter may be the next year's: "in 3Q24 and in Q1" is left to the reference (the test above).
});

test('fiscal years and halves', () => {
  const found = detectDates('Budgets for FY2023, fiscal 2024, fiscal year 2025, FY26 and FY 2023/24 were cut in H1 2023.');
  assert.equal(find(found, 'FY2023').value, '2023');
  assert.equal(find(found, 'fiscal 2024').value, '2024');
  assert.equal(find(found, 'fiscal year 2025').value, '2025');
  assert.equal(find(found, 'FY26').value, '2026');
  const span = find(found, 'FY 2023/24');
  assert.deepEqual([span.value, span.endValue], ['2023', '2024']);
  const half = find(found, 'H1 2023');
  assert.deepEqual([half.value, half.endValue], ['2023-01', '2023-06']);
});

test("a federal inspector general's fiscal years start on October 1", () => {
  const audit =
    'The Office of Inspector General audited the agency under FISMA. Its program was not effective in FY 2026, ' +
    'as in FY 2023 through FY 2025; it must fix this by the end of the second quarter of FY 2027.';
  const found = detectDates(audit, { referenceDate: '2026-11-10' });
  const fy = find(found, 'FY 2026');
  assert.deepEqual([fy.value, fy.endValue], ['2025-10-01', '2026-09-30']);
  const span = find(found, 'FY 2023 through FY 2025');
  assert.deepEqual([span.value, span.endValue], ['2022-10-01', '2025-09-30']);
  const quarter = find(found, 'second quarter of FY 2027');
  assert.deepEqual([quarter.value, quarter.endValue], ['2027-01', '2027-03']);
  // A state's inspector general, or a text that names no federal body, keeps the calendar's years.
  const state = detectDates('The state Inspector General found the program was not effective in FY 2026.', { referenceDate: '2026-11-10' });
  assert.equal(find(state, 'FY 2026').value, '2026');
});

test('numeric dates are read day first in a document that writes days first', () => {
  // A time written "15h42" (Brazil, France), a day that can only come first, or month names after the day.
  const brazil =
    'Published on 11/03/2026 15h42\n\nBrasília, 11/03/2026 – The authority applied, on this Wednesday (11), a fine due until June.';
  const found = detectDates(brazil);
  assert.deepEqual(
    found.map((d) => [d.text, d.value]),
    [
      ['on 11/03/2026', '2026-03-11'],
      ['11/03/2026', '2026-03-11'],
      ['on this Wednesday', '2026-03-11'],
      ['until June', '2026-06'],
    ],
  );
  assert.equal(find(detectDates('Filed 25/03/2026. Hearing on 04/05/2026.'), '04/05').value, '2026-05-04');
  assert.equal(find(detectDates('Decision of 2 August 2024. The breach began on 04/05/2024.'), '04/05').value, '2024-05-04');
  // US text, and a day-first text that also writes "August 2, 2024", stay month first.
  assert.equal(find(detectDates('Filed 03/25/2026. Hearing on 04/05/2026.'), '04/05').value, '2026-04-05');
  assert.equal(find(detectDates('On 2 August 2024 and on August 9, 2024, and on 04/05/2024.'), '04/05').value, '2024-04-05');
});

test('a season after "since", a month naming an event, a year a plan is for', () => {
  const ref = { referenceDate: '2026-10-22' };
  const since = find(detectDates('Fietsvast has shortened the retention period since the summer.', ref), 'since the summer');
  assert.deepEqual([since.value, since.endValue], ['2026-06', '2026-08']);
  assert.equal(
    find(detectDates('The drill ran in June 2026, and the June exercise covered only the headquarters.', ref), 'June').value,
    '2026-06',
  );
  assert.equal(find(detectDates('Our security budget for 2026 is 30% higher than it was for 2025.', ref), '2026').value, '2026');
  // A month before another noun, and a year after "for" that counts something, stay no dates.
  assert.deepEqual(texts('The June issue of the magazine sold well.', '2026-10-22'), []);
  assert.deepEqual(texts('We paid for 2026 licences.', '2026-10-22'), []);
});

test("a condition's deadline is the nearer one, whatever the tense inside the condition", () => {
  const found = detectDates('If you have not received a letter by December 4 and think you may be affected, call us.', {
    referenceDate: '2026-11-20',
  });
  assert.equal(find(found, 'December 4').value, '2026-12-04');
});

test('winter runs over a new year; a relative clause in the past dates its own verb', () => {
  const last = find(
    detectDates('During readiness last winter, we ran two tabletop exercises.', { referenceDate: '2026-09-15' }),
    'last winter',
  );
  assert.deepEqual([last.value, last.endValue], ['2025-12', '2026-02']);
  const inside = find(detectDates('This winter has been hard.', { referenceDate: '2026-01-20' }), 'This winter');
  assert.deepEqual([inside.value, inside.endValue], ['2025-12', '2026-02']);
  const found = detectDates('In the fourth quarter, Corvell plans to assess the features it introduced in June.', {
    referenceDate: '2026-09-15',
  });
  assert.equal(find(found, 'June').value, '2026-06');
});

test('the first or last months of a year; a count after a month and day is no year', () => {
  const nine = find(detectDates('In the first nine months of 2026, 412 breaches were reported.'), 'first nine months');
  assert.deepEqual([nine.value, nine.endValue], ['2026-01', '2026-09']);
  const last = find(detectDates('In the last three months of 2025 the count fell.'), 'last three months');
  assert.deepEqual([last.value, last.endValue], ['2025-10', '2025-12']);
  const found = detectDates('It filed its report with OCR on September 18, 59 days later.', { referenceDate: '2026-10-16' });
  assert.equal(find(found, 'September 18').value, '2026-09-18');
  assert.equal(find(found, 'September 18').text, 'on September 18');
});

test('a weekday goes on from a dated day of the sentence before it, not from one further back', () => {
  const text =
    'The certificate was issued on 14 August 2022. It was valid for three years. I checked the register on Monday: it has expired.';
  assert.equal(find(detectDates(text, { referenceDate: '2026-11-05' }), 'Monday').value, '2026-11-02');
  const story = 'On Friday 12 April 2024, the attacker logged in. On Saturday the attacker copied the files.';
  assert.equal(find(detectDates(story, { referenceDate: '2026-11-05' }), 'Saturday').value, '2024-04-13');
});

test('fiscal years named for the year they start in, or end in, where the text says or where it is from', () => {
  const japan = detectDates(
    'The Japanese regulator said that in FY2025 (April 2025 to March 2026) it received 41 reports; the Company must report until the end of FY2026.',
    { referenceDate: '2026-06-26' },
  );
  const fy = find(japan, 'in FY2025');
  assert.deepEqual([fy.value, fy.endValue], ['2025-04-01', '2026-03-31']);
  assert.equal(find(japan, 'end of FY2026').endValue, '2027-03-31');
  const india = detectDates('The Bengaluru lender, regulated by the RBI, disbursed ₹2,140 crore in FY26 and plans an IPO in FY27.', {
    referenceDate: '2026-03-12',
  });
  const fy26 = find(india, 'FY26');
  assert.deepEqual([fy26.value, fy26.endValue], ['2025-04-01', '2026-03-31']);
  // Unsaid, a year starting in April is not guessed at.
  assert.equal(find(detectDates('Acme reported revenue for FY2026 of $2 billion.'), 'FY2026').value, '2026');
});

test('early, mid and late years, and decades', () => {
  const found = detectDates('Planned for early 2023, delayed to mid-2023, shipped late 2023, a 1990s idea.');
  assert.deepEqual(
    found.map((d) => d.value),
    ['2023', '2023-06', '2023', '1990'],
  );
  assert.equal(find(found, '1990s').endValue, '1999');
});

test('ranges are one date with an end value', () => {
  const between = detectDates('Engineers had access between September 2021 and January 2022, it said.');
  assert.equal(between.length, 1);
  assert.equal(between[0]?.text, 'between September 2021 and January 2022');
  assert.deepEqual([between[0].value, between[0].endValue], ['2021-09', '2022-01']);

  const fromTo = detectDates('Data was copied from June to August 2020.');
  assert.deepEqual(
    fromTo.map((d) => [d.text, d.value, d.endValue]),
    [['from June to August 2020', '2020-06', '2020-08']],
  );

  const years = detectDates('The 2019-2021 strategy and the 2019–20 season.');
  assert.deepEqual(
    years.map((d) => [d.value, d.endValue]),
    [
      ['2019', '2021'],
      ['2019', '2020'],
    ],
  );

  const days = detectDates('The summit ran Jun 10–12, 2020 in Geneva.');
  assert.deepEqual(
    days.map((d) => [d.text, d.value, d.endValue]),
    [['Jun 10–12, 2020', '2020-06-10', '2020-06-12']],
  );

  const winter = detectDates('Between December and February 2021, sales slowed.');
  assert.deepEqual(
    winter.map((d) => [d.value, d.endValue]),
    [['2020-12', '2021-02']],
  );
});

test('relative dates resolve against a given reference date', () => {
  const text =
    'On Friday the firm said that last month, and last year, it moved data. ' +
    'Earlier this year it promised more by the end of the year and in the coming months.';
  const found = detectDates(text, { referenceDate: '2022-08-10' });
  const friday = find(found, 'Friday');
  assert.equal(friday.value, '2022-08-05');
  assert.equal(friday.relative, true);
  assert.deepEqual(friday.stated, ['weekday']);
  assert.deepEqual(friday.implied, ['year', 'month', 'day']);
  assert.equal(friday.reference, '2022-08-10');
  assert.equal(find(found, 'last month').value, '2022-07');
  assert.equal(find(found, 'last year').value, '2021');
  assert.equal(find(found, 'Earlier this year').value, '2022');
  assert.equal(find(found, 'by the end of the year').value, '2022');
  const coming = find(found, 'in the coming months');
  assert.equal(coming.value, undefined);
  assert.equal(coming.relative, true);
});

test('relative dates without any reference are detected but unresolved', () => {
  const text =
    'The letter dated Thursday answered one sent on June 27. TikTok said last month and ' +
    'earlier this year that a report from June was wrong. In March it met senators.';
  const found = detectDates(text);
  for (const needle of ['Thursday', 'June 27', 'last month', 'earlier this year', 'from June', 'In March']) {
    const d = find(found, needle);
    assert.equal(d.value, undefined, needle);
    assert.equal(d.reference, undefined, needle);
    assert.deepEqual(d.implied, [], needle);
  }
  assert.deepEqual(find(found, 'June 27').stated, ['month', 'day']);
  assert.equal(find(found, 'last month').relative, true);
  assert.equal(find(found, 'June 27').relative, false);
});

test('a weekday is the latest such day on or before the reference unless the clause looks ahead', () => {
  const ref = { referenceDate: '2023-03-15' }; // a Wednesday
  assert.equal(detectDates('It said on Wednesday.', ref)[0]?.value, '2023-03-15');
  assert.equal(detectDates('It said on Thursday.', ref)[0]?.value, '2023-03-09');
  assert.equal(detectDates('It will report on Thursday.', ref)[0]?.value, '2023-03-16');
  assert.equal(detectDates('It said last Wednesday.', ref)[0]?.value, '2023-03-08');
  assert.equal(detectDates('It meets next Monday.', ref)[0]?.value, '2023-03-20');
});

test('a month without a year is the latest on or before the reference unless the clause looks ahead', () => {
  const ref = { referenceDate: '2023-03-15' };
  assert.equal(detectDates('In December, the board met.', ref)[0]?.value, '2022-12');
  assert.equal(detectDates('In March, the board met.', ref)[0]?.value, '2023-03');
  assert.equal(detectDates('The vote is scheduled for December.', ref)[0]?.value, '2023-12');
  assert.equal(detectDates('It was sent on June 27.', ref)[0]?.value, '2022-06-27');
});

test('periods and offsets', () => {
  const ref = { referenceDate: '2020-06-10' };
  const over = detectDates('We hired hundreds of engineers over the last year.', ref)[0];
  assert.deepEqual([over?.text, over?.value, over?.endValue], ['over the last year', '2019-06', '2020-06']);
  const vague = detectDates('Over the past few years, users grew wary.', ref)[0];
  assert.deepEqual([vague?.text, vague?.value], ['Over the past few years', undefined]);
  assert.equal(detectDates('It happened two years ago.', ref)[0]?.value, '2018');
  assert.equal(detectDates('It happened yesterday.', ref)[0]?.value, '2020-06-09');
  assert.equal(detectDates('It happened this week.', ref)[0]?.value, '2020-W24');
  assert.equal(detectDates('It ships next month.', ref)[0]?.value, '2020-07');
  assert.deepEqual(texts('They will finish in the near future.'), ['in the near future']);
});

test('spans carry the preposition readers quote', () => {
  assert.deepEqual(texts('As I wrote in April, we care.'), ['in April']);
  assert.deepEqual(texts('A report from June said so.'), ['from June']);
  assert.deepEqual(texts('We aim to hire 100 experts by the end of the year.'), ['by the end of the year']);
  assert.deepEqual(texts('The deal closes by the end of June 2021.'), ['by the end of June 2021']);
  assert.deepEqual(texts('It was seen by Reuters on Friday, the paper said.'), ['on Friday']);
});

test('dotted, slashed and ISO dates', () => {
  assert.equal(detectDates('Filed 10.06.2020 in Berlin.')[0]?.value, '2020-06-10');
  assert.equal(detectDates('Filed 6/10/2020 in Ohio.')[0]?.value, '2020-06-10');
  assert.equal(detectDates('Filed 2020-06-10T08:00:00Z.')[0]?.value, '2020-06-10');
  assert.deepEqual(texts('Reach us at 192.168.10.20 on version 2.10.3.'), []);
});

test('an invalid reference date is an error', () => {
  assert.throws(() => detectDates('last month', { referenceDate: '2020-13-01' }), RangeError);
  assert.throws(() => detectDates('last month', { referenceDate: 'June 2020' }), RangeError);
});
