// The export formats, by id, for the CLI and the editor to offer.

import { exportBrat } from './brat';
import { exportCsv } from './csv';
import { exportEdition } from './edition';
import { exportJson, exportJsonl } from './json';
import { exportMarkdown, type MarkdownOptions } from './markdown';
import { exportRefiQda } from './refiQda';
import { exportRegisterCsv, exportRegisterMarkdown } from './register';
import type { ExportDocument, ExportFormat, ExportResult, FormatInfo } from './types';
import { exportW3c } from './w3c';

export const FORMATS: readonly FormatInfo[] = [
  { id: 'csv', label: 'CSV', description: 'one row per annotation, for spreadsheets', singleFile: true, extension: '.csv' },
  { id: 'json', label: 'JSON', description: 'the sidecar data with file paths', singleFile: true, extension: '.json' },
  { id: 'jsonl', label: 'JSON Lines', description: 'one JSON object per annotation', singleFile: true, extension: '.jsonl' },
  {
    id: 'markdown',
    label: 'Markdown report',
    description: 'annotations per document and a controls summary',
    singleFile: true,
    extension: '.md',
  },
  {
    id: 'w3c',
    label: 'W3C Web Annotation',
    description: 'JSON-LD with quote and position selectors',
    singleFile: true,
    extension: '.jsonld',
  },
  {
    id: 'brat',
    label: 'brat standoff',
    description: '.txt and .ann per document with annotation.conf, into a folder',
    singleFile: false,
    extension: '',
  },
  {
    id: 'register',
    label: 'Commitments register (Markdown)',
    description: 'one row per commitment: speaker, controls, due date, overdue first',
    singleFile: true,
    extension: '.md',
  },
  {
    id: 'register-csv',
    label: 'Commitments register (CSV)',
    description: 'the register as a spreadsheet',
    singleFile: true,
    extension: '.csv',
  },
  {
    id: 'edition',
    label: 'Annotated edition (HTML)',
    description: 'the texts with highlights and margin notes, register and timeline; no scripts, prints',
    singleFile: true,
    extension: '.html',
  },
  {
    id: 'refi-qda',
    label: 'REFI-QDA project',
    description: '.qdpx for NVivo, ATLAS.ti, MAXQDA, QualCoder',
    singleFile: true,
    extension: '.qdpx',
  },
];

export function formatInfo(id: string): FormatInfo | undefined {
  return FORMATS.find((f) => f.id === id);
}

export function runExport(format: ExportFormat, docs: readonly ExportDocument[], options: MarkdownOptions): ExportResult {
  switch (format) {
    case 'csv':
      return exportCsv(docs, options);
    case 'json':
      return exportJson(docs, options);
    case 'jsonl':
      return exportJsonl(docs, options);
    case 'markdown':
      return exportMarkdown(docs, options);
    case 'w3c':
      return exportW3c(docs, options);
    case 'brat':
      return exportBrat(docs, options);
    case 'refi-qda':
      return exportRefiQda(docs, options);
    case 'register':
      return exportRegisterMarkdown(docs, options);
    case 'register-csv':
      return exportRegisterCsv(docs, options);
    case 'edition':
      return exportEdition(docs, options);
  }
}
