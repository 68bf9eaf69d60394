// Real text for benchmarks: the shared corpus's documents (../shared/corpus, read at run
// time, never copied into the repository), concatenated whole and repeated only at the
// document level, in name order, until the wanted size is reached. Generated text repeats
// sentences far more than real documents do and flatters the detectors' caches; this is
// the text the throughput aims are measured on. A document repeats every few kilobytes
// here too, which the claims detector's per-pass sentence memo still notices: the bench
// also runs the pipeline one document at a time (a fresh detector each, as the CLI does
// per file), where no sentence is seen twice by one detector.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { locateShared } from '../eval/shared';

export type RealDocuments = { found: true; dir: string; documents: string[] } | { found: false; reason: string };

/** The corpus's documents (`*.txt`, BOM removed), or why there are none. */
export function loadRealDocuments(): RealDocuments {
  const at = locateShared('corpus');
  if (!at.found) return { found: false, reason: at.reason };
  const names = fs
    .readdirSync(at.dir)
    .filter((n) => n.endsWith('.txt'))
    .sort();
  if (names.length === 0) return { found: false, reason: `no *.txt documents in ${at.dir}` };
  const documents = names.map((n) => fs.readFileSync(path.join(at.dir, n), 'utf8').replace(/^\uFEFF/, ''));
  return { found: true, dir: at.dir, documents };
}

/** Whole documents, in turn, separated by a blank line, until at least `bytes` characters. */
export function realDocumentsOfSize(documents: readonly string[], bytes: number): string[] {
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const doc = documents[i % documents.length] as string;
    out.push(doc);
    size += doc.length + 2;
  }
  return out;
}

/** The documents of realDocumentsOfSize as one text. */
export function realText(documents: readonly string[], bytes: number): string {
  return realDocumentsOfSize(documents, bytes).join('\n\n');
}

/** Says loudly, once, that the real-text figures are missing and why. */
export function skipLine(what: string, reason: string): string {
  return `\n!!! ${what}: NOT MEASURED on real text: ${reason}`;
}
