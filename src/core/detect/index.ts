// Runs the three detectors over a document, remembering each block's detections so that
// re-detecting after an edit only works where the text changed.
//
// Claims and dates are detected block by block. A block's results depend on its own
// text and on a little document context (the reference date for dates; the byline and,
// for bullets, the block that introduces them for claims): the document-wide part is
// checked once per call, the rest per block, and a block's results are cached by its
// text. Controls are matched over the whole text the first time; after an edit only
// around it (controlWindow.ts: a control identifier counts when its framework is named in
// its section, so they reach further than a block).
//
// After an edit the work is proportional to the edit, not to the document: where the
// text changed is found by comparing it with the previous text (text/diff.ts), only the
// runs of lines around the change are split into blocks again (resplitBlocks), only new
// blocks are looked up or detected, controls are matched in a window around the change,
// and the result (a DetectionSet) shares the other blocks' detections with the previous
// one, moved by the edit's length, without copying them.
import type { Detection, Kind } from '../model';
import { KINDS } from '../model';
import { blockAt, resplitBlocks, splitBlocks, splitBlocksInSteps, type Block, type TextSpanChange } from '../text/blocks';
import { changedSpan } from '../text/diff';
import { builtinCatalog } from '../catalog/builtin';
import { detectClaims } from './claims';
import { compileControlMatcher, type ControlMatcher } from './controls';
import { documentControls, documentControlsInSteps, splicedControls, type DocumentControls } from './controlSplice';

import {
  CLOSING_DATE_WINDOW,
  detectDates,
  documentContextFrom,
  findClosingDate,
  findDayZero,
  findDocumentContext,
  scanDates,
} from './dates';
import type { Mention } from './dates/expression';
import { DetectionSet, makePiece, movePiece, shifted, type DetectionPiece } from './detectionSet';
import { nextIntro, readsAsList, startIntros, type ListIntros } from './listIntro';
import { blockDayKeys, blockDaysOf } from './dates/sections';

export { DetectionSet } from './detectionSet';

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

/**
 * What a block's claims depend on beyond its own text: for a bullet, the block that
 * introduces it, kind included (a lead-in line reads differently as a heading).
 */
function contextOf(block: Block, intro: Block | undefined): string {
  return block.kind === 'bullet' && intro !== undefined ? `${intro.kind}\u0000${intro.text}` : '';
}

/** A block's context with its blockDayKeys key (an update's day, the list item it goes on from): its dates are told from them. */
function withSection(context: string, day: string | undefined): string {
  return day === undefined ? context : `${context}\u0001${day}`;
}

/** The context without its update day. */
function baseContext(context: string): string {
  const at = context.lastIndexOf('\u0001');
  return at < 0 ? context : context.slice(0, at);
}

/**
 * The list reading (listIntro.ts) just before blocks[from]: from the last block before it
 * that is no list item, read forward.
 */
function introsBefore(blocks: readonly Block[], from: number): ListIntros {
  let start = from;
  while (start > 0 && !introduces((blocks[start - 1] as Block).kind)) start--;
  const state = startIntros();
  for (let i = Math.max(0, start - 1); i < from; i++) {
    const b = blocks[i] as Block;
    if (readsAsList(b.kind)) nextIntro(state, b);
  }
  return state;
}

/** Whether a block in blocks[from..to) introduces the bullets after it. */
function introducesBetween(blocks: readonly Block[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (introduces((blocks[i] as Block).kind)) return true;
  return false;
}

/**
 * The block that introduces the bullet blocks[at], as contextOf reads it. `known` holds
 * the reading after the last block asked for in one pass (ascending), so a long list is
 * read once.
 */
function introOf(
  blocks: readonly Block[],
  at: number,
  known: { at: number; state: ListIntros } | undefined,
): { intro: Block | undefined; known: { at: number; state: ListIntros } } {
  let state: ListIntros;
  let i: number;
  if (known !== undefined && known.at < at && !introducesBetween(blocks, known.at + 1, at)) {
    state = known.state;
    i = known.at + 1;
  } else {
    state = introsBefore(blocks, at);
    i = at;
  }
  for (; i < at; i++) {
    const b = blocks[i] as Block;
    if (readsAsList(b.kind)) nextIntro(state, b);
  }
  const intro = nextIntro(state, blocks[at] as Block);
  return { intro, known: { at, state } };
}

/** Whether a block introduces the bullets after it: not a bullet, and not site furniture (a menu, a cookie bar). */
function introduces(kind: Block['kind']): boolean {
  return !skipped(kind) && kind !== 'bullet' && kind !== 'chrome';
}

interface CachedBlock {
  kind: Block['kind'];
  /** For a bullet, the kind and text of the block that introduces it (see contextOf); '' otherwise. */
  context: string;
  /** Where the block started when it was detected: the detections' offsets count from there. */
  base: number;
  /** Claims and dates, sorted by start, then end. Never handed out: callers get copies they may keep. */
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

const NO_DETECTIONS: readonly Detection[] = [];

/** What every block's dates resolve against: the document's date and the fiscal year it states (null: none). */
interface DateContext {
  referenceDate: string | null;
  fiscalYearStart: string | null;
  /** The date of a disclosure timeline's Day 0, wherever the document names it. */
  dayZero: string | null;
  /** Whether the document's opening shows it writes numeric dates day first (dates/dayOrder.ts). */
  dayFirst: boolean;
}

/** What a pass leaves for the next one: the text, its blocks, and per block what was found. */
interface Pass {
  text: string;
  /** The kinds detected, and the document-wide context the cached blocks depend on. */
  kindKey: string;
  cacheKey: string;
  blocks: Block[];
  /** Per block: claims and dates (undefined for blank blocks and rules)... */
  entries: (CachedBlock | undefined)[];
  /** ...the context they were detected under... */
  contexts: (string | undefined)[];
  /** ...its controls, counted from the block's start (undefined: none)... */
  controls: (readonly Detection[] | undefined)[];
  /** ...and all of them together (undefined: none). */
  pieces: (DetectionPiece | undefined)[];
  set: DetectionSet;
  /** Per block, what its dates are told from beyond its text: its update's day, the list item it goes on from (blockDayKeys, dates/sections.ts). */
  sections: (string | undefined)[] | undefined;
}

/**
 * One per document (the editor keeps one per open document; the CLI one per file).
 * `detect` returns every detection of the text, in document order; `update` the same as
 * a DetectionSet, which after an edit costs about what the edit touched.
 */
export class DocumentDetector {
  private cache: BlockCache = new Map();
  /** The document-wide part of what the cached blocks were detected under. */
  private cacheKey: string | undefined;
  private last: Pass | undefined;
  /** Blocks detected afresh by the last call: how incremental it was. */
  lastDetectedBlocks = 0;
  /** Whether the last call started from the previous one's result (only the changed stretch was worked on). */
  lastWasIncremental = false;
  /** The last pass's controls with what decided them, which an edit updates (controlSplice.ts). */
  private documentControls: DocumentControls | undefined;

  constructor(
    private readonly matcher: ControlMatcher = builtinMatcher(),
    /** Above this many changed blocks, one pass over the whole text (tests vary it). */
    private readonly wholePassThreshold = WHOLE_PASS_THRESHOLD,
  ) {}

  /** The reference date that relative dates of `text` resolve against, when there is one. */
  referenceDate(text: string, options: DetectOptions = {}): string | undefined {
    if (options.referenceDate !== undefined) return options.referenceDate;
    // Typing rarely touches the document's opening: look for its date again only when it changed.
    this.readHead(text);
    return this.lastHeadDate ?? this.readTail(text);
  }

  /** The closing block's date (a filing's signature), read again only when the document's end changed. */
  private readTail(text: string): string | undefined {
    const tail = text.slice(Math.max(0, text.length - CLOSING_DATE_WINDOW));
    if (tail !== this.lastTail) {
      this.lastTail = tail;
      this.lastTailDate = findClosingDate(tail);
    }
    return this.lastTailDate;
  }

  /** The fiscal year start stated in the document's opening, if any. */
  private fiscalYearStart(text: string): string | undefined {
    this.readHead(text);
    return this.lastHeadFiscal;
  }

  /** The document's date and fiscal year from its opening, in one scan, again only when the opening changed. */
  private readHead(text: string): void {
    const head = text.slice(0, DOCUMENT_DATE_WINDOW);
    if (head === this.lastHead) return;
    this.lastHead = head;
    const found = findDocumentContext(head);
    this.lastHeadDate = found.date?.value;
    this.lastHeadFiscal = found.fiscalYearStart;
    this.lastHeadDayFirst = found.dayFirst;
  }

  private lastHead: string | undefined;
  private lastTail: string | undefined;
  private lastTailDate: string | undefined;
  /** For the pass under way, the date mentions of the blocks of the opening (by index), scanned already. */
  private scanned: Map<number, Mention[]> | undefined;
  /** For the pass under way, each block's update day and list-item antecedent (blockDayKeys, dates/sections.ts). */
  private sections: (string | undefined)[] | undefined;
  private lastHeadDate: string | undefined;
  private lastHeadFiscal: string | undefined;
  private lastHeadDayFirst = false;

  /** Every detection of `text`, in document order: copies the caller may keep and change. */
  detect(text: string, options: DetectOptions = {}): Detection[] {
    return this.update(text, options).toArray();
  }

  /** The detections of `text` as a DetectionSet: after an edit, only the changed stretch is worked on. */
  update(text: string, options: DetectOptions = {}): DetectionSet {
    const steps = this.run(text, options, Infinity);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  }

  /**
   * The same detection as `update`, in steps: a document detected afresh (opening a large
   * one) is done about `stepChars` of text at a time, and the generator yields between
   * steps so the caller can give the event loop back. Its return value is what `update`
   * returns, and the cache is primed the same way, so the next edit is incremental. The
   * text is a snapshot: if the document changes meanwhile, detect the new text after.
   */
  detectInSteps(text: string, options: DetectOptions = {}, stepChars = 256 * 1024): Generator<void, DetectionSet, void> {
    return this.run(text, options, stepChars);
  }

  private *run(text: string, options: DetectOptions, stepChars: number): Generator<void, DetectionSet, void> {
    const kinds = new Set(options.kinds ?? KINDS);
    const kindKey = [...kinds].sort().join(',');
    const previous = this.last?.kindKey === kindKey ? this.last : undefined;
    let change: TextSpanChange | undefined;
    let blocks: Block[];
    let resplit: { from: number; to: number; oldTo: number } | undefined;
    if (previous !== undefined && previous.text === text) {
      blocks = previous.blocks;
    } else if (previous !== undefined) {
      change = changedSpan(previous.text, text);
      const r = resplitBlocks(previous.blocks, text, change as TextSpanChange);
      blocks = r.blocks;
      resplit = r;
    } else if (text.length > stepChars) {
      blocks = yield* splitBlocksInSteps(text, stepChars);
    } else {
      blocks = splitBlocks(text);
    }
    // The opening's blocks are scanned for dates first, and the document's date and fiscal
    // year read from what they hold: a scan of the opening of its own found the same
    // mentions a second time. Their mentions are kept for detectBlocks.
    let scanned: Map<number, Mention[]> | undefined;
    if (kinds.has('date')) {
      const head = text.slice(0, DOCUMENT_DATE_WINDOW);
      if (head !== this.lastHead) {
        scanned = new Map();
        const inHead: Mention[] = [];
        for (let i = 0; i < blocks.length; i++) {
          const block = blocks[i] as Block;
          if (block.start >= DOCUMENT_DATE_WINDOW) break;
          if (skipped(block.kind)) continue;
          const found = scanDates(block.text);
          scanned.set(i, found);
          for (const m of found)
            if (m.end + block.start <= DOCUMENT_DATE_WINDOW) inHead.push({ ...m, start: m.start + block.start, end: m.end + block.start });
        }
        const context = documentContextFrom(head, inHead);
        this.lastHead = head;
        this.lastHeadDate = context.date?.value;
        this.lastHeadFiscal = context.fiscalYearStart;
        this.lastHeadDayFirst = context.dayFirst;
      }
    }
    const reference = kinds.has('date') ? this.referenceDate(text, options) : undefined;
    const fiscal = kinds.has('date') ? this.fiscalYearStart(text) : undefined;
    // The document's date was looked for already; a block must not take a date of its
    // own opening sentence for the document's.
    const dayZero = kinds.has('date') ? findDayZero(text) : undefined;
    const dayFirst = kinds.has('date') && this.lastHeadDayFirst;
    const dateContext: DateContext = {
      referenceDate: reference ?? null,
      fiscalYearStart: fiscal ?? null,
      dayZero: dayZero ?? null,
      dayFirst,
    };
    this.scanned = scanned;
    this.sections = kinds.has('date') ? blockDayKeys(text, blocks, dateContext.referenceDate) : undefined;
    const byline = blocks.find((b) => b.kind === 'byline')?.text ?? '';
    const claimKinds = [...kinds]
      .filter((k) => k !== 'control')
      .sort()
      .join(',');
    // Every block depends on these: when one changes, nothing cached still holds.
    const cacheKey = `${claimKinds}\u0000${reference ?? ''}\u0000${fiscal ?? ''}\u0000${dayZero ?? ''}\u0000${dayFirst ? 'dmy' : ''}\u0000${byline}`;
    if (previous !== undefined && previous.cacheKey === cacheKey) {
      this.lastWasIncremental = true;
      if (previous.text === text) {
        this.lastDetectedBlocks = 0;
        return previous.set;
      }
      if (change !== undefined && resplit !== undefined) return this.edited(previous, text, blocks, change, resplit, kinds, dateContext);
    }
    this.lastWasIncremental = false;
    return yield* this.whole(text, blocks, kinds, dateContext, kindKey, cacheKey, stepChars);
  }

  /**
   * Detects the claims and dates of `blocks[i]` for each i in `indices` (ascending), filed
   * in `fresh`. Dates are detected block by block: a block is the unit everything is
   * cached and re-detected by, and a pass over several blocks at once could find a date
   * across a blank line ("on\n\n3 March") that re-detecting either block would not.
   * Claims never cross a block; many blocks are done in one call, which shares its
   * analysis of repeated sentences.
   */
  private detectBlocks(
    text: string,
    blocks: Block[],
    indices: readonly number[],
    kinds: ReadonlySet<Kind>,
    dateContext: DateContext,
    fresh: (Detection[] | undefined)[],
  ): void {
    if (indices.length === 0) return;
    const put = placer(blocks, fresh);
    if (kinds.has('date')) {
      // A list item reads its tense from its lead-in too; the lead-in is part of a
      // bullet's cache context (contextOf), so cached dates stay right.
      let intros: { at: number; state: ListIntros } | undefined;
      for (const i of indices) {
        const block = blocks[i] as Block;
        let leadIn: string | undefined;
        if (block.kind === 'bullet') {
          const found = introOf(blocks, i, intros);
          intros = found.known;
          leadIn = found.intro?.text;
        }
        const { day, antecedent, forward } = blockDaysOf(this.sections?.[i]);
        const base = day === undefined ? dateContext : { ...dateContext, referenceDate: day };
        const after = forward === true ? { ...base, forward } : base;
        const dated = antecedent === undefined ? after : { ...after, antecedent };
        const options = leadIn === undefined ? dated : { ...dated, leadIn };
        for (const d of detectDates(block.text, options, this.scanned?.get(i))) put(shifted(d, block.start));
      }
    }
    if (!kinds.has('claim')) return;
    if (indices.length > this.wholePassThreshold) {
      const from = (blocks[indices[0] as number] as Block).start;
      const to = (blocks[indices[indices.length - 1] as number] as Block).end;
      for (const d of detectClaims(text, { blocks, within: { start: from, end: to } })) put(d);
      return;
    }
    for (const i of indices) {
      const block = blocks[i] as Block;
      for (const d of detectClaims(text, { blocks, within: { start: block.start, end: block.end } })) put(d);
    }
  }

  /** A pass over the whole text: the first one, or after the document-wide context changed. */
  private *whole(
    text: string,
    blocks: Block[],
    kinds: ReadonlySet<Kind>,
    dateContext: DateContext,
    kindKey: string,
    cacheKey: string,
    stepChars: number,
  ): Generator<void, DetectionSet, void> {
    const previous: BlockCache = cacheKey === this.cacheKey ? this.cache : new Map<string, CachedBlock | CachedBlock[]>();
    const contexts: (string | undefined)[] = new Array<string | undefined>(blocks.length);
    const found: (CachedBlock | undefined)[] = new Array<CachedBlock | undefined>(blocks.length);
    /** For each block detected afresh, its detections, in document offsets. */
    const fresh: (Detection[] | undefined)[] = new Array<Detection[] | undefined>(blocks.length);
    const missing: number[] = [];
    const lists = startIntros();
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i] as Block;
      if (skipped(block.kind)) continue;
      const context = withSection(contextOf(block, readsAsList(block.kind) ? nextIntro(lists, block) : undefined), this.sections?.[i]);
      contexts[i] = context;
      const hit = lookUp(previous, block.text, block.kind, context);
      found[i] = hit;
      if (hit === undefined) {
        fresh[i] = [];
        missing.push(i);
      }
    }

    if (text.length > stepChars) {
      // Whole paragraphs at a time, each step about stepChars long, with pauses between.
      for (let first = 0; first < missing.length;) {
        const from = (blocks[missing[first] as number] as Block).start;
        let last = first;
        while (last + 1 < missing.length && (blocks[missing[last + 1] as number] as Block).end - from < stepChars) last++;
        this.detectBlocks(text, blocks, missing.slice(first, last + 1), kinds, dateContext, fresh);
        first = last + 1;
        yield;
      }
    } else {
      this.detectBlocks(text, blocks, missing, kinds, dateContext, fresh);
    }

    const next: BlockCache = new Map();
    const entries: (CachedBlock | undefined)[] = new Array<CachedBlock | undefined>(blocks.length);
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i] as Block;
      const context = contexts[i];
      if (context === undefined) continue;
      // A block whose twin came earlier in this call shares the twin's entry.
      let entry = lookUp(next, block.text, block.kind, context);
      if (entry === undefined) {
        entry = found[i] ?? { kind: block.kind, context, base: block.start, detections: sortSmall(fresh[i] ?? []) };
        remember(next, block.text, entry);
      }
      entries[i] = entry;
    }
    this.cache = next;
    this.cacheKey = cacheKey;
    this.lastDetectedBlocks = missing.length;

    // A control identifier counts when its framework is named in its section, which can
    // be blocks away, and an abbreviation when the document defines it anywhere, so
    // controls are matched over the whole text (in steps for a large document), then
    // kept with the block each starts in.
    const controls: (readonly Detection[] | undefined)[] = new Array<readonly Detection[] | undefined>(blocks.length);
    this.documentControls = undefined;
    if (kinds.has('control')) {
      const found =
        text.length <= stepChars ? documentControls(text, this.matcher) : yield* documentControlsInSteps(text, this.matcher, stepChars);
      this.documentControls = found;
      assignControls(blocks, controls, found.detections, 0, 0, text.length);
    }
    const pieces: (DetectionPiece | undefined)[] = new Array<DetectionPiece | undefined>(blocks.length);
    for (let i = 0; i < blocks.length; i++) pieces[i] = pieceOf(blocks[i] as Block, entries[i], controls[i]);
    const set = setOf(pieces);
    this.last = { text, kindKey, cacheKey, blocks, entries, contexts, controls, pieces, set, sections: this.sections };
    return set;
  }

  /**
   * After an edit: the blocks `resplit` says are new are looked up or detected (with the
   * bullets right after them, whose introducing block may have changed), controls are
   * matched again in a window around the change, and everything else is taken from the
   * previous pass, moved by the edit's length.
   */
  private edited(
    previous: Pass,
    text: string,
    blocks: Block[],
    change: TextSpanChange,
    resplit: { from: number; to: number; oldTo: number },
    kinds: ReadonlySet<Kind>,
    dateContext: DateContext,
  ): DetectionSet {
    const delta = change.newEnd - change.oldEnd;
    const { from, to, oldTo } = resplit;
    const n = blocks.length;
    const entries: (CachedBlock | undefined)[] = previous.entries.slice(0, from);
    const contexts: (string | undefined)[] = previous.contexts.slice(0, from);
    const controls: (readonly Detection[] | undefined)[] = previous.controls.slice(0, from);
    const pieces: (DetectionPiece | undefined)[] = previous.pieces.slice(0, from);
    entries.length = contexts.length = controls.length = pieces.length = n;
    for (let i = to, j = oldTo; i < n; i++, j++) {
      entries[i] = previous.entries[j];
      contexts[i] = previous.contexts[j];
      controls[i] = previous.controls[j];
      const piece = previous.pieces[j];
      pieces[i] = piece === undefined ? undefined : movePiece(piece, delta);
    }
    // Blocks whose entry is new: the re-split ones, and bullets after them under a new intro.
    const changed: number[] = [];
    const fresh: (Detection[] | undefined)[] = new Array<Detection[] | undefined>(n);
    const missing: number[] = [];
    const lists = introsBefore(blocks, from);
    /** Takes blocks[i] under `context` from the cache, or lists it for detection. */
    const reread = (i: number, context: string): void => {
      const block = blocks[i] as Block;
      contexts[i] = context;
      changed.push(i);
      const hit = lookUp(this.cache, block.text, block.kind, context);
      entries[i] = hit;
      if (hit === undefined) {
        fresh[i] = [];
        missing.push(i);
      }
    };
    for (let i = from; i < n; i++) {
      const block = blocks[i] as Block;
      // Past the re-split blocks, only bullets can change (their introducing block may
      // have): up to the next block that introduces, or the first bullet whose intro is
      // as before outside a nested list (those after it share it).
      if (i >= to && introduces(block.kind)) break;
      if (skipped(block.kind)) {
        entries[i] = contexts[i] = undefined;
        continue;
      }
      const context = withSection(contextOf(block, readsAsList(block.kind) ? nextIntro(lists, block) : undefined), this.sections?.[i]);
      if (i >= to && block.kind !== 'bullet') continue;
      if (i >= to && context === contexts[i] && lists.inner === undefined) break;
      reread(i, context);
    }
    // Blocks after the edit whose update day changed (a heading of an update log edited,
    // added or removed): read again under their new day.
    if (this.sections !== undefined || previous.sections !== undefined) {
      const listed = new Set(changed);
      for (let i = to, j = oldTo; i < n; i++, j++) {
        const day = this.sections?.[i];
        const context = contexts[i];
        if (day === previous.sections?.[j] || context === undefined || listed.has(i)) continue;
        reread(i, withSection(baseContext(context), day));
      }
      missing.sort((a, b) => a - b);
    }
    this.detectBlocks(text, blocks, missing, kinds, dateContext, fresh);
    for (const i of missing) {
      const block = blocks[i] as Block;
      const entry: CachedBlock = {
        kind: block.kind,
        context: contexts[i] as string,
        base: block.start,
        detections: sortSmall(fresh[i] ?? []),
      };
      entries[i] = entry;
      remember(this.cache, block.text, entry);
    }
    // Stale entries stay valid (a block's text decides its detections) but take memory.
    if (this.cache.size > 2 * n + 256) this.cache = cacheOf(blocks, entries);
    this.lastDetectedBlocks = missing.length;

    // Controls around the change (controlSplice.ts); the blocks whose controls changed,
    // near it or, for names the whole document decides, anywhere, are pieced again.
    let controlsChanged: readonly number[] = [];
    if (kinds.has('control')) {
      const found =
        this.documentControls === undefined
          ? documentControls(text, this.matcher)
          : splicedControls(this.documentControls, text, change, this.matcher);
      this.documentControls = found;
      controlsChanged = replaceControls(blocks, controls, found.detections);
    }
    const repiece = (i: number): void => {
      pieces[i] = pieceOf(blocks[i] as Block, entries[i], controls[i]);
    };
    for (let i = from; i < to; i++) repiece(i);
    for (const i of changed) if (i >= to) repiece(i);
    for (const i of controlsChanged) repiece(i);
    const set = setOf(pieces);
    this.last = {
      text,
      kindKey: previous.kindKey,
      cacheKey: previous.cacheKey,
      blocks,
      entries,
      contexts,
      controls,
      pieces,
      set,
      sections: this.sections,
    };
    return set;
  }
}

/** A function that files each detection under the block its start is in, where that block is being detected afresh. */
function placer(blocks: readonly Block[], fresh: (Detection[] | undefined)[]): (d: Detection) => void {
  return (d) => {
    fresh[blockAt(blocks, d.start)]?.push(d);
  };
}

/**
 * Files sorted `found` controls (document offsets, all in [from, to)) under the block
 * each starts in, counted from that block's start; blocks from `first` on.
 */
function assignControls(
  blocks: readonly Block[],
  controls: (readonly Detection[] | undefined)[],
  found: readonly Detection[],
  first: number,
  from: number,
  to: number,
): void {
  let i = Math.max(first, blockAt(blocks, from));
  for (const d of found) {
    if (d.start < from || d.start >= to) continue;
    while (i + 1 < blocks.length && (blocks[i + 1] as Block).start <= d.start) i++;
    const at = (blocks[i] as Block).start;
    const list = (controls[i] ?? []) as Detection[];
    list.push(shifted(d, -at));
    controls[i] = list;
  }
}

/**
 * Files sorted `found` controls of the whole text under their blocks as assignControls
 * does, replacing `controls`, and returns the indices of the blocks whose controls are
 * not what they were. Blocks whose controls are unchanged keep them untouched: after an
 * edit, nearly all.
 */
function replaceControls(blocks: readonly Block[], controls: (readonly Detection[] | undefined)[], found: readonly Detection[]): number[] {
  const changed: number[] = [];
  let k = 0;
  for (let i = 0; i < blocks.length; i++) {
    const at = (blocks[i] as Block).start;
    const next = i + 1 < blocks.length ? (blocks[i + 1] as Block).start : Infinity;
    let j = k;
    while (j < found.length && (found[j] as Detection).start < next) j++;
    if (!sameAt(controls[i], found, k, j, at)) {
      controls[i] = j === k ? undefined : found.slice(k, j).map((d) => shifted(d, -at));
      changed.push(i);
    }
    k = j;
  }
  return changed;
}

/** Whether `own` (counted from `at`) holds what found[from, to) holds (in document offsets). */
function sameAt(own: readonly Detection[] | undefined, found: readonly Detection[], from: number, to: number, at: number): boolean {
  if ((own?.length ?? 0) !== to - from) return false;
  for (let i = from; i < to; i++) {
    const x = (own as readonly Detection[])[i - from] as Detection;
    const y = found[i] as Detection;
    if (x.start + at !== y.start || x.end + at !== y.end || x.text !== y.text || !sameFields(x, y)) return false;
  }
  return true;
}

/** Whether two detections at the same place say the same: every field of a control is compared. */
function sameFields(x: Detection, y: Detection): boolean {
  if (x.kind !== 'control' || y.kind !== 'control')
    return JSON.stringify({ ...x, start: 0, end: 0 }) === JSON.stringify({ ...y, start: 0, end: 0 });
  return x.id === y.id && x.framework === y.framework && x.controlId === y.controlId && Object.keys(x).length === Object.keys(y).length;
}

function pieceOf(block: Block, entry: CachedBlock | undefined, controls: readonly Detection[] | undefined): DetectionPiece | undefined {
  const found = entry?.detections ?? NO_DETECTIONS;
  const own = controls ?? NO_DETECTIONS;
  if (found.length === 0 && own.length === 0) return undefined;
  return makePiece(entry === undefined ? 0 : block.start - entry.base, found, block.start, own);
}

function setOf(pieces: readonly (DetectionPiece | undefined)[]): DetectionSet {
  const present: DetectionPiece[] = [];
  for (const p of pieces) if (p !== undefined) present.push(p);
  return new DetectionSet(present);
}

function cacheOf(blocks: readonly Block[], entries: readonly (CachedBlock | undefined)[]): BlockCache {
  const cache: BlockCache = new Map();
  for (let i = 0; i < blocks.length; i++) {
    const entry = entries[i];
    if (entry === undefined) continue;
    const block = blocks[i] as Block;
    if (lookUp(cache, block.text, entry.kind, entry.context) === undefined) remember(cache, block.text, entry);
  }
  return cache;
}

/**
 * The date `text` gives itself in its opening (a dateline, "Published …"), or failing that
 * in its closing block (a filing's signature), which relative dates resolve against.
 */
export function documentReferenceDate(text: string): string | undefined {
  return findDocumentContext(text.slice(0, DOCUMENT_DATE_WINDOW)).date?.value ?? findClosingDate(text);
}

/** Every detection in `text`, for one-off use (the CLI, tests). */
export function detectAll(text: string, options: DetectOptions = {}, matcher?: ControlMatcher): Detection[] {
  return new DocumentDetector(matcher).detect(text, options);
}
