// W3C quote selectors read back by Apache Annotator: anchoring each exported annotation by
// its TextQuoteSelector alone must find exactly one place, the one its TextPositionSelector
// names (code points), also where paragraphs repeat and emoji make UTF-16 and code points
// differ. Contexts stay within 32 UTF-16 code units (Hypothesis's limit) unless that
// cannot be unique.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QUOTE_CONTEXT_UNITS, QuoteSelectors, uniqueQuoteSelector, type TextQuoteSelector } from '../../../src/core/export/quoteSelector';
import { exportW3c, textTargetOf, type WebAnnotation } from '../../../src/core/export/w3c';
import type { ExportDocument } from '../../../src/core/export/types';
import { OffsetMap } from '../../../src/core/text/offsets';
import { anchorInText, TextPage } from './annotator';
import { corpusDocuments, corpusWithRepeatedLede, EVERYTHING, repeatedDocument, trickyDocument } from './documents';
import { needsShared } from '../../eval/shared';

function items(doc: ExportDocument): WebAnnotation[] {
  const file = exportW3c([doc], EVERYTHING).files[0];
  assert.ok(file && typeof file.contents === 'string');
  return (JSON.parse(file.contents) as { first: { items: WebAnnotation[] } }).first.items;
}

function selectorsOf(w: WebAnnotation): { quote: TextQuoteSelector; position?: { start: number; end: number } } {
  const quote = textTargetOf(w).selector.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  assert.ok(quote, w.id);
  const position = textTargetOf(w).selector.find((s) => s.type === 'TextPositionSelector');
  return position?.type === 'TextPositionSelector' ? { quote, position: { start: position.start, end: position.end } } : { quote };
}

/** The context a 32-unit cut gives, never inside a surrogate pair: what the export starts from. */
function baseline(text: string, q: TextQuoteSelector, start: number, end: number): TextQuoteSelector {
  const map = new OffsetMap(text);
  const s = map.toUtf16(start);
  const e = map.toUtf16(end);
  let p = Math.max(0, s - QUOTE_CONTEXT_UNITS);
  if (/[\udc00-\udfff]/.test(text.charAt(p)) && p > 0) p++;
  let x = Math.min(text.length, e + QUOTE_CONTEXT_UNITS);
  if (/[\udc00-\udfff]/.test(text.charAt(x)) && x < text.length) x--;
  return { ...q, prefix: text.slice(p, s), suffix: text.slice(e, x) };
}

/**
 * Anchors every exported annotation of `doc` by its quote selector alone, with Apache
 * Annotator on plain text and on a DOM, and checks each lands on its position selector's
 * span; returns how many selectors needed more than 32 code units of context.
 */
async function checkAnchoring(doc: ExportDocument, dom = true): Promise<{ checked: number; lengthened: number }> {
  const page = dom ? new TextPage(doc.text) : undefined;
  let checked = 0;
  let lengthened = 0;
  for (const w of items(doc)) {
    const { quote, position } = selectorsOf(w);
    if (position === undefined) continue;
    const where = `${doc.path} ${w.marginalia.id} "${quote.exact}"`;
    assert.deepEqual(await anchorInText(doc.text, quote), [position], `text: ${where}`);
    assert.deepEqual(await anchorInText(doc.text, quote, 7), [position], `small chunks: ${where}`);
    if (page) assert.deepEqual(await page.anchor(quote), [position], `DOM: ${where}`);
    if (quote.prefix.length > QUOTE_CONTEXT_UNITS || quote.suffix.length > QUOTE_CONTEXT_UNITS) {
      lengthened++;
      // Longer than Hypothesis takes only because 32 code units each side match elsewhere too.
      const short = baseline(doc.text, quote, position.start, position.end);
      assert.ok((await anchorInText(doc.text, short)).length > 1, `lengthened without need: ${where}`);
    }
    checked++;
  }
  return { checked, lengthened };
}

test('repeated paragraphs and emoji: each quote selector alone anchors (Apache Annotator) exactly at its position', async () => {
  const doc = repeatedDocument();
  const { checked, lengthened } = await checkAnchoring(doc);
  assert.ok(checked >= 100, `${checked} annotations checked`);
  assert.ok(lengthened > 0, 'the repeats needed longer context');
  // What the export wrote before: the sidecar's 32 code points of context, which match the
  // repeats too (the "on Friday" found twice).
  let ambiguousBefore = 0;
  for (const a of doc.sidecar.annotations) {
    const old = { type: 'TextQuoteSelector' as const, exact: a.quote, prefix: a.prefix, suffix: a.suffix };
    if ((await anchorInText(doc.text, old)).length > 1) ambiguousBefore++;
  }
  assert.ok(ambiguousBefore > 0, 'the fixture repeats enough to fool the old selectors');
});

test('the tricky document (emoji, CRLF): every context within 32 UTF-16 code units, and each anchors at its position', async () => {
  const doc = trickyDocument();
  const { checked, lengthened } = await checkAnchoring(doc);
  assert.ok(checked > 0);
  assert.equal(lengthened, 0);
  for (const w of items(doc)) {
    const { quote } = selectorsOf(w);
    assert.ok(quote.prefix.length <= QUOTE_CONTEXT_UNITS && quote.suffix.length <= QUOTE_CONTEXT_UNITS, w.marginalia.id);
    // No half of a surrogate pair at either end of a context.
    for (const s of [quote.prefix, quote.suffix]) assert.ok(!/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(s), JSON.stringify(s));
  }
  // The sidecar keeps 32 code points, which next to an emoji is more than 32 UTF-16 units.
  assert.ok(doc.sidecar.annotations.some((a) => a.prefix.length > QUOTE_CONTEXT_UNITS || a.suffix.length > QUOTE_CONTEXT_UNITS));
});

test(
  'the shared corpus, as it is and with its first paragraph repeated: each quote selector anchors at its position',
  needsShared('corpus', "quote selectors on the shared corpus's documents, read by Apache Annotator"),
  async () => {
    const docs = [...corpusDocuments(), ...corpusWithRepeatedLede()];
    assert.equal(docs.length, 6);
    let lengthened = 0;
    for (const doc of docs) {
      const result = await checkAnchoring(doc, doc.path.startsWith('repeated/'));
      assert.ok(result.checked > 0, doc.path);
      lengthened += result.lengthened;
    }
    assert.ok(lengthened > 0, 'a repeated lede needs longer context');
  },
);

/** Where `pattern` starts in `text`, overlapping occurrences included (as Apache Annotator finds them). */
function occurrences(text: string, pattern: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(pattern); i >= 0; i = text.indexOf(pattern, i + 1)) out.push(i);
  return out;
}

test('uniqueQuoteSelector: as short as will do, in UTF-16 code units, never splitting a pair', () => {
  const at = (text: string, quote: string, nth = 0): TextQuoteSelector => {
    let i = -1;
    for (let n = 0; n <= nth; n++) i = text.indexOf(quote, i + 1);
    return uniqueQuoteSelector(text, i, i + quote.length);
  };
  // Unique already: 32 units a side at most, cut at the text's ends.
  assert.deepEqual(at('say hi there', 'hi'), { type: 'TextQuoteSelector', exact: 'hi', prefix: 'say ', suffix: ' there' });
  const x40 = 'x'.repeat(40);
  assert.deepEqual(at(`${x40}Q${x40}`, 'Q'), { type: 'TextQuoteSelector', exact: 'Q', prefix: 'x'.repeat(32), suffix: 'x'.repeat(32) });
  // Repeats: the context grows on the side where the copies differ, just far enough.
  const para = `${'p'.repeat(40)} Q ${'s'.repeat(40)}`;
  const text = `A${para}B${para}C`;
  for (const n of [0, 1]) {
    const s = at(text, 'Q', n);
    // The copies agree on 41 units each side: 42 on one side tells them apart, 32 on the other.
    assert.deepEqual(occurrences(text, s.prefix + s.exact + s.suffix).length, 1);
    assert.deepEqual(
      [s.prefix.length, s.suffix.length].sort((a, b) => a - b),
      [32, 42],
    );
  }
  // Overlapping repeats of one letter: each place told apart by reaching an end of the run.
  const run = `<${'a'.repeat(80)}>`;
  for (let i = 1; i + 3 <= 81; i += 9) {
    const s = uniqueQuoteSelector(run, i, i + 3);
    const pattern = s.prefix + s.exact + s.suffix;
    assert.deepEqual(occurrences(run, pattern), [i - s.prefix.length], `${i}`);
  }
  // 32 units would end inside an emoji: 31, not half a pair.
  const emoji = `${'😀'.repeat(20)}Q${'😀'.repeat(20)}`;
  const e = at(emoji, 'Q');
  assert.deepEqual([e.prefix.length, e.suffix.length], [32, 32]);
  const odd = `x${'😀'.repeat(20)}Q${'😀'.repeat(20)}x`;
  const o = at(odd, 'Q');
  assert.equal(o.prefix, '😀'.repeat(16));
  // Lengthened across emoji: never split either.
  const twice = `${'😀'.repeat(30)}Q${'😀'.repeat(30)}`;
  const t2 = `a${twice}b${twice}c`;
  for (const n of [0, 1]) {
    const s = at(t2, 'Q', n);
    for (const c of [s.prefix, s.suffix]) assert.ok(!/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(c));
    assert.equal(occurrences(t2, s.prefix + s.exact + s.suffix).length, 1);
  }
});

test('an orphan keeps its stored context, cut to 32 UTF-16 code units beside the quote', () => {
  const selectors = new QuoteSelectors('nothing here');
  const s = selectors.forAnnotation({
    quote: 'gone',
    prefix: `${'a'.repeat(20)}${'😀'.repeat(10)}`,
    suffix: `${'😀'.repeat(10)}${'b'.repeat(20)}`,
    start: 0,
    end: 4,
    orphaned: true,
  });
  assert.equal(s.prefix, `${'a'.repeat(12)}${'😀'.repeat(10)}`);
  assert.equal(s.suffix, `${'😀'.repeat(10)}${'b'.repeat(12)}`);
});
