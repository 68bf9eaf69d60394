// The same claim across the exported documents (core/match), for the exports that carry
// it: JSON and JSON Lines give each claim its group, the Markdown report lists the groups.
// Only the exported claims are matched, so a group never points at a claim the file lacks.
import { documentReferenceDate } from '../detect';
import { describeChange, type Change } from '../match/changes';
import { joinedBy, matchClaims, type MatchKind } from '../match/claims';
import type { Annotation } from '../sidecar/format';
import type { ExportDocument } from './types';

/** What an exported claim carries about the other documents that report it. */
export interface AcrossDocuments {
  /** 1-based, largest group first (the Markdown report's numbering). */
  group: number;
  /** Documents the group spans. */
  documents: number;
  /** The group's earliest dated version. */
  earliest: boolean;
  /** How this version matches the one before it in the group (absent for the earliest). */
  match?: MatchKind;
  score?: number;
  /** Figures, dates and names that differ from that version. */
  changes?: Change[];
}

export interface ExportedClaimGroups {
  /** By `path \0 id`. */
  byClaim: Map<string, AcrossDocuments>;
  /** Each group's versions, earliest first. */
  groups: { documents: number; versions: { path: string; annotation: Annotation; date?: string; across: AcrossDocuments }[] }[];
}

export function claimKey(path: string, id: string): string {
  return `${path}\u0000${id}`;
}

export function exportedClaimGroups(docs: readonly ExportDocument[], perDoc: readonly (readonly Annotation[])[]): ExportedClaimGroups {
  const claims = docs.flatMap((doc, i) => {
    const date = doc.sidecar.source.published ?? documentReferenceDate(doc.text);
    return (perDoc[i] ?? [])
      .filter((a) => a.kind === 'claim' && a.orphaned !== true)
      .map((annotation) => ({
        doc: doc.path,
        id: annotation.id,
        text: annotation.quote,
        start: annotation.start,
        annotation,
        ...(date === undefined ? {} : { date }),
      }));
  });
  const result = matchClaims(claims);
  const byClaim = new Map<string, AcrossDocuments>();
  const groups = result.groups.map((g, n) => ({
    documents: g.documents,
    versions: g.members.flatMap((i, position) => {
      const c = claims[i];
      if (!c) return [];
      const link = joinedBy(result, claims, g, position);
      const across: AcrossDocuments = {
        group: n + 1,
        documents: g.documents,
        earliest: position === 0,
        ...(link === undefined ? {} : { match: link.kind, score: Math.round(link.score * 1000) / 1000, changes: link.changes }),
      };
      byClaim.set(claimKey(c.doc, c.id), across);
      return [{ path: c.doc, annotation: c.annotation, ...(c.date === undefined ? {} : { date: c.date }), across }];
    }),
  }));
  return { byClaim, groups };
}

/** "edited (0.93): 4.2 million → 42 million" for a report line. */
export function describeAcross(a: AcrossDocuments): string {
  if (a.earliest || a.match === undefined) return 'earliest';
  const changes = a.changes ?? [];
  return `${a.match} (${(a.score ?? 0).toFixed(2)})${changes.length > 0 ? `: ${changes.map(describeChange).join(', ')}` : ''}`;
}
