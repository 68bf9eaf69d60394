// `npm run eval`: precision, recall and F1 of each detector against the answer keys in
// ../shared/corpus (or MARGINALIA_SHARED/corpus), and how often the attribute is right
// (control catalog id, date value at the stated precision, claim type).
//   npm run eval [-- --verbose]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { detectAll } from '../../src/core/detect';
import type { Kind } from '../../src/core/model';
import { combine, f1, precision, recall, scoreKind, type GoldEntry, type GoldKey, type KindScore } from './score';

const verbose = process.argv.includes('--verbose');
const root = path.resolve(__dirname, '..', '..', '..');
const shared = path.join(process.env.MARGINALIA_SHARED ?? path.join(root, '..', 'shared'), 'corpus');

interface Corpus {
  title: string;
  keys: string;
  /** Where the documents are; a key's `source` names its document in this folder. */
  documents: string;
}

const CORPORA: Corpus[] = [
  { title: 'Shared corpus (real documents; the detectors were tuned on them)', keys: shared, documents: shared },
  {
    title: 'Held-out corpus (samples/corpus, keyed by hand blind to the detectors)',
    keys: path.join(root, 'test', 'eval', 'keys'),
    documents: path.join(root, 'samples', 'corpus'),
  },
];

type RawEntry = Partial<GoldEntry> & { text: string };
type RawKey = Partial<Record<'controls' | 'dates' | 'claims', RawEntry[]>> & { source?: string };

function readKey(file: string): GoldKey & { source?: string } {
  const raw = parse(fs.readFileSync(file, 'utf8')) as RawKey;
  const norm = (list: RawEntry[] | undefined): GoldEntry[] =>
    (list ?? []).map((e) => ({ ...e, text: e.text, label: e.label ?? 'yes' }));
  return { controls: norm(raw.controls), dates: norm(raw.dates), claims: norm(raw.claims), ...(raw.source ? { source: raw.source } : {}) };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const num = (x: number): string => x.toFixed(3);
const kinds: [Kind, keyof GoldKey, string][] = [['control', 'controls', 'catalog id'], ['date', 'dates', 'value'], ['claim', 'claims', 'type']];

function evaluate(corpus: Corpus): void {
  if (!fs.existsSync(corpus.keys)) {
    console.log(`${corpus.title}: no keys at ${corpus.keys} (set MARGINALIA_SHARED for the shared corpus)\n`);
    return;
  }
  const names = fs.readdirSync(corpus.keys).filter((f) => f.endsWith('.gold.yaml')).sort();
  const perKind = new Map<Kind, KindScore[]>();
  console.log(`${corpus.title}\n${corpus.keys} (${names.length} documents)\n`);
  console.log(`${'document'.padEnd(34)} ${'kind'.padEnd(8)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}  tp fp fn  attribute`);
  for (const name of names) {
    const key = readKey(path.join(corpus.keys, name));
    const source = key.source ?? name.replace(/\.gold\.yaml$/, '.txt');
    const text = fs.readFileSync(path.join(corpus.documents, source), 'utf8').replace(/^\uFEFF/, '');
    const detections = detectAll(text);
    for (const [kind, field, attribute] of kinds) {
      const s = scoreKind(kind, text, key[field], detections);
      perKind.set(kind, [...(perKind.get(kind) ?? []), s]);
      const attr = s.attributeChecked === 0 ? '-' : `${s.attributeRight}/${s.attributeChecked} ${attribute}`;
      console.log(`${source.slice(0, 34).padEnd(34)} ${kind.padEnd(8)} ${num(precision(s)).padStart(6)} ${num(recall(s)).padStart(6)} ${num(f1(s)).padStart(6)}  ${String(s.truePositives).padStart(2)} ${String(s.falsePositives).padStart(2)} ${String(s.falseNegatives).padStart(2)}  ${attr}`);
      if (verbose) {
        for (const m of s.misses) console.log(`    missed:   ${m.replace(/\s+/g, ' ').slice(0, 110)}`);
        for (const m of s.spurious) console.log(`    spurious: ${m.replace(/\s+/g, ' ').slice(0, 110)}`);
        for (const m of s.wrongAttribute) console.log(`    wrong:    ${m.replace(/\s+/g, ' ').slice(0, 140)}`);
      }
    }
  }
  console.log(`\n${'overall'.padEnd(34)} ${'kind'.padEnd(8)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}  right attribute`);
  for (const [kind, , attribute] of kinds) {
    const s = combine(perKind.get(kind) ?? []);
    const attr = s.attributeChecked === 0 ? '-' : `${pct(s.attributeRight / s.attributeChecked)} ${attribute} (${s.attributeRight}/${s.attributeChecked})`;
    console.log(`${''.padEnd(34)} ${kind.padEnd(8)} ${num(precision(s)).padStart(6)} ${num(recall(s)).padStart(6)} ${num(f1(s)).padStart(6)}  ${attr}`);
  }
  console.log('');
}

for (const corpus of CORPORA) evaluate(corpus);
