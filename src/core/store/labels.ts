// Where the text a person types as an annotation's label goes. Some kinds have a fixed
// vocabulary for their label (a claim's type), or a fixed shape (a date's ISO 8601 value);
// text that does not fit is kept as a tag instead of being written where the sidecar
// format would refuse it, so nothing typed is lost and no file is made invalid.

import { CLAIM_TYPES, type Detection } from '../model';

/** An ISO 8601 date value at its precision, or a range of two: `2020`, `2021-09`, `2020-06-10`, `2020-Q3`, `2020-01/2020-03`. */
const DATE_VALUE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?|-Q[1-4])?$/;

export function isDateValue(text: string): boolean {
  const parts = text.split('/');
  return parts.length <= 2 && parts.every((p) => DATE_VALUE.test(p));
}

export interface PlacedLabel {
  /** The label to store, when the text fits the kind's label. */
  label?: string;
  /** Text that does not fit the label, kept as a tag. */
  tag?: string;
  /** Why the text became a tag, to tell the person. */
  why?: string;
}

/** Where `text` goes for an annotation of `kind`; empty text means no label. */
export function placeLabel(kind: string, text: string): PlacedLabel {
  const t = text.trim().replace(/\s+/g, ' ');
  if (t === '') return {};
  if (kind === 'claim') {
    const type = CLAIM_TYPES.find((c) => c === t.toLowerCase());
    return type ? { label: type } : { tag: t, why: `a claim's label is its type (${CLAIM_TYPES.join(', ')})` };
  }
  if (kind === 'date') {
    return isDateValue(t) ? { label: t } : { tag: t, why: "a date's label is its ISO 8601 value (2020, 2021-09, 2020-06-10)" };
  }
  return { label: t };
}

/** How a detection is named where space is short (a view row, a quick pick, the CLI's table): the one display label. */
export function displayLabel(d: Detection): string {
  switch (d.kind) {
    case 'claim':
      return d.speaker ? `${d.type} (${d.speaker})` : d.type;
    case 'control':
      return d.controlId ? `${d.framework ?? d.id} ${d.controlId}` : d.id;
    case 'date':
      return d.value === undefined ? 'unresolved' : d.endValue === undefined ? d.value : `${d.value}/${d.endValue}`;
  }
}
