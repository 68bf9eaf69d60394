// Text of each part of a sidecar in the canonical layout: fixed key order, two-space
// indentation, one line per field, no line folding (long quotes stay on one line so a
// change to one annotation is a change to its own lines only).

import { ANNOTATION_KEYS, SOURCE_KEYS, type Annotation, type AnnotationKey, type SidecarSource } from './format';
import { doubleQuoted, renderFlowList, renderString } from './scalar';

export type FieldValue = string | number | boolean | string[] | number[];

/** Value of each field in key order; absent optional fields are undefined. */
export function annotationFields(a: Annotation): [AnnotationKey, FieldValue | undefined][] {
  return ANNOTATION_KEYS.map((k) => [k, fieldValue(a, k)]);
}

function fieldValue(a: Annotation, k: AnnotationKey): FieldValue | undefined {
  switch (k) {
    case 'prefix':
      return a.prefix === '' ? undefined : a.prefix;
    case 'suffix':
      return a.suffix === '' ? undefined : a.suffix;
    case 'orphaned':
      return a.orphaned ? true : undefined;
    case 'tags':
    case 'evidence':
    case 'rejected':
    case 'about':
    case 'due':
    case 'when': {
      const list = a[k];
      return list !== undefined && list.length > 0 ? list : undefined;
    }
    default:
      return a[k];
  }
}

/** Always double-quoted: text whose every character matters (and a note a person may extend with a colon), and the hash, which then looks the same whatever its first digit. */
const ALWAYS_QUOTED: ReadonlySet<string> = new Set([
  'quote',
  'prefix',
  'suffix',
  'note',
  'sha256',
  'originalSha256',
  'title',
  'author',
  'url',
]);

export function renderValue(key: string, v: FieldValue): string {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.every((x): x is number => typeof x === 'number') ? `[${v.join(', ')}]` : renderFlowList(v);
  return ALWAYS_QUOTED.has(key) ? doubleQuoted(v) : renderString(v);
}

/** One annotation as list item lines, each ending in '\n'. Written out field by field: it runs ten thousand times per save. */
export function renderAnnotation(a: Annotation, dashIndent: string, keyIndent: string): string {
  let out = `${dashIndent}- id: ${renderString(a.id)}\n${keyIndent}kind: ${renderString(a.kind)}\n`;
  if (a.label !== undefined) out += `${keyIndent}label: ${renderString(a.label)}\n`;
  if (a.speaker !== undefined) out += `${keyIndent}speaker: ${renderString(a.speaker)}\n`;
  if (a.entity !== undefined) out += `${keyIndent}entity: ${renderString(a.entity)}\n`;
  if (a.about !== undefined && a.about.length > 0) out += `${keyIndent}about: ${renderFlowList(a.about)}\n`;
  if (a.due !== undefined && a.due.length > 0) out += `${keyIndent}due: ${renderFlowList(a.due)}\n`;
  if (a.when !== undefined && a.when.length > 0) out += `${keyIndent}when: ${renderFlowList(a.when)}\n`;
  out += `${keyIndent}quote: ${doubleQuoted(a.quote)}\n`;
  if (a.prefix !== '') out += `${keyIndent}prefix: ${doubleQuoted(a.prefix)}\n`;
  if (a.suffix !== '') out += `${keyIndent}suffix: ${doubleQuoted(a.suffix)}\n`;
  out += `${keyIndent}start: ${a.start}\n${keyIndent}end: ${a.end}\n`;
  if (a.orphaned) out += `${keyIndent}orphaned: true\n`;
  out += `${keyIndent}origin: ${renderString(a.origin)}\n${keyIndent}status: ${renderString(a.status)}\n`;
  if (a.verdict !== undefined) out += `${keyIndent}verdict: ${renderString(a.verdict)}\n`;
  if (a.evidence !== undefined && a.evidence.length > 0) out += `${keyIndent}evidence: ${renderFlowList(a.evidence)}\n`;
  if (a.rejected !== undefined && a.rejected.length > 0) out += `${keyIndent}rejected: ${renderFlowList(a.rejected)}\n`;
  if (a.reviewer !== undefined) out += `${keyIndent}reviewer: ${renderString(a.reviewer)}\n`;
  if (a.reviewed !== undefined) out += `${keyIndent}reviewed: ${renderString(a.reviewed)}\n`;
  if (a.note !== undefined) out += `${keyIndent}note: ${doubleQuoted(a.note)}\n`;
  if (a.tags !== undefined && a.tags.length > 0) out += `${keyIndent}tags: ${renderFlowList(a.tags)}\n`;
  if (a.author !== undefined) out += `${keyIndent}author: ${renderString(a.author)}\n`;
  if (a.created !== undefined) out += `${keyIndent}created: ${renderString(a.created)}\n`;
  return out;
}

export function sourceFields(s: SidecarSource): [string, FieldValue | undefined][] {
  return SOURCE_KEYS.map((k) => [k, s[k]]);
}

export function renderSource(s: SidecarSource, indent: string): string {
  let out = '';
  for (const [k, v] of sourceFields(s)) if (v !== undefined) out += `${indent}${k}: ${renderValue(k, v)}\n`;
  return out;
}
