// `marginalia agree`: two folders with known differences, coders who share sidecars, and
// git revisions of the same sidecars.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Annotation } from '../../../src/core/sidecar/format';
import { serializeSidecar } from '../../../src/core/sidecar/write';
import type { AgreementReport } from '../../../src/core/agree/study';
import { read, run, tempDir, write } from './fixtures/helpers';

// Emoji before the spans: sidecar offsets count code points, and so does the report.
const TEXT = '🔒 Acme said it will encrypt all backups by March 2026.\nIt holds ISO 27001 certification.\nCritics doubt it.\n';
const cp = (s: string): number => Array.from(s).length;

function at(quote: string, kind: string, label: string, extra: Partial<Annotation> = {}): Annotation {
  const i = TEXT.indexOf(quote);
  assert.ok(i >= 0, quote);
  const start = cp(TEXT.slice(0, i));
  return {
    id: `${kind[0]}${start}x${cp(quote)}`,
    kind,
    label,
    quote,
    prefix: '',
    suffix: '',
    start,
    end: start + cp(quote),
    origin: 'manual',
    status: 'open',
    ...extra,
  };
}

function folder(root: string, name: string, annotations: Annotation[], files = ['doc.txt']): string {
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, 'sub'), { recursive: true });
  for (const file of files) {
    write(path.join(dir, file), TEXT);
    write(
      path.join(dir, `${file}.annotations.yaml`),
      serializeSidecar({ marginalia: 2, source: { file: path.basename(file) }, annotations }),
    );
  }
  return dir;
}

const COMMIT = at('Acme said it will encrypt all backups by March 2026.', 'claim', 'commitment');
const DATE = at('March 2026', 'date', '2026-03');
const ISO = at('ISO 27001', 'control', 'iso-27001');
const HOLDS = at('It holds ISO 27001 certification.', 'claim', 'assertion');
const DOUBT = at('Critics doubt it.', 'claim', 'assertion');

test('agree FOLDER FOLDER reports exactly the known differences, with code-point offsets', async () => {
  const root = tempDir();
  const a = folder(
    root,
    'ada',
    [COMMIT, DATE, ISO, HOLDS, { ...at('Acme', 'claim', 'assertion'), id: 'sug', status: 'suggested' }],
    ['doc.txt', 'sub/more.txt'],
  );
  const b = folder(
    root,
    'ben',
    [COMMIT, { ...DATE, label: '2026-04' }, { ...HOLDS, start: HOLDS.start + 3, quote: HOLDS.quote.slice(3) }, DOUBT],
    ['doc.txt', 'sub/more.txt'],
  );
  const r = await run(['agree', '--json', a, b]);
  assert.equal(r.status, 0, r.err.join('\n'));
  const report = JSON.parse(r.out) as AgreementReport;
  assert.deepEqual(report.documents, ['doc.txt', 'sub/more.txt']);
  const seen = report.disagreements.map((d) => `${d.document} ${d.kind} ${d.type} ${d.spanA?.quote ?? '-'} | ${d.spanB?.quote ?? '-'}`);
  const perDoc = (doc: string): string[] => [
    `${doc} date label March 2026 | March 2026`,
    `${doc} claim span It holds ISO 27001 certification. | holds ISO 27001 certification.`,
    `${doc} control only ISO 27001 | -`,
    `${doc} claim only - | Critics doubt it.`,
  ];
  assert.deepEqual(seen, [...perDoc('doc.txt'), ...perDoc('sub/more.txt')]);
  const date = report.disagreements[0]!;
  assert.deepEqual([date.spanA?.start, date.spanA?.end], [DATE.start, DATE.end]);
  assert.equal(DATE.start, TEXT.indexOf('March 2026') - 1, 'the emoji counts as one code point');
  assert.deepEqual(report.leftOut[0], { suggestions: 2, dismissed: 0, orphaned: 0 });
  const claim = report.kinds.find((k) => k.kind === 'claim')!;
  assert.deepEqual(claim.spans, [4, 6]);
  assert.equal(claim.pairs[0]!.exact.matched, 2);
  assert.equal(claim.pairs[0]!.overlap.matched, 4);
});

test('the Markdown report names both coders and lists every disagreement by document', async () => {
  const root = tempDir();
  const a = folder(root, 'ada', [COMMIT, ISO]);
  const b = folder(root, 'ben', [COMMIT]);
  const out = path.join(root, 'report.md');
  const r = await run(['agree', '--out', out, a, b]);
  assert.equal(r.status, 0, r.err.join('\n'));
  const md = read(out);
  assert.match(md, /^# Agreement: /);
  assert.match(md, /## Disagreements \(1\)/);
  assert.match(md, /\| control \| only .*ada \| \*\*iso-27001\*\* “ISO 27001” \(\d+–\d+\) \| — \|/);
  assert.match(r.err.join('\n'), /written to .*report\.md/);
});

test('agree --author: two coders in one sidecar, told apart by author and reviewer', async () => {
  const root = tempDir();
  const dir = folder(root, 'shared', [
    { ...COMMIT, author: 'ada' },
    { ...COMMIT, id: 'c-ben', author: 'ben' },
    { ...ISO, origin: 'detected', author: 'scanner', reviewer: 'ada' },
    { ...DOUBT, author: 'ben' },
  ]);
  const r = await run(['agree', '--json', '--author', 'ada', '--author', 'ben', dir]);
  assert.equal(r.status, 0, r.err.join('\n'));
  const report = JSON.parse(r.out) as AgreementReport;
  assert.deepEqual(report.coders, ['ada', 'ben']);
  assert.deepEqual(
    report.disagreements.map((d) => [d.kind, d.type, d.spanA?.quote ?? null, d.spanB?.quote ?? null]),
    [
      ['control', 'only', 'ISO 27001', null],
      ['claim', 'only', null, 'Critics doubt it.'],
    ],
  );
});

test('agree --author with files: each file its own document, named by its path', async () => {
  const root = tempDir();
  const dir = folder(
    root,
    'shared',
    [
      { ...COMMIT, author: 'ada' },
      { ...DOUBT, author: 'ben' },
    ],
    ['one.txt', 'two.txt'],
  );
  const r = await run(['agree', '--json', '--author', 'ada', '--author', 'ben', path.join(dir, 'one.txt'), path.join(dir, 'two.txt')]);
  assert.equal(r.status, 0, r.err.join('\n'));
  const report = JSON.parse(r.out) as AgreementReport;
  assert.equal(report.documents.length, 2);
  assert.ok(report.documents.every((d) => d.endsWith('one.txt') || d.endsWith('two.txt')));
  assert.equal(report.disagreements.length, 4, 'in each document: a claim only ada marked, one only ben marked');
});

test('agree --git REF: the working tree against a revision of the same sidecars', async () => {
  const root = tempDir();
  const dir = folder(root, 'repo', [COMMIT, ISO]);
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: dir, encoding: 'utf8' });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'first coding');
  write(
    path.join(dir, 'doc.txt.annotations.yaml'),
    serializeSidecar({ marginalia: 2, source: { file: 'doc.txt' }, annotations: [COMMIT, { ...ISO, label: 'iso-27002' }] }),
  );
  const r = await run(['agree', '--json', '--git', 'HEAD', dir]);
  assert.equal(r.status, 0, r.err.join('\n'));
  const report = JSON.parse(r.out) as AgreementReport;
  assert.deepEqual(report.coders, ['working tree', 'HEAD']);
  assert.deepEqual(
    report.disagreements.map((d) => [d.kind, d.type, d.spanA?.label, d.spanB?.label]),
    [['control', 'label', 'iso-27002', 'iso-27001']],
  );
  const bad = await run(['agree', '--git', 'no-such-ref', dir]);
  assert.equal(bad.status, 1);
  assert.match(bad.err.join('\n'), /'no-such-ref' is not a revision/);
});

test('bad usage and bad input: clear messages, nothing written', async () => {
  const root = tempDir();
  const a = folder(root, 'ada', [COMMIT]);
  assert.equal((await run(['agree', a])).status, 2);
  assert.equal((await run(['agree', '--author', 'ada', a])).status, 2);
  const missing = await run(['agree', a, path.join(root, 'nope')]);
  assert.equal(missing.status, 1);
  assert.match(missing.err.join('\n'), /nope/);
  const broken = folder(root, 'broken', []);
  write(path.join(broken, 'doc.txt.annotations.yaml'), 'marginalia: 2\nsource: [\n');
  const r = await run(['agree', a, broken]);
  assert.equal(r.status, 1);
  assert.match(r.err.join('\n'), /doc\.txt\.annotations\.yaml:\d+:\d+: /);
  assert.match(r.err.join('\n'), /doc\.txt: not compared, only .*ada has it/);
});
