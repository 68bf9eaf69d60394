// The shared corpus answer keys, read in place (the documents are not copied here). The
// test is skipped when the corpus is not beside the repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { detectDates } from '../../../src/core/detect/dates';

interface GoldDate {
  text: string;
  label: 'yes' | 'maybe' | 'no';
  value?: string | number;
}

const root = process.env.MARGINALIA_ROOT ?? process.cwd();
const corpus = [join(root, '..', 'shared', 'corpus'), join(root, 'shared', 'corpus')].find((d) => existsSync(d));

function spans(text: string, needle: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push([i, i + needle.length]);
  return out;
}

test('dates in the shared corpus: every "yes" found, no "no" tagged, values right', { skip: !corpus }, () => {
  let tp = 0;
  let fp = 0;
  let yes = 0;
  let found = 0;
  for (const file of readdirSync(corpus as string).filter((f) => f.endsWith('.txt'))) {
    const text = readFileSync(join(corpus as string, file), 'utf8');
    const plain = text.replace(/\u00A0/g, ' ');
    const keyFile = join(corpus as string, file.replace(/\.txt$/, '.gold.yaml'));
    if (!existsSync(keyFile)) continue;
    const gold = ((parse(readFileSync(keyFile, 'utf8')) as { dates?: GoldDate[] }).dates ?? [])
      .map((g) => ({ ...g, at: spans(plain, g.text.replace(/\u00A0/g, ' ')) }));
    const detected = detectDates(text);
    const hits = (d: { start: number; end: number }, g: { at: Array<[number, number]> }) =>
      g.at.some(([s, e]) => d.start < e && s < d.end);
    for (const d of detected) {
      const matched = gold.filter((g) => hits(d, g));
      if (!matched.some((g) => g.label !== 'no')) fp++;
      else if (matched.some((g) => g.label === 'yes')) tp++;
    }
    for (const g of gold.filter((x) => x.label === 'yes')) {
      yes++;
      const d = detected.find((x) => hits(x, g));
      if (d) found++;
      if (g.value !== undefined) assert.equal(d?.value, String(g.value), `${file}: value of "${g.text}"`);
    }
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = found / Math.max(1, yes);
  const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall);
  assert.ok(f1 >= 0.95, `dates F1 ${f1.toFixed(3)} (P ${precision.toFixed(3)}, R ${recall.toFixed(3)})`);
});
