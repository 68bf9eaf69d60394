/** A quote on one line for a terminal: whitespace runs become one space, long ones end in `…`. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
