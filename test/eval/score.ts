// Scores detections against a hand-made answer key, following shared/corpus/GUIDELINE.md:
// `yes` entries must be found (recall), `maybe` ones are free, anything tagged that
// overlaps no yes/maybe entry costs precision; spans match when they overlap; U+00A0
// compares as a plain space. The one scorer: `npm run eval` prints what scoreCorpus
// finds and the corpus unit tests (test/unit/detect/corpus.test.ts) hold it to floors.
import type { Detection, Kind } from '../../src/core/model';
import { builtinCatalog } from '../../src/core/catalog/builtin';
import { periodOfRange } from '../../src/core/timeline/items';

export interface GoldEntry {
  text: string;
  label: 'yes' | 'maybe' | 'no';
  /** Catalog id for controls. */
  id?: string;
  /** ISO value for dates. */
  value?: string;
  /** Claim type. */
  type?: string;
}

export interface GoldKey {
  controls: GoldEntry[];
  dates: GoldEntry[];
  claims: GoldEntry[];
}

export interface KindScore {
  kind: Kind;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Entries with an attribute to check (control id, date value, claim type) and how many were right. */
  attributeChecked: number;
  attributeRight: number;
  /** Of attributeRight, dates right only as a period and its last day (see endOfPeriod). */
  attributeRightAsPeriodEnd: number;
  /** Of attributeRight, controls whose key gives the id of the catalog pattern that names a part of the entry found (see PATTERN_FRAMEWORK). */
  attributeRightAsPattern: number;
  misses: string[];
  spurious: string[];
  wrongAttribute: string[];
}

export interface Located extends GoldEntry {
  spans: { start: number; end: number }[];
}

const normalise = (s: string): string => s.replace(/\u00a0/g, ' ');

/** Each entry with every span where its text occurs in the document (it must occur). */
export function locate(text: string, entries: readonly GoldEntry[]): Located[] {
  const hay = normalise(text);
  return entries.map((e) => {
    const needle = normalise(e.text);
    const spans: { start: number; end: number }[] = [];
    for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) spans.push({ start: i, end: i + needle.length });
    if (spans.length === 0) throw new Error(`answer key text not found in the document: ${JSON.stringify(e.text)}`);
    return { ...e, spans };
  });
}

export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

function attributeOf(d: Detection): string | undefined {
  switch (d.kind) {
    case 'control':
      return d.id;
    case 'date':
      return d.endValue !== undefined ? `${d.value ?? ''}/${d.endValue}` : d.value;
    case 'claim':
      return d.type;
  }
}

/**
 * Whether a detected attribute is the expected one. An ISO week ("2025-W45") and the
 * range of its days ("2025-11-03/2025-11-09"), or a quarter ("2026-Q2") and the range of
 * its months ("2026-04/2026-06"), are two spellings of one interval (keys write them
 * either way); any other difference is a wrong value.
 */
/**
 * A quarter or week is its days; so is a span of whole months written by its first and
 * last days ("2025-10-01/2026-09-30" is "2025-10/2026-09"): keys write fiscal years both
 * ways, and GUIDELINE.md says neither.
 */
function sameAttribute(got: string | undefined, expected: string): boolean {
  if (got === expected) return true;
  // A key may give the time of day written with a date ("2026-03-11T15:42"); the detector's
  // values are days, as every other key writes them.
  if (got !== undefined && got.length === 10 && /^\d{4}-\d{2}-\d{2}T\d/.test(expected)) return expected.startsWith(got);
  if (got === undefined || !/-[WQ]\d|\//.test(got + expected)) return false;
  const a = periodOfRange(got);
  const b = periodOfRange(expected);
  return a !== undefined && b !== undefined && a.from === b.from && a.to === b.to;
}

/**
 * "By the end of Q2", "at year end": keys write the period (2026-Q2), as the detector does,
 * its last day (2026-06-30) or its last month (2026-06); GUIDELINE.md says none. Each is
 * taken as right for a text that says "end of", and counted apart so that the strict
 * figure can be printed too.
 */
const END_OF = /\b(?:end|close)\s+of\b|\b(?:year|quarter|month)[- ]end\b/i;
function endOfPeriod(text: string, got: string | undefined, expected: string): boolean {
  if (got === undefined || !END_OF.test(text)) return false;
  return isEndOf(got, expected) || isEndOf(expected, got);
}

/** Whether `end`, a day or a month, is the last of the longer period `period`. */
function isEndOf(end: string, period: string): boolean {
  if (end.length !== 10 && end.length !== 7) return false;
  const range = periodOfRange(period);
  if (range === undefined) return false;
  if (end.length === 10) return range.from !== range.to && range.to === end;
  return range.from.slice(0, 7) !== range.to.slice(0, 7) && range.to.slice(0, 7) === end;
}

/**
 * Keys written from controls.yaml sometimes give the id of the pattern that names a part
 * of an entry ("Article 33 GDPR" as `gdpr-article`) where the entry's id is asked for
 * (`gdpr`, which the detector reports with the part as its control id). Counted apart.
 */
const PATTERN_FRAMEWORK: ReadonlyMap<string, string> = new Map(builtinCatalog().patterns.map((p) => [p.id, p.framework]));

function expectedAttribute(e: GoldEntry): string | undefined {
  return e.id ?? e.value ?? e.type;
}

export function scoreKind(kind: Kind, text: string, entries: readonly GoldEntry[], detections: readonly Detection[]): KindScore {
  const gold = locate(text, entries);
  const predicted = detections.filter((d) => d.kind === kind);
  const score = emptyScore(kind);
  for (const d of predicted) {
    const hits = gold.filter((g) => g.label !== 'no' && g.spans.some((s) => overlaps(s, d)));
    if (hits.length === 0) {
      score.falsePositives++;
      score.spurious.push(d.text);
    }
  }
  for (const g of gold.filter((e) => e.label === 'yes')) {
    const found = predicted.filter((d) => g.spans.some((s) => overlaps(s, d)));
    if (found.length === 0) {
      score.falseNegatives++;
      score.misses.push(g.text);
      continue;
    }
    score.truePositives++;
    const expected = expectedAttribute(g);
    if (expected !== undefined) {
      score.attributeChecked++;
      if (found.some((d) => sameAttribute(attributeOf(d), expected))) score.attributeRight++;
      else if (kind === 'date' && found.some((d) => endOfPeriod(g.text, attributeOf(d), expected))) {
        score.attributeRight++;
        score.attributeRightAsPeriodEnd++;
      } else if (
        kind === 'control' &&
        PATTERN_FRAMEWORK.has(expected) &&
        found.some((d) => attributeOf(d) === PATTERN_FRAMEWORK.get(expected))
      ) {
        score.attributeRight++;
        score.attributeRightAsPattern++;
      } else score.wrongAttribute.push(`${clip(g.text)} → expected ${expected}, got ${found.map(attributeOf).join(', ')}`);
    }
  }
  return score;
}

export function combine(scores: readonly KindScore[]): KindScore {
  const first = scores[0];
  if (!first) throw new Error('nothing to combine');
  return scores.reduce((a, b) => ({
    kind: a.kind,
    truePositives: a.truePositives + b.truePositives,
    falsePositives: a.falsePositives + b.falsePositives,
    falseNegatives: a.falseNegatives + b.falseNegatives,
    attributeChecked: a.attributeChecked + b.attributeChecked,
    attributeRight: a.attributeRight + b.attributeRight,
    attributeRightAsPeriodEnd: a.attributeRightAsPeriodEnd + b.attributeRightAsPeriodEnd,
    attributeRightAsPattern: a.attributeRightAsPattern + b.attributeRightAsPattern,
    misses: [...a.misses, ...b.misses],
    spurious: [...a.spurious, ...b.spurious],
    wrongAttribute: [...a.wrongAttribute, ...b.wrongAttribute],
  }));
}

export function precision(s: KindScore): number {
  const denominator = s.truePositives + s.falsePositives;
  return denominator === 0 ? 1 : s.truePositives / denominator;
}

export function recall(s: KindScore): number {
  const denominator = s.truePositives + s.falseNegatives;
  return denominator === 0 ? 1 : s.truePositives / denominator;
}

export function f1(s: KindScore): number {
  const p = precision(s);
  const r = recall(s);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** The kinds scored, the answer key's list for each, and what its attribute is. */
export const SCORED_KINDS: readonly { kind: Kind; field: keyof GoldKey; attribute: string }[] = [
  { kind: 'control', field: 'controls', attribute: 'catalog id' },
  { kind: 'date', field: 'dates', attribute: 'value' },
  { kind: 'claim', field: 'claims', attribute: 'type' },
];

export interface DocumentScore {
  source: string;
  text: string;
  key: GoldKey;
  detections: readonly Detection[];
  byKind: ReadonlyMap<Kind, KindScore>;
}

export interface CorpusScore {
  documents: DocumentScore[];
  /** Each kind over every document. */
  overall: ReadonlyMap<Kind, KindScore>;
}

/** Detects in every keyed document with `detect` and scores each kind, per document and overall. */
export function scoreCorpus(
  documents: readonly { source: string; text: string; key: GoldKey }[],
  detect: (text: string) => readonly Detection[],
): CorpusScore {
  const scored = documents.map(({ source, text, key }): DocumentScore => {
    const detections = detect(text);
    return {
      source,
      text,
      key,
      detections,
      byKind: new Map(SCORED_KINDS.map(({ kind, field }) => [kind, scoreKind(kind, text, key[field], detections)])),
    };
  });
  const overall = new Map(
    SCORED_KINDS.map(({ kind }) => [kind, combine([emptyScore(kind), ...scored.map((d) => d.byKind.get(kind) ?? emptyScore(kind))])]),
  );
  return { documents: scored, overall };
}

/** The score of nothing detected against nothing keyed. */
export function emptyScore(kind: Kind): KindScore {
  return {
    kind,
    truePositives: 0,
    falsePositives: 0,
    falseNegatives: 0,
    attributeChecked: 0,
    attributeRight: 0,
    attributeRightAsPeriodEnd: 0,
    attributeRightAsPattern: 0,
    misses: [],
    spurious: [],
    wrongAttribute: [],
  };
}

/** A long sentence cut in the middle, so that the expected and found values after it stay on the line. */
function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= 100 ? flat : `${flat.slice(0, 60)} … ${flat.slice(-30)}`;
}
