// Three-way merge of annotation lists by id, for a sidecar that changed on disk (a git
// pull, another editor) while the document is open with unsaved annotation changes.
//
// base   = the sidecar as last read from or written to disk,
// mine   = what the editor holds now (base + the user's unsaved changes),
// theirs = what is on disk now.
//
// Rules, field by field for annotations present on every side:
// - changed on one side only: that side's value wins;
// - changed on both sides to the same value: that value;
// - changed on both sides differently: mine wins (the user is looking at it), and the
//   field is listed in `conflicts` so the user can be told.
// The anchor (quote, prefix, suffix, start, end, orphaned) is one field, and so is the
// review (status, verdict, evidence, reviewer, reviewed): their parts only make sense together. Annotations added on either side are kept (if both added the same
// id, they are merged with no base: equal fields agree, differing ones go to mine and are
// listed). An annotation deleted on one side is deleted unless the other side changed it:
// then it is kept, as that side has it, and listed, so no one's edit silently disappears.
// A claim's links (about, due, when) merge as sets and never conflict: a link stays when
// both sides have it or one side added it, and goes when one side removed it.

import {
  FORMAT_VERSION,
  LINK_ROLES,
  normaliseAnnotation,
  SOURCE_KEYS,
  sortAnnotations,
  type Annotation,
  type LinkRole,
  type Sidecar,
  type SidecarSource,
} from './format';

export type MergeField = 'anchor' | 'kind' | 'label' | 'speaker' | 'origin' | 'review' | 'note' | 'tags' | 'author' | 'created' | 'source';

export interface MergeConflict {
  /** Annotation id, or '' for the `source` block. */
  id: string;
  field: MergeField | 'deleted';
  /** What the user had; it is what the merge kept, unless `field` is 'deleted'. */
  mine: unknown;
  theirs: unknown;
  /** Human-readable, for a notification or the log. */
  message: string;
}

export interface MergeResult {
  sidecar: Sidecar;
  conflicts: MergeConflict[];
}

const FIELDS: readonly Exclude<MergeField, 'anchor' | 'source'>[] = [
  'kind',
  'label',
  'speaker',
  'origin',
  'review',
  'note',
  'tags',
  'author',
  'created',
];

type Getter = (a: Annotation) => unknown;

const get: Record<Exclude<MergeField, 'source'>, Getter> = {
  anchor: (a) => [a.quote, a.prefix, a.suffix, a.start, a.end, a.orphaned === true],
  kind: (a) => a.kind,
  label: (a) => a.label,
  speaker: (a) => [a.speaker, a.entity],
  origin: (a) => a.origin,
  review: (a) => [a.status, a.verdict, a.evidence ?? [], a.rejected ?? [], a.reviewer, a.reviewed],
  note: (a) => a.note,
  tags: (a) => a.tags ?? [],
  author: (a) => a.author,
  created: (a) => a.created,
};

function same(x: unknown, y: unknown): boolean {
  return JSON.stringify(x) === JSON.stringify(y);
}

function copyField(to: Annotation, from: Annotation, field: Exclude<MergeField, 'source'>): void {
  if (field === 'anchor') {
    to.quote = from.quote;
    to.prefix = from.prefix;
    to.suffix = from.suffix;
    to.start = from.start;
    to.end = from.end;
    if (from.orphaned) to.orphaned = true;
    else delete to.orphaned;
    return;
  }
  if (field === 'review') {
    to.status = from.status;
    if (from.verdict === undefined) Reflect.deleteProperty(to, 'verdict');
    else to.verdict = from.verdict;
    if (from.evidence === undefined || from.evidence.length === 0) Reflect.deleteProperty(to, 'evidence');
    else to.evidence = [...from.evidence];
    if (from.rejected === undefined || from.rejected.length === 0) Reflect.deleteProperty(to, 'rejected');
    else to.rejected = [...from.rejected];
    for (const key of ['reviewer', 'reviewed'] as const) {
      const v = from[key];
      if (v === undefined) Reflect.deleteProperty(to, key);
      else to[key] = v;
    }
    return;
  }
  if (field === 'speaker') {
    // Who spoke and which entity that is are one decision.
    for (const key of ['speaker', 'entity'] as const) {
      const v = from[key];
      if (v === undefined) Reflect.deleteProperty(to, key);
      else to[key] = v;
    }
    return;
  }
  const v = from[field];
  const target = to as unknown as Record<string, unknown>;
  // Absent optional fields stay absent rather than becoming `field: undefined`.
  if (v === undefined) Reflect.deleteProperty(target, field);
  else target[field] = Array.isArray(v) ? [...v] : v;
}

function changed(a: Annotation, b: Annotation): boolean {
  return (['anchor', ...FIELDS] as const).some((f) => !same(get[f](a), get[f](b))) || LINK_ROLES.some((r) => !same(a[r] ?? [], b[r] ?? []));
}

/** One role's links after a three-way set merge: mine in my order, then what only they added. */
function mergeLinks(base: Annotation | undefined, mine: Annotation, theirs: Annotation, role: LinkRole): string[] {
  const b = new Set(base?.[role] ?? []);
  const m = mine[role] ?? [];
  const t = theirs[role] ?? [];
  const tSet = new Set(t);
  const mSet = new Set(m);
  const keep = (id: string, other: ReadonlySet<string>): boolean => other.has(id) || !b.has(id);
  return [...m.filter((id) => keep(id, tSet)), ...t.filter((id) => !mSet.has(id) && keep(id, mSet))];
}

/** Three-way merge by annotation id; see the rules at the top of this file. */
export function mergeAnnotations(base: Sidecar, mine: Sidecar, theirs: Sidecar): MergeResult {
  const conflicts: MergeConflict[] = [];
  const byId = (s: Sidecar): Map<string, Annotation> => new Map(s.annotations.map((a) => [a.id, normaliseAnnotation(a)]));
  const b = byId(base);
  const m = byId(mine);
  const t = byId(theirs);
  const out: Annotation[] = [];
  const ids = new Set([...m.keys(), ...t.keys(), ...b.keys()]);
  for (const id of ids) {
    const ba = b.get(id);
    const ma = m.get(id);
    const ta = t.get(id);
    if (ma !== undefined && ta !== undefined) {
      out.push(mergeOne(ba, ma, ta, conflicts));
    } else if (ma !== undefined) {
      // Absent on disk: either they deleted it, or I added it.
      if (ba === undefined) out.push(ma);
      else if (changed(ba, ma)) {
        out.push(ma);
        conflicts.push({
          id,
          field: 'deleted',
          mine: ma,
          theirs: undefined,
          message: `annotation ${id} was deleted on disk but edited here; kept with your edits`,
        });
      }
    } else if (ta !== undefined) {
      if (ba === undefined) out.push(ta);
      else if (changed(ba, ta)) {
        out.push(ta);
        conflicts.push({
          id,
          field: 'deleted',
          mine: undefined,
          theirs: ta,
          message: `annotation ${id} was deleted here but edited on disk; kept as edited on disk`,
        });
      }
    }
  }
  const source = mergeSource(base.source, mine.source, theirs.source, conflicts);
  return { sidecar: { marginalia: FORMAT_VERSION, source, annotations: sortAnnotations(out) }, conflicts };
}

function mergeOne(base: Annotation | undefined, mine: Annotation, theirs: Annotation, conflicts: MergeConflict[]): Annotation {
  const out = normaliseAnnotation(mine);
  for (const role of LINK_ROLES) {
    const ids = mergeLinks(base, mine, theirs, role);
    if (ids.length > 0) out[role] = ids;
    else Reflect.deleteProperty(out, role);
  }
  for (const field of ['anchor', ...FIELDS] as const) {
    const mv = get[field](mine);
    const tv = get[field](theirs);
    if (same(mv, tv)) continue;
    const bv = base === undefined ? undefined : get[field](base);
    if (base !== undefined && same(mv, bv)) {
      copyField(out, theirs, field);
    } else if (base !== undefined && same(tv, bv)) {
      continue;
    } else {
      conflicts.push({
        id: mine.id,
        field,
        mine: mv,
        theirs: tv,
        message: `annotation ${mine.id}: ${field} changed both here and on disk; kept yours`,
      });
    }
  }
  return out;
}

function mergeSource(base: SidecarSource, mine: SidecarSource, theirs: SidecarSource, conflicts: MergeConflict[]): SidecarSource {
  const out: Record<string, unknown> = { ...mine };
  // Every field, provenance included: a store that read no sidecar yet must take Add Source's from disk.
  const same = (x: unknown, y: unknown): boolean => JSON.stringify(x) === JSON.stringify(y);
  for (const key of SOURCE_KEYS) {
    const mv = mine[key];
    const tv = theirs[key];
    if (same(mv, tv)) continue;
    if (same(mv, base[key])) {
      if (tv === undefined) Reflect.deleteProperty(out, key);
      else out[key] = tv;
    } else if (!same(tv, base[key])) {
      conflicts.push({ id: '', field: 'source', mine: mv, theirs: tv, message: `source.${key} changed both here and on disk; kept yours` });
    }
  }
  return out as unknown as SidecarSource;
}
