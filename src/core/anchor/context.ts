// The prefix and suffix kept around a quote, counted in code points so a surrogate pair
// is never cut in half (a lone surrogate would not survive the YAML file).

import { CONTEXT_LENGTH } from './types';

export function prefixBefore(text: string, start: number, length: number = CONTEXT_LENGTH): string {
  let i = start;
  for (let n = 0; n < length && i > 0; n++) {
    i--;
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const h = text.charCodeAt(i - 1);
      if (h >= 0xd800 && h <= 0xdbff) i--;
    }
  }
  return text.slice(i, start);
}

export function suffixAfter(text: string, end: number, length: number = CONTEXT_LENGTH): string {
  let i = end;
  for (let n = 0; n < length && i < text.length; n++) {
    const c = text.charCodeAt(i);
    i++;
    if (c >= 0xd800 && c <= 0xdbff && i < text.length) {
      const l = text.charCodeAt(i);
      if (l >= 0xdc00 && l <= 0xdfff) i++;
    }
  }
  return text.slice(end, i);
}

/** A fresh anchor over text[start, end). */
export function anchorAt(
  text: string,
  start: number,
  end: number,
): { start: number; end: number; quote: string; prefix: string; suffix: string } {
  return { start, end, quote: text.slice(start, end), prefix: prefixBefore(text, start), suffix: suffixAfter(text, end) };
}
