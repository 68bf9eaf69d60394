// The annotated edition's text: the source cut at every start and end of an annotation,
// each piece wrapped in a `mark` per annotation covering it, so overlapping and nested
// annotations all show, and the text between the tags is the source, character for
// character (the tests read it back). Each piece closes all its marks: a mark never
// crosses another's boundary, which HTML could not nest.

/** A span to mark, in UTF-16 offsets of the text (OffsetMap converts the sidecar's code points). */
export interface TextSpan<T> {
  start: number;
  end: number;
  value: T;
}

export interface SpanMarkup<T> {
  /** The opening tag of one piece of a span; `first` for its first piece (or its only one). */
  open(span: TextSpan<T>, first: boolean): string;
  close(span: TextSpan<T>): string;
  /** Markup placed once just before the span's first piece, outside every mark (its margin note). */
  before(span: TextSpan<T>): string;
  /** The text of a piece, escaped for where it goes. */
  text(text: string): string;
}

/** Outer spans first: earlier start, then longer; ties keep the given order. */
function outerFirst<T>(a: TextSpan<T>, b: TextSpan<T>): number {
  return a.start - b.start || b.end - a.end;
}

/**
 * The text with every span marked. A span of no characters still gets its (empty) mark,
 * so each span given is marked at least once.
 */
export function markText<T>(text: string, spans: readonly TextSpan<T>[], markup: SpanMarkup<T>): string {
  for (const s of spans) {
    if (!(s.start >= 0 && s.start <= s.end && s.end <= text.length)) {
      throw new RangeError(`span ${s.start}..${s.end} is outside the text (0..${text.length})`);
    }
  }
  const ordered = [...spans].sort(outerFirst);
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const out: string[] = [];
  let active: TextSpan<T>[] = [];
  const started = new Set<TextSpan<T>>();
  let next = 0;
  for (let i = 0; i < cuts.length; i++) {
    const at = cuts[i] as number;
    active = active.filter((s) => s.end > at);
    // Spans starting here, outer ones first; they follow the open ones, which started earlier.
    while (next < ordered.length && (ordered[next] as TextSpan<T>).start === at) {
      const s = ordered[next] as TextSpan<T>;
      next++;
      out.push(markup.before(s));
      if (s.end === s.start) out.push(markup.open(s, true), markup.close(s));
      else active.push(s);
    }
    const to = cuts[i + 1];
    if (to === undefined) break;
    for (const s of active) {
      out.push(markup.open(s, !started.has(s)));
      started.add(s);
    }
    out.push(markup.text(text.slice(at, to)));
    for (let k = active.length - 1; k >= 0; k--) out.push(markup.close(active[k] as TextSpan<T>));
  }
  return out.join('');
}
