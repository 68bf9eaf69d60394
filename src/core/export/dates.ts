// Date-times as the exchange formats want them. The sidecar accepts the ISO 8601 forms
// people type (`2026-02-03 04:05+0100`, a date alone, no zone); W3C Web Annotation
// (`created`, `modified`: xsd:dateTime, which the W3C test suite checks as RFC 3339) and
// QDA-XML (xsd:dateTime) accept one strict form, and one bad value fails a whole file.

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `+hh:mm` from `Z`, `+hhmm` or `+hh:mm`; undefined outside the ±14:00 that xsd:dateTime allows. */
function xsdZone(zone: string): string | undefined {
  if (zone === 'Z' || zone === 'z') return 'Z';
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 14 || minutes > 59 || (hours === 14 && minutes > 0)) return undefined;
  return `${zone.slice(0, 1)}${digits.slice(0, 2)}:${digits.slice(2)}`;
}

/**
 * The sidecar's ISO 8601 date-time in the strict xsd:dateTime form (seconds present, `T`,
 * `+hh:mm`), or undefined when it names no real instant (month 13, 25 o'clock). With
 * `zone: 'required'` (RFC 3339, as the W3C schemas check), a value without a time zone is
 * undefined too: it names no instant, and guessing the zone would invent one.
 */
export function strictDateTime(iso: string | undefined, zone: 'required' | 'optional'): string | undefined {
  const m = iso === undefined ? null : ISO_DATE_TIME.exec(iso);
  if (m === null) return undefined;
  const [, y = '', mo = '', d = '', h = '00', mi = '00', s = '00', fraction = '', offset] = m;
  const year = Number(y);
  const month = Number(mo);
  const valid =
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    Number(d) >= 1 &&
    Number(d) <= daysInMonth(year, month) &&
    Number(h) <= 23 &&
    Number(mi) <= 59 &&
    Number(s) <= 59;
  if (offset === undefined && zone === 'required') return undefined;
  const z = offset === undefined ? '' : xsdZone(offset);
  if (!valid || z === undefined) return undefined;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${fraction}${z}`;
}
