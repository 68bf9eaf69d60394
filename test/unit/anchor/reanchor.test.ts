import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchorAt } from '../../../src/core/anchor/context';
import { reanchor, type AnchorToFind } from '../../../src/core/anchor/reanchor';
import type { Anchor } from '../../../src/core/anchor/types';

const DOC = [
  'By A. Writer, Security Team',
  '',
  'We will rotate all production keys every ninety days. Our auditors confirmed this in March 2021. The programme follows ISO 27001.',
  '',
  'Critics say the schedule is too slow. We disagree with that view. The company said it had no evidence of misuse.',
  '',
  'Finally, we will publish a transparency report in 2022.',
].join('\n');

function one<T>(list: readonly T[]): T {
  assert.equal(list.length, 1);
  return list[0] as T;
}

function at(quote: string, text = DOC, nth = 0): { start: number; end: number; quote: string; prefix: string; suffix: string } {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(quote, i + 1);
  assert.ok(i >= 0, quote);
  return anchorAt(text, i, i + quote.length);
}

test('unchanged text: every anchor unchanged', () => {
  const anchors = ['ISO 27001', 'March 2021', 'We disagree with that view.'].map((q) => at(q));
  assert.deepEqual(
    reanchor(anchors, DOC).map((r) => r.state),
    ['unchanged', 'unchanged', 'unchanged'],
  );
});

test('text inserted and deleted elsewhere: moved, with new offsets and context', () => {
  const a = at('March 2021');
  const edited = 'NEW HEADLINE\n\n' + DOC.replace('Critics say the schedule is too slow. ', '');
  const r = one(reanchor([a], edited));
  assert.equal(r.state, 'moved');
  assert.equal(edited.slice(r.start, r.end), 'March 2021');
  assert.equal(r.score, 1);
});

test('a typo fixed inside the quote: fuzzy, quote updated', () => {
  const a = at('We will rotate all production keys every ninety days.');
  const edited = DOC.replace('every ninety days', 'every 90 days');
  const r = one(reanchor([a], edited));
  assert.equal(r.state, 'fuzzy');
  assert.equal(r.quote, 'We will rotate all production keys every 90 days.');
});

test('deleted text is orphaned, never attached to a look-alike elsewhere', () => {
  const a = at('We disagree with that view.');
  const edited = DOC.replace('We disagree with that view. ', '') + '\n\nWe agree with that view.';
  const r = one(reanchor([a], edited));
  assert.equal(r.state, 'orphaned');
  assert.equal(r.quote, 'We disagree with that view.');
  assert.equal(r.orphaned, true);
  const short = at('2022');
  const s = one(reanchor([short], DOC.replace('in 2022', 'soon') + ' Revenue grew in 2022 overall.'));
  assert.equal(s.state, 'orphaned');
});

test('a duplicated paragraph does not take the anchor; the original keeps it', () => {
  const para = DOC.split('\n\n')[1] as string;
  const anchors = [at('ISO 27001'), at('March 2021'), at('Critics say'), at('By A. Writer')];
  for (const edited of [
    DOC + '\n\n' + para,
    DOC.replace('Critics say', para + '\n\nCritics say'),
    'Intro.\n\n' + DOC.replace('Finally,', para + '\n\nFinally,'),
  ]) {
    const rs = reanchor(anchors, edited);
    rs.forEach((r, i) => {
      const truth = edited.indexOf(anchors[i]?.quote as string, edited.indexOf('By A. Writer'));
      assert.equal(r.start, truth, `${anchors[i]?.quote} in ${JSON.stringify(edited.slice(0, 60))}`);
    });
  }
});

test('repeats whose context no longer matches are orphaned; with matching context the nearest wins', () => {
  const lost = anchorAt('alpha Yes. omega', 6, 10);
  const r = one(reanchor([lost], 'Yes. '.repeat(10)));
  assert.equal(r.state, 'orphaned');
  const kept = anchorAt('a. Yes. Yes. Yes. b', 8, 12);
  const k = one(reanchor([kept], 'Intro. a. Yes. Yes. Yes. b a. Yes. Yes. Yes. b. End.'));
  assert.equal(k.start, 15);
});

test('CRLF line endings and reflowed lines still anchor, with real offsets', () => {
  const a = at('Our auditors confirmed this in March 2021.');
  const crlf = DOC.replace(/\n/g, '\r\n');
  const r = one(reanchor([a], crlf));
  assert.equal(crlf.slice(r.start, r.end), 'Our auditors confirmed this in March 2021.');
  const reflowed = DOC.replace('auditors confirmed', 'auditors\n  confirmed').replace(/\n/g, '\r\n');
  const w = one(reanchor([a], reflowed));
  assert.equal(w.state, 'fuzzy');
  assert.equal(w.quote, 'Our auditors\r\n  confirmed this in March 2021.');
  const nbsp = DOC.replace('ISO 27001', 'ISO\u00a027001');
  const n = one(reanchor([at('ISO 27001')], nbsp));
  assert.equal(n.quote, 'ISO\u00a027001');
});

test('an orphan comes back when its text returns', () => {
  const a = { ...at('We disagree with that view.'), orphaned: true };
  const r = one(reanchor([a], DOC));
  assert.equal(r.state, 'moved');
  assert.equal(r.orphaned, undefined);
});

test('results keep the order of the input', () => {
  const anchors = [at('2022'), at('By A. Writer'), at('ISO 27001')];
  const rs = reanchor(anchors, 'Prefix. ' + DOC);
  assert.deepEqual(
    rs.map((r) => r.quote),
    ['2022', 'By A. Writer', 'ISO 27001'],
  );
});

/** The anchor as a client that kept no position hands it over (a W3C TextQuoteSelector alone). */
function quoteOnly(a: Anchor): AnchorToFind {
  return { quote: a.quote, prefix: a.prefix, suffix: a.suffix, start: 0, end: 0, positionUnknown: true };
}

test('position unknown: each copy of a quote found by the context that tells it apart, not near an offset of 0', () => {
  const text = DOC + '\n\nAppendix: Our auditors confirmed this in March 2021.';
  const first = at('March 2021', text);
  const second = at('March 2021', text, 1);
  const rs = reanchor([quoteOnly(second), quoteOnly(first)], text);
  assert.deepEqual(
    rs.map((r) => [r.start, r.state]),
    [
      [second.start, 'moved'],
      [first.start, 'moved'],
    ],
  );
  // Placed among anchors that have positions, it leaves theirs as they were.
  const positioned = [at('ISO 27001', text), at('By A. Writer', text)];
  const alone = reanchor(positioned, 'Intro. ' + text);
  const mixed = reanchor([quoteOnly(second), ...positioned, quoteOnly(first)], 'Intro. ' + text);
  assert.deepEqual(mixed.slice(1, 3), alone);
  assert.deepEqual([mixed[0]?.start, mixed[3]?.start], [second.start + 7, first.start + 7]);
});

test("position unknown: copies its context does not tell apart are ambiguous, also once one copy's context was edited; a longer context places it", () => {
  const para = DOC.split('\n\n')[1] as string;
  const text = `${para}\n\n${para}`;
  const meant = at('March 2021', text);
  assert.equal(one(reanchor([quoteOnly(meant)], text)).state, 'orphaned');
  // A typo just before the quote in the copy meant: the other copy now keeps the whole
  // context, but that says nothing of which copy was meant (nor does it with a position).
  const edited = text.replace('auditors confirmed this', 'auditors confirmd this');
  assert.equal(one(reanchor([quoteOnly(meant)], edited)).state, 'orphaned');
  assert.equal(one(reanchor([meant], edited)).state, 'orphaned');
  // The second copy's context lengthened back over the paragraph break, as the W3C export
  // lengthens a selector until it fits once: placed, and still after the other copy was edited.
  const second = at('March 2021', text, 1);
  const lengthened = { ...quoteOnly(second), prefix: text.slice(text.indexOf('\n\n'), second.start) };
  assert.equal(one(reanchor([lengthened], text)).start, second.start);
  assert.equal(one(reanchor([lengthened], text.replace('every ninety days', 'every 90 days'))).start, second.start - 4);
  // Unless the edit makes the other copy fit it too (a paragraph break before the first).
  assert.equal(one(reanchor([lengthened], `Intro.\n\n${text}`)).state, 'orphaned');
});

test('position unknown: a typo in the quote is found anywhere by similarity; text that is gone is orphaned', () => {
  const a = quoteOnly(at('We will rotate all production keys every ninety days.'));
  const edited = 'A new first paragraph.\n\n' + DOC.replace('every ninety days', 'every 90 days');
  const r = one(reanchor([a], edited));
  assert.equal(r.state, 'fuzzy');
  assert.equal(r.quote, 'We will rotate all production keys every 90 days.');
  const gone = one(
    reanchor(
      [quoteOnly(at('We disagree with that view.'))],
      DOC.replace('We disagree with that view. ', '') + '\n\nWe agree with that view.',
    ),
  );
  assert.equal(gone.state, 'orphaned');
});

test('position unknown: two annotations of different text cannot share a place; one span annotated twice shares it', () => {
  const iso = quoteOnly(at('ISO 27001'));
  const misspelt = { ...iso, quote: 'ISO 2700l' };
  assert.equal(one(reanchor([misspelt], DOC)).start, DOC.indexOf('ISO 27001'), 'alone, the misspelt one is found approximately');
  const rs = reanchor([misspelt, iso, { ...iso }], DOC);
  assert.deepEqual(
    rs.map((r) => r.state),
    ['orphaned', 'moved', 'moved'],
  );
  assert.equal(rs[1]?.start, rs[2]?.start);
});
