// Each test layer records its counts in test-results/LAYER.json so that `npm test`
// can sum them and fail a layer that ran zero tests.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const resultsDir = join(root, 'test-results');

export function writeResult(layer, { passed, failed, details = [] }) {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, `${layer}.json`), JSON.stringify({ layer, passed, failed, details }, null, 2));
  console.log(`${layer}: ${passed} passed, ${failed} failed`);
}

export function readResult(layer) {
  const file = join(resultsDir, `${layer}.json`);
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8'));
}
