// A quote shortened to fit one line of a view, a pick list or a terminal table.

/** One line of at most `max` characters: white space runs become one space, the ends are trimmed, a longer text ends in `…`. */
export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
