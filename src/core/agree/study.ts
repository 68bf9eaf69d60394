// An agreement study: two or more coders' spans over the same documents, compared per
// kind. Three questions, each with its standard figure: do they mark the same spans
// (precision, recall and F1, exact and overlapping), do they give matched spans the same
// label (Cohen's κ per pair, Krippendorff's α over all), and how far do their markings of
// the text agree as a whole (Krippendorff's unitized αᵤ over the continuum of the text).
import { krippendorffAlpha, type AlphaResult } from './alpha';
import type { CodedDocument, CodedSpan, Coder, LeftOut } from './coders';
import { cohenKappa } from './kappa';
import { matchSpans, type SpanMatching } from './match';
import { unitizedAlpha, type UnitizedUnit } from './unitized';

export interface SpanScores {
  /** Pairs counted by this measure (exact: same span; overlap: any shared position). */
  matched: number;
  /** With the first coder as reference: the share of the second's spans the first also marked. Undefined without spans. */
  precision: number | undefined;
  /** The share of the first coder's spans the second also marked. */
  recall: number | undefined;
  f1: number | undefined;
}

export interface LabelScores {
  /** Overlapping pairs compared. */
  pairs: number;
  /** Of those, pairs with the same label. */
  agreed: number;
  kappa: number | undefined;
}

/** Two coders compared on one kind. */
export interface PairAgreement {
  /** Indexes into AgreementReport.coders. */
  a: number;
  b: number;
  spansA: number;
  spansB: number;
  exact: SpanScores;
  overlap: SpanScores;
  labels: LabelScores;
}

export interface UnitizedScores {
  alpha: number | undefined;
  observed: number;
  expected: number;
}

export interface KindAgreement {
  kind: string;
  /** Spans of this kind per coder, in the compared documents. */
  spans: number[];
  pairs: PairAgreement[];
  /** Krippendorff's α (nominal) of the labels over aligned spans; a span only some coders marked counts as missing data. */
  labelAlpha: AlphaResult;
  /** Krippendorff's αᵤ of where the coders put spans of this kind. */
  unitized: UnitizedScores;
}

export type DisagreementType = 'only' | 'span' | 'label' | 'span-label';

/** One place two coders differ. `spanA` absent: only the second coder marked it, and the reverse. */
export interface Disagreement {
  document: string;
  kind: string;
  type: DisagreementType;
  a: number;
  b: number;
  spanA?: CodedSpan;
  spanB?: CodedSpan;
}

export interface AgreementReport {
  coders: string[];
  /** Documents every coder has, compared. */
  documents: string[];
  /** Documents some coders do not have: not compared. */
  unpaired: { document: string; coders: string[] }[];
  kinds: KindAgreement[];
  /** αᵤ of all kinds together (each kind a category). */
  unitized: UnitizedScores;
  disagreements: Disagreement[];
  /** Per coder, what their sidecars held that does not count (see coders.ts). */
  leftOut: (LeftOut | undefined)[];
}

export interface StudyOptions {
  /** Compare only these kinds (default: every kind any coder used). */
  kinds?: readonly string[];
}

function ratio(n: number, d: number): number | undefined {
  return d === 0 ? undefined : n / d;
}

function scores(matched: number, spansA: number, spansB: number): SpanScores {
  return { matched, precision: ratio(matched, spansB), recall: ratio(matched, spansA), f1: ratio(2 * matched, spansA + spansB) };
}

function spansOfKind(doc: CodedDocument | undefined, kind: string): CodedSpan[] {
  return doc ? doc.spans.filter((s) => s.kind === kind) : [];
}

/** Compares the coders on the documents they all have. */
export function compareCoders(coders: readonly Coder[], options: StudyOptions = {}): AgreementReport {
  if (coders.length < 2) throw new RangeError(`an agreement study needs two coders or more; got ${coders.length}`);
  const names = new Set<string>();
  for (const c of coders) for (const doc of c.documents.keys()) names.add(doc);
  const documents: string[] = [];
  const unpaired: AgreementReport['unpaired'] = [];
  for (const doc of [...names].sort()) {
    const having = coders.filter((c) => c.documents.has(doc)).map((c) => c.name);
    if (having.length === coders.length) documents.push(doc);
    else unpaired.push({ document: doc, coders: having });
  }
  const used = new Set<string>();
  for (const c of coders) for (const doc of documents) for (const s of c.documents.get(doc)?.spans ?? []) used.add(s.kind);
  const kinds = (options.kinds ?? [...used].sort(kindOrder)).filter((k) => options.kinds !== undefined || used.has(k));

  // One continuum for αᵤ: the compared documents one after another, each as long as its text (or its last span).
  const offsets = new Map<string, number>();
  let length = 0;
  for (const doc of documents) {
    offsets.set(doc, length);
    let docLength = 0;
    for (const c of coders) {
      const d = c.documents.get(doc);
      docLength = Math.max(docLength, d?.length ?? 0, ...(d?.spans ?? []).map((s) => s.end));
    }
    length += docLength;
  }

  const disagreements: Disagreement[] = [];
  const units: UnitizedUnit[] = [];
  const kindResults = kinds.map((kind) => {
    const pairs: PairAgreement[] = [];
    const matchings = new Map<string, SpanMatching>();
    for (let a = 0; a < coders.length; a++) {
      for (let b = a + 1; b < coders.length; b++) {
        const pair = comparePair(coders, a, b, kind, documents, matchings, disagreements);
        pairs.push(pair);
      }
    }
    for (let c = 0; c < coders.length; c++) {
      for (const doc of documents) {
        const base = offsets.get(doc) ?? 0;
        for (const s of spansOfKind((coders[c] as Coder).documents.get(doc), kind)) {
          units.push({ coder: c, start: base + s.start, end: base + s.end, category: kind });
        }
      }
    }
    return {
      kind,
      spans: coders.map((c) => documents.reduce((n, doc) => n + spansOfKind(c.documents.get(doc), kind).length, 0)),
      pairs,
      labelAlpha: krippendorffAlpha(alignedLabels(coders.length, documents, kind, matchings, coders), 'nominal'),
    };
  });

  const unitized =
    length > 0
      ? unitizedAlpha({ begin: 0, length, coders: coders.length, units })
      : { alpha: undefined, observed: 0, expected: 0, categories: [] };
  const byCategory = new Map(unitized.categories.map((c) => [c.category, c]));
  disagreements.sort((x, y) => x.document.localeCompare(y.document) || startOf(x) - startOf(y) || x.kind.localeCompare(y.kind));
  return {
    coders: coders.map((c) => c.name),
    documents,
    unpaired,
    kinds: kindResults.map((k) => {
      const u = byCategory.get(k.kind);
      return { ...k, unitized: { alpha: u?.alpha, observed: u?.observed ?? 0, expected: u?.expected ?? 0 } };
    }),
    unitized: { alpha: unitized.alpha, observed: unitized.observed, expected: unitized.expected },
    disagreements,
    leftOut: coders.map((c) => c.leftOut),
  };
}

function startOf(d: Disagreement): number {
  return Math.min(d.spanA?.start ?? Infinity, d.spanB?.start ?? Infinity);
}

const BUILT_IN = ['claim', 'date', 'control'];
/** The detectors' kinds first, in their usual order, then codebook kinds alphabetically. */
function kindOrder(x: string, y: string): number {
  const i = BUILT_IN.indexOf(x);
  const j = BUILT_IN.indexOf(y);
  return (i < 0 ? BUILT_IN.length : i) - (j < 0 ? BUILT_IN.length : j) || x.localeCompare(y);
}

function comparePair(
  coders: readonly Coder[],
  a: number,
  b: number,
  kind: string,
  documents: readonly string[],
  matchings: Map<string, SpanMatching>,
  disagreements: Disagreement[],
): PairAgreement {
  let spansA = 0;
  let spansB = 0;
  let exact = 0;
  let overlapping = 0;
  const labelPairs: [string, string][] = [];
  for (const doc of documents) {
    const left = spansOfKind((coders[a] as Coder).documents.get(doc), kind);
    const right = spansOfKind((coders[b] as Coder).documents.get(doc), kind);
    spansA += left.length;
    spansB += right.length;
    const m = matchSpans(left, right);
    matchings.set(`${a}\u0000${b}\u0000${doc}`, m);
    for (const p of m.pairs) {
      overlapping++;
      if (p.exact) exact++;
      labelPairs.push([p.a.label, p.b.label]);
      const sameLabel = p.a.label === p.b.label;
      if (!p.exact || !sameLabel) {
        const type: DisagreementType = p.exact ? 'label' : sameLabel ? 'span' : 'span-label';
        disagreements.push({ document: doc, kind, type, a, b, spanA: p.a, spanB: p.b });
      }
    }
    for (const s of m.onlyA) disagreements.push({ document: doc, kind, type: 'only', a, b, spanA: s });
    for (const s of m.onlyB) disagreements.push({ document: doc, kind, type: 'only', a, b, spanB: s });
  }
  const kappa = cohenKappa(labelPairs);
  return {
    a,
    b,
    spansA,
    spansB,
    exact: scores(exact, spansA, spansB),
    overlap: scores(overlapping, spansA, spansB),
    labels: { pairs: labelPairs.length, agreed: labelPairs.filter(([x, y]) => x === y).length, kappa: kappa.kappa },
  };
}

/**
 * The reliability data for α over labels: one unit per group of spans the pairings join
 * (a span paired with another coder's span is the same unit), one column per coder; a
 * coder with no span in the group is missing data. When pairings chain two spans of one
 * coder into a group, the first in the text stands for that coder.
 */
function alignedLabels(
  coderCount: number,
  documents: readonly string[],
  kind: string,
  matchings: ReadonlyMap<string, SpanMatching>,
  coders: readonly Coder[],
): (string | undefined)[][] {
  const rows: (string | undefined)[][] = [];
  for (const doc of documents) {
    const spans = coders.map((c) => spansOfKind(c.documents.get(doc), kind));
    const parent = new Map<CodedSpan, CodedSpan>();
    const find = (s: CodedSpan): CodedSpan => {
      let root = s;
      while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root) as CodedSpan;
      parent.set(s, root);
      return root;
    };
    for (let a = 0; a < coderCount; a++) {
      for (let b = a + 1; b < coderCount; b++) {
        for (const p of matchings.get(`${a}\u0000${b}\u0000${doc}`)?.pairs ?? []) parent.set(find(p.b), find(p.a));
      }
    }
    const groups = new Map<CodedSpan, (string | undefined)[]>();
    spans.forEach((list, coder) => {
      for (const s of list) {
        const root = find(s);
        let row = groups.get(root);
        if (!row) {
          row = new Array<string | undefined>(coderCount).fill(undefined);
          groups.set(root, row);
        }
        row[coder] ??= s.label;
      }
    });
    rows.push(...groups.values());
  }
  return rows;
}
