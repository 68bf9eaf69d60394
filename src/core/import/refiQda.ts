// Reading a REFI-QDA project (`.qdpx`, QDA-XML 1.0) back: Marginalia's own export exactly,
// and projects coded in QualCoder, NVivo, ATLAS.ti or MAXQDA as faithfully as the sidecar
// can hold them. A `.qdpx` is a zip of `project.qde` (the XML) and `sources/…` (each text
// source's plain text); a bare `.qde` with inline texts is read too. What has no place in
// a sidecar (pictures, audio, cases, whole-source codings, journals) is reported with where
// it is, never dropped silently. Matching the project's sources to documents on disk is
// refiQdaSources.ts; placing the selections in them is place.ts, as for every import.
//
// Codes. Marginalia writes one code per kind with a child code per label; read back, a
// top-level code is the kind and a child the label. A label whose name was taken got its
// kind in brackets on export (`commitment (privacy)`); the GUIDs, which the export derives
// from kind and label, or the bracket naming a code that exists, undo that. Another tool's
// deeper hierarchy keeps its path below the top as the label (`Financial > cost`), and a
// label the kind does not allow (a claim's type, a date's ISO value) becomes a tag, as when
// a person types it. A selection coded with two codes of one kind is one annotation with
// the other labels as tags; two kinds are two annotations.
//
// Positions. The standard counts "characters" without naming a unit. Marginalia and
// QualCoder (Python) count code points with a CRLF as two; .NET tools (NVivo) count UTF-16
// units; ATLAS.ti and MAXQDA count a CRLF as one. Each source's unit is chosen by the
// selections whose `name` quotes their text (QualCoder writes the whole text there,
// NVivo, ATLAS.ti and Marginalia its beginning): the unit under which most of them cut out
// their own name wins. Without such names, code points, or a CRLF as one for ATLAS.ti and
// MAXQDA projects. The quote is then cut from the project's copy of the text and placed in
// the document on disk by quote, context and position, so a document edited since is
// still matched, and a selection whose text is no longer there is reported, not guessed.
//
// Provenance. A coding a person made in another tool is that person's decision: `open`,
// reviewed by the coding's user at its time, made by the selection's user. Marginalia's
// own selections carry their status, reviewer, review time, origin, speaker, tags and id
// in the memo (see export/refiQda.ts), which is read back into the fields: a suggestion
// exported with `--include-suggestions` comes back as a suggestion. A coding whose user is
// "Marginalia" without that memo is machine output too: a suggestion.

import { unzipSync } from 'fflate';
import { anchorAt } from '../anchor/context';
import { stableUuid } from '../export/ids';
import { LINK_ROLES, STATUSES, VERDICTS, type LinkRole, type Origin, type Status, type Verdict } from '../model';
import { ANNOTATION_ID, DESCRIPTIVE_KEYS, EVIDENCE_REFERENCE, LINKING_KIND, type AnnotationKey } from '../sidecar/format';
import { placeLabel } from '../store/labels';
import { OffsetMap } from '../text/offsets';
import type { Incoming } from './place';
import { FOREIGN_KIND } from './w3c';
import { parseXml, type XmlElement } from './xml';

/**
 * TextDecoder is in every host Marginalia runs in (Node, browsers, web workers) but not in
 * the ES2022 typings core is checked with; declared here with the little that is used.
 */
declare const TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(input: Uint8Array): string };

const NAMESPACE = 'urn:QDA-XML:project:1.0';

/** The user Marginalia's export names for annotations without an author and for unreviewed suggestions. */
const MARGINALIA_USER = 'Marginalia';

/** creationDateTime Marginalia's export writes when an annotation has no `created` and it had no clock. */
const EXPORT_FALLBACK_DATE = '1980-01-01T00:00:00Z';

/** Largest project.qde or text file read from a project, uncompressed; a larger one is reported, not read. */
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

/** Joins the names of a code path below the kind into one label. */
const LABEL_PATH_SEPARATOR = ' > ';

/** The sidecar's date-time forms (see sidecar/read.ts); other values are not taken. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})?)?$/;

/** Everything Marginalia's own memo and codes carry: an update replaces all of it. */
const OWN_FIELDS = DESCRIPTIVE_KEYS;
/**
 * What another tool's coding says. Not `origin` (an existing detection a person coded
 * elsewhere is still a detection), `speaker` or `tags` (the tool has none; tags made in
 * Marginalia stay), unless labels became tags.
 */
const FOREIGN_FIELDS: readonly AnnotationKey[] = ['kind', 'label', 'status', 'reviewer', 'reviewed', 'note', 'author', 'created'];

export interface RefiQdaProblem {
  /** Where: `project.qdpx: project.qde:57 (selection in "interview.txt")`. */
  origin: string;
  reason: string;
}

export interface RefiQdaSource {
  guid: string;
  /** The source's name in the project: a path, a file name or a title. */
  name: string;
  /** Where it is in the project, for messages. */
  origin: string;
  /** The text the selections count in, without a byte-order mark; absent when the project does not hold it. */
  text?: string;
  /** Its selections, ready to place in the document it belongs to. */
  incoming: Incoming[];
}

export interface RefiQdaRead {
  /** The project's name. */
  name?: string;
  /** The software that wrote it (the Project's `origin`). */
  software?: string;
  /** Every text source, including those with nothing to import. */
  sources: RefiQdaSource[];
  problems: RefiQdaProblem[];
}

// ---- Bytes: zip entries and text ------------------------------------------------------------

/** The UTF-8 (or, with its byte-order mark, UTF-16) text of a file; a BOM is not part of the text. */
function decodeText(bytes: Uint8Array): string {
  let encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  // fatal: a file that is not what it claims is reported, not read with replacement characters.
  const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function describeError(error: unknown): string {
  if (error instanceof TypeError && /encoded data was not valid|invalid|malformed/i.test(error.message))
    return 'not valid UTF-8 (or UTF-16) text';
  return error instanceof Error ? error.message : String(error);
}

/** A zip's entries, read only when asked for: a project may hold gigabytes of audio and video. */
class ZipEntries {
  readonly names: string[] = [];
  private readonly sizes = new Map<string, number>();

  constructor(private readonly bytes: Uint8Array) {
    // Listing without extracting: the filter sees every entry and keeps none.
    unzipSync(bytes, {
      filter: (f) => {
        this.names.push(f.name);
        this.sizes.set(f.name, f.originalSize);
        return false;
      },
    });
  }

  /** The entry a project path names: `internal://x.txt` is `sources/x.txt` (any case, QualCoder writes `Sources/`). */
  find(path: string): string | undefined {
    const wanted = path
      .replace(/^internal:\/\//i, '')
      .replace(/\\/g, '/')
      .replace(/^\/+/, '')
      .toLowerCase();
    const lower = this.names.map((n) => [n, n.toLowerCase()] as const);
    return (
      lower.find(([, l]) => l === `sources/${wanted}`)?.[0] ??
      lower.find(([, l]) => l === wanted)?.[0] ??
      lower.find(([, l]) => l.endsWith(`/${wanted}`))?.[0]
    );
  }

  /** The entries' bytes; those too large to read are left out (see `tooLarge`). */
  read(names: ReadonlySet<string>): Map<string, Uint8Array> {
    const out = unzipSync(this.bytes, { filter: (f) => names.has(f.name) && f.originalSize <= MAX_ENTRY_BYTES });
    return new Map(Object.entries(out));
  }

  tooLarge(name: string): boolean {
    return (this.sizes.get(name) ?? 0) > MAX_ENTRY_BYTES;
  }
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

// ---- XML helpers ----------------------------------------------------------------------------

function isQda(el: XmlElement): boolean {
  // Tools that forget the namespace declaration are read too.
  return el.namespace === NAMESPACE || el.namespace === null;
}

function kids(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name && isQda(c));
}

function kid(el: XmlElement, name: string): XmlElement | undefined {
  return kids(el, name)[0];
}

/** The items of one of the project's lists (`Users` > `User`), none when the list is absent. */
function items(root: XmlElement, list: string, item: string): XmlElement[] {
  const el = kid(root, list);
  return el === undefined ? [] : kids(el, item);
}

function attr(el: XmlElement, name: string): string | undefined {
  const v = el.attributes.get(name);
  return v === undefined || v.trim() === '' ? undefined : v;
}

/** GUIDs compare without braces and case: `{ABC…}` and `abc…` are one GUID. */
function guidKey(guid: string | undefined): string | undefined {
  const g = guid?.trim().replace(/^\{/, '').replace(/\}$/, '').toLowerCase();
  return g === undefined || g === '' ? undefined : g;
}

function integer(v: string | undefined): number | undefined {
  return v !== undefined && /^\s*\+?\d+\s*$/.test(v) ? Number(v) : undefined;
}

function dateTime(v: string | undefined): string | undefined {
  const t = v?.trim();
  return t !== undefined && DATE_TIME.test(t) ? t : undefined;
}

function quoted(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 59)}…` : s);
}

// ---- Positions ------------------------------------------------------------------------------

/** How a tool counts: astral characters (emoji) as one or two units, a CRLF as one or two. */
interface Unit {
  astral: 1 | 2;
  crlf: 1 | 2;
}

const CODE_POINTS: Unit = { astral: 1, crlf: 2 };
const UTF16: Unit = { astral: 2, crlf: 2 };
const CODE_POINTS_CRLF_ONE: Unit = { astral: 1, crlf: 1 };
const UTF16_CRLF_ONE: Unit = { astral: 2, crlf: 1 };

/** The units to try, the writing software's likely one first. */
function unitsFor(software: string | undefined): Unit[] {
  return /atlas|maxqda/i.test(software ?? '')
    ? [CODE_POINTS_CRLF_ONE, UTF16_CRLF_ONE, CODE_POINTS, UTF16]
    : [CODE_POINTS, UTF16, CODE_POINTS_CRLF_ONE, UTF16_CRLF_ONE];
}

/**
 * Converts a unit's positions to UTF-16 indices of one text. Only the characters a unit
 * counts as one where UTF-16 has two (an astral character, a CRLF) shift positions, so
 * only their places are kept, and a position converts by binary search (as OffsetMap).
 */
class UnitMap {
  /** Unit position of each character that is one unit but two UTF-16 units, ascending. */
  private readonly shorter: number[] = [];

  constructor(
    private readonly text: string,
    unit: Unit,
  ) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const next = text.charCodeAt(i + 1);
      const pair = c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
      const crlf = c === 0x0d && next === 0x0a;
      if ((pair && unit.astral === 1) || (crlf && unit.crlf === 1)) {
        this.shorter.push(i - this.shorter.length);
        i++;
      } else if (pair) {
        i++;
      }
    }
  }

  /** The UTF-16 index of a position, or undefined when it is past the end or inside a character. */
  toUtf16(position: number): number | undefined {
    let lo = 0;
    let hi = this.shorter.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.shorter[mid] as number) < position) lo = mid + 1;
      else hi = mid;
    }
    const i = position + lo;
    if (i > this.text.length) return undefined;
    // Between the halves of a surrogate pair no tool can mean to point.
    const c = this.text.charCodeAt(i);
    const before = this.text.charCodeAt(i - 1);
    return c >= 0xdc00 && c <= 0xdfff && before >= 0xd800 && before <= 0xdbff ? undefined : i;
  }
}

/** Same text, whitespace aside: a selection's name is often the text flattened to one line. */
function flat(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The selection's name quotes `quote`: all of it, or its beginning followed by an ellipsis. */
function nameFits(name: string | undefined, quote: string): boolean {
  if (name === undefined) return false;
  const n = flat(name);
  if (n === '') return false;
  const q = flat(quote);
  if (n === q) return true;
  const cut = n.replace(/(?:\.\.\.|…)$/u, '').trimEnd();
  return cut !== n && cut !== '' && q.startsWith(cut);
}

interface RawSelection {
  el: XmlElement;
  start: number;
  end: number;
  name?: string;
}

/** UTF-16 spans of a source's selections, each in the unit that fits it best (see the top of the file). */
function resolveSpans(
  text: string,
  selections: readonly RawSelection[],
  software: string | undefined,
): ({ start: number; end: number } | undefined)[] {
  const units = unitsFor(software);
  const maps = units.map((u) => new UnitMap(text, u));
  const spans = selections.map((s) =>
    maps.map((m) => {
      const start = m.toUtf16(s.start);
      const end = m.toUtf16(s.end);
      return start === undefined || end === undefined || end < start ? undefined : { start, end };
    }),
  );
  const score = units.map((_u, k) => ({
    k,
    invalid: spans.filter((sp) => sp[k] === undefined).length,
    fits: selections.filter((s, i) => {
      const sp = spans[i]?.[k];
      return sp !== undefined && nameFits(s.name, text.slice(sp.start, sp.end));
    }).length,
  }));
  score.sort((a, b) => a.invalid - b.invalid || b.fits - a.fits || a.k - b.k);
  const best = score[0]?.k ?? 0;
  return selections.map((s, i) => {
    const candidates = spans[i] ?? [];
    const own = candidates[best];
    if (own !== undefined && nameFits(s.name, text.slice(own.start, own.end))) return own;
    // A name that fits only another unit's cut says how this selection was counted.
    const fitting = candidates.find((sp) => sp !== undefined && nameFits(s.name, text.slice(sp.start, sp.end)));
    return fitting ?? own ?? candidates.find((sp) => sp !== undefined);
  });
}

// ---- Marginalia's memo ----------------------------------------------------------------------

interface OwnMemo {
  note?: string;
  id?: string;
  status?: Status;
  verdict?: Verdict;
  evidence?: string[];
  reviewer?: string;
  reviewed?: string;
  origin?: Origin;
  speaker?: string;
  entity?: string;
  about?: string[];
  due?: string[];
  when?: string[];
  tags?: string[];
  created?: string;
}

/** The memo lines Marginalia writes, in its order; `status` first and `id` last. */
const MEMO_KEYS = [
  'status',
  'verdict',
  'evidence',
  'reviewer',
  'reviewed',
  'origin',
  'speaker',
  'entity',
  'about',
  'due',
  'when',
  'tags',
  'created',
  'id',
] as const;
type MemoKey = (typeof MEMO_KEYS)[number];

/** A value as the export writes it: as is, or JSON-quoted when it would not read back from its line. */
function memoScalar(v: string): string {
  if (!v.startsWith('"')) return v;
  try {
    const parsed: unknown = JSON.parse(v);
    return typeof parsed === 'string' ? parsed : v;
  } catch {
    return v;
  }
}

/** `[a, "b, c", 🔖]`: items plain or JSON-quoted, separated by `, `. */
function memoList(v: string): string[] | undefined {
  if (!v.startsWith('[') || !v.endsWith(']')) return undefined;
  const inner = v.slice(1, -1);
  const out: string[] = [];
  let i = 0;
  while (i < inner.length) {
    const q = /^"(?:[^"\\]|\\.)*"/.exec(inner.slice(i));
    let item: string;
    if (q !== null) {
      item = memoScalar(q[0]);
      i += q[0].length;
    } else {
      const comma = inner.indexOf(',', i);
      const stop = comma < 0 ? inner.length : comma;
      item = inner.slice(i, stop);
      i = stop;
    }
    out.push(item);
    if (i < inner.length) {
      if (!inner.startsWith(', ', i)) return undefined;
      i += 2;
    }
  }
  return out;
}

/**
 * Marginalia's memo: the note, a blank line, then one `key: value` line per field, from
 * `status` to `id`. Undefined for any other memo (another tool's, or one edited out of
 * shape), which is then read as a plain note.
 */
function parseOwnMemo(description: string): OwnMemo | undefined {
  const lines = description.split('\n');
  const blockStart = lines.lastIndexOf('') + 1;
  const block = lines.slice(blockStart);
  if (block.length < 2) return undefined;
  const values = new Map<MemoKey, string>();
  let last = -1;
  for (const line of block) {
    const m = /^([a-z]+): (.*)$/.exec(line);
    const key = MEMO_KEYS.find((k) => k === m?.[1]);
    const at = key === undefined ? -1 : MEMO_KEYS.indexOf(key);
    if (m === null || key === undefined || at <= last) return undefined;
    values.set(key, m[2] ?? '');
    last = at;
  }
  if (!values.has('status') || !values.has('id')) return undefined;
  const blockText = block.join('\n');
  const out: OwnMemo = {};
  // The note is what precedes the blank line before the block, exactly (a trailing newline included).
  if (blockStart > 0) out.note = description.slice(0, description.length - blockText.length - 2);
  const get = (k: MemoKey): string | undefined => {
    const v = values.get(k);
    return v === undefined ? undefined : memoScalar(v);
  };
  const id = get('id');
  if (id !== undefined && ANNOTATION_ID.test(id)) out.id = id;
  const status = get('status');
  if (status !== undefined && (STATUSES as readonly string[]).includes(status)) out.status = status as Status;
  const verdict = get('verdict');
  if (verdict !== undefined && (VERDICTS as readonly string[]).includes(verdict)) out.verdict = verdict as Verdict;
  const evidence = values.get('evidence');
  const refs = evidence === undefined ? undefined : memoList(evidence)?.filter((x) => EVIDENCE_REFERENCE.test(x));
  if (refs !== undefined && refs.length > 0) out.evidence = refs;
  const origin = get('origin');
  if (origin === 'detected' || origin === 'manual') out.origin = origin;
  for (const k of ['reviewer', 'reviewed', 'speaker', 'entity', 'created'] as const) {
    const v = get(k);
    if (v !== undefined) out[k] = v;
  }
  const tags = values.get('tags');
  const list = tags === undefined ? undefined : memoList(tags);
  if (list !== undefined) out.tags = list;
  for (const role of LINK_ROLES) {
    const v = values.get(role);
    const ids = v === undefined ? undefined : memoList(v)?.filter((x) => ANNOTATION_ID.test(x));
    if (ids !== undefined && ids.length > 0) out[role] = ids;
  }
  return out;
}

/** A claim's links as its memo gave them. */
function linksOf(own: OwnMemo): Partial<Record<LinkRole, string[]>> {
  const out: Partial<Record<LinkRole, string[]>> = {};
  for (const role of LINK_ROLES) {
    const ids = own[role];
    if (ids !== undefined) out[role] = ids;
  }
  return out;
}

// ---- The project ----------------------------------------------------------------------------

interface Code {
  guid: string;
  name: string;
  parent?: Code;
}

interface Note {
  el: XmlElement;
  guid: string;
  name?: string;
  text?: string;
  user?: string;
  date?: string;
  used: boolean;
}

/** What every part of the mapping needs to know about the project. */
interface Project {
  fileName: string;
  software?: string;
  created?: string;
  users: Map<string, string>;
  codes: Map<string, Code>;
  codeNames: Set<string>;
  cases: Map<string, string>;
  notes: Map<string, Note>;
  /** Notes linked to a selection by a Link (NVivo's annotations), by selection GUID. */
  linkedNotes: Map<string, Note[]>;
  problems: RefiQdaProblem[];
}

function where(p: Project, el: XmlElement, what: string): string {
  return `${p.fileName}: project.qde:${el.line} (${what})`;
}

function userName(p: Project, guid: string | undefined): string | undefined {
  const key = guidKey(guid);
  return key === undefined ? undefined : p.users.get(key);
}

function readUsers(root: XmlElement): Map<string, string> {
  const users = new Map<string, string>();
  for (const u of items(root, 'Users', 'User')) {
    const key = guidKey(attr(u, 'guid'));
    const name = attr(u, 'name') ?? attr(u, 'id');
    if (key !== undefined && name !== undefined) users.set(key, name);
  }
  return users;
}

/** The codebook, walked without recursion so a hostile nesting cannot overflow the stack. */
function readCodes(root: XmlElement): Map<string, Code> {
  const codes = new Map<string, Code>();
  const book = kid(root, 'CodeBook');
  const stack: { el: XmlElement; parent?: Code }[] = (book === undefined ? [] : items(book, 'Codes', 'Code')).map((el) => ({ el }));
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const key = guidKey(attr(item.el, 'guid'));
    const code: Code = { guid: attr(item.el, 'guid')?.trim() ?? '', name: item.el.attributes.get('name') ?? '' };
    if (item.parent !== undefined) code.parent = item.parent;
    if (key !== undefined) codes.set(key, code);
    for (const child of kids(item.el, 'Code')) stack.push({ el: child, parent: code });
  }
  return codes;
}

function readNotes(root: XmlElement, texts: Map<XmlElement, string>, p: Project): Map<string, Note> {
  const notes = new Map<string, Note>();
  for (const el of items(root, 'Notes', 'Note')) {
    const key = guidKey(attr(el, 'guid'));
    if (key === undefined) continue;
    const content = kid(el, 'PlainTextContent')?.text ?? texts.get(el) ?? kid(el, 'Description')?.text;
    const note: Note = { el, guid: key, used: false };
    const name = attr(el, 'name');
    if (name !== undefined) note.name = name;
    if (content !== undefined && content.trim() !== '') note.text = content.trim();
    const user = userName(p, attr(el, 'creatingUser') ?? attr(el, 'modifyingUser'));
    if (user !== undefined) note.user = user;
    const date = dateTime(attr(el, 'creationDateTime') ?? attr(el, 'modifiedDateTime'));
    if (date !== undefined) note.date = date;
    notes.set(key, note);
  }
  return notes;
}

/** The names of the Links Marginalia's export writes (export/refiQda.ts writeLinks). */
const MARGINALIA_LINK_NAMES: ReadonlySet<string> = new Set([...LINK_ROLES, 'evidence']);

/** Links between a note and a selection, in either direction: how NVivo attaches annotations. */
function readLinks(root: XmlElement, p: Project): Map<string, Note[]> {
  const out = new Map<string, Note[]>();
  let other = 0;
  for (const el of items(root, 'Links', 'Link')) {
    const from = guidKey(attr(el, 'originGUID'));
    const to = guidKey(attr(el, 'targetGUID'));
    const note = (from === undefined ? undefined : p.notes.get(from)) ?? (to === undefined ? undefined : p.notes.get(to));
    const target = note !== undefined && note.guid === from ? to : from;
    // Marginalia's own claim links and evidence: its coding memos carry them too, by id,
    // and the import reads them from there.
    if (note === undefined && MARGINALIA_LINK_NAMES.has(attr(el, 'name') ?? '')) continue;
    if (note === undefined || target === undefined) {
      other++;
      continue;
    }
    out.set(target, [...(out.get(target) ?? []), note]);
  }
  if (other > 0)
    p.problems.push({
      origin: `${p.fileName}: project.qde (Links)`,
      reason: `${other} link(s) between codes, sources or selections: a sidecar links only a claim to its dates, controls and evidence; not imported`,
    });
  return out;
}

// ---- Codes to kind and label ----------------------------------------------------------------

interface KindLabel {
  kind: string;
  label?: string;
  /** The label did not fit the kind and is to be kept as a tag. */
  tag?: string;
}

/** The code path from the top-level code down. */
function pathOf(code: Code): Code[] {
  const out: Code[] = [];
  const seen = new Set<Code>();
  for (let c: Code | undefined = code; c !== undefined && !seen.has(c); c = c.parent) {
    seen.add(c);
    out.unshift(c);
  }
  return out;
}

function sameGuid(a: string, b: string): boolean {
  return guidKey(a) === guidKey(b);
}

/** The label a child code stands for: its name, or its name without the export's `(kind)`. */
function labelName(child: Code, kind: Code, p: Project): { label: string; own: boolean } {
  if (sameGuid(child.guid, stableUuid('refi-qda', 'code', kind.name, child.name))) return { label: child.name, own: true };
  const suffix = ` (${kind.name})`;
  if (child.name.endsWith(suffix)) {
    const base = child.name.slice(0, -suffix.length);
    if (sameGuid(child.guid, stableUuid('refi-qda', 'code', kind.name, base))) return { label: base, own: true };
    // Renamed by a tool that kept the name but not the GUID: the bracket was added because
    // the plain name was taken by another code.
    if (p.codeNames.has(base)) return { label: base, own: false };
  }
  return { label: child.name, own: false };
}

function kindAndLabel(code: Code, p: Project): KindLabel {
  const path = pathOf(code);
  const top = path[0] ?? code;
  const ownKind = sameGuid(top.guid, stableUuid('refi-qda', 'code', top.name));
  // Marginalia's kinds are used as they are; another tool's code names are made one line.
  const kindName = ownKind ? top.name.replace(/[\r\n]+/g, ' ') : flat(top.name);
  const kind = kindName.trim() === '' ? FOREIGN_KIND : kindName;
  if (path.length === 1) return { kind };
  if (path.length === 2) {
    const { label, own } = labelName(path[1] ?? code, top, p);
    if (own && ownKind) return { kind, label };
    const placed = placeLabel(kind, label);
    return {
      kind,
      ...(placed.label === undefined ? {} : { label: placed.label }),
      ...(placed.tag === undefined ? {} : { tag: placed.tag }),
    };
  }
  const placed = placeLabel(
    kind,
    path
      .slice(1)
      .map((c) => flat(c.name))
      .join(LABEL_PATH_SEPARATOR),
  );
  return { kind, ...(placed.label === undefined ? {} : { label: placed.label }), ...(placed.tag === undefined ? {} : { tag: placed.tag }) };
}

// ---- Selections -----------------------------------------------------------------------------

function addTag(tags: string[], tag: string | undefined): void {
  if (tag !== undefined && tag !== '' && !tags.includes(tag)) tags.push(tag);
}

function joinNotes(parts: readonly (string | undefined)[]): string | undefined {
  const kept = [...new Set(parts.filter((s): s is string => s !== undefined && s.trim() !== ''))];
  return kept.length === 0 ? undefined : kept.join('\n\n');
}

interface Coded {
  coding: XmlElement;
  code: KindLabel;
}

/** The codings of a selection with their kind and label; codings that name no code are reported. */
function codingsOf(sel: XmlElement, p: Project, origin: string): Coded[] {
  const out: Coded[] = [];
  for (const coding of kids(sel, 'Coding')) {
    const target = attr(kid(coding, 'CodeRef') ?? coding, 'targetGUID');
    const key = guidKey(target);
    const code = key === undefined ? undefined : p.codes.get(key);
    if (code !== undefined) {
      out.push({ coding, code: kindAndLabel(code, p) });
      continue;
    }
    const caseName = key === undefined ? undefined : p.cases.get(key);
    p.problems.push({
      origin,
      reason:
        caseName !== undefined
          ? `coded with the case ${quoted(caseName)}: a sidecar has no cases; not imported`
          : `coded with ${target === undefined ? 'no code' : `the code ${target}, which is not in the codebook`}; not imported`,
    });
  }
  return out;
}

/** Notes attached to the selection by NoteRefs (its own and its codings') and by Links. */
function attachedNotes(sel: XmlElement, p: Project): string[] {
  const refs = [...kids(sel, 'NoteRef'), ...kids(sel, 'Coding').flatMap((c) => kids(c, 'NoteRef'))];
  const notes = refs.map((r) => p.notes.get(guidKey(attr(r, 'targetGUID')) ?? ''));
  const linked = p.linkedNotes.get(guidKey(attr(sel, 'guid')) ?? '') ?? [];
  const out: string[] = [];
  for (const n of [...notes, ...linked]) {
    if (n === undefined) continue;
    n.used = true;
    if (n.text !== undefined) out.push(n.text);
  }
  return out;
}

interface Span {
  quote: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** One selection of a source: its span in the project's text and what it says. */
function selectionIncoming(sel: XmlElement, span: Span, p: Project, origin: string): Incoming[] {
  const description = kid(sel, 'Description')?.text ?? '';
  const own = parseOwnMemo(description);
  const author = userName(p, attr(sel, 'creatingUser') ?? attr(sel, 'modifyingUser'));
  const selDate = dateTime(attr(sel, 'creationDateTime') ?? attr(sel, 'modifiedDateTime'));
  const extra = attachedNotes(sel, p);
  const coded = codingsOf(sel, p, origin);
  const base = { origin, quote: span.quote, prefix: span.prefix, suffix: span.suffix, start: span.start, end: span.end };

  if (own !== undefined) {
    if (coded.length === 0 && kids(sel, 'Coding').length === 0)
      p.problems.push({ origin, reason: 'it has no coding, so its kind is unknown; not imported' });
    // Marginalia's own selection: every field from the memo, the user and date from the
    // selection, where the export put them (its placeholders for "none" read as none).
    const created = own.created ?? (selDate === EXPORT_FALLBACK_DATE || selDate === p.created ? undefined : selDate);
    const common: Omit<Incoming['fields'], 'kind'> = {
      status: own.status ?? 'open',
      origin: own.origin ?? 'manual',
      ...(own.speaker === undefined ? {} : { speaker: own.speaker }),
      ...(own.entity === undefined ? {} : { entity: own.entity }),
      ...(own.reviewer === undefined ? {} : { reviewer: own.reviewer }),
      ...(own.reviewed === undefined ? {} : { reviewed: own.reviewed }),
      ...(author === undefined || author === MARGINALIA_USER ? {} : { author }),
      ...(created === undefined ? {} : { created }),
    };
    // Exactly the note that was exported, unless notes were attached to it elsewhere since.
    const note = extra.length === 0 ? own.note : joinNotes([own.note, ...extra]);
    return groupByKind(coded, own.tags ?? []).map((g, n) => ({
      ...base,
      carried: OWN_FIELDS,
      ...(n === 0 && own.id !== undefined ? { id: own.id } : {}),
      fields: {
        kind: g.kind,
        ...(g.label === undefined ? {} : { label: g.label }),
        ...common,
        ...(note === undefined ? {} : { note }),
        ...(g.tags.length === 0 ? {} : { tags: g.tags }),
        ...(g.kind === LINKING_KIND ? linksOf(own) : {}),
        ...(g.kind === LINKING_KIND && own.verdict !== undefined ? { verdict: own.verdict } : {}),
        ...(g.kind === LINKING_KIND && own.evidence !== undefined ? { evidence: own.evidence } : {}),
      },
    }));
  }

  const note = joinNotes([description.trim(), ...extra]);
  if (coded.length === 0) {
    if (note === undefined) {
      if (kids(sel, 'Coding').length === 0) p.problems.push({ origin, reason: 'neither coded nor annotated: nothing to import' });
      return [];
    }
    // A memo on a span with no code (MAXQDA's and QualCoder's annotations): a note.
    const fields = personFields(author, selDate, author, selDate);
    return [{ ...base, carried: FOREIGN_FIELDS, fields: { kind: FOREIGN_KIND, ...fields, note } }];
  }
  return groupByKind(coded, []).map((g) => {
    const first = coded.find((c) => c.code.kind === g.kind)?.coding;
    const coder = userName(p, first === undefined ? undefined : attr(first, 'creatingUser')) ?? author;
    const codedAt = dateTime(first === undefined ? undefined : attr(first, 'creationDateTime')) ?? selDate;
    const fields = personFields(author, selDate, coder, codedAt);
    return {
      ...base,
      carried: g.tags.length === 0 ? FOREIGN_FIELDS : [...FOREIGN_FIELDS, 'tags'],
      fields: {
        kind: g.kind,
        ...(g.label === undefined ? {} : { label: g.label }),
        ...fields,
        ...(note === undefined ? {} : { note }),
        ...(g.tags.length === 0 ? {} : { tags: g.tags }),
      },
    };
  });
}

/**
 * Who made and who decided, for another tool's selection. A person's coding is an
 * accepted annotation reviewed by that person; one by the user "Marginalia" is machine
 * output, a suggestion no one has reviewed.
 */
function personFields(
  author: string | undefined,
  created: string | undefined,
  coder: string | undefined,
  codedAt: string | undefined,
): Omit<Incoming['fields'], 'kind'> {
  const machine = coder === MARGINALIA_USER;
  return {
    status: machine ? 'suggested' : 'open',
    origin: machine ? 'detected' : 'manual',
    ...(!machine && coder !== undefined ? { reviewer: coder } : {}),
    ...(!machine && coder !== undefined && codedAt !== undefined ? { reviewed: codedAt } : {}),
    ...(author === undefined || author === MARGINALIA_USER ? {} : { author }),
    ...(created === undefined ? {} : { created }),
  };
}

/** One group per kind: its first label is the label, the others (and labels that did not fit) tags. */
function groupByKind(coded: readonly Coded[], tags: readonly string[]): { kind: string; label?: string; tags: string[] }[] {
  const groups: { kind: string; label?: string; tags: string[] }[] = [];
  for (const { code } of coded) {
    let g = groups.find((x) => x.kind === code.kind);
    if (g === undefined) {
      g = { kind: code.kind, tags: [...tags] };
      if (code.label !== undefined) g.label = code.label;
      groups.push(g);
    } else if (code.label !== undefined && code.label !== g.label) {
      addTag(g.tags, code.label);
    }
    addTag(g.tags, code.tag);
  }
  return groups;
}

/**
 * Another tool's codings of one span with one kind become one annotation (a sidecar holds
 * one per kind and span): the other labels are tags, the notes joined. A second coder of
 * the same code has no field of their own: reported.
 */
function mergeSameSpan(incoming: readonly Incoming[], p: Project): Incoming[] {
  const out: Incoming[] = [];
  const bySpan = new Map<string, Incoming>();
  for (const inc of incoming) {
    const key = `${inc.fields.kind}\u0000${inc.start ?? -1}\u0000${inc.end ?? -1}`;
    const first = inc.id === undefined ? bySpan.get(key) : undefined;
    if (first === undefined) {
      if (inc.id === undefined) bySpan.set(key, inc);
      out.push(inc);
      continue;
    }
    const tags = [...(first.fields.tags ?? [])];
    addTag(tags, inc.fields.label !== first.fields.label ? inc.fields.label : undefined);
    for (const t of inc.fields.tags ?? []) addTag(tags, t);
    const note = joinNotes([first.fields.note, inc.fields.note]);
    first.fields = { ...first.fields, ...(tags.length === 0 ? {} : { tags }), ...(note === undefined ? {} : { note }) };
    if (tags.length > 0 && !first.carried.includes('tags')) first.carried = [...first.carried, 'tags'];
    if (inc.fields.reviewer !== first.fields.reviewer) {
      p.problems.push({
        origin: inc.origin,
        reason: `the same span coded as ${inc.fields.kind} again by ${inc.fields.reviewer ?? 'an unnamed user'}: kept as one annotation, reviewed by ${first.fields.reviewer ?? 'an unnamed user'} (${first.origin})`,
      });
    }
  }
  return out;
}

// ---- Sources --------------------------------------------------------------------------------

interface TextElement {
  /** The TextSource (or a PDF's text Representation). */
  el: XmlElement;
  name: string;
  what: string;
}

/** A source's text: inline, or the file its plainTextPath names in the zip (read beforehand into `texts`). */
function textOf(el: XmlElement, texts: Map<XmlElement, string>): string | undefined {
  const inline = kid(el, 'PlainTextContent');
  return inline !== undefined ? inline.text : texts.get(el);
}

function readTextSource(t: TextElement, text: string | undefined, p: Project): RefiQdaSource {
  const origin = where(p, t.el, `${t.what} ${quoted(t.name)}`);
  const source: RefiQdaSource = { guid: attr(t.el, 'guid') ?? '', name: t.name, origin, incoming: [] };
  if (text !== undefined) source.text = text;

  for (const c of kids(t.el, 'Coding')) {
    p.problems.push({
      origin: where(p, c, `coding of ${quoted(t.name)} as a whole`),
      reason: 'codes the whole source, not a span of its text: a sidecar holds spans; not imported',
    });
  }
  const memo = kid(t.el, 'Description')?.text.trim();
  if (memo !== undefined && memo !== '')
    p.problems.push({ origin, reason: 'its description (a memo of the whole source) has no place in a sidecar; not imported' });
  const variables = kids(t.el, 'VariableValue').length;
  if (variables > 0)
    p.problems.push({ origin, reason: `${variables} variable value(s) of the source have no place in a sidecar; not imported` });

  // Its selections, and the selections of notes it refers to (QualCoder's annotations).
  const raw: (RawSelection & { note?: Note })[] = [];
  const selectionOrigin = (el: XmlElement): string => where(p, el, `selection in ${quoted(t.name)}`);
  const collect = (el: XmlElement, note?: Note): void => {
    const start = integer(el.attributes.get('startPosition'));
    const end = integer(el.attributes.get('endPosition'));
    if (start === undefined || end === undefined || end < start) {
      p.problems.push({
        origin: selectionOrigin(el),
        reason: `its positions ${el.attributes.get('startPosition') ?? '?'}–${el.attributes.get('endPosition') ?? '?'} are not a span`,
      });
      return;
    }
    const name = attr(el, 'name');
    raw.push({ el, start, end, ...(name === undefined ? {} : { name }), ...(note === undefined ? {} : { note }) });
  };
  for (const sel of kids(t.el, 'PlainTextSelection')) collect(sel);
  for (const ref of kids(t.el, 'NoteRef')) {
    const note = p.notes.get(guidKey(attr(ref, 'targetGUID')) ?? '');
    if (note === undefined) continue;
    note.used = true;
    const selections = kids(note.el, 'PlainTextSelection');
    if (selections.length === 0) {
      p.problems.push({
        origin: where(p, note.el, `note ${quoted(note.name ?? note.guid)}`),
        reason: `a memo of the whole source ${quoted(t.name)} has no place in a sidecar; not imported`,
      });
    }
    for (const sel of selections) collect(sel, note);
  }
  if (raw.length === 0) return source;
  if (text === undefined) {
    for (const s of raw)
      p.problems.push({
        origin: selectionOrigin(s.el),
        reason: 'the project does not hold the text of its source, so it cannot be checked or placed; not imported',
      });
    return source;
  }

  const spans = resolveSpans(text, raw, p.software);
  const map = new OffsetMap(text);
  const incoming: Incoming[] = [];
  raw.forEach((s, i) => {
    const origin = selectionOrigin(s.el);
    const span = spans[i];
    if (span === undefined) {
      p.problems.push({
        origin,
        reason: `its positions ${s.start}–${s.end} lie outside the source's text (${map.codePointLength} characters)`,
      });
      return;
    }
    if (span.start === span.end) {
      p.problems.push({ origin, reason: 'it selects no text (start and end are the same)' });
      return;
    }
    const a = anchorAt(text, span.start, span.end);
    const placed: Span = {
      quote: a.quote,
      prefix: a.prefix,
      suffix: a.suffix,
      start: map.toCodePoint(a.start),
      end: map.toCodePoint(a.end),
    };
    if (s.note === undefined) {
      incoming.push(...selectionIncoming(s.el, placed, p, origin));
    } else if (s.note.text !== undefined) {
      const fields = personFields(s.note.user, s.note.date, s.note.user, s.note.date);
      incoming.push({ origin, ...placed, carried: FOREIGN_FIELDS, fields: { kind: FOREIGN_KIND, ...fields, note: s.note.text } });
    } else {
      p.problems.push({ origin, reason: 'a note on this span has no text: nothing to import' });
    }
  });
  source.incoming = mergeSameSpan(incoming, p);
  return source;
}

/** Text sources, PDFs' text representations, and a report of the media sources. */
function textElements(sources: XmlElement | undefined, p: Project): TextElement[] {
  const out: TextElement[] = [];
  for (const el of sources?.children.filter(isQda) ?? []) {
    const name = attr(el, 'name') ?? attr(el, 'guid') ?? '';
    if (el.name === 'TextSource') {
      out.push({ el, name, what: 'TextSource' });
    } else if (el.name === 'PDFSource') {
      const pdfSelections = kids(el, 'PDFSelection').length;
      if (pdfSelections > 0)
        p.problems.push({
          origin: where(p, el, `PDFSource ${quoted(name)}`),
          reason: `${pdfSelections} selection(s) of areas of PDF pages: Marginalia annotates text; not imported`,
        });
      const rep = kid(el, 'Representation');
      // Marginalia names the representation after the text made from the PDF; QualCoder after the PDF.
      if (rep !== undefined) out.push({ el: rep, name: attr(rep, 'name') ?? name, what: 'text of the PDFSource' });
    } else if (['PictureSource', 'AudioSource', 'VideoSource'].includes(el.name)) {
      const selections = el.children.filter((c) => isQda(c) && (/Selection$/.test(c.name) || c.name === 'Transcript')).length;
      if (selections > 0)
        p.problems.push({
          origin: where(p, el, `${el.name} ${quoted(name)}`),
          reason: `${selections} selection(s) or transcript(s) of a ${el.name.replace(/Source$/, '').toLowerCase()}: Marginalia annotates text documents; not imported`,
        });
    }
  }
  return out;
}

/** Project parts a sidecar has no place for, each reported once with how many there are. */
function reportUnmapped(root: XmlElement, p: Project): void {
  const parts: [string, string, string][] = [
    ['Cases', 'Case', 'cases'],
    ['Sets', 'Set', 'sets'],
    ['Graphs', 'Graph', 'graphs'],
    ['Variables', 'Variable', 'variables'],
  ];
  for (const [list, item, what] of parts) {
    const el = kid(root, list);
    const n = el === undefined ? 0 : kids(el, item).length;
    if (el !== undefined && n > 0)
      p.problems.push({ origin: where(p, el, list), reason: `${n} ${what}: a sidecar has no ${what}; not imported` });
  }
}

// ---- Reading ---------------------------------------------------------------------------------

function failed(fileName: string, reason: string): RefiQdaRead {
  return { sources: [], problems: [{ origin: fileName, reason }] };
}

/**
 * Reads a REFI-QDA project: a `.qdpx` zip, or a `.qde` alone (whose sources must then
 * hold their text inline). `fileName` names it in messages.
 */
export function readRefiQda(bytes: Uint8Array, fileName: string): RefiQdaRead {
  let zip: ZipEntries | undefined;
  let qdeBytes: Uint8Array = bytes;
  if (isZip(bytes)) {
    try {
      zip = new ZipEntries(bytes);
    } catch (error) {
      return failed(fileName, `not a readable zip: ${describeError(error)}`);
    }
    const entry = zip.names.find((n) => n.toLowerCase() === 'project.qde') ?? zip.names.find((n) => n.toLowerCase().endsWith('.qde'));
    if (entry === undefined) return failed(fileName, 'not a REFI-QDA project: the zip holds no project.qde');
    if (zip.tooLarge(entry)) return failed(fileName, `${entry} is larger than ${MAX_ENTRY_BYTES / 1024 / 1024} MB; not read`);
    try {
      const got = zip.read(new Set([entry])).get(entry);
      if (got === undefined) return failed(fileName, `${entry} could not be read`);
      qdeBytes = got;
    } catch (error) {
      return failed(fileName, `${entry} could not be read: ${describeError(error)}`);
    }
  }
  let xmlText: string;
  try {
    xmlText = decodeText(qdeBytes);
    if (zip === undefined && !xmlText.trimStart().startsWith('<')) return failed(fileName, 'neither a .qdpx (a zip) nor a .qde (XML) file');
  } catch (error) {
    return failed(fileName, `project.qde: ${describeError(error)}`);
  }
  const xml = parseXml(xmlText);
  if (xml.root === undefined) return failed(fileName, `project.qde is not well-formed XML: ${xml.errors.join('; ')}`);
  const root = xml.root;
  if (root.name !== 'Project' || !isQda(root)) {
    return failed(
      fileName,
      `not a REFI-QDA project: its root element is ${root.name}${root.namespace === null ? '' : ` in ${root.namespace}`}, not Project in ${NAMESPACE}`,
    );
  }

  const p: Project = {
    fileName,
    users: readUsers(root),
    codes: readCodes(root),
    codeNames: new Set(),
    cases: new Map(),
    notes: new Map(),
    linkedNotes: new Map(),
    problems: [],
  };
  const software = attr(root, 'origin');
  if (software !== undefined) p.software = software;
  const created = dateTime(attr(root, 'creationDateTime'));
  if (created !== undefined) p.created = created;
  for (const c of p.codes.values()) p.codeNames.add(c.name);
  for (const c of items(root, 'Cases', 'Case')) {
    const key = guidKey(attr(c, 'guid'));
    if (key !== undefined) p.cases.set(key, attr(c, 'name') ?? key);
  }

  // Every text file the sources and notes name, read from the zip in one pass.
  const elements = textElements(kid(root, 'Sources'), p);
  const noteElements = items(root, 'Notes', 'Note');
  const texts = readTextFiles([...elements.map((t) => t.el), ...noteElements], zip, p);
  p.notes = readNotes(root, texts, p);
  p.linkedNotes = readLinks(root, p);

  const sources = elements.map((t) => readTextSource(t, textOf(t.el, texts), p));
  for (const note of p.notes.values()) {
    if (note.used) continue;
    const selections = kids(note.el, 'PlainTextSelection').length;
    p.problems.push({
      origin: where(p, note.el, `note ${quoted(note.name ?? note.guid)}`),
      reason:
        selections > 0
          ? 'a note on a span of a source that no source refers to (no NoteRef): its source is unknown; not imported'
          : 'a memo that is not attached to a text selection (a journal, or a memo of a code, case or the project) has no place in a sidecar; not imported',
    });
  }
  reportUnmapped(root, p);
  const name = attr(root, 'name');
  return { ...(name === undefined ? {} : { name }), ...(software === undefined ? {} : { software }), sources, problems: p.problems };
}

/** The plain-text files named by elements without inline text, by element. */
function readTextFiles(elements: readonly XmlElement[], zip: ZipEntries | undefined, p: Project): Map<XmlElement, string> {
  const wanted = new Map<XmlElement, string>();
  for (const el of elements) {
    if (kid(el, 'PlainTextContent') !== undefined) continue;
    const path = attr(el, 'plainTextPath');
    if (path === undefined) continue;
    const what = `${el.name} ${quoted(attr(el, 'name') ?? attr(el, 'guid') ?? '')}`;
    if (/^(?:absolute|relative|file):/i.test(path)) {
      p.problems.push({
        origin: where(p, el, what),
        reason: `its text is outside the project file (${path}); read only from inside the .qdpx`,
      });
      continue;
    }
    const entry = zip?.find(path);
    if (entry === undefined) {
      p.problems.push({ origin: where(p, el, what), reason: `its text file ${path} is not in the project file` });
      continue;
    }
    if (zip?.tooLarge(entry) === true) {
      p.problems.push({
        origin: where(p, el, what),
        reason: `its text file ${entry} is larger than ${MAX_ENTRY_BYTES / 1024 / 1024} MB; not read`,
      });
      continue;
    }
    wanted.set(el, entry);
  }
  const out = new Map<XmlElement, string>();
  if (zip === undefined || wanted.size === 0) return out;
  let files: Map<string, Uint8Array>;
  try {
    files = zip.read(new Set(wanted.values()));
  } catch (error) {
    p.problems.push({ origin: p.fileName, reason: `its source files could not be unpacked: ${describeError(error)}` });
    return out;
  }
  for (const [el, entry] of wanted) {
    const bytes = files.get(entry);
    if (bytes === undefined) continue;
    try {
      out.set(el, decodeText(bytes));
    } catch (error) {
      p.problems.push({
        origin: where(p, el, `${el.name} ${quoted(attr(el, 'name') ?? '')}`),
        reason: `its text file ${entry}: ${describeError(error)}`,
      });
    }
  }
  return out;
}
