// JSON and JSON Lines exports: the sidecar data as it is, plus each source's path, for
// scripts (Python, R, jq) that want everything without parsing YAML.

import { FORMAT_VERSION } from '../sidecar/format';
import { annotationsToExport } from './select';
import type { ExportDocument, ExportOptions, ExportResult } from './types';

/** One document in the JSON export: its sidecar's `source` block and its annotations. */
function documentRecord(doc: ExportDocument, options: ExportOptions): Record<string, unknown> {
  // The sidecar's `file` is relative to the sidecar; the export's path replaces it.
  const { sha256, published } = doc.sidecar.source;
  return {
    file: doc.path, ...(sha256 === undefined ? {} : { sha256 }), ...(published === undefined ? {} : { published }),
    annotations: annotationsToExport(doc, options),
  };
}

export function exportJson(docs: readonly ExportDocument[], options: ExportOptions): ExportResult {
  const documents = docs.map((d) => documentRecord(d, options));
  const count = documents.reduce((n, d) => n + (d['annotations'] as unknown[]).length, 0);
  const body = {
    marginalia: FORMAT_VERSION,
    offsets: 'unicode-code-points',
    ...(options.now === undefined ? {} : { exported: options.now }),
    documents,
  };
  return { files: [{ path: 'annotations.json', contents: JSON.stringify(body, null, 2) + '\n' }], count, skipped: [] };
}

/** One line per annotation, each carrying its file, so `grep` and streaming readers work. */
export function exportJsonl(docs: readonly ExportDocument[], options: ExportOptions): ExportResult {
  const lines: string[] = [];
  for (const doc of docs) {
    for (const a of annotationsToExport(doc, options)) lines.push(JSON.stringify({ file: doc.path, ...a }));
  }
  return { files: [{ path: 'annotations.jsonl', contents: lines.map((l) => l + '\n').join('') }], count: lines.length, skipped: [] };
}
