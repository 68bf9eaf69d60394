// Scores the claims detector against the hand-made answer keys in shared/corpus (next to
// the repository), the way GUIDELINE.md there describes: a predicted span matches a gold
// entry when they overlap, U+00A0 reads as a space, `maybe` entries cost nothing. Skipped
// when the corpus is not there.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { detectClaims } from '../../../src/core/detect/claims';

interface GoldClaim {
  text: string;
  label: 'yes' | 'maybe' | 'no';
  type?: string;
}

const root = process.env.MARGINALIA_ROOT ?? process.cwd();
const corpus = [join(root, '..', 'shared', 'corpus'), join(root, 'shared', 'corpus')].find((d) => existsSync(d));

interface Score {
  truePositives: number;
  falsePositives: number;
  yes: number;
  found: number;
  typed: number;
  typeRight: number;
}

function score(file: string): Score {
  const text = readFileSync(file, 'utf8');
  const plain = text.replace(/\u00a0/g, ' ');
  const gold = parse(readFileSync(file.replace(/\.txt$/, '.gold.yaml'), 'utf8')) as { claims?: GoldClaim[] };
  const entries = (gold.claims ?? []).map((g) => {
    const needle = g.text.replace(/\u00a0/g, ' ');
    const spans: Array<[number, number]> = [];
    for (let i = plain.indexOf(needle); i >= 0; i = plain.indexOf(needle, i + 1)) spans.push([i, i + needle.length]);
    return { ...g, spans };
  });
  const claims = detectClaims(text);
  const overlaps = (start: number, end: number, spans: Array<[number, number]>): boolean =>
    spans.some(([s, e]) => start < e && end > s);
  const s: Score = { truePositives: 0, falsePositives: 0, yes: 0, found: 0, typed: 0, typeRight: 0 };
  for (const c of claims) {
    const hit = entries.filter((e) => overlaps(c.start, c.end, e.spans));
    if (hit.some((e) => e.label === 'yes')) s.truePositives++;
    else if (!hit.some((e) => e.label === 'maybe')) s.falsePositives++;
  }
  for (const e of entries.filter((x) => x.label === 'yes')) {
    s.yes++;
    const match = claims.find((c) => overlaps(c.start, c.end, e.spans));
    if (match === undefined) continue;
    s.found++;
    s.typed++;
    if (match.type === e.type) s.typeRight++;
  }
  return s;
}

function f1(s: Score): number {
  const p = s.truePositives / Math.max(1, s.truePositives + s.falsePositives);
  const r = s.found / Math.max(1, s.yes);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

test('claims F1 on the shared corpus is at least 0.85, type accuracy at least 0.7', { skip: corpus === undefined }, () => {
  const dir = corpus as string;
  const total: Score = { truePositives: 0, falsePositives: 0, yes: 0, found: 0, typed: 0, typeRight: 0 };
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    if (!existsSync(join(dir, name.replace(/\.txt$/, '.gold.yaml')))) continue;
    const s = score(join(dir, name));
    assert.ok(f1(s) >= 0.75, `${name}: F1 ${f1(s).toFixed(3)}`);
    for (const k of Object.keys(total) as Array<keyof Score>) total[k] += s[k];
  }
  assert.ok(total.yes > 0, 'the corpus has answer keys');
  assert.ok(f1(total) >= 0.85, `overall F1 ${f1(total).toFixed(3)}`);
  assert.ok(total.typeRight / total.typed >= 0.7, `type accuracy ${total.typeRight}/${total.typed}`);
});
