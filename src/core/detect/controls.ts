// Finds named standards, laws, regulators and programmes (by catalog alias) and
// control identifiers (by catalog pattern) in a text. The catalog is compiled once;
// detection then reads the text once for names and once for identifiers, and runs
// on every edit, so everything per-alias or per-pattern happens at compile time.
//
// Identifiers too short to trust alone ("CA-1", "A1.2") are decided in two steps, so a
// caller that detects a document block by block can cache the first: scanControls
// keeps those whose framework is named in their own sentence and sets the others
// aside as pending; confirmControls then looks for the framework in the whole
// document (the section, the text before, the list they stand in; see scope.ts).
import { headMentions, resolveHeads, type HeadMention } from './controlAnaphors';
import { lowerBound } from '../util/bisect';
import { AliasIndex, endBoundaryAllowed, type AliasCandidate, type AliasTerminal } from '../catalog/aliasIndex';
import {
  compileContext,
  CONTEXT_RADIUS,
  ContextMentions,
  contextIn,
  WindowWords,
  WordGate,
  contextWindow,
  globalContext,
  nextMention,
  hasContext,
  SENTENCE_REACH,
} from '../catalog/contextWindow';
import { PatternIndex } from '../catalog/patternIndex';
import {
  isLookAlike,
  isQualified,
  LIST_REACH,
  Outline,
  QUALIFIED_BEFORE,
  SECTION_AFTER,
  SECTION_BEFORE,
  WIDE_BEFORE,
} from '../catalog/scope';
import { isBoundaryBlocker, isDigitCode, isHyphenCode, isSpaceCode } from '../catalog/tokens';
import type { Catalog, CatalogEntry } from '../catalog/types';
import type { ControlDetection } from '../model';
import { syncAfter, syncBefore } from './syncPoints';

/** How many entries must share an ambiguous spelling before their contexts are first tried as one. */
const UNION_FROM = 4;

class CompiledEntry {
  readonly id: string;
  /** Version numbers as they may follow a name ("2022", "2.0", "5" for "Rev. 5"). */
  readonly versions: string[];
  /** The phrases `context` is compiled from, for a union of several entries' contexts too. */
  readonly contextPhrases: readonly string[];
  /** The catalog's context words alone, without the entry's aliases (see confirmNames). */
  readonly contextWords: readonly string[];
  private compiled: RegExp | null | undefined;

  constructor(entry: CatalogEntry) {
    this.id = entry.id;
    this.versions = versionKeys(entry);
    this.contextPhrases = [...entry.context, ...entry.aliases];
    this.contextWords = entry.context;
  }

  /**
   * Context that lets this entry's ambiguous aliases count; compiled when first asked for:
   * a document asks about few of the catalog's entries, and compiling them all took a
   * tenth of a second of every process's start.
   */
  get context(): RegExp | undefined {
    if (this.compiled === undefined) this.compiled = compileContext(this.contextPhrases) ?? null;
    return this.compiled ?? undefined;
  }

  /** Whether the entry has a context, without compiling it. */
  get hasContext(): boolean {
    return this.contextPhrases.some((p) => p.trim() !== '');
  }
}

interface CompiledPattern {
  framework: string;
  requiresContext: boolean;
  context: RegExp | undefined;
  stripLeadingZeros: boolean;
}

/** A catalog made ready for detection; build it with compileControlMatcher. */
export interface ControlMatcher {
  readonly entryCount: number;
  readonly patternCount: number;
}

class CompiledControlMatcher implements ControlMatcher {
  /** For a spelling many entries share as ambiguous, a gate on all their contexts (see anyContextGate). */
  private readonly unions = new WeakMap<readonly AliasTerminal[], WordGate | undefined>();

  /**
   * The words any of the contexts of the entries sharing a spelling needs, when many
   * entries share it ("Attorney General" is every state's): where none is near, no
   * entry's context need be tried. Undefined when few entries share it.
   */
  anyContextGate(terminals: readonly AliasTerminal[]): WordGate | undefined {
    if (this.unions.has(terminals)) return this.unions.get(terminals);
    const shared = terminals.filter((t) => t.ambiguous).map((t) => this.entries[t.entry] as CompiledEntry);
    const union =
      shared.length >= UNION_FROM && shared.every((e) => e.hasContext) ? WordGate.of(shared.flatMap((e) => e.contextPhrases)) : undefined;
    this.unions.set(terminals, union);
    return union;
  }

  /** Every context test of the matcher, each once. */
  contexts(): Set<RegExp> {
    const all = new Set<RegExp>();
    for (const e of this.entries) if (e.context) all.add(e.context);
    for (const p of this.patterns) if (p.context) all.add(p.context);
    return all;
  }

  constructor(
    readonly entries: CompiledEntry[],
    readonly aliases: AliasIndex,
    readonly patterns: CompiledPattern[],
    readonly patternIndex: PatternIndex,
  ) {}

  private indices: Map<string, number> | undefined;
  private readonly wordsOnly = new Map<number, RegExp | undefined>();

  /** An entry's context words without its aliases, compiled when first asked for: few entries ever are. */
  contextWordsOf(entry: number): RegExp | undefined {
    if (!this.wordsOnly.has(entry)) this.wordsOnly.set(entry, compileContext((this.entries[entry] as CompiledEntry).contextWords));
    return this.wordsOnly.get(entry);
  }

  /** Each entry's index by its id, made once: confirmNames reads it after every edit. */
  get indexOfId(): ReadonlyMap<string, number> {
    this.indices ??= new Map(this.entries.map((e, i) => [e.id, i]));
    return this.indices;
  }

  get entryCount(): number {
    return this.entries.length;
  }

  get patternCount(): number {
    return this.patterns.length;
  }
}

/**
 * Runs every context test of `matcher` on a short text, twice: a regex is compiled the
 * first time it runs and compiled again to machine code the next, and the catalog's
 * contexts together take a few hundred milliseconds to compile. Paid in idle moments,
 * the first document that names many entries is decorated without that wait. Yields
 * after every few tests so the caller can give the event loop back; returns how many.
 */
export function* warmUpMatcher(matcher: ControlMatcher, perStep = 16): Generator<void, number, void> {
  const contexts = [...asCompiled(matcher).contexts()];
  const sample = 'named before, as the regulator said';
  for (let i = 0; i < contexts.length; i++) {
    // Past contextIn's gate on first words, which the sample would not pass.
    const global = globalContext(contexts[i]) as RegExp;
    for (let round = 0; round < 2; round++) {
      global.lastIndex = 0;
      nextMention(global, sample);
    }
    if ((i + 1) % perStep === 0) yield;
  }
  return contexts.length;
}

const VERSION_KEY_RE = /^(?:v|ver\.?|version|rev\.?|revision|r)?\s*(\d{1,4}(?:\.\d{1,3}){0,3})$/i;

function versionKeys(entry: CatalogEntry): string[] {
  const keys: string[] = [];
  for (const v of [entry.version, ...entry.earlierVersions]) {
    const m = v === undefined ? null : VERSION_KEY_RE.exec(v.trim());
    if (m?.[1]) keys.push(m[1]);
  }
  return keys;
}

export function compileControlMatcher(catalog: Catalog): ControlMatcher {
  const entries = catalog.entries.map((e) => new CompiledEntry(e));
  const byId = new Map(catalog.entries.map((e) => [e.id, e]));
  const patterns = catalog.patterns.map((p): CompiledPattern => {
    const framework = byId.get(p.framework);
    if (!framework) {
      throw new Error(`${p.origin.source}:${p.origin.line}:${p.origin.column}: pattern '${p.id}' refers to unknown entry '${p.framework}'`);
    }
    return {
      framework: p.framework,
      requiresContext: p.requiresContext,
      // The framework's own names always count; its broad context words would not be enough.
      context: compileContext([...p.context, ...framework.aliases]),
      stripLeadingZeros: p.stripLeadingZeros,
    };
  });
  return new CompiledControlMatcher(entries, new AliasIndex(catalog.entries), patterns, new PatternIndex(catalog.patterns));
}

// "ISO 27001:2013", "NIST CSF 2.0", "PCI DSS v4.0.1", "SP 800-53 Rev. 5", "800-53r5".
const VERSION_SUFFIX_RE =
  /(:[ \u00A0]?|[ \u00A0\t]{0,2})((?:version|Version|revision|Revision|ver|Ver|rev|Rev|v|V|r|R)\.?[ \u00A0]?)?(\d{1,4}(?:\.\d{1,3}){0,3})/y;

/** End of a version written after a name, when it is one of the entry's versions. */
function versionSuffixEnd(text: string, end: number, entry: CompiledEntry): number | undefined {
  if (entry.versions.length === 0) return undefined;
  VERSION_SUFFIX_RE.lastIndex = end;
  const m = VERSION_SUFFIX_RE.exec(text);
  if (!m) return undefined;
  const [whole, sep = '', keyword, number = ''] = m;
  if (!keyword && !sep.startsWith(':') && !number.includes('.') && number.length !== 4) return undefined;
  // "PCI DSS v4", "NIST CSF v2": with a keyword a major version alone names its line of
  // releases; a bare "PCI DSS 4" may be a count, so it still does not.
  const major = keyword !== undefined && !number.includes('.');
  if (!entry.versions.some((v) => number === v || number.startsWith(`${v}.`) || (major && v.startsWith(`${number}.`)))) {
    return undefined;
  }
  return end + whole.length;
}

interface Found {
  start: number;
  end: number;
  entry: number;
}

function sortTerminals(terminals: readonly AliasTerminal[]): AliasTerminal[] {
  return [...terminals].sort((a, b) => Number(a.ambiguous) - Number(b.ambiguous));
}

const PAREN_OPEN_RE = /[ \u00A0]?\([ \u00A0]?(?:(?:the[ \u00A0]+)?["“‘'])?/y;
const PAREN_CLOSE_RE = /["”’']?[ \u00A0]?\)/y;

/**
 * "Committee on ... (CFIUS)", "the Securities Exchange Act of 1934 (the “Exchange Act”)":
 * the same entry named again in brackets, or defined there as a term, joins the mention.
 */
function parentheticalEnd(text: string, end: number, entry: number, m: CompiledControlMatcher): number | undefined {
  PAREN_OPEN_RE.lastIndex = end;
  const open = PAREN_OPEN_RE.exec(text);
  if (!open) return undefined;
  const innerStart = end + open[0].length;
  for (const c of m.aliases.candidatesAt(text, innerStart)) {
    if (!c.terminals.some((t) => t.entry === entry)) continue;
    PAREN_CLOSE_RE.lastIndex = c.end;
    const close = PAREN_CLOSE_RE.exec(text);
    if (close) return c.end + close[0].length;
  }
  return undefined;
}

// Words that may stand capitalised before a name without being part of it.
// Capitalised at a sentence's start, a function word or a count is no name's head:
// "Two DPC draft decisions", "When ICO staff".
const LEAD_WORDS = new Set(
  (
    'the a an this that these those its their our your his her under in of for with by and or to from new proposed draft final current revised amended ' +
    'after before when while if since as because although though unlike like at on into over during following ' +
    'both all each every some many several most few no other another such one two three four five six seven eight nine ten eleven twelve'
  ).split(' '),
);

/**
 * "Colorado AI Act": an ambiguous alias right after a capitalised word is most
 * likely the tail of some other name, whatever the context says; unless that word is
 * the entry's own context ("Norwegian Datatilsynet", "Irish DPC").
 */
function tailOfAnotherName(text: string, at: number, context: RegExp | undefined): boolean {
  let i = at - 1;
  let spaces = 0;
  while (i >= 0 && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0xa0)) {
    i--;
    spaces++;
  }
  if (spaces === 0 || spaces > 2) return false;
  const end = i + 1;
  while (i >= 0 && isBoundaryBlocker(text.charCodeAt(i))) i--;
  const word = text.slice(i + 1, end);
  if (!/^\p{Lu}\p{Ll}/u.test(word)) return false;
  if (LEAD_WORDS.has(word.toLowerCase())) return false;
  return context === undefined || !contextIn(context, word, 0, word.length);
}

/**
 * "KEV-listed", "OMB-mandated": a participle that says what the name did to the thing,
 * unlike "-certified" ("CISA-certified" is ISACA's qualification, not the agency).
 */
const RELATION_AFTER = /^(?:listed|mandated|regulated|supervised|issued|led|sponsored|required|designated)\b/;

/** Three capitals or more, not the start of a web address. */
function isAcronymTail(text: string, start: number, end: number): boolean {
  if (end - start < 3) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x41 || c > 0x5a) return false;
  }
  return !(text.charCodeAt(end) === 0x2e && /[a-z]/.test(text.charAt(end + 1)));
}

/** A span of years after a name is its edition or the year it covers ("DSPT 2025-26"), not a model number. */
const EDITION_YEARS = /^(?:19|20)\d\d[-–/]\d\d(?!\d)/;

/**
 * "ISO 9001", "CAC 40", "CISA-certified", "pre-ICO": a short ambiguous name glued to a
 * number or hyphenated to a word is part of something else (a standard the catalog
 * does not hold, an index, a qualification), whatever the context says. A version the
 * entry knows has already joined the mention ("CCM v4") and is not looked at here.
 */
function gluedToAnotherWord(text: string, start: number, end: number): boolean {
  let i = end;
  if (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0xa0) i++;
  if (isDigitCode(text.charCodeAt(i))) return !EDITION_YEARS.test(text.slice(i, i + 8));
  if (
    isHyphenCode(text.charCodeAt(end)) &&
    isBoundaryBlocker(text.charCodeAt(end + 1)) &&
    !RELATION_AFTER.test(text.slice(end + 1, end + 12))
  )
    return true;
  return start >= 2 && isHyphenCode(text.charCodeAt(start - 1)) && isBoundaryBlocker(text.charCodeAt(start - 2));
}

/**
 * An ambiguous name with nothing near it to say which sense is meant ("the DPC", "the
 * Attorney General's Office"): it counts when the document names one of its entries
 * elsewhere (see confirmNames). Several entries when they share the spelling.
 */
export interface PendingName {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Indices of the matcher's entries it may name, in catalog order. */
  readonly entries: readonly number[];
}

interface AliasResult {
  hit?: Found;
  /** Every entry the hit's spelling could name here, when more than one could. */
  choices?: number[];
  /** Entries sharing the hit's spelling whose context was not near it (see NameChoice). */
  elsewhere?: number[];
  unconfirmed?: PendingName;
}

/** How far the nearest mention of `context` lies from [start, end) within its window; Infinity when none. */
/** What stands between an owner and the name it owns: "Ireland's ", "the UK's own ". */
const OWNER_GAP = /^['’]s(?:\s+own)?\s+(?:the\s+)?$/;
/** At most this many entries that may claim a name from elsewhere in the document (see NameChoice.elsewhere). */
const MAX_ELSEWHERE = 3;
/** A context word this near (after OWNER_GAP) decides a shared spelling by itself, whatever the rest of the document names. */
const DECISIVE_DISTANCE = 3;

function contextDistance(text: string, start: number, end: number, context: RegExp | undefined): number {
  const re = globalContext(context);
  if (!re) return Infinity;
  const { from, to } = contextWindow(text, start, end);
  let best = Infinity;
  re.lastIndex = from;
  for (let m = nextMention(re, text); m !== null && m.index < to; m = nextMention(re, text)) {
    const mEnd = m.index + m[0].length;
    // "Ireland's own National Cyber Security Centre": the owner named right before the name.
    if (mEnd <= start) best = Math.min(best, OWNER_GAP.test(text.slice(mEnd, start)) ? 0 : start - mEnd);
    else if (m.index >= end) return Math.min(best, m.index - end);
  }
  return best;
}

/**
 * The text around one mention, before and after it, read once for all the entries that
 * share its spelling ("Attorney General" is every state's): hasContext for each would
 * find the same sentence again.
 */
class Surroundings {
  private at = -1;
  private end = -1;
  private from = 0;
  private to = 0;
  private before: WindowWords | undefined;
  private after: WindowWords | undefined;

  constructor(private readonly text: string) {}

  has(start: number, end: number, context: RegExp | undefined): boolean {
    if (!context) return false;
    this.moveTo(start, end);
    const { text } = this;
    this.before ??= new WindowWords(text, this.from, start);
    if (contextIn(context, text, this.from, start, this.before)) return true;
    this.after ??= new WindowWords(text, end, this.to);
    return contextIn(context, text, end, this.to, this.after);
  }

  /** Whether a context passing `gate` may be near [start, end): false only when it certainly is not. */
  mayHave(start: number, end: number, gate: WordGate): boolean {
    this.moveTo(start, end);
    this.before ??= new WindowWords(this.text, this.from, start);
    if (this.before.mayHold(gate)) return true;
    this.after ??= new WindowWords(this.text, end, this.to);
    return this.after.mayHold(gate);
  }

  private moveTo(start: number, end: number): void {
    if (start !== this.at || end !== this.end) {
      const { from, to } = contextWindow(this.text, start, end);
      this.at = start;
      this.end = end;
      this.from = from;
      this.to = to;
      this.before = undefined;
      this.after = undefined;
    }
  }
}

/** Where a name found by the alias index ends, with a version of the entry written after it; undefined where it runs on. */
function nameEnd(text: string, c: AliasCandidate, entry: CompiledEntry): number | undefined {
  const withVersion = versionSuffixEnd(text, c.end, entry);
  if (withVersion !== undefined && endBoundaryAllowed(text, withVersion, 'num')) return withVersion;
  if (endBoundaryAllowed(text, c.end, c.lastKind)) return c.end;
  return undefined;
}

function aliasAt(text: string, at: number, m: CompiledControlMatcher): AliasResult {
  let unconfirmed: PendingName | undefined;
  let around: Surroundings | undefined;
  for (const c of m.aliases.candidatesAt(text, at)) {
    const only = c.terminals.length === 1 ? c.terminals[0] : undefined;
    if (only !== undefined && !only.ambiguous) {
      // The common case, a name only one entry has: no context to weigh.
      const end = nameEnd(text, c, m.entries[only.entry] as CompiledEntry);
      if (end === undefined) continue;
      return { hit: { start: at, end: parentheticalEnd(text, end, only.entry, m) ?? end, entry: only.entry } };
    }
    const valid: { entry: number; end: number }[] = [];
    const waiting: number[] = [];
    let waitingEnd = c.end;
    const tails: number[] = [];
    let tailsEnd = c.end;
    const union = m.anyContextGate(c.terminals);
    let noneNear: boolean | undefined;
    for (const t of sortTerminals(c.terminals)) {
      const entry = m.entries[t.entry] as CompiledEntry;
      const end = nameEnd(text, c, entry);
      if (end === undefined) continue;
      if (t.ambiguous) {
        if (gluedToAnotherWord(text, at, end)) continue;
        if (tailOfAnotherName(text, at, entry.context)) {
          // "Supplier DSPT": an acronym after a capitalised word may still be the entry's,
          // where the document names it elsewhere (confirmNames); "Assistant Attorney
          // General" is a title and "Search SEC.gov" a link.
          if (isAcronymTail(text, at, end)) {
            tails.push(t.entry);
            tailsEnd = end;
          }
          continue;
        }
        around ??= new Surroundings(text);
        // Only a shortcut: where the union's words are near, each entry's own context
        // says whether it is.
        if (union !== undefined && end === c.end) noneNear ??= !around.mayHave(at, end, union);
        if ((union !== undefined && end === c.end && noneNear) || !around.has(at, end, entry.context)) {
          waiting.push(t.entry);
          waitingEnd = end;
          continue;
        }
      }
      valid.push({ entry: t.entry, end });
    }
    if (valid.length > 0) {
      // One spelling, several entries ("Data Protection Act 2018" of the UK or of
      // Ireland, "the Information Commissioner" of the UK or Australia): the entry whose
      // own words stand nearest wins; a plain alias, listed first, wins a tie.
      let best = valid[0] as { entry: number; end: number };
      let decisive = false;
      if (valid.length > 1) {
        let bestDistance = contextDistance(text, at, best.end, (m.entries[best.entry] as CompiledEntry).context);
        let runnerUp = Infinity;
        for (const v of valid.slice(1)) {
          const d = contextDistance(text, at, v.end, (m.entries[v.entry] as CompiledEntry).context);
          if (d < bestDistance) {
            runnerUp = bestDistance;
            best = v;
            bestDistance = d;
          } else runnerUp = Math.min(runnerUp, d);
        }
        // "Ireland's NCSC" in a story that names the UK's too: the owner beside it decides.
        decisive = bestDistance <= DECISIVE_DISTANCE && runnerUp > bestDistance;
      }
      const hit = { start: at, end: parentheticalEnd(text, best.end, best.entry, m) ?? best.end, entry: best.entry };
      const choices = [...new Set(valid.map((v) => v.entry))];
      if (decisive) return { hit };
      // "Data Protection Act 2018" in a table row of the Irish regulator's report: no word
      // of either country beside it, so the plain alias (the UK's) won; the document as a
      // whole may still say which (confirmNames).
      const elsewhere = waiting.filter((e) => !choices.includes(e));
      // A spelling dozens of entries share ("Attorney General": every state's) is left to
      // its context nearby: weighing each one's world would cost more than it could tell.
      if (elsewhere.length > 0 && elsewhere.length <= MAX_ELSEWHERE) return { hit, choices, elsewhere };
      return choices.length > 1 ? { hit, choices } : { hit };
    }
    // Two letters ("AP") are too common to stand for an entry merely named elsewhere (the
    // Associated Press's "(AP)" credit heads stories about the Dutch AP's fines): confirmNames
    // takes them only where the document defines them for it.
    if (!unconfirmed && waiting.length > 0 && waitingEnd - at >= 2) {
      unconfirmed = { start: at, end: waitingEnd, text: text.slice(at, waitingEnd), entries: waiting };
    } else if (!unconfirmed && tails.length > 0 && tailsEnd - at >= 2) {
      unconfirmed = { start: at, end: tailsEnd, text: text.slice(at, tailsEnd), entries: tails };
    }
  }
  return { unconfirmed };
}

function normaliseControlId(raw: string, stripLeadingZeros: boolean): string {
  let out = '';
  for (const ch of raw) {
    const code = ch.charCodeAt(0);
    if (isSpaceCode(code)) continue;
    out += isHyphenCode(code) ? '-' : ch;
  }
  // "Art. 5(1)(f)" is "Article5(1)(f)", as "Article 5(1)(f)" is.
  if (out.startsWith('Art.')) out = `Article${out.slice(4)}`;
  return stripLeadingZeros ? out.replace(/(^|[^0-9])0+(?=[0-9])/g, '$1') : out;
}

function asCompiled(matcher: ControlMatcher): CompiledControlMatcher {
  if (!(matcher instanceof CompiledControlMatcher)) {
    throw new TypeError('detectControls needs a matcher made by compileControlMatcher');
  }
  return matcher;
}

/**
 * An identifier whose framework is not named in its own sentence or within 200
 * characters. Offsets are those of the text it was found in; shift them (shiftPending)
 * when that text is a piece of a larger document.
 */
export interface PendingControl {
  readonly start: number;
  readonly end: number;
  /** The identifier as written, to notice a document that changed under it. */
  readonly text: string;
  /** Which of the matcher's patterns found it, and that pattern's framework. */
  readonly pattern: number;
  readonly framework: string;
  /**
   * Later patterns that match at the same start, which the first one hid (PatternIndex
   * shadowedAt): tried in order when the first does not count.
   */
  readonly shadowed?: readonly ShadowedPattern[];
}

/** Another pattern's reading of a pending identifier: same start, its own end. */
export interface ShadowedPattern {
  readonly end: number;
  readonly text: string;
  readonly pattern: number;
  readonly framework: string;
}

export interface ControlScan {
  /** What counts on the text alone: sorted by start, never overlapping. */
  detections: ControlDetection[];
  /** Identifiers for confirmControls to decide; they overlap no detection. */
  pending: PendingControl[];
  /** Ambiguous names for confirmNames to decide; they overlap no detection. */
  pendingNames: PendingName[];
  /**
   * Detections (by start) whose spelling is shared by several entries with context
   * nearby; confirmNames may give them to another of those entries that the document
   * names elsewhere.
   */
  choices: NameChoice[];
  /** Capitalised head nouns ("the Commission"), for the document to decide (controlAnaphors.ts). */
  heads: HeadMention[];
}

export interface NameChoice {
  readonly start: number;
  readonly entries: readonly number[];
  /**
   * Entries that share the spelling as an ambiguous alias but had no context near it:
   * when none of `entries` is named elsewhere and the document speaks of one of these
   * (its context words) but never of the chosen entry's, the mention is that one's.
   */
  readonly elsewhere?: readonly number[];
}

export function shiftPending(p: PendingControl, by: number): PendingControl {
  const moved = { ...p, start: p.start + by, end: p.end + by };
  if (p.shadowed) moved.shadowed = p.shadowed.map((q) => ({ ...q, end: q.end + by }));
  return moved;
}

/** Pending identifier `p` read as one of the patterns it hid. */
function asShadowed(p: PendingControl, q: ShadowedPattern): PendingControl {
  return { start: p.start, end: q.end, text: q.text, pattern: q.pattern, framework: q.framework };
}

function identifierDetection(text: string, start: number, end: number, p: CompiledPattern): ControlDetection {
  const raw = text.slice(start, end);
  return {
    kind: 'control',
    start,
    end,
    text: raw,
    id: p.framework,
    framework: p.framework,
    controlId: normaliseControlId(raw, p.stripLeadingZeros),
  };
}

/**
 * What `text` says on its own: names, identifiers that need no context, and those whose
 * framework is named close by. Depends on `text` only, so its result may be cached.
 */
export function scanControls(text: string, matcher: ControlMatcher): ControlScan {
  const m = asCompiled(matcher);
  const found: ControlDetection[] = [];
  const waiting: PendingControl[] = [];
  const waitingNames: PendingName[] = [];
  const choices: NameChoice[] = [];

  let pos = 0;
  for (let at = m.aliases.nextStart(text, pos); at >= 0; at = m.aliases.nextStart(text, pos)) {
    const { hit, unconfirmed, choices: entries, elsewhere } = aliasAt(text, at, m);
    if (unconfirmed) waitingNames.push(unconfirmed);
    if (hit && entries) choices.push(elsewhere ? { start: hit.start, entries, elsewhere } : { start: hit.start, entries });
    if (hit) {
      const id = (m.entries[hit.entry] as CompiledEntry).id;
      found.push({ kind: 'control', start: hit.start, end: hit.end, text: text.slice(hit.start, hit.end), id });
      pos = hit.end;
    } else {
      pos = at + 1;
    }
  }

  for (const hit of m.patternIndex.find(text)) {
    const p = m.patterns[hit.pattern] as CompiledPattern;
    if (p.requiresContext) {
      // A road or a model number stays one whatever else the document names.
      if (isLookAlike(text, hit.start, hit.end)) continue;
      if (!hasContext(text, hit.start, hit.end, p.context)) {
        const shadowed = shadowedReadings(text, hit.start, hit.pattern, m);
        const local = shadowed.find((q) => hasContext(text, hit.start, q.end, (m.patterns[q.pattern] as CompiledPattern).context));
        if (local) {
          found.push(identifierDetection(text, hit.start, local.end, m.patterns[local.pattern] as CompiledPattern));
          continue;
        }
        const raw = text.slice(hit.start, hit.end);
        const pending: PendingControl = { start: hit.start, end: hit.end, text: raw, pattern: hit.pattern, framework: p.framework };
        waiting.push(shadowed.length > 0 ? { ...pending, shadowed } : pending);
        continue;
      }
    }
    found.push(identifierDetection(text, hit.start, hit.end, p));
  }

  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const detections: ControlDetection[] = [];
  let lastEnd = 0;
  for (const d of found) {
    if (d.start < lastEnd) continue;
    // A pattern hit glued to a word on its left was already refused; this keeps names
    // found inside identifiers ("SOC2" in "xSOC2") out as well.
    if (d.start > 0 && isBoundaryBlocker(text.charCodeAt(d.start - 1))) continue;
    detections.push(d);
    lastEnd = d.end;
  }
  // Pattern hits never overlap one another; one that overlaps a kept name is dropped,
  // so confirming it later cannot break the no-overlap promise.
  const pending = waiting.filter((p) => !overlapsAny(detections, p.start, p.end)).map((p) => withoutOverlaps(p, detections));
  const pendingNames = waitingNames.filter((p) => !overlapsAny(detections, p.start, p.end));
  return {
    detections,
    pending,
    pendingNames,
    choices: choices.filter((c) => detections.some((d) => d.start === c.start)),
    heads: headMentions(text),
  };
}

/**
 * The readings of the identifier at `start` by patterns the first one hid, that need
 * context and are not look-alikes there (one that needs none would have come first in a
 * well-ordered catalog; see controls.yaml on number-only patterns).
 */
function shadowedReadings(text: string, start: number, primary: number, m: CompiledControlMatcher): ShadowedPattern[] {
  const out: ShadowedPattern[] = [];
  for (const hit of m.patternIndex.shadowedAt(text, start, primary)) {
    const q = m.patterns[hit.pattern] as CompiledPattern;
    if (!q.requiresContext || isLookAlike(text, start, hit.end)) continue;
    out.push({ end: hit.end, text: text.slice(start, hit.end), pattern: hit.pattern, framework: q.framework });
  }
  return out;
}

/** `p` without the readings of patterns it hid that overlap a detection. */
function withoutOverlaps(p: PendingControl, detections: readonly ControlDetection[]): PendingControl {
  if (!p.shadowed) return p;
  const shadowed = p.shadowed.filter((q) => !overlapsAny(detections, p.start, q.end));
  if (shadowed.length === p.shadowed.length) return p;
  const rest: PendingControl = { start: p.start, end: p.end, text: p.text, pattern: p.pattern, framework: p.framework };
  return shadowed.length > 0 ? { ...rest, shadowed } : rest;
}

function overlapsAny(sorted: readonly ControlDetection[], start: number, end: number): boolean {
  const next = sorted[lowerBound(sorted.length, (i) => (sorted[i] as ControlDetection).end <= start)];
  return next !== undefined && next.start < end;
}

/**
 * Decides pending identifiers against the whole document. One counts when, outside a
 * look-alike position, its framework (a context word or alias of its pattern) is named
 *  - in its sentence or within 200 characters (now across block boundaries);
 *  - in its own section, up to SECTION_BEFORE characters before it or SECTION_AFTER after;
 *  - within WIDE_BEFORE characters before it, whatever the headings between;
 *  - within QUALIFIED_BEFORE characters before it, for a qualified identifier ("AC-2(1)");
 * or when another identifier of the same framework that counts in one of those ways (or
 * needs no context at all) stands in the same paragraph, table or list, within
 * LIST_REACH characters, or anywhere within LIST_REACH before it when the framework is
 * named within QUALIFIED_BEFORE before it (citedBefore).
 */
export function confirmControls(document: string, pending: readonly PendingControl[], matcher: ControlMatcher): ControlDetection[] {
  const m = asCompiled(matcher);
  // A stale entry is dropped rather than misplaced: the document changed under it, or
  // it came from a matcher compiled from another catalog.
  const fresh = (p: PendingControl): boolean =>
    m.patterns[p.pattern]?.framework === p.framework &&
    p.start >= 0 &&
    document.startsWith(p.text, p.start) &&
    p.end - p.start === p.text.length;
  const live = pending.filter(fresh);
  if (live.length === 0) return [];
  const support = new DocumentSupport(document, m, live);
  const counts = (p: PendingControl): boolean => support.direct(p.pattern, p.start, p.end) || support.sibling(p) || support.citedBefore(p);
  const out: ControlDetection[] = [];
  for (const p of live) {
    const reading = [p, ...(p.shadowed ?? []).map((q) => asShadowed(p, q))].find((r) => fresh(r) && counts(r));
    if (reading) out.push(identifierDetection(document, reading.start, reading.end, m.patterns[reading.pattern] as CompiledPattern));
  }
  return out.sort((a, b) => a.start - b.start);
}

/** How far before and after an identifier any rule of DocumentSupport.direct looks. */
const FURTHEST_BEFORE = Math.max(QUALIFIED_BEFORE, SECTION_BEFORE, WIDE_BEFORE, CONTEXT_RADIUS + SENTENCE_REACH);
const FURTHEST_AFTER = Math.max(SECTION_AFTER, CONTEXT_RADIUS + SENTENCE_REACH);

/** What confirmControls knows of the document, built lazily over the stretch pending identifiers can reach. */
class DocumentSupport {
  private readonly from: number;
  private readonly to: number;
  private outlineCache: Outline | undefined;
  private readonly mentions = new Map<RegExp, ContextMentions>();
  /** Starts of the identifiers that count directly, per paragraph or list and framework, ascending. */
  private readonly regions = new Map<string, number[]>();

  constructor(
    private readonly text: string,
    private readonly m: CompiledControlMatcher,
    pending: readonly PendingControl[],
  ) {
    let lo = text.length;
    let hi = 0;
    for (const p of pending) {
      lo = Math.min(lo, p.start);
      hi = Math.max(hi, p.end, ...(p.shadowed ?? []).map((q) => q.end));
    }
    // Siblings may stand LIST_REACH away and look as far again for their framework.
    // Whole paragraphs, from sync point to sync point: a stretch cut inside one would
    // miss the bullet line that makes it part of a list, or find "SP 800-53" inside
    // "NIST SP 800-53", and a verdict would then depend on which other identifiers are
    // pending (re-detection confirms only those near an edit).
    this.from = syncBefore(text, Math.max(0, lo - LIST_REACH - FURTHEST_BEFORE));
    this.to = syncAfter(text, Math.min(text.length, hi + LIST_REACH + FURTHEST_AFTER));
  }

  private get outline(): Outline {
    this.outlineCache ??= new Outline(this.text, this.from, this.to);
    return this.outlineCache;
  }

  private mentionsOf(context: RegExp): ContextMentions {
    let found = this.mentions.get(context);
    if (!found) {
      found = new ContextMentions(this.text, context, this.from, this.to);
      this.mentions.set(context, found);
    }
    return found;
  }

  /** Whether the framework of pattern `index` is named where the identifier at [start, end) can see it. */
  direct(index: number, start: number, end: number): boolean {
    const p = this.m.patterns[index] as CompiledPattern;
    if (!p.requiresContext) return true;
    if (!p.context) return false;
    const named = this.mentionsOf(p.context);
    // Cheapest first: most pending identifiers of a text that never names the
    // framework are refused here by one binary search.
    if (!named.within(Math.max(0, start - FURTHEST_BEFORE), Math.min(this.text.length, end + FURTHEST_AFTER))) return false;
    if (named.within(Math.max(0, start - WIDE_BEFORE), start)) return true;
    const section = this.outline.section(start);
    if (named.within(Math.max(section.start, start - SECTION_BEFORE), start)) return true;
    if (named.within(end, Math.min(section.end, end + SECTION_AFTER))) return true;
    if (isQualified(this.text.slice(start, end)) && named.within(Math.max(0, start - QUALIFIED_BEFORE), start)) return true;
    return named.near(this.text, start, end);
  }

  /**
   * Whether any identifier of pattern `index`'s framework in [start, end) could count
   * directly: some pattern of that framework needs no context, or has its context named
   * within the furthest reach of direct() from the range. When not, the range need not
   * be read. Exact, not a guess: direct() never looks beyond that reach.
   */
  private namedAround(index: number, start: number, end: number): boolean {
    const framework = (this.m.patterns[index] as CompiledPattern).framework;
    const from = Math.max(0, start - FURTHEST_BEFORE);
    const to = Math.min(this.text.length, end + FURTHEST_AFTER);
    return this.m.patterns.some(
      (q) => q.framework === framework && (!q.requiresContext || (q.context !== undefined && this.mentionsOf(q.context).within(from, to))),
    );
  }

  /**
   * Whether the document is citing `p`'s framework control by control where `p` stands:
   * the framework is named within QUALIFIED_BEFORE before it, and another identifier of
   * it counts directly within LIST_REACH before it, whatever paragraphs and headings lie
   * between (an audit report's "Finding 3 … contrary to RA-5" after "Finding 2 … IA-2(1)").
   * It reads no further than sibling() does, so CONTROL_REACH still bounds it.
   */
  citedBefore(p: PendingControl): boolean {
    const pattern = this.m.patterns[p.pattern] as CompiledPattern;
    if (!pattern.requiresContext || !pattern.context) return false;
    if (!this.mentionsOf(pattern.context).within(Math.max(0, p.start - QUALIFIED_BEFORE), p.start)) return false;
    for (const hit of this.m.patternIndex.find(this.text, Math.max(this.from, p.start - LIST_REACH), p.start)) {
      if (hit.end > p.start) continue;
      const q = this.m.patterns[hit.pattern] as CompiledPattern;
      if (q.framework !== pattern.framework) continue;
      if (q.requiresContext && isLookAlike(this.text, hit.start, hit.end)) continue;
      if (this.direct(hit.pattern, hit.start, hit.end)) return true;
    }
    return false;
  }

  /**
   * Whether another identifier of the same framework counts in the paragraph or list
   * around `p`, within LIST_REACH of it. The reach keeps every verdict local: all it
   * reads lies within the stretch built around `p` itself, so identifiers elsewhere in
   * the document, which widen that stretch, cannot change it.
   */
  sibling(p: PendingControl): boolean {
    const framework = (this.m.patterns[p.pattern] as CompiledPattern).framework;
    const region = this.outline.region(p.start);
    const key = `${region.start}:${framework}`;
    let counted = this.regions.get(key);
    if (!counted) {
      counted = [];
      this.regions.set(key, counted);
      if (!this.namedAround(p.pattern, region.start, region.end)) return false;
      for (const hit of this.m.patternIndex.find(this.text, region.start, region.end)) {
        const q = this.m.patterns[hit.pattern] as CompiledPattern;
        if (q.framework !== framework) continue;
        if (q.requiresContext && isLookAlike(this.text, hit.start, hit.end)) continue;
        if (this.direct(hit.pattern, hit.start, hit.end)) counted.push(hit.start);
      }
    }
    // The first counting identifier at or after the reach's start; p itself does not vouch for itself.
    const from = p.start - LIST_REACH;
    const lo = lowerBound(counted.length, (i) => (counted[i] as number) < from);
    for (let i = lo; i < counted.length && (counted[i] as number) <= p.end + LIST_REACH; i++) {
      if (counted[i] !== p.start) return true;
    }
    return false;
  }
}

/** The distance from `at` to the nearest of `sorted` (ascending, not empty). */
function distanceToNearest(sorted: readonly number[], at: number): number {
  const lo = lowerBound(sorted.length, (i) => (sorted[i] as number) < at);
  const after = lo < sorted.length ? (sorted[lo] as number) - at : Infinity;
  const before = lo > 0 ? at - (sorted[lo - 1] as number) : Infinity;
  return Math.min(before, after);
}

/**
 * Decides names against the whole document, as a reader takes an abbreviation defined
 * once. A pending name counts where the document names one of its entries elsewhere by
 * a name that counted ("Ireland's Data Protection Commission" above, "the DPC" below;
 * "HIPAA" in the title, "the Security Rule" in the body), the one named nearest when
 * several share the spelling. A detection whose spelling several entries share goes to
 * the one the document names elsewhere ("the Information Commissioner" in a text that
 * names the OAIC). Returns the scan's name detections so decided, with those added,
 * sorted by start and never overlapping.
 */
export function confirmNames(document: string, scan: Omit<ControlScan, 'pending' | 'heads'>, matcher: ControlMatcher): ControlDetection[] {
  const m = asCompiled(matcher);
  const { detections, pendingNames, choices } = scan;
  if (pendingNames.length === 0 && choices.length === 0) return [...detections];
  const indexOf = m.indexOfId;
  // A name only one entry could take where it stands counts as named, even when others
  // may claim it from elsewhere in the document.
  const chosen = new Map(choices.filter((c) => c.entries.length > 1).map((c) => [c.start, c.entries]));
  // Where each entry is named without doubt: by a name only it has, or with its context.
  const named = new Map<number, number[]>();
  for (const d of detections) {
    const i = indexOf.get(d.id);
    if (d.controlId !== undefined || i === undefined || (chosen.size > 0 && chosen.has(d.start))) continue;
    const starts = named.get(i);
    if (starts === undefined) named.set(i, [d.start]);
    else starts.push(d.start);
  }
  // Each entry's starts are in document order: the nearest is found by bisection, as a
  // long document names some entries hundreds of times and has as many pending names.
  const nearestNamed = (entries: readonly number[], at: number): number | undefined => {
    let best: number | undefined;
    let bestDistance = Infinity;
    for (const e of entries) {
      const starts = named.get(e);
      if (starts === undefined) continue;
      const d = distanceToNearest(starts, at);
      if (d < bestDistance) {
        best = e;
        bestDistance = d;
      }
    }
    return best;
  };
  // Copied, then only the detections with a choice looked at: a long document has
  // thousands of detections and a few dozen choices.
  const out = detections.slice();
  // Whether the document anywhere uses an entry's context words (not its names: the
  // mention itself is one): read once per entry.
  const spoken = new Map<number, boolean>();
  const speaksOf = (e: number): boolean => {
    let known = spoken.get(e);
    if (known === undefined) {
      const words = m.contextWordsOf(e);
      spoken.set(e, (known = words !== undefined && contextIn(words, document, 0, document.length)));
    }
    return known;
  };
  for (const c of choices) {
    const k = indexAtStart(detections, c.start);
    const d = detections[k];
    if (d === undefined) continue;
    let e: number | undefined;
    if (c.entries.length > 1) e = nearestNamed(c.entries, c.start);
    else if (c.elsewhere !== undefined) {
      // The one entry that took it is named nowhere else, and the document speaks only of
      // another's world: "Data Protection Act 2018" in the Irish regulator's report.
      const only = c.entries[0] as number;
      const namedElsewhere = (named.get(only) ?? []).some((start) => start !== c.start);
      const others = namedElsewhere || speaksOf(only) ? [] : c.elsewhere.filter(speaksOf);
      if (others.length === 1) e = others[0];
    }
    if (e !== undefined) out[k] = { ...d, id: (m.entries[e] as CompiledEntry).id };
  }
  if (named.size === 0) return out;
  const added: ControlDetection[] = [];
  let lastEnd = 0;
  // The short names the document defines, read once when a pending name asks: confirmNames
  // runs after every edit, over a document with thousands of detections.
  let definitions: Map<string, Set<string>> | undefined;
  const definersOf = (abbreviation: string): ReadonlySet<string> | undefined =>
    (definitions ??= definedShortNames(document, detections)).get(abbreviation);
  for (const p of [...pendingNames].sort((x, y) => x.start - y.start)) {
    if (p.start < lastEnd || !document.startsWith(p.text, p.start) || overlapsAny(detections, p.start, p.end)) continue;
    // The document's own definition ("the Office of the Attorney General (OAG)") says
    // whose short name it is, wherever another entry sharing it is named nearer.
    const ids = definersOf(p.text);
    const defining = ids === undefined ? [] : p.entries.filter((i) => ids.has((m.entries[i] as CompiledEntry).id));
    const e = defining.length === 1 ? defining[0] : nearestNamed(p.entries, p.start);
    if (e === undefined) continue;
    if (p.end - p.start <= 2 && ids?.has((m.entries[e] as CompiledEntry).id) !== true) continue;
    let end = parentheticalEnd(document, p.end, e, m) ?? p.end;
    if (overlapsAny(detections, p.start, end)) end = p.end;
    added.push({ kind: 'control', start: p.start, end, text: document.slice(p.start, end), id: (m.entries[e] as CompiledEntry).id });
    lastEnd = end;
  }
  return added.length === 0 ? out : mergeByStart(out, added);
}

/** A bracket right after a name: "(Autoriteit Persoonsgegevens, AP)", "(“AP”)". */
const BRACKET_AFTER = /^\s?\(([^()\r\n]{1,80})\)/;
const QUOTES = /^["“‘']|["”’']$/g;
/** A term defined in the bracket: "(the “Exchange Act”)". */
const DEFINING_THE = /^the[ \u00a0]+(?=["“‘'])/i;

/** The one white-space character BRACKET_AFTER lets stand before the bracket. */
const ONE_SPACE = /^\s$/;
/** The short name in a bracket that ends a detection, as parentheticalEnd took it in: "… (OAG)". */
const BRACKET_ENDING = /\(([^()\r\n]{1,80})\)$/;

/**
 * The short names the document gives entries right after naming them, each with the ids
 * of the entries it names: "the Dutch Data Protection Authority (Autoriteit
 * Persoonsgegevens, AP)", "the Autoriteit Persoonsgegevens (“AP”)", "the Office of the
 * Attorney General (OAG)" (a bracket parentheticalEnd took into the name).
 */
function definedShortNames(document: string, detections: readonly ControlDetection[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const d of detections) {
    if (d.controlId !== undefined) continue;
    // Most names have no bracket after them: looked at without slicing.
    const next = ONE_SPACE.test(document.charAt(d.end)) ? document.charCodeAt(d.end + 1) : document.charCodeAt(d.end);
    const bracket =
      next === 0x28
        ? BRACKET_AFTER.exec(document.slice(d.end, d.end + 84))
        : d.text.charCodeAt(d.text.length - 1) === 0x29
          ? BRACKET_ENDING.exec(d.text)
          : null;
    const last = bracket?.[1]?.split(/[,;]/).pop()?.trim().replace(DEFINING_THE, '').replace(QUOTES, '');
    if (last === undefined || last === '') continue;
    let ids = out.get(last);
    if (ids === undefined) out.set(last, (ids = new Set()));
    ids.add(d.id);
  }
  return out;
}

/** The index of the detection of `sorted` (by start) that starts at `start`; -1 when none does. */
function indexAtStart(sorted: readonly ControlDetection[], start: number): number {
  const lo = lowerBound(sorted.length, (i) => (sorted[i] as ControlDetection).start < start);
  return lo < sorted.length && (sorted[lo] as ControlDetection).start === start ? lo : -1;
}

/** Two lists sorted by start (then longer first) as one, in that order. */
function mergeByStart(a: readonly ControlDetection[], b: readonly ControlDetection[]): ControlDetection[] {
  const out: ControlDetection[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as ControlDetection;
    const y = b[j] as ControlDetection;
    if ((x.start - y.start || y.end - x.end) <= 0) {
      out.push(x);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  while (i < a.length) out.push(a[i++] as ControlDetection);
  while (j < b.length) out.push(b[j++] as ControlDetection);
  return out;
}

/** Whether a scan holds names that only the whole document can decide (confirmNames). */
export function namesNeedDocument(scan: Pick<ControlScan, 'pendingNames' | 'choices' | 'heads'>): boolean {
  return scan.pendingNames.length > 0 || scan.choices.length > 0 || scan.heads.some((h) => h.definite);
}

/**
 * Mentions of catalog entries and control identifiers in `text`, sorted by start and
 * never overlapping (where two would, the one starting first, then the longer, wins).
 * `text` is taken as the whole document; see scanControls and confirmControls for a
 * document detected in pieces, and controlSplice.ts for one kept up to date.
 */
export function detectControls(text: string, matcher: ControlMatcher): ControlDetection[] {
  const scan = scanControls(text, matcher);
  return decideControls(text, scan, scan.pending.length === 0 ? [] : confirmControls(text, scan.pending, matcher), matcher);
}

/**
 * What detectControls returns, from the document's scan and the identifiers
 * confirmControls confirmed among its pending ones: names decided by confirmNames, and
 * the identifiers that overlap none of them.
 */
export function decideControls(
  document: string,
  scan: ControlScan,
  identifiers: readonly ControlDetection[],
  matcher: ControlMatcher,
): ControlDetection[] {
  const confirmed = confirmNames(document, scan, matcher);
  const shortened = resolveHeads(document, scan.heads, confirmed);
  const names = shortened.length === 0 ? confirmed : mergeByStart(confirmed, shortened);
  if (identifiers.length === 0) return names;
  // A confirmed identifier overlaps no scanned detection, but may overlap a confirmed
  // name; identifiers never overlap one another.
  const kept = identifiers.filter((d) => !overlapsAny(names, d.start, d.end));
  return kept.length === 0 ? names : mergeByStart(names, kept);
}
