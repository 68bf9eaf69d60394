// PDFs made by real producers (test/fixtures/sources/real: Chromium's print to PDF,
// LibreOffice Writer, groff -ms; made by scripts/fixtures/make-real-pdfs.mjs from the
// repository's own documents), read (a) as add-source reads them (pdf.js + pdfText) and
// (b) by poppler's pdftotext (default reading order, when it is installed), each against
// the document's known text (NAME.expected.txt):
//   - word error rate (edit distance over word sequences / reference words), after NFKC,
//     quotes and dashes made plain, soft hyphens dropped and bullets left aside;
//   - counts of the usual faults: words glued together, words split by a space, a line-end
//     hyphen left in ("coun- tries", "coun-tries"), a real hyphen lost ("multifactor"),
//     ligatures not read as letters, soft hyphens left in the text, lines of the
//     producer's running header/footer left in, paragraphs broken where the source has no
//     break (and of those, mid-sentence), paragraphs run together, table rows not read
//     as one run of their cells in order;
//   - what the detectors find in the extracted text against what they find in the known
//     text (as test/eval/pdf.ts: kind, label and sentence must all agree).
// Run: npm run eval -- --corpus pdf-real   or, compiled, node out/test/eval/pdfReal.js [--examples]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { detectAll } from '../../src/core/detect';
import type { Detection } from '../../src/core/model';
import { pdfText } from '../../src/core/sources/pdfText';
import { readPdf } from '../../src/core/sources/readPdf';
import { REPOSITORY } from './shared';

export const REAL_PDFS = path.join(REPOSITORY, 'test', 'fixtures', 'sources', 'real');

interface Fixture {
  name: string;
  pdf: string;
  expected: string;
  producer: string;
  furniture: RegExp[];
  tableRows: string[][];
}

export interface Measure {
  words: number;
  wer: number;
  /** Reference words not in the extracted text at all (a bag difference): text lost, not only moved. */
  lost: number;
  glued: number;
  split: number;
  hyphenLeft: number;
  hyphenLost: number;
  ligature: number;
  softHyphens: number;
  furniture: number;
  breaks: number;
  midSentence: number;
  merged: number;
  rowsIntact: number;
  rows: number;
  detections: Record<'claim' | 'date' | 'control', { reference: number; found: number; matched: number }>;
  examples: Record<string, string[]>;
}

export function loadFixtures(dir = REAL_PDFS): Fixture[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -4);
      const meta = JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8')) as {
        producer: string;
        furniture: string[];
        tableRows: string[][];
      };
      return {
        name,
        pdf: path.join(dir, f),
        expected: readFileSync(path.join(dir, `${name}.expected.txt`), 'utf8'),
        producer: meta.producer,
        // Unanchored: a header line run into a paragraph counts too.
        furniture: meta.furniture.map((re) => new RegExp(re.replace(/^\^|\$$/g, ''), 'g')),
        tableRows: meta.tableRows,
      };
    });
}

// ---------------------------------------------------------------- the extractors
export async function ours(pdf: string): Promise<string> {
  const content = await readPdf(new Uint8Array(readFileSync(pdf)));
  return pdfText(content.pages).text;
}

/** pdftotext's version line ("pdftotext version 22.12.0"), or undefined when it is not installed. */
export function pdftotextVersion(): string | undefined {
  const run = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  if (run.error) return undefined;
  return `${run.stderr}${run.stdout}`.split('\n')[0]?.trim();
}

/**
 * pdftotext in its default mode (reading order, not -layout): a line per line of print,
 * blocks separated by a blank line, pages by a form feed. Made comparable with the least
 * work: the lines of a block joined by a space (poppler has already joined what it takes
 * for a word split by a hyphen), a block a paragraph, a page break a form feed line.
 */
export function popplerText(pdf: string, layout = false): string {
  const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', ...(layout ? ['-layout'] : []), pdf, '-'], { encoding: 'utf8' });
  return raw
    .split('\f')
    .map((page) =>
      page
        .split(/\n\s*\n/)
        .map((block) => block.replace(/\s*\n\s*/g, ' ').trim())
        .filter(Boolean)
        .join('\n\n'),
    )
    .filter(Boolean)
    .join('\n\f\n');
}

// ---------------------------------------------------------------- words
/** What a reader compares: NFKC (ligatures as letters), plain quotes and dashes, soft hyphens and invisible characters gone. */
function plain(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}

const BULLET = /^[•◦▪●·*-]$/;

interface Words {
  words: string[];
  /** Word indexes that start a paragraph. */
  starts: Set<number>;
}

function wordsOf(text: string): Words {
  const words: string[] = [];
  const starts = new Set<number>();
  for (const paragraph of plain(text).split(/\n\s*\n|\f/)) {
    const ws = paragraph.split(/\s+/).filter((w) => w !== '' && !BULLET.test(w));
    if (ws.length === 0) continue;
    starts.add(words.length);
    words.push(...ws);
  }
  return { words, starts };
}

/** Edit distance over words, and the pairs of matched words (reference index → extracted index). */
function align(a: readonly string[], b: readonly string[]): { distance: number; matched: Map<number, number> } {
  const n = a.length;
  const m = b.length;
  const d = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number): number => i * (m + 1) + j;
  for (let i = 0; i <= n; i++) d[at(i, 0)] = i;
  for (let j = 0; j <= m; j++) d[at(0, j)] = j;
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++) {
      const sub = (d[at(i - 1, j - 1)] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      d[at(i, j)] = Math.min(sub, (d[at(i - 1, j)] as number) + 1, (d[at(i, j - 1)] as number) + 1);
    }
  const matched = new Map<number, number>();
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    if (a[i - 1] === b[j - 1] && d[at(i, j)] === d[at(i - 1, j - 1)]) {
      matched.set(i - 1, j - 1);
      i--;
      j--;
    } else if (d[at(i, j)] === (d[at(i - 1, j - 1)] as number) + 1) {
      i--;
      j--;
    } else if (d[at(i, j)] === (d[at(i - 1, j)] as number) + 1) i--;
    else j--;
  }
  return { distance: d[at(n, m)] as number, matched };
}

function key(d: Detection): string {
  const label = d.kind === 'claim' ? d.type : d.kind === 'date' ? d.value : d.controlId;
  return `${d.kind}|${label}|${d.text.replace(/\s+/g, ' ')}`;
}

const LIGATURE_SEQ = /ffi|ffl|ff|fi|fl/g;

export function measure(fixture: Fixture, extracted: string): Measure {
  const ref = wordsOf(fixture.expected);
  const ext = wordsOf(extracted);
  const vocab = new Set(ref.words);
  const bigrams = new Set(ref.words.slice(1).map((w, k) => `${ref.words[k]} ${w}`));
  const unhyphenated = new Map(ref.words.filter((w) => w.includes('-')).map((w) => [w.replace(/-/g, ''), w]));
  const withoutLigatures = new Map<string, string>();
  for (const w of vocab) if (LIGATURE_SEQ.test(w)) withoutLigatures.set(w.replace(LIGATURE_SEQ, ''), w);
  const examples: Record<string, string[]> = {};
  const example = (kind: string, s: string): void => {
    (examples[kind] ??= []).push(s);
  };
  const m: Measure = {
    words: ref.words.length,
    wer: 0,
    lost: 0,
    glued: 0,
    split: 0,
    hyphenLeft: 0,
    hyphenLost: 0,
    ligature: 0,
    softHyphens: (extracted.match(/\u00ad/g) ?? []).length,
    furniture: 0,
    breaks: 0,
    midSentence: 0,
    merged: 0,
    rowsIntact: 0,
    rows: fixture.tableRows.length,
    detections: {
      claim: { reference: 0, found: 0, matched: 0 },
      date: { reference: 0, found: 0, matched: 0 },
      control: { reference: 0, found: 0, matched: 0 },
    },
    examples,
  };
  const { distance, matched } = align(ref.words, ext.words);
  m.wer = distance / Math.max(1, ref.words.length);
  const bag = new Map<string, number>();
  for (const t of ext.words) bag.set(t, (bag.get(t) ?? 0) + 1);
  for (const t of ref.words) {
    const n = bag.get(t) ?? 0;
    if (n > 0) bag.set(t, n - 1);
    else m.lost++;
  }

  // Word faults, told apart by what the extracted word is against the reference's words.
  const w = ext.words;
  for (let j = 0; j < w.length; j++) {
    const t = w[j] as string;
    const next = w[j + 1];
    if (next !== undefined) {
      const pair = `${t} ${next}`;
      if (t.endsWith('-') && vocab.has(t.slice(0, -1) + next) && !bigrams.has(pair)) {
        m.hyphenLeft++;
        example('hyphen left', pair);
        continue;
      }
      if (!bigrams.has(pair) && vocab.has(t + next) && (!vocab.has(t) || !vocab.has(next))) {
        m.split++;
        example('split', pair);
        continue;
      }
    }
    if (vocab.has(t)) continue;
    if (/[\ufb00-\ufb06\ufffd\ue000-\uf8ff]/.test(t) || withoutLigatures.has(t)) {
      m.ligature++;
      example('ligature', t);
    } else if (/\p{L}-\p{Ll}/u.test(t) && vocab.has(t.replace('-', ''))) {
      m.hyphenLeft++;
      example('hyphen left', t);
    } else if (unhyphenated.has(t)) {
      m.hyphenLost++;
      example('hyphen lost', `${t} (${unhyphenated.get(t)})`);
    } else {
      for (let k = 1; k < t.length; k++)
        if (bigrams.has(`${t.slice(0, k)} ${t.slice(k)}`)) {
          m.glued++;
          example('glued', t);
          break;
        }
    }
  }
  // Raw ligature characters NFKC would hide.
  const raw = (extracted.match(/[\ufb00-\ufb06]/g) ?? []).length;
  if (raw > 0) {
    m.ligature += raw;
    example('ligature', `${raw} ligature characters`);
  }

  for (const re of fixture.furniture) {
    const inExt = extracted.match(re) ?? [];
    const inRef = fixture.expected.match(re) ?? [];
    const left = Math.max(0, inExt.length - inRef.length);
    m.furniture += left;
    if (left > 0) example('furniture', inExt.slice(0, 2).join(' / '));
  }

  // Paragraph breaks, through the alignment.
  const refOf = new Map<number, number>();
  for (const [i, j] of matched) refOf.set(j, i);
  const sentenceEnd = (s: string | undefined): boolean => s === undefined || /[.!?:;"')\]]$|^\d+$/.test(s);
  for (const j of ext.starts) {
    if (j === 0) continue;
    // The first matched word of the paragraph.
    let k = j;
    while (k < w.length && !refOf.has(k) && !ext.starts.has(k + 1)) k++;
    const i = refOf.get(k);
    if (i === undefined || k !== j) continue;
    if (!ref.starts.has(i)) {
      m.breaks++;
      if (!sentenceEnd(ref.words[i - 1])) {
        m.midSentence++;
        example('mid-sentence break', `${ref.words.slice(Math.max(0, i - 3), i).join(' ')} ¶ ${ref.words.slice(i, i + 3).join(' ')}`);
      }
    }
  }
  for (const i of ref.starts) {
    const j = matched.get(i);
    if (i === 0 || j === undefined) continue;
    if (!ext.starts.has(j) && matched.get(i - 1) === j - 1) {
      m.merged++;
      example('merged', `${ref.words.slice(Math.max(0, i - 3), i).join(' ')} + ${ref.words.slice(i, i + 3).join(' ')}`);
    }
  }

  // Table rows: the row's words in order, one run.
  const joined = ` ${w.join(' ')} `;
  for (const row of fixture.tableRows) {
    const words = plain(row.join(' ')).split(/\s+/).filter(Boolean);
    if (joined.includes(` ${words.join(' ')} `)) m.rowsIntact++;
    else example('table row', row.join(' | '));
  }

  // The detectors on both texts.
  const expected = new Map<string, number>();
  for (const d of detectAll(fixture.expected)) {
    m.detections[d.kind].reference++;
    expected.set(key(d), (expected.get(key(d)) ?? 0) + 1);
  }
  for (const d of detectAll(extracted)) {
    m.detections[d.kind].found++;
    const k = key(d);
    const left = expected.get(k) ?? 0;
    if (left > 0) {
      m.detections[d.kind].matched++;
      expected.set(k, left - 1);
    } else example('detection only in PDF text', k.slice(0, 140));
  }
  for (const [k, n] of expected) if (n > 0) example('detection only in known text', k.slice(0, 140));
  return m;
}

// ---------------------------------------------------------------- the table
const pct = (x: number): string => x.toFixed(3);
const pr = (b: { reference: number; found: number; matched: number }): string =>
  `${pct(b.matched / Math.max(1, b.found))}/${pct(b.matched / Math.max(1, b.reference))}`;

const HEAD = [
  'pdf',
  'reader',
  'words',
  'WER',
  'not found',
  'glued',
  'split',
  'hyph-left',
  'hyph-lost',
  'lig',
  'shy',
  'furniture',
  'breaks (mid-sent.)',
  'merged',
  'rows intact',
  'claims P/R',
  'dates P/R',
  'controls P/R',
];

function row(name: string, reader: string, m: Measure): string[] {
  return [
    name,
    reader,
    String(m.words),
    pct(m.wer),
    String(m.lost),
    String(m.glued),
    String(m.split),
    String(m.hyphenLeft),
    String(m.hyphenLost),
    String(m.ligature),
    String(m.softHyphens),
    String(m.furniture),
    `${m.breaks} (${m.midSentence})`,
    String(m.merged),
    m.rows === 0 ? '–' : `${m.rowsIntact}/${m.rows}`,
    pr(m.detections.claim),
    pr(m.detections.date),
    pr(m.detections.control),
  ];
}

function sum(ms: Measure[]): Measure {
  const total = measureZero();
  for (const m of ms) {
    for (const k of [
      'words',
      'lost',
      'glued',
      'split',
      'hyphenLeft',
      'hyphenLost',
      'ligature',
      'softHyphens',
      'furniture',
      'breaks',
      'midSentence',
      'merged',
      'rowsIntact',
      'rows',
    ] as const)
      total[k] += m[k];
    total.wer += m.wer * m.words;
    for (const kind of ['claim', 'date', 'control'] as const)
      for (const f of ['reference', 'found', 'matched'] as const) total.detections[kind][f] += m.detections[kind][f];
  }
  total.wer /= Math.max(1, total.words);
  return total;
}

function measureZero(): Measure {
  return {
    words: 0,
    wer: 0,
    lost: 0,
    glued: 0,
    split: 0,
    hyphenLeft: 0,
    hyphenLost: 0,
    ligature: 0,
    softHyphens: 0,
    furniture: 0,
    breaks: 0,
    midSentence: 0,
    merged: 0,
    rowsIntact: 0,
    rows: 0,
    detections: {
      claim: { reference: 0, found: 0, matched: 0 },
      date: { reference: 0, found: 0, matched: 0 },
      control: { reference: 0, found: 0, matched: 0 },
    },
    examples: {},
  };
}

/** Measures every fixture with every reader available and prints a Markdown table (and, with examples, each fault found). */
export async function printRealPdfs(examples: boolean, log: (s: string) => void = console.log): Promise<void> {
  const fixtures = loadFixtures();
  if (fixtures.length === 0) {
    log(`Real PDFs: NOT EVALUATED: no fixtures in ${REAL_PDFS}`);
    return;
  }
  const popplerVersion = pdftotextVersion();
  const poppler = popplerVersion !== undefined;
  const pdfjsVersion = (JSON.parse(readFileSync(require.resolve('pdfjs-dist/package.json'), 'utf8')) as { version: string }).version;
  log('PDFs from real producers (test/fixtures/sources/real), against their known text:');
  log(
    `ours = add-source (pdfjs-dist ${pdfjsVersion} + src/core/sources/pdfText.ts); pdftotext = poppler (${popplerVersion ?? 'NOT MEASURED: not installed'}), default reading order, lines of a block joined`,
  );
  log('');
  const rows: string[][] = [];
  const all: Record<string, Measure[]> = {};
  for (const f of fixtures) {
    const readers: [string, () => Promise<string> | string][] = [['ours', () => ours(f.pdf)]];
    if (poppler) readers.push(['pdftotext', () => popplerText(f.pdf)], ['pdftotext -layout', () => popplerText(f.pdf, true)]);
    for (const [reader, read] of readers) {
      const m = measure(f, await read());
      (all[reader] ??= []).push(m);
      rows.push(row(f.name, reader, m));
      if (examples && reader !== 'pdftotext -layout')
        for (const [kind, list] of Object.entries(m.examples))
          log(
            `  ${f.name} / ${reader} / ${kind} (${list.length}): ${list
              .slice(0, 6)
              .map((s) => JSON.stringify(s))
              .join('  ')}`,
          );
    }
  }
  for (const [reader, ms] of Object.entries(all)) rows.push(row('ALL', reader, sum(ms)));
  if (examples) log('');
  log(`| ${HEAD.join(' | ')} |`);
  log(`| ${HEAD.map(() => '---').join(' | ')} |`);
  for (const r of rows) log(`| ${r.join(' | ')} |`);
  log('');
  log('pdftotext -layout keeps the page’s columns side by side on one line: only its WER means anything.');
  log('');
}

if (require.main === module) void printRealPdfs(process.argv.includes('--examples'));
