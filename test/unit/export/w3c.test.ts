import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import * as jsonld from 'jsonld';
import { ANNO_CONTEXT, exportW3c, MARGINALIA_PROPERTY_IRI, textTargetOf, toWebAnnotation } from '../../../src/core/export/w3c';
import { pathReference, resolveAgainst } from '../../../src/core/export/ids';
import { readWebAnnotations } from '../../../src/core/import/w3c';
import { placeAnnotations } from '../../../src/core/import/place';
import { annotationsToExport } from '../../../src/core/export/select';
import { emptySidecar } from '../../../src/core/store/sync';
import { normaliseAnnotation } from '../../../src/core/sidecar/format';
import {
  allDocuments,
  corpusDocuments,
  corpusWithRepeatedLede,
  cpSlice,
  EVERYTHING,
  repeatedDocument,
  standardsDir,
  suggestionCount,
  trickyDocument,
} from './documents';
import { failures, mustAssertions, selectorPresence } from './w3cSchemas';
import { needsShared } from '../../eval/shared';

interface Collection {
  type: string;
  total: number;
  first: { type: string; items: ReturnType<typeof toWebAnnotation>[] };
}

test(
  'every exported annotation passes every W3C must assertion and carries both selectors',
  needsShared('standards', "the W3C export against the W3C test suite's must assertions"),
  (t) => {
    for (const baseUri of [undefined, 'file:///home/ada/My%20Corpus/', 'https://example.org/corpus/']) {
      checkMusts(t, baseUri === undefined ? {} : { baseUri });
    }
  },
);

function checkMusts(t: TestContext, base: { baseUri?: string }): void {
  const docs = [...allDocuments(t), repeatedDocument()];
  const musts = mustAssertions(standardsDir as string);
  assert.ok(musts.length >= 16, `expected the 14 annotation and 3 selector musts, found ${musts.length}`);
  const presence = selectorPresence(standardsDir as string);
  // Suggestions and dismissed ones too: every kind of provenance must be valid.
  const result = exportW3c(docs, { now: '2026-11-24T12:00:00Z', ...EVERYTHING, ...base });
  const file = result.files[0];
  assert.ok(file && typeof file.contents === 'string');
  const collection = JSON.parse(file.contents) as Collection;
  assert.equal(collection.type, 'AnnotationCollection');
  const expected = docs.reduce((n, d) => n + annotationsToExport(d, EVERYTHING).length, 0);
  assert.equal(collection.total, expected);
  assert.equal(collection.first.items.length, expected);
  assert.equal(result.count, expected);
  for (const item of collection.first.items) {
    assert.deepEqual(failures(musts, item), [], item.id);
    for (const p of presence) assert.ok(p.validate(item), `${p.file} for ${item.id}`);
  }
}

test(
  'the W3C schemas need an absolute source: a relative one fails them (why the export resolves paths)',
  needsShared('standards', "that the W3C test suite's schemas refuse a relative source"),
  () => {
    const musts = mustAssertions(standardsDir as string);
    const doc = trickyDocument();
    const good = toWebAnnotation(doc, doc.sidecar.annotations[0]!, { baseUri: 'https://example.org/corpus/' });
    assert.equal(textTargetOf(good).source, 'https://example.org/corpus/notes/tricky.txt');
    assert.deepEqual(failures(musts, good), []);
    assert.notDeepEqual(failures(musts, { ...good, target: { ...textTargetOf(good), source: 'notes/tricky.txt' } }), []);
  },
);

test('target.source is the document path resolved against the base URI, and the collection records the base', () => {
  const tricky = trickyDocument();
  const odd = { ...tricky, path: 'a b/é#1?.txt', uri: 'file:///elsewhere/ignored.txt' };
  const sources = (options: { baseUri?: string }): string[] => {
    const c = JSON.parse(exportW3c([tricky, odd], options).files[0]!.contents as string) as Collection & {
      marginalia: { baseUri?: string };
    };
    assert.equal(c.marginalia.baseUri, options.baseUri);
    return [...new Set(c.first.items.map((w) => textTargetOf(w).source))];
  };
  assert.deepEqual(sources({ baseUri: 'https://example.org/corpus/' }), [
    'https://example.org/corpus/notes/tricky.txt',
    'https://example.org/corpus/a%20b/%C3%A9%231%3F.txt',
  ]);
  // Without a base: the URI the caller gave, else a urn naming the path (as before).
  assert.deepEqual(sources({}), ['urn:x-marginalia:source:notes/tricky.txt', 'file:///elsewhere/ignored.txt']);
  // RFC 3986 resolution, as WHATWG URL (and a JSON-LD processor) does it.
  for (const base of [
    'file:///home/ada/docs/',
    'https://example.org/c/x',
    'https://example.org',
    'https://example.org/c/?q=1#f',
    'file:///',
  ]) {
    for (const path of ['statement.txt', 'more/notes.md', 'a b/é#1?.txt', '100%.txt']) {
      assert.equal(resolveAgainst(base, path), new URL(pathReference(path), base).href, `${base} + ${path}`);
    }
  }
});

/**
 * The context terms this export uses, as http://www.w3.org/ns/anno.jsonld defines them
 * (`source` is `oa:hasSource`, an IRI); a stand-in, since the tests cannot fetch the real one.
 */
const ANNO_CONTEXT_STAND_IN = {
  '@context': {
    oa: 'http://www.w3.org/ns/oa#',
    dc: 'http://purl.org/dc/elements/1.1/',
    dcterms: 'http://purl.org/dc/terms/',
    as: 'https://www.w3.org/ns/activitystreams#',
    foaf: 'http://xmlns.com/foaf/0.1/',
    rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
    rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
    xsd: 'http://www.w3.org/2001/XMLSchema#',
    id: '@id',
    type: '@type',
    Annotation: 'oa:Annotation',
    TextualBody: 'oa:TextualBody',
    TextQuoteSelector: 'oa:TextQuoteSelector',
    TextPositionSelector: 'oa:TextPositionSelector',
    AnnotationCollection: 'as:OrderedCollection',
    AnnotationPage: 'as:OrderedCollectionPage',
    Person: 'foaf:Person',
    Software: 'as:Application',
    body: { '@type': '@id', '@id': 'oa:hasBody' },
    target: { '@type': '@id', '@id': 'oa:hasTarget' },
    source: { '@type': '@id', '@id': 'oa:hasSource' },
    selector: { '@type': '@id', '@id': 'oa:hasSelector' },
    motivation: { '@type': '@vocab', '@id': 'oa:motivatedBy' },
    purpose: { '@type': '@vocab', '@id': 'oa:hasPurpose' },
    tagging: 'oa:tagging',
    commenting: 'oa:commenting',
    classifying: 'oa:classifying',
    assessing: 'oa:assessing',
    value: 'rdf:value',
    format: 'dc:format',
    exact: 'oa:exact',
    prefix: 'oa:prefix',
    suffix: 'oa:suffix',
    start: { '@type': 'xsd:nonNegativeInteger', '@id': 'oa:start' },
    end: { '@type': 'xsd:nonNegativeInteger', '@id': 'oa:end' },
    created: { '@type': 'xsd:dateTime', '@id': 'dcterms:created' },
    modified: { '@type': 'xsd:dateTime', '@id': 'dcterms:modified' },
    generated: { '@type': 'xsd:dateTime', '@id': 'dcterms:issued' },
    creator: { '@type': '@id', '@id': 'dcterms:creator' },
    generator: { '@type': '@id', '@id': 'as:generator' },
    name: 'foaf:name',
    label: 'rdfs:label',
    total: { '@type': 'xsd:nonNegativeInteger', '@id': 'as:totalItems' },
    first: { '@type': '@id', '@id': 'as:first' },
    items: { '@type': '@id', '@id': 'as:items', '@container': '@list' },
    startIndex: { '@type': 'xsd:nonNegativeInteger', '@id': 'as:startIndex' },
  },
};

type RemoteDocument = Awaited<ReturnType<NonNullable<jsonld.Options.DocLoader['documentLoader']>>>;

/** Serves the stand-in for anno.jsonld; anything else would need the network, which tests have not. */
function documentLoader(url: string): Promise<RemoteDocument> {
  if (url === ANNO_CONTEXT)
    return Promise.resolve({ documentUrl: url, document: ANNO_CONTEXT_STAND_IN as unknown as RemoteDocument['document'] });
  return Promise.reject(new Error(`no network in tests: ${url}`));
}

type Expanded = Record<string, unknown>[];

/** Every value of `key` anywhere in the expanded document. */
function valuesOf(node: unknown, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(node)) for (const n of node) valuesOf(n, key, out);
  else if (typeof node === 'object' && node !== null) {
    for (const [k, v] of Object.entries(node)) {
      if (k === key) out.push(...(Array.isArray(v) ? (v as unknown[]) : [v as unknown]));
      // A @json value is data, not graph: nothing in it is an IRI.
      else if (k !== '@value') valuesOf(v, key, out);
    }
  }
  return out;
}

test('jsonld.js reads the export the same wherever the file is: the sources are absolute and the marginalia data survives', async () => {
  const baseUri = 'file:///home/ada/My%20Corpus/';
  const docs = [trickyDocument(), repeatedDocument()];
  const collection = JSON.parse(exportW3c(docs, { ...EVERYTHING, baseUri }).files[0]!.contents as string) as Collection;
  const expand = (base: string): Promise<Expanded> =>
    jsonld.expand(collection as unknown as jsonld.JsonLdDocument, { base, documentLoader });
  const here = await expand('file:///tmp/export/annotations.jsonld');
  const there = await expand('https://elsewhere.example/shared/annotations.jsonld');
  assert.deepEqual(here, there, 'nothing in the file is relative to where it is read from');
  const sources = valuesOf(here, 'http://www.w3.org/ns/oa#hasSource').map((s) => (s as { '@id': string })['@id']);
  assert.equal(sources.length, collection.total);
  assert.deepEqual([...new Set(sources)].sort(), docs.map((d) => resolveAgainst(baseUri, d.path)).sort());
  const data = valuesOf(here, MARGINALIA_PROPERTY_IRI).map((v) => (v as { '@value': unknown })['@value']);
  // Each annotation's, then the collection's own.
  assert.deepEqual(data, [
    ...collection.first.items.map((w) => w.marginalia),
    (collection as unknown as { marginalia: unknown }).marginalia,
  ]);
  // What the help text's "relative paths" would have given: a source that depends on where the file lies.
  const relative = {
    ...collection,
    first: {
      ...collection.first,
      items: collection.first.items.map((w) => ({ ...w, target: { ...textTargetOf(w), source: 'notes/tricky.txt' } })),
    },
  };
  const moved = await Promise.all(
    ['file:///a/x.jsonld', 'file:///b/x.jsonld'].map((base) =>
      jsonld.expand(relative as unknown as jsonld.JsonLdDocument, { base, documentLoader }),
    ),
  );
  assert.notDeepEqual(valuesOf(moved[0], 'http://www.w3.org/ns/oa#hasSource'), valuesOf(moved[1], 'http://www.w3.org/ns/oa#hasSource'));
});

test('W3C out and back in with repeated paragraphs: every annotation back in its place', () => {
  const doc = repeatedDocument();
  const read = readWebAnnotations(
    exportW3c([doc], { ...EVERYTHING, baseUri: 'https://example.org/' }).files[0]!.contents as string,
    'r.jsonld',
  );
  assert.deepEqual(read.problems, []);
  assert.ok(read.items.every((i) => i.source === 'https://example.org/notes/repeated%20paragraphs.txt'));
  const fresh = placeAnnotations(
    read.items.map((i) => i.incoming),
    doc.text,
    emptySidecar(doc.sidecar.source.file),
  );
  assert.deepEqual(fresh.unplaced, []);
  assert.deepEqual(
    fresh.sidecar.annotations,
    doc.sidecar.annotations.map(normaliseAnnotation).sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1)),
  );
});

// Apache Annotator places each of these by quote and context alone (quoteSelector.test.ts),
// and so must the import: an annotation without positions is placed where its whole
// selector fits (it fits once: the export lengthened it), not near an offset of 0 it never
// had (that left 156 of these 179 not placed, and put two emoji on the wrong copy).
test('W3C import by quote and context alone (a client that kept no positions) places annotations in repeated text', (t) => {
  const docs = [repeatedDocument(), trickyDocument(), ...corpusDocuments(t), ...corpusWithRepeatedLede()];
  for (const doc of docs) {
    const read = readWebAnnotations(exportW3c([doc], EVERYTHING).files[0]!.contents as string, 'r.jsonld');
    const quoteOnly = read.items.map(({ incoming: { start: _s, end: _e, ...rest } }) => rest);
    const byQuote = placeAnnotations(quoteOnly, doc.text, emptySidecar(doc.sidecar.source.file));
    assert.deepEqual(byQuote.unplaced, [], doc.path);
    assert.deepEqual(
      byQuote.sidecar.annotations.map((a) => [a.id, a.start, a.end]),
      [...doc.sidecar.annotations]
        .sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1))
        .map((a) => [a.id, a.start, a.end]),
      doc.path,
    );
  }
});

test('W3C import by quote alone after the source was edited: placed where the text went, or reported, never elsewhere', () => {
  const doc = repeatedDocument();
  const read = readWebAnnotations(exportW3c([doc], EVERYTHING).files[0]!.contents as string, 'r.jsonld');
  const quoteOnly = read.items.map(({ incoming: { start: _s, end: _e, ...rest } }) => rest);
  // A paragraph added at the top, and the second lede's "board" changed: each annotation is
  // where its text went, 2 code points further down (a line of its own, and its break)...
  const added = 'Update.\n';
  const edited =
    added + doc.text.replace('Photo: the 🔒 lobby.\n\nOn Friday 😀 the board', 'Photo: the 🔒 lobby.\n\nOn Friday 😀 the Board');
  const byQuote = placeAnnotations(quoteOnly, edited, emptySidecar(doc.sidecar.source.file));
  const shift = Array.from(added).length;
  const original = new Map(doc.sidecar.annotations.map((a) => [a.id, a]));
  for (const a of byQuote.sidecar.annotations) {
    const was = original.get(a.id)!;
    assert.deepEqual([a.start, a.end], [was.start + shift, was.end + shift], `${a.id} "${a.quote}"`);
  }
  // ...or, where the edit touched its selector (quote or context), reported as not placed.
  const before = 'Photo: the 🔒 lobby.\n\nOn Friday 😀 the ';
  const changed = Array.from(doc.text.slice(0, doc.text.indexOf(before) + before.length)).length;
  const byOrigin = new Map(read.items.map((i) => [i.incoming.origin, i.incoming]));
  for (const u of byQuote.unplaced) {
    const i = byOrigin.get(u.origin)!;
    const from = i.start! - Array.from(i.prefix).length;
    const to = i.end! + Array.from(i.suffix).length;
    assert.ok(from <= changed && changed < to, `${u.origin} "${u.quote}" not placed, though the edit did not touch its selector`);
  }
  assert.ok(byQuote.unplaced.length <= 4, byQuote.unplaced.map((u) => u.quote).join(' | '));
  assert.equal(byQuote.sidecar.annotations.length + byQuote.unplaced.length, read.items.length);
});

test(
  'the W3C checks catch a broken annotation (the validator really validates)',
  needsShared('standards', 'that the W3C schema checks catch a broken annotation'),
  () => {
    const musts = mustAssertions(standardsDir as string);
    const doc = trickyDocument();
    const good = toWebAnnotation(doc, doc.sidecar.annotations[0]!);
    assert.deepEqual(failures(musts, good), []);
    assert.notDeepEqual(failures(musts, { ...good, type: 'Note' }), []);
    assert.notDeepEqual(failures(musts, { ...good, created: 'yesterday' }), []);
    const badPosition = { ...good, target: { ...textTargetOf(good), selector: [{ type: 'TextPositionSelector', start: -1, end: 3 }] } };
    assert.notDeepEqual(failures(musts, badPosition), []);
  },
);

test('position selectors slice the source to the quote, in code points', (t) => {
  for (const doc of allDocuments(t)) {
    for (const a of annotationsToExport(doc, {})) {
      const w = toWebAnnotation(doc, a);
      const pos = textTargetOf(w).selector.find((s) => s.type === 'TextPositionSelector');
      const quote = textTargetOf(w).selector.find((s) => s.type === 'TextQuoteSelector');
      assert.ok(pos?.type === 'TextPositionSelector' && quote?.type === 'TextQuoteSelector');
      assert.equal(cpSlice(doc.text, pos.start, pos.end), quote.exact, `${doc.path} ${a.id}`);
    }
  }
});

test('W3C out and back in gives the same annotations, into an empty sidecar and onto the original', (t) => {
  for (const doc of allDocuments(t)) {
    const exported = exportW3c([doc], EVERYTHING);
    const read = readWebAnnotations(exported.files[0]!.contents as string, 'a.jsonld');
    assert.deepEqual(read.problems, []);
    const original = doc.sidecar.annotations.map(normaliseAnnotation);
    const fresh = placeAnnotations(
      read.items.map((i) => i.incoming),
      doc.text,
      emptySidecar(doc.sidecar.source.file),
    );
    assert.deepEqual(fresh.unplaced, []);
    assert.deepEqual(
      fresh.sidecar.annotations,
      [...original].sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1)),
      doc.path,
    );
    const again = placeAnnotations(
      read.items.map((i) => i.incoming),
      doc.text,
      doc.sidecar,
    );
    assert.equal(again.added.length, 0);
    assert.equal(again.updated.length, 0);
    assert.equal(again.changed, false);
  }
});

test('W3C provenance: a suggestion is created by Marginalia (Software), a reviewed annotation by the person who decided', (t) => {
  const docs = [...allDocuments(t), repeatedDocument()];
  const collection = JSON.parse(
    exportW3c(docs, { now: '2026-11-27T08:00:00Z', includeSuggestions: true }).files[0]!.contents as string,
  ) as Collection & {
    generator: unknown;
    marginalia: unknown;
  };
  assert.deepEqual(collection.generator, { type: 'Software', name: 'Marginalia' });
  assert.deepEqual(collection.marginalia, { includesSuggestions: true, suggestionsLeftOut: 0 });
  const items = collection.first.items;
  const suggestions = items.filter((w) => w.marginalia.status === 'suggested');
  assert.equal(suggestions.length, suggestionCount(docs));
  for (const w of items) {
    assert.deepEqual(w.generator, { type: 'Software', name: 'Marginalia' });
    assert.equal(w.generated, '2026-11-27T08:00:00Z');
    if (w.marginalia.status === 'suggested') {
      assert.deepEqual(w.creator, { type: 'Software', name: 'Marginalia' }, "machine output is the software's");
      assert.equal(w.modified, undefined);
      assert.ok(!w.body.some((b) => b.purpose === 'assessing'));
      // Who ran the scan is still known, apart from the creator.
      assert.equal(w.marginalia.author, 'Ada');
    } else {
      const person = w.marginalia.reviewer ?? w.marginalia.author;
      assert.deepEqual(w.creator, person === undefined ? undefined : { type: 'Person', name: person });
    }
  }
  const verified = items.find((w) => w.marginalia.status === 'verified')!;
  assert.deepEqual(
    [verified.creator?.name, verified.modified, verified.marginalia.reviewed],
    ['Grace', '2026-11-25T09:00:00Z', '2026-11-25T09:00:00Z'],
  );
  // A review time RFC 3339 cannot hold as written becomes the strict form, the original kept.
  const disputed = items.find((w) => w.marginalia.status === 'disputed')!;
  assert.equal(disputed.modified, '2026-11-25T10:15:00+01:00');
  assert.equal(disputed.marginalia.reviewed, '2026-11-25 10:15+0100');
  // A time without a zone names no instant: no `created`, the value kept in the property.
  const noZone = items.find((w) => w.marginalia.kind === 'note')!;
  assert.equal(noZone.created, undefined);
  assert.equal(noZone.marginalia.created, '2026-11-21T08:00');
  // Accepted by someone unnamed: the author (who ran the scan) is the responsible person.
  const unnamed = items.find(
    (w) => w.marginalia.status === 'open' && w.marginalia.reviewer === undefined && w.marginalia.origin === 'detected',
  )!;
  assert.deepEqual(unnamed.creator, { type: 'Person', name: 'Ada' });
  assert.equal(unnamed.modified, undefined, 'a day alone is no date-time');
});

test('W3C import: suggested, reviewer and reviewed come back; an export made before reviews keeps its creator as author', () => {
  const doc = trickyDocument();
  const read = readWebAnnotations(exportW3c([doc], { includeSuggestions: true }).files[0]!.contents as string, 'a.jsonld');
  const byId = new Map(read.items.map((i) => [i.incoming.id, i.incoming.fields]));
  for (const a of annotationsToExport(doc, { includeSuggestions: true })) {
    const f = byId.get(a.id)!;
    assert.deepEqual(
      [f.status, f.reviewer, f.reviewed, f.author, f.created],
      [a.status, a.reviewer, a.reviewed, a.author, a.created],
      a.id,
    );
  }
  // Format-1 exports: the creator was the author, and the property had no author or reviewer.
  const legacy = {
    '@context': [
      'http://www.w3.org/ns/anno.jsonld',
      { '@version': 1.1, marginalia: { '@id': 'urn:x-marginalia:vocab:annotation', '@type': '@json' } },
    ],
    id: 'urn:uuid:1',
    type: 'Annotation',
    creator: { type: 'Person', name: 'Ana' },
    created: '2026-01-01T09:30:00Z',
    body: [{ type: 'TextualBody', purpose: 'classifying', value: 'control' }],
    target: { source: 'urn:x-marginalia:source:t.txt', selector: [{ type: 'TextQuoteSelector', exact: 'HIPAA', prefix: '', suffix: '' }] },
    marginalia: { id: 'k1234567', kind: 'control', status: 'open', origin: 'detected' },
  };
  const old = readWebAnnotations(JSON.stringify(legacy), 'old.jsonld').items[0]!.incoming.fields;
  assert.deepEqual([old.author, old.reviewer, old.status], ['Ana', undefined, 'open']);
});

test("an imported suggestion never overrides a person's review; an imported review updates a suggestion with its reviewer", () => {
  const doc = trickyDocument();
  // Exported while everything was still a suggestion, imported after the reviews.
  const asScanned = {
    ...doc,
    sidecar: {
      ...doc.sidecar,
      annotations: doc.sidecar.annotations.map((a) => {
        if (a.origin !== 'detected') return a;
        const scanned = { ...a, status: 'suggested' as const };
        delete scanned.reviewer;
        delete scanned.reviewed;
        return scanned;
      }),
    },
  };
  const stale = readWebAnnotations(
    exportW3c([asScanned], { includeSuggestions: true, includeDismissed: true }).files[0]!.contents as string,
    'old.jsonld',
  );
  const onto = placeAnnotations(
    stale.items.map((i) => i.incoming),
    doc.text,
    doc.sidecar,
  );
  assert.deepEqual([onto.added.length, onto.updated.length, onto.changed], [0, 0, false]);
  // The other way: the reviews come in, with who and when.
  const reviews = readWebAnnotations(exportW3c([doc], EVERYTHING).files[0]!.contents as string, 'new.jsonld');
  const updated = placeAnnotations(
    reviews.items.map((i) => i.incoming),
    asScanned.text,
    asScanned.sidecar,
  );
  assert.ok(updated.updated.length > 0);
  assert.deepEqual(
    updated.sidecar.annotations,
    doc.sidecar.annotations.map(normaliseAnnotation).sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1)),
  );
});

test('importing after the source was edited re-anchors by quote and reports what is gone', () => {
  const doc = trickyDocument();
  const read = readWebAnnotations(exportW3c([doc], {}).files[0]!.contents as string, 'a.jsonld');
  const edited =
    'A new first paragraph pushes everything down.\r\n\r\n' + doc.text.replace('We will complete HIPAA by Q3 2025.', 'Nothing more.');
  const placed = placeAnnotations(
    read.items.map((i) => i.incoming),
    edited,
    emptySidecar('tricky.txt'),
  );
  for (const a of placed.sidecar.annotations) assert.equal(cpSlice(edited, a.start, a.end), a.quote);
  assert.ok(placed.unplaced.length >= 1, 'the HIPAA sentence was removed');
  assert.ok(placed.unplaced.every((u) => u.reason.length > 0 && u.origin.startsWith('a.jsonld annotation')));
  assert.equal(placed.sidecar.annotations.length + placed.unplaced.length, read.items.length);
});

test('annotations from another client map their bodies: tags, comment, creator', () => {
  const foreign = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'http://example.org/anno1',
    type: 'Annotation',
    creator: { id: 'acct:ada@example.org', name: 'Ada' },
    created: '2026-01-02T03:04:05Z',
    body: [
      { type: 'TextualBody', purpose: 'tagging', value: 'soc2' },
      { type: 'TextualBody', value: 'Worth checking' },
    ],
    target: { source: 'https://example.org/a.txt', selector: { type: 'TextQuoteSelector', exact: 'HIPAA by Q3 2025' } },
  };
  const read = readWebAnnotations(JSON.stringify([foreign, { type: 'Annotation', target: 'https://example.org/a.txt' }]), 'f.json');
  assert.equal(read.items.length, 1);
  assert.equal(read.problems.length, 1);
  assert.match(read.problems[0]!.reason, /TextQuoteSelector/);
  const item = read.items[0]!;
  assert.equal(item.source, 'https://example.org/a.txt');
  assert.deepEqual(item.incoming.fields, {
    kind: 'note',
    status: 'open',
    origin: 'manual',
    note: 'Worth checking',
    tags: ['soc2'],
    author: 'Ada',
    created: '2026-01-02T03:04:05Z',
  });
  const placed = placeAnnotations([item.incoming], trickyDocument().text, emptySidecar('t.txt'));
  assert.equal(placed.added.length, 1);
  assert.equal(placed.added[0]!.quote, 'HIPAA by Q3 2025');
});

test("another client's annotation made by software comes in as a suggestion, unless a body assesses it", () => {
  const machine = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'http://example.org/anno2',
    type: 'Annotation',
    creator: { type: 'Software', name: 'SomeTagger' },
    body: [{ type: 'TextualBody', purpose: 'classifying', value: 'control' }],
    target: { source: 'https://example.org/a.txt', selector: { type: 'TextQuoteSelector', exact: 'HIPAA' } },
  };
  const read = readWebAnnotations(
    JSON.stringify([
      machine,
      {
        ...machine,
        id: 'http://example.org/anno3',
        body: [...machine.body, { type: 'TextualBody', purpose: 'assessing', value: 'verified' }],
      },
    ]),
    'm.json',
  );
  assert.deepEqual(
    read.items.map((i) => [i.incoming.fields.status, i.incoming.fields.origin, i.incoming.fields.author]),
    [
      ['suggested', 'detected', undefined],
      ['verified', 'manual', undefined],
    ],
  );
});

test('a file that is not JSON is one clear problem, not a crash', () => {
  const read = readWebAnnotations('{"type": ', 'broken.jsonld');
  assert.equal(read.items.length, 0);
  assert.match(read.problems[0]!.reason, /^not JSON/);
});
