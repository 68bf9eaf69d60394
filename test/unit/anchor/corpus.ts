// Loads the answer-key spans of shared/corpus for the anchoring benchmark: every `text`
// of every *.gold.yaml, located in its .txt (NBSP read as a plain space, as the corpus
// guideline says), every occurrence when a text occurs more than once.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import type { AccuracyDocument } from '../../../src/core/anchor/accuracy';

export function corpusDir(): string | undefined {
  const root = process.env['MARGINALIA_ROOT'] ?? resolve(__dirname, '..', '..', '..', '..');
  for (const dir of [join(root, '..', 'shared', 'corpus'), join(root, 'shared', 'corpus'), '/work/shared/corpus']) {
    if (existsSync(dir)) return dir;
  }
  return undefined;
}

interface GoldEntry {
  text?: unknown;
}

export function loadCorpus(dir: string): AccuracyDocument[] {
  const docs: AccuracyDocument[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.gold.yaml')).sort()) {
    const gold = parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
    const txtName = typeof gold['source'] === 'string' ? gold['source'] : name.replace(/\.gold\.yaml$/, '.txt');
    const text = readFileSync(join(dir, txtName), 'utf8');
    const plain = text.replace(/\u00a0/g, ' ');
    const spans: { start: number; end: number }[] = [];
    const seen = new Set<string>();
    for (const key of ['controls', 'dates', 'claims']) {
      const list = gold[key];
      if (!Array.isArray(list)) continue;
      for (const entry of list as GoldEntry[]) {
        if (typeof entry.text !== 'string' || entry.text.length === 0) continue;
        const needle = entry.text.replace(/\u00a0/g, ' ');
        for (let at = plain.indexOf(needle); at !== -1; at = plain.indexOf(needle, at + 1)) {
          const id = `${at}:${needle.length}`;
          if (!seen.has(id)) spans.push({ start: at, end: at + needle.length });
          seen.add(id);
        }
      }
    }
    docs.push({ name: txtName, text, spans });
  }
  return docs;
}

/** mulberry32: a small seeded generator, so a benchmark run can be repeated. */
export function seededRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
