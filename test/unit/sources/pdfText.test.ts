// A PDF's text as a reader sees it (core/sources): reading order, paragraphs, words split at
// a line end, running headers and page numbers left out, the page map; the fixtures made by
// scripts/fixtures/make-pdfs.mjs read through pdf.js give exactly their expected text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pageAt, pdfText, readerText, PAGE_BREAK, type PdfPageText, type PdfTextItem } from '../../../src/core/sources/pdfText';
import { readPdf } from '../../../src/core/sources/readPdf';
import { OffsetMap } from '../../../src/core/text/offsets';

const FIXTURES = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'sources');

/** A line of text at (x, y), 6 units wide per character. */
function at(str: string, x: number, y: number, height = 11): PdfTextItem {
  return { str, x, y, width: str.length * height * 0.5, height };
}

function page(items: PdfTextItem[]): PdfPageText {
  return { width: 595, height: 842, items };
}

test('lines joined into paragraphs; a wider gap starts a new one; a word split at a line end is one word again', () => {
  const r = pdfText([
    page([
      at('Tessaline processes the salaries of employees in nine coun-', 56, 700),
      at('tries. It publishes a report every year.', 56, 685),
      at('A second paragraph after a gap.', 56, 640),
      at('A soft hyphen splits a trans\u00ad', 56, 625),
      at('action here.', 56, 610),
    ]),
  ]);
  assert.equal(
    r.text,
    'Tessaline processes the salaries of employees in nine countries. It publishes a report every year.\n\nA second paragraph after a gap. A soft hyphen splits a transaction here.\n',
  );
  assert.equal(r.scanned, false);
});

test('a hyphen before a capital or a number is kept: names and figures are not joined', () => {
  const r = pdfText([
    page([
      at('The audit covered the EU-', 56, 700),
      at('US data transfers and Q3-', 56, 685),
      at('2025 plans in full detail here.', 56, 670),
    ]),
  ]);
  assert.equal(r.text, 'The audit covered the EU- US data transfers and Q3- 2025 plans in full detail here.\n');
});

test('two columns under a full-width heading are read left column first', () => {
  const left = ['On 3 March we', 'reported an incident', 'to the regulator.'];
  const right = ['Our certificate was', 'renewed in January', 'after an audit.'];
  const r = pdfText([
    page([
      at('Incidents and audits in the year under review', 56, 760, 14),
      ...left.map((l, k) => at(l, 56, 700 - k * 15)),
      ...right.map((l, k) => at(l, 320, 700 - k * 15)),
      at('A closing paragraph runs across the whole width of the page at its foot.', 56, 600),
    ]),
  ]);
  assert.equal(
    r.text,
    'Incidents and audits in the year under review\n\nOn 3 March we reported an incident to the regulator.\n\nOur certificate was renewed in January after an audit.\n\nA closing paragraph runs across the whole width of the page at its foot.\n',
  );
});

test('running headers and footers and page numbers are left out and listed; a line that does not repeat stays', () => {
  const pages = [1, 2, 3].map((n) =>
    page([
      at(`Acme Annual Report ${2024 + (n === 3 ? 0 : 0)} — confidential`, 56, 810, 8),
      at(n === 1 ? 'First page text.' : n === 2 ? 'Second page text.' : 'Third page text.', 56, 700),
      at(n === 2 ? '- 2 -' : `${n}`, 290, 30, 8),
    ]),
  );
  const r = pdfText(pages);
  assert.equal(r.text, `First page text.${PAGE_BREAK}Second page text.${PAGE_BREAK}Third page text.\n`);
  assert.deepEqual(
    r.leftOut.map((l) => [l.page, l.role]),
    [
      [1, 'header'],
      [1, 'page number'],
      [2, 'header'],
      [2, 'page number'],
      [3, 'header'],
      [3, 'page number'],
    ],
  );
  const single = pdfText([page([at('Only once at the top of a page', 56, 810, 8), at('Body text of a one-page letter.', 56, 700)])]);
  assert.match(single.text, /^Only once at the top of a page\n\nBody text/);
});

test('a paragraph that runs on to the next page stays one; the page map splits it where the page turns', () => {
  const r = pdfText([
    page([at('We will encrypt every record at rest by the end of the year, and we will', 56, 100)]),
    page([at('report our progress each quarter.', 56, 740), at('A new paragraph on page two.', 56, 700)]),
  ]);
  assert.equal(
    r.text,
    'We will encrypt every record at rest by the end of the year, and we will report our progress each quarter.\n\nA new paragraph on page two.\n',
  );
  const turn = r.text.indexOf('report our');
  assert.deepEqual(r.pages, [
    { page: 1, start: 0, end: turn },
    { page: 2, start: turn, end: r.text.length },
  ]);
  assert.equal(pageAt(r.pages, 0), 1);
  assert.equal(pageAt(r.pages, turn - 1), 1);
  assert.equal(pageAt(r.pages, turn), 2);
  assert.equal(pageAt(r.pages, r.text.length), undefined);
});

test('the page map counts code points: an emoji before the turn moves it by one, not two', () => {
  const r = pdfText([
    page([at('Rated 5 ⭐🙂 by the users of the payroll app.', 56, 700)]),
    page([at('Page two follows here, with more words.', 56, 700)]),
  ]);
  const second = r.text.indexOf('Page two');
  assert.equal(r.pages[1]?.start, new OffsetMap(r.text).toCodePoint(second));
  assert.equal(r.pages[1].start, second - 1);
});

test('ligatures, odd spaces and invisible characters as a reader sees them', () => {
  assert.equal(readerText('The ﬁrst ﬂaw\u00a0was\u202ffound\u200b here\ufeff'), 'The first flaw was found here');
  const r = pdfText([page([at('An ﬃcient   o\u2009ﬀer.', 56, 700), at('A second paragraph far below the first one.', 56, 400)])]);
  assert.equal(r.text.split('\n')[0], 'An fficient o ffer.');
});

test('a PDF without a text layer is said to be scanned, with no text', () => {
  assert.deepEqual(pdfText([page([]), page([at('12', 290, 30, 8)])]), { text: '', pages: [], leftOut: [], scanned: true });
  assert.equal(pdfText([]).scanned, true);
});

test('fixture report.pdf through pdf.js: exactly its expected text, its pages, what was left out and what it says of itself', async () => {
  const content = await readPdf(new Uint8Array(readFileSync(path.join(FIXTURES, 'report.pdf'))));
  const r = pdfText(content.pages);
  assert.equal(r.text, readFileSync(path.join(FIXTURES, 'report.pdf.expected.txt'), 'utf8'));
  assert.deepEqual(
    r.pages.map((p) => p.page),
    [1, 2, 3],
  );
  const offsets = new OffsetMap(r.text);
  const pageOf = (s: string): number | undefined => pageAt(r.pages, offsets.toCodePoint(r.text.indexOf(s)));
  assert.equal(pageOf('SOC 2 Type II'), 1);
  assert.equal(pageOf('Irish Data Protection Commission'), 2);
  assert.equal(pageOf('ISO 27001'), 2);
  assert.equal(pageOf('report our progress'), 3, 'the run-on paragraph turns the page mid-sentence');
  assert.equal(pageOf('Figures as of'), 3);
  assert.deepEqual(
    r.leftOut.map((l) => `${l.page} ${l.role}: ${l.text}`),
    [
      '1 header: Tessaline Payroll · Transparency Report 2025',
      '1 page number: Page 1 of 3',
      '2 header: Tessaline Payroll · Transparency Report 2025',
      '2 page number: Page 2 of 3',
      '3 header: Tessaline Payroll · Transparency Report 2025',
      '3 page number: Page 3 of 3',
    ],
  );
  assert.deepEqual(content.info, { title: 'Tessaline Transparency Report 2025', author: 'Tessaline Payroll Ltd', created: '2025-03-03' });
});

test('fixture scanned.pdf: reported as scanned; a file that is not a PDF is refused with a reason', async () => {
  const content = await readPdf(new Uint8Array(readFileSync(path.join(FIXTURES, 'scanned.pdf'))));
  assert.equal(pdfText(content.pages).scanned, true);
  await assert.rejects(readPdf(new TextEncoder().encode('not a pdf at all')), /PDF/i);
});

test('a long paragraph cut by the page before a capital runs on; a heading at the foot of a page does not', () => {
  const r = pdfText([
    page([at('The complaint charges him with violating Section 17(a) of the Securities Act of 1933 and', 56, 100)]),
    page([at('Section 10(b) of the Exchange Act.', 56, 740)]),
    page([at('Incidents and audits', 56, 100, 14)]),
    page([at('On 3 March we reported an incident to the regulator.', 56, 740)]),
  ]);
  assert.equal(
    r.text,
    `The complaint charges him with violating Section 17(a) of the Securities Act of 1933 and Section 10(b) of the Exchange Act.${PAGE_BREAK}Incidents and audits${PAGE_BREAK}On 3 March we reported an incident to the regulator.\n`,
  );
  assert.deepEqual(
    r.pages.map((p) => p.page),
    [1, 2, 3, 4],
  );
});

/** A line cut into pieces of `size` characters, as Chrome cuts at soft hyphens and ligatures, each placed where it falls. */
function pieces(str: string, x: number, y: number, size = 4, height = 11): PdfTextItem[] {
  const out: PdfTextItem[] = [];
  for (let k = 0; k < str.length; k += size) out.push(at(str.slice(k, k + size), x + k * height * 0.5, y, height));
  return out;
}

test('a one-column page cut into syllable-sized pieces is read line by line: no gutter is found between pieces', () => {
  const lines = [
    'Over the fiscal year the office received more breach reports than in',
    'any year before, most of them from the financial sector and retail,',
    'and it opened investigations into eleven of them under the statute.',
    'The Commissioner remains concerned about the time organisations take',
    'to tell the people affected, which grew from weeks to several months.',
    'A second paragraph follows the first one after a wider gap on the page.',
  ];
  const items = lines.flatMap((l, k) => pieces(l, 56, 700 - k * 15 - (k === 5 ? 20 : 0)));
  const r = pdfText([page(items)]);
  assert.equal(r.text, `${lines.slice(0, 5).join(' ')}\n\n${lines[5]}\n`);
});

test('columns whose baselines do not line up (paragraph spacing in one) are still read one after the other', () => {
  const left = [
    'We have fined the company for',
    'failing to protect the data of',
    'its tenants and the applicants',
    'for its flats over two years.',
  ];
  const right = [
    'Separately, we have issued a',
    'reprimand to the council that',
    'used the same system without',
    'checking how it stored data.',
  ];
  const r = pdfText([
    page([
      ...left.map((l, k) => at(l, 56, 700 - k * 14)),
      // Shifted by half a line, as a paragraph space in the other column leaves it.
      ...right.map((l, k) => at(l, 320, 693 - k * 14)),
    ]),
  ]);
  assert.equal(r.text, `${left.join(' ')}\n\n${right.join(' ')}\n`);
});

test('a table beside a gutter is not read as two columns: its rows stay rows', () => {
  const rows: [string, string][] = [
    ['Area', 'What we do for every customer in every region'],
    ['Access', 'Single sign-on and reviews of access every quarter'],
    ['Encryption', 'AES-256 at rest on all databases and backups here'],
    ['Patching', 'Critical vulnerabilities patched within 72 hours'],
  ];
  const r = pdfText([page(rows.flatMap(([a, b], k) => [at(a, 56, 700 - k * 15), at(b, 200, 700 - k * 15)]))]);
  for (const [a, b] of rows) assert.ok(r.text.includes(`${a} ${b}`), `${a} … ${b} on one line in\n${r.text}`);
});

test('pieces on the baseline of a line that crosses the gutter belong to it: nothing falls between the bands', () => {
  const left = [
    'The inquiry found that the company',
    'had failed to secure its systems',
    'and to tell its users in time, as',
    'the law requires of a controller.',
  ];
  const right = [
    'It has three months to bring its',
    'processing into line and must',
    'report to the Commission on the',
    'steps it has taken by the summer.',
  ];
  const r = pdfText([
    page([
      // A title across the gutter, cut into pieces one of which lies wholly on the left.
      at('Commission announces €38 million ', 56, 760, 16),
      at('fine', 56 + 34 * 8, 760, 16),
      at(' on Lumora Health after inquiry', 56 + 38 * 8, 760, 16),
      ...left.map((l, k) => at(l, 56, 700 - k * 14)),
      ...right.map((l, k) => at(l, 320, 700 - k * 14)),
    ]),
  ]);
  assert.match(r.text, /^Commission announces €38 million fine on Lumora Health after inquiry\n/);
  assert.ok(r.text.includes(left.join(' ')) && r.text.includes(right.join(' ')), r.text);
});

test('a line-end hyphen written as U+2010 joins the word; two halves of a word in capitals join too', () => {
  const r = pdfText([
    page([
      at('European data protection investi\u2010', 56, 700),
      at('gators are examining the SUBCOMMITTEE ON MANU-', 56, 685),
      at('FACTURING and the EU-', 56, 670),
      at('US data flows.', 56, 655),
    ]),
  ]);
  assert.equal(
    r.text,
    'European data protection investigators are examining the SUBCOMMITTEE ON MANUFACTURING and the EU- US data flows.\n',
  );
});

test('a table’s rows and a list’s items are paragraphs of their own; one loosely justified line is not a table', () => {
  const r = pdfText([
    page([
      at('Reports received by sector in the year under review:', 56, 700),
      at('Financial', 56, 685),
      at('341', 300, 685),
      at('28%', 400, 685),
      at('Retail', 56, 670),
      at('158', 300, 670),
      at('13%', 400, 670),
      at('•', 56, 640),
      at('ask whether you still need the data you hold;', 70, 640),
      at('•', 56, 625),
      at('disable accounts as soon as', 70, 625),
      at('staff leave.', 70, 610),
      at('A justified line with', 56, 580),
      at('wide spaces', 250, 580),
      at('runs on into the next line of the same paragraph.', 56, 565),
    ]),
  ]);
  assert.equal(
    r.text,
    [
      'Reports received by sector in the year under review:',
      'Financial 341 28%',
      'Retail 158 13%',
      '• ask whether you still need the data you hold;',
      '• disable accounts as soon as staff leave.',
      'A justified line with wide spaces runs on into the next line of the same paragraph.',
    ].join('\n\n') + '\n',
  );
});

test('a running footer on the left column’s last baseline of a two-column page is left out, though read before the right column', () => {
  const column = (words: string, x: number): PdfTextItem[] =>
    [0, 1, 2, 3].map((k) => at(`${words} line ${k + 1} of the column goes on`, x, 700 - k * 14));
  const pages = [1, 2].map((n) =>
    page([
      ...column(`Left ${n}`, 56),
      ...column(`Right ${n}`, 320),
      // Chrome's footer: the page's address on the left, its number on the right.
      at('file:///home/ada/story.html', 56, 30, 8),
      at(`${n}/2`, 520, 30, 8),
    ]),
  );
  const r = pdfText(pages);
  assert.doesNotMatch(r.text, /file:|\d\/2/);
  assert.deepEqual(
    r.leftOut.map((l) => [l.page, l.role, l.text]),
    [
      [1, 'footer', 'file:///home/ada/story.html'],
      [1, 'page number', '1/2'],
      [2, 'footer', 'file:///home/ada/story.html'],
      [2, 'page number', '2/2'],
    ],
  );
});

test('a raised footnote mark in a smaller font stays in its line: no paragraph around it', () => {
  const r = pdfText([
    page([
      at('BRUSSELS, Oct 14, 2024 (Meridian', 56, 700),
      // "News)" is 5 characters of 5.5 units: the mark right after it, 3.5 units up, in 7-unit type.
      at('1', 56 + 5 * 5.5, 688.5, 7),
      at('News)', 56, 685),
      at('- European data protection investigators are examining the firm.', 56 + 6 * 5.5, 685),
    ]),
  ]);
  assert.equal(r.text, 'BRUSSELS, Oct 14, 2024 (Meridian News)1 - European data protection investigators are examining the firm.\n');
});
