// Evidence suggested for a commitment (store/evidenceRank.ts): decoys that must not rank,
// the verdict a statement proposes, and floors on the fixtures (test/eval/evidence;
// `npm run eval` prints the figures).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { claimFacts, rankEvidence } from '../../../src/core/store/evidenceRank';
import type { Annotation } from '../../../src/core/sidecar/format';
import { scoreEvidence } from '../../eval/evidence';
import { REPOSITORY } from '../../eval/shared';

let next = 0;
function claim(quote: string, extra: Partial<Annotation> = {}): Annotation {
  next += 100;
  return {
    id: `c${next}`,
    kind: 'claim',
    quote,
    prefix: '',
    suffix: '',
    start: next,
    end: next + quote.length,
    origin: 'detected',
    status: 'open',
    label: 'assertion',
    ...extra,
  };
}
const soc2 = (id: string): Annotation => ({
  id,
  kind: 'control',
  label: 'soc-2',
  quote: 'SOC 2',
  prefix: '',
  suffix: '',
  start: 0,
  end: 5,
  origin: 'detected',
  status: 'open',
});

test('the later statement by the same speaker about the same control ranks first, with the verdict it says; decoys do not rank', () => {
  const promise = claim('Acme said it will complete a SOC 2 Type II audit by the end of 2024.', {
    label: 'commitment',
    entity: 'Acme',
    about: ['s1'],
  });
  const first = claimFacts([promise, soc2('s1')], 'a-2024.txt', '2024-03-01');
  const later = [
    claim('Acme said it completed its SOC 2 Type II audit in December 2024.', { entity: 'Acme', about: ['s2'] }),
    claim('Acme said it remains committed to SOC 2 and will renew the audit every year.', { entity: 'Acme', about: ['s3'] }),
    claim('Globex said it completed its SOC 2 Type II audit in 2024.', { entity: 'Globex', about: ['s4'] }),
  ];
  const corpus = [...first, ...claimFacts([...later, soc2('s2'), soc2('s3'), soc2('s4')], 'a-2025.txt', '2025-02-01')];
  const earlier = claimFacts(
    [claim('Acme said it completed a SOC 2 Type I audit.', { entity: 'Acme', about: ['s5'] }), soc2('s5')],
    'a-2023.txt',
    '2023-05-01',
  );
  const ranked = rankEvidence(first[0] as (typeof first)[number], [...corpus, ...earlier]);
  assert.deepEqual(
    ranked.map((r) => [r.facts.annotation.quote.slice(0, 30), r.verdict]),
    [['Acme said it completed its SOC', 'kept']],
  );
  assert.deepEqual(ranked[0]?.reasons.slice(0, 2), ['same speaker (Acme)', 'about soc-2']);
  // "has not yet been completed" is broken, not kept.
  const late = claimFacts(
    [claim('Acme said the audit was delayed and has not yet been completed.', { entity: 'Acme', about: ['s6'] }), soc2('s6')],
    'a-2025b.txt',
    '2025-03-01',
  );
  assert.equal(rankEvidence(first[0] as (typeof first)[number], late)[0]?.verdict, 'broken');
});

test('floors on the fixtures with decoys (test/eval/evidence)', () => {
  for (const folder of ['dev', 'final']) {
    const s = scoreEvidence(path.join(REPOSITORY, 'test', 'eval', 'evidence', folder));
    assert.deepEqual(s.errors, [], folder);
    assert.equal(s.topRight, s.settled, `${folder}: P@1`);
    assert.equal(s.abstained, s.unsettled, `${folder}: abstention`);
  }
});
