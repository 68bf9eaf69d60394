// Reads an evaluation corpus: the `NAME.gold.yaml` answer keys of a folder and the
// documents they name (shared/corpus/GUIDELINE.md describes the format).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { GoldEntry, GoldKey } from './score';

/** An entry as YAML reads it: a year written unquoted (`value: 2024`) is a number. */
type RawEntry = Omit<Partial<GoldEntry>, 'value'> & { text: string; value?: string | number };
type RawKey = Partial<Record<'controls' | 'dates' | 'claims', RawEntry[]>> & { source?: string };

export function readKey(file: string): GoldKey & { source?: string } {
  const raw = parse(fs.readFileSync(file, 'utf8')) as RawKey;
  const norm = (list: RawEntry[] | undefined): GoldEntry[] =>
    (list ?? []).map(({ value, ...e }) => ({
      ...e,
      text: e.text,
      label: e.label ?? 'yes',
      ...(value === undefined ? {} : { value: String(value) }),
    }));
  return { controls: norm(raw.controls), dates: norm(raw.dates), claims: norm(raw.claims), ...(raw.source ? { source: raw.source } : {}) };
}

export interface KeyedDocument {
  /** The document's file name in its folder. */
  source: string;
  /** Its text, without a byte-order mark. */
  text: string;
  key: GoldKey;
}

/** The answer keys in `keys` (sorted by name) with their documents, read from `documents`. */
export function loadCorpus(keys: string, documents: string): KeyedDocument[] {
  const names = fs
    .readdirSync(keys)
    .filter((f) => f.endsWith('.gold.yaml'))
    .sort();
  return names.map((name) => {
    const key = readKey(path.join(keys, name));
    const source = key.source ?? name.replace(/\.gold\.yaml$/, '.txt');
    const text = fs.readFileSync(path.join(documents, source), 'utf8').replace(/^\uFEFF/, '');
    return { source, text, key };
  });
}
