// What every exporter takes and gives. Exporters are pure: the CLI and the editor read the
// sources and sidecars, hand them over as ExportDocuments, and write the ExportFiles where
// the user chose. Offsets in every export are Unicode code points, as in the sidecar.

import type { EntityRegistry } from '../entities/registry';
import type { Sidecar } from '../sidecar/format';

export interface ExportDocument {
  /**
   * The source's path as the export names it: relative to the export's root folder, with
   * `/` separators (`reports/acme.txt`). Unique within one export.
   */
  path: string;
  /**
   * An absolute URI of the source (`file:///…`, `https://…`), for formats that identify
   * sources by URI (W3C Web Annotation) when the export has no `baseUri`. Without either
   * they use a `urn:` made from `path`. Prefer `baseUri`: the IRI then shows `path`.
   */
  uri?: string;
  /** The source text as the editor shows it: no byte-order mark, line ends as they are. */
  text: string;
  /** Its annotations, already reconciled with `text` (offsets and quotes match the text). */
  sidecar: Sidecar;
  /**
   * The bytes of the PDF the text was made from (`sidecar.source.original`), when the caller
   * read them and they still hash to `originalSha256`. Only REFI-QDA uses them: the PDF
   * becomes the project's source, with the text as its representation.
   */
  originalPdf?: Uint8Array;
}

export interface ExportOptions {
  /**
   * Keep unreviewed suggestions (`status: suggested`, stored by a scan or `detect --write`)
   * in the export. Left out by default: an export is read as the researcher's findings, and
   * machine output no one has looked at must not pass for one. When included, every format
   * marks them as suggestions.
   */
  includeSuggestions?: boolean;
  /** Keep dismissed suggestions (rejections) in the export; left out by default. */
  includeDismissed?: boolean;
  /** ISO 8601 date-time written where a format wants the export's own time; the caller's clock. */
  now?: string;
  /** CSV only: start with a UTF-8 byte-order mark so spreadsheet programs read it as UTF-8. */
  bom?: boolean;
  /** Name of the project or collection, where the format has one (REFI-QDA, W3C). */
  title?: string;
  /**
   * W3C: the absolute URI of the folder the documents' paths are relative to, ending in `/`
   * (`file:///home/ada/corpus/`, `https://example.org/corpus/`). Each annotation's
   * `target.source` is its document's `path` resolved against it, and the collection
   * records it (`marginalia.baseUri`) so an importer can take the path back out.
   */
  baseUri?: string;
  /**
   * The workspace's entities (`.marginalia/entities.yaml`): the register names a claim's
   * speaker by its entity's listed name, so "Tik Tok" and "TikTok" read alike.
   */
  entities?: EntityRegistry;
}

/** One file an export produces, relative to where the user saves it. */
export interface ExportFile {
  /** `/`-separated relative path; for single-file formats the suggested file name. */
  path: string;
  contents: string | Uint8Array;
}

export type ExportFormat = 'csv' | 'json' | 'jsonl' | 'markdown' | 'w3c' | 'brat' | 'refi-qda' | 'register' | 'register-csv' | 'edition';

export interface FormatInfo {
  id: ExportFormat;
  label: string;
  description: string;
  /** False: the export is several files and is saved into a folder. */
  singleFile: boolean;
  /** File extension of a single-file export, with its dot. */
  extension: string;
}

/** An annotation an export could not carry, and why; shown to the user, never dropped silently. */
export interface ExportSkip {
  path: string;
  id: string;
  reason: string;
}

export interface ExportResult {
  files: ExportFile[];
  /** Annotations exported, unreviewed suggestions included when they were asked for. */
  count: number;
  /** How many of `count` are unreviewed suggestions (0 unless `includeSuggestions`). */
  suggestions: number;
  /** Unreviewed suggestions in the documents that were not exported because they were not asked for. */
  suggestionsLeftOut: number;
  skipped: ExportSkip[];
}
