// REFI-QDA project export (QDA-XML 1.0, `urn:QDA-XML:project:1.0`): one `.qdpx` zip that
// QualCoder, NVivo, ATLAS.ti and MAXQDA import as a project. It holds `project.qde` (users,
// a codebook of kinds and labels, one TextSource per document with one PlainTextSelection
// and one Coding per annotation) and `sources/<guid>.txt`, each document's text.
//
// A text made from a PDF by Add Source, exported with the PDF's bytes, is a PDFSource: the
// PDF itself (`sources/<guid>.pdf`) with the text as its Representation, which holds the
// selections, as QDA-XML provides and QualCoder writes and reads. The Representation keeps
// the text's guid, so links and cases name it as they would the TextSource.
//
// Where things go, and why:
// - The note, and what QDA-XML has no place for (status, reviewer, origin, speaker, tags,
//   id), are the selection's Description. QualCoder reads a PlainTextSelection's
//   Description as the coding's memo; it ignores a NoteRef inside a selection. Variables
//   cannot carry them: the schema attaches VariableValues to sources and cases only, never
//   to selections, and Sets hold codes, sources and notes, not selections.
// - Positions count Unicode code points of the plain text, zero-based, end exclusive. The
//   standard says "characters" without naming a unit; code points are what the sidecar
//   stores and what QualCoder (Python, `fulltext[start:end]`) slices by. Tools that count
//   UTF-16 units (.NET, Java) would place a selection one unit early per astral character
//   (emoji) before it. A CRLF counts as two, as QualCoder expects of a `\r\n` source.
// - The text files are UTF-8 without a byte-order mark: QualCoder would count a BOM as a
//   character and shift every selection by one.
// - Every selection and coding has creatingUser and creationDateTime: QualCoder's import
//   stops on a selection without a date.
// - Provenance: the selection is who made or stored the annotation (`author`, `created`);
//   its Coding is who gave it its current status (`reviewer`, else `author`; `reviewed`,
//   else `created`). An unreviewed suggestion (exported only when asked for) is coded by
//   the user "Marginalia": machine output, not a person's coding. The description says
//   `status: suggested` and, for reviewed ones, `reviewer:` and `reviewed:`, so a reader
//   of the memo tells the two apart in any tool.
// - GUIDs are hashes of what they name (document path, annotation id, kind and label), and
//   the zip entries carry a fixed time, so exporting the same annotations twice gives the
//   same bytes.

import { strToU8, zipSync, type Zippable } from 'fflate';
import { KINDS, LINK_ROLES } from '../model';
import type { Annotation } from '../sidecar/format';
import { resolveEvidence } from '../sidecar/evidence';
import { sha256Hex } from '../sidecar/sha256';
import { OffsetMap } from '../text/offsets';
import { strictDateTime } from './dates';
import { originalPath, stableUuid } from './ids';
import { annotationsToExport, exportResult } from './select';
import type { ExportDocument, ExportOptions, ExportResult, ExportSkip } from './types';

const NAMESPACE = 'urn:QDA-XML:project:1.0';

/** The user of annotations that name no author, and the coder of unreviewed suggestions. */
const DEFAULT_USER = 'Marginalia';

/**
 * creationDateTime of a selection that has no `created` when the caller gave no `now`
 * either. Omitting it is not an option (see above); a fixed value keeps exports stable.
 */
const FALLBACK_DATE_TIME = '1980-01-01T00:00:00Z';

/** The editor's light-theme colours of the built-in kinds, so codes look as they do there. */
const KIND_COLORS: Readonly<Record<string, string>> = { claim: '#AF00DB', date: '#167F6E', control: '#A66F00' };

/** For the user's own kinds; picked by a hash of the name so a kind keeps its colour. */
const USER_KIND_COLORS = ['#1F77B4', '#D62728', '#2CA02C', '#FF7F0E', '#8C564B', '#E377C2', '#17BECF', '#7F7F7F'];

const KIND_DESCRIPTIONS: Readonly<Record<string, string>> = {
  claim: 'Claims a source makes. Child codes are claim types.',
  date: 'Dates and periods. Child codes are ISO 8601 values.',
  control: 'Standards, frameworks, laws, regulators and control identifiers. Child codes are catalog ids.',
};

/** Longest selection name, in graphemes; the name is only a preview of the quote. */
const NAME_LENGTH = 60;

/** Made once, on first use, and shared: one per annotation would cost more than the rest. */
let graphemeSegmenter: Intl.Segmenter | undefined;

/** One document with the annotations that can be placed in it. */
interface PlannedSource {
  doc: ExportDocument;
  guid: string;
  annotations: Annotation[];
  /** The PDF the text was made from, when the caller gave its bytes: a PDFSource with the text as its Representation. */
  pdf?: PlannedPdf;
}

interface PlannedPdf {
  guid: string;
  name: string;
  bytes: Uint8Array;
}

interface Code {
  guid: string;
  name: string;
  color: string;
  description?: string;
  children: Code[];
}

type AttrValue = string | number | boolean | undefined;
type Attrs = readonly (readonly [string, AttrValue])[];

/** Builds the `.qdpx` of the documents' exportable annotations. */
export function exportRefiQda(docs: readonly ExportDocument[], options: ExportOptions): ExportResult {
  const skipped: ExportSkip[] = [];
  const sources = docs.map((doc) => planSource(doc, options, skipped));
  const annotations = sources.flatMap((s) => s.annotations);
  const xml = projectXml(sources, options);
  const entries: Zippable = { 'project.qde': strToU8(xml) };
  for (const s of sources) {
    entries[`sources/${s.guid}.txt`] = strToU8(s.doc.text);
    if (s.pdf !== undefined) entries[`sources/${s.pdf.guid}.pdf`] = s.pdf.bytes;
  }
  // DOS time fields are written in local time: a date built from local fields gives the
  // same bytes in every time zone (1980-01-01 is the earliest a zip can hold).
  const contents = zipSync(entries, { mtime: new Date(1980, 0, 1) });
  return exportResult([{ path: fileName(options.title), contents }], annotations, skipped, docs, options);
}

// ---- What is exported --------------------------------------------------------------------

function planSource(doc: ExportDocument, options: ExportOptions, skipped: ExportSkip[]): PlannedSource {
  const map = new OffsetMap(doc.text);
  const annotations: Annotation[] = [];
  for (const a of annotationsToExport(doc, options)) {
    const reason = unplaceable(doc.text, map, a);
    if (reason === undefined) annotations.push(a);
    else skipped.push({ path: doc.path, id: a.id, reason });
  }
  const pdf = pdfOf(doc);
  return { doc, guid: sourceGuid(doc.path), annotations, ...(pdf === undefined ? {} : { pdf }) };
}

/** Why the annotation has no place in the text, or undefined when it has one. */
function unplaceable(text: string, map: OffsetMap, a: Annotation): string | undefined {
  if (a.orphaned === true) return 'orphaned: its quote is no longer in the source, so it has no position to export';
  const length = map.codePointLength;
  if (!Number.isInteger(a.start) || !Number.isInteger(a.end) || a.start < 0 || a.start > a.end || a.end > length) {
    return `its offsets ${a.start}-${a.end} lie outside the text (${length} code points)`;
  }
  // A selection is only a pair of offsets: a stale one would code the wrong words silently.
  if (text.slice(map.toUtf16(a.start), map.toUtf16(a.end)) !== a.quote) {
    return 'its quote differs from the text at its offsets; re-anchor the sidecar first';
  }
  return undefined;
}

// ---- GUIDs ---------------------------------------------------------------------------------

function sourceGuid(path: string): string {
  return stableUuid('refi-qda', 'source', path);
}

/** The PDF a document's text was made from, when the caller gave its bytes: its guid and name in the project. */
function pdfOf(doc: ExportDocument): PlannedPdf | undefined {
  const { original, originalType } = doc.sidecar.source;
  if (doc.originalPdf === undefined || original === undefined || originalType !== 'pdf') return undefined;
  const name = originalPath(doc.path, original);
  return { guid: stableUuid('refi-qda', 'pdf', name), name, bytes: doc.originalPdf };
}

function selectionGuid(path: string, a: Annotation): string {
  return stableUuid('refi-qda', 'selection', path, a.id);
}

function codingGuid(path: string, a: Annotation): string {
  return stableUuid('refi-qda', 'coding', path, a.id);
}

function userGuid(name: string): string {
  return stableUuid('refi-qda', 'user', name);
}

/** The code of a kind, or of a label within its kind. */
function codeGuid(kind: string, label?: string): string {
  return label === undefined ? stableUuid('refi-qda', 'code', kind) : stableUuid('refi-qda', 'code', kind, label);
}

// ---- Users and codebook ------------------------------------------------------------------

/** Who made or stored the annotation: the selection's user. */
function userOf(a: Annotation): string {
  return a.author !== undefined && a.author !== '' ? a.author : DEFAULT_USER;
}

/** Who gave the annotation its status: the coding's user. A suggestion is the software's. */
function coderOf(a: Annotation): string {
  if (a.status === 'suggested') return DEFAULT_USER;
  return a.reviewer !== undefined && a.reviewer !== '' ? a.reviewer : userOf(a);
}

/** An empty label says no more than none. */
function labelOf(a: Annotation): string | undefined {
  return a.label !== undefined && a.label !== '' ? a.label : undefined;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Distinct users, sorted so the order does not depend on the order of the documents. */
function collectUsers(annotations: readonly Annotation[]): string[] {
  return [...new Set(annotations.flatMap((a) => [userOf(a), coderOf(a)]))].sort(compareStrings);
}

/** Built-in kinds first in their usual order, then the user's kinds by name. */
function orderKinds(kinds: Iterable<string>): string[] {
  const all = new Set(kinds);
  const builtIn = KINDS.filter((k) => all.has(k));
  const own = [...all].filter((k) => !(KINDS as readonly string[]).includes(k)).sort(compareStrings);
  return [...builtIn, ...own];
}

/** Labels used under each kind. */
function labelsByKind(annotations: readonly Annotation[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const a of annotations) {
    const labels = out.get(a.kind) ?? new Set<string>();
    const label = labelOf(a);
    if (label !== undefined) labels.add(label);
    out.set(a.kind, labels);
  }
  return out;
}

/**
 * A code per kind with a child code per label (claim > commitment, control > iso-27001).
 * QualCoder refuses a second code of the same name and then drops its codings, so a label
 * whose name is taken (a kind's name, or the same label under an earlier kind) gets its
 * kind in brackets. Built-in kinds come first, so their labels keep their plain names.
 */
function buildCodebook(annotations: readonly Annotation[]): Code[] {
  const byKind = labelsByKind(annotations);
  const kinds = orderKinds(byKind.keys());
  const taken = new Set(kinds);
  return kinds.map((kind) => {
    const color = kindColor(kind);
    const labels = [...(byKind.get(kind) ?? [])].sort(compareStrings);
    const children = labels.map((label): Code => {
      const name = taken.has(label) ? `${label} (${kind})` : label;
      taken.add(name);
      return { guid: codeGuid(kind, label), name, color, children: [] };
    });
    return {
      guid: codeGuid(kind),
      name: kind,
      color,
      description: KIND_DESCRIPTIONS[kind] ?? 'A code of the Marginalia codebook.',
      children,
    };
  });
}

function kindColor(kind: string): string {
  const builtIn = KIND_COLORS[kind];
  if (builtIn !== undefined) return builtIn;
  const index = parseInt(sha256Hex(kind).slice(0, 8), 16) % USER_KIND_COLORS.length;
  return USER_KIND_COLORS[index] ?? '#7F7F7F';
}

// ---- Dates ---------------------------------------------------------------------------------

/** xsd:dateTime, where the schema leaves the time zone optional. */
function xsdDateTime(iso: string | undefined): string | undefined {
  return strictDateTime(iso, 'optional');
}

// ---- XML text ------------------------------------------------------------------------------

/** Code points XML 1.0 allows: tab, LF, CR, and everything from space up except surrogates, U+FFFE and U+FFFF. */
function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000;
}

/**
 * Drops what XML 1.0 cannot hold at all, not even as a character reference (other C0
 * controls, lone surrogates, U+FFFE/U+FFFF): one such character would make the whole
 * project unreadable. Only the XML's own strings lose them (notes, names, tags); the
 * source files keep every character, so offsets and quotes stay exact. The annotation is
 * still exported: the loss is characters nobody can see, so it is not reported as a skip.
 */
function xmlChars(s: string): string {
  let out = '';
  for (const ch of s) {
    if (isXmlChar(ch.codePointAt(0) ?? 0)) out += ch;
  }
  return out;
}

/** Element content. CR as a reference: a parser would turn a literal CRLF into LF. */
function escapeText(s: string): string {
  return xmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Attribute values: tab, LF and CR as references, or a parser would make them spaces. */
function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** Indented QDA-XML, one element per line. */
class XmlWriter {
  private readonly lines: string[] = ['<?xml version="1.0" encoding="utf-8"?>'];
  private depth = 0;

  open(name: string, attrs: Attrs = []): void {
    this.push(`<${name}${attributes(attrs)}>`);
    this.depth++;
  }

  close(name: string): void {
    this.depth--;
    this.push(`</${name}>`);
  }

  empty(name: string, attrs: Attrs): void {
    this.push(`<${name}${attributes(attrs)}/>`);
  }

  text(name: string, content: string): void {
    this.push(`<${name}>${escapeText(content)}</${name}>`);
  }

  toString(): string {
    return this.lines.join('\n') + '\n';
  }

  private push(line: string): void {
    this.lines.push('  '.repeat(this.depth) + line);
  }
}

function attributes(attrs: Attrs): string {
  let out = '';
  for (const [name, value] of attrs) {
    if (value !== undefined) out += ` ${name}="${escapeAttr(String(value))}"`;
  }
  return out;
}

// ---- project.qde ---------------------------------------------------------------------------

function projectXml(sources: readonly PlannedSource[], options: ExportOptions): string {
  const annotations = sources.flatMap((s) => s.annotations);
  const users = collectUsers(annotations);
  const codes = buildCodebook(annotations);
  const w = new XmlWriter();
  w.open('Project', [
    ['xmlns', NAMESPACE],
    ['name', projectName(options.title)],
    ['origin', 'Marginalia'],
    ['creationDateTime', xsdDateTime(options.now)],
  ]);
  // The schema wants at least one User, Code and source in each list: empty lists are left out.
  if (users.length > 0) writeUsers(w, users);
  if (codes.length > 0) writeCodebook(w, codes);
  if (sources.length > 0) writeSources(w, sources, options);
  writeLinks(w, sources);
  w.text('Description', projectDescription(options));
  w.close('Project');
  return w.toString();
}

/**
 * A claim's links (about, due, when) and a commitment's evidence as QDA-XML Links from
 * its selection to the target's, named by role; only between annotations the export
 * holds. Evidence may be in another source of the project.
 */
function writeLinks(w: XmlWriter, sources: readonly PlannedSource[]): void {
  const exported = new Set(sources.flatMap((s) => s.annotations.map((a) => `${s.doc.path}#${a.id}`)));
  const links: Attrs[] = [];
  const add = (name: string, path: string, a: Annotation, targetPath: string, targetId: string): void => {
    if (!exported.has(`${targetPath}#${targetId}`)) return;
    links.push([
      ['guid', stableUuid('refi-qda', 'link', name, path, a.id, targetPath, targetId)],
      ['name', name],
      ['direction', 'OneWay'],
      ['originGUID', selectionGuid(path, a)],
      ['targetGUID', stableUuid('refi-qda', 'selection', targetPath, targetId)],
    ]);
  };
  for (const s of sources) {
    for (const a of s.annotations) {
      for (const role of LINK_ROLES) for (const id of a[role] ?? []) add(role, s.doc.path, a, s.doc.path, id);
      for (const ref of a.evidence ?? []) {
        const target = resolveEvidence(`/${s.doc.path}`, ref);
        if (target !== undefined) add('evidence', s.doc.path, a, target.path.replace(/^\//, ''), target.id);
      }
    }
  }
  if (links.length === 0) return;
  w.open('Links');
  for (const attrs of links) w.empty('Link', attrs);
  w.close('Links');
}

function projectDescription(options: ExportOptions): string {
  const suggestions =
    options.includeSuggestions === true
      ? 'Unreviewed suggestions (machine findings no one has checked) are included: their memo says "status: suggested" and their coding user is Marginalia.'
      : 'Only annotations a person reviewed are included; unreviewed suggestions were left out.';
  return `Exported from Marginalia. Each coding memo ends with the annotation's status, a commitment's verdict, reviewer, origin, speaker, links (about, due, when: ids of other annotations), tags and id. ${suggestions}`;
}

function writeUsers(w: XmlWriter, users: readonly string[]): void {
  w.open('Users');
  for (const name of users)
    w.empty('User', [
      ['guid', userGuid(name)],
      ['name', name],
    ]);
  w.close('Users');
}

function writeCodebook(w: XmlWriter, codes: readonly Code[]): void {
  w.open('CodeBook');
  w.open('Codes');
  for (const code of codes) writeCode(w, code);
  w.close('Codes');
  w.close('CodeBook');
}

function writeCode(w: XmlWriter, code: Code): void {
  // A kind is codable too: an annotation without a label is coded with its kind.
  const attrs: Attrs = [
    ['guid', code.guid],
    ['name', code.name],
    ['isCodable', true],
    ['color', code.color],
  ];
  if (code.description === undefined && code.children.length === 0) {
    w.empty('Code', attrs);
    return;
  }
  w.open('Code', attrs);
  if (code.description !== undefined) w.text('Description', code.description);
  for (const child of code.children) writeCode(w, child);
  w.close('Code');
}

function writeSources(w: XmlWriter, sources: readonly PlannedSource[], options: ExportOptions): void {
  w.open('Sources');
  for (const s of sources) {
    const { pdf } = s;
    if (pdf !== undefined)
      w.open('PDFSource', [
        ['guid', pdf.guid],
        ['name', pdf.name],
        ['path', `internal://${pdf.guid}.pdf`],
        ['creationDateTime', xsdDateTime(options.now)],
      ]);
    const element = pdf === undefined ? 'TextSource' : 'Representation';
    w.open(element, [
      ['guid', s.guid],
      ['name', s.doc.path],
      ['plainTextPath', `internal://${s.guid}.txt`],
      ['creationDateTime', xsdDateTime(options.now)],
    ]);
    for (const a of s.annotations) writeSelection(w, s.doc.path, a, options);
    w.close(element);
    if (pdf !== undefined) w.close('PDFSource');
  }
  w.close('Sources');
}

function writeSelection(w: XmlWriter, path: string, a: Annotation, options: ExportOptions): void {
  const created = xsdDateTime(a.created);
  const when = created ?? xsdDateTime(options.now) ?? FALLBACK_DATE_TIME;
  // A suggestion's coding is as old as the suggestion; a reviewed one's dates from the review.
  const codedWhen = (a.status === 'suggested' ? undefined : xsdDateTime(a.reviewed)) ?? when;
  w.open('PlainTextSelection', [
    ['guid', selectionGuid(path, a)],
    ['name', selectionName(a.quote)],
    ['startPosition', a.start],
    ['endPosition', a.end],
    ['creatingUser', userGuid(userOf(a))],
    ['creationDateTime', when],
  ]);
  w.text('Description', selectionDescription(a, created !== undefined));
  w.open('Coding', [
    ['guid', codingGuid(path, a)],
    ['creatingUser', userGuid(coderOf(a))],
    ['creationDateTime', codedWhen],
  ]);
  w.empty('CodeRef', [['targetGUID', codeGuid(a.kind, labelOf(a))]]);
  w.close('Coding');
  w.close('PlainTextSelection');
}

/** A one-line preview of the quote, cut between graphemes so no emoji is split: tools list selections by name. */
function selectionName(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  graphemeSegmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  const graphemes = Array.from(graphemeSegmenter.segment(flat), (g) => g.segment);
  return graphemes.length > NAME_LENGTH ? `${graphemes.slice(0, NAME_LENGTH - 1).join('')}…` : flat;
}

/**
 * The note, then one `key: value` line for each field QDA-XML has no place for, so the
 * coding memo reads well in a QDA tool and a script can still take it apart. A `created`
 * that could not be a creationDateTime is kept here as written.
 */
function selectionDescription(a: Annotation, createdPlaced: boolean): string {
  const fields = [`status: ${a.status}`];
  if (a.verdict !== undefined) fields.push(`verdict: ${a.verdict}`);
  if (a.evidence !== undefined && a.evidence.length > 0) fields.push(`evidence: [${a.evidence.map(flowItem).join(', ')}]`);
  if (a.reviewer !== undefined) fields.push(`reviewer: ${scalar(a.reviewer)}`);
  if (a.reviewed !== undefined) fields.push(`reviewed: ${scalar(a.reviewed)}`);
  fields.push(`origin: ${a.origin}`);
  if (a.speaker !== undefined) fields.push(`speaker: ${scalar(a.speaker)}`);
  if (a.entity !== undefined) fields.push(`entity: ${scalar(a.entity)}`);
  for (const role of LINK_ROLES) {
    const ids = a[role];
    if (ids !== undefined && ids.length > 0) fields.push(`${role}: [${ids.join(', ')}]`);
  }
  if (a.tags !== undefined && a.tags.length > 0) fields.push(`tags: [${a.tags.map(flowItem).join(', ')}]`);
  if (a.created !== undefined && !createdPlaced) fields.push(`created: ${scalar(a.created)}`);
  fields.push(`id: ${a.id}`);
  const meta = fields.join('\n');
  return a.note !== undefined && a.note !== '' ? `${a.note}\n\n${meta}` : meta;
}

/** A value as is, or JSON-quoted when it would not read back from its line unchanged. */
function scalar(s: string): string {
  return s === '' || s !== s.trim() || /[\r\n]/.test(s) || s.startsWith('"') || s.startsWith('[') ? JSON.stringify(s) : s;
}

/** A tag in `[a, b]`: JSON-quoted when it holds a separator or a bracket. */
function flowItem(s: string): string {
  return /[,[\]"]/.test(s) ? JSON.stringify(s) : scalar(s);
}

// ---- Names ---------------------------------------------------------------------------------

function projectName(title: string | undefined): string {
  return title !== undefined && title.trim() !== '' ? title : 'marginalia';
}

/** `<title>.qdpx` with what file systems refuse in a name replaced, so it saves anywhere. */
function fileName(title: string | undefined): string {
  let base = '';
  for (const ch of projectName(title)) {
    const cp = ch.codePointAt(0) ?? 0;
    base += cp < 0x20 || cp === 0x7f || '/\\:*?"<>|'.includes(ch) ? '-' : ch;
  }
  base = base.trim();
  return `${base === '' ? 'marginalia' : base}.qdpx`;
}
