// Scores a claim's links (detect/links.ts) against keys made by hand
// (test/eval/links/*.links.yaml; README.md there says how they were made). For each keyed
// claim the detector found, each keyed target of its sentence is judged: a link in the
// keyed role is right, a link in another role or to a target keyed `none` is wrong, no
// link to a keyed target is a miss; `free` targets are not judged. Whether the detectors
// found the claim or the target at all is scored elsewhere (score.ts); here both are
// given, and what is measured is the role.
import * as fs from 'node:fs';
import { parse } from 'yaml';
import { DocumentDetector } from '../../src/core/detect';
import { linksOf } from '../../src/core/detect/links';
import { LINK_ROLES, LINK_TARGET_KIND, type ClaimDetection, type Detection, type LinkRole } from '../../src/core/model';
import { overlaps } from './score';

export interface LinkKeyClaim {
  claim: string;
  about?: string[];
  due?: string[];
  when?: string[];
  free?: string[];
  none?: string[];
}

export interface LinkKeys {
  documents: Record<string, LinkKeyClaim[]>;
}

export interface RoleScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface LinkScore {
  byRole: Record<LinkRole, RoleScore>;
  /** Keyed claims the detectors did not find, and keyed targets they did not find in a found claim. */
  claimsMissing: number;
  targetsMissing: number;
  claimsJudged: number;
  errors: string[];
}

export function readLinkKeys(file: string): LinkKeys {
  return parse(fs.readFileSync(file, 'utf8')) as LinkKeys;
}

const normalise = (s: string): string => s.replace(/\u00a0/g, ' ');

function spansOf(text: string, needle: string): { start: number; end: number }[] {
  const hay = normalise(text);
  const n = normalise(needle);
  const out: { start: number; end: number }[] = [];
  for (let i = hay.indexOf(n); i >= 0; i = hay.indexOf(n, i + 1)) out.push({ start: i, end: i + n.length });
  if (out.length === 0) throw new Error(`link key text not found in the document: ${JSON.stringify(needle)}`);
  return out;
}

export function emptyLinkScore(): LinkScore {
  const role = (): RoleScore => ({ truePositives: 0, falsePositives: 0, falseNegatives: 0 });
  return { byRole: { about: role(), due: role(), when: role() }, claimsMissing: 0, targetsMissing: 0, claimsJudged: 0, errors: [] };
}

/** Adds the score of one document's keyed claims to `score`. */
export function scoreLinks(text: string, keyed: readonly LinkKeyClaim[], score: LinkScore): void {
  const detector = new DocumentDetector();
  const detections = detector.detect(text);
  const links = linksOf(text, detections, detector.referenceDate(text));
  const claims = detections.filter((d): d is ClaimDetection => d.kind === 'claim');
  for (const k of keyed) {
    const at = spansOf(text, k.claim)[0] as { start: number; end: number };
    const claim = claims.find((c) => overlaps(c, at));
    if (claim === undefined) {
      score.claimsMissing++;
      continue;
    }
    score.claimsJudged++;
    const predicted = links.get(claim) ?? [];
    const inClaim = (needle: string): { start: number; end: number } | undefined =>
      spansOf(text, needle).find((s) => s.start < claim.end && claim.start < s.end);
    const judged: [LinkRole | 'none', string][] = [
      ...LINK_ROLES.flatMap((role) => (k[role] ?? []).map((t): [LinkRole, string] => [role, t])),
      ...(k.none ?? []).map((t): ['none', string] => ['none', t]),
    ];
    for (const [role, target] of judged) {
      const span = inClaim(target);
      const kind = role === 'none' ? undefined : LINK_TARGET_KIND[role];
      const found =
        span === undefined
          ? undefined
          : detections.find((d: Detection) => d.kind !== 'claim' && (kind === undefined || d.kind === kind) && overlaps(d, span));
      if (found === undefined) {
        if (role !== 'none') {
          score.targetsMissing++;
          score.errors.push(`target not detected (${role}): ${claim.text.replace(/\s+/g, ' ').slice(0, 70)} → ${JSON.stringify(target)}`);
        }
        continue;
      }
      const link = predicted.find((l) => overlaps(l.target, found));
      const where = `${claim.text.replace(/\s+/g, ' ').slice(0, 70)} → ${JSON.stringify(target)}`;
      if (role === 'none') {
        if (link !== undefined) {
          score.byRole[link.role].falsePositives++;
          score.errors.push(`linked ${link.role}, keyed none: ${where}`);
        }
        continue;
      }
      if (link === undefined) {
        score.byRole[role].falseNegatives++;
        score.errors.push(`missed ${role}: ${where}`);
      } else if (link.role === role) {
        score.byRole[role].truePositives++;
      } else {
        score.byRole[role].falseNegatives++;
        score.byRole[link.role].falsePositives++;
        score.errors.push(`linked ${link.role}, keyed ${role}: ${where}`);
      }
    }
  }
}

export function roleF1(s: RoleScore): { p: number; r: number; f1: number } {
  const p = s.truePositives + s.falsePositives === 0 ? 1 : s.truePositives / (s.truePositives + s.falsePositives);
  const r = s.truePositives + s.falseNegatives === 0 ? 1 : s.truePositives / (s.truePositives + s.falseNegatives);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** Scores a key file against the documents of `documents` (a folder). */
export function scoreLinkFile(keyFile: string, readDocument: (name: string) => string): LinkScore {
  const keys = readLinkKeys(keyFile);
  const score = emptyLinkScore();
  for (const [name, claims] of Object.entries(keys.documents)) scoreLinks(readDocument(name), claims, score);
  return score;
}
