// Reading W3C Web Annotation JSON-LD back: Marginalia's own export (exactly, through its
// `marginalia` property) and other clients' annotations (through the standard bodies and
// selectors). Only what is needed to place text annotations is read; anything else in the
// file is left alone, and each annotation that cannot be used says why.
//
// Provenance: Marginalia's own export carries status (`suggested` included), author,
// reviewer and reviewed in its property. Another client's annotation whose creator is
// Software (and that no body assesses) is machine output: it comes in as a suggestion, not
// as a person's judgment; one made by a person comes in as `open`, its creator the author.

import { LINK_ROLES, STATUSES, VERDICTS, type LinkRole, type Status, type Verdict } from '../model';
import { ANNOTATION_ID, DESCRIPTIVE_KEYS, EVIDENCE_REFERENCE, LINKING_KIND } from '../sidecar/format';
import type { Incoming } from './place';

export interface WebAnnotationItem {
  /** The target's `source`: the URI the annotation was made on. */
  source: string;
  incoming: Incoming;
}

export interface WebAnnotationRead {
  items: WebAnnotationItem[];
  /** Annotations that could not be used: where and why. */
  problems: { origin: string; reason: string }[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ALL_FIELDS = DESCRIPTIVE_KEYS;
/** Kind given to another client's annotation that names none. */
export const FOREIGN_KIND = 'note';

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asArray(v: Json | undefined): Json[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function str(v: Json | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function isType(o: JsonObject, type: string): boolean {
  return asArray(o['type']).includes(type) || asArray(o['@type']).includes(type);
}

/** The annotations in a document: one Annotation, a list, an AnnotationPage or a Collection with embedded pages. */
function annotationsIn(root: Json): Json[] {
  if (Array.isArray(root)) return root;
  if (!isObject(root)) return [];
  if (isType(root, 'Annotation')) return [root];
  if (isType(root, 'AnnotationPage')) return asArray(root['items']);
  if (isType(root, 'AnnotationCollection')) {
    const out: Json[] = [];
    let page = root['first'];
    // Pages given by URI only would need fetching; embedded ones are followed through `next`.
    const seen = new Set<JsonObject>();
    while (isObject(page) && !seen.has(page)) {
      seen.add(page);
      out.push(...asArray(page['items']));
      page = page['next'];
    }
    return out;
  }
  return [];
}

interface Creator {
  name?: string;
  /** `"type": "Software"`: the annotation is a program's output, not a person's. */
  software: boolean;
}

function creatorOf(v: Json | undefined): Creator | undefined {
  const first = asArray(v)[0];
  if (typeof first === 'string') return { name: first, software: false };
  if (!isObject(first)) return undefined;
  const name = str(first['name']) ?? str(first['nickname']) ?? str(first['id']);
  return { ...(name === undefined ? {} : { name }), software: isType(first, 'Software') };
}

interface TextTarget {
  source: string;
  exact: string;
  prefix: string;
  suffix: string;
  start?: number;
  end?: number;
}

function textTarget(target: Json): TextTarget | undefined {
  if (!isObject(target)) return undefined;
  const source = str(target['source']);
  if (source === undefined) return undefined;
  let quote: JsonObject | undefined;
  let position: JsonObject | undefined;
  for (const s of asArray(target['selector'])) {
    if (!isObject(s)) continue;
    if (isType(s, 'TextQuoteSelector') && quote === undefined) quote = s;
    if (isType(s, 'TextPositionSelector') && position === undefined) position = s;
  }
  const exact = quote === undefined ? undefined : str(quote['exact']);
  if (exact === undefined) return undefined;
  const out: TextTarget = { source, exact, prefix: str(quote?.['prefix']) ?? '', suffix: str(quote?.['suffix']) ?? '' };
  const start = position?.['start'];
  const end = position?.['end'];
  if (
    typeof start === 'number' &&
    typeof end === 'number' &&
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    end >= start
  ) {
    out.start = start;
    out.end = end;
  }
  return out;
}

function bodiesByPurpose(a: JsonObject): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const b of asArray(a['body'])) {
    if (!isObject(b)) continue;
    const value = str(b['value']);
    if (value === undefined) continue;
    const purpose = str(b['purpose']) ?? str(a['motivation']) ?? 'commenting';
    out.set(purpose, [...(out.get(purpose) ?? []), value]);
  }
  const bodyValue = str(a['bodyValue']);
  if (bodyValue !== undefined) out.set('commenting', [...(out.get('commenting') ?? []), bodyValue]);
  return out;
}

function isStatus(v: string | undefined): v is Status {
  return v !== undefined && (STATUSES as readonly string[]).includes(v);
}

/** The annotation's fields: from Marginalia's own property when present, else from its bodies. */
function fieldsOf(a: JsonObject): { id?: string; fields: Incoming['fields'] } {
  const bodies = bodiesByPurpose(a);
  const own = a['marginalia'];
  const creator = creatorOf(a['creator']);
  const note = bodies.get('commenting')?.join('\n\n');
  const tags = bodies.get('tagging') ?? [];
  const common = {
    ...(note === undefined ? {} : { note }),
    ...(tags.length === 0 ? {} : { tags }),
  };
  if (isObject(own)) {
    const kind = str(own['kind']) ?? FOREIGN_KIND;
    const label = str(own['label']);
    const speaker = str(own['speaker']);
    const entity = str(own['entity']);
    const links: Partial<Record<LinkRole, string[]>> = {};
    if (kind === LINKING_KIND) {
      for (const role of LINK_ROLES) {
        const v = own[role];
        const ids = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && ANNOTATION_ID.test(x)) : [];
        if (ids.length > 0) links[role] = [...new Set(ids)];
      }
    }
    const status = str(own['status']);
    const verdict = str(own['verdict']);
    const origin = str(own['origin']);
    const id = str(own['id']);
    const reviewer = str(own['reviewer']);
    const reviewed = str(own['reviewed']);
    // `created` is in the property as written when the standard one could not hold it.
    const created = str(own['created']) ?? str(a['created']);
    // The creator names the reviewer, or the software for a suggestion, so the author has
    // its own field. Exports made before reviews were recorded had the author as creator.
    const author = str(own['author']) ?? (reviewer === undefined && creator?.software === false ? creator.name : undefined);
    return {
      ...(id === undefined ? {} : { id }),
      fields: {
        kind,
        status: isStatus(status) ? status : 'open',
        origin: origin === 'detected' ? 'detected' : 'manual',
        ...(label === undefined ? {} : { label }),
        ...(speaker === undefined ? {} : { speaker }),
        ...(entity === undefined ? {} : { entity }),
        ...links,
        ...(kind === LINKING_KIND && isVerdict(verdict) ? { verdict } : {}),
        ...(kind === LINKING_KIND ? evidenceOf(own['evidence']) : {}),
        ...(reviewer === undefined ? {} : { reviewer }),
        ...(reviewed === undefined ? {} : { reviewed }),
        ...common,
        ...(author === undefined ? {} : { author }),
        ...(created === undefined ? {} : { created }),
      },
    };
  }
  const classes = bodies.get('classifying') ?? [];
  const assessed = bodies.get('assessing')?.find(isStatus);
  const created = str(a['created']);
  // A program's annotation that no one assessed is a suggestion until a person reviews it.
  const machine = creator?.software === true && assessed === undefined;
  const author = creator?.software === false ? creator.name : undefined;
  return {
    fields: {
      kind: classes[0] ?? FOREIGN_KIND,
      ...(classes[1] === undefined ? {} : { label: classes[1] }),
      status: machine ? 'suggested' : (assessed ?? 'open'),
      origin: machine ? 'detected' : 'manual',
      ...common,
      ...(author === undefined ? {} : { author }),
      ...(created === undefined ? {} : { created }),
    },
  };
}

/** Reads every text annotation of a W3C Web Annotation JSON-LD document. */
export function readWebAnnotations(jsonText: string, fileName: string): WebAnnotationRead {
  let root: Json;
  try {
    root = JSON.parse(jsonText) as Json;
  } catch (error) {
    return { items: [], problems: [{ origin: fileName, reason: `not JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const items: WebAnnotationItem[] = [];
  const problems: WebAnnotationRead['problems'] = [];
  annotationsIn(root).forEach((a, n) => {
    const origin = `${fileName} annotation ${n + 1}`;
    if (!isObject(a) || !isType(a, 'Annotation')) {
      problems.push({ origin, reason: 'not an Annotation' });
      return;
    }
    const target = asArray(a['target'])
      .map(textTarget)
      .find((t) => t !== undefined);
    if (target === undefined) {
      problems.push({
        origin: `${origin}${str(a['id']) === undefined ? '' : ` (${str(a['id'])})`}`,
        reason: 'no target with a source and a TextQuoteSelector',
      });
      return;
    }
    const { id, fields } = fieldsOf(a);
    const incoming: Incoming = {
      origin,
      fields,
      carried: ALL_FIELDS,
      quote: target.exact,
      prefix: target.prefix,
      suffix: target.suffix,
      ...(id === undefined ? {} : { id }),
      ...(target.start === undefined ? {} : { start: target.start, end: target.end }),
    };
    items.push({ source: target.source, incoming });
  });
  return { items, problems };
}

function isVerdict(v: string | undefined): v is Verdict {
  return v !== undefined && (VERDICTS as readonly string[]).includes(v);
}

function evidenceOf(v: Json | undefined): { evidence?: string[] } {
  const list = Array.isArray(v) ? [...new Set(v.filter((x): x is string => typeof x === 'string' && EVIDENCE_REFERENCE.test(x)))] : [];
  return list.length === 0 ? {} : { evidence: list };
}
