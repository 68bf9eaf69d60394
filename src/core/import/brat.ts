// Reading brat standoff (`.ann`) back: text-bound annotations (T) with their Status and
// Label attributes and AnnotatorNotes, as Marginalia's brat export writes them, and those
// brat users add by hand. Relations, events and normalisations have no place in a sidecar:
// they are reported, not dropped silently. The Status attribute is read back as written
// (`suggested` included, so an unreviewed suggestion stays one); brat has no reviewer or
// review time, so an annotation without a Status was made by a person in brat: `open`.

import { CONTEXT_LENGTH, type AnnotationKey } from '../sidecar/format';
import { STATUSES, type Status } from '../model';
import { unescapeBratNote } from '../export/brat';
import type { Incoming } from './place';

export interface BratRead {
  incoming: Incoming[];
  problems: { origin: string; reason: string }[];
}

const CARRIED: readonly AnnotationKey[] = ['kind', 'label', 'status', 'note'];

interface Entity {
  line: number;
  type: string;
  start: number;
  end: number;
  text: string;
  status?: Status;
  label?: string;
  note?: string;
}

function isStatus(v: string): v is Status {
  return (STATUSES as readonly string[]).includes(v);
}

/** Code points of a string, as an array, so brat's offsets index it directly. */
function codePoints(text: string): string[] {
  return Array.from(text);
}

function parseSpans(spec: string): [number, number][] | undefined {
  const spans: [number, number][] = [];
  for (const part of spec.split(';')) {
    const m = /^(\d+) (\d+)$/.exec(part.trim());
    if (!m) return undefined;
    const s = Number(m[1]);
    const e = Number(m[2]);
    if (e < s) return undefined;
    spans.push([s, e]);
  }
  return spans.length > 0 ? spans : undefined;
}

/**
 * Reads an `.ann` file. `text` is the `.txt` the offsets refer to (brat keeps one beside
 * each `.ann`); with it the quote and its context come from the text itself, which also
 * restores line breaks that brat's one-line text column replaced by spaces.
 */
export function readBrat(annText: string, text: string | undefined, fileName: string): BratRead {
  const entities = new Map<string, Entity>();
  const problems: BratRead['problems'] = [];
  const later: { line: number; fields: string[] }[] = [];
  annText.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const fields = raw.split('\t');
    const id = fields[0] ?? '';
    if (id.startsWith('T')) {
      const [type, ...rest] = (fields[1] ?? '').split(' ');
      const spans = parseSpans(rest.join(' '));
      if (type === undefined || type === '' || spans === undefined) {
        problems.push({ origin: `${fileName}:${line}`, reason: `cannot read the text-bound annotation '${raw}'` });
        return;
      }
      const first = spans[0] as [number, number];
      const last = spans[spans.length - 1] as [number, number];
      entities.set(id, { line, type, start: first[0], end: last[1], text: fields.slice(2).join('\t') });
    } else if (id.startsWith('A') || id.startsWith('M') || id.startsWith('#')) {
      later.push({ line, fields });
    } else {
      const what = id.startsWith('R')
        ? 'a relation'
        : id.startsWith('E')
          ? 'an event'
          : id.startsWith('N')
            ? 'a normalisation'
            : id.startsWith('*')
              ? 'an equivalence'
              : 'a line brat does not define';
      problems.push({ origin: `${fileName}:${line}`, reason: `${what} (${id}) has no place in a sidecar and is not imported` });
    }
  });
  for (const { line, fields } of later) {
    const id = fields[0] ?? '';
    const [name, target, value] = (fields[1] ?? '').split(' ');
    const entity = target === undefined ? undefined : entities.get(target);
    if (entity === undefined) {
      problems.push({
        origin: `${fileName}:${line}`,
        reason: `${id} refers to '${target ?? ''}', which is not a text-bound annotation here`,
      });
      continue;
    }
    if (id.startsWith('#')) {
      if (name === 'AnnotatorNotes') entity.note = unescapeBratNote(fields.slice(2).join('\t'));
      else problems.push({ origin: `${fileName}:${line}`, reason: `note type '${name ?? ''}' is not imported (only AnnotatorNotes)` });
    } else if (name === 'Status' && value !== undefined && isStatus(value)) {
      entity.status = value;
    } else if (name === 'Label' && value !== undefined) {
      entity.label = value;
    } else if (name === 'Page' && value !== undefined && /^p\d+$/.test(value)) {
      // The export's page of the original: it follows from the text's page map, so nothing to store.
    } else {
      problems.push({
        origin: `${fileName}:${line}`,
        reason: `attribute '${name ?? ''}${value === undefined ? '' : ` ${value}`}' is not imported (only Status and Label)`,
      });
    }
  }
  const cps = text === undefined ? undefined : codePoints(text);
  const incoming: Incoming[] = [];
  for (const e of entities.values()) {
    const origin = `${fileName}:${e.line}`;
    let quote = e.text;
    let prefix = '';
    let suffix = '';
    if (cps !== undefined) {
      if (e.end > cps.length) {
        problems.push({ origin, reason: `offsets ${e.start}-${e.end} are past the end of the text (${cps.length} characters)` });
        continue;
      }
      quote = cps.slice(e.start, e.end).join('');
      prefix = cps.slice(Math.max(0, e.start - CONTEXT_LENGTH), e.start).join('');
      suffix = cps.slice(e.end, e.end + CONTEXT_LENGTH).join('');
    }
    incoming.push({
      origin,
      quote,
      prefix,
      suffix,
      start: e.start,
      end: e.end,
      carried: CARRIED,
      fields: {
        kind: e.type,
        status: e.status ?? 'open',
        origin: 'manual',
        ...(e.label === undefined ? {} : { label: e.label }),
        ...(e.note === undefined ? {} : { note: e.note }),
      },
    });
  }
  return { incoming, problems };
}
