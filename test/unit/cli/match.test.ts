// `marginalia match`: the same claim across documents, from the command line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { ClaimGroup } from '../../../src/core/match/claims';
import { run, tempDir, write } from './fixtures/helpers';

const DEV = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'match', 'dev');

interface MatchJson {
  documents: { path: string; date?: string; claims: number }[];
  claims: { document: string; id: string; text: string; start: number; end: number; status: string }[];
  groups: ClaimGroup[];
}

test('match --json groups the copies of a claim, earliest document first, with what changed; the unrelated article stays apart', async () => {
  const r = await run(['match', '--json', DEV]);
  assert.equal(r.status, 0, r.err.join('\n'));
  const out = JSON.parse(r.out) as MatchJson;
  assert.equal(out.documents.length, 5);
  const filters = out.groups.find((g) => g.members.some((i) => out.claims[i]?.text.includes('4.2 million phishing')));
  assert.ok(filters, 'the phishing figure is grouped');
  assert.equal(out.claims[filters.members[0] ?? -1]?.document, 'original.txt', 'the original (published first) leads its group');
  assert.ok(filters.links.some((l) => l.changes.some((c) => c.from === '4.2 million' && c.to === '42 million')));
  assert.ok(out.groups.every((g) => g.members.every((i) => out.claims[i]?.document !== 'unrelated.txt')));
});

test('match reads what the sidecars keep: a dismissed claim is not matched, an accepted one is', async () => {
  const dir = tempDir();
  const text = 'Acme will encrypt every customer backup with keys held in Frankfurt by June 30, 2025.\n';
  write(path.join(dir, 'a.txt'), text);
  write(path.join(dir, 'b.txt'), text);
  const first = await run(['match', '--json', dir]);
  assert.equal((JSON.parse(first.out) as MatchJson).groups.length, 1, 'both documents’ suggestions match');
  const end = Array.from(text.trimEnd()).length;
  write(
    path.join(dir, 'b.txt.annotations.yaml'),
    `marginalia: 2\nsource:\n  file: b.txt\nannotations:\n  - id: x1\n    kind: claim\n    label: commitment\n    quote: ${JSON.stringify(text.trimEnd())}\n    prefix: ''\n    suffix: "\\n"\n    start: 0\n    end: ${end}\n    origin: detected\n    status: dismissed\n    reviewer: ada\n    reviewed: 2026-12-06T10:00:00Z\n`,
  );
  const after = await run(['match', '--json', dir]);
  assert.equal(after.status, 0, after.err.join('\n'));
  assert.equal((JSON.parse(after.out) as MatchJson).groups.length, 0, 'a dismissed claim is no claim');
  const table = await run(['match', DEV]);
  assert.match(table.out, /^81 claims in 5 documents; \d+ reported in more than one document\./);
  assert.match(table.out, /original\.txt:\d+:\d+ {2}“Our mail filters blocked 4\.2 million/);
  assert.match(table.out, /edited 0\.\d\d; 4\.2 million → 42 million/);
  assert.equal((await run(['match'])).status, 2);
});
