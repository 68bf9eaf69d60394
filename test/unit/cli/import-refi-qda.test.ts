// `marginalia import --format refi-qda` end to end: Marginalia's own project exported and
// imported back gives the same sidecar files; another tool's project is placed by name
// and text, reported where it cannot be, and written only with --write.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSidecar } from '../../../src/core/sidecar/read';
import type { Annotation } from '../../../src/core/sidecar/format';
import { esc, guid, span, zipProject } from '../import/qdpx';
import { codePointSlice, plain, read, run, SOURCE, tempDir, write } from './fixtures/helpers';

const SECOND = 'Notes 😀\nWe will adopt ISO 27001 by 2027, the CTO said.\n';

function annotationsOf(source: string, text: string): Annotation[] {
  const r = parseSidecar(read(`${source}.annotations.yaml`), source, plain(text));
  assert.deepEqual(r.errors, []);
  return r.sidecar?.annotations ?? [];
}

/** Two documents scanned, then some suggestions reviewed in the sidecar: verified, dismissed, noted. */
async function workspace(): Promise<{ dir: string; docs: string; a: string; b: string }> {
  const dir = tempDir();
  const docs = path.join(dir, 'docs');
  const a = path.join(docs, 'statement.txt');
  const b = path.join(docs, 'more', 'notes.md');
  fs.mkdirSync(path.dirname(b), { recursive: true });
  write(a, SOURCE);
  write(b, SECOND);
  const r = await run(['detect', '--write', '--author', 'scanner', docs]);
  assert.equal(r.status, 0, r.err.join('\n'));
  const sidecar = `${a}.annotations.yaml`;
  let n = 0;
  write(
    sidecar,
    read(sidecar).replace(/( +)status: suggested(\r?\n)/g, (m, indent: string, eol: string) => {
      n++;
      if (n === 1) return `${indent}status: verified${eol}${indent}reviewer: ana${eol}${indent}reviewed: "2026-01-02T03:04:05Z"${eol}`;
      if (n === 2) return `${indent}status: dismissed${eol}${indent}reviewer: "Bo \\"B\\" Chen"${eol}`;
      if (n === 3) return `${indent}status: open${eol}${indent}note: "Check\\r\\nthe filing"${eol}${indent}tags: [follow-up, "a, b"]${eol}`;
      return m;
    }),
  );
  assert.ok(n > 3, `only ${n} suggestions`);
  return { dir, docs, a, b };
}

test('import --format refi-qda of its own export gives back the same sidecar files', async () => {
  const { dir, docs, a, b } = await workspace();
  const before = { a: read(`${a}.annotations.yaml`), b: read(`${b}.annotations.yaml`) };
  const qdpx = path.join(dir, 'out', 'project.qdpx');
  const exported = await run(['export', '--format', 'refi-qda', '--include-suggestions', '--include-dismissed', '--out', qdpx, docs]);
  assert.equal(exported.status, 0, exported.err.join('\n'));
  fs.rmSync(`${a}.annotations.yaml`);
  fs.rmSync(`${b}.annotations.yaml`);

  const r = await run(['import', '--format', 'refi-qda', '--root', docs, '--write', qdpx]);
  assert.equal(r.status, 0, `${r.out}\n${r.err.join('\n')}`);
  assert.deepEqual(r.err, []);
  const countA = annotationsOf(a, SOURCE).length;
  assert.match(r.out, new RegExp(`statement\\.txt: ${countA} added, 0 updated, 0 unchanged, 0 not placed; written`));
  assert.equal(read(`${a}.annotations.yaml`), before.a);
  assert.equal(read(`${b}.annotations.yaml`), before.b);
  for (const x of annotationsOf(a, SOURCE)) assert.equal(codePointSlice(SOURCE, x.start, x.end), x.quote);

  // Again: nothing to add or change, nothing written.
  const again = await run(['import', '--format', 'refi-qda', '--root', docs, '--write', qdpx]);
  assert.equal(again.status, 0);
  assert.match(again.out, new RegExp(`statement\\.txt: 0 added, 0 updated, ${countA} unchanged, 0 not placed$`, 'm'));
  assert.equal(read(`${a}.annotations.yaml`), before.a);
});

test("import --format refi-qda of another tool's project: placed by name, the rest reported; written only with --write", async () => {
  const dir = tempDir();
  const docs = path.join(dir, 'corpus');
  fs.mkdirSync(docs);
  const source = path.join(docs, 'statement.txt');
  // On disk the document has changed since it was coded: one sentence is gone.
  const now = SOURCE.replace('Critics say the audit was too narrow. ', '');
  write(source, now);
  const text = plain(SOURCE);
  const user = guid(1);
  const sel = (n: number, quote: string, code: string): string => {
    const [s, e] = span(text, quote, 'code points');
    return (
      `<PlainTextSelection guid="${guid(100 + n)}" name="${esc(quote)}" startPosition="${s}" endPosition="${e}" creatingUser="${user}" creationDateTime="2024-05-01T10:00:00Z">` +
      `<Coding guid="${guid(200 + n)}" creatingUser="${user}"><CodeRef targetGUID="${code}"/></Coding></PlainTextSelection>`
    );
  };
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="audit" origin="QualCoder 3.6">
<Users><User guid="${user}" name="Dana"/></Users>
<CodeBook><Codes><Code guid="${guid(10)}" name="Assurance" isCodable="false"><Code guid="${guid(11)}" name="certification" isCodable="true"/></Code><Code guid="${guid(12)}" name="Criticism" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="${guid(20)}" name="statement.txt" plainTextPath="internal://${guid(20)}.txt">
${sel(1, 'ISO 27001', guid(11))}
${sel(2, 'Critics say the audit was too narrow.', guid(12))}
</TextSource></Sources>
</Project>`;
  const qdpx = path.join(dir, 'audit.qdpx');
  fs.writeFileSync(qdpx, zipProject(qde, { [`Sources/${guid(20)}.txt`]: text }, { bom: true }));

  const dry = await run(['import', '--format', 'refi-qda', '--root', docs, qdpx]);
  assert.equal(dry.status, 1);
  assert.match(dry.out, /statement\.txt: 1 added, 0 updated, 0 unchanged, 1 not placed; not written \(use --write\)/);
  assert.match(
    dry.out,
    /not placed {2}.*audit\.qdpx: project\.qde:\d+ \(selection in "statement\.txt"\) {2}"Critics say the audit was too narrow\.": its quote is not in the source/,
  );
  assert.equal(fs.existsSync(`${source}.annotations.yaml`), false);

  const wet = await run(['import', '--format', 'refi-qda', '--root', docs, '--write', qdpx]);
  assert.equal(wet.status, 1);
  assert.match(wet.out, /1 added, 0 updated, 0 unchanged, 1 not placed; written/);
  const [a] = annotationsOf(source, now);
  assert.ok(a);
  assert.deepEqual(
    [a.kind, a.label, a.quote, a.origin, a.status, a.reviewer, a.reviewed, a.author, a.created],
    ['Assurance', 'certification', 'ISO 27001', 'manual', 'open', 'Dana', '2024-05-01T10:00:00Z', 'Dana', '2024-05-01T10:00:00Z'],
  );
  assert.equal(codePointSlice(now, a.start, a.end), 'ISO 27001');
});

test('import --format refi-qda: a source that names no document, and a file that is no project, are reported', async () => {
  const dir = tempDir();
  write(path.join(dir, 'a.txt'), 'Some other text.\n');
  const qde = `<Project xmlns="urn:QDA-XML:project:1.0" name="p"><CodeBook><Codes><Code guid="${guid(1)}" name="K" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="${guid(2)}" name="missing.txt"><PlainTextContent>Hello world</PlainTextContent>
<PlainTextSelection guid="${guid(3)}" startPosition="0" endPosition="5"><Coding guid="${guid(4)}"><CodeRef targetGUID="${guid(1)}"/></Coding></PlainTextSelection></TextSource></Sources></Project>`;
  const qdpx = path.join(dir, 'p.qdpx');
  fs.writeFileSync(qdpx, zipProject(qde, {}));
  const broken = path.join(dir, 'broken.qdpx');
  write(broken, 'not a zip');
  const r = await run(['import', '--format', 'refi-qda', '--root', dir, qdpx, broken]);
  assert.equal(r.status, 1);
  assert.match(
    r.err.join('\n'),
    /p\.qdpx: project\.qde:\d+ \(TextSource "missing\.txt"\): no document is named so or has its text; its 1 coding\(s\) are not imported/,
  );
  assert.match(r.err.join('\n'), /broken\.qdpx: neither a \.qdpx \(a zip\) nor a \.qde \(XML\) file/);
  assert.equal((await run(['import', '--format', 'refi-qda'])).status, 2);
  assert.equal((await run(['import', '--format', 'qdpx', qdpx])).status, 2);
});
