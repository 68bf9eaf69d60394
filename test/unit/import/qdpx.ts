// Building `.qdpx` files in tests the way other QDA tools write them: a project.qde (with
// or without a byte-order mark) and the sources' plain texts in a `sources/` or `Sources/`
// folder, zipped. Positions are computed from the text in the unit a tool counts in.
import assert from 'node:assert/strict';
import { strToU8, zipSync, unzipSync, strFromU8 } from 'fflate';

/** XML text and attribute escaping, with CR and LF as references so a parser keeps them. */
export function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;');
}

export function zipProject(qde: string, files: Record<string, string>, options: { bom?: boolean } = {}): Uint8Array {
  const bom = options.bom === true ? '\uFEFF' : '';
  const entries: Record<string, Uint8Array> = { 'project.qde': strToU8(bom + qde) };
  for (const [name, text] of Object.entries(files)) entries[name] = strToU8(bom + text);
  return zipSync(entries);
}

export function unzipProject(bytes: Uint8Array): { qde: string; files: Record<string, Uint8Array> } {
  const files = unzipSync(bytes);
  const qde = files['project.qde'];
  assert.ok(qde);
  return { qde: strFromU8(qde), files };
}

export function zipFiles(qde: string, files: Record<string, Uint8Array>): Uint8Array {
  return zipSync({ ...files, 'project.qde': strToU8(qde) });
}

/** How a tool counts positions. */
export type Counting = 'code points' | 'utf-16' | 'crlf as one';

/** [start, end) of the n-th occurrence (0-based) of `quote` in `text`, as the tool counts. */
export function span(text: string, quote: string, counting: Counting, n = 0): [number, number] {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(quote, at + 1);
    assert.ok(at >= 0, `${quote} not in text`);
  }
  const count = (s: string): number => {
    if (counting === 'utf-16') return s.length;
    const cps = Array.from(s).length;
    return counting === 'crlf as one' ? cps - (s.match(/\r\n/g) ?? []).length : cps;
  };
  const start = count(text.slice(0, at));
  return [start, start + count(quote)];
}

/** Random-looking but fixed GUIDs, so a test reads the same every run. */
export function guid(n: number, upper = false): string {
  const hex = n.toString(16).padStart(12, '0');
  const g = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(0, 3)}-8${hex.slice(3, 6)}-${hex}`;
  return upper ? g.toUpperCase() : g;
}
