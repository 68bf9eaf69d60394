import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { serializeSidecar } from '../../../src/core/sidecar/write';
import { annotation, fixture, sidecar } from './helpers';

interface Validator {
  (data: unknown): boolean;
  errors?: unknown[] | null;
}

/** ajv comes with the dev tools (eslint), not as a dependency of ours: skip when absent. */
function compileSchema(): Validator | undefined {
  let Ajv: new (o: object) => { compile(schema: unknown): Validator };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    Ajv = require('ajv') as typeof Ajv;
  } catch {
    return undefined;
  }
  const root = process.env['MARGINALIA_ROOT'] ?? resolve(__dirname, '..', '..', '..', '..');
  const schema: unknown = JSON.parse(readFileSync(join(root, 'schemas', 'annotations.schema.json'), 'utf8'));
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

test('the JSON Schema accepts what Marginalia writes and rejects what it refuses', (t) => {
  const validate = compileSchema();
  if (validate === undefined) {
    t.skip('ajv is not installed');
    return;
  }
  const written = serializeSidecar(
    sidecar([
      annotation({
        id: 'a',
        start: 0,
        end: 4,
        label: 'denial',
        tags: ['x'],
        orphaned: true,
        note: 'n',
        reviewer: 'ana',
        reviewed: '2026-01-02T10:00:00Z',
        about: ['c'],
        due: ['b'],
        verdict: 'kept',
        evidence: ['../2026/update.txt#k3x9m2pq', '#b'],
      }),
      annotation({ id: 'b', kind: 'date', start: 5, end: 9, status: 'suggested' }),
      annotation({ id: 'c', kind: 'control', start: 10, end: 14 }),
    ]),
  );
  assert.match(written, /^marginalia: 2$/m);
  assert.equal(validate(parse(written)), true, JSON.stringify(validate.errors));
  assert.equal(validate(parse(fixture('commented.before.yaml'))), true, JSON.stringify(validate.errors));
  // Version 1 files are still read (and migrated), so a YAML editor must not flag them.
  assert.equal(validate(parse(fixture('commented.v1.yaml'))), true, JSON.stringify(validate.errors));
  for (const bad of [
    written.replace('status: open', 'status: done'),
    written.replace('marginalia: 2', 'marginalia: 3'),
    written.replace('reviewed: "2026-01-02T10:00:00Z"', 'reviewed: "yesterday"'),
    written.replace('label: denial', 'label: promise'),
    written.replace('start: 0', 'start: -1'),
    written.replace('    origin: detected\n', ''),
    written.replace('status: open', 'status: open\n    stauts: open'),
    written.replace('about: [c]', 'about: c'),
    written.replace('due: [b]', 'due: [b, b]'),
    written.replace('due: [b]', 'due: ["not an id"]'),
    written.replace('kind: control', 'kind: control\n    about: [a]'),
    written.replace('verdict: kept', 'verdict: late'),
    written.replace('"#b"', '"b"'),
    written.replace('kind: control', 'kind: control\n    verdict: kept'),
  ])
    assert.equal(validate(parse(bad)), false, bad);
});
