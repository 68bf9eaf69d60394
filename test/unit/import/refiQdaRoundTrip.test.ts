// Marginalia's own REFI-QDA export read back: the same sidecars, every field the format
// carries (kind, label, speaker, position, origin, status, reviewer, reviewed, note, tags,
// author, created, id), into an empty sidecar and onto the one it came from; labels the
// export had to rename come back; suggestions stay suggestions; and the same after the
// project went through a tool that gave everything new GUIDs (as QualCoder does on export).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchorAt } from '../../../src/core/anchor/context';
import { exportRefiQda } from '../../../src/core/export/refiQda';
import { strictDateTime } from '../../../src/core/export/dates';
import type { ExportDocument, ExportOptions } from '../../../src/core/export/types';
import { placeAnnotations } from '../../../src/core/import/place';
import { readRefiQda } from '../../../src/core/import/refiQda';
import { matchRefiSources } from '../../../src/core/import/refiQdaSources';
import { LINK_ROLES, normaliseAnnotation, sortAnnotations, type Annotation, type Sidecar } from '../../../src/core/sidecar/format';
import { OffsetMap } from '../../../src/core/text/offsets';
import { emptySidecar } from '../../../src/core/store/sync';
import { allDocuments, EVERYTHING } from '../export/documents';
import { unzipProject, zipFiles } from './qdpx';

function qdpxOf(docs: readonly ExportDocument[], options: ExportOptions): Uint8Array {
  const contents = exportRefiQda(docs, options).files[0]?.contents;
  assert.ok(contents instanceof Uint8Array);
  return contents;
}

/** Each document's sidecar as imported from the project, placed onto `base` (empty by default). */
function reimport(
  bytes: Uint8Array,
  docs: readonly ExportDocument[],
  base?: (d: ExportDocument) => Sidecar,
): Map<string, ReturnType<typeof placeAnnotations>> {
  const read = readRefiQda(bytes, 'export.qdpx');
  assert.deepEqual(read.problems, []);
  const { matches, unmatched } = matchRefiSources(
    read.sources,
    docs.map((d) => ({ path: d.path, text: d.text })),
  );
  assert.deepEqual(unmatched, []);
  const out = new Map<string, ReturnType<typeof placeAnnotations>>();
  for (const m of matches) {
    const doc = docs.find((d) => d.path === m.document.path);
    assert.ok(doc);
    assert.equal(m.source.name, doc.path);
    out.set(doc.path, placeAnnotations(m.source.incoming, doc.text, base?.(doc) ?? emptySidecar(doc.sidecar.source.file)));
  }
  return out;
}

/**
 * The annotation as the format carries it. `created` is an xsd:dateTime in the project,
 * so a time the sidecar holds in another ISO 8601 form (no seconds, a space, `+0100`)
 * comes back as the same instant in the strict form.
 */
function carried(a: Annotation): Annotation {
  const out = normaliseAnnotation(a);
  if (out.created !== undefined) out.created = strictDateTime(out.created, 'optional') ?? out.created;
  return out;
}

function expected(doc: ExportDocument, options: ExportOptions): Annotation[] {
  const kept = doc.sidecar.annotations.filter((a) => {
    if (a.status === 'suggested') return options.includeSuggestions === true;
    if (a.status === 'dismissed') return options.includeDismissed === true;
    return true;
  });
  // A link to an annotation the export leaves out is not exported.
  const ids = new Set(kept.map((a) => a.id));
  const linkedInside = (a: Annotation): Annotation => {
    const out = { ...a };
    for (const role of LINK_ROLES) {
      const inside = a[role]?.filter((id) => ids.has(id));
      if (inside === undefined || inside.length === 0) Reflect.deleteProperty(out, role);
      else out[role] = inside;
    }
    return out;
  };
  return sortAnnotations(kept.map(linkedInside).map(carried));
}

test('REFI-QDA round trip: export then import gives back the same sidecars, every field', () => {
  const docs = allDocuments();
  for (const options of [EVERYTHING, {}] satisfies ExportOptions[]) {
    const placed = reimport(qdpxOf(docs, options), docs);
    assert.equal(placed.size, docs.length);
    for (const doc of docs) {
      const r = placed.get(doc.path);
      assert.ok(r);
      assert.deepEqual(r.unplaced, []);
      assert.deepEqual(r.sidecar.annotations.map(carried), expected(doc, options), doc.path);
    }
  }
  // The only field not given back exactly: a `created` written without seconds.
  const tricky = docs.find((d) => d.path === 'notes/tricky.txt');
  const loose = tricky?.sidecar.annotations.find((a) => a.created === '2026-11-21T08:00');
  assert.ok(loose);
  const back = reimport(qdpxOf(docs, EVERYTHING), docs)
    .get('notes/tricky.txt')
    ?.sidecar.annotations.find((a) => a.id === loose.id);
  assert.equal(back?.created, '2026-11-21T08:00:00');
});

test('REFI-QDA round trip: importing the export onto the sidecars it came from changes nothing', () => {
  const docs = allDocuments().map((d) => ({ ...d, sidecar: { ...d.sidecar, annotations: d.sidecar.annotations.map(carried) } }));
  for (const [path, r] of reimport(qdpxOf(docs, EVERYTHING), docs, (d) => d.sidecar)) {
    assert.deepEqual([r.added.length, r.updated.length, r.changed], [0, 0, false], path);
    assert.equal(r.unchanged, docs.find((d) => d.path === path)?.sidecar.annotations.length);
  }
});

function manual(text: string, quote: string, fields: Partial<Annotation> & { id: string; kind: string }): Annotation {
  const at = text.indexOf(quote);
  assert.ok(at >= 0, quote);
  const map = new OffsetMap(text);
  const a = anchorAt(text, at, at + quote.length);
  return {
    quote,
    prefix: a.prefix,
    suffix: a.suffix,
    start: map.toCodePoint(at),
    end: map.toCodePoint(at + quote.length),
    origin: 'manual',
    status: 'open',
    ...fields,
  };
}

const TEXT = 'We commit to 🔒 encryption. Our privacy claim: we delete logs.\r\nWe promise to retain nothing.';

function collisionDoc(): ExportDocument {
  const doc: ExportDocument = { path: 'c/d.txt', text: TEXT, sidecar: emptySidecar('d.txt') };
  doc.sidecar.annotations = [
    manual(TEXT, 'We commit to 🔒 encryption', {
      id: 'aaaaaaa1',
      kind: 'claim',
      label: 'commitment',
      speaker: 'the vendor',
      author: 'ana',
      created: '2026-01-02T03:04:05Z',
    }),
    // Exported as "commitment (privacy)" and "claim (privacy)": the names were taken.
    manual(TEXT, 'we delete logs', {
      id: 'aaaaaaa2',
      kind: 'privacy',
      label: 'commitment',
      reviewer: 'bo',
      reviewed: '2026-02-01T00:00:00Z',
      status: 'verified',
    }),
    manual(TEXT, 'Our privacy claim', {
      id: 'aaaaaaa3',
      kind: 'privacy',
      label: 'claim',
      note: 'two\n\nparagraphs',
      tags: ['a, b', '"q"', 'plain'],
    }),
    manual(TEXT, 'We promise to retain nothing', {
      id: 'aaaaaaa4',
      kind: 'privacy',
      origin: 'detected',
      status: 'suggested',
      author: 'scanner',
    }),
  ];
  return doc;
}

test("REFI-QDA round trip: labels renamed to keep code names unique come back; the memo's tags and note exactly", () => {
  const doc = collisionDoc();
  const bytes = qdpxOf([doc], { includeSuggestions: true });
  assert.match(unzipProject(bytes).qde, /name="commitment \(privacy\)"/);
  assert.match(unzipProject(bytes).qde, /name="claim \(privacy\)"/);
  const r = reimport(bytes, [doc]).get('c/d.txt');
  assert.deepEqual(r?.sidecar.annotations, sortAnnotations(doc.sidecar.annotations.map(normaliseAnnotation)));
});

test('REFI-QDA round trip: after another tool gave every element a new GUID, kinds, labels and provenance still come back', () => {
  const doc = collisionDoc();
  const { qde, files } = unzipProject(qdpxOf([doc], { includeSuggestions: true }));
  // What QualCoder does on export: new GUIDs (upper-case here), its own name as origin.
  let n = 0;
  const fresh = new Map<string, string>();
  const reguided = qde
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (g) => {
      if (!fresh.has(g))
        fresh.set(g, `${(++n).toString(16).padStart(8, '0')}-AAAA-4BBB-8CCC-${n.toString(16).padStart(12, '0')}`.toUpperCase());
      return fresh.get(g) ?? g;
    })
    .replace('origin="Marginalia"', 'origin="QualCoder 3.6"');
  const renamed: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(files)) {
    if (name !== 'project.qde') renamed[name.replace(/[0-9a-f-]{36}/, (g) => fresh.get(g) ?? g).replace(/^sources\//, 'Sources/')] = bytes;
  }
  const r = reimport(zipFiles(reguided, renamed), [doc]).get('c/d.txt');
  assert.ok(r);
  assert.deepEqual(r.sidecar.annotations, sortAnnotations(doc.sidecar.annotations.map(normaliseAnnotation)));
  // The suggestion is still one: status, origin, no reviewer.
  const suggestion = r.sidecar.annotations.find((a) => a.id === 'aaaaaaa4');
  assert.deepEqual([suggestion?.status, suggestion?.origin, suggestion?.reviewer], ['suggested', 'detected', undefined]);
});

test('REFI-QDA round trip: an exported suggestion imported onto a sidecar where a person has since reviewed it keeps the review', () => {
  const doc = collisionDoc();
  const bytes = qdpxOf([doc], { includeSuggestions: true });
  const reviewed = {
    ...doc,
    sidecar: {
      ...doc.sidecar,
      annotations: doc.sidecar.annotations.map((a) =>
        a.id === 'aaaaaaa4' ? { ...a, status: 'open' as const, reviewer: 'ana', reviewed: '2026-03-01T00:00:00Z' } : a,
      ),
    },
  };
  const r = reimport(bytes, [reviewed], (d) => d.sidecar).get('c/d.txt');
  const a = r?.sidecar.annotations.find((x) => x.id === 'aaaaaaa4');
  assert.deepEqual([a?.status, a?.reviewer, a?.reviewed], ['open', 'ana', '2026-03-01T00:00:00Z']);
  assert.equal(r?.changed, false);
});

test('a text made from a PDF goes out as a PDFSource and comes back to the same text, by name, every annotation in place', () => {
  const text = 'Page one says SOC 2.\n\f\nPage two names the ICO.\n';
  const annotations: Annotation[] = [
    {
      ...anchorAt(text, text.indexOf('SOC 2'), text.indexOf('SOC 2') + 5),
      id: 'soc',
      kind: 'control',
      label: 'soc2',
      origin: 'manual',
      status: 'open',
    },
    {
      ...anchorAt(text, text.indexOf('ICO'), text.indexOf('ICO') + 3),
      id: 'ico',
      kind: 'control',
      label: 'uk-ico',
      origin: 'manual',
      status: 'verified',
      reviewer: 'Ada',
    },
  ];
  const doc: ExportDocument = {
    path: 'pdfs/report.pdf.txt',
    text,
    sidecar: {
      marginalia: 2,
      source: { file: 'report.pdf.txt', original: 'report.pdf', originalType: 'pdf', pages: [0, 23] },
      annotations,
    },
    originalPdf: new TextEncoder().encode('%PDF-1.7 stand-in bytes'),
  };
  const bytes = qdpxOf([doc], { now: '2026-12-06T10:00:00Z' });
  const back = reimport(bytes, [doc]).get(doc.path);
  assert.ok(back);
  assert.deepEqual(back.sidecar.annotations.map(carried), sortAnnotations(annotations).map(carried));
});
