import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { resplitBlocks, splitBlocks, splitBlocksInSteps, type Block, type BlockKind } from '../../../src/core/text/blocks';
import { changedSpan } from '../../../src/core/text/diff';
import { applyEdit, editArb, pieceText, realTexts } from './edits';

function content(text: string): Array<[BlockKind, string]> {
  return splitBlocks(text)
    .filter((b) => b.kind !== 'blank')
    .map((b) => [b.kind, b.text]);
}

function assertTiles(text: string, blocks: Block[]): void {
  let pos = 0;
  for (const b of blocks) {
    assert.equal(b.start, pos, `block starts where the previous ended: ${JSON.stringify(b)}`);
    assert.ok(b.end > b.start, 'blocks are not empty');
    assert.equal(b.text, text.slice(b.start, b.end));
    if (b.kind === 'blank') assert.match(b.text, /^\s*$/u);
    else assert.equal(b.text, b.text.trim(), 'content blocks hold no surrounding whitespace');
    pos = b.end;
  }
  assert.equal(pos, text.length);
}

test('blank lines separate paragraphs, and blocks tile the text', () => {
  const text = 'First paragraph has two sentences. It goes on.\n\nSecond paragraph is here.\n';
  const blocks = splitBlocks(text);
  assertTiles(text, blocks);
  assert.deepEqual(content(text), [
    ['paragraph', 'First paragraph has two sentences. It goes on.'],
    ['paragraph', 'Second paragraph is here.'],
  ]);
});

test('an empty or whitespace-only text has no content blocks', () => {
  assert.deepEqual(splitBlocks(''), []);
  const text = '  \n\n\u00a0\n';
  assertTiles(text, splitBlocks(text));
  assert.deepEqual(content(text), []);
});

test('Markdown, Title Case, ALL CAPS and lone unpunctuated lines are headings', () => {
  const text = [
    '# Security at Example',
    '',
    'Our Plans For The Year',
    '',
    'Build a better audit trail',
    '',
    'Example has hired a new security chief. She starts in May.',
    'KEY FINDINGS',
    'The audit found no critical issues.',
  ].join('\n');
  assert.deepEqual(content(text), [
    ['heading', '# Security at Example'],
    ['heading', 'Our Plans For The Year'],
    ['heading', 'Build a better audit trail'],
    ['paragraph', 'Example has hired a new security chief. She starts in May.'],
    ['heading', 'KEY FINDINGS'],
    ['paragraph', 'The audit found no critical issues.'],
  ]);
});

test('a setext underline makes the line above a heading; a lone one is a rule', () => {
  const text = 'Data Handling\n=============\n\nWe keep logs for a year.\n\n---\n\nMore text follows here.';
  assert.deepEqual(content(text), [
    ['heading', 'Data Handling\n============='],
    ['paragraph', 'We keep logs for a year.'],
    ['rule', '---'],
    ['paragraph', 'More text follows here.'],
  ]);
});

test('bullet items are blocks of their own, with their wrapped lines', () => {
  const text = [
    'Our roadmap has three parts:',
    '  • Build a new data centre',
    '  • Hire 100 engineers',
    '- Publish a report',
    '  twice a year',
    '* Open a center',
    '1. Encrypt all backups',
    '2) Rotate keys monthly',
    'After the list comes prose.',
  ].join('\n');
  assert.deepEqual(content(text), [
    ['paragraph', 'Our roadmap has three parts:'],
    ['bullet', '• Build a new data centre'],
    ['bullet', '• Hire 100 engineers'],
    ['bullet', '- Publish a report\n  twice a year'],
    ['bullet', '* Open a center'],
    ['bullet', '1. Encrypt all backups'],
    ['bullet', '2) Rotate keys monthly'],
    ['paragraph', 'After the list comes prose.'],
  ]);
});

test('a numbered line alone between blank lines is a section heading', () => {
  const text = '2. Information we collect\n\nWe collect your name.\n\n3. How we use it\n\n1. Encrypt backups\n2. Rotate keys';
  assert.deepEqual(
    content(text).map(([k]) => k),
    ['heading', 'paragraph', 'heading', 'bullet', 'bullet'],
  );
  // A reference in brackets closing it does not make it a sentence.
  const breaches =
    '1. Failure to comply with the rules on cookies (Article 82 of the French Data Protection Act)\n\nEleven cookies were placed.\n\n' +
    '2. The company failed to encrypt the backups it kept for more than three years at its Paris site (Article 32)\n\nIt said so.';
  assert.deepEqual(
    content(breaches).map(([k]) => k),
    ['heading', 'paragraph', 'bullet', 'paragraph'],
  );
});

test('bylines and image credits are recognised', () => {
  const text = 'By Jane Q. Doe, Staff Writer, Example News\n\nImage: Reuters |\nThe company said on Monday it would comply.';
  assert.deepEqual(content(text), [
    ['byline', 'By Jane Q. Doe, Staff Writer, Example News'],
    ['caption', 'Image: Reuters |'],
    ['paragraph', 'The company said on Monday it would comply.'],
  ]);
});

test('"By" followed by a date or a phrase is not a byline', () => {
  assert.deepEqual(content('By March the company will have moved all data.'), [
    ['paragraph', 'By March the company will have moved all data.'],
  ]);
  assert.deepEqual(content('By the end of 2024, all data will be encrypted.'), [
    ['paragraph', 'By the end of 2024, all data will be encrypted.'],
  ]);
});

test('wire copy with one paragraph per line gives one block per line', () => {
  const text = 'The firm said it would comply.\nRegulators welcomed the move.\n"We are pleased," a spokesman said.';
  assert.deepEqual(
    content(text).map(([k]) => k),
    ['paragraph', 'paragraph', 'paragraph'],
  );
});

test('hard-wrapped lines of one paragraph stay together', () => {
  const text =
    'The company said on Monday that it had moved\nall user data to servers in the U.S. and\nTikTok would delete the backups. Then it left.';
  assert.deepEqual(content(text), [['paragraph', text]]);
});

test('a line ending in a title abbreviation goes on to the next line', () => {
  const text = 'The letter was signed by Sen.\nBlackburn and two colleagues.';
  assert.deepEqual(content(text), [['paragraph', text]]);
});

test('CRLF, a BOM and NBSP are handled as line breaks and whitespace', () => {
  const text = '\uFEFFFirst paragraph here is long enough.\r\n\r\n\u00a0\r\nSecond\u00a0paragraph is here too.\r\n';
  const blocks = splitBlocks(text);
  assertTiles(text, blocks);
  assert.deepEqual(content(text), [
    ['paragraph', 'First paragraph here is long enough.'],
    ['paragraph', 'Second\u00a0paragraph is here too.'],
  ]);
  const [bom] = blocks;
  assert.ok(bom !== undefined);
  assert.equal(bom.kind, 'blank');
  assert.equal(bom.text, '\uFEFF');
});

test('a lone CR also breaks lines', () => {
  assert.deepEqual(content('One line ends here.\r\rAnother starts here.'), [
    ['paragraph', 'One line ends here.'],
    ['paragraph', 'Another starts here.'],
  ]);
});

const LINES = [
  'The company said it will hire 100 engineers.',
  'OUR COMMITMENTS',
  '• Build a secure platform',
  '- Publish reports',
  'and then it went on without a stop',
  'Data is encrypted at rest.',
  '',
  '   ',
  '# Heading',
  'Mr.',
  'By Jane Doe, Example Corp',
  '"We deny it," she said.',
  '===',
  'Short Title',
];

test('property: blocks always tile the text', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
      const text = lines.join(eol);
      assertTiles(text, splitBlocks(text));
    }),
  );
});

function boundaries(text: string): Set<number> {
  const out = new Set<number>();
  for (const b of splitBlocks(text)) {
    if (b.kind === 'blank') continue;
    out.add(b.start);
    out.add(b.end);
  }
  return out;
}

test('property: an edit moves no block boundary more than two lines away', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 25 }),
      fc.nat(),
      fc.constantFrom(...LINES),
      (lines, at, replacement) => {
        const k = at % lines.length;
        const before = lines.join('\n');
        const edited = [...lines];
        edited[k] = replacement;
        const after = edited.join('\n');
        const delta = after.length - before.length;
        // Offsets where lines k-2 .. k+2 start and end, in the old text.
        const starts: number[] = [];
        let pos = 0;
        for (const l of lines) {
          starts.push(pos);
          pos += l.length + 1;
        }
        const lo = starts[Math.max(0, k - 2)] ?? 0;
        const hiLine = Math.min(lines.length - 1, k + 2);
        const hi = (starts[hiLine] ?? 0) + (lines[hiLine]?.length ?? 0);
        const editStart = starts[k] ?? 0;
        const oldB = boundaries(before);
        const newB = boundaries(after);
        for (const b of oldB) {
          if (b >= lo && b <= hi) continue;
          const moved = b > editStart ? b + delta : b;
          assert.ok(newB.has(moved), `boundary ${b} (line ${k} edited) kept as ${moved}`);
        }
      },
    ),
  );
});

test('re-splitting after an edit gives what splitting the new text gives (generated text)', () => {
  fc.assert(
    fc.property(pieceText(120), fc.array(editArb(), { minLength: 1, maxLength: 6 }), (start, edits) => {
      let text = start;
      let blocks = splitBlocks(text);
      for (const edit of edits) {
        const next = applyEdit(text, edit);
        const change = changedSpan(text, next);
        if (change !== undefined) blocks = resplitBlocks(blocks, next, change).blocks;
        text = next;
        assert.deepEqual(blocks, splitBlocks(text));
      }
    }),
    { numRuns: 3000 },
  );
});

test('re-splitting after an edit gives what splitting the new text gives (real documents)', () => {
  const texts = realTexts();
  fc.assert(
    fc.property(fc.nat(texts.length - 1), fc.array(editArb(12), { minLength: 1, maxLength: 4 }), (which, edits) => {
      let text = texts[which] as string;
      let blocks = splitBlocks(text);
      for (const edit of edits) {
        const next = applyEdit(text, edit);
        const change = changedSpan(text, next);
        if (change !== undefined) {
          const r = resplitBlocks(blocks, next, change);
          // Only the runs around the change are split again.
          assert.ok(r.to - r.from <= Math.max(40, r.blocks.length), 'the re-split stretch is local');
          blocks = r.blocks;
        }
        text = next;
        assert.deepEqual(blocks, splitBlocks(text));
      }
    }),
    { numRuns: 400 },
  );
});

test('re-splitting keeps the blocks before the change and moves those after it', () => {
  const text = 'First paragraph here.\n\nSecond paragraph here.\n\nThird paragraph here.\n\nFourth one.';
  const blocks = splitBlocks(text);
  const next = text.replace('Second paragraph', 'Second, longer paragraph');
  const change = changedSpan(text, next);
  assert.ok(change);
  const r = resplitBlocks(blocks, next, change);
  assert.equal(r.blocks[0], blocks[0], 'the same object before the change');
  assert.deepEqual(r.blocks, splitBlocks(next));
  assert.ok(r.to < r.blocks.length, 'blocks after the change are taken over');
  assert.equal(r.blocks.length - r.to, blocks.length - r.oldTo);
});

test('menus, breadcrumbs and cookie bars are site chrome, not prose; table rows are not', () => {
  const text = [
    'Home | Newsroom | Press releases | Contact',
    '',
    'Home / Newsroom / Enforcement / 2026',
    '',
    'Privacy › Cookies › Settings',
    '',
    '| Control | Status |',
    '|---|---|',
    '| Encryption at rest | Done |',
  ].join('\n');
  const kinds = content(text).map(([k]) => k);
  assert.deepEqual(kinds.slice(0, 3), ['chrome', 'chrome', 'chrome']);
  assert.ok(!kinds.slice(3).includes('chrome'), `a Markdown table is not chrome: ${JSON.stringify(content(text))}`);
});

test('a sentence that happens to hold a slash or a pipe stays a paragraph', () => {
  const text = 'The company said its SOC 2 / ISO 27001 programme covers every region and will be audited again in May.';
  assert.deepEqual(content(text), [['paragraph', text]]);
});

test('short label lines above prose are blocks of their own', () => {
  const text = [
    'Data retention',
    'Customer data is deleted within 30 days of the end of a contract.',
    'Encryption',
    'All data is encrypted at rest.',
  ].join('\n');
  const blocks = content(text);
  assert.equal(blocks.length, 4, JSON.stringify(blocks));
  assert.deepEqual(
    blocks.map(([, t]) => t),
    ['Data retention', 'Customer data is deleted within 30 days of the end of a contract.', 'Encryption', 'All data is encrypted at rest.'],
  );
  assert.equal(blocks[0]?.[0], 'heading');
  assert.equal(blocks[1]?.[0], 'paragraph');
});

test('a lone unterminated line between blank lines is a heading, a long one with a sentence in it is not', () => {
  assert.deepEqual(content('Intro.\n\nRegulator fines lender over leaked passport scans\n\nMore text follows here.'), [
    ['paragraph', 'Intro.'],
    ['heading', 'Regulator fines lender over leaked passport scans'],
    ['paragraph', 'More text follows here.'],
  ]);
  const inner = 'The lender said it was sorry. It has since hired a firm to review its systems and will report back to customers';
  assert.equal(content(`Intro.\n\n${inner}\n\nEnd.`)[1]?.[0], 'paragraph');
});

test('a hard-wrapped paragraph whose lines end without punctuation stays one block', () => {
  const text = [
    'The regulator said the lender had kept scans of passports and driving',
    'licences for years after applications were rejected, and that it had',
    'not tested its controls since 2021.',
  ].join('\n');
  assert.deepEqual(content(text), [['paragraph', text]]);
});

test('a line between site furniture and a blank line is apart like a lone line; a sentence that lost its full stop is not a heading', () => {
  assert.deepEqual(
    content('Home > News > Releases\nRegulator announces €2 million fine on Harbourline Energy following a binding decision\n\nBody text.'),
    [
      ['chrome', 'Home > News > Releases'],
      ['heading', 'Regulator announces €2 million fine on Harbourline Energy following a binding decision'],
      ['paragraph', 'Body text.'],
    ],
  );
  const lost = 'On Wednesday 21st October, while investigating slow pages, Harbourline discovered that it had been attacked';
  assert.equal(content(`Notes\n\n${lost}\n\nMore.`)[1]?.[0], 'paragraph');
  assert.equal(content('Intro.\n\nItem 1.05 Material Cybersecurity Incidents.\n\nOn March 2 we found it.')[1]?.[0], 'heading');
});

test('splitting in steps gives what splitting at once gives, whatever the step', () => {
  const run = (text: string, step: number): Block[] => {
    const steps = splitBlocksInSteps(text, step);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  };
  fc.assert(
    fc.property(pieceText(150), fc.integer({ min: 1, max: 400 }), (text, step) => {
      assert.deepEqual(run(text, step), splitBlocks(text));
    }),
    { numRuns: 2000 },
  );
  for (const text of realTexts()) assert.deepEqual(run(text, 2000), splitBlocks(text));
});
