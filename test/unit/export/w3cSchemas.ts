// Validates Web Annotations against the W3C test-suite schemas in shared/standards: every
// `must` assertion of the annotation and selector tests, with a schema store keyed by file
// name as the draft-04 files expect (see shared/standards/README.md §1.5).

import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Assertion {
  file: string;
  validate: ValidateFunction;
}

interface TestDescription {
  assertions: string[];
}

function load(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** Every `must` assertion that the given `.test` descriptions list and that is present. */
export function mustAssertions(standardsDir: string): Assertion[] {
  const base = join(standardsDir, 'w3c-annotation-model');
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const f of readdirSync(join(base, 'definitions'))) ajv.addSchema(load(join(base, 'definitions', f)));
  const out: Assertion[] = [];
  for (const name of ['annotationMusts.test', 'specificResourceMusts.test']) {
    const test = load(join(base, 'tests', name)) as unknown as TestDescription;
    for (const rel of test.assertions) {
      const path = join(base, 'tests', rel);
      if (!existsSync(path)) continue;
      const schema = load(path);
      if (schema['assertionType'] !== 'must') continue;
      out.push({ file: rel, validate: ajv.compile(schema) });
    }
  }
  return out;
}

/** The `may` assertions that prove a selector type is present. */
export function selectorPresence(standardsDir: string): Assertion[] {
  const base = join(standardsDir, 'w3c-annotation-model');
  const ajv = new Ajv({ strict: false });
  addFormats(ajv);
  for (const f of readdirSync(join(base, 'definitions'))) ajv.addSchema(load(join(base, 'definitions', f)));
  return ['specificResource/4.2.4-textQuoteSelector.json', 'specificResource/4.2.5-textPositionSelector.json'].map((rel) => ({
    file: rel,
    validate: ajv.compile(load(join(base, 'tests', rel))),
  }));
}

/** Names of the must assertions the annotation fails, with ajv's first message. */
export function failures(assertions: readonly Assertion[], annotation: unknown): string[] {
  return assertions.filter((a) => !a.validate(annotation)).map((a) => `${a.file}: ${a.validate.errors?.[0]?.message ?? ''}`);
}
