// Do the detectors find in a PDF of a document what they find in its text? Each document
// is laid out as a report would be (A4, Helvetica, justified-width lines, long words split
// with a hyphen at line ends, a running header, "Page N of M" footers), written as a PDF
// with pdf-lib, read back through pdf.js and core/sources, and detected again. The
// reference is the text as laid out (characters the PDF's standard font cannot show
// replaced first), so what is measured is what the PDF round trip loses or adds.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { detectAll } from '../../src/core/detect';
import type { Detection } from '../../src/core/model';
import { pdfText } from '../../src/core/sources/pdfText';
import { readPdf } from '../../src/core/sources/readPdf';

const PAGE = { width: 595, height: 842, margin: 56, size: 10.5, leading: 14, paragraphGap: 10 };

export interface PdfRoundTrip {
  documents: number;
  pages: number;
  /** Documents whose extracted text is the laid-out text exactly, page breaks aside. */
  sameText: number;
  byKind: Record<'claim' | 'date' | 'control', { reference: number; found: number; matched: number }>;
  errors: string[];
}

/** The paragraphs of a plain-text document: blocks between blank lines, their lines joined. */
function paragraphsOf(text: string, font: PDFFont): string[] {
  const encodable = (c: string): boolean => {
    try {
      font.encodeText(c);
      return true;
    } catch {
      return false;
    }
  };
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n\s*\r?\n/)
    .map((block) =>
      Array.from(block.replace(/\s*\r?\n\s*/g, ' ').trim(), (c) => (/\s/.test(c) ? ' ' : encodable(c) ? c : '?'))
        .join('')
        .replace(/ {2,}/g, ' '),
    )
    .filter((p) => p !== '');
}

/** Greedy lines no wider than the column; a long word that does not fit is split with a hyphen, as typesetting does. */
function linesOf(paragraph: string, font: PDFFont, width: number): string[] {
  const fits = (s: string): boolean => font.widthOfTextAtSize(s, PAGE.size) <= width;
  const hyphenate = (line: string, word: string): { head: string; tail: string } | undefined => {
    if (!/^\p{Ll}{8,}[.,;:]?$/u.test(word)) return undefined;
    for (let cut = word.length - 4; cut >= 4; cut--) {
      const head = `${line} ${word.slice(0, cut)}-`;
      if (fits(head)) return { head, tail: word.slice(cut) };
    }
    return undefined;
  };
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (fits(next)) {
      line = next;
      continue;
    }
    const split = line === '' ? undefined : hyphenate(line, word);
    if (split) {
      lines.push(split.head);
      line = split.tail;
      continue;
    }
    if (line !== '') lines.push(line);
    line = word;
  }
  if (line !== '') lines.push(line);
  return lines;
}

export async function roundTrip(name: string, text: string): Promise<{ reference: string; extracted: string; pages: number }> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const width = PAGE.width - 2 * PAGE.margin;
  const paragraphs = paragraphsOf(text, font);
  // Lay out first: the footers say how many pages there are.
  const pages: { y: number; line: string }[][] = [[]];
  let y = PAGE.height - PAGE.margin - 30;
  for (const p of paragraphs) {
    for (const line of linesOf(p, font, width)) {
      if (y < PAGE.margin + 30) {
        pages.push([]);
        y = PAGE.height - PAGE.margin - 30;
      }
      pages[pages.length - 1]?.push({ y, line });
      y -= PAGE.leading;
    }
    y -= PAGE.paragraphGap;
  }
  pages.forEach((lines, n) => {
    const page = doc.addPage([PAGE.width, PAGE.height]);
    page.drawText(`${name} · evaluation copy`, { x: PAGE.margin, y: PAGE.height - PAGE.margin + 10, size: 8, font });
    for (const { y: at, line } of lines) page.drawText(line, { x: PAGE.margin, y: at, size: PAGE.size, font });
    page.drawText(`Page ${n + 1} of ${pages.length}`, { x: PAGE.width / 2 - 20, y: PAGE.margin - 20, size: 8, font });
  });
  const content = await readPdf(await doc.save());
  return { reference: `${paragraphs.join('\n\n')}\n`, extracted: pdfText(content.pages).text, pages: pages.length };
}

function key(d: Detection): string {
  const label = d.kind === 'claim' ? d.type : d.kind === 'date' ? d.value : d.controlId;
  return `${d.kind}|${label}|${d.text.replace(/\s+/g, ' ')}`;
}

/** Round-trips every plain-text document of the folders and compares what is detected. */
export async function scorePdfRoundTrip(folders: readonly string[]): Promise<PdfRoundTrip> {
  const out: PdfRoundTrip = {
    documents: 0,
    pages: 0,
    sameText: 0,
    byKind: {
      claim: { reference: 0, found: 0, matched: 0 },
      date: { reference: 0, found: 0, matched: 0 },
      control: { reference: 0, found: 0, matched: 0 },
    },
    errors: [],
  };
  for (const folder of folders) {
    for (const file of readdirSync(folder)
      .filter((f) => f.endsWith('.txt'))
      .sort()) {
      const { reference, extracted, pages } = await roundTrip(file, readFileSync(path.join(folder, file), 'utf8'));
      out.documents++;
      out.pages += pages;
      if (extracted.replace(/\n\f\n/g, '\n\n') === reference) out.sameText++;
      else out.errors.push(`${file}: the extracted text differs from the laid-out text`);
      const expected = new Map<string, number>();
      for (const d of detectAll(reference)) {
        out.byKind[d.kind].reference++;
        expected.set(key(d), (expected.get(key(d)) ?? 0) + 1);
      }
      for (const d of detectAll(extracted)) {
        out.byKind[d.kind].found++;
        const k = key(d);
        const left = expected.get(k) ?? 0;
        if (left > 0) {
          out.byKind[d.kind].matched++;
          expected.set(k, left - 1);
        } else out.errors.push(`${file}: only in the PDF's text: ${k}`);
      }
      for (const [k, n] of expected) if (n > 0) out.errors.push(`${file}: only in the laid-out text (${n}×): ${k}`);
    }
  }
  return out;
}
