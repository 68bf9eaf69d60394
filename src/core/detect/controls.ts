// Finds named standards, laws, regulators and programmes (by catalog alias) and
// control identifiers (by catalog pattern) in a text. The catalog is compiled once;
// detection then reads the text once for names and once for identifiers, and runs
// on every edit, so everything per-alias or per-pattern happens at compile time.
import { AliasIndex, endBoundaryAllowed, type AliasTerminal } from '../catalog/aliasIndex';
import { compileContext, hasContext } from '../catalog/contextWindow';
import { PatternIndex } from '../catalog/patternIndex';
import { isBoundaryBlocker, isHyphenCode, isSpaceCode } from '../catalog/tokens';
import type { Catalog, CatalogEntry } from '../catalog/types';
import type { ControlDetection } from '../model';

interface CompiledEntry {
  id: string;
  /** Version numbers as they may follow a name ("2022", "2.0", "5" for "Rev. 5"). */
  versions: string[];
  /** Context that lets this entry's ambiguous aliases count. */
  context: RegExp | undefined;
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
  constructor(
    readonly entries: CompiledEntry[],
    readonly aliases: AliasIndex,
    readonly patterns: CompiledPattern[],
    readonly patternIndex: PatternIndex,
  ) {}

  get entryCount(): number {
    return this.entries.length;
  }

  get patternCount(): number {
    return this.patterns.length;
  }
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
  const entries: CompiledEntry[] = catalog.entries.map((e) => ({
    id: e.id,
    versions: versionKeys(e),
    context: compileContext([...e.context, ...e.aliases]),
  }));
  const byId = new Map(catalog.entries.map((e) => [e.id, e]));
  const patterns = catalog.patterns.map((p): CompiledPattern => {
    const framework = byId.get(p.framework);
    if (!framework) {
      throw new Error(
        `${p.origin.source}:${p.origin.line}:${p.origin.column}: pattern '${p.id}' refers to unknown entry '${p.framework}'`,
      );
    }
    return {
      framework: p.framework,
      requiresContext: p.requiresContext,
      // The framework's own names always count; its broad context words would not be enough.
      context: compileContext([...p.context, ...framework.aliases]),
      stripLeadingZeros: p.stripLeadingZeros,
    };
  });
  return new CompiledControlMatcher(
    entries,
    new AliasIndex(catalog.entries),
    patterns,
    new PatternIndex(catalog.patterns),
  );
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
  if (!entry.versions.some((v) => number === v || number.startsWith(`${v}.`))) return undefined;
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

const PAREN_OPEN_RE = /[ \u00A0]?\([ \u00A0]?/y;
const PAREN_CLOSE_RE = /[ \u00A0]?\)/y;

/** "Committee on ... (CFIUS)": the same entry named again in brackets joins the mention. */
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
const LEAD_WORDS = new Set(
  'the a an this that these those its their our your his her under in of for with by and or to from new proposed draft final current revised amended'.split(
    ' ',
  ),
);

/**
 * "Colorado AI Act": an ambiguous alias right after a capitalised word is most
 * likely the tail of some other name, whatever the context says.
 */
function tailOfAnotherName(text: string, at: number): boolean {
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
  return !LEAD_WORDS.has(word.toLowerCase());
}

function aliasAt(text: string, at: number, m: CompiledControlMatcher): Found | undefined {
  for (const c of m.aliases.candidatesAt(text, at)) {
    for (const t of sortTerminals(c.terminals)) {
      const entry = m.entries[t.entry] as CompiledEntry;
      const withVersion = versionSuffixEnd(text, c.end, entry);
      let end: number;
      if (withVersion !== undefined && endBoundaryAllowed(text, withVersion, 'num')) end = withVersion;
      else if (endBoundaryAllowed(text, c.end, c.lastKind)) end = c.end;
      else continue;
      if (t.ambiguous && (tailOfAnotherName(text, at) || !hasContext(text, at, end, entry.context))) continue;
      return { start: at, end: parentheticalEnd(text, end, t.entry, m) ?? end, entry: t.entry };
    }
  }
  return undefined;
}

function normaliseControlId(raw: string, stripLeadingZeros: boolean): string {
  let out = '';
  for (const ch of raw) {
    const code = ch.charCodeAt(0);
    if (isSpaceCode(code)) continue;
    out += isHyphenCode(code) ? '-' : ch;
  }
  return stripLeadingZeros ? out.replace(/(^|[^0-9])0+(?=[0-9])/g, '$1') : out;
}

function asCompiled(matcher: ControlMatcher): CompiledControlMatcher {
  if (!(matcher instanceof CompiledControlMatcher)) {
    throw new TypeError('detectControls needs a matcher made by compileControlMatcher');
  }
  return matcher;
}

/**
 * Mentions of catalog entries and control identifiers in `text`, sorted by start and
 * never overlapping (where two would, the one starting first, then the longer, wins).
 */
export function detectControls(text: string, matcher: ControlMatcher): ControlDetection[] {
  const m = asCompiled(matcher);
  const found: ControlDetection[] = [];

  let pos = 0;
  for (let at = m.aliases.nextStart(text, pos); at >= 0; at = m.aliases.nextStart(text, pos)) {
    const hit = aliasAt(text, at, m);
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
    if (p.requiresContext && !hasContext(text, hit.start, hit.end, p.context)) continue;
    const raw = text.slice(hit.start, hit.end);
    found.push({
      kind: 'control',
      start: hit.start,
      end: hit.end,
      text: raw,
      id: p.framework,
      framework: p.framework,
      controlId: normaliseControlId(raw, p.stripLeadingZeros),
    });
  }

  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ControlDetection[] = [];
  let lastEnd = 0;
  for (const d of found) {
    if (d.start < lastEnd) continue;
    // A pattern hit glued to a word on its left was already refused; this keeps names
    // found inside identifiers ("SOC2" in "xSOC2") out as well.
    if (d.start > 0 && isBoundaryBlocker(text.charCodeAt(d.start - 1))) continue;
    out.push(d);
    lastEnd = d.end;
  }
  return out;
}
