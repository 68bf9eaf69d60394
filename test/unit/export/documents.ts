// Export fixtures: the shared corpus documents with the detector's findings stored as
// suggestions, most of them then reviewed (accepted, noted, tagged, verified, disputed, one
// dismissed; with and without a reviewer, review times in the forms the sidecar allows),
// the rest left unreviewed (`suggested`), plus a synthetic
// document built to break exporters: emoji, CRLF, a BOM-less NBSP, quotes holding commas,
// double quotes and line breaks, a note with HTML and Markdown, a user label with spaces.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { detectAll } from '../../../src/core/detect';
import type { ExportDocument } from '../../../src/core/export/types';
import { anchorAt } from '../../../src/core/anchor/context';
import { makeAnnotationId } from '../../../src/core/sidecar/ids';
import type { Annotation, Sidecar } from '../../../src/core/sidecar/format';
import { OffsetMap } from '../../../src/core/text/offsets';
import { emptySidecar, mergeDetections } from '../../../src/core/store/sync';
import { locateShared } from '../../eval/shared';

// The shared folder's corpus and standards, where test/eval/shared.ts finds them
// (MARGINALIA_SHARED), or undefined when they are missing.
const corpus = locateShared('corpus');
export const corpusDir = corpus.found ? corpus.dir : undefined;
const standards = locateShared('standards');
export const standardsDir = standards.found ? standards.dir : undefined;

export const TRICKY_TEXT = [
  'Published on 10 June 2024',
  '',
  '🔒 "We hold ISO 27001, SOC\u00a02 and, yes, "FedRAMP" too," the CEO said.',
  'A second line 😀 with =SUM(A1) and a | pipe.',
  '',
  'We will complete HIPAA by Q3 2025.',
].join('\r\n');

/** Code-point slice, the way the sidecar and every export count. */
export function cpSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

function manual(text: string, quote: string, fields: Partial<Annotation>, taken: Set<string>): Annotation {
  const at = text.indexOf(quote);
  if (at < 0) throw new Error(`fixture quote not in text: ${quote}`);
  const map = new OffsetMap(text);
  const anchor = anchorAt(text, at, at + quote.length);
  const start = map.toCodePoint(anchor.start);
  const id = makeAnnotationId(fields.kind ?? 'note', quote, start, taken);
  taken.add(id);
  return {
    id,
    kind: 'note',
    quote: anchor.quote,
    prefix: anchor.prefix,
    suffix: anchor.suffix,
    start,
    end: map.toCodePoint(anchor.end),
    origin: 'manual',
    status: 'open',
    ...fields,
  };
}

/** Detector findings as a sidecar, with a spread of statuses, reviewers, notes and tags. */
export function annotate(path: string, text: string): Sidecar {
  const merged = mergeDetections(emptySidecar(path.split('/').pop() ?? path), detectAll(text), text, {
    author: 'Ada',
    created: '2026-11-24T10:00:00Z',
  });
  const annotations = merged.sidecar.annotations.map((a, i): Annotation => {
    switch (i % 5) {
      // Left as the scan stored it: an unreviewed suggestion.
      case 0:
        return a;
      case 1:
        return {
          ...a,
          status: 'verified',
          note: `Checked against the filing, p. ${i}.`,
          reviewer: 'Grace',
          reviewed: '2026-11-25T09:00:00Z',
        };
      // A review time the sidecar allows but RFC 3339 (W3C's created/modified) does not.
      case 2:
        return { ...a, status: 'disputed', tags: ['follow-up', 'legal, review'], reviewer: 'Ada', reviewed: '2026-11-25 10:15+0100' };
      // Accepted by someone unnamed, on a day only; one dismissed.
      case 3:
        return i === 3
          ? { ...a, status: 'dismissed', reviewer: 'Ada', reviewed: '2026-11-25T11:00:00Z' }
          : { ...a, status: 'open', reviewed: '2026-11-26' };
      // Accepted the moment it was stored.
      default:
        return { ...a, status: 'open', reviewer: 'Ada', reviewed: '2026-11-24T10:00:00Z' };
    }
  });
  return { ...merged.sidecar, annotations };
}

export function trickyDocument(): ExportDocument {
  const text = TRICKY_TEXT;
  const sidecar = annotate('notes/tricky.txt', text);
  const taken = new Set(sidecar.annotations.map((a) => a.id));
  sidecar.annotations.push(
    manual(
      text,
      '"We hold ISO 27001, SOC\u00a02 and, yes, "FedRAMP" too," the CEO said.\r\nA second line 😀',
      {
        kind: 'quote check',
        label: 'needs source',
        note: 'Says <b>"all"</b> & more:\n\n- *first*\n- second, third',
        tags: ['a,b', 'say "hi"'],
        speaker: 'the CEO',
        author: 'Grace',
        created: '2026-11-20T08:30:00Z',
      },
      taken,
    ),
    // No author, and a `created` without a time zone.
    manual(text, '=SUM(A1)', { kind: 'note', note: '+1 tab\there\\n', created: '2026-11-21T08:00' }, taken),
  );
  return { path: 'notes/tricky.txt', text, sidecar };
}

let warned = false;

/**
 * Says what a test did not check when the shared corpus is missing: in the test's own
 * output, given its context (a skip would hide what it did check, on the synthetic
 * documents), and once on the console unless MARGINALIA_SHARED=none left it out.
 */
export function withoutCorpus(t: TestContext | undefined, what: string): void {
  if (corpus.found) return;
  const message = `NOT CHECKED on the shared corpus's documents, only on ${what}: ${corpus.reason}`;
  t?.diagnostic(`${t.name}: ${message}`);
  if (!warned && !corpus.optedOut) console.warn(`\n*** ${message} ***\n`);
  warned = true;
}

/** The shared corpus's documents, annotated; none when it is missing (`t` is then told). */
export function corpusDocuments(t?: TestContext): ExportDocument[] {
  withoutCorpus(t, 'the synthetic documents');
  if (corpusDir === undefined) return [];
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(corpusDir, f), 'utf8').replace(/^\ufeff/, '');
      return { path: `corpus/${f}`, text, sidecar: annotate(f, text) };
    });
}

/**
 * A document that repeats paragraphs, as real articles do (a lede repeated under a photo,
 * a standfirst repeated as the first paragraph): the same sentences with the same 32
 * characters around them, and emoji in the context, where UTF-16 and code points differ.
 */
export function repeatedDocument(): ExportDocument {
  const lede = 'On Friday 😀 the board said it will complete SOC 2 by Q3 2025, the CEO said on Friday.';
  const text = [
    lede,
    '',
    'Photo: the 🔒 lobby.',
    '',
    lede,
    '',
    'Earlier this year the firm adopted ISO 27001 on Friday, the CEO said.',
    '',
    lede,
    lede,
    '😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀 on Friday 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀',
    '😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀 on Friday 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀',
    'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  ].join('\n');
  const sidecar = annotate('repeated paragraphs.txt', text);
  const taken = new Set(sidecar.annotations.map((a) => a.id));
  // Every "on Friday" and every "😀" a person marked, and a run of a repeated letter.
  const map = new OffsetMap(text);
  const mark = (quote: string, kind: string): void => {
    for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
      const start = map.toCodePoint(at);
      const id = makeAnnotationId(kind, quote, start, taken);
      taken.add(id);
      const anchor = anchorAt(text, at, at + quote.length);
      sidecar.annotations.push({
        id,
        kind,
        quote,
        prefix: anchor.prefix,
        suffix: anchor.suffix,
        start,
        end: map.toCodePoint(at + quote.length),
        origin: 'manual',
        status: 'open',
        author: 'Grace',
      });
    }
  };
  mark('on Friday', 'note');
  mark('😀', 'emoji');
  mark('aaaa', 'run');
  return { path: 'notes/repeated paragraphs.txt', text, sidecar };
}

/** The corpus documents with their first paragraph repeated at the top, as in the article. */
export function corpusWithRepeatedLede(t?: TestContext): ExportDocument[] {
  withoutCorpus(t, 'the synthetic documents');
  if (corpusDir === undefined) return [];
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const original = readFileSync(join(corpusDir, f), 'utf8').replace(/^\ufeff/, '');
      const paragraphs = original.split(/\n\s*\n/);
      const lede = paragraphs.find((p) => p.length > 200) ?? paragraphs[0] ?? '';
      const text = `${lede}\n\n${original}`;
      return { path: `repeated/${f}`, text, sidecar: annotate(f, text) };
    });
}

/**
 * The shared corpus's documents and the synthetic one. Without the corpus a test runs on
 * the synthetic document alone; given its context `t`, it says so in its output.
 */
export function allDocuments(t?: TestContext): ExportDocument[] {
  return [...corpusDocuments(t), trickyDocument()];
}

/** Options that export every annotation: unreviewed suggestions and dismissed ones too. */
export const EVERYTHING = { includeSuggestions: true, includeDismissed: true } as const;

/** How many of the documents' annotations are unreviewed suggestions. */
export function suggestionCount(docs: readonly ExportDocument[]): number {
  return docs.reduce((n, d) => n + d.sidecar.annotations.filter((a) => a.status === 'suggested').length, 0);
}
