// Every occurrence of a quote in a large text, without scanning the whole text for each
// quote: the hash of every K-character block starting at a multiple of K is indexed once;
// any occurrence of a quote at least 2K−1 long contains one such block at one of K
// alignments, so K lookups and a check of each hit find them all. Shorter quotes fall
// back to indexOf. Re-anchoring a thousand quotes in a megabyte stays fast.

const K = 8;

function hashAt(s: string, p: number): number {
  let h = 0;
  for (let i = p; i < p + K; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

export class OccurrenceIndex {
  private blocks: Map<number, number[]> | undefined;

  constructor(private readonly text: string) {}

  private index(): Map<number, number[]> {
    if (this.blocks !== undefined) return this.blocks;
    const blocks = new Map<number, number[]>();
    for (let p = 0; p + K <= this.text.length; p += K) {
      const h = hashAt(this.text, p);
      const list = blocks.get(h);
      if (list === undefined) blocks.set(h, [p]);
      else list.push(p);
    }
    this.blocks = blocks;
    return blocks;
  }

  /** Start offsets of `q` in the text, ascending, at most `limit` of them. */
  find(q: string, limit: number): number[] {
    const out: number[] = [];
    if (q.length === 0) return out;
    if (q.length < 2 * K - 1 || this.text.length < 4096) {
      for (let at = this.text.indexOf(q); at !== -1 && out.length < limit; at = this.text.indexOf(q, at + 1)) out.push(at);
      return out;
    }
    const blocks = this.index();
    for (let j = 0; j < K; j++) {
      const hits = blocks.get(hashAt(q, j));
      if (hits === undefined) continue;
      for (const p of hits) {
        const start = p - j;
        if (start >= 0 && this.text.startsWith(q, start)) out.push(start);
      }
    }
    out.sort((x, y) => x - y);
    return out.length > limit ? out.slice(0, limit) : out;
  }
}
