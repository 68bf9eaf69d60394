// W3C Web Annotation Data Model (JSON-LD) export. Each annotation targets its source with
// a TextQuoteSelector (quote and context, enough to find it again in an edited text) and a
// TextPositionSelector (code points, as the model's "characters" are); its kind, label
// and tags become tagging/classifying bodies and its note a commenting body, so any Web
// Annotation client shows them. Everything else Marginalia keeps (status, origin, speaker,
// its id) rides in one `marginalia` property, declared in the context, so the import can
// restore the annotation exactly.

import type { Status } from '../model';
import type { Annotation } from '../sidecar/format';
import { sourceUri, stableUuid } from './ids';
import { annotationsToExport } from './select';
import type { ExportDocument, ExportOptions, ExportResult } from './types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The IRI of the `marginalia` property; its value is kept as plain JSON (`@json`, JSON-LD 1.1). */
export const MARGINALIA_PROPERTY_IRI = 'urn:x-marginalia:vocab:annotation';

const ANNOTATION_CONTEXT = [
  ANNO_CONTEXT,
  { '@version': 1.1, marginalia: { '@id': MARGINALIA_PROPERTY_IRI, '@type': '@json' } },
] as const;

export interface TextualBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'classifying' | 'commenting' | 'assessing';
  value: string;
  format?: string;
}

/** What the `marginalia` property carries: the fields the standard bodies do not. */
export interface MarginaliaData {
  id: string;
  kind: string;
  label?: string;
  status: Status;
  origin: Annotation['origin'];
  speaker?: string;
  orphaned?: true;
}

export interface WebAnnotation {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'tagging' | 'commenting';
  created?: string;
  creator?: { type: 'Person'; name: string };
  body: TextualBody[];
  target: {
    source: string;
    selector: (
      | { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
      | { type: 'TextPositionSelector'; start: number; end: number }
    )[];
  };
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

export function toWebAnnotation(doc: ExportDocument, a: Annotation): WebAnnotation {
  const data: MarginaliaData = { id: a.id, kind: a.kind, status: a.status, origin: a.origin };
  if (a.label !== undefined) data.label = a.label;
  if (a.speaker !== undefined) data.speaker = a.speaker;
  if (a.orphaned) data.orphaned = true;
  const selector: WebAnnotation['target']['selector'] = [
    { type: 'TextQuoteSelector', exact: a.quote, prefix: a.prefix, suffix: a.suffix },
  ];
  // An orphan's offsets are a stale hint: only its quote says what it was about.
  if (!a.orphaned) selector.push({ type: 'TextPositionSelector', start: a.start, end: a.end });
  return {
    '@context': ANNOTATION_CONTEXT,
    id: `urn:uuid:${stableUuid('marginalia-annotation', doc.path, a.id)}`,
    type: 'Annotation',
    motivation: a.note === undefined ? 'tagging' : 'commenting',
    ...(a.created === undefined ? {} : { created: a.created }),
    ...(a.author === undefined ? {} : { creator: { type: 'Person' as const, name: a.author } }),
    body: bodies(a),
    target: { source: sourceUri(doc.path, doc.uri), selector },
    marginalia: data,
  };
}

/**
 * All annotations as one AnnotationCollection whose single AnnotationPage embeds them
 * (model §5), so one file carries a whole export and each item stands on its own.
 */
export function exportW3c(docs: readonly ExportDocument[], options: ExportOptions): ExportResult {
  const items: WebAnnotation[] = [];
  for (const doc of docs) for (const a of annotationsToExport(doc, options)) items.push(toWebAnnotation(doc, a));
  const collectionId = `urn:uuid:${stableUuid('marginalia-collection', ...docs.map((d) => d.path))}`;
  const collection = {
    '@context': ANNO_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: options.title ?? 'Marginalia annotations',
    total: items.length,
    ...(options.now === undefined ? {} : { generated: options.now }),
    first: {
      id: `${collectionId}#page-1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items,
    },
  };
  return { files: [{ path: 'annotations.jsonld', contents: JSON.stringify(collection, null, 2) + '\n' }], count: items.length, skipped: [] };
}
