// Incremental detection must find exactly what a fresh pass over the new text finds,
// byte for byte: re-splitting only the changed runs of lines, detecting only new blocks,
// matching controls only in a window around the change (controlWindow.ts), and moving
// the rest. Random edits, one after another, on generated text and on real documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { builtinMatcher, detectAll, DocumentDetector } from '../../../src/core/detect';
import { detectControls } from '../../../src/core/detect/controls';
import { CONTROL_REACH, controlsWithin } from '../../../src/core/detect/controlWindow';
import { syncAfter, syncBefore } from '../../../src/core/detect/syncPoints';
import { generateArticleText } from '../../bench/article';
import { LIST_REACH, QUALIFIED_BEFORE, SECTION_BEFORE } from '../../../src/core/catalog/scope';
import { applyEdit, editArb, pieceText, realTexts } from '../text/edits';

const matcher = builtinMatcher();

/** Paragraphs that name no control, with claims and dates. */
const NEUTRAL = [
  'The weather in the city was mild, and the conference hall filled slowly before noon.',
  'Analysts noted that the review of access logs began last month and is still under way.',
  'We will publish the annual report by the end of the year, the company said on Thursday.',
  'There is no evidence that backup copies were accessed by anyone outside the company.',
  'Several people asked about vendor contracts during the meeting, and the discussion ran long.',
];

/**
 * `paragraphs` spread through filler that names no control, about 3 × CONTROL_REACH
 * long: identifiers there depend on names paragraphs away, and the window re-detection
 * matches controls in is only part of the text.
 */
function longDocument(paragraphs: readonly string[]): string {
  const filler: string[] = [];
  for (let size = 0, i = 0; size < 3 * CONTROL_REACH; i++) {
    const p = `${NEUTRAL[i % NEUTRAL.length] as string} ${NEUTRAL[(i * 3 + 1) % NEUTRAL.length] as string}`;
    filler.push(p);
    size += p.length + 2;
  }
  const step = Math.floor(filler.length / (paragraphs.length + 1));
  paragraphs.forEach((p, i) => filler.splice((i + 1) * step + i, 0, p));
  return filler.join('\n\n');
}

test('controls matched window by window are those of the whole text, or a window says it cannot tell', () => {
  fc.assert(
    fc.property(pieceText(200), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), (text, cuts) => {
      // Windows between sync points, as the stepwise pass and re-detection choose them.
      const points = [
        ...new Set([
          0,
          text.length,
          ...cuts.map((c) => syncAfter(text, c % (text.length + 1))),
          ...cuts.map((c) => syncBefore(text, c % (text.length + 1))),
        ]),
      ].sort((a, b) => a - b);
      const windows = points.slice(1).map((to, i) => controlsWithin(text, points[i] as number, to, matcher));
      // A window holding a name only the whole document decides says so; the caller then
      // matches the whole text.
      if (windows.some((w) => w === undefined)) return;
      assert.deepEqual(windows.flat(), detectControls(text, matcher));
    }),
    { numRuns: 1500 },
  );
});

test('a sync point starts a line after a blank line, and none is skipped', () => {
  fc.assert(
    fc.property(pieceText(80), fc.nat(), (text, at) => {
      const pos = at % (text.length + 1);
      const before = syncBefore(text, pos);
      const after = syncAfter(text, pos);
      assert.ok(before <= pos && after >= pos);
      for (const p of [before, after]) {
        if (p === 0 || p === text.length) continue;
        assert.match(text.slice(0, p), /\n[ \t]*\r?\n$/);
      }
      // No sync point strictly between `before` and `pos`.
      for (let q = before + 1; q <= pos; q++) assert.doesNotMatch(text.slice(0, q), /\n[ \t]*\r?\n$/);
    }),
    { numRuns: 500 },
  );
});

test('re-detection after random edits finds what a fresh pass finds (generated text)', () => {
  fc.assert(
    fc.property(
      pieceText(150),
      fc.array(editArb(), { minLength: 1, maxLength: 5 }),
      fc.constantFrom(0, 2, Infinity),
      (start, edits, threshold) => {
        const detector = new DocumentDetector(matcher, threshold);
        let text = start;
        assert.deepEqual(detector.detect(text), detectAll(text));
        for (const edit of edits) {
          text = applyEdit(text, edit);
          assert.deepEqual(detector.detect(text), detectAll(text));
        }
      },
    ),
    { numRuns: 600 },
  );
});

test('re-detection after random edits finds what a fresh pass finds (real documents)', () => {
  const texts = realTexts();
  fc.assert(
    fc.property(fc.nat(texts.length - 1), fc.array(editArb(12), { minLength: 1, maxLength: 3 }), (which, edits) => {
      const detector = new DocumentDetector(matcher);
      let text = texts[which] as string;
      detector.update(text);
      for (const edit of edits) {
        text = applyEdit(text, edit);
        assert.deepEqual(detector.update(text).toArray(), detectAll(text));
      }
    }),
    { numRuns: 60 },
  );
});

test('re-detection in a long document, where controls are matched in a window only, finds what a fresh pass finds', () => {
  // Identifiers whose framework is named in their section, in a list, or not at all,
  // far apart; edits anywhere, often right on the names and headings that decide.
  // Each identifier stands nearly as far from the name that decides it as a rule of
  // scope.ts reaches (its section, a qualified identifier, a list): an edit of the name
  // changes it, and a window narrower than those reaches would miss that.
  const gap = (chars: number): string =>
    `\n\n${NEUTRAL.join(' ')
      .repeat(Math.ceil(chars / 400))
      .slice(0, chars)}.\n\n`;
  const paragraphs = [
    `## Access control\n\nOur programme follows NIST SP 800-53 Rev. 5 throughout.${gap(SECTION_BEFORE - 400)}- AC-2 account management\n- CA-1 policy`,
    `NIST SP 800-53 applies to identity.${gap(QUALIFIED_BEFORE - 400)}Reviews implement AC-2(1) every month.`,
    `- IA-2 (1) under NIST SP 800-53\n- SC-7${gap(LIST_REACH - 300)}- SC-28\n- AU-6`,
    `The SOC 2 report covers the Trust Services criteria.${gap(SECTION_BEFORE - 400)}It covers CC6.1 and CC7.2; ISO 27001 covers A.9.2.3.`,
    'We drove north on CA-1 to the data centre.',
  ];
  const text = longDocument(paragraphs);
  // Edits near each paragraph, and right on the names that decide far identifiers (a
  // name cut or renamed there changes a verdict thousands of characters away).
  const names = ['NIST SP 800-53', 'SOC 2', 'Trust Services', 'ISO 27001', '## Access control'];
  const anchors = [
    ...paragraphs.map((p) => text.indexOf(p)),
    ...names.flatMap((n) => [...text.matchAll(new RegExp(n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].map((m) => m.index)),
  ];
  const near = fc.record({ which: fc.nat(anchors.length - 1), offset: fc.integer({ min: -40, max: 80 }) });
  const onName = fc.record({ which: fc.nat(anchors.length - 1), offset: fc.integer({ min: 0, max: 6 }) });
  const cut = fc.record({
    at: fc.constant(0),
    remove: fc.integer({ min: 1, max: 16 }),
    insert: fc.constantFrom('', 'x', 'the usual standards'),
  });
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.tuple(near, editArb(8)), fc.tuple(onName, cut)), { minLength: 1, maxLength: 3 }), (steps) => {
      const detector = new DocumentDetector(matcher);
      let current = text;
      detector.update(current);
      for (const [{ which, offset }, edit] of steps) {
        current = applyEdit(current, { ...edit, at: Math.max(0, (anchors[which] as number) + offset) });
        assert.deepEqual(detector.update(current).toArray(), detectAll(current));
      }
    }),
    { numRuns: 40 },
  );
});

test('an edit far from an identifier still decides it when it names or unnames its framework in the section', () => {
  const filler = 'The weather in the city was mild, and the conference hall filled slowly before noon.\n\n'.repeat(50);
  const text = `## Access control\n\nOur programme follows NIST SP 800-53.\n\n${filler}\n\nAccount reviews implement AC-2 every quarter.\n`;
  const detector = new DocumentDetector(matcher);
  const ids = (t: string): string[] =>
    detector
      .update(t)
      .toArray()
      .flatMap((d) => (d.kind === 'control' && d.controlId ? [d.controlId] : []));
  assert.deepEqual(ids(text), ['AC-2']);
  const unnamed = text.replace('NIST SP 800-53', 'the usual standards');
  assert.deepEqual(ids(unnamed), []);
  assert.ok(detector.lastWasIncremental && detector.lastDetectedBlocks === 1, 'only the edited paragraph was detected again');
  assert.deepEqual(detector.update(unnamed).toArray(), detectAll(unnamed));
  assert.deepEqual(ids(text), ['AC-2']);
});

test('a DetectionSet gives the same detections whole, visited, or by range', () => {
  const text = generateArticleText(40_000, 9);
  const detector = new DocumentDetector(matcher);
  detector.update(text);
  const edited = text.slice(0, 20_000) + 'We will publish our SOC 2 report by June 2026. ' + text.slice(20_000);
  const set = detector.update(edited);
  const all = set.toArray();
  assert.deepEqual(all, detectAll(edited));
  assert.equal(set.size, all.length);
  const visited: string[] = [];
  set.forEach((d, by) => visited.push(`${d.kind}:${d.start + by}:${d.end + by}:${d.text}`));
  assert.deepEqual(
    visited,
    all.map((d) => `${d.kind}:${d.start}:${d.end}:${d.text}`),
  );
  for (const [from, to] of [
    [0, 0],
    [19_000, 21_000],
    [20_010, 20_010],
    [39_000, 50_000],
  ] as const) {
    assert.deepEqual(
      set.overlapping(from, to),
      all.filter((d) => d.end >= from && d.start <= to),
    );
  }
});

test('re-detection after an edit that changes a name the whole document decides finds what a fresh pass finds', () => {
  // "DPC" counts because the document spells the authority out once, far away: cutting
  // that definition must undo it, though the edit is outside any window around "DPC".
  const filler = 'The weather in the city was mild, and the conference hall filled slowly before noon.\n\n'.repeat(700);
  const text = `Ireland's Data Protection Commission (DPC) opened an inquiry.\n\n${filler}The DPC wrote to the company.\n`;
  const detector = new DocumentDetector(matcher);
  const controls = (t: string): string[] => detectAll(t).flatMap((d) => (d.kind === 'control' ? [d.text] : []));
  assert.deepEqual(controls(text), ["Ireland's Data Protection Commission (DPC)", 'DPC']);
  assert.deepEqual(detector.update(text).toArray(), detectAll(text));
  const cut = text.replace("Ireland's Data Protection Commission (DPC)", 'A regulator');
  assert.deepEqual(controls(cut), []);
  assert.deepEqual(detector.update(cut).toArray(), detectAll(cut));
  const back = detector.update(text).toArray();
  assert.deepEqual(back, detectAll(text));
});
