// The controls of a document whose names the whole document decides, kept up to date
// after an edit by splicing (controlSplice.ts), must be exactly those of a fresh match
// over the new text, however far the edit is from the names it changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { builtinMatcher, detectAll, DocumentDetector } from '../../../src/core/detect';
import { detectControls } from '../../../src/core/detect/controls';
import { documentControls, splicedControls } from '../../../src/core/detect/controlSplice';
import { CONTROL_REACH } from '../../../src/core/detect/controlWindow';
import { changedSpan } from '../../../src/core/text/diff';
import { applyEdit, editArb } from '../text/edits';

const matcher = builtinMatcher();

const FILLER = [
  'The weather in the city was mild, and the conference hall filled slowly before noon.',
  'Several people asked about vendor contracts during the meeting, and the discussion ran long.',
  'We will publish the annual report by the end of the year, the company said on Thursday.',
];

/**
 * Names only the whole document decides, far apart: abbreviations defined once and used
 * pages later, spellings several entries share (every state has an Attorney General,
 * several countries an Information Commissioner) whose entry the document names elsewhere.
 */
const PARAGRAPHS = [
  "Ireland's Data Protection Commission (DPC) opened an inquiry into the transfers.",
  'The Office of the Australian Information Commissioner (OAIC) was told on Monday.',
  'The DPC wrote to the company again; the Information Commissioner asked for logs.',
  'The Texas Attorney General sued the app maker under the state privacy law.',
  'A spokesperson for the Attorney General said the complaint stands. HIPAA applies.',
  'Under NIST SP 800-53 the assessor tested AC-2 and the Security Rule was cited.',
  // An identifier its framework confirms from thousands of characters before
  // (confirmControls), which the splice must decide again inside its window.
  `Our programme follows NIST SP 800-53 throughout.\n\n${`${FILLER.join(' ')}\n\n`.repeat(12)}Reviews implement AC-2(1) every month.`,
];

function document(): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < 4 * CONTROL_REACH; i++) {
    const p = `${FILLER[i % FILLER.length] as string} ${FILLER[(i + 1) % FILLER.length] as string}`;
    parts.push(p);
    size += p.length + 2;
  }
  const step = Math.floor(parts.length / (PARAGRAPHS.length + 1));
  PARAGRAPHS.forEach((p, i) => parts.splice((i + 1) * step + i, 0, p));
  return parts.join('\n\n');
}

/** The controls of `after` spliced from those of `before`, as the detector does after an edit. */
function spliceOf(before: string, after: string): ReturnType<typeof splicedControls> {
  const change = changedSpan(before, after);
  if (change === undefined) return documentControls(after, matcher);
  return splicedControls(documentControls(before, matcher), after, change, matcher);
}

test('the sample document holds names only the whole document decides, far from what decides them', () => {
  const text = document();
  const found = documentControls(text, matcher);
  assert.equal(found.needsDocument, true);
  assert.deepEqual(found.detections, detectControls(text, matcher));
  const ids = new Set(found.detections.map((d) => d.id));
  for (const id of ['ie-dpc', 'oaic']) assert.ok(ids.has(id), `${id} in ${[...ids].join(', ')}`);
  assert.ok(
    found.identifiers.some((d) => d.controlId === 'AC-2(1)'),
    'an identifier confirmed from afar',
  );
});

test('splicing after an edit gives what matching the whole new text gives', () => {
  const text = document();
  // Edits anywhere, and often right on the names that decide others far away.
  const names = ["Ireland's Data Protection Commission", 'Australian Information', 'Texas', 'DPC', 'Attorney General', 'NIST SP', 'AC-2'];
  const anchors = names.flatMap((n) => [...text.matchAll(new RegExp(n, 'g'))].map((m) => m.index));
  const onName = fc.record({ which: fc.nat(anchors.length - 1), offset: fc.integer({ min: -4, max: 12 }) });
  const anywhere = fc.record({ which: fc.constant(-1), offset: fc.nat(text.length) });
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.oneof(onName, anywhere), editArb(12)), { minLength: 1, maxLength: 3 }), (steps) => {
      let current = text;
      for (const [{ which, offset }, edit] of steps) {
        const at = which < 0 ? offset : Math.max(0, (anchors[which] as number) + offset);
        const next = applyEdit(current, { ...edit, at: Math.min(at, current.length) });
        assert.deepEqual(spliceOf(current, next).detections, detectControls(next, matcher));
        current = next;
      }
    }),
    { numRuns: 60 },
  );
});

test('cutting a definition undoes the abbreviation it defined pages away, and the detector follows', () => {
  const text = document();
  const cut = text.replace("Ireland's Data Protection Commission (DPC)", 'A regulator');
  const spliced = spliceOf(text, cut);
  assert.deepEqual(spliced.detections, detectControls(cut, matcher));
  assert.ok(!spliced.detections.some((d) => d.text === 'DPC'), 'no DPC once its definition is gone');
  const detector = new DocumentDetector(matcher);
  detector.update(text);
  assert.deepEqual(detector.update(cut).toArray(), detectAll(cut));
  assert.deepEqual(detector.update(text).toArray(), detectAll(text));
});

test('a verdict does not depend on which other identifiers are pending: an unconfirmed one typed far away changes nothing', () => {
  // A long paragraph of single lines opens with a bullet, so the identifier after it
  // belongs to a list with the one below; the stretch confirmControls reads must hold
  // that bullet line whatever else is pending (it once started mid-paragraph).
  const line = 'The weather in the city was mild, and the conference hall filled slowly before noon.';
  let text = `${line} ${line}\n\n`.repeat(120);
  text += [
    '- The scope list opens here.',
    ...Array<string>(100).fill(line),
    'The programme follows NIST SP 800-53 throughout.',
    ...Array<string>(70).fill(line),
    'Reviews implement AC-2(1) every month.',
    ...Array<string>(22).fill(line),
  ].join('\n');
  text += '\n\n- The team checks AC-3 as well.\n\n' + `${line} ${line}\n\n`.repeat(240);
  const edited = `See CA-1.\n\n${text}`;
  const ids = (found: readonly { controlId?: string }[]): (string | undefined)[] =>
    found.filter((d) => d.controlId).map((d) => d.controlId);
  assert.deepEqual(ids(detectControls(edited, matcher)), ['AC-2(1)', 'AC-3']);
  assert.deepEqual(spliceOf(text, edited).detections, detectControls(edited, matcher));
});
