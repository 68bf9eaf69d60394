// The tests that measure the detectors, re-anchoring and the exports on real documents
// need the shared folder beside the repository (../shared: corpus/ and standards/). Each
// of them is skipped without it, saying what is not checked, and this test says it once
// more where the summary shows it (a skip with the reason), so a run without it is never
// taken for a full one. MARGINALIA_SHARED=DIR names another place (docs/testing.md).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { locateShared, type SharedPart } from '../eval/shared';

for (const part of ['corpus', 'standards'] as SharedPart[]) {
  const at = locateShared(part);
  if (!at.found) console.error(`\n*** ${at.reason} ***\n`);
  test(
    `the shared folder's ${part}/ is there, so the tests that need it run`,
    { skip: at.found ? false : `NOT CHECKED: ${at.reason}` },
    () => {
      assert.ok(at.found);
    },
  );
}
