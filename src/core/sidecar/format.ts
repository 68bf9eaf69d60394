// The sidecar format, version 2: one `NAME.EXT.annotations.yaml` beside each annotated
// `NAME.EXT`. Offsets in the file count Unicode code points (see text/offsets.ts) so that
// tools outside JavaScript agree on them; everything else in the editor counts UTF-16.

import { LINK_ROLES, type Origin, type Status, type Verdict } from '../model';

/** The version Marginalia writes. */
export const FORMAT_VERSION = 2;
/** The versions Marginalia reads; older ones are migrated as they are read (see migrate.ts). */
export const READABLE_VERSIONS: readonly number[] = [1, 2];

/** What an annotation id may be: 1–64 letters, digits, '-' or '_' (see ids.ts). */
export const ANNOTATION_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** An evidence reference: a source path relative to the sidecar's folder (or nothing: this file), `#`, an annotation id. */
export const EVIDENCE_REFERENCE = /^([^#\s][^#\r\n]*)?#([A-Za-z0-9_-]{1,64})$/;

/** Appended to the source's own file name: `report.txt` → `report.txt.annotations.yaml`. */
export const SIDECAR_SUFFIX = '.annotations.yaml';

/**
 * Largest sidecar text accepted, in UTF-16 code units (≈ bytes for ASCII). Checked before
 * any parsing so a runaway file cannot stall the extension host. Ten thousand annotations
 * take about 4 MB, so this leaves a wide margin for real use.
 */
export const MAX_SIDECAR_CHARS = 50 * 1024 * 1024;

/** Aliases a sidecar may expand before it is treated as an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

/** Context kept on each side of a quote, in code points; anchoring owns it (anchor/types.ts). */
export { CONTEXT_LENGTH } from '../anchor/types';

export interface SidecarSource {
  /** The annotated file, relative to the sidecar's folder (`report.txt`). */
  file: string;
  /** SHA-256 (lower-case hex) of the source text when the sidecar was last saved. */
  sha256?: string;
  /** Publication date (`YYYY-MM-DD`) that relative dates in the source resolve against. */
  published?: string;
  // Provenance of a text made from a PDF or a saved web page (Add Source, `add-source`).
  /** The original the text was made from, relative to the sidecar's folder (`report.pdf`). */
  original?: string;
  /** SHA-256 (lower-case hex) of the original's bytes when the text was made. */
  originalSha256?: string;
  /** What the original is. */
  originalType?: OriginalType;
  /** The title the original gives itself. */
  title?: string;
  /** When the text was made from the original, `YYYY-MM-DD`. */
  added?: string;
  /** Where each page of the original starts in the text, in code points: page n at index n − 1, ascending from 0. */
  pages?: number[];
  /** The page number each page of the original prints ("iv", "12"), "" where it prints none; one per page. */
  pageLabels?: string[];
  /** The running header Add Source left out of each page's text, "" where none (lines joined by a line break). */
  headers?: string[];
  /** The running footer left out of each page's text, likewise. */
  footers?: string[];
  /** Who the original says wrote it. */
  author?: string;
  /** A web page's own address (its canonical URL, else where it was saved from). */
  url?: string;
  /** When a web page was saved, `YYYY-MM-DD`, where the saving tool noted it. */
  retrieved?: string;
}

/** The kinds of original Add Source makes a text of. */
export const ORIGINAL_TYPES = ['pdf', 'html'] as const;
export type OriginalType = (typeof ORIGINAL_TYPES)[number];

export interface Annotation {
  /** Short, stable, unique within the file (see ids.ts). */
  id: string;
  /** `claim`, `date`, `control`, or a label from the user's codebook. */
  kind: string;
  /** Claim type, control id, ISO date value, or codebook code. */
  label?: string;
  /** Who the source attributes a claim to. */
  speaker?: string;
  /**
   * For a claim: the entity its speaker is, by name ("TikTok" for "the company"); the
   * workspace's `.marginalia/entities.yaml` maps names and aliases to one entity.
   */
  entity?: string;
  /** For a claim: ids of the control annotations it is about (see LINK_ROLES). */
  about?: string[];
  /** For a claim: ids of the date annotations that are its deadline or target. */
  due?: string[];
  /** For a claim: ids of the date annotations that say when it happened or was made. */
  when?: string[];
  /** The exact source text of the span. */
  quote: string;
  /** Up to CONTEXT_LENGTH code points before the quote; '' at the start of the text. */
  prefix: string;
  /** Up to CONTEXT_LENGTH code points after the quote; '' at the end of the text. */
  suffix: string;
  /** Code-point offset of the quote's first character. */
  start: number;
  /** Code-point offset one past the quote's last character. */
  end: number;
  /**
   * The quote could not be found in the source any more. start/end then hold its last
   * known position, kept only as a hint for re-anchoring; they may lie past the end.
   */
  orphaned?: boolean;
  /** Who proposed the span: Marginalia's detectors, or a person. */
  origin: Origin;
  /** `suggested` until a person reviews it; see model.ts. */
  status: Status;
  /** For a commitment: whether it was kept (model.ts Verdict); absent while open. */
  verdict?: Verdict;
  /**
   * For a commitment with a verdict: the annotations that show it, each `PATH#ID` with
   * PATH the evidence's source relative to this sidecar's folder (as `source.file`), or
   * `#ID` in this file.
   */
  evidence?: string[];
  /**
   * For a commitment: statements the researcher rejected as its evidence (`PATH#ID`, as
   * `evidence`), which Find Evidence no longer proposes.
   */
  rejected?: string[];
  /** Who gave the current status (accepted, verified, disputed, dismissed it). */
  reviewer?: string;
  /** When the current status was given, ISO 8601 date-time. */
  reviewed?: string;
  note?: string;
  tags?: string[];
  /** Who made it (a manual annotation), or who ran the detector that stored it. */
  author?: string;
  /** When it was made or stored, ISO 8601 date-time. */
  created?: string;
}

export interface Sidecar {
  marginalia: typeof FORMAT_VERSION;
  source: SidecarSource;
  annotations: Annotation[];
}

export interface SidecarError {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units like the editor's columns. */
  column: number;
  message: string;
}

/** `file:line:column: message`, the form editors and terminals link. */
export function formatSidecarError(e: SidecarError): string {
  return `${e.file}:${e.line}:${e.column}: ${e.message}`;
}

/** Fixed key order of an annotation in the file; diffs stay small because it never varies. */
export const ANNOTATION_KEYS = [
  'id',
  'kind',
  'label',
  'speaker',
  'entity',
  'about',
  'due',
  'when',
  'quote',
  'prefix',
  'suffix',
  'start',
  'end',
  'orphaned',
  'origin',
  'status',
  'verdict',
  'evidence',
  'rejected',
  'reviewer',
  'reviewed',
  'note',
  'tags',
  'author',
  'created',
] as const satisfies readonly (keyof Annotation)[];

export type AnnotationKey = (typeof ANNOTATION_KEYS)[number];

// A claim's links (model.ts) hold annotation ids, which never change, so they follow
// their annotations through edits and re-anchoring.
export { LINK_ROLES, LINK_TARGET_KIND, type LinkRole } from '../model';
/** The kind of annotation that has links. */
export const LINKING_KIND = 'claim';

/** Where an annotation is anchored, as opposed to what it says. */
const ANCHOR_KEYS: ReadonlySet<AnnotationKey> = new Set(['id', 'quote', 'prefix', 'suffix', 'start', 'end', 'orphaned']);

/** What an annotation says, as opposed to where it is anchored (id, quote, context, offsets), in file order. */
export const DESCRIPTIVE_KEYS: readonly AnnotationKey[] = ANNOTATION_KEYS.filter((k) => !ANCHOR_KEYS.has(k));

export const SOURCE_KEYS = [
  'file',
  'sha256',
  'published',
  'original',
  'originalSha256',
  'originalType',
  'title',
  'added',
  'pages',
  'pageLabels',
  'headers',
  'footers',
  'author',
  'url',
  'retrieved',
] as const satisfies readonly (keyof SidecarSource)[];

export const TOP_KEYS = ['marginalia', 'source', 'annotations'] as const;

/** Position order: start, then end, then id, so the file reads like the source. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function sortAnnotations(list: readonly Annotation[]): Annotation[] {
  return [...list].sort(compareAnnotations);
}

/** The sidecar path for a source path: same folder, suffix appended. */
export function sidecarFileName(sourceFileName: string): string {
  return sourceFileName + SIDECAR_SUFFIX;
}

/**
 * Drops optional fields that carry no information (empty tags, `orphaned: false`) so two
 * sidecars that mean the same thing compare equal and serialise to the same text.
 */
export function normaliseAnnotation(a: Annotation): Annotation {
  const out: Annotation = {
    id: a.id,
    kind: a.kind,
    quote: a.quote,
    prefix: a.prefix,
    suffix: a.suffix,
    start: a.start,
    end: a.end,
    origin: a.origin,
    status: a.status,
  };
  if (a.label !== undefined) out.label = a.label;
  if (a.speaker !== undefined) out.speaker = a.speaker;
  if (a.entity !== undefined) out.entity = a.entity;
  for (const role of LINK_ROLES) {
    const ids = a[role];
    if (ids !== undefined && ids.length > 0) out[role] = [...ids];
  }
  if (a.orphaned) out.orphaned = true;
  if (a.verdict !== undefined) out.verdict = a.verdict;
  if (a.evidence !== undefined && a.evidence.length > 0) out.evidence = [...a.evidence];
  if (a.rejected !== undefined && a.rejected.length > 0) out.rejected = [...a.rejected];
  if (a.reviewer !== undefined) out.reviewer = a.reviewer;
  if (a.reviewed !== undefined) out.reviewed = a.reviewed;
  if (a.note !== undefined) out.note = a.note;
  if (a.tags !== undefined && a.tags.length > 0) out.tags = [...a.tags];
  if (a.author !== undefined) out.author = a.author;
  if (a.created !== undefined) out.created = a.created;
  return out;
}

/** A canonical copy: normalised fields, annotations in position order. */
export function normaliseSidecar(s: Sidecar): Sidecar {
  // Every source field in file order, without the absent ones; lists copied.
  const source = Object.fromEntries(
    SOURCE_KEYS.flatMap((k) => {
      const v = s.source[k];
      return v === undefined ? [] : [[k, Array.isArray(v) ? [...v] : v]];
    }),
  ) as unknown as SidecarSource;
  return { marginalia: FORMAT_VERSION, source, annotations: sortAnnotations(s.annotations.map(normaliseAnnotation)) };
}
