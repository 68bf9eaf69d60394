// Stress test of the one write path (issue 12): three processes write the same sidecar in
// a loop for a few seconds (each goes on past them until it has stored a few annotations of
// its own: no share of the time is required of it, which a loaded machine would not
// grant, only progress): two run the CLI in-process (`import --write` of their own
// annotations; `detect --write` at the same moments, both finding the same new control
// each time, and a full `detect --write` at the same moment at the start), one does what
// the editor does (read, wait, change, save through saveSidecar): it reviews the newest
// suggestions as they are stored, and deletes some of its own annotations. Afterwards every annotation any side wrote is there exactly once, with
// the last value its writer gave each field, what was deleted is gone, and the file validates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectAll } from '../../../src/core/detect';
import type { Annotation } from '../../../src/core/sidecar/format';
import { parseSidecar } from '../../../src/core/sidecar/read';
import { OffsetMap } from '../../../src/core/text/offsets';
import { marker, type WriterReport } from './fixtures/stress-writer';
import { run, tempDir, tempFiles } from './fixtures/helpers';

const WRITER = path.join(__dirname, 'fixtures', 'stress-writer.js');
/** How long the writers write, from the moment all are started; MARGINALIA_STRESS_MS=60000 for a longer run by hand. */
const DURATION_MS = Number(process.env['MARGINALIA_STRESS_MS'] ?? 4_000);
/**
 * Each writer's own annotations it stores at least (a note on one needs the next import),
 * going on alone past DURATION_MS if it must, for up to OVERTIME_CAP_MS more: a writer
 * still short then is starved (by the lock, say), not merely slow.
 */
const MIN_OWN = 3;
const OVERTIME_CAP_MS = 120_000;
const LINES = 600;

function sourceText(): string {
  const head = [
    'Published on June 10, 2024',
    '',
    'We hold ISO 27001 and SOC 2 Type II reports, the company said last month.',
    'The vendor will complete FedRAMP Moderate by Q3 2025, a spokesperson said.',
    'Critics say the audit was too narrow. We never sold user data to advertisers.',
    'We will rotate every key within ninety days, and we comply with GDPR and the NIST CSF.',
    '',
  ];
  // A table-like line per round: no sentence, so no claim is found in it; only the Zeta
  // Standard, once a writer's catalog names it.
  const body = Array.from(
    { length: LINES },
    (_, i) => `${marker('alpha', i)} ${marker('beta', i)} ${marker('carol', i)} Zeta Standard ${i}`,
  );
  return `${[...head, ...body].join('\n')}\n`;
}

interface Child {
  name: string;
  process: ChildProcessWithoutNullStreams;
  stdout: string;
  stderr: string;
  exit: Promise<number | null>;
}

function startWriter(args: string[]): Child {
  const child = spawn(process.execPath, [WRITER, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const c: Child = {
    name: args[1] ?? '?',
    process: child,
    stdout: '',
    stderr: '',
    exit: new Promise((resolve) =>
      child.on('exit', (code) => {
        resolve(code);
      }),
    ),
  };
  child.stdout.on('data', (d: Buffer) => {
    c.stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    c.stderr += d.toString();
  });
  return c;
}

async function ready(c: Child): Promise<void> {
  for (let waited = 0; !c.stdout.includes('ready\n'); waited += 10) {
    if (c.process.exitCode !== null) throw new Error(`${c.name} exited before it was ready: ${c.stderr}`);
    // Starting Node and loading the CLI can take long on a loaded machine; only a hang fails.
    if (waited > 60_000) throw new Error(`${c.name} not ready after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function reportOf(c: Child): WriterReport {
  const line = c.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as WriterReport;
}

test(
  'stress: two CLI processes (import --write, detect --write) and an editor-like writer write one sidecar for seconds; nothing is lost or doubled',
  { timeout: DURATION_MS + OVERTIME_CAP_MS + 90_000 },
  async () => {
    const dir = tempDir();
    const text = sourceText();
    const source = path.join(dir, 'doc.txt');
    const sidecar = `${source}.annotations.yaml`;
    fs.writeFileSync(source, text);
    const seed = Date.now() >>> 0;
    const started = Date.now();
    const limits = [String(MIN_OWN), String(OVERTIME_CAP_MS)];
    const children = [
      startWriter(['cli', 'alpha', dir, String(DURATION_MS), String(seed), ...limits]),
      startWriter(['cli', 'beta', dir, String(DURATION_MS), String(seed + 1), ...limits]),
      startWriter(['editor', 'carol', dir, String(DURATION_MS), String(seed + 2), ...limits]),
    ];
    try {
      await Promise.all(children.map(ready));
      for (const c of children) c.process.stdin.end('go\n');
      const codes = await Promise.all(children.map((c) => c.exit));
      codes.forEach((code, i) => {
        assert.equal(code, 0, `${children[i]?.name}: ${children[i]?.stderr}`);
      });
    } finally {
      for (const c of children) if (c.process.exitCode === null && c.process.signalCode === null) c.process.kill('SIGKILL');
    }
    const elapsed = Date.now() - started;
    const [alpha, beta, carol] = children.map(reportOf) as [WriterReport, WriterReport, WriterReport];

    console.log(`stress (seed ${seed}): ${elapsed} ms in all, writers ran ${alpha.ms}/${beta.ms}/${carol.ms} ms`);
    for (const r of [alpha, beta, carol]) {
      console.log(
        `  ${r.role.padEnd(6)} ${String(r.rounds).padStart(4)} rounds (${r.overtime} past its time), ${String(r.writes).padStart(4)} writes, ${String(r.merges).padStart(4)} merged an outside change, ${String(r.unchanged).padStart(3)} with nothing to write, ${r.conflicts} conflicts, ${r.failures.length} failures`,
      );
    }
    for (const r of [alpha, beta, carol]) for (const c of r.conflictDetails) console.log(`  ${r.role} conflict, ${c}`);
    for (const r of [alpha, beta, carol]) assert.deepEqual(r.failures, [], r.role);
    // Progress, not a share of the time: each stored its minimum, however long it took.
    for (const r of [alpha, beta, carol]) {
      assert.ok(
        r.markers.length >= MIN_OWN,
        `${r.role} stored ${r.markers.length} of its own annotations, fewer than ${MIN_OWN}, in ${r.ms} ms${r.capped ? ` (stopped ${OVERTIME_CAP_MS / 1000} s past its time)` : ''}: starved, not merely slow`,
      );
    }
    // Only carol changes carol's annotations and reviews: a conflict in its merges means
    // another writer wrote one of them back (a review undone by a detector, say).
    assert.deepEqual(carol.conflictDetails, [], 'another writer changed what only carol changes');

    // The file validates, with its source, by the reader and by `marginalia validate`.
    const yaml = fs.readFileSync(sidecar, 'utf8');
    const parsed = parseSidecar(yaml, sidecar, text);
    assert.deepEqual(parsed.errors, []);
    assert.ok(parsed.sidecar);
    const all = parsed.sidecar.annotations;
    const v = await run(['validate', sidecar]);
    assert.equal(v.status, 0, v.out);
    assert.deepEqual(tempFiles(dir), [], 'no temporary file left');
    assert.equal(fs.existsSync(`${sidecar}.lock`), false, 'no lock left');

    // Never two annotations for one kind and span.
    const spans = new Map<string, number>();
    for (const a of all) spans.set(`${a.kind} ${a.start} ${a.end}`, (spans.get(`${a.kind} ${a.start} ${a.end}`) ?? 0) + 1);
    assert.deepEqual(
      [...spans].filter(([, n]) => n > 1),
      [],
    );

    const map = new OffsetMap(text);
    const exactlyOnce = (what: string, list: Annotation[]): Annotation => {
      assert.equal(list.length, 1, `${what}: ${list.length} times`);
      return list[0] as Annotation;
    };

    // Each importer's markers: once each, with the note of its last import; none extra.
    for (const r of [alpha, beta]) {
      assert.equal(r.fullDetects, 1, `${r.role}: one full detect --write`);
      const mine = all.filter((a) => a.kind === r.role);
      assert.equal(mine.length, r.markers.length, `${r.role}: ${mine.length} annotations for ${r.markers.length} imports`);
      for (const m of r.markers) {
        const a = exactlyOnce(
          `${r.role} ${m.index}`,
          mine.filter((x) => x.quote === marker(r.role, m.index)),
        );
        assert.equal(a.note, m.note, `${r.role} ${m.index} note`);
        assert.equal(Array.from(text).slice(a.start, a.end).join(''), a.quote);
        assert.equal(a.origin, 'manual');
      }
    }

    // The editor's own: once each unless it deleted them; notes as it last set them; its reviews stand.
    const carolOwn = all.filter((a) => a.kind === 'carol');
    const deleted = new Set(carol.deleted);
    for (const m of carol.markers) {
      const found = carolOwn.filter((x) => x.quote === marker('carol', m.index));
      if (deleted.has(m.index)) {
        assert.equal(found.length, 0, `carol ${m.index} was deleted`);
        continue;
      }
      const a = exactlyOnce(`carol ${m.index}`, found);
      assert.equal(a.note, m.note, `carol ${m.index} note`);
    }
    assert.equal(carolOwn.length, carol.markers.length - deleted.size);
    const byId = new Map(all.map((a) => [a.id, a]));
    for (const [id, status] of Object.entries(carol.reviews)) {
      assert.equal(byId.get(id)?.status, status, `review of ${id}`);
      assert.equal(byId.get(id)?.reviewer, 'carol');
    }

    // The detectors' findings: every one exactly once, reviewed or still a suggestion.
    const expected = detectAll(text);
    for (const d of expected) {
      const start = map.toCodePoint(d.start);
      const end = map.toCodePoint(d.end);
      exactlyOnce(
        `${d.kind} "${d.text}"`,
        all.filter((a) => a.kind === d.kind && a.start === start && a.end === end),
      );
    }
    const zeta = [...new Set([...alpha.zeta, ...beta.zeta])];
    for (const k of zeta)
      exactlyOnce(
        `Zeta Standard ${k}`,
        all.filter((a) => a.kind === 'control' && a.label === `zeta-standard-${k}`),
      );
    const detected = all.filter((a) => a.origin === 'detected');
    assert.equal(detected.length, expected.length + zeta.length, 'nothing detected beyond those');
    assert.ok(
      detected.every((a) => a.status === 'suggested' || a.reviewer === 'carol'),
      'a status other than suggested only where carol reviewed',
    );

    const merges = alpha.merges + beta.merges + carol.merges;
    console.log(
      `  final file: ${all.length} annotations (${detected.length} detected, ${zeta.length} of them Zeta Standards from the writers' catalogs, ${Object.keys(carol.reviews).length} reviewed by carol, ${carol.deleted.length} of carol's deleted), ${yaml.length} characters; ${merges} writes merged an outside change`,
    );
    assert.ok(merges > 0, 'the writers never overlapped: no merge happened, so the test proved nothing');
  },
);
