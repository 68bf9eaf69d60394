import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { formatSidecarError } from '../../core/sidecar/format';
import { originalKind, sourceFromOriginal } from '../../core/sources/original';
import { sidecarOfSource, SourceRefused, SOURCE_TEXT_SUFFIX } from '../../core/sources/pdfSource';
import { OffsetMap } from '../../core/text/offsets';
import { withUsageErrors } from '../args';
import { describeFsError, type FileProblem } from '../files';
import { atomicWriteFile, readListedSidecarWithSource, saveSidecar, sidecarPathFor, SidecarRefused } from '../sidecarFiles';
import { UsageError, type CliCommand } from '../usage';

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
kept. Nothing is fetched: the file is read where it is.

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
        if (values.out !== undefined) await fs.mkdir(folder, { recursive: true });
        const hadSidecar = await fs.stat(sidecarPath).then(
          () => true,
          () => false,
        );
        await atomicWriteFile(textPath, made.text);
        let outcome = '';
        if (hadSidecar) {
          // Read against the new text: its annotations are found again where they now are.
          const read = await readListedSidecarWithSource(
            sidecarPath,
            problems,
            (line) => {
              io.out(line);
            },
            {
              withoutSource: 'cannot be re-anchored without it',
              invalid: 'invalid sidecar: the text was written again, the sidecar left as it is',
            },
          );
          if (read === undefined) continue;
          const wanted = sidecarOfSource(read.sidecar, path.basename(textPath), made);
          await saveSidecar(sidecarPath, wanted, { previousText: read.yaml, sourceText: made.text });
          const c = read.reading.reconciled?.counts;
          outcome = c
            ? `; annotations found again: ${c.unchanged + c.moved} in place, ${c.fuzzy} by similarity, ${c.orphaned} orphaned`
            : '; annotations unchanged';
        } else {
          await saveSidecar(sidecarPath, sidecarOfSource(undefined, path.basename(textPath), made), {
            previousText: undefined,
            sourceText: made.text,
          });
        }
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
