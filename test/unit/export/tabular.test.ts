// CSV, JSON, JSON Lines and the Markdown report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { CSV_COLUMNS, exportCsv } from '../../../src/core/export/csv';
import { exportJson, exportJsonl } from '../../../src/core/export/json';
import { escapeMarkdown, exportMarkdown } from '../../../src/core/export/markdown';
import { annotationsToExport, CodePointLines } from '../../../src/core/export/select';
import { FORMATS, runExport } from '../../../src/core/export';
import { normaliseSidecar, type Annotation, type Sidecar } from '../../../src/core/sidecar/format';
import { serializeSidecar } from '../../../src/core/sidecar/write';
import { parseSidecar } from '../../../src/core/sidecar/read';
import { allDocuments, cpSlice, EVERYTHING, repeatedDocument, suggestionCount, trickyDocument } from './documents';
import { EntityRegistry } from '../../../src/core/entities/registry';

function text(result: { files: { contents: string | Uint8Array }[] }): string {
  const c = result.files[0]?.contents;
  assert.equal(typeof c, 'string');
  return c as string;
}

test('CSV: RFC 4180 read back by a CSV parser gives every annotation, quotes intact', (t) => {
  const docs = allDocuments(t);
  const csv = text(exportCsv(docs, {}));
  assert.ok(!csv.startsWith('\ufeff'));
  assert.ok(csv.includes('\r\n'), 'records end with CRLF');
  const rows = parse<Record<string, string>>(csv, { columns: true, bom: true, relax_quotes: false });
  assert.deepEqual(Object.keys(rows[0] ?? {}), [...CSV_COLUMNS]);
  const expected = docs.flatMap((d) => annotationsToExport(d, {}).map((a) => ({ d, a })));
  assert.equal(rows.length, expected.length);
  expected.forEach(({ d, a }, i) => {
    const row = rows[i]!;
    assert.equal(row['file'], d.path);
    assert.equal(row['id'], a.id);
    const quote = /^[=+\-@\t\r]/.test(a.quote) ? `'${a.quote}` : a.quote;
    assert.equal(row['quote'], quote);
    assert.equal(cpSlice(d.text, Number(row['start']), Number(row['end'])), a.quote);
    assert.equal(Number(row['line']), new CodePointLines(d.text).lineOf(a.start));
    assert.equal(row['status'], a.status);
    assert.notEqual(row['status'], 'suggested', 'reviewed annotations only by default');
    assert.equal(row['reviewer'], a.reviewer ?? '');
    assert.equal(row['reviewed'], a.reviewed ?? '');
    assert.equal(row['note'] ?? '', /^[=+\-@\t\r]/.test(a.note ?? '') ? `'${a.note}` : (a.note ?? ''));
  });
  const tricky = rows.find((r) => r['kind'] === 'quote check')!;
  assert.ok(tricky['quote']!.includes('\r\nA second line 😀'), 'line break and emoji survive');
  assert.equal(tricky['tags'], 'a,b; say "hi"');
  assert.equal(tricky['speaker'], 'the CEO');
  assert.equal(tricky['author'], 'Grace');
});

test('CSV: the BOM option, and formulas are neutralised for spreadsheets', () => {
  const csv = text(exportCsv([trickyDocument()], { bom: true }));
  assert.ok(csv.startsWith('\ufeff'));
  const rows = parse<Record<string, string>>(csv, { columns: true, bom: true });
  assert.equal(rows.find((r) => r['kind'] === 'note')!['quote'], "'=SUM(A1)");
  assert.equal(rows.find((r) => r['kind'] === 'note')!['note'], "'+1 tab\there\\n");
});

test('JSON holds the sidecar data and paths; JSONL one annotation per line', (t) => {
  const docs = allDocuments(t);
  const json = JSON.parse(text(exportJson(docs, { now: '2026-11-24T00:00:00Z' }))) as {
    documents: { file: string; annotations: Annotation[]; sha256?: string }[];
    exported: string;
  };
  assert.equal(json.exported, '2026-11-24T00:00:00Z');
  assert.deepEqual(
    json.documents.map((d) => d.file),
    docs.map((d) => d.path),
  );
  json.documents.forEach((d, i) => {
    assert.deepEqual(d.annotations, annotationsToExport(docs[i]!, {}));
    assert.equal(d.sha256, docs[i]!.sidecar.source.sha256);
  });
  const lines = text(exportJsonl(docs, EVERYTHING)).split('\n');
  assert.equal(lines.pop(), '');
  assert.equal(
    lines.length,
    docs.reduce((n, d) => n + d.sidecar.annotations.length, 0),
  );
  for (const line of lines) {
    const rec = JSON.parse(line) as Annotation & { file: string };
    const doc = docs.find((d) => d.path === rec.file)!;
    assert.equal(cpSlice(doc.text, rec.start, rec.end), rec.quote);
  }
});

test("JSON and JSON Lines out and back: each document's sidecar again, the same file when written", (t) => {
  const docs = [...allDocuments(t), repeatedDocument()];
  type Body = { marginalia: 2; documents: { file: string; sha256?: string; published?: string; annotations: Annotation[] }[] };
  const json = JSON.parse(text(exportJson(docs, EVERYTHING))) as Body;
  const jsonl = text(exportJsonl(docs, EVERYTHING))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Annotation & { file: string });
  json.documents.forEach((record, i) => {
    const doc = docs[i]!;
    const { file, annotations, ...source } = record;
    assert.equal(file, doc.path);
    // The sidecar names its source relative to itself: the file name beside it.
    const back: Sidecar = { marginalia: json.marginalia, source: { file: file.split('/').pop()!, ...source }, annotations };
    const yaml = serializeSidecar(normaliseSidecar(back));
    assert.equal(yaml, serializeSidecar(normaliseSidecar(doc.sidecar)), doc.path);
    assert.deepEqual(parseSidecar(yaml, `${file}.annotations.yaml`, doc.text).errors, [], doc.path);
    const lines = jsonl.filter((l) => l.file === file).map(({ file: _f, ...a }) => a);
    assert.deepEqual(lines, annotations, `${doc.path} as JSON Lines`);
  });
});

test('reviewed annotations only by default: suggestions and dismissed ones each when asked for', () => {
  const doc = trickyDocument();
  const all = doc.sidecar.annotations.length;
  const dismissed = doc.sidecar.annotations.filter((a) => a.status === 'dismissed').length;
  const suggested = suggestionCount([doc]);
  assert.ok(dismissed > 0 && suggested > 0);
  const plain = exportCsv([doc], {});
  assert.deepEqual([plain.count, plain.suggestions, plain.suggestionsLeftOut], [all - dismissed - suggested, 0, suggested]);
  assert.equal(exportCsv([doc], { includeDismissed: true }).count, all - suggested);
  const withSuggestions = exportCsv([doc], { includeSuggestions: true });
  assert.deepEqual(
    [withSuggestions.count, withSuggestions.suggestions, withSuggestions.suggestionsLeftOut],
    [all - dismissed, suggested, 0],
  );
  assert.equal(exportCsv([doc], EVERYTHING).count, all);
});

test('CSV with suggestions: the status column says suggested, reviewer and reviewed are empty for them', (t) => {
  const docs = allDocuments(t);
  const rows = parse<Record<string, string>>(text(exportCsv(docs, { includeSuggestions: true })), { columns: true });
  const suggested = rows.filter((r) => r['status'] === 'suggested');
  assert.equal(suggested.length, suggestionCount(docs));
  for (const r of suggested) assert.deepEqual([r['reviewer'], r['reviewed'], r['origin']], ['', '', 'detected']);
  // A commitment's verdict and evidence, reviewer and reviewed sit right after status: one judgment, read together.
  assert.deepEqual(CSV_COLUMNS.slice(CSV_COLUMNS.indexOf('status'), CSV_COLUMNS.indexOf('status') + 5), [
    'status',
    'verdict',
    'evidence',
    'reviewer',
    'reviewed',
  ]);
  const verified = rows.find((r) => r['status'] === 'verified')!;
  assert.deepEqual([verified['reviewer'], verified['reviewed']], ['Grace', '2026-11-25T09:00:00Z']);
});

test('JSON and JSONL carry status, reviewer and reviewed, and JSON says what was left out', (t) => {
  const docs = allDocuments(t);
  type Body = { marginalia: number; includesSuggestions: boolean; suggestionsLeftOut: number; documents: { annotations: Annotation[] }[] };
  const plain = JSON.parse(text(exportJson(docs, {}))) as Body;
  assert.equal(plain.marginalia, 2);
  assert.deepEqual([plain.includesSuggestions, plain.suggestionsLeftOut], [false, suggestionCount(docs)]);
  assert.ok(plain.documents.every((d) => d.annotations.every((a) => a.status !== 'suggested')));
  const withSuggestions = JSON.parse(text(exportJson(docs, { includeSuggestions: true }))) as Body;
  assert.deepEqual([withSuggestions.includesSuggestions, withSuggestions.suggestionsLeftOut], [true, 0]);
  const annotations = withSuggestions.documents.flatMap((d) => d.annotations);
  assert.equal(annotations.filter((a) => a.status === 'suggested').length, suggestionCount(docs));
  const disputed = annotations.find((a) => a.status === 'disputed')!;
  assert.deepEqual([disputed.reviewer, disputed.reviewed], ['Ada', '2026-11-25 10:15+0100']);
  const lines = text(exportJsonl(docs, { includeSuggestions: true }))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Annotation);
  assert.equal(lines.filter((a) => a.status === 'suggested').length, suggestionCount(docs));
  assert.ok(lines.some((a) => a.reviewer === 'Grace' && a.reviewed === '2026-11-25T09:00:00Z'));
});

test('Markdown: a controls × documents table and each annotation with quote, label, status, note', (t) => {
  const docs = allDocuments(t);
  const md = text(exportMarkdown(docs, { controlTitle: (id) => (id === 'iso-27001' ? 'ISO/IEC 27001' : undefined) }));
  assert.match(md, /^<!-- Generated by Marginalia[^\n]* -->\n# Marginalia annotations\n/);
  const header = md.split('\n').find((l) => l.startsWith('| Control |'))!;
  assert.equal(header.split('|').length - 3, docs.length, 'one column per document');
  assert.match(md, /\| ISO\/IEC 27001 \(`iso-27001`\) \|/);
  for (const doc of docs) assert.ok(md.includes(`## ${escapeMarkdown(doc.path, 'heading')}`));
  // The tricky quote: each line its own blockquote line, Markdown characters escaped.
  assert.ok(md.includes('  > A second line 😀'));
  assert.ok(md.includes('  > =SUM(A1)'), 'nothing in it needs escaping');
  assert.ok(md.includes('  Says <b>"all"</b> & more:'), "the note is the researcher's own Markdown, kept");
  assert.ok(md.includes('Tags: `a,b`, `say "hi"`'));
});

test('Markdown: the header counts reviewed annotations and the suggestions left out; none is listed', (t) => {
  const docs = [...allDocuments(t), repeatedDocument()];
  const result = exportMarkdown(docs, {});
  const md = text(result);
  const reviewed = docs.reduce((n, d) => n + annotationsToExport(d, {}).length, 0);
  const left = suggestionCount(docs);
  assert.ok(
    md.includes(
      `\n${reviewed} reviewed annotations in ${docs.length} documents. ${left} unreviewed suggestions (machine findings no one has checked) were left out.\n`,
    ),
    md.slice(0, 400),
  );
  assert.equal(result.count, reviewed);
  assert.ok(!md.includes('suggestion*'), 'no suggestion is listed');
  assert.ok(!md.includes('### Unreviewed suggestions'));
  assert.match(md, /\*verified\* by Grace, 2026-11-25 · line \d+/);
  assert.match(md, /\*open\*, 2026-11-26 · line \d+/, 'accepted by someone unnamed: the day only');
  assert.match(md, /- \*\*quote check\*\* · needs source · \*open\* by Grace, 2026-11-20 · line 3/, 'a manual annotation: by its maker');
  assert.match(md, /\n\d+ unreviewed suggestions? left out\.\n/, 'per document too');
  const none = text(
    exportMarkdown([{ ...docs[0]!, sidecar: { ...docs[0]!.sidecar, annotations: annotationsToExport(docs[0]!, {}) } }], {}),
  );
  assert.ok(none.includes('No unreviewed suggestions were left out.'));
});

test('Markdown with suggestions: each is marked, listed apart after the reviewed ones, and counted apart', (t) => {
  const docs = [...allDocuments(t), repeatedDocument()];
  const md = text(exportMarkdown(docs, { includeSuggestions: true }));
  const reviewed = docs.reduce((n, d) => n + annotationsToExport(d, {}).length, 0);
  const suggested = suggestionCount(docs);
  assert.ok(md.includes(`\n${reviewed} reviewed annotations and ${suggested} unreviewed suggestions in ${docs.length} documents. `));
  assert.equal(md.split('\n').filter((l) => l.startsWith('- ') && l.includes(' · *unreviewed suggestion* · ')).length, suggested);
  for (const section of md.split(/\n(?=## )/).slice(2)) {
    const [before, after = ''] = section.split('### Unreviewed suggestions');
    assert.ok(!before!.includes('*unreviewed suggestion*'), 'no suggestion among the reviewed annotations');
    assert.ok(!/\*(open|verified|disputed|dismissed)\*/.test(after), 'no reviewed annotation among the suggestions');
  }
  // A control only a suggestion cites is counted as a suggestion, never as a citation.
  const tricky = trickyDocument();
  const onlySuggested = tricky.sidecar.annotations.map((a) => (a.kind === 'control' ? { ...a, status: 'suggested' as const } : a));
  const table = text(
    exportMarkdown([{ ...tricky, sidecar: { ...tricky.sidecar, annotations: onlySuggested } }], { includeSuggestions: true }),
  );
  assert.match(table, /\| `hipaa` \| \+1 suggested \|/);
  assert.ok(table.includes('"+n suggested" are unreviewed suggestions, not findings'));
});

test('every listed format exports the corpus, leaves suggestions out by default and counts them alike', (t) => {
  const docs = allDocuments(t);
  const suggested = suggestionCount(docs);
  for (const f of FORMATS) {
    const result = runExport(f.id, docs, {});
    assert.ok(result.files.length >= 1, f.id);
    if (f.singleFile) assert.equal(result.files.length, 1, f.id);
    assert.deepEqual([result.suggestions, result.suggestionsLeftOut], [0, suggested], f.id);
    const all = runExport(f.id, docs, { includeSuggestions: true });
    assert.equal(all.suggestionsLeftOut, 0, f.id);
    // The register lists commitments only: the suggestions it exports are the suggested commitments.
    const exported = f.id.startsWith('register')
      ? docs.flatMap((d) => d.sidecar.annotations).filter((a) => a.status === 'suggested' && a.kind === 'claim' && a.label === 'commitment')
          .length
      : suggested;
    assert.equal(all.suggestions, exported, f.id);
    assert.equal(all.count, result.count + exported, f.id);
  }
});

test('CSV: the entity column names the entity as the entities file does, else as stored', () => {
  const doc = trickyDocument();
  const tricky = doc.sidecar.annotations.find((a) => a.kind === 'quote check');
  assert.ok(tricky);
  tricky.entity = 'Acme';
  const entityOf = (options: Parameters<typeof exportCsv>[1]): string | undefined =>
    parse<Record<string, string>>(text(exportCsv([doc], options)), { columns: true }).find((r) => r['kind'] === 'quote check')?.['entity'];
  assert.equal(entityOf({}), 'Acme');
  assert.equal(
    entityOf({ entities: new EntityRegistry([{ id: 'acme', name: 'Acme Widgets Ltd', aliases: ['Acme'] }]) }),
    'Acme Widgets Ltd',
  );
});
