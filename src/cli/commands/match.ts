import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { detectAll, documentReferenceDate } from '../../core/detect';
import { describeChange } from '../../core/match/changes';
import { joinedBy, matchClaims, type ClaimText } from '../../core/match/claims';
import { documentClaims, type DocumentClaim } from '../../core/scan/documentClaims';
import { formatSidecarError, type Sidecar } from '../../core/sidecar/format';
import { readSidecarWithSource } from '../../core/store/sidecarRead';
import { LineIndex } from '../../core/text/lines';
import { OffsetMap } from '../../core/text/offsets';
import { withUsageErrors } from '../args';
import { commonFolder } from '../exportDocuments';
import { collectDocuments, describeFsError, readDocument, type FileProblem } from '../files';
import { readSidecarText, sidecarPathFor } from '../sidecarFiles';
import { UsageError, type CliCommand, type CliIo } from '../usage';

const USAGE = `Usage: marginalia match [--json] PATH...

Finds the same claim across documents: verbatim copies, quotes with small edits, and
paraphrases (the same statement in other words), including a sentence that merges two
claims or splits one. PATH is a document or a folder walked for .txt and .md files.
A document's claims are those its sidecar keeps (accepted, reviewed, or stored by a scan;
not dismissed) and the detector's claims no annotation covers yet.

Prints each group of documents reporting the same statement, the earliest dated document
first (its sidecar's published date, else the date line at its top), with how each other
version differs: figures, dates and names that changed stand out.

Options:
  --json   the claims and the groups as JSON (offsets in Unicode code points)

Exit status: 0 success, 1 a file could not be read (the others are still matched), 2 bad usage.`;

interface MatchedDocument {
  path: string;
  date?: string;
  claims: (DocumentClaim & { line: number; column: number })[];
}

async function readClaims(
  file: string,
  problems: FileProblem[],
  report: (line: string) => void,
): Promise<Omit<MatchedDocument, 'path'> | undefined> {
  let text: string;
  try {
    text = await readDocument(file);
  } catch (error) {
    problems.push({ path: file, message: describeFsError(error) });
    return undefined;
  }
  let sidecar: Sidecar | undefined;
  const sidecarPath = sidecarPathFor(file);
  const yaml = await readSidecarText(sidecarPath).catch((error: unknown) => {
    problems.push({ path: sidecarPath, message: describeFsError(error) });
    return undefined;
  });
  if (yaml !== undefined) {
    const read = readSidecarWithSource(yaml, sidecarPath, text, path.basename(file));
    if (read.sidecar === undefined || read.errors.length > 0) {
      for (const e of read.errors) report(formatSidecarError(e));
      problems.push({ path: sidecarPath, message: 'invalid sidecar; only the detector’s claims of its document are matched' });
    } else sidecar = read.sidecar;
  }
  const date = sidecar?.source.published ?? documentReferenceDate(text);
  const detections = detectAll(text, { kinds: ['claim'], ...(date === undefined ? {} : { referenceDate: date }) });
  const offsets = new OffsetMap(text);
  const lines = new LineIndex(text);
  const claims = documentClaims(sidecar?.annotations ?? [], detections, offsets).map((c) => ({
    ...c,
    ...lines.position(offsets.toUtf16(c.start)),
  }));
  return { ...(date === undefined ? {} : { date }), claims };
}

function line(claim: ClaimText & { claim: MatchedDocument['claims'][number] }): string {
  return `${claim.date ?? 'undated   '}  ${claim.doc}:${claim.claim.line}:${claim.claim.column}  “${claim.text.replace(/\s+/g, ' ')}”`;
}

export const matchCommand: CliCommand = {
  name: 'match',
  summary: 'find the same claim across documents: copies, edits and paraphrases, and what changed',
  usage: USAGE,
  async run(args: string[], io: CliIo) {
    const { values, positionals } = withUsageErrors(() =>
      parseArgs({ args, allowPositionals: true, strict: true, options: { json: { type: 'boolean' } } }),
    );
    if (positionals.length === 0) throw new UsageError('match needs at least one PATH');
    const found = await collectDocuments(positionals);
    const problems: FileProblem[] = [...found.problems];
    const files = [...new Set(found.files.map((f) => path.resolve(f)))].sort();
    const root = commonFolder(files);
    const documents: MatchedDocument[] = [];
    for (const file of files) {
      const read = await readClaims(file, problems, (l) => {
        io.err(l);
      });
      if (read) documents.push({ path: path.relative(root, file).split(path.sep).join('/'), ...read });
    }
    const claims = documents.flatMap((d) =>
      d.claims.map((claim) => ({
        doc: d.path,
        id: claim.id,
        text: claim.text,
        start: claim.start,
        ...(d.date === undefined ? {} : { date: d.date }),
        claim,
      })),
    );
    const result = matchClaims(claims);
    if (values.json === true) {
      io.out(
        JSON.stringify(
          {
            documents: documents.map((d) => ({ path: d.path, ...(d.date === undefined ? {} : { date: d.date }), claims: d.claims.length })),
            claims: claims.map(({ claim, doc }) => ({ document: doc, ...claim })),
            // Each version after the first with the link by which it joined its group: copies
            // of one wording are linked once, so the group's own links are not every pair.
            groups: result.groups.map((g) => ({
              documents: g.documents,
              members: g.members,
              links: g.members.flatMap((_, position) => (position === 0 ? [] : (joinedBy(result, claims, g, position) ?? []))),
            })),
          },
          null,
          2,
        ),
      );
    } else {
      io.out(`${claims.length} claims in ${documents.length} documents; ${result.groups.length} reported in more than one document.`);
      result.groups.forEach((g, n) => {
        io.out('');
        io.out(`Group ${n + 1}: ${g.documents} documents, ${g.members.length} claims`);
        g.members.forEach((i, position) => {
          const c = claims[i];
          if (!c) return;
          const link = joinedBy(result, claims, g, position);
          const how = link
            ? `   ${link.kind} ${link.score.toFixed(2)}${link.changes.length > 0 ? `; ${link.changes.map(describeChange).join(', ')}` : ''}`
            : '';
          io.out(`  ${line(c)}${how}`);
        });
      });
    }
    for (const p of problems) io.err(`marginalia: ${p.path}: ${p.message}`);
    return problems.length > 0 ? 1 : 0;
  },
};
