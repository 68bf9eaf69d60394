// The detectors against the hand-made answer keys of the shared corpus (../shared/corpus),
// scored by the one scorer of `npm run eval` (test/eval/score.ts, as
// shared/corpus/GUIDELINE.md describes: spans match when they overlap, U+00A0 reads as a
// space, `maybe` entries cost nothing), and held to floors here. Each test is skipped,
// saying what is not checked, when the corpus is missing (test/unit/shared.test.ts then
// fails). `npm run eval -- --verbose` prints the figures and what was missed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectAll } from '../../../src/core/detect';
import type { Kind } from '../../../src/core/model';
import { loadCorpus } from '../../eval/corpus';
import { emptyScore, f1, precision, recall, scoreCorpus, type CorpusScore, type KindScore } from '../../eval/score';
import { needsShared, sharedCorpusDir } from '../../eval/shared';

let scored: CorpusScore | undefined;
/** The shared corpus scored once for every test of this file. */
function shared(): CorpusScore {
  if (scored === undefined) {
    const dir = sharedCorpusDir() as string;
    scored = scoreCorpus(loadCorpus(dir, dir), detectAll);
    assert.ok(scored.documents.length > 0, `the shared corpus at ${dir} has answer keys`);
  }
  return scored;
}

function overall(kind: Kind): KindScore {
  const s = shared().overall.get(kind) ?? emptyScore(kind);
  assert.ok(s.truePositives + s.falseNegatives > 0, `the answer keys have ${kind}s`);
  return s;
}

const figures = (s: KindScore): string =>
  `F1 ${f1(s).toFixed(3)} (P ${precision(s).toFixed(3)}, R ${recall(s).toFixed(3)}); missed ${JSON.stringify(s.misses)}, spurious ${JSON.stringify(s.spurious)}`;

const CLAIMS_F1 = 0.85;
const CLAIMS_DOCUMENT_F1 = 0.75;
const CLAIM_TYPES_RIGHT = 0.7;

test(
  `claims in the shared corpus: F1 at least ${CLAIMS_F1} (${CLAIMS_DOCUMENT_F1} in each document), the type right at least ${100 * CLAIM_TYPES_RIGHT}% of the time`,
  needsShared('corpus', 'the claims detector against the shared corpus'),
  () => {
    for (const doc of shared().documents) {
      const s = doc.byKind.get('claim') ?? emptyScore('claim');
      assert.ok(f1(s) >= CLAIMS_DOCUMENT_F1, `${doc.source}: claims ${figures(s)}`);
    }
    const total = overall('claim');
    assert.ok(f1(total) >= CLAIMS_F1, `claims ${figures(total)}`);
    assert.ok(
      total.attributeRight >= CLAIM_TYPES_RIGHT * total.attributeChecked,
      `type right ${total.attributeRight}/${total.attributeChecked}: ${total.wrongAttribute.join('; ')}`,
    );
  },
);

const DATES_F1 = 0.95;

test(
  `dates in the shared corpus: F1 at least ${DATES_F1}, every keyed value right`,
  needsShared('corpus', 'the dates detector against the shared corpus'),
  () => {
    const total = overall('date');
    assert.ok(f1(total) >= DATES_F1, `dates ${figures(total)}`);
    assert.deepEqual(total.wrongAttribute, [], "dates found with another value than the key's");
  },
);
