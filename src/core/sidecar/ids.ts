// Annotation ids: 8 characters, derived from what the annotation marks (kind, position,
// quote) rather than drawn at random. The same detection made on two machines gets the
// same id, so when both researchers commit it git sees one annotation, not two, and a
// dismissed detection is recognised when the detector finds it again. A counter is mixed
// in only when that id is already taken in the file.

import { sha256Bytes, utf8Bytes } from './sha256';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * A new id for an annotation of `kind` over `quote` at code-point offset `start`, not in
 * `taken`. The first character is a letter so the id is never read as a number.
 */
export function makeAnnotationId(
  kind: string,
  quote: string,
  start: number,
  taken: ReadonlySet<string> | ((id: string) => boolean),
): string {
  const isTaken = typeof taken === 'function' ? taken : (id: string) => taken.has(id);
  for (let n = 0; ; n++) {
    const id = idFromHash(sha256Bytes(utf8Bytes(`${kind}\u0000${start}\u0000${quote}${n === 0 ? '' : `\u0000${n}`}`)));
    if (!isTaken(id)) return id;
  }
}

function idFromHash(h: Uint8Array): string {
  // 8 bits pick the letter, then 35 bits as 7 base-32 characters.
  let id = LETTERS.charAt((h[0] as number) % 26);
  let acc = 0;
  let bits = 0;
  let i = 1;
  while (id.length < 8) {
    if (bits < 5) {
      acc = ((acc << 8) | (h[i++] as number)) & 0xffff;
      bits += 8;
    }
    bits -= 5;
    id += BASE32.charAt((acc >> bits) & 31);
  }
  return id;
}
