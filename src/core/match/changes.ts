// What a fact-checker looks for between two versions of a statement: figures, dates and
// names that differ ("4.2 million" became "42 million", "June 2025" became "July 2025").
// Everything else a copy may change (a word, punctuation) is the word diff's business.

export type ChangeKind = 'figure' | 'date' | 'name';

export interface Change {
  kind: ChangeKind;
  /** In the first version; absent when only the second has it. */
  from?: string;
  /** In the second version; absent when only the first has it. */
  to?: string;
}

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const DATE = new RegExp(
  `\\b(?:(?:\\d{1,2}\\s+)?(?:${MONTHS})\\.?(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?(?:,?\\s+(?:19|20)\\d{2})?|(?:Q[1-4]|H[12])\\s+(?:19|20)\\d{2}|(?:19|20)\\d{2}-\\d{2}(?:-\\d{2})?|(?:19|20)\\d{2})\\b`,
  'g',
);
const FIGURE = /(?:[$€£]\s?)?\b\d+(?:[.,]\d+)*(?:\s?(?:%|per\s?cent|percent|million|billion|thousand|trillion|m|bn|k)\b|%)?/giu;
// Two or more capitalised words, or one that is not the first word of a sentence.
const NAME = /(?<![.!?]\s|^)\b\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:of\s+|the\s+|for\s+)?\p{Lu}[\p{L}\p{M}'’-]*)*/gu;
const NOT_NAMES = new Set(['I', 'We', 'Our', 'The', 'This', 'That', 'It', 'They', 'He', 'She', 'In', 'On', 'By', 'As', 'A', 'An']);

interface Found {
  kind: ChangeKind;
  text: string;
  start: number;
  end: number;
}

function mentions(text: string): Found[] {
  const found: Found[] = [];
  const taken = (s: number, e: number): boolean => found.some((f) => s < f.end && f.start < e);
  for (const m of text.matchAll(DATE)) found.push({ kind: 'date', text: m[0].trim(), start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(FIGURE)) {
    if (!taken(m.index, m.index + m[0].length))
      found.push({ kind: 'figure', text: m[0].trim(), start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(NAME)) {
    const name = m[0].trim();
    if (NOT_NAMES.has(name) || new RegExp(`^(?:${MONTHS})$`).test(name) || taken(m.index, m.index + m[0].length)) continue;
    found.push({ kind: 'name', text: name, start: m.index, end: m.index + m[0].length });
  }
  return found.sort((x, y) => x.start - y.start);
}

function key(f: Found): string {
  return `${f.kind}\u0000${f.text.toLowerCase().replace(/\s+/g, ' ').replace(/[’]/g, "'")}`;
}

/** The mentions of `list` that `other` lacks, counting repeats: a value twice here and once there leaves one. */
function unmatched(list: readonly Found[], other: readonly Found[]): Found[] {
  const count = new Map<string, number>();
  for (const f of other) count.set(key(f), (count.get(key(f)) ?? 0) + 1);
  return list.filter((f) => {
    const n = count.get(key(f)) ?? 0;
    if (n > 0) count.set(key(f), n - 1);
    return n === 0;
  });
}

/**
 * The figures, dates and names one version has and the other does not, paired in order
 * of appearance by kind ("4.2 million" → "42 million"); a mention only one side has stays
 * unpaired. Matching is by value, so a figure that only moved is no change.
 */
export function changesBetween(a: string, b: string): Change[] {
  const left = mentions(a);
  const right = mentions(b);
  const onlyLeft = unmatched(left, right);
  const onlyRight = unmatched(right, left);
  const changes: Change[] = [];
  for (const kind of ['figure', 'date', 'name'] as const) {
    const from = onlyLeft.filter((f) => f.kind === kind);
    const to = onlyRight.filter((f) => f.kind === kind);
    for (let i = 0; i < Math.max(from.length, to.length); i++) {
      const f = from[i];
      const t = to[i];
      changes.push({ kind, ...(f ? { from: f.text } : {}), ...(t ? { to: t.text } : {}) });
    }
  }
  return changes;
}

/** "4.2 million → 42 million", "+ Acme", "− June 2025". */
export function describeChange(c: Change): string {
  if (c.from !== undefined && c.to !== undefined) return `${c.from} → ${c.to}`;
  return c.from !== undefined ? `− ${c.from}` : `+ ${c.to ?? ''}`;
}
