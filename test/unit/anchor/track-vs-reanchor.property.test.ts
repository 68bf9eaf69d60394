import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { anchorAt } from '../../../src/core/anchor/context';
import { reanchor } from '../../../src/core/anchor/reanchor';
import { applyChanges } from '../../../src/core/anchor/track';
import type { Anchor, TextChange } from '../../../src/core/anchor/types';

// Filler is lower-case; every quote carries an upper-case marker, so no edit can create
// a second copy of a quote and the two methods must agree exactly. Quotes are at least
// 32 characters: once edits have destroyed a quote's context on both sides, re-anchoring
// deliberately orphans shorter ones (stock phrases such as "by the end of the year"
// recur), where live tracking still follows them.
const filler = fc
  .array(fc.constantFrom('the', 'data', 'is', 'stored', 'and', 'we', 'said', 'café', '😀', ' ', ' ', '\n', '\r\n', '\u00a0', '. '), {
    minLength: 1,
    maxLength: 12,
  })
  .map((w) => w.join(''));
const quoteBody = fc
  .array(fc.constantFrom('keys', 'rotate', 'audit', 'we', 'will', 'soc', '2', '😀'), { minLength: 2, maxLength: 6 })
  .map((w) => w.join(' '));

interface RawChange {
  at: number;
  remove: number;
  insert: string;
}
const rawEvent = fc.array(fc.record({ at: fc.nat(), remove: fc.nat(15), insert: filler }), { minLength: 1, maxLength: 3 });

test('live tracking through random edits outside the quotes ends where re-anchoring finds them', () => {
  fc.assert(
    fc.property(
      fc.array(filler, { minLength: 4, maxLength: 8 }),
      fc.array(quoteBody, { minLength: 1, maxLength: 4 }),
      fc.array(rawEvent, { maxLength: 12 }),
      (fill, bodies, events) => {
        let text = fill[0] as string;
        const spans: [number, number][] = [];
        bodies.forEach((b, i) => {
          const q = `QUOTE-${String.fromCharCode(65 + i)} as the source says plainly: ${b}`; // always ≥ 32 characters
          spans.push([text.length, text.length + q.length]);
          text += q + (fill[(i + 1) % fill.length] as string);
        });
        const original: Anchor[] = spans.map(([s, e]) => anchorAt(text, s, e));
        let tracked = original;
        for (const raw of events) {
          const changes = validChanges(text, tracked, raw);
          if (changes.length === 0) continue;
          for (const c of [...changes].sort((x, y) => y.rangeOffset - x.rangeOffset)) {
            text = text.slice(0, c.rangeOffset) + c.text + text.slice(c.rangeOffset + c.rangeLength);
          }
          tracked = applyChanges(tracked, changes, text);
        }
        const found = reanchor(original, text);
        tracked.forEach((t, i) => {
          const r = found[i];
          assert.ok(r);
          assert.equal(t.orphaned, undefined);
          assert.equal(t.quote, original[i]?.quote);
          assert.deepEqual([r.state === 'orphaned', r.start, r.end], [false, t.start, t.end], JSON.stringify({ text, t, r }));
        });
      },
    ),
    { numRuns: 300 },
  );
});

/** Non-overlapping changes that stay out of every quote, that do not split a surrogate pair. */
function validChanges(text: string, anchors: readonly Anchor[], raw: readonly RawChange[]): TextChange[] {
  const out: TextChange[] = [];
  for (const r of raw) {
    let at = r.at % (text.length + 1);
    let end = Math.min(text.length, at + r.remove);
    if (isLow(text, at)) at--;
    if (isLow(text, end)) end++;
    if (anchors.some((a) => at < a.end && end > a.start) || anchors.some((a) => at > a.start && at < a.end)) continue;
    if (
      out.some((c) => at < c.rangeOffset + c.rangeLength && end > c.rangeOffset) ||
      out.some((c) => c.rangeOffset === at || c.rangeOffset + c.rangeLength === at)
    )
      continue;
    out.push({ rangeOffset: at, rangeLength: end - at, text: r.insert });
  }
  return out;
}

function isLow(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}
