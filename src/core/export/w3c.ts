// W3C Web Annotation Data Model (JSON-LD) export. Each annotation targets its source with
// a TextQuoteSelector (quote and context, enough to find it again in an edited text, and
// matching nowhere else in the source: see quoteSelector.ts) and a TextPositionSelector
// (code points, as the model's "characters" are). The source is an absolute IRI, the
// document's path resolved against the export's base URI (see ids.ts). Its kind, label
// and tags become tagging/classifying bodies and its note a commenting body, so any Web
// Annotation client shows them. Everything else Marginalia keeps (status, origin, speaker,
// author, reviewer, its id) rides in one `marginalia` property, declared in the context, so
// the import can restore the annotation exactly.
//
// A text made from a PDF or a saved web page (Add Source) has a second target after the
// text's: the same passage in the original. For a PDF, a FragmentSelector for its page
// (RFC 3778 `page=N`, the model's example for PDFs) refined by the quote; for a web page,
// its address with the quote, and the saved file as the TimeState's cached copy. Readers
// that know only text (and Marginalia's import) use the first target.
//
// Provenance, in the model's own terms (§3.3.1 lifecycle, §3.3.2 agents): `creator` is the
// agent responsible for the annotation. An unreviewed suggestion (exported only when asked
// for) was made by software, so its creator is Marginalia, `"type": "Software"`; any other
// annotation is a person's judgment, so its creator is the Person who gave its status
// (`reviewer`), else who made it (`author`). `generator` is the software that wrote this
// serialisation (Marginalia, always), `generated` when. `created` is when the annotation
// was made or stored, `modified` when its status was last given (`reviewed`).

import { LINK_ROLES, type Status, type Verdict } from '../model';
import type { Annotation } from '../sidecar/format';
import { strictDateTime } from './dates';
import { pageOf } from '../sidecar/pages';
import { originalPath, resolveAgainst, sourceUri, stableUuid } from './ids';
import { QuoteSelectors, type TextQuoteSelector } from './quoteSelector';
import { annotationsToExport, exportResult, suggestionsLeftOut } from './select';
import type { ExportDocument, ExportOptions, ExportResult } from './types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The IRI of the `marginalia` property; its value is kept as plain JSON (`@json`, JSON-LD 1.1). */
export const MARGINALIA_PROPERTY_IRI = 'urn:x-marginalia:vocab:annotation';

const ANNOTATION_CONTEXT = [ANNO_CONTEXT, { '@version': 1.1, marginalia: { '@id': MARGINALIA_PROPERTY_IRI, '@type': '@json' } }] as const;

export interface Agent {
  type: 'Person' | 'Software';
  name: string;
}

/** The software agent: creator of unreviewed suggestions, generator of every export. */
export const MARGINALIA_AGENT: Agent = { type: 'Software', name: 'Marginalia' };

export interface TextualBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'classifying' | 'commenting' | 'assessing';
  value: string;
  format?: string;
}

/** What the `marginalia` property carries: the fields the standard properties do not, or not exactly. */
export interface MarginaliaData {
  id: string;
  kind: string;
  label?: string;
  status: Status;
  /** A commitment's verdict (kept, broken, disputed, unverifiable); absent while open. */
  verdict?: Verdict;
  /** What shows the verdict: PATH#ID references as in the sidecar (PATH relative to the sidecar's folder). */
  evidence?: string[];
  origin: Annotation['origin'];
  speaker?: string;
  entity?: string;
  /** A claim's links: ids (the `id` above) of the annotations of the same document it links to, by role. */
  about?: string[];
  due?: string[];
  when?: string[];
  orphaned?: true;
  /** Who made it or ran the detector; `creator` names the reviewer or the software instead. */
  author?: string;
  reviewer?: string;
  /** As the sidecar has it; `modified` holds it only when it is a strict date-time. */
  reviewed?: string;
  /** Only when `created` could not hold it as written (no time zone, `+0100`, a date alone). */
  created?: string;
}

/** The passage in the text Marginalia annotates: its quote, and its offsets unless it is orphaned. */
export interface TextTarget {
  source: string;
  selector: (TextQuoteSelector | { type: 'TextPositionSelector'; start: number; end: number })[];
}

/** RFC 3778's fragment for a PDF page (`page=2`), which the model names for PDFs (§4.2.1). */
export const PDF_FRAGMENT_SPEC = 'http://tools.ietf.org/rfc/rfc3778';

export interface PdfPageSelector {
  type: 'FragmentSelector';
  conformsTo: typeof PDF_FRAGMENT_SPEC;
  value: string;
  refinedBy: TextQuoteSelector;
}

/**
 * The same passage in the original the text was made from (Add Source): a PDF's page,
 * refined by the quote; a web page by the quote, with the saved copy as its cached state.
 */
export interface OriginalTarget {
  source: string;
  selector: PdfPageSelector | TextQuoteSelector;
  state?: { type: 'TimeState'; cached: string; sourceDate?: string };
}

export interface WebAnnotation {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'tagging' | 'commenting';
  created?: string;
  modified?: string;
  creator?: Agent;
  generator: Agent;
  generated?: string;
  body: TextualBody[];
  /** The text's passage; for a text made from a PDF or web page, the original's passage after it. */
  target: TextTarget | [TextTarget, OriginalTarget];
  marginalia: MarginaliaData;
}

function bodies(a: Annotation): TextualBody[] {
  const out: TextualBody[] = [{ type: 'TextualBody', purpose: 'classifying', value: a.kind }];
  if (a.label !== undefined) out.push({ type: 'TextualBody', purpose: 'classifying', value: a.label });
  for (const tag of a.tags ?? []) out.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  // Verified and disputed are the researcher's judgement of the claim: W3C's "assessing".
  if (a.status === 'verified' || a.status === 'disputed') out.push({ type: 'TextualBody', purpose: 'assessing', value: a.status });
  if (a.note !== undefined) out.push({ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/markdown' });
  return out;
}

/** The agent responsible for the annotation: the software for a suggestion, else the person who decided. */
function creatorOf(a: Annotation): Agent | undefined {
  if (a.status === 'suggested') return MARGINALIA_AGENT;
  const name = a.reviewer ?? a.author;
  return name === undefined || name === '' ? undefined : { type: 'Person', name };
}

/**
 * One annotation as a Web Annotation. `selectors` serves every annotation of `doc`: pass one
 * when converting many, so the document's offsets are indexed once.
 */
export function toWebAnnotation(
  doc: ExportDocument,
  a: Annotation,
  options: ExportOptions = {},
  selectors = new QuoteSelectors(doc.text),
): WebAnnotation {
  const data: MarginaliaData = { id: a.id, kind: a.kind, status: a.status, origin: a.origin };
  if (a.label !== undefined) data.label = a.label;
  if (a.verdict !== undefined) data.verdict = a.verdict;
  if (a.evidence !== undefined && a.evidence.length > 0) data.evidence = [...a.evidence];
  if (a.speaker !== undefined) data.speaker = a.speaker;
  if (a.entity !== undefined) data.entity = a.entity;
  for (const role of LINK_ROLES) {
    const ids = a[role];
    if (ids !== undefined && ids.length > 0) data[role] = [...ids];
  }
  if (a.orphaned) data.orphaned = true;
  if (a.author !== undefined) data.author = a.author;
  if (a.reviewer !== undefined) data.reviewer = a.reviewer;
  if (a.reviewed !== undefined) data.reviewed = a.reviewed;
  // The W3C schemas check created/modified as RFC 3339: a value the sidecar allows but
  // they do not (no zone, a date alone) is kept here instead of failing the annotation.
  const created = strictDateTime(a.created, 'required');
  if (a.created !== undefined && created !== a.created) data.created = a.created;
  const modified = a.status === 'suggested' ? undefined : strictDateTime(a.reviewed, 'required');
  const generated = strictDateTime(options.now, 'required');
  const creator = creatorOf(a);
  // Context long enough to be unique in the document, so a client that anchors by the
  // quote alone finds this place and no other (see quoteSelector.ts).
  const quote = selectors.forAnnotation(a);
  const selector: TextTarget['selector'] = [quote];
  // An orphan's offsets are a stale hint: only its quote says what it was about.
  if (!a.orphaned) selector.push({ type: 'TextPositionSelector', start: a.start, end: a.end });
  const text: TextTarget = { source: sourceUri(doc.path, doc.uri, options.baseUri), selector };
  const original = a.orphaned ? undefined : originalTarget(doc, a, quote, options);
  return {
    '@context': ANNOTATION_CONTEXT,
    id: `urn:uuid:${stableUuid('marginalia-annotation', doc.path, a.id)}`,
    type: 'Annotation',
    motivation: a.note === undefined ? 'tagging' : 'commenting',
    ...(created === undefined ? {} : { created }),
    ...(modified === undefined || modified === created ? {} : { modified }),
    ...(creator === undefined ? {} : { creator }),
    generator: MARGINALIA_AGENT,
    ...(generated === undefined ? {} : { generated }),
    body: bodies(a),
    target: original === undefined ? text : [text, original],
    marginalia: data,
  };
}

/** Where the original of a text made by Add Source is, as an IRI: like the text's, from its path. */
function originalUri(doc: ExportDocument, original: string, options: ExportOptions): string {
  const path = originalPath(doc.path, original);
  return sourceUri(path, doc.uri === undefined ? undefined : resolveAgainst(doc.uri, original), options.baseUri);
}

/** A YYYY-MM-DD day as the start of that day in UTC, the date-time TimeState's sourceDate needs. */
function dayStart(day: string | undefined): string | undefined {
  return day === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(day) ? undefined : `${day}T00:00:00Z`;
}

/**
 * The annotation's passage in the original its text was made from, when the sidecar
 * records one. A PDF: the page (`#page=N`, what PDF viewers open) refined by the quote,
 * its context cut at the page break so it stays on that page. A web page: its address
 * (else the saved file) with the quote; the saved file is the cached copy of that time.
 */
function originalTarget(doc: ExportDocument, a: Annotation, quote: TextQuoteSelector, options: ExportOptions): OriginalTarget | undefined {
  const { original, originalType, url, retrieved } = doc.sidecar.source;
  if (original === undefined || originalType === undefined) return undefined;
  const file = originalUri(doc, original, options);
  if (originalType === 'pdf') {
    const page = pageOf(doc.sidecar.source, a.start);
    const onPage: TextQuoteSelector = {
      ...quote,
      prefix: quote.prefix.slice(quote.prefix.lastIndexOf('\f') + 1),
      suffix: quote.suffix.includes('\f') ? quote.suffix.slice(0, quote.suffix.indexOf('\f')) : quote.suffix,
    };
    if (page === undefined) return { source: file, selector: onPage };
    return {
      source: file,
      selector: { type: 'FragmentSelector', conformsTo: PDF_FRAGMENT_SPEC, value: `page=${page}`, refinedBy: onPage },
    };
  }
  if (url === undefined) return { source: file, selector: quote };
  const sourceDate = dayStart(retrieved);
  return { source: url, selector: quote, state: { type: 'TimeState', cached: file, ...(sourceDate === undefined ? {} : { sourceDate }) } };
}

/**
 * All annotations as one AnnotationCollection whose single AnnotationPage embeds them
 * (model §5), so one file carries a whole export and each item stands on its own.
 */
export function exportW3c(docs: readonly ExportDocument[], options: ExportOptions): ExportResult {
  const exported: Annotation[] = [];
  const items: WebAnnotation[] = [];
  for (const doc of docs) {
    const selectors = new QuoteSelectors(doc.text);
    for (const a of annotationsToExport(doc, options)) {
      exported.push(a);
      items.push(toWebAnnotation(doc, a, options, selectors));
    }
  }
  const collectionId = `urn:uuid:${stableUuid('marginalia-collection', ...docs.map((d) => d.path))}`;
  const collection = {
    '@context': ANNOTATION_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: options.title ?? 'Marginalia annotations',
    total: items.length,
    generator: MARGINALIA_AGENT,
    ...(options.now === undefined ? {} : { generated: options.now }),
    // Whether the collection is only reviewed annotations: "none" and "left out" look alike otherwise.
    // The base tells an importer which part of each source IRI is the document's path.
    marginalia: {
      includesSuggestions: options.includeSuggestions === true,
      suggestionsLeftOut: suggestionsLeftOut(docs, options),
      ...(options.baseUri === undefined ? {} : { baseUri: options.baseUri }),
    },
    first: {
      id: `${collectionId}#page-1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items,
    },
  };
  return exportResult([{ path: 'annotations.jsonld', contents: JSON.stringify(collection, null, 2) + '\n' }], exported, [], docs, options);
}

/** The annotation's target in the text Marginalia annotates (the first, when the original is targeted too). */
export function textTargetOf(w: WebAnnotation): TextTarget {
  return Array.isArray(w.target) ? w.target[0] : w.target;
}
