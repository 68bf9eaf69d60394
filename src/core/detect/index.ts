// Runs the three detectors over a document and remembers each block's claims and dates
// so that re-detecting after an edit only works on the blocks that changed (controls,
// whose identifiers depend on their section, run over the whole text each time).
// A block's results depend on its own text and on a little document context (the
// reference date for dates; the byline and, for bullets, the block that introduces
// them for claims), so that context is part of the cache key.
import type { Detection, Kind } from '../model';
import { KINDS } from '../model';
import { splitBlocks, type Block } from '../text/blocks';
import { builtinCatalog } from '../catalog/builtin';
import { detectClaims } from './claims';
import { compileControlMatcher, detectControls, type ControlMatcher } from './controls';
import { detectDates, findDocumentDate } from './dates';

export interface DetectOptions {
  /** Which kinds to detect; all by default. */
  kinds?: readonly Kind[];
  /** `YYYY-MM-DD` to resolve relative dates against; default: the document's own date. */
  referenceDate?: string;
}

/** The document's own date is looked for in its opening only, so typing stays cheap. */
const DOCUMENT_DATE_WINDOW = 4000;
/** Blocks that hold no claims, dates or controls a researcher would tag. */
const SKIPPED: ReadonlySet<Block['kind']> = new Set<Block['kind']>(['blank', 'rule']);
/** Above this many changed blocks, one pass over the document beats many small ones. */
const WHOLE_PASS_THRESHOLD = 32;

interface CachedBlock {
  /** Detections with offsets relative to the block's start. */
  detections: Detection[];
}

let defaultMatcher: ControlMatcher | undefined;

/** The built-in catalog compiled once per process. */
export function builtinMatcher(): ControlMatcher {
  defaultMatcher ??= compileControlMatcher(builtinCatalog());
  return defaultMatcher;
}

function shift(d: Detection, by: number): Detection {
  return { ...d, start: d.start + by, end: d.end + by };
}

/**
 * One per document (the editor keeps one per open document; the CLI one per file).
 * `detect` returns every detection of the text, in document order.
 */
export class DocumentDetector {
  private cache = new Map<string, CachedBlock>();
  /** Blocks detected afresh by the last call: how incremental it was. */
  lastDetectedBlocks = 0;

  constructor(
    private readonly matcher: ControlMatcher = builtinMatcher(),
    /** Above this many changed blocks, one pass over the whole text (tests vary it). */
    private readonly wholePassThreshold = WHOLE_PASS_THRESHOLD,
  ) {}

  /** The reference date that relative dates of `text` resolve against, when there is one. */
  referenceDate(text: string, options: DetectOptions = {}): string | undefined {
    return options.referenceDate ?? findDocumentDate(text.slice(0, DOCUMENT_DATE_WINDOW))?.value;
  }

  detect(text: string, options: DetectOptions = {}): Detection[] {
    const kinds = new Set(options.kinds ?? KINDS);
    const reference = kinds.has('date') ? this.referenceDate(text, options) : undefined;
    const blocks = splitBlocks(text);
    const byline = blocks.find((b) => b.kind === 'byline')?.text ?? '';
    const kindKey = [...kinds].filter((k) => k !== 'control').sort().join(',');

    const keys: string[] = [];
    const missing: number[] = [];
    let intro = '';
    blocks.forEach((block, i) => {
      if (SKIPPED.has(block.kind)) {
        keys.push('');
        return;
      }
      const context = block.kind === 'bullet' ? intro : '';
      if (block.kind !== 'bullet') intro = block.text;
      const key = `${kindKey}\u0000${reference ?? ''}\u0000${byline}\u0000${context}\u0000${block.kind}\u0000${block.text}`;
      keys.push(key);
      if (!this.cache.has(key)) missing.push(i);
    });

    const fresh = new Map<number, Detection[]>();
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
      fresh.get(lo)?.push(d);
    };

    if (missing.length > 0) {
      for (const i of missing) fresh.set(i, []);
      // Many changed blocks (opening a document): one pass over the whole text is several
      // times cheaper than one call per block, and gives the same detections because
      // every rule stays inside its paragraph. A few (typing): only those blocks.
      const whole = missing.length > this.wholePassThreshold;
      // The document's date was looked for above; a block must not take a date of its
      // own opening sentence for the document's.
      const dateOptions = { referenceDate: reference ?? null };
      if (whole) {
        if (kinds.has('date')) for (const d of detectDates(text, dateOptions)) put(d);
        if (kinds.has('claim')) for (const d of detectClaims(text, { blocks })) put(d);
      } else {
        for (const i of missing) {
          const block = blocks[i] as Block;
          if (kinds.has('date')) for (const d of detectDates(block.text, dateOptions)) put(shift(d, block.start));
          if (kinds.has('claim')) {
            for (const d of detectClaims(text, { blocks, within: { start: block.start, end: block.end } })) put(d);
          }
        }
      }
    }

    const next = new Map<string, CachedBlock>();
    const out: Detection[] = [];
    blocks.forEach((block, i) => {
      const key = keys[i] as string;
      if (key === '') return;
      let cached = next.get(key) ?? this.cache.get(key);
      if (!cached) {
        cached = { detections: (fresh.get(i) ?? []).map((d) => shift(d, -block.start)) };
      }
      next.set(key, cached);
      for (const d of cached.detections) out.push(shift(d, block.start));
    });
    this.cache = next;
    this.lastDetectedBlocks = missing.length;
    // A control identifier counts when its framework is named in its section, which can
    // be blocks away, so controls are not cached per block: the matcher is fast enough
    // (well over 100 MB/s) to run over the whole text each time.
    if (kinds.has('control')) out.push(...detectControls(text, this.matcher));
    return out.sort((a, b) => a.start - b.start || a.end - b.end);
  }
}

/** Every detection in `text`, for one-off use (the CLI, tests). */
export function detectAll(text: string, options: DetectOptions = {}, matcher?: ControlMatcher): Detection[] {
  return new DocumentDetector(matcher).detect(text, options);
}
