// How many claims the editor suggests: the `marginalia.claimSensitivity` setting. Claims
// are sentences, and a news article has many; at a lower sensitivity only the claims the
// detector is surer of are suggested. Dates and controls are not affected.
//
// The floors are calibrated on the answer keys (`npm run eval` prints each level's
// figures, `npm run eval -- --sweep` every floor from 0 to 0.95; docs/quality.md, "Claim
// sensitivity"). Claim precision there is 1.000 at every floor (every claim found is a
// `yes` or `maybe` in the keys), so a floor only trades recall for fewer underlines, and
// confidence ranks weakly: the share of suggestions on `yes` entries goes from 84% at
// floor 0 to 88% at 0.75 and 93% at 0.85; above 0.75 each step hides `yes` claims about
// as often as a random cut would.
//   high   0     every claim: 31 and 38 per 1,000 words (shared, held-out corpus), 59% and
//                51% of sentences underlined; recall 1.000 and 0.949.
//   medium 0.75  12% and 18% fewer (27% on 8 public news, trust and regulator pages) for
//                recall 0.922 and 0.810 (−8 and −14 points).
//   low    0.85  about half as many (15 and 18 per 1,000 words, a quarter of the
//                sentences), 93% of them on `yes` entries; recall 0.529 and 0.494.

import type { Detection } from '../model';

export type ClaimSensitivity = 'low' | 'medium' | 'high';
export const CLAIM_SENSITIVITIES: readonly ClaimSensitivity[] = ['low', 'medium', 'high'];

/** Lowest claim confidence suggested at each level. */
export const CLAIM_CONFIDENCE_FLOOR: Readonly<Record<ClaimSensitivity, number>> = { low: 0.85, medium: 0.75, high: 0 };

export const DEFAULT_CLAIM_SENSITIVITY: ClaimSensitivity = 'medium';

/** Whether a detection is suggested at this sensitivity: every date and control, claims at or above the level's floor. */
export function meetsSensitivity(d: Detection, level: ClaimSensitivity): boolean {
  return d.kind !== 'claim' || d.confidence >= CLAIM_CONFIDENCE_FLOOR[level];
}
