// Documents given as JSON Lines on standard input (`marginalia detect --jsonl -`), one
// JSON object per line: {"id": "a-17", "text": "…", "ref_date": "2024-06-10"}.
//   id        string or number, required: it names the document in the result line, so a
//             runner that shards a corpus can join results to documents.
//   text      string, required: the document, offsets count its code points.
//   ref_date  YYYY-MM-DD, optional: relative dates resolve against it (before --ref-date,
//             which is before a date the document states).
// Other keys are allowed and ignored, so records can carry their own metadata.
import { parseIsoDate } from './args';

export interface JsonlDocument {
  id: string | number;
  text: string;
  refDate?: string;
}

export type JsonlParse = { ok: true; document: JsonlDocument } | { ok: false; id?: string | number; message: string };

const SHAPE = 'a document is a JSON object such as {"id": "doc-1", "text": "…", "ref_date": "2024-06-10"}';

function isId(value: unknown): value is string | number {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/** One line of JSON Lines as a document, or why it is not one (with its id when that much was readable). */
export function parseJsonlDocument(line: string): JsonlParse {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { ok: false, message: `not valid JSON (${error instanceof Error ? error.message : String(error)}); ${SHAPE}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: `not a JSON object; ${SHAPE}` };
  const record = value as Record<string, unknown>;
  const id = isId(record['id']) ? record['id'] : undefined;
  const fail = (message: string): JsonlParse => ({ ok: false, ...(id === undefined ? {} : { id }), message });
  if (id === undefined) return fail(`"id" must be a string or a number; ${SHAPE}`);
  const text = record['text'];
  if (typeof text !== 'string') return fail(`"text" must be a string; ${SHAPE}`);
  const refDate = record['ref_date'];
  if (refDate === undefined || refDate === null) return { ok: true, document: { id, text } };
  if (typeof refDate !== 'string') return fail('"ref_date" must be a date as YYYY-MM-DD');
  try {
    parseIsoDate(refDate, '"ref_date"');
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  return { ok: true, document: { id, text, refDate } };
}
