import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bratStem, bratTypeName, bratValue, escapeBratNote, exportBrat, fragments, overlapOf } from '../../../src/core/export/brat';
import { annotationsToExport } from '../../../src/core/export/select';
import { readBrat } from '../../../src/core/import/brat';
import { placeAnnotations } from '../../../src/core/import/place';
import { emptySidecar } from '../../../src/core/store/sync';
import type { ExportFile } from '../../../src/core/export/types';
import type { ExportDocument } from '../../../src/core/export/types';
import type { Annotation } from '../../../src/core/sidecar/format';
import { allDocuments, cpSlice, EVERYTHING, repeatedDocument, suggestionCount, trickyDocument } from './documents';
import { parseAnn, parseConf, verify } from './bratStandoff';

function file(files: readonly ExportFile[], path: string): string {
  const f = files.find((x) => x.path === path);
  assert.ok(f, `${path} in ${files.map((x) => x.path).join(', ')}`);
  assert.equal(typeof f.contents, 'string');
  return f.contents as string;
}

/** The minimal brat grammar each line must follow (standoff format, brat 1.3). */
const LINE =
  /^(T\d+\t[A-Za-z][A-Za-z0-9_-]* \d+ \d+(;\d+ \d+)*\t[^\n\r]*|A\d+\t(Status|Label) T\d+ [^\s|,]+|#\d+\tAnnotatorNotes T\d+\t[^\n\r]*)$/;

test('a .txt and .ann per document and one annotation.conf declaring every type and value used', (t) => {
  const docs = allDocuments(t);
  const result = exportBrat(docs, {});
  assert.equal(result.files.length, docs.length * 2 + 1);
  const conf = file(result.files, 'annotation.conf');
  const declared = new Set(conf.split('\n').filter((l) => /^[A-Za-z]/.test(l) && !l.includes('\t')));
  const values = new Map(
    conf
      .split('\n')
      .filter((l) => l.includes('\tArg:<ENTITY>, Value:'))
      .map((l) => [l.split('\t')[0], new Set(l.split('Value:')[1]!.split('|'))]),
  );
  let entities = 0;
  for (const doc of docs) {
    const stem = bratStem(doc.path);
    assert.equal(file(result.files, `${stem}.txt`), doc.text);
    const ann = file(result.files, `${stem}.ann`);
    for (const line of ann.split('\n').filter((l) => l !== '')) {
      assert.match(line, LINE);
      const [id, spec, text] = line.split('\t');
      if (id!.startsWith('T')) {
        entities++;
        const [type, ...offsets] = spec!.split(' ');
        assert.ok(declared.has(type!), `entity type ${type} declared`);
        const spans = offsets
          .join(' ')
          .split(';')
          .map((s) => s.split(' ').map(Number) as [number, number]);
        assert.equal(spans.map(([s, e]) => cpSlice(doc.text, s, e)).join(' '), text, `${doc.path} ${line}`);
      } else if (id!.startsWith('A')) {
        const [name, , value] = spec!.split(' ');
        assert.ok(values.get(name)?.has(value!), `${name} ${value} declared`);
      }
    }
  }
  assert.equal(
    entities,
    docs.reduce((n, d) => n + annotationsToExport(d, {}).length, 0),
  );
  assert.equal(result.count, entities);
});

test('a span across a line break becomes fragments around it', () => {
  assert.deepEqual(fragments('ab\r\ncd', 10), {
    spans: [
      [10, 12],
      [14, 16],
    ],
    text: 'ab cd',
  });
  assert.deepEqual(fragments('😀x\ny', 0), {
    spans: [
      [0, 2],
      [3, 4],
    ],
    text: '😀x y',
  });
  assert.deepEqual(fragments('\n', 5), { spans: [], text: '' });
});

test('brat out and back in keeps kind, span, quote, label, status and note', (t) => {
  for (const doc of allDocuments(t)) {
    const result = exportBrat([doc], EVERYTHING);
    const stem = bratStem(doc.path);
    const read = readBrat(file(result.files, `${stem}.ann`), file(result.files, `${stem}.txt`), `${stem}.ann`);
    assert.deepEqual(read.problems, []);
    const placed = placeAnnotations(read.incoming, doc.text, emptySidecar('x'));
    assert.deepEqual(placed.unplaced, []);
    const pick = (list: typeof placed.added) =>
      list
        .map((a) => ({
          kind: a.kind.replace(/\s+/g, '_'),
          start: a.start,
          end: a.end,
          quote: a.quote,
          label: a.label?.replace(/\s+/g, '_'),
          status: a.status,
          note: a.note,
        }))
        .sort((x, y) => x.start - y.start || x.end - y.end || x.kind.localeCompare(y.kind));
    assert.deepEqual(pick(placed.sidecar.annotations), pick(doc.sidecar.annotations.filter((a) => !a.orphaned)), doc.path);
    // Onto the original sidecar: everything is recognised by kind and span, nothing added or
    // changed, except kinds brat had to rename ("quote check" → "quote_check"): new to the sidecar.
    const kinds = new Set(doc.sidecar.annotations.map((a) => a.kind));
    const onto = placeAnnotations(
      read.incoming.filter((i) => kinds.has(i.fields.kind)),
      doc.text,
      doc.sidecar,
    );
    assert.equal(onto.added.length, 0, doc.path);
    assert.equal(onto.updated.length, 0, doc.path);
  }
});

test('a status changed in brat updates the sidecar and keeps what brat does not carry, but not the old review', () => {
  const doc = trickyDocument();
  const result = exportBrat([doc], {});
  const ann = file(result.files, 'notes/tricky.ann');
  const first = /^A\d+\tStatus T1 (\w+)$/m.exec(ann)![1]!;
  const changed = ann.replace(/^(A\d+\tStatus T1) \w+$/m, `$1 ${first === 'disputed' ? 'verified' : 'disputed'}`);
  const read = readBrat(changed, doc.text, 'tricky.ann');
  const placed = placeAnnotations(read.incoming, doc.text, doc.sidecar);
  assert.equal(placed.updated.length, 1);
  const before = doc.sidecar.annotations.find((a) => a.id === placed.updated[0]!.id)!;
  assert.ok(before.reviewer !== undefined || before.reviewed !== undefined, 'the fixture had a review to drop');
  assert.notEqual(placed.updated[0]!.status, before.status);
  assert.equal(placed.updated[0]!.author, before.author);
  assert.equal(placed.updated[0]!.created, before.created);
  // brat does not say who gave the new status: the old reviewer did not.
  assert.deepEqual([placed.updated[0]!.reviewer, placed.updated[0]!.reviewed], [undefined, undefined]);
  // Unchanged statuses keep their reviews: nothing is updated.
  const again = placeAnnotations(readBrat(ann, doc.text, 'tricky.ann').incoming, doc.text, doc.sidecar);
  assert.equal(again.updated.length, 0);
});

test('brat: the Status attribute says suggested when suggestions are asked for, and annotation.conf declares it', (t) => {
  const docs = allDocuments(t);
  const plain = exportBrat(docs, {});
  const all = exportBrat(docs, { includeSuggestions: true });
  const statuses = (r: typeof plain): string[] =>
    r.files
      .filter((f) => f.path.endsWith('.ann'))
      .flatMap((f) =>
        (f.contents as string)
          .split('\n')
          .filter((l) => /^A\d+\tStatus /.test(l))
          .map((l) => l.split(' ')[2]!),
      );
  assert.ok(!statuses(plain).includes('suggested'));
  assert.equal(statuses(all).filter((s) => s === 'suggested').length, suggestionCount(docs));
  for (const r of [plain, all]) {
    assert.match(file(r.files, 'annotation.conf'), /^Status\tArg:<ENTITY>, Value:suggested\|open\|verified\|disputed\|dismissed$/m);
  }
});

test('relations, events, unknown attributes and bad lines are reported with file and line', () => {
  const text = 'Acme holds ISO 27001 today.';
  const ann = [
    'T1\tcontrol 11 20\tISO 27001',
    'T2\tcontrol 11 x\tbad',
    'T3\tcontrol 11 99\ttoo far',
    'R1\tCites Arg1:T1 Arg2:T1',
    'A1\tConfidence T1 High',
    '#1\tAnnotatorNotes T9\tdangling',
  ].join('\n');
  const read = readBrat(ann, text, 'doc.ann');
  assert.equal(read.incoming.length, 1);
  assert.equal(read.incoming[0]!.quote, 'ISO 27001');
  const reasons = read.problems.map((p) => `${p.origin} ${p.reason}`);
  assert.equal(reasons.length, 5, reasons.join('\n'));
  assert.ok(reasons.some((r) => r.startsWith('doc.ann:2 cannot read')));
  assert.ok(reasons.some((r) => r.startsWith('doc.ann:3 offsets 11-99 are past the end')));
  assert.ok(reasons.some((r) => r.startsWith('doc.ann:4 a relation')));
  assert.ok(reasons.some((r) => r.startsWith('doc.ann:5 attribute')));
  assert.ok(reasons.some((r) => r.startsWith('doc.ann:6 #1 refers to')));
});

test('orphaned annotations are listed as skipped, not written with stale offsets', () => {
  const doc = trickyDocument();
  const first = doc.sidecar.annotations.find((a) => a.status !== 'suggested' && a.status !== 'dismissed')!;
  const orphan = { ...first, orphaned: true as const, start: 9999, end: 10010 };
  const result = exportBrat(
    [{ ...doc, sidecar: { ...doc.sidecar, annotations: doc.sidecar.annotations.map((a) => (a === first ? orphan : a)) } }],
    {},
  );
  assert.deepEqual(
    result.skipped.map((s) => s.id),
    [first.id],
  );
  assert.match(result.skipped[0]!.reason, /orphaned/);
});

/** Every document's .ann checked against the export's annotation.conf, as brat's validation would. */
function validate(docs: readonly ExportDocument[], conf?: string): { errors: string[]; entities: number } {
  const result = exportBrat(docs, EVERYTHING);
  const parsed = parseConf(conf ?? file(result.files, 'annotation.conf'));
  let entities = 0;
  const errors = docs.flatMap((doc) => {
    const stem = bratStem(doc.path);
    const ann = parseAnn(file(result.files, `${stem}.ann`), file(result.files, `${stem}.txt`));
    entities += ann.entities.size;
    return verify(ann, parsed).map((e) => `${stem}.ann ${e}`);
  });
  return { errors, entities };
}

test("annotation.conf declares the overlaps the export holds: brat's validation finds nothing to report", (t) => {
  const docs = [...allDocuments(t), repeatedDocument()];
  const { errors, entities } = validate(docs);
  assert.ok(entities > 50);
  assert.deepEqual(errors, []);
  const conf = file(exportBrat(docs, EVERYTHING).files, 'annotation.conf');
  // In [relations], where brat's configuration puts them; what the export holds, not <ANY>.
  const relations = conf.slice(conf.indexOf('[relations]'), conf.indexOf('[events]'));
  assert.match(relations, /^<OVERLAP>\tArg1:date, Arg2:claim, <OVL-TYPE>:contain$/m);
  assert.ok(!conf.includes('<ANY>'));
  assert.equal(
    conf.split('\n').filter((l) => l.startsWith('<OVERLAP>')).length,
    relations.split('\n').filter((l) => l.startsWith('<OVERLAP>')).length,
  );
  // Without the rules, as before: every date or control inside a claim is an error.
  const without = validate(
    docs,
    conf
      .split('\n')
      .filter((l) => !l.startsWith('<OVERLAP>'))
      .join('\n'),
  );
  assert.ok(without.errors.length > 10, `${without.errors.length} errors without the rules`);
  assert.ok(without.errors.some((e) => /overlap \(date inside claim\)/.test(e)));
});

test("overlaps in brat's terms: contain from the inner type to the outer one, equal and cross both ways", () => {
  const text = 'We will complete HIPAA by Q3 2025. The CEO said so on Friday.\nSecond line.';
  const at = (quote: string, kind: string, id: string): Annotation => {
    const start = text.indexOf(quote);
    return { id, kind, quote, prefix: '', suffix: '', start, end: start + quote.length, origin: 'manual', status: 'open' };
  };
  const annotations = [
    at('We will complete HIPAA by Q3 2025.', 'claim', 'k0000001'),
    at('by Q3 2025', 'date', 'k0000002'),
    at('We will complete HIPAA by Q3 2025.', 'quote check', 'k0000003'),
    at('2025. The CEO', 'note', 'k0000004'),
    at('Friday.\nSecond', 'note', 'k0000005'),
    at('Second line.', 'claim', 'k0000006'),
  ];
  const doc = { path: 't.txt', text, sidecar: { marginalia: 2 as const, source: { file: 't.txt' }, annotations } };
  const conf = file(exportBrat([doc], {}).files, 'annotation.conf');
  assert.deepEqual(
    conf.split('\n').filter((l) => l.startsWith('<OVERLAP>')),
    [
      '<OVERLAP>\tArg1:claim, Arg2:note, <OVL-TYPE>:cross',
      '<OVERLAP>\tArg1:claim, Arg2:quote_check, <OVL-TYPE>:equal',
      '<OVERLAP>\tArg1:date, Arg2:claim, <OVL-TYPE>:contain',
      '<OVERLAP>\tArg1:date, Arg2:note, <OVL-TYPE>:cross',
      '<OVERLAP>\tArg1:date, Arg2:quote_check, <OVL-TYPE>:contain',
      '<OVERLAP>\tArg1:note, Arg2:claim, <OVL-TYPE>:cross',
      '<OVERLAP>\tArg1:note, Arg2:date, <OVL-TYPE>:cross',
      '<OVERLAP>\tArg1:note, Arg2:quote_check, <OVL-TYPE>:cross',
      '<OVERLAP>\tArg1:quote_check, Arg2:claim, <OVL-TYPE>:equal',
      '<OVERLAP>\tArg1:quote_check, Arg2:note, <OVL-TYPE>:cross',
    ],
  );
  assert.deepEqual(validate([doc]).errors, []);
  // A note across a line break is written as two fragments; it still crosses the claims it touches.
  assert.equal(
    overlapOf(
      [
        [53, 60],
        [61, 67],
      ],
      [[61, 73]],
    ),
    'cross',
  );
  assert.equal(overlapOf([[10, 20]], [[0, 30]]), 'a-in-b');
  assert.equal(overlapOf([[0, 30]], [[10, 20]]), 'b-in-a');
  assert.equal(
    overlapOf(
      [
        [0, 5],
        [6, 9],
      ],
      [
        [0, 5],
        [6, 9],
      ],
    ),
    'equal',
  );
  assert.equal(
    overlapOf(
      [
        [0, 5],
        [7, 9],
      ],
      [[5, 7]],
    ),
    undefined,
    'in the gap between fragments: no shared character',
  );
});

test('brat re-read by a standoff reader: each annotation with its type, fragments, text, status, label and note', (t) => {
  for (const doc of [...allDocuments(t), repeatedDocument()]) {
    const result = exportBrat([doc], EVERYTHING);
    const stem = bratStem(doc.path);
    const ann = parseAnn(file(result.files, `${stem}.ann`), file(result.files, `${stem}.txt`));
    assert.deepEqual(ann.problems, [], doc.path);
    const expected = annotationsToExport(doc, EVERYTHING).filter((a) => !a.orphaned);
    const read = [...ann.entities.values()];
    assert.equal(read.length, expected.length, doc.path);
    expected.forEach((a, i) => {
      const e = read[i]!;
      const { spans, text } = fragments(a.quote, a.start);
      assert.deepEqual([e.type, e.spans, e.text], [bratTypeName(a.kind), spans, text], `${doc.path} ${a.id}`);
      const attrs = ann.attributes.get(e.id) ?? new Map<string, string | true>();
      assert.equal(attrs.get('Status'), a.status);
      assert.equal(attrs.get('Label'), a.label === undefined ? undefined : bratValue(a.label));
      assert.equal(ann.notes.get(e.id), a.note === undefined ? undefined : escapeBratNote(a.note));
    });
  }
});
