import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitSentences } from '../../../src/core/text/sentences';

function texts(text: string): string[] {
  return splitSentences(text).map((s) => s.text);
}

test('splits plain sentences and trims the whitespace after each', () => {
  assert.deepEqual(texts('The firm grew. It hired staff!  Did it pay?   '), ['The firm grew.', 'It hired staff!', 'Did it pay?']);
});

test('offsets are relative to the base and match the text', () => {
  const doc = 'Heading\n\nThe firm grew. It hired 100 staff.';
  const base = doc.indexOf('The');
  const sentences = splitSentences(doc.slice(base), base);
  assert.equal(sentences.length, 2);
  for (const s of sentences) assert.equal(doc.slice(s.start, s.end), s.text);
});

test('titles, initials and months before a number do not end a sentence', () => {
  assert.deepEqual(texts('Mr. Smith and Dr. Jones met Sen. Blackburn. They agreed.'), [
    'Mr. Smith and Dr. Jones met Sen. Blackburn.',
    'They agreed.',
  ]);
  assert.deepEqual(texts('By V. Jay La Rosa, security chief. He wrote it.'), ['By V. Jay La Rosa, security chief.', 'He wrote it.']);
  assert.deepEqual(texts('It launched on Jan. 5 and Sept. 12 in two markets. Sales rose.'), [
    'It launched on Jan. 5 and Sept. 12 in two markets.',
    'Sales rose.',
  ]);
});

test('U.S., D.C., Corp. and Inc. end a sentence only before a sentence opener', () => {
  assert.deepEqual(texts('The U.S. Senate voted. It works with Oracle Corp. on safeguards.'), [
    'The U.S. Senate voted.',
    'It works with Oracle Corp. on safeguards.',
  ]);
  assert.deepEqual(texts('It has staff in Washington, D.C. Our goal is to hire more.'), [
    'It has staff in Washington, D.C.',
    'Our goal is to hire more.',
  ]);
  assert.deepEqual(texts('It opened an office in the U.S. The office has 40 staff.'), [
    'It opened an office in the U.S.',
    'The office has 40 staff.',
  ]);
  assert.deepEqual(texts('Shares of Example Inc. rose 3% and Acme Corp. Chief Executive Jo Li resigned.'), [
    'Shares of Example Inc. rose 3% and Acme Corp. Chief Executive Jo Li resigned.',
  ]);
  assert.deepEqual(texts('Data such as e.g. logs is kept. Then it is deleted.'), [
    'Data such as e.g. logs is kept.',
    'Then it is deleted.',
  ]);
});

test('sentences glued without a space are split', () => {
  assert.deepEqual(texts('It is the best app for now.Everyday, people use it.'), [
    'It is the best app for now.',
    'Everyday, people use it.',
  ]);
  // …but not file names, domains or decimals.
  assert.deepEqual(texts('See Node.js and example.com for details. Version 2.5 shipped.'), [
    'See Node.js and example.com for details.',
    'Version 2.5 shipped.',
  ]);
});

test('a full stop inside a reference ends no sentence', () => {
  // The segmenter breaks after a digit's full stop before a capital ("1.E"); a glued
  // sentence after a word ("in 2025.The") is still split.
  assert.deepEqual(texts('Patch listed vulnerabilities first (CPG 1.E; CIS Control 7; ID.RA-01). Then rebuild.'), [
    'Patch listed vulnerabilities first (CPG 1.E; CIS Control 7; ID.RA-01).',
    'Then rebuild.',
  ]);
  assert.deepEqual(texts('We fixed it in 2025.The company said so.'), ['We fixed it in 2025.', 'The company said so.']);
});

test('curly quotes stay with their sentence', () => {
  assert.deepEqual(texts('“We will comply,” she said. “We always have.” Then she left.'), [
    '“We will comply,” she said.',
    '“We always have.”',
    'Then she left.',
  ]);
});

test('line breaks inside a block do not end a sentence', () => {
  assert.deepEqual(texts('The company said it had moved\nall data to new servers. It\r\nwill delete backups.'), [
    'The company said it had moved\nall data to new servers.',
    'It\r\nwill delete backups.',
  ]);
});

test('a leading emoji, bullet or list marker is not part of the sentence', () => {
  const text = '🔒 We encrypt all data. • We log access.';
  const sentences = splitSentences(text, 10);
  assert.deepEqual(
    sentences.map((s) => s.text),
    ['We encrypt all data.', 'We log access.'],
  );
  for (const s of sentences) assert.equal(text.slice(s.start - 10, s.end - 10), s.text);
  assert.deepEqual(texts('- Build a new data centre'), ['Build a new data centre']);
  assert.deepEqual(texts('12. Rotate keys'), ['Rotate keys']);
  assert.deepEqual(texts('# Our plans'), ['Our plans']);
});

test('NBSP counts as a space', () => {
  assert.deepEqual(texts('It grew.\u00a0It hired\u00a0staff.\u00a0'), ['It grew.', 'It hired\u00a0staff.']);
});

test('a span with no letter or digit is dropped', () => {
  assert.deepEqual(texts('It grew. *** !!!'), ['It grew.']);
  assert.deepEqual(texts(''), []);
});

test('property: sentences are ordered, disjoint, trimmed and match the text', () => {
  const piece = fc.constantFrom(
    'The firm grew.',
    ' ',
    '\n',
    'Mr.',
    'U.S.',
    'D.C.',
    'now.Everyday',
    '“Yes,” she said.',
    '🔒',
    '\u00a0',
    'It will hire 100 staff',
    '?',
    '!',
    'e.g.',
    'Corp.',
    'V.',
    'Jay',
    'the',
    '-',
    '•',
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), fc.nat(1000), (pieces, base) => {
      const text = pieces.join('');
      let last = base;
      for (const s of splitSentences(text, base)) {
        assert.ok(s.start >= last && s.end > s.start);
        assert.equal(text.slice(s.start - base, s.end - base), s.text);
        assert.equal(s.text, s.text.trim());
        last = s.end;
      }
    }),
  );
});

test('a very long block is split the same way, in linear time', () => {
  const paragraph = 'Acme Corp. said it had moved data to the U.S. It will hire 100 staff. ';
  const text = paragraph.repeat(2000);
  const sentences = splitSentences(text);
  assert.equal(sentences.length, 4000);
  assert.equal(sentences[0]?.text, 'Acme Corp. said it had moved data to the U.S.');
  assert.equal(sentences[3999]?.text, 'It will hire 100 staff.');
});

test('a list marker alone on its line is not part of the sentence on the next', () => {
  assert.deepEqual(texts('- \nThe firm grew.'), ['The firm grew.']);
});

test('statute citations do not end a sentence: chapters, state abbreviations and section signs', () => {
  assert.deepEqual(texts('It violated the notification law, G.L. c. 93H, and 201 CMR 17.00. It settled.'), [
    'It violated the notification law, G.L. c. 93H, and 201 CMR 17.00.',
    'It settled.',
  ]);
  assert.deepEqual(texts('The complaint cites Wis. Stat. § 134.98 and seeks damages. The firm denied it.'), [
    'The complaint cites Wis. Stat. § 134.98 and seeks damages.',
    'The firm denied it.',
  ]);
  // No sentence opens with a section sign or an ampersand after an abbreviation.
  assert.deepEqual(texts('Pursuant to 18 C.F.R. § 39.7(e), the penalty takes effect. It was paid.'), [
    'Pursuant to 18 C.F.R. § 39.7(e), the penalty takes effect.',
    'It was paid.',
  ]);
  assert.deepEqual(texts('See III FERC Stats. & Regs. ¶ 31,204 (2006). It was cited.'), [
    'See III FERC Stats. & Regs. ¶ 31,204 (2006).',
    'It was cited.',
  ]);
  assert.deepEqual(texts('Write to Av. Isidora Goyenechea 3162, Santiago. We reply.'), [
    'Write to Av. Isidora Goyenechea 3162, Santiago.',
    'We reply.',
  ]);
  // A state's abbreviation still ends a sentence before a sentence opener.
  assert.deepEqual(texts('The firm moved to Mass. The office opened in May.'), ['The firm moved to Mass.', 'The office opened in May.']);
});

test('"par." before a number does not end a sentence', () => {
  assert.deepEqual(texts('The Authority weighed article 83 par. 2 GDPR. It fined the firm.'), [
    'The Authority weighed article 83 par. 2 GDPR.',
    'It fined the firm.',
  ]);
});
