// Runs the three detectors over a document and remembers each block's claims and dates
// so that re-detecting after an edit only works on the blocks that changed (controls,
// whose identifiers depend on their section, run over the whole text each time).
// A block's results depend on its own text and on a little document context (the
// reference date for dates; the byline and, for bullets, the block that introduces
// them for claims): the document-wide part is checked once per call, the rest per block.
import type { Detection, Kind } from '../model';
import { KINDS } from '../model';
import { splitBlocks, type Block } from '../text/blocks';
import { builtinCatalog } from '../catalog/builtin';
import { detectClaims } from './claims';
import { compileControlMatcher, detectControls, type ControlMatcher } from './controls';
import { detectDates, findDocumentDate, findFiscalYearStart } from './dates';

export interface DetectOptions {
  /** Which kinds to detect; all by default. */
  kinds?: readonly Kind[];
  /** `YYYY-MM-DD` to resolve relative dates against; default: the document's own date. */
  referenceDate?: string;
}

/** The document's own date is looked for in its opening only, so typing stays cheap. */
const DOCUMENT_DATE_WINDOW = 4000;
/** Above this many changed blocks, one pass over the document beats many small ones. */
const WHOLE_PASS_THRESHOLD = 32;

/** Blocks that hold no claims, dates or controls a researcher would tag. */
function skipped(kind: Block['kind']): boolean {
  return kind === 'blank' || kind === 'rule';
}

interface CachedBlock {
  kind: Block['kind'];
  /** For a bullet, the text of the block that introduces it; '' otherwise. */
  context: string;
  /** Where the block started when it was detected: the detections' offsets count from there. */
  base: number;
  /** Sorted by start, then end. Never handed out: callers get copies they may keep. */
  detections: readonly Detection[];
}

/**
 * Cached blocks by their text. Keyed by the block's own text (a slice of the document,
 * which costs no copy) rather than by a key string built per block: concatenating and
 * hashing such keys copied the whole document on every call. A text can stand for more
 * than one block (the same bullet under two lists), hence the occasional array.
 */
type BlockCache = Map<string, CachedBlock | CachedBlock[]>;

function lookUp(cache: BlockCache, text: string, kind: Block['kind'], context: string): CachedBlock | undefined {
  const slot = cache.get(text);
  if (slot === undefined) return undefined;
  if (!Array.isArray(slot)) return slot.kind === kind && slot.context === context ? slot : undefined;
  return slot.find((c) => c.kind === kind && c.context === context);
}

function remember(cache: BlockCache, text: string, entry: CachedBlock): void {
  const slot = cache.get(text);
  if (slot === undefined) cache.set(text, entry);
  else if (Array.isArray(slot)) slot.push(entry);
  else cache.set(text, [slot, entry]);
}

let defaultMatcher: ControlMatcher | undefined;

/** The built-in catalog compiled once per process. */
export function builtinMatcher(): ControlMatcher {
  defaultMatcher ??= compileControlMatcher(builtinCatalog());
  return defaultMatcher;
}

/**
 * A copy of `d`, `by` further on. One spread per kind, identical as they look: each
 * spread learns the shapes it copies, and a single one that saw every shape of every
 * kind copied two to three times slower, a few per cent of the whole pipeline.
 */
function shift(d: Detection, by: number): Detection {
  switch (d.kind) {
    case 'claim':
      return { ...d, start: d.start + by, end: d.end + by };
    case 'date':
      return { ...d, start: d.start + by, end: d.end + by };
    case 'control':
      return { ...d, start: d.start + by, end: d.end + by };
  }
}

const byPosition = (a: Detection, b: Detection): number => a.start - b.start || a.end - b.end;

/**
 * Sorts one block's few detections in place, stably (dates stay before claims over the
 * same span). By hand: the built-in sort allocates working storage on every call, which
 * over thousands of blocks was a measurable share of the pipeline's garbage.
 */
function sortSmall(ds: Detection[]): Detection[] {
  for (let i = 1; i < ds.length; i++) {
    const d = ds[i] as Detection;
    let j = i;
    while (j > 0 && byPosition(ds[j - 1] as Detection, d) > 0) {
      ds[j] = ds[j - 1] as Detection;
      j--;
    }
    ds[j] = d;
  }
  return ds;
}

function isSorted(ds: readonly Detection[]): boolean {
  for (let i = 1; i < ds.length; i++) if (byPosition(ds[i - 1] as Detection, ds[i] as Detection) > 0) return false;
  return true;
}

/**
 * `a` and `b` (each sorted) in one sorted array, `a` first where two tie: what a stable
 * sort of `a` followed by `b` gives, in linear time.
 */
function merge(a: Detection[], b: readonly Detection[]): Detection[] {
  if (b.length === 0) return a;
  const out: Detection[] = new Array<Detection>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Detection;
    const y = b[j] as Detection;
    if (byPosition(x, y) <= 0) {
      out[k++] = x;
      i++;
    } else {
      out[k++] = y;
      j++;
    }
  }
  while (i < a.length) out[k++] = a[i++] as Detection;
  while (j < b.length) out[k++] = b[j++] as Detection;
  return out;
}

/**
 * One per document (the editor keeps one per open document; the CLI one per file).
 * `detect` returns every detection of the text, in document order.
 */
export class DocumentDetector {
  private cache: BlockCache = new Map();
  /** The document-wide part of what the cached blocks were detected under. */
  private cacheKey: string | undefined;
  /** Blocks detected afresh by the last call: how incremental it was. */
  lastDetectedBlocks = 0;

  constructor(
    private readonly matcher: ControlMatcher = builtinMatcher(),
    /** Above this many changed blocks, one pass over the whole text (tests vary it). */
    private readonly wholePassThreshold = WHOLE_PASS_THRESHOLD,
  ) {}

  /** The reference date that relative dates of `text` resolve against, when there is one. */
  referenceDate(text: string, options: DetectOptions = {}): string | undefined {
    if (options.referenceDate !== undefined) return options.referenceDate;
    // Typing rarely touches the document's opening: look for its date again only when it changed.
    const head = text.slice(0, DOCUMENT_DATE_WINDOW);
    if (head !== this.lastHead) {
      this.lastHead = head;
      this.lastHeadDate = findDocumentDate(head)?.value;
    }
    return this.lastHeadDate;
  }

  /** The fiscal year start stated in the document's opening, if any (looked for again only when the opening changed). */
  private fiscalYearStart(text: string): string | undefined {
    const head = text.slice(0, DOCUMENT_DATE_WINDOW);
    if (head !== this.fiscalHead) {
      this.fiscalHead = head;
      this.lastHeadFiscal = findFiscalYearStart(head);
    }
    return this.lastHeadFiscal;
  }

  private fiscalHead: string | undefined;
  private lastHeadFiscal: string | undefined;

  private lastHead: string | undefined;
  private lastHeadDate: string | undefined;

  detect(text: string, options: DetectOptions = {}): Detection[] {
    const steps = this.run(text, options, Infinity);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  }

  /**
   * The same detection as `detect`, in steps: a document detected afresh (opening a large
   * one) is done about `stepChars` of text at a time, and the generator yields between
   * steps so the caller can give the event loop back. Its return value is what `detect`
   * returns, and the cache is primed the same way, so the next edit is incremental. The
   * text is a snapshot: if the document changes meanwhile, detect the new text after.
   */
  detectInSteps(text: string, options: DetectOptions = {}, stepChars = 256 * 1024): Generator<void, Detection[], void> {
    return this.run(text, options, stepChars);
  }

  private *run(text: string, options: DetectOptions, stepChars: number): Generator<void, Detection[], void> {
    const kinds = new Set(options.kinds ?? KINDS);
    const dates = kinds.has('date');
    const claims = kinds.has('claim');
    const reference = dates ? this.referenceDate(text, options) : undefined;
    const blocks = splitBlocks(text);
    const byline = blocks.find((b) => b.kind === 'byline')?.text ?? '';
    const kindKey = [...kinds]
      .filter((k) => k !== 'control')
      .sort()
      .join(',');
    // Every block depends on these: when one changes, nothing cached still holds.
    const fiscal = dates ? this.fiscalYearStart(text) : undefined;
    const cacheKey = `${kindKey}\u0000${reference ?? ''}\u0000${fiscal ?? ''}\u0000${byline}`;
    const previous: BlockCache = cacheKey === this.cacheKey ? this.cache : new Map<string, CachedBlock | CachedBlock[]>();

    const contexts: string[] = new Array<string>(blocks.length);
    const found: (CachedBlock | undefined)[] = new Array<CachedBlock | undefined>(blocks.length);
    /** For each block detected afresh, its detections, in document offsets. */
    const fresh: (Detection[] | undefined)[] = new Array<Detection[] | undefined>(blocks.length);
    let missing = 0;
    let intro = '';
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i] as Block;
      if (skipped(block.kind)) continue;
      const context = block.kind === 'bullet' ? intro : '';
      if (block.kind !== 'bullet' && block.kind !== 'chrome') intro = block.text;
      contexts[i] = context;
      const hit = lookUp(previous, block.text, block.kind, context);
      found[i] = hit;
      if (hit === undefined) {
        fresh[i] = [];
        missing++;
      }
    }

    // Each detection belongs to the block that contains its start; only blocks being
    // detected afresh take detections.
    const put = (d: Detection): void => {
      let lo = 0;
      let hi = blocks.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if ((blocks[mid] as Block).start <= d.start) lo = mid;
        else hi = mid - 1;
      }
      fresh[lo]?.push(d);
    };

    if (missing > 0) {
      // Many changed blocks (opening a document): one pass over the whole text is several
      // times cheaper than one call per block, and gives the same detections because
      // every rule stays inside its paragraph. A few (typing): only those blocks.
      const whole = missing > this.wholePassThreshold;
      // The document's date was looked for above; a block must not take a date of its
      // own opening sentence for the document's.
      const dateOptions = { referenceDate: reference ?? null, fiscalYearStart: fiscal ?? null };
      if (whole && text.length <= stepChars) {
        if (dates) for (const d of detectDates(text, dateOptions)) put(d);
        if (claims) for (const d of detectClaims(text, { blocks })) put(d);
      } else if (whole) {
        // Whole paragraphs at a time, each step about stepChars long: the same detections
        // as one pass (every rule stays inside its paragraph), with pauses between.
        for (let first = 0; first < blocks.length;) {
          const from = (blocks[first] as Block).start;
          let last = first;
          while (last + 1 < blocks.length && (blocks[last] as Block).end - from < stepChars) last++;
          const to = (blocks[last] as Block).end;
          if (dates) for (const d of detectDates(text.slice(from, to), dateOptions)) put(shift(d, from));
          if (claims) for (const d of detectClaims(text, { blocks, within: { start: from, end: to } })) put(d);
          first = last + 1;
          yield;
        }
      } else {
        for (let i = 0; i < blocks.length; i++) {
          if (fresh[i] === undefined) continue;
          const block = blocks[i] as Block;
          if (dates) for (const d of detectDates(block.text, dateOptions)) put(shift(d, block.start));
          if (claims) {
            for (const d of detectClaims(text, { blocks, within: { start: block.start, end: block.end } })) put(d);
          }
        }
      }
    }

    const next: BlockCache = new Map();
    const out: Detection[] = [];
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i] as Block;
      const context = contexts[i];
      if (context === undefined) continue;
      // A block whose twin came earlier in this call shares the twin's entry.
      let entry = lookUp(next, block.text, block.kind, context);
      if (entry === undefined) {
        entry = found[i];
        if (entry === undefined) {
          entry = { kind: block.kind, context, base: block.start, detections: sortSmall(fresh[i] ?? []) };
        }
        remember(next, block.text, entry);
      }
      const by = block.start - entry.base;
      for (const d of entry.detections) out.push(shift(d, by));
    }
    this.cache = next;
    this.cacheKey = cacheKey;
    this.lastDetectedBlocks = missing;
    // A control identifier counts when its framework is named in its section, which can
    // be blocks away, so controls are not cached per block: the matcher is fast enough
    // (well over 100 MB/s) to run over the whole text each time. Blocks are in document
    // order and each block's detections sorted, so `out` is sorted already and merging
    // replaces sorting everything.
    if (!kinds.has('control')) return out;
    const controls: Detection[] = detectControls(text, this.matcher);
    return merge(out, isSorted(controls) ? controls : controls.sort(byPosition));
  }
}

/** Every detection in `text`, for one-off use (the CLI, tests). */
export function detectAll(text: string, options: DetectOptions = {}, matcher?: ControlMatcher): Detection[] {
  return new DocumentDetector(matcher).detect(text, options);
}
