import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { formatSidecarError } from '../../core/sidecar/format';
import { originalKind, sourceFromOriginal } from '../../core/sources/original';
import { sidecarOfSource, SourceRefused, SOURCE_TEXT_SUFFIX } from '../../core/sources/pdfSource';
import { OffsetMap } from '../../core/text/offsets';
import { withUsageErrors } from '../args';
import { describeFsError, type FileProblem } from '../files';
import { readSidecarWithSource } from '../../core/store/sidecarRead';
import { atomicWriteFile, readSidecarText, saveSidecar, sidecarPathFor, SidecarRefused } from '../sidecarFiles';
import { UsageError, type CliCommand } from '../usage';

/** Whether a file is there; other failures (no permission) are thrown. */
async function exists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return false;
    throw error;
  }
}

const USAGE = `Usage: marginalia add-source FILE... [--out DIR]

Makes each PDF or saved web page (.html, .htm) a text source to annotate: FILE.EXT.txt
beside it (or in DIR), and its sidecar FILE.EXT.txt.annotations.yaml recording where the
text came from: the original, its SHA-256, title, the day the text was made, and the date
it was published when the original or the text's top line says it.

A PDF's text is in reading order (two columns one after the other, a paragraph per line,
words split at a line end joined, ligatures and odd spaces as a reader sees them), with a
form feed on its own line where a page ends a paragraph, and running headers, footers
and page numbers left out; its sidecar maps the text to the pages.

A web page gives its article's main text (Firefox's Reader View, @mozilla/readability):
headings, paragraphs, list items and table rows, without navigation, cookie banners,
related stories or footers; its sidecar records the page's title, author, published
date, canonical URL and, where the saving tool noted them, the address and day it was
saved.

Adding a file again (a corrected version) writes its text again and finds the existing
annotations in it (re-anchored as after any change of a source); a date set by hand is
kept. A file of the text's name that add-source did not make from the same original, or
whose sidecar does not validate, is left as it is and reported. Nothing is fetched: the
file is read where it is.

Options:
  --out DIR  write the texts and sidecars in DIR instead of beside each PDF

Exit status: 0 every file was added, 1 a file could not be read, is not a PDF, has no
text layer (a scanned document: run it through OCR first), a page has no article text,
or a file could not be written,
2 bad usage.`;

/** Characters as the sidecar counts them: Unicode code points. */
function codePoints(text: string): number {
  return new OffsetMap(text).toCodePoint(text.length);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export const addSourceCommand: CliCommand = {
  name: 'add-source',
  summary: 'make PDFs and saved web pages text sources to annotate, with their provenance',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = withUsageErrors(() =>
      parseArgs({ args, allowPositionals: true, strict: true, options: { out: { type: 'string' } } }),
    );
    if (positionals.length === 0) throw new UsageError('add-source needs at least one PDF or web page');
    const problems: FileProblem[] = [];
    const today = new Date().toISOString().slice(0, 10);
    for (const file of positionals) {
      if (originalKind(file) === undefined) {
        problems.push({ path: file, message: 'not a PDF or a saved web page (.pdf, .html, .htm, .xhtml)' });
        continue;
      }
      const folder = values.out ?? path.dirname(file);
      const textPath = path.join(folder, `${path.basename(file)}${SOURCE_TEXT_SUFFIX}`);
      const sidecarPath = sidecarPathFor(textPath);
      try {
        const bytes = new Uint8Array(await fs.readFile(file));
        const original = path.relative(folder, file).split(path.sep).join('/');
        const made = await sourceFromOriginal(bytes, original, today);
        const yaml = await readSidecarText(sidecarPath);
        // An existing sidecar is read against the new text first: its annotations are found
        // again, and one that does not validate, or belongs to a text made from another
        // original, stops this file before a byte is written.
        const reading = yaml === undefined ? undefined : readSidecarWithSource(yaml, sidecarPath, made.text, path.basename(textPath));
        if (reading !== undefined && (reading.sidecar === undefined || reading.errors.length > 0)) {
          for (const e of reading.errors) io.out(formatSidecarError(e));
          problems.push({ path: sidecarPath, message: 'invalid sidecar: fix it, then add the original again; nothing was written' });
          continue;
        }
        const madeFrom = reading?.sidecar?.source.original;
        if (madeFrom !== undefined && madeFrom !== original) {
          problems.push({ path: textPath, message: `was made from ${madeFrom}, not ${original}: nothing was written (use --out)` });
          continue;
        }
        if (madeFrom === undefined && (await exists(textPath))) {
          problems.push({
            path: textPath,
            message: 'exists and was not made by add-source: nothing was written (rename it, or use --out)',
          });
          continue;
        }
        if (values.out !== undefined) await fs.mkdir(folder, { recursive: true });
        await atomicWriteFile(textPath, made.text);
        await saveSidecar(sidecarPath, sidecarOfSource(reading?.sidecar, path.basename(textPath), made), {
          previousText: yaml,
          sourceText: made.text,
        });
        const c = reading?.reconciled?.counts;
        const outcome =
          reading === undefined
            ? ''
            : c
              ? `; annotations found again: ${c.unchanged + c.moved} in place, ${c.fuzzy} by similarity, ${c.orphaned} orphaned`
              : '; annotations unchanged';
        const left = made.leftOut.length > 0 ? `; left out ${plural(made.leftOut.length, 'header, footer or page number line')}` : '';
        const pages = made.provenance.originalType === 'pdf' ? `${plural(made.pageCount, 'page')}, ` : '';
        io.out(`${file} → ${textPath}: ${pages}${plural(codePoints(made.text), 'character')}${left}${outcome}`);
      } catch (error) {
        if (error instanceof SidecarRefused) for (const e of error.errors) io.out(formatSidecarError(e));
        problems.push({ path: file, message: error instanceof SourceRefused ? error.message : describeFsError(error) });
      }
    }
    for (const p of problems) io.err(`marginalia: ${p.path}: ${p.message}`);
    return problems.length > 0 ? 1 : 0;
  },
};
