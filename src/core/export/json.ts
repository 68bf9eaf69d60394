// JSON and JSON Lines exports: the sidecar data as it is, plus each source's path, for
// scripts (Python, R, jq) that want everything without parsing YAML. Each annotation keeps
// its `status` (`suggested` for unreviewed machine output), `reviewer` and `reviewed`;
// the JSON export also says whether suggestions were left out, and how many. A claim that
// other exported documents report too carries `acrossDocuments` (its group, how it differs).

import { FORMAT_VERSION, type Annotation } from '../sidecar/format';
import { pageOf } from '../sidecar/pages';
import { claimKey, exportedClaimGroups, type ExportedClaimGroups } from './claimGroups';
import { annotationsToExport, exportResult, suggestionsLeftOut } from './select';
import type { ExportDocument, ExportOptions, ExportResult } from './types';

/** What `offsets` says in the JSON export; also how Marginalia recognises its own JSON. */
export const JSON_OFFSETS = 'unicode-code-points';

/** One document in the JSON export: its sidecar's `source` block and its annotations. */
/** A claim reported in other exported documents too carries its group (see claimGroups.ts). */
/** An annotation as exported: its page in the original PDF (a text made by Add Source), its group across documents. */
function withGroup(
  doc: ExportDocument,
  a: Annotation,
  groups: ExportedClaimGroups,
): Annotation & { page?: number; acrossDocuments?: unknown } {
  const across = groups.byClaim.get(claimKey(doc.path, a.id));
  const page = a.orphaned ? undefined : pageOf(doc.sidecar.source, a.start);
  return { ...a, ...(page === undefined ? {} : { page }), ...(across === undefined ? {} : { acrossDocuments: across }) };
}

function documentRecord(doc: ExportDocument, annotations: Annotation[], groups: ExportedClaimGroups): Record<string, unknown> {
  // The sidecar's `file` is relative to the sidecar; the export's path replaces it.
  // Where a text made by Add Source came from (original, its hash, type, title, pages…) as the sidecar keeps it.
  const { sha256, published } = doc.sidecar.source;
  const provenance = Object.fromEntries(
    Object.entries(doc.sidecar.source).filter(([k]) => k !== 'file' && k !== 'sha256' && k !== 'published'),
  );
  return {
    file: doc.path,
    ...(sha256 === undefined ? {} : { sha256 }),
    ...(published === undefined ? {} : { published }),
    ...provenance,
    annotations: annotations.map((a) => withGroup(doc, a, groups)),
  };
}

export function exportJson(docs: readonly ExportDocument[], options: ExportOptions): ExportResult {
  const perDoc = docs.map((d) => annotationsToExport(d, options));
  const groups = exportedClaimGroups(docs, perDoc);
  const body = {
    marginalia: FORMAT_VERSION,
    offsets: JSON_OFFSETS,
    ...(options.now === undefined ? {} : { exported: options.now }),
    // A script reading the file cannot otherwise tell "no suggestions" from "left out".
    includesSuggestions: options.includeSuggestions === true,
    suggestionsLeftOut: suggestionsLeftOut(docs, options),
    documents: docs.map((d, i) => documentRecord(d, perDoc[i] ?? [], groups)),
  };
  return exportResult([{ path: 'annotations.json', contents: JSON.stringify(body, null, 2) + '\n' }], perDoc.flat(), [], docs, options);
}

/** One line per annotation, each carrying its file, so `grep` and streaming readers work. */
export function exportJsonl(docs: readonly ExportDocument[], options: ExportOptions): ExportResult {
  const lines: string[] = [];
  const exported: Annotation[] = [];
  const perDoc = docs.map((d) => annotationsToExport(d, options));
  const groups = exportedClaimGroups(docs, perDoc);
  docs.forEach((doc, i) => {
    for (const a of perDoc[i] ?? []) {
      exported.push(a);
      lines.push(JSON.stringify({ file: doc.path, ...withGroup(doc, a, groups) }));
    }
  });
  return exportResult([{ path: 'annotations.jsonl', contents: lines.map((l) => l + '\n').join('') }], exported, [], docs, options);
}
