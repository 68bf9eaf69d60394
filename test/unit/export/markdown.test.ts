// The Markdown report read by a Markdown renderer (markdown-it, CommonMark with GFM tables
// and strikethrough, HTML on as on GitHub): escaped text renders as exactly the original
// text in each place the report puts text, and nothing is escaped that would not change
// the rendering.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import fc from 'fast-check';
import { escapeMarkdown, exportMarkdown, type MarkdownContext } from '../../../src/core/export/markdown';
import { annotationsToExport } from '../../../src/core/export/select';
import { allDocuments, trickyDocument } from './documents';

const md = new MarkdownIt({ html: true });
type Token = ReturnType<MarkdownIt['parse']>[number];

/**
 * The rendering as a list: block tokens by type, inline content as `text:` runs (line
 * breaks as `\n`), and any inline construct (emphasis, link, HTML, code) by its type.
 */
function rendering(src: string): string[] {
  const out: string[] = [];
  const text = (t: string): void => {
    const last = out[out.length - 1];
    if (last?.startsWith('text:') === true) out[out.length - 1] = last + t;
    else out.push(`text:${t}`);
  };
  for (const tok of md.parse(src, {})) {
    if (tok.type !== 'inline') {
      out.push(tok.type);
      continue;
    }
    for (const c of tok.children ?? []) {
      if (c.type === 'text') text(c.content);
      else if (c.type === 'softbreak') text('\n');
      else out.push(c.type);
    }
  }
  return out;
}

/** What the report promises to show: the text on one line, without spaces at the ends. */
function shown(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').trim();
}

const PLACEHOLDERS = ['XPLACEHOLDERAX', 'XPLACEHOLDERBX'] as const;

/**
 * Renders the template with the escaped texts and with placeholders: the two must give
 * the same structure, the placeholders' text being exactly the shown texts.
 */
function checkRendering(template: (...xs: string[]) => string, context: MarkdownContext, inputs: string[]): void {
  // An empty text leaves no text token at all: the same as an empty one.
  const actual = rendering(template(...inputs.map((x) => escapeMarkdown(x, context)))).filter((t) => t !== 'text:');
  const expected = rendering(template(...PLACEHOLDERS.slice(0, inputs.length)))
    .map((t) => inputs.reduce((s, x, i) => s.split(PLACEHOLDERS[i] as string).join(shown(x)), t))
    .filter((t) => t !== 'text:');
  assert.deepEqual(actual, expected, JSON.stringify(inputs));
}

/** Markdown's hazards, and ordinary text, to build test strings from. */
const PIECES = [
  '*',
  '**',
  '_',
  '__',
  '~',
  '~~',
  '`',
  '```',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '#',
  '##',
  '+',
  '-',
  '---',
  '=',
  '===',
  '.',
  '!',
  '|',
  '&',
  ';',
  ':',
  '\\',
  ' ',
  '  ',
  '\t',
  '\n',
  'a',
  'B',
  '1',
  '10',
  '0',
  'é',
  '😀',
  '\u00a0',
  '"',
  "'",
  '{',
  '}',
  '$',
  '%',
  '^',
  '/',
  '?',
  ',',
  '&amp;',
  '&#35;',
  '&copy;',
  ':smile:',
  '<b>',
  '</b>',
  '<!--',
  '<?x',
  'http://x.y',
  '<a@b.c>',
  '1.',
  '1)',
  '2024-06-10',
  'foo_bar',
  'x*y',
  '[^1]',
  '![i](u)',
  '[t]: /u',
];
const hazardous = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(''));

const TEMPLATES: [MarkdownContext, (...xs: string[]) => string][] = [
  ['heading', (x = '') => `# Title\n\n## ${x}\n\nText.\n`],
  ['table-cell', (x = '') => `| Control | ${x} |\n|---|---:|\n| ${x} (\`iso\`) | 1 |\n`],
  // A list item's fields, between Marginalia's own emphasis and separators.
  ['inline', (x = '') => `- **claim** · ${x} · *verified* by ${x}, 2026-11-25 · line 3 · speaker: ${x} · end\n  > quote\n`],
  ['inline', (x = '') => `- **${x}** · label · *open* · line 1\n  > quote\n`],
  // Quoted lines: each starts a line inside the item's blockquote.
  ['line', (x = '', y = '') => `- **claim** · *open* · line 1\n  > ${x}\n  > ${y}\n\n  The note.\n`],
];

test('escaped text renders as exactly itself in each place the report puts text (markdown-it, random hazards)', () => {
  for (const [context, template] of TEMPLATES) {
    fc.assert(
      fc.property(hazardous, hazardous, (x, y) => {
        // Nothing to show changes the spacing or structure around it (an empty cell, `****`,
        // a blank quoted line), which the report does not rely on: those are left out.
        if (shown(x) === '' || shown(y) === '') return;
        checkRendering(template, context, template.length >= 2 ? [x, y] : [x]);
      }),
      { numRuns: 1500 },
    );
  }
});

test('escapeMarkdown escapes only what would change the rendering, in each context', () => {
  // File names and dates as they are: an `_` inside a word and a `.` mid-line render as themselves.
  for (const context of ['inline', 'heading', 'table-cell', 'line'] as const) {
    assert.equal(escapeMarkdown('corpus/000_f02a0cebb3b37a29.txt', context), 'corpus/000_f02a0cebb3b37a29.txt');
    assert.equal(escapeMarkdown('000.txt', context), '000.txt');
    assert.equal(escapeMarkdown('2024-06-10', context), '2024-06-10');
  }
  assert.equal(escapeMarkdown('a *b* [c](d) <e> | f_g _h_', 'table-cell'), 'a \\*b\\* \\[c](d) \\<e> \\| f_g \\_h\\_');
  assert.equal(escapeMarkdown('a | b', 'inline'), 'a | b', 'a pipe only matters in a table (or a quote that could become one)');
  assert.equal(escapeMarkdown('a | b', 'line'), 'a \\| b');
  assert.equal(escapeMarkdown('5 * 3 = 15', 'inline'), '5 * 3 = 15');
  assert.equal(escapeMarkdown('AT&T &amp; co', 'inline'), 'AT&T \\&amp; co');
  assert.equal(escapeMarkdown('1. item', 'inline'), '1. item');
  assert.equal(escapeMarkdown('1. item', 'line'), '1\\. item');
  assert.equal(escapeMarkdown('- item', 'line'), '\\- item');
  assert.equal(escapeMarkdown('# not a heading', 'line'), '\\# not a heading');
  assert.equal(escapeMarkdown('===', 'line'), '\\===');
  assert.equal(escapeMarkdown('C# and F#', 'heading'), 'C# and F#');
  assert.equal(escapeMarkdown('Issue #', 'heading'), 'Issue \\#');
  assert.equal(escapeMarkdown('  two\nlines  ', 'inline'), 'two lines');
});

test('the report renders each document path, quote and label as written', (t) => {
  const tricky = trickyDocument();
  const named = { ...tricky, path: 'x/000_f02a0cebb3b37a29 [draft].txt' };
  const docs = [...allDocuments(t), named];
  const report = exportMarkdown(docs, { controlTitle: (id) => (id === 'iso-27001' ? 'ISO/IEC 27001' : undefined) }).files[0]!
    .contents as string;
  assert.ok(report.includes('## x/000_f02a0cebb3b37a29 \\[draft].txt\n'), 'only the bracket is escaped');
  const tokens = md.parse(report, {});
  const inlineAfter = (i: number): Token => tokens[i + 1] as Token;
  const plain = (t: Token): string | undefined => {
    const kids = t.children ?? [];
    return kids.every((c) => c.type === 'text' || c.type === 'softbreak')
      ? kids.map((c) => (c.type === 'text' ? c.content : '\n')).join('')
      : undefined;
  };
  const headings = tokens.flatMap((t, i) => (t.type === 'heading_open' && t.tag === 'h2' ? [plain(inlineAfter(i))] : []));
  for (const doc of docs) assert.ok(headings.includes(doc.path), doc.path);
  const headerCells = tokens.flatMap((t, i) => (t.type === 'th_open' ? [plain(inlineAfter(i))] : []));
  assert.deepEqual(headerCells, ['Control', ...docs.map((d) => d.path)]);
  // Each quote's lines, paragraph by paragraph, as the blockquotes under the items show them.
  const quoted = new Set<string | undefined>();
  let depth = 0;
  tokens.forEach((t, i) => {
    if (t.type === 'blockquote_open') depth++;
    if (t.type === 'blockquote_close') depth--;
    if (depth > 0 && t.type === 'paragraph_open') quoted.add(plain(inlineAfter(i)));
  });
  for (const doc of docs) {
    for (const a of annotationsToExport(doc, {})) {
      for (const paragraph of a.quote
        .split(/\r\n|\r|\n/)
        .map((l) => l.trim())
        .join('\n')
        .split(/\n{2,}/)) {
        if (paragraph !== '') assert.ok(quoted.has(paragraph), `${doc.path} ${a.id}: ${JSON.stringify(paragraph)}`);
      }
    }
  }
  // Labels and speakers: the list items' text between Marginalia's separators.
  const items = tokens
    .filter((t) => t.type === 'inline' && t.content.startsWith('**'))
    .map((t) =>
      (t.children ?? [])
        .filter((c) => c.type === 'text')
        .map((c) => c.content)
        .join(''),
    );
  assert.ok(
    items.some((i) => i.startsWith('quote check · needs source · ')),
    'the label with a space, unescaped',
  );
  assert.ok(items.some((i) => i.includes(' · speaker: the CEO')));
});
