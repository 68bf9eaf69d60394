// `marginalia add-source`: a PDF made a text source with its provenance and page map; a
// corrected PDF added again re-anchors what was annotated; a scanned PDF and a file that
// is not a PDF are refused with a reason, and nothing is written for them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { parseSidecar } from '../../../src/core/sidecar/read';
import { sha256HexOfBytes } from '../../../src/core/sidecar/sha256';
import { pageOf } from '../../../src/core/sources/pdfSource';
import { OffsetMap } from '../../../src/core/text/offsets';
import { codePointSlice, run, tempDir } from './fixtures/helpers';

const FIXTURES = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'sources');

/** A letter of two pages; `preface` adds a paragraph at the top of the first (a corrected version). */
async function letter(preface: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.setCreationDate(new Date('2025-05-02T10:00:00Z'));
  const one = doc.addPage([595, 842]);
  let y = 760;
  if (preface) {
    one.drawText('Correction: an earlier version of this letter gave the wrong audit firm.', { x: 56, y, size: 11, font });
    y -= 40;
  }
  one.drawText('We will complete our SOC 2 Type II audit by September 2025.', { x: 56, y, size: 11, font });
  const two = doc.addPage([595, 842]);
  two.drawText('We have never sold customer data to advertisers or brokers.', { x: 56, y: 760, size: 11, font });
  return doc.save();
}

test('add-source writes the text beside the PDF and a sidecar with its provenance and page map', async () => {
  const dir = tempDir();
  const pdf = path.join(dir, 'report.pdf');
  copyFileSync(path.join(FIXTURES, 'report.pdf'), pdf);
  const r = await run(['add-source', pdf]);
  assert.equal(r.status, 0, r.err.join('\n'));
  assert.match(r.out, /report\.pdf → .*report\.pdf\.txt: 3 pages, 657 characters; left out 6 header, footer or page number lines/);
  const text = readFileSync(`${pdf}.txt`, 'utf8');
  assert.equal(text, readFileSync(path.join(FIXTURES, 'report.pdf.expected.txt'), 'utf8'));
  const sidecar = parseSidecar(readFileSync(`${pdf}.txt.annotations.yaml`, 'utf8'), 'report.pdf.txt.annotations.yaml', text);
  assert.deepEqual(sidecar.errors, []);
  const source = sidecar.sidecar?.source;
  assert.ok(source);
  assert.equal(source.file, 'report.pdf.txt');
  assert.equal(source.original, 'report.pdf');
  assert.equal(source.originalSha256, sha256HexOfBytes(new Uint8Array(readFileSync(pdf))));
  assert.equal(source.originalType, 'pdf');
  assert.equal(source.title, 'Tessaline Transparency Report 2025');
  assert.equal(source.published, '2025-03-03', 'the PDF’s own date, the text having no date line');
  assert.match(source.added ?? '', /^\d{4}-\d{2}-\d{2}$/);
  assert.deepEqual(source.pages, [0, 309, 574]);
  // What was left out of the text is kept, page by page: printed numbers and the running header.
  assert.deepEqual(source.pageLabels, ['1', '2', '3']);
  assert.deepEqual(source.headers, Array(3).fill('Tessaline Payroll · Transparency Report 2025'));
  assert.equal(source.footers, undefined);
  const offsets = new OffsetMap(text);
  const codePoints = (s: string): number => offsets.toCodePoint(text.indexOf(s));
  assert.equal(pageOf(source, codePoints('SOC 2')), 1);
  assert.equal(pageOf(source, codePoints('Irish')), 2);
  assert.equal(pageOf(source, codePoints('Figures as of')), 3);
});

test('--out puts the text elsewhere, naming the original relative to it', async () => {
  const dir = tempDir();
  copyFileSync(path.join(FIXTURES, 'report.pdf'), path.join(dir, 'report.pdf'));
  const r = await run(['add-source', '--out', path.join(dir, 'texts'), path.join(dir, 'report.pdf')]);
  assert.equal(r.status, 0, r.err.join('\n'));
  const yaml = readFileSync(path.join(dir, 'texts', 'report.pdf.txt.annotations.yaml'), 'utf8');
  assert.match(yaml, /\n {2}original: "\.\.\/report\.pdf"\n/);
});

test('a corrected PDF added again: the text is new, the annotations are found again, a date set by hand is kept', async () => {
  const dir = tempDir();
  const pdf = path.join(dir, 'letter.pdf');
  writeFileSync(pdf, await letter(false));
  assert.equal((await run(['add-source', pdf])).status, 0);
  const detected = await run(['detect', '--write', `${pdf}.txt`]);
  assert.equal(detected.status, 0, detected.err.join('\n'));
  const sidecarPath = `${pdf}.txt.annotations.yaml`;
  writeFileSync(sidecarPath, readFileSync(sidecarPath, 'utf8').replace('published: "2025-05-02"', 'published: "2025-05-01"'));
  const before = parseSidecar(readFileSync(sidecarPath, 'utf8'), 'x', readFileSync(`${pdf}.txt`, 'utf8')).sidecar;
  assert.ok(before && before.annotations.length >= 4, 'claims, a control and a date stored');

  writeFileSync(pdf, await letter(true));
  const again = await run(['add-source', pdf]);
  assert.equal(again.status, 0, again.err.join('\n'));
  assert.match(again.out, new RegExp(`annotations found again: ${before.annotations.length} in place, 0 by similarity, 0 orphaned`));
  const text = readFileSync(`${pdf}.txt`, 'utf8');
  assert.match(text, /^Correction: /);
  const after = parseSidecar(readFileSync(sidecarPath, 'utf8'), 'x', text).sidecar;
  assert.ok(after);
  assert.equal(after.source.published, '2025-05-01', 'the date set by hand');
  assert.equal(after.source.originalSha256, sha256HexOfBytes(new Uint8Array(readFileSync(pdf))));
  for (const a of after.annotations) {
    assert.equal(codePointSlice(text, a.start, a.end), a.quote, `${a.quote} where it now is`);
    assert.notEqual(a.orphaned, true);
  }
  const soc = after.annotations.find((a) => a.quote === 'SOC 2 Type II');
  assert.ok(
    soc && soc.start > (before.annotations.find((a) => a.quote === 'SOC 2 Type II')?.start ?? Infinity),
    'moved down by the correction',
  );
  assert.equal(pageOf(after.source, after.annotations.find((a) => a.quote.startsWith('We have never sold'))?.start ?? -1), 2);
});

test('a scanned PDF and a file that is not a PDF are refused with a reason; nothing is written for them', async () => {
  const dir = tempDir();
  copyFileSync(path.join(FIXTURES, 'scanned.pdf'), path.join(dir, 'scanned.pdf'));
  writeFileSync(path.join(dir, 'fake.pdf'), 'this is not a PDF');
  copyFileSync(path.join(FIXTURES, 'report.pdf'), path.join(dir, 'report.pdf'));
  const r = await run(['add-source', path.join(dir, 'scanned.pdf'), path.join(dir, 'fake.pdf'), path.join(dir, 'report.pdf')]);
  assert.equal(r.status, 1);
  assert.match(r.err.join('\n'), /scanned\.pdf: no text layer in its 1 page \(a scanned document\?\); run it through OCR first/);
  assert.match(r.err.join('\n'), /fake\.pdf: it could not be read as a PDF/);
  assert.ok(!existsSync(path.join(dir, 'scanned.pdf.txt')) && !existsSync(path.join(dir, 'fake.pdf.txt')));
  assert.ok(existsSync(path.join(dir, 'report.pdf.txt')), 'the good one is added all the same');
});

test('a saved web page: its article text and its metadata, no pages', async () => {
  const dir = tempDir();
  copyFileSync(path.join(FIXTURES, 'breach-story.html'), path.join(dir, 'breach-story.html'));
  const r = await run(['add-source', path.join(dir, 'breach-story.html')]);
  assert.equal(r.status, 0, r.err.join('\n'));
  assert.match(r.out, /breach-story\.html → .*breach-story\.html\.txt: \d+ characters$/m);
  const text = readFileSync(path.join(dir, 'breach-story.html.txt'), 'utf8');
  assert.equal(text, readFileSync(path.join(FIXTURES, 'breach-story.html.expected.txt'), 'utf8'));
  const source = parseSidecar(readFileSync(path.join(dir, 'breach-story.html.txt.annotations.yaml'), 'utf8'), 'x', text).sidecar?.source;
  assert.deepEqual(
    { ...source, sha256: undefined, originalSha256: undefined, added: undefined },
    {
      file: 'breach-story.html.txt',
      sha256: undefined,
      published: '2025-04-09',
      original: 'breach-story.html',
      originalSha256: undefined,
      originalType: 'html',
      title: 'Tessaline Payroll tells regulator of breach affecting 40,000 workers',
      added: undefined,
      author: 'Mara Quintal',
      url: 'https://news.example.org/2025/04/tessaline-payroll-breach-regulator.html',
    },
  );
  const refused = await run(['add-source', path.join(dir, 'notes.docx')]);
  assert.equal(refused.status, 1);
  assert.match(refused.err.join('\n'), /notes\.docx: not a PDF or a saved web page/);
});

test('export --format refi-qda carries the PDF as the source while it is the one the text was made from', async () => {
  const dir = tempDir();
  const pdf = path.join(dir, 'letter.pdf');
  writeFileSync(pdf, await letter(false));
  assert.equal((await run(['add-source', pdf])).status, 0);
  assert.equal((await run(['detect', '--write', `${pdf}.txt`])).status, 0);
  const qdpx = path.join(dir, 'out.qdpx');
  const exported = await run(['export', '--format', 'refi-qda', '--include-suggestions', '--out', qdpx, `${pdf}.txt`]);
  assert.equal(exported.status, 0, exported.err.join('\n'));
  const zip = unzipSync(new Uint8Array(readFileSync(qdpx)));
  const qde = strFromU8(zip['project.qde'] ?? new Uint8Array());
  assert.match(qde, /<PDFSource [^>]*name="letter\.pdf"[^>]*>\s*<Representation [^>]*name="letter\.pdf\.txt"/);
  const entry = Object.keys(zip).find((k) => k.endsWith('.pdf'));
  assert.ok(entry);
  assert.deepEqual(zip[entry], new Uint8Array(readFileSync(pdf)));

  // The PDF replaced and not added again: the text goes out alone, and the user is told why.
  writeFileSync(pdf, await letter(true));
  const again = await run(['export', '--format', 'refi-qda', '--include-suggestions', '--out', qdpx, `${pdf}.txt`]);
  assert.equal(again.status, 0, again.err.join('\n'));
  assert.match(again.err.join('\n'), /letter\.pdf\.txt: letter\.pdf changed since the text was made from it/);
  const alone = unzipSync(new Uint8Array(readFileSync(qdpx)));
  assert.doesNotMatch(strFromU8(alone['project.qde'] ?? new Uint8Array()), /PDFSource/);
  assert.equal(Object.keys(alone).filter((k) => k.endsWith('.pdf')).length, 0);
});

test('a file of the text’s name not made from that original, or beside an invalid sidecar, is left byte for byte; the others are added', async () => {
  const dir = tempDir();
  copyFileSync(path.join(FIXTURES, 'report.pdf'), path.join(dir, 'report.pdf'));
  // The researcher's own notes under the name the text would take.
  writeFileSync(path.join(dir, 'report.pdf.txt'), 'my own notes\n');
  // A text made from another report.pdf, collected into the same folder.
  const other = path.join(dir, 'other');
  mkdirSync(other);
  copyFileSync(path.join(FIXTURES, 'report.pdf'), path.join(other, 'report.pdf'));
  const texts = path.join(dir, 'texts');
  assert.equal((await run(['add-source', '--out', texts, path.join(other, 'report.pdf')])).status, 0);
  const made = readFileSync(path.join(texts, 'report.pdf.txt'), 'utf8');
  // A corrected PDF whose sidecar was broken by hand.
  writeFileSync(path.join(dir, 'letter.pdf'), await letter(false));
  assert.equal((await run(['add-source', path.join(dir, 'letter.pdf')])).status, 0);
  writeFileSync(path.join(dir, 'letter.pdf.txt.annotations.yaml'), 'marginalia: 2\nsource: [broken\n');
  writeFileSync(path.join(dir, 'letter.pdf'), await letter(true));
  const letterText = readFileSync(path.join(dir, 'letter.pdf.txt'), 'utf8');

  const r = await run(['add-source', path.join(dir, 'report.pdf'), path.join(dir, 'letter.pdf')]);
  const r2 = await run(['add-source', '--out', texts, path.join(dir, 'report.pdf')]);
  assert.equal(r.status, 1);
  assert.equal(r2.status, 1);
  assert.match(r.err.join('\n'), /report\.pdf\.txt: exists and was not made by add-source: nothing was written/);
  assert.match(
    r.err.join('\n'),
    /letter\.pdf\.txt\.annotations\.yaml: invalid sidecar: fix it, then add the original again; nothing was written/,
  );
  assert.match(
    r2.err.join('\n'),
    /texts[\\/]report\.pdf\.txt: was made from \.\.\/other\/report\.pdf, not \.\.\/report\.pdf: nothing was written/,
  );
  assert.equal(readFileSync(path.join(dir, 'report.pdf.txt'), 'utf8'), 'my own notes\n');
  assert.ok(!existsSync(path.join(dir, 'report.pdf.txt.annotations.yaml')));
  assert.equal(readFileSync(path.join(dir, 'letter.pdf.txt'), 'utf8'), letterText, 'the old text kept beside its broken sidecar');
  assert.equal(readFileSync(path.join(texts, 'report.pdf.txt'), 'utf8'), made);
});
