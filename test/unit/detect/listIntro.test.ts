// Which block introduces a list item (core/detect/listIntro.ts): the last block that is no
// item, or an item ending in a colon over the items of another kind nested under it; and
// what that makes of the items' claims, whole and after edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinMatcher, detectAll, DocumentDetector } from '../../../src/core/detect';
import { markerKind, nextIntro, startIntros } from '../../../src/core/detect/listIntro';
import { splitBlocks } from '../../../src/core/text/blocks';

test('marker kinds: numbers, letters and roman numerals, each symbol', () => {
  assert.deepEqual(['11. Tidewell', '(2) The', 'a) encrypt', '(iv) delete', '• implement', '- amend', '* note'].map(markerKind), [
    '1',
    '1',
    'a',
    'a',
    '•',
    '-',
    '*',
  ]);
});

test('an item ending in a colon introduces the nested items of another kind, until one of its own kind comes again', () => {
  const text =
    'Tidewell’s response\n\n10. Tidewell has required multi-factor authentication.\n11. Tidewell has committed to:\n' +
    '• implement alerts by June 30, 2026;\n• amend partner agreements; and\n12. The OPC found the matter well-founded.';
  const state = startIntros();
  const intros = splitBlocks(text)
    .filter((b) => b.kind !== 'blank')
    .map((b) => [b.text.slice(0, 14), nextIntro(state, b)?.text.slice(0, 14)]);
  assert.deepEqual(intros, [
    ['Tidewell’s res', undefined],
    ['10. Tidewell h', 'Tidewell’s res'],
    ['11. Tidewell h', 'Tidewell’s res'],
    ['• implement al', '11. Tidewell h'],
    ['• amend partne', '11. Tidewell h'],
    ['12. The OPC fo', 'Tidewell’s res'],
  ]);
});

const FINDINGS =
  'Tidewell’s response\n\n10. Since the breach, Tidewell has required multi-factor authentication.\n11. Tidewell has committed to:\n' +
  '• implement automated alerts for bulk record lookups by June 30, 2026;\n• amend all retail partner agreements within six months; and\n' +
  '12. The OPC found the matter well-founded.';

function types(text: string): [string, string | undefined][] {
  return detectAll(text).flatMap((d) => (d.kind === 'claim' ? [[d.text.slice(0, 20), d.type] as [string, string | undefined]] : []));
}

test('the items under "11. … has committed to:" are commitments; the next numbered paragraph is not one of them', () => {
  assert.deepEqual(types(FINDINGS), [
    ['Since the breach, Ti', 'assertion'],
    ['implement automated ', 'commitment'],
    ['amend all retail par', 'commitment'],
    ['The OPC found the ma', 'assertion'],
  ]);
});

test('editing the nested lead-in re-reads the items under it, as a fresh pass does', () => {
  const detector = new DocumentDetector(builtinMatcher());
  detector.detect(FINDINGS);
  const edited = FINDINGS.replace('has committed to:', 'has refused to say whether it would:');
  assert.deepEqual(detector.detect(edited), detectAll(edited));
  const back = detector.detect(FINDINGS);
  assert.deepEqual(back, detectAll(FINDINGS));
});
