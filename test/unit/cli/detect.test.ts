import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { COMMANDS } from '../../../src/cli/commands';
import { main } from '../../../src/cli/main';

interface JsonResult {
  file: string;
  annotations: { kind: string; start: number; end: number; text: string; id?: string; value?: string; type?: string }[];
}

async function run(argv: string[]): Promise<{ status: number; out: string; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(argv, COMMANDS, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, out: out.join('\n'), err };
}

function corpus(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-cli-'));
  // A BOM, CRLF line ends, an emoji before a control and a non-breaking space inside one.
  fs.writeFileSync(
    path.join(dir, 'a.txt'),
    '\uFEFFPublished on June 10, 2024\r\n\r\n🔒 We hold ISO 27001 and SOC\u00A02 Type II reports, the company said last month.\r\n',
  );
  fs.mkdirSync(path.join(dir, 'notes'));
  fs.writeFileSync(path.join(dir, 'notes', 'b.md'), '# Memo\n\nThe vendor will complete FedRAMP Moderate by Q3 2025.\n');
  fs.writeFileSync(path.join(dir, 'notes', 'ignored.pdf'), 'not a text document');
  return dir;
}

test('detect --json reports code-point offsets that slice the text without its BOM', async () => {
  const dir = corpus();
  const { status, out } = await run(['detect', '--json', dir]);
  assert.equal(status, 0);
  const results = JSON.parse(out) as JsonResult[];
  assert.deepEqual(
    results.map((r) => path.relative(dir, r.file)),
    ['a.txt', path.join('notes', 'b.md')],
  );
  for (const r of results) {
    const codePoints = Array.from(fs.readFileSync(r.file, 'utf8').replace(/^\uFEFF/, ''));
    for (const a of r.annotations) assert.equal(codePoints.slice(a.start, a.end).join(''), a.text);
  }
  const a = results[0]?.annotations ?? [];
  assert.deepEqual(
    a.filter((x) => x.kind === 'control').map((x) => x.id),
    ['iso-27001', 'soc-2'],
  );
  assert.equal(a.find((x) => x.kind === 'date' && x.text.includes('last month'))?.value, '2024-05');
  assert.ok(a.some((x) => x.kind === 'claim'));
});

test('detect --kinds restricts the kinds and --ref-date resolves relative dates', async () => {
  const dir = corpus();
  const { status, out } = await run(['detect', '--json', '--kinds', 'date', '--ref-date', '2030-03-15', path.join(dir, 'a.txt')]);
  assert.equal(status, 0);
  const [result] = JSON.parse(out) as JsonResult[];
  assert.ok(result && result.annotations.every((x) => x.kind === 'date'));
  assert.equal(result.annotations.find((x) => x.text.includes('last month'))?.value, '2030-02');
});

test('detect prints a readable table with file:line:column', async () => {
  const dir = corpus();
  const { status, out } = await run(['detect', path.join(dir, 'a.txt')]);
  assert.equal(status, 0);
  assert.match(out, /a\.txt:3:\d+\s+control\s+iso-27001\s+ISO 27001/);
});

test('an unreadable file exits 1 and the other files are still reported', async () => {
  const dir = corpus();
  const { status, out, err } = await run(['detect', '--json', path.join(dir, 'missing.txt'), path.join(dir, 'a.txt')]);
  assert.equal(status, 1);
  assert.equal((JSON.parse(out) as JsonResult[]).length, 1);
  assert.deepEqual(err, [`marginalia: ${path.join(dir, 'missing.txt')}: no such file or directory`]);
});

test('bad usage exits 2 with one line', async () => {
  for (const argv of [
    ['detect', '--kinds', 'claim,weather', 'x'],
    ['detect', '--ref-date', '2024-13-01', 'x'],
    ['detect'],
    ['detect', '--frobnicate', 'x'],
  ]) {
    const { status, err } = await run(argv);
    assert.equal(status, 2, argv.join(' '));
    assert.equal(err.length, 1);
  }
});

test('detect --catalog adds a user catalog; its errors are reported as file:line:column and exit 1', async () => {
  const dir = corpus();
  const catalog = path.join(dir, 'controls.yaml');
  fs.writeFileSync(
    catalog,
    [
      'entries:',
      '  - id: acme-cloud-baseline',
      '    title: ACME Cloud Security Baseline',
      '    aliases: [ACME Cloud Baseline]',
      'patterns:',
      '  - id: runaway',
      '    framework: acme-cloud-baseline',
      "    regex: '(a+)+$'",
      '',
    ].join('\n'),
  );
  const doc = path.join(dir, 'vendor.txt');
  fs.writeFileSync(doc, 'The vendor meets the ACME Cloud Baseline and ISO 27001.\n');
  const { status, out, err } = await run(['detect', '--json', '--kinds', 'control', '--catalog', catalog, doc]);
  assert.equal(status, 1);
  const [result] = JSON.parse(out) as JsonResult[];
  assert.deepEqual(
    result?.annotations.map((a) => a.id),
    ['acme-cloud-baseline', 'iso-27001'],
  );
  assert.equal(err.length, 1);
  assert.match(err[0] ?? '', new RegExp(`^marginalia: ${catalog.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:8:\\d+: .*backtrack`));
});

test('detect without --write resolves relative dates against the date its sidecar records; --ref-date still wins; a broken sidecar is said', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-cli-'));
  const story = path.join(dir, 'story.txt');
  // The table's dates come first in a scan for a date line; the sidecar's date is the story's own.
  fs.writeFileSync(story, 'Acme said on Tuesday that it had notified the regulator.\n\n2 April 2025 | Breach found\n');
  fs.writeFileSync(`${story}.annotations.yaml`, 'marginalia: 2\nsource:\n  file: story.txt\n  published: "2025-04-09"\nannotations: []\n');
  const valueOf = async (...args: string[]): Promise<string | undefined> => {
    const r = await run(['detect', '--json', '--kinds', 'date', ...args, story]);
    assert.equal(r.status, 0, r.err.join('\n'));
    return (JSON.parse(r.out) as JsonResult[])[0]?.annotations.find((a) => a.text === 'on Tuesday')?.value;
  };
  assert.equal(await valueOf(), '2025-04-08', 'the Tuesday before the recorded Wednesday');
  assert.equal(await valueOf('--ref-date', '2025-05-01'), '2025-04-29');
  fs.writeFileSync(`${story}.annotations.yaml`, 'marginalia: 2\nsource: [not, a, map]\n');
  assert.equal(await valueOf(), '2025-04-01', 'an invalid sidecar records no date: the text’s own is used');
  const said = await run(['detect', '--json', '--kinds', 'date', story]);
  assert.match(
    said.err.join('\n'),
    /story\.txt\.annotations\.yaml: not a valid sidecar \(see marginalia validate\); the document date it may record is not used/,
  );
});
