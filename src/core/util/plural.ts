// A count with its noun, for the sentences exports and figures write ("3 documents").

/** `n` and `one` or `many` (by default `one` + "s"): "1 date", "2 dates". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
