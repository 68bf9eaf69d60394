// The shared folder beside the repository (../shared): the real-document corpus with its
// answer keys (corpus/) and the standards' schemas (standards/). `npm run eval` and the
// tests that need it find it here, and say so loudly when it is missing: a test that
// cannot run is skipped with the reason in its name's place, never passed.
//
//   MARGINALIA_SHARED=DIR    the shared folder is DIR
//   MARGINALIA_SHARED=none   run without it on purpose (its tests are skipped)
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository: this file runs from out/test/eval (MARGINALIA_ROOT when the unit runner sets it). */
export const REPOSITORY = process.env.MARGINALIA_ROOT ?? resolve(__dirname, '..', '..', '..');

export type SharedPart = 'corpus' | 'standards';

export type SharedLocation = { found: true; dir: string } | { found: false; optedOut: boolean; dir?: string; reason: string };

/** The shared folder's `part`: found, missing (and where it was looked for), or left out on purpose. */
export function locateShared(part: SharedPart): SharedLocation {
  const setting = process.env.MARGINALIA_SHARED;
  if (setting === 'none') return { found: false, optedOut: true, reason: `MARGINALIA_SHARED=none: running without the shared ${part}` };
  const dir = join(setting ?? join(REPOSITORY, '..', 'shared'), part);
  if (existsSync(dir)) return { found: true, dir };
  const where = setting === undefined ? 'beside the repository' : 'where MARGINALIA_SHARED points';
  return {
    found: false,
    optedOut: false,
    dir,
    reason: `no shared ${part} at ${dir} (${where}): put the shared folder beside the repository, set MARGINALIA_SHARED=DIR, or MARGINALIA_SHARED=none to run without it`,
  };
}

/** The shared corpus folder, or undefined when it is missing. */
export function sharedCorpusDir(): string | undefined {
  const at = locateShared('corpus');
  return at.found ? at.dir : undefined;
}

/**
 * Options for a test that needs the shared folder's `part` to check `what`: when the part
 * is missing the test is skipped, and the skip says what is NOT checked and why (the unit
 * test test/unit/shared.test.ts fails as well, unless MARGINALIA_SHARED=none).
 */
export function needsShared(part: SharedPart, what: string): { skip?: string } {
  const at = locateShared(part);
  return at.found ? {} : { skip: `NOT CHECKED: ${what}; ${at.reason}` };
}
