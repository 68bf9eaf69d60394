// A claim's links to the dates and controls of its sentence (detect/links.ts): roles on
// sentences written for these tests, and floors on the keys made by hand for the sample
// corpus and the shared corpus (test/eval/links; `npm run eval` prints the figures).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DocumentDetector } from '../../../src/core/detect';
import { compareToReference, linksOf } from '../../../src/core/detect/links';
import { LINK_ROLES } from '../../../src/core/model';
import { roleF1, scoreLinkFile } from '../../eval/links';
import { needsShared, REPOSITORY, sharedCorpusDir } from '../../eval/shared';

/** Each claim's links in `text` as "claim start → role: target", for short assertions. */
function linksIn(text: string): string[] {
  const detector = new DocumentDetector();
  const detections = detector.detect(text);
  const out: string[] = [];
  for (const [claim, links] of linksOf(text, detections, detector.referenceDate(text))) {
    for (const l of links) out.push(`${claim.text.slice(0, 12)} → ${l.role}: ${l.target.text}`);
  }
  return out;
}

const DATELINE = 'Published 3 March 2025\n\n';

test('a commitment’s deadline is due, what happened and when it was said is when, a control is about', () => {
  assert.deepEqual(linksIn(`${DATELINE}We will complete a SOC 2 Type II audit by the end of the year.`), [
    'We will comp → about: SOC 2 Type II',
    'We will comp → due: by the end of the year',
  ]);
  assert.deepEqual(linksIn(`${DATELINE}In January 2024, the company notified the Information Commissioner's Office of the breach.`), [
    'In January 2 → when: In January 2024',
    "In January 2 → about: Information Commissioner's Office",
  ]);
  assert.deepEqual(linksIn(`${DATELINE}Harbour Cloud said it expects to finish the migration next spring.`), [
    'Harbour Clou → due: next spring',
  ]);
});

test('a date past the document’s own is when, unless a deadline word or a set target governs it', () => {
  assert.deepEqual(linksIn(`${DATELINE}The vendor did not complete the review until February 2024.`), [
    'The vendor d → when: until February 2024',
  ]);
  assert.deepEqual(linksIn(`${DATELINE}We will not be told until February 2026, and did not finish until February 2024.`), [
    'We will not  → when: until February 2026',
    'We will not  → when: until February 2024',
  ]);
  assert.deepEqual(linksIn(`${DATELINE}Key rotation was on the roadmap for Q3 2024, which has passed.`), ['Key rotation → due: Q3 2024']);
  assert.deepEqual(linksIn(`${DATELINE}The company had promised to finish by March 2024.`), ['The company  → due: by March 2024']);
});

test('a frequency or the date of a statement is not a deadline', () => {
  assert.deepEqual(linksIn(`${DATELINE}We will publish a transparency report twice a year.`), []);
  assert.deepEqual(linksIn(`${DATELINE}"Our goal is zero breaches," the chief executive wrote in a post dated 2020.`), [
    '"Our goal is → when: 2020',
  ]);
});

test('compareToReference places a value at any precision against the document date', () => {
  assert.equal(compareToReference('2025', '2024-09-27'), 1);
  assert.equal(compareToReference('2024', '2024-09-27'), 0);
  assert.equal(compareToReference('2024-08', '2024-09-27'), -1);
  assert.equal(compareToReference('2024-Q3', '2024-09-27'), 0);
  assert.equal(compareToReference('2024-Q4', '2024-09-27'), 1);
  assert.equal(compareToReference('2024-09-26', '2024-09-27'), -1);
});

/** Floors on the keys this repository made by hand; the held-out keys (blind-final) are only printed by `npm run eval`. */
const FLOORS = { about: 0.95, due: 0.9, when: 0.95 };

test('the sample corpus’s claims link their dates and controls in the keyed roles', () => {
  const docs = path.join(REPOSITORY, 'samples', 'corpus');
  const score = scoreLinkFile(path.join(REPOSITORY, 'test', 'eval', 'links', 'samples.links.yaml'), (name) =>
    fs.readFileSync(path.join(docs, name), 'utf8'),
  );
  assert.ok(score.claimsJudged >= 50, `judged ${score.claimsJudged} claims`);
  for (const role of LINK_ROLES) {
    const { f1 } = roleF1(score.byRole[role]);
    assert.ok(f1 >= FLOORS[role], `${role}: F1 ${f1.toFixed(3)} below ${FLOORS[role]}: ${JSON.stringify(score.errors)}`);
  }
});

test('the shared corpus’s claims link their dates and controls in the keyed roles', needsShared('corpus', 'link floors'), () => {
  const dir = sharedCorpusDir() as string;
  const score = scoreLinkFile(path.join(REPOSITORY, 'test', 'eval', 'links', 'shared.links.yaml'), (name) =>
    fs.readFileSync(path.join(dir, name), 'utf8'),
  );
  assert.ok(score.claimsJudged >= 20, `judged ${score.claimsJudged} claims`);
  for (const role of LINK_ROLES) {
    const { f1 } = roleF1(score.byRole[role]);
    assert.ok(f1 >= FLOORS[role], `${role}: F1 ${f1.toFixed(3)} below ${FLOORS[role]}: ${JSON.stringify(score.errors)}`);
  }
});
