// Speakers as entities (src/core/entities): the key that makes spellings one entity, the
// workspace's entities file and its located problems, the registry across documents,
// and resolution within a document, with floors on the keys made by hand
// (test/eval/entities; `npm run eval` prints the figures).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { entityKey } from '../../../src/core/entities/key';
import { parseEntities } from '../../../src/core/entities/file';
import { EntityRegistry } from '../../../src/core/entities/registry';
import { NEAR_WINDOW, resolveSpeakers, speakerEntities, speakerEntityNear } from '../../../src/core/entities/inDocument';
import { DocumentDetector } from '../../../src/core/detect';
import type { ClaimDetection } from '../../../src/core/model';
import * as fs from 'node:fs';
import { entityDocumentReader, scoreEntityFile } from '../../eval/entities';
import { needsShared, REPOSITORY, sharedCorpusDir } from '../../eval/shared';

test('spelling, case, accents, a possessive, "the" and a legal form do not make another entity', () => {
  for (const name of ['TikTok', 'Tik Tok', 'TIKTOK', "TikTok's", 'TikTok Inc.', 'TikTok, Inc', 'the TikTok', 'Tik-Tok']) {
    assert.equal(entityKey(name), 'tiktok', name);
  }
  assert.equal(entityKey('Margit Ellström'), entityKey('Margit Ellstrom'));
  assert.equal(entityKey('Halvorsen Freight Systems, Inc.'), entityKey('Halvorsen Freight Systems'));
  assert.notEqual(entityKey('TikTock'), entityKey('TikTok'), 'near misses are for the researcher to alias');
  assert.equal(entityKey('The Company'), 'company', 'a legal form alone stays a name');
  assert.equal(entityKey('—'), '');
});

const FILE = `marginalia-entities: 1
entities:
  - id: tiktok
    name: TikTok
    type: organisation
    aliases: [the Chinese-owned social media platform, ByteDance's TikTok]
  - {id: shou-zi-chew, name: Shou Zi Chew, type: person, of: tiktok}
`;

test('the entities file: names, aliases, types and the organisation a person speaks for', () => {
  const { entities, problems } = parseEntities(FILE, '.marginalia/entities.yaml');
  assert.deepEqual(problems, []);
  assert.equal(entities.length, 2);
  const registry = new EntityRegistry(entities);
  assert.deepEqual(registry.resolve('Tik Tok'), { id: 'tiktok', name: 'TikTok', type: 'organisation', listed: true });
  assert.equal(registry.resolve('the Chinese-owned social media platform')?.id, 'tiktok');
  assert.deepEqual(registry.resolve('Shou Zi Chew')?.of, { id: 'tiktok', name: 'TikTok' });
  // Unlisted names are entities of their own, one per key, across documents.
  assert.deepEqual(registry.resolve('Corvane'), { id: 'corvane', name: 'Corvane', listed: false });
  assert.equal(registry.resolve('CORVANE')?.id, registry.resolve('Corvane')?.id);
  assert.equal(registry.resolve('...'), undefined);
});

test('each problem of an entities file says where it is, and the valid entities still count', () => {
  const text = `marginalia-entities: 1
entities:
  - id: TikTok
    name: TikTok
  - id: oracle
    name: Oracle
    type: company
    colour: red
  - id: oracle
    name: Oracle Corp
  - id: larry
    name: Larry Ellison
    of: orcale
  - id: other
    name: Oracle Inc.
`;
  const { entities, problems } = parseEntities(text, 'e.yaml');
  assert.deepEqual(
    entities.map((e) => e.id),
    ['oracle', 'larry', 'other'],
  );
  const said = problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.message}`);
  assert.deepEqual(said, [
    '3:9 error entity 1: `id` must be lower case and hyphenated (like `tiktok` or `shou-zi-chew`)',
    '8:5 error entity 2: unknown field `colour` (allowed: id, name, type, aliases, of)',
    '7:11 error oracle: `type` must be one of organisation, person',
    '9:9 error oracle: another entity has this id; this one is ignored',
    '14:5 warning other: "Oracle Inc." is also a name of oracle; mentions of it go to oracle',
    '13:9 warning larry: `of` names no entity of this file ("orcale")',
  ]);
  assert.match(parseEntities('entities: [', 'e.yaml').problems[0]?.message ?? '', /./);
  assert.equal(parseEntities('marginalia-entities: 2\nentities: []\n', 'e.yaml').problems[0]?.line, 1);
  assert.deepEqual(parseEntities('', 'e.yaml'), { entities: [], problems: [] });
});

/** The entity of each claim (start offsets of sentences here) as resolved. */
function resolveIn(text: string, speakers: [string, string][], registry?: EntityRegistry): (string | undefined)[] {
  const claims = speakers.map(([sentence, speaker]) => {
    const start = text.indexOf(sentence);
    assert.ok(start >= 0, sentence);
    return { start, end: start + sentence.length, speaker };
  });
  return resolveSpeakers(text, claims, registry);
}

test('within a document: short names, "the company", "a spokeswoman", "the letter" and defined terms', () => {
  const text = [
    'Melbourne-based lender Quokka Money said on Monday that intruders had copied ID scans.',
    'Quokka said the breach began in February.',
    'The company said it would write to customers.',
    'A company spokeswoman told the regulator that no passwords were taken.',
    'The Office of the Australian Information Commissioner (OAIC) said it was reviewing the matter.',
    'The company said it had hired a forensic firm.',
    'Quokka chief executive Dana Whitlock said the firm was sorry.',
    'Whitlock said more would follow.',
    'In a Quokka letter to customers, the lender apologised.',
    'The letter said nothing about a ransom.',
    'A second vendor said it had not been affected.',
  ].join(' ');
  assert.deepEqual(
    resolveIn(text, [
      ['Melbourne-based', 'Quokka Money'],
      ['Quokka said the breach', 'Quokka'],
      ['The company said it would', 'the company'],
      ['A company spokeswoman', 'a company spokeswoman'],
      ['The Office of the Australian', 'OAIC'],
      ['The company said it had', 'the company'],
      ['Quokka chief executive', 'Dana Whitlock'],
      ['Whitlock said more', 'Whitlock'],
      ['In a Quokka letter', 'a Quokka letter'],
      ['The letter said', 'the letter'],
      ['A second vendor', 'a second vendor'],
    ]),
    [
      'Quokka Money',
      'Quokka Money',
      'Quokka Money',
      'Quokka Money',
      'Office of the Australian Information Commissioner',
      'Quokka Money', // "the company" is never the regulator named last
      'Dana Whitlock',
      'Dana Whitlock',
      'Quokka Money',
      'Quokka Money',
      undefined, // someone new
    ],
  );
  const filing =
    'On March 2, 2026, Halvorsen Freight Systems, Inc. (the “Company”) detected an intrusion. The Company believes no data left. The CISO reports to the board.';
  assert.deepEqual(
    resolveIn(filing, [
      ['The Company believes', 'Company'],
      ['The CISO', 'the CISO'],
    ]),
    ['Halvorsen Freight Systems, Inc.', undefined],
  );
  const notNames = 'Full reports are available on request. Rep. Lorna Pike said Thursday that she would act.';
  assert.deepEqual(
    resolveIn(notNames, [
      ['Full reports', 'Full'],
      ['Rep. Lorna', 'Thursday'],
    ]),
    [undefined, undefined],
  );
});

test('the entities file decides: a listed alias is its entity, a listed person is not "the company"', () => {
  const registry = new EntityRegistry(parseEntities(FILE, 'e.yaml').entities);
  const text =
    'The Chinese-owned social media platform said it would move data. CEO Shou Zi Chew said so. The company declined to comment.';
  assert.deepEqual(
    resolveIn(
      text,
      [
        ['The Chinese-owned', 'the Chinese-owned social media platform'],
        ['CEO Shou', 'Shou Zi Chew'],
        ['The company', 'the company'],
      ],
      registry,
    ),
    ['TikTok', 'Shou Zi Chew', 'TikTok'],
  );
});

test('floors on the keys made by hand (test/eval/entities)', (t) => {
  const blind = scoreEntityFile(
    path.join(REPOSITORY, 'test', 'eval', 'entities', 'blind-dev.entities.yaml'),
    entityDocumentReader(REPOSITORY, undefined, path.join(REPOSITORY, 'test', 'eval', 'blind', 'dev')),
  );
  assert.equal(blind.unmatched, 0, blind.errors.join('\n'));
  assert.ok(blind.right / blind.judged >= 0.85, `blind-dev ${blind.right}/${blind.judged}\n${blind.errors.join('\n')}`);
  const skip = needsShared('corpus', 'the dev entity keys read the shared corpus').skip;
  if (skip !== undefined) {
    t.skip(skip);
    return;
  }
  const dev = scoreEntityFile(
    path.join(REPOSITORY, 'test', 'eval', 'entities', 'dev.entities.yaml'),
    entityDocumentReader(REPOSITORY, sharedCorpusDir()),
  );
  assert.equal(dev.unmatched, 0, dev.errors.join('\n'));
  assert.ok(dev.right / dev.judged >= 0.95, `dev ${dev.right}/${dev.judged}\n${dev.errors.join('\n')}`);
});

test('on a large document a claim’s entity read from the text before it is the one the whole document gives', () => {
  const one = fs.readFileSync(path.join(REPOSITORY, 'test', 'eval', 'blind', 'dev', 'news-tallowmere-breach.txt'), 'utf8');
  const text = Array.from({ length: 60 }, () => one).join('\n\n');
  const detections = new DocumentDetector().detect(text);
  const whole = speakerEntities(text, detections);
  const claims = detections.filter((d): d is ClaimDetection => d.kind === 'claim' && d.speaker !== undefined);
  assert.ok(text.length > 4 * NEAR_WINDOW && claims.length > 100);
  for (const c of claims.filter((_, i) => i % 25 === 0))
    assert.equal(speakerEntityNear(text, detections, c), whole.get(c), c.text.slice(0, 50));
});
