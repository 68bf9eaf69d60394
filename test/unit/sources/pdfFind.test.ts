// Where an annotation's quote lies among a PDF page's pieces (core/sources/pdfFind): across
// pieces, hyphenated line ends, ligatures and soft hyphens, and over a page turn; and on the
// fixture report's real pieces read through pdf.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findQuote, occurrencesIn, type PieceSpan } from '../../../src/core/sources/pdfFind';
import { readPdf } from '../../../src/core/sources/readPdf';

const FIXTURES = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'sources');

/** The text the spans cover, piece by piece. */
function covered(pieces: readonly string[], spans: readonly PieceSpan[]): string[] {
  return spans.map((s) => (pieces[s.item] ?? '').slice(s.from, s.to));
}

test('a quote inside one piece is that piece’s characters', () => {
  const pieces = ['Our report to the ', 'Irish Data Protection Commission', ' was filed.'];
  const found = findQuote(pieces, 'Irish Data Protection Commission');
  assert.equal(found?.part, 'whole');
  assert.deepEqual(covered(pieces, found.spans), ['Irish Data Protection Commission']);
});

test('a quote over a hyphenated line end, a ligature and a soft hyphen is found in the pieces that print it', () => {
  const pieces = ['We notiﬁed the organisa-', 'tion’s cus\u00adtomers', 'within 72 hours.'];
  const found = findQuote(pieces, 'We notified the organisation’s customers within 72 hours');
  assert.equal(found?.part, 'whole');
  assert.deepEqual(covered(pieces, found.spans), ['We notiﬁed the organisa', 'tion’s cus\u00adtomers', 'within 72 hours']);
});

test('case, spaces and punctuation do not matter; the first occurrence is taken', () => {
  const pieces = ['SOC 2 Type II.', 'Our SOC\u00a02 Type II report'];
  const found = findQuote(pieces, 'soc 2 type ii');
  assert.deepEqual(found?.spans, [{ item: 0, from: 0, to: 13 }]);
});

test('over a page turn, the page before has the start of the quote and the page after its end', () => {
  const before = ['The company said it would complete the', 'migration of every', 'Page 1 of 3'];
  const after = ['Tessaline · Report', 'customer account by June 2026.', 'Other text follows here.'];
  const quote = 'The company said it would complete the migration of every customer account by June 2026.';
  const start = findQuote(before, quote);
  assert.equal(start?.part, 'start');
  assert.deepEqual(covered(before, start.spans), ['The company said it would complete the', 'migration of every']);
  const end = findQuote(after, quote);
  assert.equal(end?.part, 'end');
  assert.deepEqual(covered(after, end.spans), ['customer account by June 2026']);
});

test('a quote the page repeats is marked where the annotation is: its occurrence counted in the text before it', () => {
  const pieces = ['Under the GDPR, controllers must report', 'a breach under the GDPR within 72 hours.'];
  const text = 'Under the GDPR, controllers must report a breach under the GDPR within 72 hours.';
  const second = text.lastIndexOf('GDPR');
  const occurrence = occurrencesIn(text.slice(0, second), 'GDPR');
  assert.equal(occurrence, 1);
  assert.deepEqual(findQuote(pieces, 'GDPR', occurrence)?.spans, [{ item: 1, from: 19, to: 23 }]);
  // More than the page has (a header the text left out, say): the last it has.
  assert.deepEqual(findQuote(pieces, 'GDPR', 5)?.spans, [{ item: 1, from: 19, to: 23 }]);
  assert.deepEqual(findQuote(pieces, 'GDPR')?.spans, [{ item: 0, from: 10, to: 14 }]);
});

test('a quote the page does not have, or one without letters, is not found', () => {
  assert.equal(findQuote(['Nothing of the sort here.'], 'Irish Data Protection Commission'), undefined);
  assert.equal(findQuote(['— – …'], '— …'), undefined);
  // Fewer than eight letters in common names no place.
  assert.equal(findQuote(['ends with the Irish'], 'Irish Data Protection Commission'), undefined);
});

test('on the fixture report read through pdf.js, a quote from its text is found on its page', async () => {
  const { pages } = await readPdf(new Uint8Array(readFileSync(path.join(FIXTURES, 'report.pdf'))));
  const pieces = pages.map((p) => p.items.map((i) => i.str));
  const onPage = pieces.map((p) => findQuote(p, 'Irish Data Protection Commission')?.part);
  assert.deepEqual(onPage, [undefined, 'whole', undefined]);
});
