// The REFI-QDA export over the shared corpus (annotations from the detectors) and a
// synthetic document with the characters that break offsets and XML: the project must
// validate against QDA-XML's Project.xsd, every exported annotation must be one selection
// whose offsets cut its quote out of the exported text, and two exports must be identical.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { detectAll } from '../../../src/core/detect';
import { exportRefiQda } from '../../../src/core/export/refiQda';
import { annotationsToExport } from '../../../src/core/export/select';
import type { ExportDocument, ExportOptions, ExportResult } from '../../../src/core/export/types';
import { FORMAT_VERSION, type Annotation } from '../../../src/core/sidecar/format';
import { OffsetMap } from '../../../src/core/text/offsets';
import { emptySidecar, mergeDetections } from '../../../src/core/store/sync';
import { locateShared, needsShared } from '../../eval/shared';

// The shared folder's corpus and QDA-XML schema, where test/eval/shared.ts finds them.
const corpus = locateShared('corpus');
const CORPUS = corpus.found ? corpus.dir : '';
const standards = locateShared('standards');
const XSD = standards.found ? path.join(standards.dir, 'refi-qda', 'Project.xsd') : '';
const hasXmllint = spawnSync('xmllint', ['--version']).error === undefined;

/**
 * Options for a test that checks `what` with the shared corpus, Project.xsd (validated by
 * xmllint) or xmllint alone: skipped, saying what is not checked and why, without them.
 */
function needs(what: string, parts: { corpus?: boolean; schema?: boolean; xmllint?: boolean }): { skip?: string } {
  if (parts.corpus === true) {
    const missing = needsShared('corpus', what);
    if (missing.skip !== undefined) return missing;
  }
  if (parts.schema === true) {
    const missing = needsShared('standards', what);
    if (missing.skip !== undefined) return missing;
    if (!fs.existsSync(XSD)) return { skip: `NOT CHECKED: ${what}; no QDA-XML schema at ${XSD} in the shared standards` };
  }
  if ((parts.schema === true || parts.xmllint === true) && !hasXmllint)
    return { skip: `NOT CHECKED: ${what}; xmllint is not installed (apt-get install libxml2-utils)` };
  return {};
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-refi-'));
process.on('exit', () => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

// Emoji (astral), CRLF, non-breaking spaces, and a quotation with commas, quotes and a
// line break inside it.
const QUOTATION = '"We keep logs, "for now", and\r\nthen delete them."';
const SYNTHETIC = [
  'Published on June 10, 2024',
  '',
  '🔒 We hold ISO 27001 and SOC\u00A02 Type II reports, the company said last month. 🎉🎉',
  '',
  `She said: ${QUOTATION} \u2014 a spokesperson`,
  '',
  'The vendor will complete FedRAMP Moderate by Q3 2025, a spokesperson said.',
  '',
  'Critics say the audit was too\u00A0narrow. We never sold user data to advertisers. 👩‍💻',
].join('\r\n');

const NOTE = 'Compare <b>& "this"\r\nwith the\u0001 2021 report \u{1F50E}';

function cpSlice(chars: readonly string[], start: number, end: number): string {
  return chars.slice(start, end).join('');
}

/** A manual annotation of the first occurrence of `quote` in `text`. */
function manual(text: string, quote: string, fields: Partial<Annotation> & { id: string; kind: string }): Annotation {
  const i = text.indexOf(quote);
  assert.ok(i >= 0, quote);
  const map = new OffsetMap(text);
  return {
    quote,
    prefix: '',
    suffix: '',
    start: map.toCodePoint(i),
    end: map.toCodePoint(i + quote.length),
    origin: 'manual',
    status: 'open',
    ...fields,
  };
}

function detected(file: string, text: string, options: { author?: string; created?: string }): ExportDocument {
  return { path: file, text, sidecar: mergeDetections(emptySidecar(path.basename(file)), detectAll(text), text, options).sidecar };
}

/** The corpus as scanned (suggestions), two in three of them then accepted by a reviewer. */
function corpusDocs(): ExportDocument[] {
  const files = fs
    .readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  assert.equal(files.length, 3);
  const authors = [
    { author: 'ana', created: '2026-01-01T09:30:00Z' },
    {},
    { author: 'Bo "the" <reviewer> & co', created: '2026-02-03T04:05+0100' },
  ];
  return files.map((f, i) => {
    const doc = detected(`corpus/${f}`, fs.readFileSync(path.join(CORPUS, f), 'utf8'), authors[i] ?? {});
    doc.sidecar.annotations.forEach((a, n) => {
      if (n % 3 !== 0) Object.assign(a, { status: 'open', reviewer: authors[i]?.author ?? 'Chen', reviewed: '2026-04-01T10:00:00Z' });
    });
    return doc;
  });
}

function syntheticDoc(): ExportDocument {
  const doc = detected('reports/synthetic "q", <x> & y.txt', SYNTHETIC, {});
  const first = doc.sidecar.annotations[0];
  const second = doc.sidecar.annotations[1];
  assert.ok(first && second);
  Object.assign(first, {
    status: 'verified',
    reviewer: 'ana',
    reviewed: '2026-05-06T07:08:09Z',
    tags: ['follow-up', 'a, b', '"x"', '🔖'],
    note: NOTE,
    speaker: 'a spokesperson',
  });
  second.status = 'dismissed';
  doc.sidecar.annotations.push(
    manual(SYNTHETIC, QUOTATION, {
      id: 'man00001',
      kind: 'privacy',
      label: 'retention',
      note: NOTE,
      author: 'ana',
      created: '2026-03-04T05:06:07.5Z',
    }),
    manual(SYNTHETIC, 'We never sold user data', { id: 'man00002', kind: 'privacy', created: '2026-13-01T00:00:00Z' }),
    manual(SYNTHETIC, 'too\u00A0narrow. We', { id: 'man00003', kind: 'privacy', label: 'commitment' }),
    manual(SYNTHETIC, '👩‍💻', { id: 'man00004', kind: 'emoji 🙂', label: '👩‍💻' }),
    { ...manual(SYNTHETIC, 'Critics', { id: 'orphan01', kind: 'claim', label: 'assertion' }), quote: 'Critics said', orphaned: true },
  );
  return doc;
}

interface Zip {
  qde: string;
  files: Record<string, Uint8Array>;
}

function unzip(r: ExportResult): Zip {
  assert.equal(r.files.length, 1);
  const contents = r.files[0]?.contents;
  assert.ok(contents instanceof Uint8Array);
  const files = unzipSync(contents);
  const qde = files['project.qde'];
  assert.ok(qde);
  return { qde: strFromU8(qde), files };
}

function decode(s: string): string {
  return s.replace(/&(#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    switch (e) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(Number(e.slice(1)));
    }
  });
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1] ?? ''] = decode(m[2] ?? '');
  return out;
}

interface Selection {
  attrs: Record<string, string>;
  description: string;
  codeRef: string;
  coding: Record<string, string>;
}

interface Source {
  attrs: Record<string, string>;
  selections: Selection[];
}

/** The sources and selections of the project this exporter writes (one element per line). */
function sources(qde: string): Source[] {
  return [...qde.matchAll(/<TextSource ([^>]*)>([\s\S]*?)<\/TextSource>/g)].map((m) => ({
    attrs: attrs(m[1] ?? ''),
    selections: [...(m[2] ?? '').matchAll(/<PlainTextSelection ([^>]*)>([\s\S]*?)<\/PlainTextSelection>/g)].map((s) => ({
      attrs: attrs(s[1] ?? ''),
      description: decode(/<Description>([\s\S]*?)<\/Description>/.exec(s[2] ?? '')?.[1] ?? ''),
      codeRef: /<CodeRef targetGUID="([^"]+)"/.exec(s[2] ?? '')?.[1] ?? '',
      coding: attrs(/<Coding ([^>]*)>/.exec(s[2] ?? '')?.[1] ?? ''),
    })),
  }));
}

function idOf(description: string): string {
  return /^id: (\S+)$/m.exec(description)?.[1] ?? '';
}

function xmllint(qde: string, ...args: string[]): { status: number | null; out: string; err: string } {
  const file = path.join(tmp, 'project.qde');
  fs.writeFileSync(file, qde);
  const r = spawnSync('xmllint', [...args, file], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

function assertValid(qde: string): void {
  const r = xmllint(qde, '--noout', '--schema', XSD);
  assert.equal(r.status, 0, r.err);
  assert.match(r.err, /validates/);
}

/** Every exported annotation is exactly one selection whose offsets cut its quote out of the exported text. */
function assertSelections(zip: Zip, docs: readonly ExportDocument[], options: ExportOptions): number {
  const byName = new Map(sources(zip.qde).map((s) => [s.attrs['name'], s]));
  let total = 0;
  for (const doc of docs) {
    const source = byName.get(doc.path);
    assert.ok(source, doc.path);
    const guid = source.attrs['guid'] ?? '';
    assert.equal(source.attrs['plainTextPath'], `internal://${guid}.txt`);
    const file = zip.files[`sources/${guid}.txt`];
    assert.ok(file, `sources/${guid}.txt`);
    assert.equal(strFromU8(file), doc.text);
    const chars = Array.from(strFromU8(file));
    const expected = annotationsToExport(doc, options).filter((a) => a.orphaned !== true);
    assert.deepEqual(source.selections.map((s) => idOf(s.description)).sort(), expected.map((a) => a.id).sort(), doc.path);
    const byId = new Map(expected.map((a) => [a.id, a]));
    for (const s of source.selections) {
      const a = byId.get(idOf(s.description));
      assert.ok(a);
      assert.equal(cpSlice(chars, Number(s.attrs['startPosition']), Number(s.attrs['endPosition'])), a.quote, `${doc.path} ${a.id}`);
    }
    total += source.selections.length;
  }
  return total;
}

test(
  'REFI-QDA: the corpus and a synthetic document give a project valid against Project.xsd, one selection per annotation, quotes cut by code points',
  needs('the REFI-QDA export of the shared corpus against Project.xsd', { corpus: true, schema: true }),
  () => {
    const docs = [...corpusDocs(), syntheticDoc()];
    const r = exportRefiQda(docs, { title: 'Security statements' });
    assert.equal(r.files[0]?.path, 'Security statements.qdpx');
    const zip = unzip(r);
    assertValid(zip.qde);
    assert.equal(Object.keys(zip.files).length, 1 + docs.length);
    const total = assertSelections(zip, docs, {});
    assert.equal(total, r.count);
    assert.ok(r.count > 20, `only ${r.count} annotations exported`);
    assert.equal(sources(zip.qde).length, docs.length);
    assert.ok(!zip.qde.includes('\u0001'));
    assert.ok(
      /^<\?xml version="1\.0" encoding="utf-8"\?>\n<Project xmlns="urn:QDA-XML:project:1\.0" name="Security statements" origin="Marginalia">/.test(
        zip.qde,
      ),
    );
  },
);

test(
  'REFI-QDA: orphans are skipped with a reason, dismissed ones only when asked',
  needs('that a project with dismissed annotations validates against Project.xsd', { schema: true }),
  () => {
    const docs = [syntheticDoc()];
    const r = exportRefiQda(docs, {});
    assert.deepEqual(
      r.skipped.map((s) => [s.path, s.id]),
      [[docs[0]?.path, 'orphan01']],
    );
    assert.match(r.skipped[0]?.reason ?? '', /orphaned/);
    const dismissed = docs[0]?.sidecar.annotations[1]?.id ?? '';
    const ids = (res: ExportResult): string[] => sources(unzip(res).qde).flatMap((s) => s.selections.map((x) => idOf(x.description)));
    assert.ok(!ids(r).includes(dismissed));
    const all = exportRefiQda(docs, { includeDismissed: true });
    assert.ok(ids(all).includes(dismissed));
    assert.equal(all.count, r.count + 1);
    assertValid(unzip(all).qde);
    assertSelections(unzip(all), docs, { includeDismissed: true });
  },
);

test('REFI-QDA: a selection whose quote no longer matches the text is skipped, not exported at the wrong place', () => {
  const text = 'We hold ISO 27001 certification.';
  const doc: ExportDocument = {
    path: 'a.txt',
    text,
    sidecar: {
      marginalia: FORMAT_VERSION,
      source: { file: 'a.txt' },
      annotations: [
        manual(text, 'ISO 27001', { id: 'good0001', kind: 'control', label: 'iso-27001' }),
        { ...manual(text, 'ISO 27001', { id: 'stale001', kind: 'control' }), quote: 'ISO 27002' },
        { ...manual(text, 'certification', { id: 'past0001', kind: 'claim' }), start: 30, end: 45 },
      ],
    },
  };
  const r = exportRefiQda([doc], {});
  assert.equal(r.count, 1);
  assert.deepEqual(
    r.skipped.map((s) => s.id),
    ['stale001', 'past0001'],
  );
  assert.match(r.skipped[0]?.reason ?? '', /differs/);
  assert.match(r.skipped[1]?.reason ?? '', /outside/);
});

test(
  'REFI-QDA: exporting twice gives the same bytes, with or without a clock',
  needs('that the REFI-QDA export of the shared corpus is the same twice', { corpus: true }),
  () => {
    for (const options of [{}, { now: '2026-05-01T12:00:00Z', title: 'x' }] satisfies ExportOptions[]) {
      const a = exportRefiQda([...corpusDocs(), syntheticDoc()], options).files[0]?.contents;
      const b = exportRefiQda([...corpusDocs(), syntheticDoc()], options).files[0]?.contents;
      assert.ok(a instanceof Uint8Array && b instanceof Uint8Array);
      assert.equal(Buffer.compare(a, b), 0);
    }
  },
);

test(
  'REFI-QDA: users, codebook and GUIDs',
  needs('the users, codebook and GUIDs of the REFI-QDA export of the shared corpus', { corpus: true }),
  () => {
    const docs = [...corpusDocs(), syntheticDoc()];
    const { qde } = unzip(exportRefiQda(docs, { includeSuggestions: true }));
    const users = [...qde.matchAll(/<User ([^>]*)\/>/g)].map((m) => attrs(m[1] ?? ''));
    assert.deepEqual(
      users.map((u) => u['name']),
      ['Bo "the" <reviewer> & co', 'Chen', 'Marginalia', 'ana'],
    );
    const codes = [...qde.matchAll(/<Code ([^>]*?)\/?>/g)].map((m) => attrs(m[1] ?? ''));
    const names = codes.map((c) => c['name']);
    for (const name of [
      'claim',
      'date',
      'control',
      'privacy',
      'commitment',
      'iso-27001',
      'retention',
      'commitment (privacy)',
      'emoji 🙂',
      '👩‍💻',
    ]) {
      assert.ok(names.includes(name), name);
    }
    assert.equal(new Set(names).size, names.length, 'code names are unique');
    assert.ok(codes.every((c) => c['isCodable'] === 'true' && /^#[0-9A-F]{6}$/.test(c['color'] ?? '')));
    assert.equal(codes.find((c) => c['name'] === 'claim')?.['color'], '#AF00DB');
    // claim > commitment: the child is inside its kind's element.
    assert.match(
      qde,
      /<Code [^>]*name="claim"[^>]*>\n\s*<Description>[^<]*<\/Description>(\n\s*<Code [^>]*\/>)*\n\s*<Code [^>]*name="commitment"/,
    );
    const guidPattern = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
    const guids = [...qde.matchAll(/ guid="([^"]*)"/g)].map((m) => m[1] ?? '');
    assert.ok(guids.every((g) => guidPattern.test(g)));
    assert.equal(new Set(guids).size, guids.length, 'GUIDs are unique');
    const codeGuids = new Set(codes.map((c) => c['guid']));
    const selections = sources(qde).flatMap((s) => s.selections);
    assert.ok(selections.every((s) => codeGuids.has(s.codeRef)));
    // An annotation without a label is coded with its kind.
    const unlabelled = selections.find((s) => idOf(s.description) === 'man00002');
    assert.equal(unlabelled?.codeRef, codes.find((c) => c['name'] === 'privacy')?.['guid']);
  },
);

test(
  'REFI-QDA: note, status, tags and dates survive; a real XML parser reads them back',
  needs('notes, statuses, tags and dates in the REFI-QDA export of the shared corpus, read back by xmllint', {
    corpus: true,
    xmllint: true,
  }),
  () => {
    const docs = [...corpusDocs(), syntheticDoc()];
    const { qde } = unzip(exportRefiQda(docs, {}));
    const selections = sources(qde).flatMap((s) => s.selections);
    const byId = (id: string): Selection | undefined => selections.find((s) => idOf(s.description) === id);
    const strippedNote = NOTE.replace('\u0001', '');
    const manualOne = byId('man00001');
    assert.equal(manualOne?.description, `${strippedNote}\n\nstatus: open\norigin: manual\nid: man00001`);
    assert.equal(manualOne.attrs['creationDateTime'], '2026-03-04T05:06:07.5Z');
    assert.equal(manualOne.attrs['name'], '"We keep logs, "for now", and then delete them."');
    // xmllint decodes the references: the CR of the note's CRLF and the markup come back.
    const xpath =
      'string(//*[local-name()="PlainTextSelection"][contains(*[local-name()="Description"], "id: man00001")]/*[local-name()="Description"])';
    const read = xmllint(qde, '--xpath', xpath);
    assert.equal(read.status, 0, read.err);
    // --xpath ends its output with a line feed of its own.
    assert.equal(read.out, `${manualOne.description}\n`);
    const first = docs[3]?.sidecar.annotations.find((a) => a.status === 'verified');
    assert.ok(first);
    assert.equal(
      byId(first.id)?.description,
      `${strippedNote}\n\nstatus: verified\nreviewer: ana\nreviewed: 2026-05-06T07:08:09Z\norigin: detected\nspeaker: a spokesperson\ntags: [follow-up, "a, b", "\\"x\\"", 🔖]\nid: ${first.id}`,
    );
    // The selection is who stored it and when; the coding who reviewed it and when.
    const userGuid = (name: string): string =>
      attrs([...qde.matchAll(/<User ([^>]*)\/>/g)].map((m) => m[1] ?? '').find((u) => attrs(u)['name'] === name) ?? '')['guid'] ?? '';
    assert.equal(byId(first.id)?.attrs['creatingUser'], userGuid('Marginalia'));
    assert.deepEqual(
      [byId(first.id)?.coding['creatingUser'], byId(first.id)?.coding['creationDateTime']],
      [userGuid('ana'), '2026-05-06T07:08:09Z'],
    );
    // A `created` that is no date-time is kept in the memo; the selection falls back.
    const bad = byId('man00002');
    assert.match(bad?.description ?? '', /\ncreated: 2026-13-01T00:00:00Z\n/);
    assert.equal(bad?.attrs['creationDateTime'], '1980-01-01T00:00:00Z');
    // ISO 8601 forms the sidecar allows become xsd:dateTime.
    assert.ok(qde.includes('creationDateTime="2026-02-03T04:05:00+01:00"'));
    const path0 = sources(qde).find((s) => s.attrs['name'] === docs[3]?.path);
    assert.ok(path0, 'the path with quotes and markup round-trips as the source name');
  },
);

test(
  'REFI-QDA: suggestions only when asked, then marked in the memo and coded by Marginalia; still valid',
  needs('suggestions in the REFI-QDA export of the shared corpus, against Project.xsd', { corpus: true, schema: true }),
  () => {
    const docs = [...corpusDocs(), syntheticDoc()];
    const suggested = docs.flatMap((d) => d.sidecar.annotations.filter((a) => a.status === 'suggested' && a.orphaned !== true));
    assert.ok(suggested.length > 5);
    const plain = unzip(exportRefiQda(docs, {}));
    assert.ok(!plain.qde.includes('status: suggested'));
    assert.match(plain.qde, /unreviewed suggestions were left out/);
    const r = exportRefiQda(docs, { includeSuggestions: true });
    const zip = unzip(r);
    assertValid(zip.qde);
    assertSelections(zip, docs, { includeSuggestions: true });
    assert.equal(r.suggestions, suggested.length);
    const marginalia = /<User guid="([^"]+)" name="Marginalia"\/>/.exec(zip.qde)?.[1];
    const selections = sources(zip.qde).flatMap((s) => s.selections);
    for (const a of suggested) {
      const s = selections.find((x) => idOf(x.description) === a.id);
      assert.match(s?.description ?? '', /^status: suggested\norigin: detected\n/m, a.id);
      assert.ok(!/^reviewer: /m.test(s?.description ?? ''));
      assert.equal(s?.coding['creatingUser'], marginalia, "machine coding is the software's");
    }
    assert.match(zip.qde, /Unreviewed suggestions \(machine findings no one has checked\) are included/);
  },
);

test(
  'REFI-QDA: no documents still gives a valid project; the title makes a safe file name',
  needs('that an empty REFI-QDA project validates against Project.xsd', { schema: true }),
  () => {
    const r = exportRefiQda([], { title: 'a/b: "c"?' });
    assert.equal(r.files[0]?.path, 'a-b- -c--.qdpx');
    assert.equal(r.count, 0);
    assertValid(unzip(r).qde);
    assert.equal(exportRefiQda([], {}).files[0]?.path, 'marginalia.qdpx');
  },
);

// ---- A text made from a PDF -----------------------------------------------------------------

const SOURCES = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'sources');

function pdfDocument(withPdf: boolean): ExportDocument {
  const text = fs.readFileSync(path.join(SOURCES, 'report.pdf.expected.txt'), 'utf8');
  const annotations = [
    manual(text, 'SOC 2 Type II', { id: 'soc', kind: 'control', label: 'soc2' }),
    manual(text, 'Irish Data Protection Commission', { id: 'dpc', kind: 'control', label: 'ie-dpc' }),
  ];
  return {
    path: 'sources/report.pdf.txt',
    text,
    sidecar: {
      marginalia: FORMAT_VERSION,
      source: { file: 'report.pdf.txt', original: 'report.pdf', originalType: 'pdf', pages: [0, 309, 574] },
      annotations,
    },
    ...(withPdf ? { originalPdf: new Uint8Array(fs.readFileSync(path.join(SOURCES, 'report.pdf'))) } : {}),
  };
}

test('REFI-QDA: a text made from a PDF is a PDFSource holding the PDF, with the text as its Representation and the selections in it', () => {
  const doc = pdfDocument(true);
  const zip = unzip(exportRefiQda([doc, syntheticDoc()], { now: '2026-12-06T10:00:00Z' }));
  const pdfTag = /<PDFSource ([^>]*)>/.exec(zip.qde);
  assert.ok(pdfTag, 'a PDFSource');
  const pdf = attrs(pdfTag[1] ?? '');
  assert.equal(pdf['name'], 'sources/report.pdf');
  const stored = zip.files[(pdf['path'] ?? '').replace('internal://', 'sources/')];
  assert.deepEqual(stored, doc.originalPdf, 'the PDF is in the project, byte for byte');
  const rep = /<PDFSource [^>]*>\s*<Representation ([^>]*)>([\s\S]*?)<\/Representation>\s*<\/PDFSource>/.exec(zip.qde);
  assert.ok(rep, 'the text is the PDFSource’s Representation');
  const repAttrs = attrs(rep[1] ?? '');
  assert.equal(repAttrs['name'], 'sources/report.pdf.txt');
  assert.equal(strFromU8(zip.files[(repAttrs['plainTextPath'] ?? '').replace('internal://', 'sources/')] ?? new Uint8Array()), doc.text);
  assert.equal([...(rep[2] ?? '').matchAll(/<PlainTextSelection /g)].length, 2);
  // The other document is still a TextSource.
  assert.deepEqual(
    sources(zip.qde).map((s) => s.attrs['name']),
    [syntheticDoc().path],
  );
});

test(
  'REFI-QDA: the project with a PDFSource validates against Project.xsd',
  needs('a REFI-QDA export with a PDF source against Project.xsd', { schema: true }),
  () => {
    assertValid(unzip(exportRefiQda([pdfDocument(true)], { now: '2026-12-06T10:00:00Z' })).qde);
  },
);

test('REFI-QDA: without the PDF’s bytes (missing or changed) the text is exported as a TextSource, as before', () => {
  const zip = unzip(exportRefiQda([pdfDocument(false)], {}));
  assert.doesNotMatch(zip.qde, /PDFSource/);
  assert.equal(sources(zip.qde)[0]?.attrs['name'], 'sources/report.pdf.txt');
  assert.equal(Object.keys(zip.files).filter((f) => f.endsWith('.pdf')).length, 0);
});
