// Which document on disk each source of a REFI-QDA project is. Tools name sources in their
// own way: Marginalia by the path relative to the exported folder (`corpus/a.txt`),
// QualCoder by the file name (`interview.txt`, or `interview.docx` for a Word file whose
// plain text it exported), NVivo and ATLAS.ti often by a title without an extension
// (`Interview 1`). So a name is tried from the most to the least exact reading; at the first
// reading that names any document, one document is the match, several are told apart by
// their text, and a tie is reported rather than guessed. A source whose name names no
// document is looked for by its text: the same text (line ends and trailing white space
// aside), in exactly one document.

import type { RefiQdaProblem, RefiQdaSource } from './refiQda';

export interface RefiQdaDocument {
  /** Relative to the folder imported into, `/`-separated (`reports/a.txt`). */
  path: string;
  /** As the editor shows it: no byte-order mark. */
  text: string;
}

export interface RefiQdaMatch {
  source: RefiQdaSource;
  document: RefiQdaDocument;
  /** How it was found: its name (path, file name or title) or its text. */
  by: 'name' | 'content';
}

export interface RefiQdaMatching {
  matches: RefiQdaMatch[];
  /** Sources with codings that belong to no document, or to several equally: why. */
  unmatched: RefiQdaProblem[];
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A file name without its last extension; a title without one is itself. */
function stem(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

function normalisePath(name: string): string {
  return name
    .trim()
    .replace(/\\/g, '/')
    .replace(/^(?:\.\/)+/, '')
    .replace(/^\/+/, '');
}

/** The text, line ends and trailing white space aside: QualCoder, for one, writes LF where the document had CRLF. */
function looseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
}

/** The readings of a source name, most exact first. */
function nameReadings(name: string): ((doc: RefiQdaDocument) => boolean)[] {
  const n = normalisePath(name);
  const base = baseName(n);
  const lower = base.toLowerCase();
  return [
    (d) => d.path === n,
    (d) => n.includes('/') && d.path.endsWith(`/${n}`),
    (d) => baseName(d.path) === base,
    (d) => stem(baseName(d.path)) === stem(base),
    (d) => baseName(d.path).toLowerCase() === lower,
    (d) => stem(baseName(d.path)).toLowerCase() === stem(lower),
  ];
}

function listed(docs: readonly RefiQdaDocument[]): string {
  const names = docs
    .slice(0, 3)
    .map((d) => d.path)
    .join(', ');
  return docs.length > 3 ? `${names} and ${docs.length - 3} more` : names;
}

/** Matches each source that has something to import to one of `documents`. */
export function matchRefiSources(sources: readonly RefiQdaSource[], documents: readonly RefiQdaDocument[]): RefiQdaMatching {
  const loose = new Map<RefiQdaDocument, string>();
  const looseOf = (d: RefiQdaDocument): string => {
    let t = loose.get(d);
    if (t === undefined) {
      t = looseText(d.text);
      loose.set(d, t);
    }
    return t;
  };
  /** The candidates whose text is the source's: exactly, else loosely. */
  const sameText = (candidates: readonly RefiQdaDocument[], text: string | undefined): RefiQdaDocument[] => {
    if (text === undefined) return [];
    const exact = candidates.filter((d) => d.text === text);
    if (exact.length > 0) return exact;
    const l = looseText(text);
    return candidates.filter((d) => looseOf(d) === l);
  };

  const matches: RefiQdaMatch[] = [];
  const unmatched: RefiQdaProblem[] = [];
  for (const source of sources) {
    if (source.incoming.length === 0) continue;
    const codings = `its ${source.incoming.length} coding(s) are not imported`;
    let named: RefiQdaDocument[] = [];
    for (const reading of nameReadings(source.name)) {
      named = documents.filter(reading);
      if (named.length > 0) break;
    }
    if (named.length === 1 && named[0] !== undefined) {
      matches.push({ source, document: named[0], by: 'name' });
      continue;
    }
    if (named.length > 1) {
      const same = sameText(named, source.text);
      if (same.length === 1 && same[0] !== undefined) matches.push({ source, document: same[0], by: 'name' });
      else {
        const why =
          same.length > 1
            ? `its name and its text fit ${same.length} documents (${listed(same)})`
            : `its name fits ${named.length} documents (${listed(named)}) and none has its text`;
        unmatched.push({ origin: source.origin, reason: `${why}: which one is meant is not certain; ${codings}` });
      }
      continue;
    }
    const same = sameText(documents, source.text);
    if (same.length === 1 && same[0] !== undefined) matches.push({ source, document: same[0], by: 'content' });
    else if (same.length > 1)
      unmatched.push({
        origin: source.origin,
        reason: `no document is named so, and ${same.length} have its text (${listed(same)}): which one is meant is not certain; ${codings}`,
      });
    else unmatched.push({ origin: source.origin, reason: `no document is named so or has its text; ${codings}` });
  }
  return { matches, unmatched };
}
