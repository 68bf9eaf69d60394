// How one value is written. The output must mean the same to YAML 1.2 parsers (ours) and
// to YAML 1.1 ones (PyYAML, older tools), which read `yes`, `no`, `on`, `off`, `y`, `n`,
// `~`, `2020-06-10`, `0x1F`, `012`, `1:20` and `.inf` as booleans, nulls, dates and
// numbers. A string is written plain only when it is certain to read back as the same
// string under both; otherwise it is double-quoted with escapes.

/** Words YAML 1.1 or 1.2 read as something other than a string (compared lower-cased). */
const SPECIAL_WORDS = new Set(['y', 'n', 'yes', 'no', 'true', 'false', 'on', 'off', 'null', '~', '', '<<', '=']);

// Plain scalars may not start with an indicator; a digit, sign or dot may start a number.
const UNSAFE_START = /^[-?:,[\]{}#&*!|>'"%@`.+0-9\s]/;
// Inside a plain scalar: ': ' starts a mapping, ' #' a comment; a trailing ':' or space
// changes meaning; a tab or line break needs escaping.
const UNSAFE_INSIDE = /: |:$| #|\s$|[\t\n\r]/;
const FLOW_UNSAFE = /[,[\]{}:]/;
// Characters that are invisible, not printable in YAML, or line breaks in YAML 1.1:
// written as escapes so a reader of the file sees them and no parser trips on them.
/* eslint-disable no-control-regex -- these patterns exist to find control characters */
const NEEDS_ESCAPE =
  /[\x00-\x1f"\\\x7f-\xa0\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ESCAPE_ALL =
  /[\x00-\x1f"\\\x7f-\xa0\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/* eslint-enable no-control-regex */

const NAMED: Record<string, string> = {
  '\0': '\\0',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '"': '\\"',
  '\\': '\\\\',
};

/** True when `s` can be written without quotes and read back as the same string. */
export function isPlainSafe(s: string, flow = false): boolean {
  if (SPECIAL_WORDS.has(s.toLowerCase())) return false;
  if (UNSAFE_START.test(s) || UNSAFE_INSIDE.test(s) || NEEDS_ESCAPE.test(s)) return false;
  if (flow && FLOW_UNSAFE.test(s)) return false;
  return true;
}

// A cheaper test that every string needing an escape passes (and a few, such as emoji,
// that do not): most text is checked by this one alone.
// eslint-disable-next-line no-control-regex
const MAYBE_ESCAPE = /[\x00-\x1f"\\\x7f-\xa0\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]/;

export function doubleQuoted(s: string): string {
  if (!MAYBE_ESCAPE.test(s) || !NEEDS_ESCAPE.test(s)) return `"${s}"`;
  return `"${s.replace(ESCAPE_ALL, escapeChar)}"`;
}

function escapeChar(c: string): string {
  const named = NAMED[c];
  if (named !== undefined) return named;
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
}

function hex(n: number, width: number): string {
  return n.toString(16).toUpperCase().padStart(width, '0');
}

/** Short values repeat across annotations (kinds, statuses, labels, authors): remember them. */
const cache = new Map<string, string>();

/** A string value: plain when safe, else double-quoted. */
export function renderString(s: string, flow = false): string {
  if (flow || s.length > 40) return isPlainSafe(s, flow) ? s : doubleQuoted(s);
  let out = cache.get(s);
  if (out === undefined) {
    if (cache.size > 10_000) cache.clear();
    out = isPlainSafe(s) ? s : doubleQuoted(s);
    cache.set(s, out);
  }
  return out;
}

/** A list of strings on one line: `[privacy, "follow up: legal"]`. */
export function renderFlowList(items: readonly string[]): string {
  return `[${items.map((s) => renderString(s, true)).join(', ')}]`;
}
