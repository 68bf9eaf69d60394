// What each annotator (coder) contributed to an agreement study: the spans they marked in
// each document, with the label they gave. Offsets are the sidecar's, Unicode code
// points, so figures are the same whichever tool reads the spans.
import type { Annotation, Sidecar } from '../sidecar/format';
import { OffsetMap } from '../text/offsets';

/** One annotation as the study sees it: where, which kind, which label. */
export interface CodedSpan {
  id: string;
  kind: string;
  /** Claim type, date value, control id or codebook code; '' when it has none. */
  label: string;
  /** Code points, end exclusive. */
  start: number;
  end: number;
  quote: string;
}

/** One coder's work on one document. */
export interface CodedDocument {
  /** The document's path as the study names it, the same for every coder ('/'-separated). */
  path: string;
  /** The text's length in code points, when the text is known: the continuum αᵤ measures over. */
  length?: number;
  spans: CodedSpan[];
}

export interface Coder {
  /** A folder, a git revision or an author: how the report names this coder. */
  name: string;
  documents: ReadonlyMap<string, CodedDocument>;
  /** What was left out of this coder's sidecars, for the report to say. */
  leftOut?: LeftOut;
}

/** Which annotations count as a coder's judgement. */
export interface CodingFilter {
  /** Also count detector suggestions no one reviewed (default: only what a person decided). */
  includeSuggestions?: boolean;
}

/** Why annotations of a sidecar were left out of the study, counted. */
export interface LeftOut {
  suggestions: number;
  dismissed: number;
  orphaned: number;
}

export function emptyLeftOut(): LeftOut {
  return { suggestions: 0, dismissed: 0, orphaned: 0 };
}

/**
 * Whether an annotation is part of a coder's work: a dismissed one is a rejection, not a
 * span; an orphaned one has no place in the text; an unreviewed suggestion is the
 * detector's, not the coder's, unless asked for.
 */
export function counts(annotation: Annotation, filter: CodingFilter, leftOut: LeftOut): boolean {
  if (annotation.orphaned === true) {
    leftOut.orphaned++;
    return false;
  }
  if (annotation.status === 'dismissed') {
    leftOut.dismissed++;
    return false;
  }
  if (annotation.status === 'suggested' && filter.includeSuggestions !== true) {
    leftOut.suggestions++;
    return false;
  }
  return true;
}

export function spanOf(annotation: Annotation): CodedSpan {
  return {
    id: annotation.id,
    kind: annotation.kind,
    label: annotation.label ?? '',
    start: annotation.start,
    end: annotation.end,
    quote: annotation.quote,
  };
}

/** A sidecar's spans that count, in document order. */
export function codedSpans(sidecar: Sidecar, filter: CodingFilter, leftOut: LeftOut): CodedSpan[] {
  return sidecar.annotations
    .filter((a) => counts(a, filter, leftOut))
    .map(spanOf)
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Who an annotation is the work of, when two coders share one sidecar: a manual one is
 * its author's; an accepted suggestion is its reviewer's (the detector's author is only
 * who ran the scan). Undefined: nobody is named.
 */
export function coderOf(annotation: Annotation): string | undefined {
  if (annotation.origin === 'manual') return annotation.author ?? annotation.reviewer;
  return annotation.reviewer ?? annotation.author;
}

/** Every name coderOf gives in these sidecars, most annotations first. */
export function authorsIn(sidecars: Iterable<Sidecar>): { name: string; annotations: number }[] {
  const tally = new Map<string, number>();
  for (const sidecar of sidecars) {
    for (const a of sidecar.annotations) {
      const name = coderOf(a);
      if (name !== undefined) tally.set(name, (tally.get(name) ?? 0) + 1);
    }
  }
  return [...tally]
    .map(([name, annotations]) => ({ name, annotations }))
    .sort((a, b) => b.annotations - a.annotations || a.name.localeCompare(b.name));
}

/** One sidecar's spans that count and are the named coder's work. */
export function codedSpansOf(sidecar: Sidecar, coder: string, filter: CodingFilter, leftOut: LeftOut): CodedSpan[] {
  return codedSpans({ ...sidecar, annotations: sidecar.annotations.filter((a) => coderOf(a) === coder) }, filter, leftOut);
}

/** A sidecar as read with its source, named by its document's path in the study. */
export interface StudyDocument {
  path: string;
  sidecar: Sidecar;
  /** The source text, when it could be read: αᵤ measures over its length. */
  text?: string;
}

function documentOf(doc: StudyDocument, spans: CodedSpan[]): CodedDocument {
  return { path: doc.path, ...(doc.text === undefined ? {} : { length: new OffsetMap(doc.text).codePointLength }), spans };
}

/** One coder: everything that counts in these sidecars (a folder, or a git revision of it). */
export function coderFromDocuments(name: string, docs: readonly StudyDocument[], filter: CodingFilter): Coder {
  const leftOut = emptyLeftOut();
  const documents = new Map<string, CodedDocument>();
  for (const doc of docs) documents.set(doc.path, documentOf(doc, codedSpans(doc.sidecar, filter, leftOut)));
  return { name, documents, leftOut };
}

/**
 * Coders who share sidecars, told apart by coderOf. Every document is each coder's: one
 * who marked nothing in it decided there was nothing to mark.
 */
export function codersByAuthor(names: readonly string[], docs: readonly StudyDocument[], filter: CodingFilter): Coder[] {
  return names.map((name) => {
    const leftOut = emptyLeftOut();
    const documents = new Map<string, CodedDocument>();
    for (const doc of docs) documents.set(doc.path, documentOf(doc, codedSpansOf(doc.sidecar, name, filter, leftOut)));
    return { name, documents, leftOut };
  });
}
