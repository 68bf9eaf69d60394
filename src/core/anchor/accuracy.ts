// Accuracy benchmark for re-anchoring: annotate given spans of real documents, apply
// random realistic edits (sentences and paragraphs inserted and deleted elsewhere,
// sentences copied elsewhere, a paragraph duplicated, typos fixed inside quotes, lines
// reflowed, CRLF line endings), re-anchor, and count each annotation as correct, orphaned
// or wrong against where its text really went. Pure: the caller loads the documents and
// supplies the random number generator, so a seed reproduces a run.

import { anchorAt } from './context';
import { reanchor, type AnchorToFind } from './reanchor';

export interface AccuracyDocument {
  name: string;
  text: string;
  /** UTF-16 spans to annotate. */
  spans: { start: number; end: number }[];
}

/** How the edits touched an annotation's own text. */
export type EditCategory = 'untouched' | 'whitespace' | 'typo' | 'deleted';

export interface CategoryCounts {
  total: number;
  /** Found where its text went (or, for deleted text, orphaned). */
  correct: number;
  /** Orphaned although its text is still there: a miss, not an error. */
  orphaned: number;
  /** Attached to other text than its own, or attached although its text is gone. */
  wrong: number;
  /**
   * Its text was deleted, but an exact copy the edits had made elsewhere survives, with
   * its context, and the annotation followed it: indistinguishable from the text having
   * been moved there, so counted apart, neither correct nor wrong.
   */
  followed: number;
  /**
   * Attached to an exact copy of its own text that the edits made (a duplicated paragraph
   * or sentence), while the original is still there: the wrong copy, but the same words.
   */
  copy: number;
}

export interface AccuracyResult {
  trials: number;
  byCategory: Record<EditCategory, CategoryCounts>;
  /** Descriptions of the first few wrong anchors, to debug them. */
  wrongExamples: string[];
}

export interface AccuracyOptions {
  /** Edited versions of each document. Default 20. */
  trials?: number;
  /** Random edits per version (besides the optional CRLF conversion). Default 6. */
  editsPerTrial?: number;
  /**
   * Anchor by quote and context alone, as an import from a client that kept no positions
   * does (`positionUnknown`). Draws the same random numbers, so a seed edits the same way.
   */
  positionUnknown?: boolean;
}

/** Boundary slack allowed for an approximate match (typo or reflow inside the quote). */
const FUZZY_SLACK = 2;

const POOL = [
  'The company said the review would be completed by the end of the year.',
  'A spokesperson declined to comment further on the matter.',
  'Critics have questioned whether these measures go far enough.',
  'The audit was carried out by an independent third party.',
  'Officials did not respond to a request for comment.',
  'This statement has been updated to reflect new information.',
  'Security researchers say the risk is low but not negligible.',
  'The data is stored in the United States and Singapore.',
  'We have shared these findings with our partners.',
  'In a separate statement, the regulator welcomed the change.',
];

interface Truth {
  /** Index of the annotated span this is the text of (a copy's original). */
  of: number;
  start: number;
  end: number;
  deleted: boolean;
  touched: 'none' | 'whitespace' | 'typo';
}

type Rng = () => number;

export function measureAnchoring(docs: readonly AccuracyDocument[], rng: Rng, options: AccuracyOptions = {}): AccuracyResult {
  const trials = options.trials ?? 20;
  const editsPerTrial = options.editsPerTrial ?? 6;
  const empty = (): CategoryCounts => ({ total: 0, correct: 0, orphaned: 0, wrong: 0, followed: 0, copy: 0 });
  const result: AccuracyResult = {
    trials,
    wrongExamples: [],
    byCategory: { untouched: empty(), whitespace: empty(), typo: empty(), deleted: empty() },
  };
  for (const doc of docs) {
    const anchors: AnchorToFind[] = doc.spans.map((s) => ({
      ...anchorAt(doc.text, s.start, s.end),
      ...(options.positionUnknown === true ? { positionUnknown: true } : {}),
    }));
    for (let t = 0; t < trials; t++) {
      const ed = new Editor(doc.text, doc.spans, rng);
      for (let k = 0; k < editsPerTrial; k++) ed.randomEdit();
      if (rng() < 0.3) ed.toCrlf();
      const found = reanchor(anchors, ed.text);
      found.forEach((r, i) => {
        const truth = ed.truths[i] as Truth;
        const category: EditCategory = truth.deleted ? 'deleted' : truth.touched === 'none' ? 'untouched' : truth.touched;
        const c = result.byCategory[category];
        c.total++;
        if (truth.deleted) {
          if (r.state === 'orphaned') c.correct++;
          else if (ed.copies(i).some((x) => x.start === r.start && x.end === r.end)) c.followed++;
          else wrong(c, `${doc.name}: deleted "${anchors[i]?.quote}" attached at ${r.start}`);
          return;
        }
        if (r.state === 'orphaned') {
          c.orphaned++;
          return;
        }
        const slack = category === 'untouched' ? 0 : FUZZY_SLACK;
        if (Math.abs(r.start - truth.start) <= slack && Math.abs(r.end - truth.end) <= slack) c.correct++;
        else if (ed.copies(i).some((x) => x.start === r.start && x.end === r.end)) c.copy++;
        else
          wrong(
            c,
            `${doc.name}: "${anchors[i]?.quote}" (${category}) attached at ${r.start}-${r.end} "${ed.text.slice(r.start, r.end)}", truth ${truth.start}-${truth.end}; edits: ${ed.log.join(' | ')}`,
          );
      });
    }
  }
  return result;

  function wrong(c: CategoryCounts, example: string): void {
    c.wrong++;
    if (result.wrongExamples.length < 10) result.wrongExamples.push(example);
  }
}

/** A document being edited, with the true place of every annotated span. */
class Editor {
  /** What was done, for the descriptions of wrong anchors. */
  readonly log: string[] = [];
  /** The annotated spans (index i is span i), then copies of them the edits made. */
  readonly truths: Truth[];

  constructor(
    public text: string,
    spans: readonly { start: number; end: number }[],
    private readonly rng: Rng,
  ) {
    this.truths = spans.map((s, of) => ({ of, start: s.start, end: s.end, deleted: false, touched: 'none' }));
  }

  /** Live copies of span i's text. */
  copies(i: number): Truth[] {
    return this.truths.filter((t, j) => j !== i && t.of === i && !t.deleted);
  }

  /** Inserts `text`, which starts with a copy of text[from, to), at `at`, recording copies of the spans it holds. */
  private copy(from: number, to: number, at: number, text: string): void {
    const inside = this.live()
      .filter((t) => t.start >= from && t.end <= to)
      .map((t) => ({ ...t }));
    this.edit(at, 0, text, 'none');
    // The copy starts with text[from]: whatever is appended to it comes after.
    for (const t of inside) this.truths.push({ ...t, start: at + t.start - from, end: at + t.end - from });
  }

  private pick<T>(xs: readonly T[]): T | undefined {
    return xs.length === 0 ? undefined : xs[Math.floor(this.rng() * xs.length)];
  }

  randomEdit(): void {
    const ops = [
      () => {
        this.insertSentence();
      },
      () => {
        this.insertSentence();
      },
      () => {
        this.insertParagraph();
      },
      () => {
        this.deleteSentence();
      },
      () => {
        this.deleteParagraph();
      },
      () => {
        this.copySentence();
      },
      () => {
        this.duplicateParagraph();
      },
      () => {
        this.typo();
      },
      () => {
        this.typo();
      },
      () => {
        this.reflow();
      },
    ];
    (this.pick(ops) as () => void)();
  }

  /** Applies one replacement and moves the truths; edits never cross a span's boundary. */
  private edit(at: number, length: number, insert: string, touched: 'none' | 'whitespace' | 'typo'): void {
    if (touched !== 'whitespace') this.log.push(`${at}+${length}→${JSON.stringify(insert.slice(0, 40))}`);
    const delta = insert.length - length;
    for (const t of this.truths) {
      if (t.deleted) continue;
      if (length > 0 && at <= t.start && at + length >= t.end) t.deleted = true;
      else if (at + length <= t.start && !(length === 0 && at === t.start && touched !== 'none')) {
        t.start += delta;
        t.end += delta;
      } else if (at >= t.end) continue;
      else if (at >= t.start && at + length <= t.end) {
        t.end += delta;
        if (touched === 'typo' || (touched === 'whitespace' && t.touched === 'none')) t.touched = touched;
      } else throw new Error(`benchmark edit ${at}+${length} crosses span ${t.start}-${t.end}`);
    }
    this.text = this.text.slice(0, at) + insert + this.text.slice(at + length);
  }

  private live(): Truth[] {
    return this.truths.filter((t) => !t.deleted);
  }

  /** True when p is strictly inside a span: text inserted there would change its quote. */
  private inside(p: number): boolean {
    return this.live().some((t) => t.start < p && p < t.end);
  }

  /** True when deleting [from, to) removes whole spans or misses them, never cuts one. */
  private deletable(from: number, to: number): boolean {
    return this.live().every((t) => t.end <= from || t.start >= to || (from <= t.start && t.end <= to));
  }

  /** True when no span starts or ends within [from, to]. */
  private clearOfBoundaries(from: number, to: number): boolean {
    return this.live().every((t) => (t.start < from || t.start > to) && (t.end < from || t.end > to));
  }

  /** Offsets just after the end of a sentence or at the start of a paragraph. */
  private sentenceStarts(): number[] {
    const out = [0];
    const re = /[.!?]["”’)]?[ \u00a0]+|\n\s*\n/g;
    for (let m = re.exec(this.text); m !== null; m = re.exec(this.text)) out.push(m.index + m[0].length);
    return [...new Set(out)].filter((p) => p < this.text.length).sort((a, b) => a - b);
  }

  private paragraphStarts(): number[] {
    const out = [0];
    const re = /\n\s*\n/g;
    for (let m = re.exec(this.text); m !== null; m = re.exec(this.text)) out.push(m.index + m[0].length);
    return out.filter((p) => p < this.text.length);
  }

  private insertSentence(): void {
    const at = this.pick(this.sentenceStarts().filter((p) => !this.inside(p)));
    if (at !== undefined) this.edit(at, 0, `${this.pick(POOL) as string} `, 'none');
  }

  private insertParagraph(): void {
    const at = this.pick(this.paragraphStarts().filter((p) => !this.inside(p)));
    if (at === undefined) return;
    this.edit(at, 0, `${this.pick(POOL) as string} ${this.pick(POOL) as string}\n\n`, 'none');
  }

  /** A region between two consecutive boundaries; `forDeletion`: one that cuts no span. */
  private region(starts: number[], forDeletion: boolean): [number, number] | undefined {
    const bounds = [...starts, this.text.length];
    const regions: [number, number][] = [];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const from = bounds[i] as number;
      const to = bounds[i + 1] as number;
      if (to > from && (!forDeletion || this.deletable(from, to))) regions.push([from, to]);
    }
    return this.pick(regions);
  }

  private deleteSentence(): void {
    const r = this.region(this.sentenceStarts(), true);
    if (r !== undefined) this.edit(r[0], r[1] - r[0], '', 'none');
  }

  private deleteParagraph(): void {
    const r = this.region(this.paragraphStarts(), true);
    if (r !== undefined) this.edit(r[0], r[1] - r[0], '', 'none');
  }

  /**
   * A sentence of the document copied to another sentence boundary: an exact duplicate in
   * other context. Never right before or after itself: "S S" reads the same whichever
   * copy is the original, so no truth could be told there.
   */
  private copySentence(): void {
    const r = this.region(this.sentenceStarts(), false);
    if (r === undefined || r[1] - r[0] > this.text.length / 3) return;
    const at = this.pick(this.sentenceStarts().filter((p) => !this.inside(p) && p !== r[0] && p !== r[1]));
    if (at === undefined) return;
    const body = this.text.slice(r[0], r[1]);
    this.copy(r[0], r[1], at, /\s$/.test(body) ? body : `${body} `);
  }

  /** A paragraph duplicated at another paragraph boundary (not next to itself, as above). */
  private duplicateParagraph(): void {
    const r = this.region(this.paragraphStarts(), false);
    // A paragraph, not most of the document: two copies of everything have no original.
    if (r === undefined || r[1] - r[0] > this.text.length / 3) return;
    const at = this.pick(this.paragraphStarts().filter((p) => !this.inside(p) && p !== r[0] && p !== r[1]));
    if (at === undefined) return;
    const body = this.text.slice(r[0], r[1]);
    this.copy(r[0], r[1], at, /\n\s*\n$/.test(body) ? body : `${body}\n\n`);
  }

  /** One letter substituted, inserted, deleted or swapped well inside a quote. */
  private typo(): void {
    const t = this.pick(this.truths.filter((x, i) => !x.deleted && x.of === i && x.end - x.start >= 12));
    if (t === undefined) return;
    const candidates: number[] = [];
    for (let i = t.start + 3; i < t.end - 3; i++)
      if (/[a-z]/.test(this.text.charAt(i)) && /[a-z]/.test(this.text.charAt(i + 1))) candidates.push(i);
    const at = this.pick(candidates);
    if (at === undefined || !this.clearOfBoundaries(at, at + 2)) return;
    const letter = this.pick('etaoinshrdlu'.split('')) as string;
    const kind = Math.floor(this.rng() * 4);
    if (kind === 0) this.edit(at, 1, letter, 'typo');
    else if (kind === 1) this.edit(at, 0, letter, 'typo');
    else if (kind === 2) this.edit(at, 1, '', 'typo');
    else this.edit(at, 2, this.text.charAt(at + 1) + this.text.charAt(at), 'typo');
  }

  /** Lines of one paragraph re-wrapped at about 60 columns (spaces turned into line breaks). */
  private reflow(): void {
    const r = this.region(this.paragraphStarts(), false);
    if (r === undefined) return;
    let column = 0;
    for (let i = r[0]; i < r[1]; i++) {
      column++;
      if (this.text.charAt(i) === ' ' && column > 60) {
        this.edit(i, 1, '\n', 'whitespace');
        column = 0;
      }
    }
  }

  /** Every LF becomes CRLF, as a checkout on Windows would make it. */
  toCrlf(): void {
    for (let i = this.text.length - 1; i >= 0; i--) {
      if (this.text.charAt(i) === '\n' && this.text.charAt(i - 1) !== '\r') this.edit(i, 0, '\r', 'whitespace');
    }
  }
}
