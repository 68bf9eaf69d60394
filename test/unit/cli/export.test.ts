import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { parseSidecar } from '../../../src/core/sidecar/read';
import type { Annotation } from '../../../src/core/sidecar/format';
import { codePointSlice, plain, read, run, SOURCE, tempDir, write } from './fixtures/helpers';

const SECOND = 'Notes 😀\nWe will adopt ISO 27001 by 2027, the CTO said.\n';

async function workspace(): Promise<{ dir: string; a: string; b: string }> {
  const dir = tempDir();
  const a = path.join(dir, 'docs', 'statement.txt');
  const b = path.join(dir, 'docs', 'more', 'notes.md');
  mkdirSync(path.dirname(b), { recursive: true });
  write(a, SOURCE);
  write(b, SECOND);
  const r = await run(['detect', '--write', path.join(dir, 'docs')]);
  assert.equal(r.status, 0, r.err.join('\n'));
  return { dir, a, b };
}

function annotationsOf(source: string, text: string): Annotation[] {
  const r = parseSidecar(read(`${source}.annotations.yaml`), source, plain(text));
  assert.deepEqual(r.errors, []);
  return r.sidecar?.annotations ?? [];
}

test('export csv to standard output with suggestions: every annotation, paths relative to the shared folder, code-point offsets', async () => {
  const { dir, a, b } = await workspace();
  const r = await run(['export', '--format', 'csv', '--include-suggestions', path.join(dir, 'docs')]);
  assert.equal(r.status, 0, r.err.join('\n'));
  assert.deepEqual(r.err, [], 'nothing was left out');
  const rows = parse<Record<string, string>>(r.out, { columns: true });
  const expected = annotationsOf(a, SOURCE).length + annotationsOf(b, SECOND).length;
  assert.equal(rows.length, expected);
  assert.ok(
    rows.every((row) => row['status'] === 'suggested' && row['reviewer'] === ''),
    'detect --write stores suggestions, exported as such',
  );
  assert.deepEqual([...new Set(rows.map((row) => row['file']))].sort(), ['more/notes.md', 'statement.txt']);
  for (const row of rows) {
    const text = plain(row['file'] === 'statement.txt' ? SOURCE : SECOND);
    const quote = row['quote']!.replace(/^'(?=[=+\-@])/, '');
    assert.equal(codePointSlice(text, Number(row['start']), Number(row['end'])), quote);
  }
});

test('by default a scanned workspace exports nothing: its suggestions are left out, and the summary says how many', async () => {
  const { dir, a, b } = await workspace();
  const total = annotationsOf(a, SOURCE).length + annotationsOf(b, SECOND).length;
  const stdout = await run(['export', '--format', 'csv', path.join(dir, 'docs')]);
  assert.equal(stdout.status, 0, stdout.err.join('\n'));
  assert.equal(parse<Record<string, string>>(stdout.out, { columns: true }).length, 0);
  assert.deepEqual(stdout.err, [
    `marginalia: ${total} unreviewed suggestions left out (not reviewed by a person; --include-suggestions exports them)`,
  ]);
  const out = path.join(dir, 'out', 'annotations.md');
  const file = await run(['export', '--format', 'markdown', '--out', out, path.join(dir, 'docs')]);
  assert.equal(file.status, 0, file.err.join('\n'));
  assert.deepEqual(file.err, [
    `0 annotations from 2 documents exported to ${out}; ${total} unreviewed suggestions left out (not reviewed by a person; --include-suggestions exports them)`,
  ]);
  assert.match(
    read(out),
    new RegExp(
      `\\n0 reviewed annotations in 2 documents, exported \\S+ ${total} unreviewed suggestions \\(machine findings no one has checked\\) were left out\\.\\n`,
    ),
  );
  const all = await run([
    'export',
    '--format',
    'json',
    '--include-suggestions',
    '--out',
    out.replace(/md$/, 'json'),
    path.join(dir, 'docs'),
  ]);
  assert.match(
    all.err[0] ?? '',
    new RegExp(`^${total} annotations \\(${total} of them unreviewed suggestions\\) from 2 documents exported to `),
  );
});

test('a Marginalia export saved among the sources, and annotated by mistake, is not exported as a source', async () => {
  const { dir } = await workspace();
  const report = path.join(dir, 'docs', 'report.md');
  assert.equal((await run(['export', '--format', 'markdown', '--include-suggestions', '--out', report, path.join(dir, 'docs')])).status, 0);
  const text = read(report);
  const at = text.indexOf('Marginalia');
  write(
    `${report}.annotations.yaml`,
    [
      'marginalia: 2',
      'source:',
      '  file: report.md',
      'annotations:',
      '  - id: k2345678',
      '    kind: control',
      '    quote: "Marginalia"',
      `    start: ${Array.from(text.slice(0, at)).length}`,
      `    end: ${Array.from(text.slice(0, at)).length + 10}`,
      '    origin: manual',
      '    status: open',
      '',
    ].join('\n'),
  );
  const r = await run(['export', '--format', 'jsonl', '--include-suggestions', path.join(dir, 'docs')]);
  assert.equal(r.status, 0, r.err.join('\n'));
  assert.ok(
    r.err.some((l) => l.includes('report.md: a Marginalia export (markdown), not a source')),
    r.err.join('\n'),
  );
  assert.ok(r.out.split('\n').every((l) => !l.includes('"file":"report.md"')));
});

test('export brat and import it back into fresh copies: the same annotations, written atomically', async () => {
  const { dir, a, b } = await workspace();
  const out = path.join(dir, 'brat');
  const r = await run(['export', '--format', 'brat', '--include-suggestions', '--out', out, path.join(dir, 'docs')]);
  assert.equal(r.status, 0, r.err.join('\n'));
  assert.ok(
    existsSync(path.join(out, 'statement.ann')) &&
      existsSync(path.join(out, 'more', 'notes.md.ann')) &&
      existsSync(path.join(out, 'annotation.conf')),
  );
  const before = { a: annotationsOf(a, SOURCE), b: annotationsOf(b, SECOND) };
  rmSync(`${a}.annotations.yaml`);
  rmSync(`${b}.annotations.yaml`);
  const dry = await run(['import', '--format', 'brat', '--root', path.join(dir, 'docs'), out]);
  assert.equal(dry.status, 0, dry.err.join('\n'));
  assert.ok(!existsSync(`${a}.annotations.yaml`), 'nothing written without --write');
  const imp = await run(['import', '--format', 'brat', '--root', path.join(dir, 'docs'), '--write', out]);
  assert.equal(imp.status, 0, imp.err.join('\n'));
  const strip = (l: Annotation[]) =>
    l.map((x) => ({ id: x.id, kind: x.kind, label: x.label, start: x.start, end: x.end, quote: x.quote, status: x.status }));
  assert.deepEqual(strip(annotationsOf(a, SOURCE)), strip(before.a));
  assert.deepEqual(strip(annotationsOf(b, SECOND)), strip(before.b));
});

test('export w3c to a file and import it into an edited source: moved annotations placed, the rest reported, exit 1', async () => {
  const { dir, b } = await workspace();
  const out = path.join(dir, 'out', 'annotations.jsonld');
  const r = await run(['export', '--format', 'w3c', '--include-suggestions', '--out', out, b]);
  assert.equal(r.status, 0, r.err.join('\n'));
  const exported = JSON.parse(readFileSync(out, 'utf8')) as { total: number };
  rmSync(`${b}.annotations.yaml`);
  write(b, `A new first line.\n${SECOND.replace('by 2027', 'soon')}`);
  const imp = await run(['import', '--format', 'w3c', '--write', out]);
  assert.equal(imp.status, 1);
  const placed = annotationsOf(b, read(b));
  assert.ok(placed.length > 0 && placed.length < exported.total);
  for (const x of placed) assert.equal(codePointSlice(read(b), x.start, x.end), x.quote);
  assert.match(imp.out, /not placed {2}.*annotations\.jsonld annotation \d+ {2}"2027"|not placed {2}.*"by 2027"/);
  assert.ok(imp.err.some((l) => l.includes('not placed')));
});

test('export refi-qda needs --out; unknown formats and missing PATH are usage errors', async () => {
  const { dir } = await workspace();
  assert.equal((await run(['export', '--format', 'refi-qda', dir])).status, 2);
  assert.equal((await run(['export', '--format', 'docx', dir])).status, 2);
  assert.equal((await run(['export', '--format', 'csv'])).status, 2);
  assert.equal((await run(['import', '--format', 'csv', dir])).status, 2);
});

test('export refi-qda writes a zip holding project.qde and the sources', async () => {
  const { dir } = await workspace();
  const out = path.join(dir, 'project.qdpx');
  const r = await run(['export', '--format', 'refi-qda', '--out', out, path.join(dir, 'docs')]);
  assert.equal(r.status, 0, r.err.join('\n'));
  const entries = Object.keys(unzipSync(readFileSync(out)));
  assert.ok(entries.includes('project.qde'));
  assert.equal(entries.filter((e) => e.startsWith('sources/')).length, 2);
});

test('an invalid sidecar is reported with file:line:column and the others are still exported', async () => {
  const { dir, a, b } = await workspace();
  write(`${a}.annotations.yaml`, 'marginalia: 1\nsource: [oops\n');
  const r = await run(['export', '--format', 'jsonl', '--include-suggestions', path.join(dir, 'docs')]);
  assert.equal(r.status, 1);
  assert.equal(r.out.split('\n').length, annotationsOf(b, SECOND).length);
  assert.ok(
    r.err.some((l) => /statement\.txt\.annotations\.yaml:\d+:\d+: /.test(l)),
    r.err.join('\n'),
  );
});

test('export w3c: each source is its path resolved against --base-uri, by default the file: URI of the folder the sources share', async () => {
  const { dir, a, b } = await workspace();
  type Collection = { marginalia: { baseUri?: string }; first: { items: { target: { source: string } }[] } };
  const sources = async (extra: string[]): Promise<{ base: string | undefined; sources: string[] }> => {
    const r = await run(['export', '--format', 'w3c', '--include-suggestions', ...extra, path.join(dir, 'docs')]);
    assert.equal(r.status, 0, r.err.join('\n'));
    const c = JSON.parse(r.out) as Collection;
    return { base: c.marginalia.baseUri, sources: [...new Set(c.first.items.map((i) => i.target.source))].sort() };
  };
  const byDefault = await sources([]);
  assert.equal(byDefault.base, pathToFileURL(path.join(dir, 'docs')).href + '/');
  assert.deepEqual(byDefault.sources.map((s) => fileURLToPath(s)).sort(), [b, a].sort());
  assert.ok(
    byDefault.sources.every((s) => s.startsWith(byDefault.base ?? '?')),
    'the path relative to the shared folder is visible in each IRI',
  );
  const published = await sources(['--base-uri', 'https://example.org/corpus']);
  assert.equal(published.base, 'https://example.org/corpus/');
  assert.deepEqual(published.sources, ['https://example.org/corpus/more/notes.md', 'https://example.org/corpus/statement.txt']);
  for (const bad of ['corpus/', 'urn:x-marginalia:corpus', 'https://example.org/c/?q=1', 'https://example.org/c/#top']) {
    const r = await run(['export', '--format', 'w3c', '--base-uri', bad, path.join(dir, 'docs')]);
    assert.equal(r.status, 2, bad);
    assert.match(r.err.join('\n'), /--base-uri/);
  }
  const help = await run(['export', '--help']);
  assert.match(help.out, /--base-uri URI/);
  assert.match(help.out, /resolved\s+against --base-uri/);
});

test('export --format register lists the commitments a scan stored, with their controls and due dates, marked as suggestions', async () => {
  const { dir } = await workspace();
  const r = await run(['export', '--format', 'register', '--include-suggestions', path.join(dir, 'docs')]);
  assert.equal(r.status, 0, r.err.join('\n'));
  assert.match(r.out, /^<!-- Generated by Marginalia: commitments register -->/);
  // "We will adopt ISO 27001 by 2027, the CTO said." links its control and its deadline.
  assert.match(
    r.out,
    /\| {2}\| [^|]*\| We will adopt ISO 27001 by 2027, the CTO said\. \| iso-27001 \| 2027 \| [^|]*\| \*suggestion\* \| more\/notes\.md:2 \|/,
  );
  const csv = await run(['export', '--format', 'register-csv', '--include-suggestions', path.join(dir, 'docs')]);
  const rows = parse<Record<string, string>>(csv.out, { columns: true });
  const adopt = rows.find((row) => row['commitment']?.startsWith('We will adopt'));
  assert.deepEqual([adopt?.['controls'], adopt?.['due'], adopt?.['status']], ['iso-27001', '2027', 'suggested']);
});

test('--entities: detect stores who each speaker is, the register names them as the file lists them, and a bad file is located', async () => {
  const dir = tempDir();
  const doc = path.join(dir, 'docs', 'update.txt');
  mkdirSync(path.dirname(doc), { recursive: true });
  write(
    doc,
    'Published 3 March 2025\n\nNorthwind Cloud said it had finished its audit. The company said it will complete a SOC 2 Type II audit by the end of 2025.\n',
  );
  const entities = path.join(dir, 'entities.yaml');
  write(
    entities,
    'marginalia-entities: 1\nentities:\n  - {id: northwind, name: Northwind Cloud Ltd, type: organisation, aliases: [Northwind Cloud]}\n',
  );
  const detected = await run(['detect', '--json', '--entities', entities, doc]);
  assert.equal(detected.status, 0, detected.err.join('\n'));
  const claims = (
    JSON.parse(detected.out) as { annotations: { kind: string; speaker?: string; entity?: string }[] }[]
  )[0]?.annotations.filter((a) => a.kind === 'claim');
  assert.deepEqual(
    claims?.map((c) => [c.speaker, c.entity]),
    [
      ['Northwind Cloud', 'Northwind Cloud Ltd'],
      ['the company', 'Northwind Cloud Ltd'],
    ],
  );
  const written = await run(['detect', '--write', '--entities', entities, doc]);
  assert.equal(written.status, 0, written.err.join('\n'));
  assert.match(read(`${doc}.annotations.yaml`), /speaker: the company\n {4}entity: Northwind Cloud Ltd\n/);
  const register = await run(['export', '--format', 'register', '--include-suggestions', '--entities', entities, path.join(dir, 'docs')]);
  assert.equal(register.status, 0, register.err.join('\n'));
  assert.match(register.out, /\| Northwind Cloud Ltd \(“the company”\) \| The company said it will complete/);

  write(entities, 'marginalia-entities: 1\nentities:\n  - {id: North Wind, name: Northwind}\n');
  const bad = await run(['detect', '--json', '--entities', entities, doc]);
  assert.equal(bad.status, 1);
  assert.match(bad.err.join('\n'), /entities\.yaml:3:10: entity 1: `id` must be lower case/);
});
