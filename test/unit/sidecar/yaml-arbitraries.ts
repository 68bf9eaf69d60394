// Generators of sidecar-like YAML text for the differential test of the fast reader
// (fast-parse.property.test.ts). They aim at the places where a hand-written reader and
// the full `yaml` parser can part ways: keys and plain scalars that YAML reads as nulls,
// booleans or numbers; quoting and escapes; line ends (LF, CRLF, lone CR, mixed, none at
// the end, a BOM); comments, blank lines and indentation; flow collections; nesting
// depth. Most output is valid YAML, much of it in the writer's own layout so the fast
// reader is exercised and not only declining; a share is then mutated at random so
// malformed input is covered too.
import fc from 'fast-check';
import { doubleQuoted, renderString } from '../../../src/core/sidecar/scalar';

/** Words YAML 1.2 (core schema) or 1.1 read as nulls or booleans, in several casings. */
export const SPECIAL_WORDS = [
  'true',
  'True',
  'TRUE',
  'tRUE',
  'false',
  'False',
  'FALSE',
  'null',
  'Null',
  'NULL',
  'nULL',
  '~',
  'yes',
  'Yes',
  'YES',
  'no',
  'No',
  'on',
  'On',
  'off',
  'y',
  'Y',
  'n',
  'N',
  '<<',
  '=',
];

/** Plain scalars YAML 1.2 or 1.1 read as numbers, dates or times, and near misses. */
export const NUMBER_LIKE = [
  '0',
  '1',
  '7',
  '00',
  '01',
  '012',
  '-1',
  '+1',
  '-0',
  '1.5',
  '1.',
  '.5',
  '1e3',
  '1E3',
  '1e+3',
  '0x1F',
  '0X1F',
  '0o17',
  '0b101',
  '1_000',
  '12:30',
  '1:20:00',
  '.inf',
  '-.inf',
  '.Inf',
  '.INF',
  '.nan',
  '.NaN',
  'nan',
  'inf',
  'Infinity',
  '2020-06-10',
  '2020-06-10T10:00:00Z',
  '123456789012345',
  '1234567890123456',
  '9007199254740993',
  '1 2',
  '1a',
  'a1',
];

const WORD_KEYS = [
  'id',
  'kind',
  'quote',
  'prefix',
  'note',
  'tags',
  'start',
  'end',
  'marginalia',
  'source',
  'file',
  'annotations',
  'a',
  'A',
  'b',
  'x-note',
  'X-Note',
  'x_y',
  '_',
  'a-',
  'k1',
  'K1',
  'nul',
  'truer',
  'falsey',
  'nulls',
];

const ODD_KEYS = [
  'ключ',
  '键',
  'é',
  '😀',
  'a\u00a0b',
  'a b',
  'a\u2028b',
  '\u0085',
  '-a',
  'a:b',
  'a#b',
  '#a',
  '?',
  '!a',
  '&a',
  '*a',
  '"a"',
  "'a'",
  '',
  ' ',
  'a\tb',
  'a\\b',
  '[a]',
  '{a}',
  '\ufeff',
  'a\r',
];

/** Strings that trip YAML writers and readers: indicators, quotes, breaks, invisible characters. */
const TRICKY_STRINGS = [
  'hello',
  'two words',
  'a #b',
  'a#b',
  'a: b',
  'a:b',
  'a:',
  ':a',
  '- a',
  '-a',
  '-',
  '--',
  '---',
  '...',
  '?',
  '? a',
  '?a',
  '!t a',
  '!!str a',
  '&x a',
  '*x',
  '|',
  '|-',
  '>',
  '%x',
  '@x',
  '`x',
  '"',
  "'",
  "it's",
  'say "hi"',
  ',',
  '[',
  ']',
  '{',
  '}',
  'a, b',
  'a]',
  'a}',
  'é',
  '😀',
  '👩‍💻',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\u0085',
  '\ufeff',
  '\ufffe',
  '\uffff',
  '\x7f',
  '\x80',
  '\x9f',
  '\t',
  'a\tb',
  'a ',
  ' a',
  '  ',
  'x\r',
  'x\r\ny',
  'x\ny',
  '\r',
  '\n',
  '\0',
  '\x1b',
  'a\\b',
  '\\',
  '#',
  'trailing  ',
  '\ud800',
  '\udc00x',
  'a\u200bb',
  'a # b # c',
];

const longKey = fc.integer({ min: 995, max: 1030 }).map((n) => 'k'.repeat(n));

/** A key's text (before rendering): wild, or mostly the plain words sidecars use. */
const keyText = (wild: boolean): fc.Arbitrary<string> =>
  wild
    ? fc.oneof(
        { arbitrary: fc.constantFrom(...WORD_KEYS), weight: 8 },
        { arbitrary: fc.constantFrom(...SPECIAL_WORDS), weight: 3 },
        { arbitrary: fc.constantFrom(...NUMBER_LIKE), weight: 2 },
        { arbitrary: fc.constantFrom(...ODD_KEYS), weight: 2 },
        // Around the 1,024-character limit on implicit keys.
        { arbitrary: longKey, weight: 1 },
        { arbitrary: fc.string({ unit: 'grapheme', maxLength: 5 }), weight: 1 },
      )
    : fc.oneof(
        { arbitrary: fc.constantFrom(...WORD_KEYS), weight: 30 },
        { arbitrary: fc.constantFrom(...SPECIAL_WORDS), weight: 2 },
        { arbitrary: longKey, weight: 1 },
      );

/** A string scalar's text (before rendering). */
export const stringText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...TRICKY_STRINGS), weight: 4 },
  { arbitrary: fc.constantFrom(...SPECIAL_WORDS), weight: 2 },
  { arbitrary: fc.constantFrom(...NUMBER_LIKE), weight: 2 },
  {
    arbitrary: fc
      .array(fc.constantFrom(...TRICKY_STRINGS, ...SPECIAL_WORDS, ...NUMBER_LIKE), { minLength: 2, maxLength: 4 })
      .map((p) => p.join('')),
    weight: 2,
  },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 4 }), weight: 1 },
  { arbitrary: fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.double({ noNaN: false })).map(String), weight: 1 },
);

/** Double-quoted with escapes chosen at random (hex, named), some of them broken. */
const randomlyEscaped = (s: string): fc.Arbitrary<string> =>
  // By code point, as \U escapes go (an emoji sequence may be split: that is the point).
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: Array.from(s).length, maxLength: Array.from(s).length }).chain((choices) =>
    fc
      .constantFrom(
        '',
        '',
        '',
        '\\q',
        '\\x4',
        '\\U00110000',
        '\\uD800',
        '\\x0d',
        '\\\t',
        '\\ ',
        '\\N',
        '\\_',
        '\\L',
        '\\P',
        '\\/',
        '\\e',
        '\\0',
        '\\',
        '\\x4G',
      )
      .map((broken) => {
        const chars = Array.from(s);
        const body = chars
          .map((c, i) => {
            const code = c.codePointAt(0) ?? 0;
            const k = choices[i] ?? 0;
            if (c === '"' || c === '\\') return `\\${c}`;
            if (k === 0 && code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
            if (k === 1 && code < 0x10000) return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
            if (k === 2) return `\\U${code.toString(16).padStart(8, '0')}`;
            return c;
          })
          .join('');
        const at = choices.length === 0 ? 0 : (choices[0] ?? 0) % (body.length + 1);
        return `"${body.slice(0, at)}${broken}${body.slice(at)}"`;
      }),
  );

const singleQuoted = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/**
 * A rendered scalar. Tame: as the writer renders it, quoted, or a plain word YAML reads
 * as a null, boolean or number. Wild: also plain where that changes its meaning or breaks.
 */
const scalar = (flow: boolean, wild: boolean): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: stringText.map((s) => renderString(s, flow)), weight: wild ? 4 : 10 },
    { arbitrary: stringText, weight: wild ? 3 : 0 },
    { arbitrary: stringText.map((s) => doubleQuoted(s)), weight: 2 },
    { arbitrary: stringText.map(singleQuoted), weight: wild ? 2 : 1 },
    { arbitrary: stringText.chain(randomlyEscaped), weight: 1 },
    { arbitrary: fc.constantFrom(...NUMBER_LIKE, ...SPECIAL_WORDS, '', '""', "''"), weight: 2 },
  );

/** A one-line flow collection, mostly lists of scalars as the writer writes tags. */
const flowCollection = (wild: boolean): fc.Arbitrary<string> =>
  fc
    .record({
      items: fc.array(
        fc.oneof(
          { arbitrary: scalar(true, wild), weight: 6 },
          { arbitrary: fc.constantFrom('[a]', '[]', '{a: 1}', '{}', 'a: b', '? a', '', '&x a', '*x', '!!str a'), weight: wild ? 1 : 0 },
        ),
        { maxLength: 4 },
      ),
      sep: wild ? fc.constantFrom(', ', ',', ' , ', ',  ', ' ,') : fc.constant(', '),
      inner: wild ? fc.constantFrom('', ' ', '  ') : fc.constant(''),
      trailingComma: wild ? fc.boolean() : fc.constant(false),
      brackets: wild
        ? fc.constantFrom<[string, string]>(['[', ']'], ['[', ']'], ['[', ']'], ['{', '}'], ['[', ''], ['[', ']]'])
        : fc.constant<[string, string]>(['[', ']']),
    })
    .map(
      ({ items, sep, inner, trailingComma, brackets }) =>
        `${brackets[0]}${inner}${items.join(sep)}${trailingComma && items.length > 0 ? ',' : ''}${inner}${brackets[1]}`,
    );

/** What may follow a value on its line. */
const trailer = (wild: boolean): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.constant(''), weight: 8 },
    { arbitrary: fc.constantFrom(' # note', '  #', ' #: x', ' ', '  ', ' # "quoted', ' # - x', ' # \ufeff', ' #\u0085x'), weight: 2 },
    { arbitrary: fc.constantFrom('#no-space', '\t', ' \t# tab', '\r'), weight: wild ? 1 : 0 },
  );

export type Shape =
  | { type: 'scalar'; text: string }
  | { type: 'null' }
  | { type: 'map'; entries: { key: string; value: Shape }[] }
  | { type: 'seq'; items: Shape[] };

const renderedKey = (wild: boolean): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: keyText(wild), weight: 8 },
    { arbitrary: keyText(wild).map((k) => doubleQuoted(k)), weight: wild ? 1 : 0 },
    { arbitrary: keyText(wild).map(singleQuoted), weight: wild ? 1 : 0 },
    { arbitrary: keyText(wild).map((k) => `${k} `), weight: wild ? 1 : 0 },
  );

/** A tree of maps, lists and rendered scalars. Keys repeat often, in different casings. */
const shape = (wild: boolean): fc.Arbitrary<Shape> =>
  fc.letrec<{ node: Shape; leaf: Shape }>((tie) => ({
    leaf: fc.oneof(
      { arbitrary: scalar(false, wild).map((text): Shape => ({ type: 'scalar', text })), weight: 6 },
      { arbitrary: flowCollection(wild).map((text): Shape => ({ type: 'scalar', text })), weight: 1 },
      { arbitrary: fc.constant<Shape>({ type: 'null' }), weight: 1 },
    ),
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { arbitrary: tie('leaf'), weight: 3 },
      {
        arbitrary: fc
          .array(fc.record({ key: renderedKey(wild), value: tie('node') }), { minLength: 1, maxLength: 4 })
          .map((entries): Shape => ({ type: 'map', entries })),
        weight: 2,
      },
      { arbitrary: fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((items): Shape => ({ type: 'seq', items })), weight: 1 },
    ),
  })).node;

/** How a shape is laid out: indentation steps, spaces after dashes, comments, blank lines. */
export interface Layout {
  /** Indentation added per level, cycled through. */
  steps: number[];
  /** Spaces after a `-`, cycled through. */
  dashSpaces: number[];
  /** Lists under a key at the key's own indentation (YAML allows it), cycled through. */
  indentless: boolean[];
  /** A map or list in a list item starts on the dash's line (`- a: 1`, `- - x`), cycled through. */
  compact: boolean[];
  /** Extra lines (comments, blank or space-only lines, markers) sprinkled in, cycled through. */
  extras: string[];
  /** What follows a value on its line, cycled through. */
  trailers: string[];
}

const layout = (wild: boolean): fc.Arbitrary<Layout> =>
  fc.record({
    steps: fc.array(fc.oneof({ arbitrary: fc.constant(2), weight: 6 }, { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 2 }), {
      minLength: 1,
      maxLength: 4,
    }),
    dashSpaces: fc.array(fc.oneof({ arbitrary: fc.constant(1), weight: 6 }, { arbitrary: fc.integer({ min: 1, max: 3 }), weight: 1 }), {
      minLength: 1,
      maxLength: 3,
    }),
    indentless: fc.array(fc.boolean(), { minLength: 1, maxLength: 3 }),
    compact: fc.array(fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }), {
      minLength: 1,
      maxLength: 3,
    }),
    extras: fc.array(
      fc.oneof(
        { arbitrary: fc.constant(''), weight: 6 },
        { arbitrary: fc.constantFrom('# comment', '  # indented comment', '   ', '#', '# a: b', ' #x', '# \t'), weight: 2 },
        { arbitrary: fc.constantFrom('\t# tab', '  \t', '---', '...', '%YAML 1.2', '# \r'), weight: wild ? 1 : 0 },
      ),
      { minLength: 1, maxLength: 6 },
    ),
    trailers: fc.array(trailer(wild), { minLength: 1, maxLength: 4 }),
  });

/** The lines of a shape laid out as `lay` says. */
export function renderShape(root: Shape, lay: Layout): string[] {
  let n = 0;
  const pick = <T>(xs: readonly T[]): T => xs[n++ % xs.length] as T;
  const lines: string[] = [];
  const line = (s: string): void => {
    lines.push(s);
    // An extra line after every few lines, not after each one.
    if (lines.length % 4 === 3) lines.push(pick(lay.extras));
  };
  const pad = (k: number): string => ' '.repeat(k);
  const isDash = (head: string): boolean => head.trimEnd().endsWith('-');
  // `head` is the text before the node on its first line (``, `key:` or `- `); `indent`
  // is the column of the node's own lines when it is a block map or list.
  const emit = (node: Shape, head: string, indent: number): void => {
    if (node.type === 'scalar') {
      line(`${head}${head.endsWith(':') ? ' ' : ''}${node.text}${pick(lay.trailers)}`);
    } else if (node.type === 'null') {
      line(`${head.trimEnd()}${pick(lay.trailers)}`);
    } else if (node.type === 'map') {
      node.entries.forEach((e, i) => {
        if (i === 0 && isDash(head) && pick(lay.compact)) {
          entry(e.key, e.value, head, head.length);
        } else {
          if (i === 0 && head.trim() !== '') line(head.trimEnd());
          entry(e.key, e.value, pad(indent), indent);
        }
      });
    } else {
      node.items.forEach((item, i) => {
        if (i === 0 && isDash(head) && pick(lay.compact)) {
          listItem(item, head);
        } else {
          if (i === 0 && head.trim() !== '') line(head.trimEnd());
          listItem(item, pad(indent));
        }
      });
    }
  };
  const entry = (key: string, value: Shape, before: string, column: number): void => {
    const head = `${before}${key}:`;
    if (value.type === 'map') emit(value, head, column + pick(lay.steps));
    else if (value.type === 'seq') emit(value, head, pick(lay.indentless) ? column : column + pick(lay.steps));
    else emit(value, head, column);
  };
  const listItem = (item: Shape, before: string): void => {
    const head = `${before}-${pad(pick(lay.dashSpaces))}`;
    emit(item, head, head.length);
  };
  emit(root, '', 0);
  return lines;
}

/**
 * The lines of a document: a map at the top (as sidecars have) or, now and then,
 * anything. Wild documents have something odd almost everywhere and mostly test that the
 * fast reader declines; tame ones mostly take its path.
 */
export const documentLines = (wild: boolean): fc.Arbitrary<string[]> =>
  fc
    .tuple(
      fc.oneof(
        {
          arbitrary: fc
            .array(fc.record({ key: renderedKey(wild), value: shape(wild) }), { minLength: 1, maxLength: 5 })
            .map((entries): Shape => ({ type: 'map', entries })),
          weight: 8,
        },
        { arbitrary: shape(wild), weight: 1 },
      ),
      layout(wild),
    )
    .map(([s, lay]) => renderShape(s, lay));

/** Nesting `depth` levels deep: block maps, block lists, compact lists or flow lists. */
export const deep: fc.Arbitrary<string[]> = fc
  .record({
    depth: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 55, max: 75 }), fc.integer({ min: 100, max: 300 })),
    style: fc.constantFrom('map', 'seq', 'mixed', 'compact', 'flow'),
    step: fc.integer({ min: 1, max: 2 }),
  })
  .map(({ depth, style, step }) => {
    if (style === 'compact') return ['a:', `${'- '.repeat(depth)}x`];
    if (style === 'flow') return [`a: ${'['.repeat(depth)}x${']'.repeat(depth)}`];
    const lines: string[] = [];
    // Each level's key sits at `key`; what it holds starts `step` further in.
    let key = 0;
    for (let i = 0; i < depth; i++) {
      const asSeq = style === 'seq' || (style === 'mixed' && i % 2 === 1);
      const column = i === 0 ? 0 : key + step;
      lines.push(`${' '.repeat(column)}${asSeq ? '- k:' : 'k:'}`);
      key = asSeq ? column + 2 : column;
    }
    lines.push(`${' '.repeat(key + step)}leaf: 1`);
    return lines;
  });

/** Joins lines with the chosen line ends, with or without a final one, maybe after a BOM. */
export const withLineEnds = (lines: fc.Arbitrary<string[]>, wild: boolean): fc.Arbitrary<string> =>
  fc
    .record({
      lines,
      eol: wild ? fc.constantFrom('\n', '\r\n', '\r', 'mixed') : fc.constantFrom('\n', '\r\n', 'mixed'),
      mixed: fc.array(wild ? fc.constantFrom('\n', '\r\n', '\r') : fc.constantFrom('\n', '\r\n'), { minLength: 1, maxLength: 5 }),
      final: wild ? fc.constantFrom('eol', 'none', 'cr', 'blank', 'spaces') : fc.constantFrom('eol', 'eol', 'none', 'blank', 'spaces'),
      bom: wild ? fc.boolean() : fc.constant(false),
    })
    .map(({ lines, eol, mixed, final, bom }) => {
      const end = (i: number): string => (eol === 'mixed' ? (mixed[i % mixed.length] as string) : eol);
      let out = lines.map((l, i) => (i < lines.length - 1 ? l + end(i) : l)).join('');
      if (final === 'eol') out += end(lines.length - 1);
      else if (final === 'cr') out += '\r';
      else if (final === 'blank') out += `${end(0)}${end(1)}`;
      else if (final === 'spaces') out += `${end(0)}  `;
      return (bom ? '\ufeff' : '') + out;
    });

const NOISE = [
  ' ',
  '  ',
  '\t',
  '\r',
  '\n',
  '\r\n',
  ':',
  ': ',
  '-',
  '- ',
  '#',
  ' #',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ',',
  '\\',
  '\ufeff',
  '\u0085',
  '\u2028',
  '&',
  '*',
  '!',
  '|',
  '>',
  '?',
  '%',
  '@',
  '`',
  'a',
  '1',
  '\0',
  '\x7f',
  '~',
  '.',
];

/** The text with a few characters inserted, deleted or replaced at random places. */
export const mutated = (text: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .tuple(
      text,
      fc.array(fc.record({ at: fc.nat(), del: fc.nat(2), insert: fc.constantFrom('', ...NOISE) }), { minLength: 1, maxLength: 3 }),
    )
    .map(([t, edits]) => {
      let out = t;
      for (const e of edits) {
        const at = out.length === 0 ? 0 : e.at % (out.length + 1);
        out = out.slice(0, at) + e.insert + out.slice(at + e.del);
      }
      return out;
    });

/** A whole generated text: tame or wild lines with tame or wild line ends. */
export const yamlText = (wild: boolean): fc.Arbitrary<string> => withLineEnds(documentLines(wild), wild);
