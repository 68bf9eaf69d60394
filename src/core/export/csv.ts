// CSV export: one row per annotation across all documents, RFC 4180 (CRLF between
// records, fields quoted when they hold a comma, quote or line break), written by
// csv-stringify so quoting is never hand-rolled.
//
// Provenance: `status` says `suggested` for machine output no one has reviewed (exported
// only when asked for); `reviewer` and `reviewed` beside it say who gave any other status
// and when, so one filter on the status column separates judgments from suggestions.

import { stringify } from 'csv-stringify/sync';
import type { Annotation } from '../sidecar/format';
import { pageOf } from '../sidecar/pages';
import { annotationsToExport, CodePointLines, exportResult } from './select';
import type { ExportDocument, ExportOptions, ExportResult } from './types';

export const CSV_COLUMNS = [
  'file',
  'id',
  'kind',
  'label',
  'quote',
  'start',
  'end',
  'line',
  'page',
  'status',
  'verdict',
  'evidence',
  'reviewer',
  'reviewed',
  'note',
  'tags',
  'speaker',
  'entity',
  'date_value',
  'author',
  'created',
  'origin',
  'orphaned',
] as const;

/** The header before sources made from PDFs had pages (0.2.0 in development): still Marginalia's own output. */
export const CSV_COLUMNS_BEFORE_PAGE = CSV_COLUMNS.filter((c) => c !== 'page');

/** The header before claims had entities (0.2.0 in development): still Marginalia's own output. */
export const CSV_COLUMNS_BEFORE_ENTITY = CSV_COLUMNS_BEFORE_PAGE.filter((c) => c !== 'entity');

/** The header before commitments had a verdict and evidence (0.2.0 in development): still Marginalia's own output. */
export const CSV_COLUMNS_BEFORE_VERDICT = CSV_COLUMNS_BEFORE_ENTITY.filter((c) => c !== 'verdict' && c !== 'evidence');

/**
 * The header of exports made before the sidecar recorded reviews (format 1), so that
 * recognising Marginalia's own output also knows the files already lying in a corpus.
 */
export const CSV_COLUMNS_V1 = [
  'file',
  'id',
  'kind',
  'label',
  'quote',
  'start',
  'end',
  'line',
  'status',
  'note',
  'tags',
  'speaker',
  'date_value',
  'author',
  'created',
  'origin',
  'orphaned',
] as const;

type Row = Record<(typeof CSV_COLUMNS)[number], string>;

/** Tags are joined with `; ` so the column stays one cell a spreadsheet can filter on. */
export const CSV_TAG_SEPARATOR = '; ';

export function exportCsv(docs: readonly ExportDocument[], options: ExportOptions): ExportResult {
  const rows: Row[] = [];
  const exported: Annotation[] = [];
  for (const doc of docs) {
    const lines = new CodePointLines(doc.text);
    for (const a of annotationsToExport(doc, options)) {
      exported.push(a);
      rows.push({
        file: doc.path,
        id: a.id,
        kind: a.kind,
        label: a.label ?? '',
        quote: a.quote,
        start: String(a.start),
        end: String(a.end),
        // An orphan's offsets are a stale hint, not a place in the text.
        line: a.orphaned ? '' : String(lines.lineOf(a.start)),
        // The original PDF's page, for a text made by Add Source.
        page: a.orphaned ? '' : String(pageOf(doc.sidecar.source, a.start) ?? ''),
        status: a.status,
        verdict: a.verdict ?? '',
        evidence: (a.evidence ?? []).join(CSV_TAG_SEPARATOR),
        reviewer: a.reviewer ?? '',
        reviewed: a.reviewed ?? '',
        note: a.note ?? '',
        tags: (a.tags ?? []).join(CSV_TAG_SEPARATOR),
        speaker: a.speaker ?? '',
        // As the entities file names it, when the export has one: renaming there renames here.
        entity: a.entity === undefined ? '' : (options.entities?.resolve(a.entity)?.name ?? a.entity),
        // A date annotation's label is its ISO value (see store/suggestions.ts).
        date_value: a.kind === 'date' ? (a.label ?? '') : '',
        author: a.author ?? '',
        created: a.created ?? '',
        origin: a.origin,
        orphaned: a.orphaned ? 'true' : '',
      });
    }
  }
  const text = stringify(rows, {
    header: true,
    columns: [...CSV_COLUMNS],
    record_delimiter: 'windows',
    bom: options.bom === true,
    // A quote such as "=HYPERLINK(…)" or "+1 555…" would run as a formula when the file is
    // opened in a spreadsheet; csv-stringify prefixes such cells with an apostrophe.
    escape_formulas: true,
  });
  return exportResult([{ path: 'annotations.csv', contents: text }], exported, [], docs, options);
}
