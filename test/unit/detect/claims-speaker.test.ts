import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectClaims } from '../../../src/core/detect/claims';
import { attributeSpeaker } from '../../../src/core/detect/claims/speaker';
import { parseByline } from '../../../src/core/detect/claims/context';

function speakerOf(sentence: string): string | undefined {
  return attributeSpeaker(sentence)?.speaker;
}

test('"according to X" names X, without what follows it', () => {
  assert.equal(speakerOf('According to Acme, the data never left the device.'), 'Acme');
  assert.equal(speakerOf('Engineers had access to the data, according to a Wired report from June.'), 'a Wired report');
  assert.equal(speakerOf('According to a Globex memo seen by the paper on Friday, it will close.'), 'a Globex memo');
});

test('the subject of a reporting verb, with roles stripped from a name', () => {
  assert.equal(speakerOf('Blackwood stated that the firm had complied.'), 'Blackwood');
  assert.equal(speakerOf('Acme CEO Jane Q. Doe explained that the company was moving servers.'), 'Jane Q. Doe');
  assert.equal(speakerOf('“It was a mistake,” Ohio Senator Rivera said.'), 'Rivera');
  assert.equal(speakerOf('A company spokeswoman told reporters that Acme had responded.'), 'a company spokeswoman');
  assert.equal(speakerOf('It will hire 50 engineers in Ohio, the spokesman noted.'), 'the spokesman');
  assert.equal(speakerOf('Initech has previously claimed that staff cannot see user data.'), 'Initech');
  assert.equal(speakerOf('Globex announced last month that it had finished the move.'), 'Globex');
});

test('a document as the speaker', () => {
  assert.equal(speakerOf('The letter stated: “We will delete the backups.”'), 'the letter');
  assert.equal(speakerOf('However, the report stated that the servers were in Virginia.'), 'the report');
  assert.equal(speakerOf('Additionally, it was stated in the filing that the firm had 300 staff.'), 'the filing');
  assert.equal(speakerOf('In the letter to the agency, it was acknowledged that staff had access.'), 'the letter');
});

test('inverted and passive attributions', () => {
  assert.equal(speakerOf('“We will comply,” said Maria Lopez, the company’s general counsel.'), 'Maria Lopez');
  assert.equal(speakerOf('As first reported by Bloomberg, the unit was sold in 2021.'), 'Bloomberg');
  assert.equal(speakerOf('The probe opened on Monday, two people familiar with the matter said.'), 'two people familiar with the matter');
  assert.equal(speakerOf('Northwind, a maker of routers, today announced that it had been acquired.'), 'Northwind');
});

test('pronouns are flagged, and take the last named speaker of the block', () => {
  assert.deepEqual(attributeSpeaker('She added that the firm must testify before Congress in May.'), { speaker: 'she', pronoun: true });
  const text =
    'Acme “should have disclosed the breach in 2021,” Senator Okafor said. She added that the firm must testify before Congress in May.';
  assert.deepEqual(
    detectClaims(text).map((c) => c.speaker),
    ['Okafor', 'Okafor'],
  );
});

test('a quotation going on from the previous sentence keeps its speaker', () => {
  const text = '“We encrypt every backup,” said Dana Kim, Acme’s security chief. “We will also rotate keys every 90 days.”';
  assert.deepEqual(
    detectClaims(text).map((c) => c.speaker),
    ['Dana Kim', 'Dana Kim'],
  );
});

test('no attribution leaves the speaker undefined', () => {
  assert.equal(speakerOf('The company acquired the start-up in 2021.'), undefined);
  const claims = detectClaims('We will open an office in Lagos next year.');
  assert.equal(claims.length, 1);
  assert.equal(claims[0]?.speaker, undefined);
});

test('first person takes the organisation (or author) that the byline names', () => {
  const text =
    'By Sam Carter, Head of Engineering at Tailspin\n\nWe migrated 2 million accounts in six weeks.\n\nMy team will ship passkeys in June.';
  assert.deepEqual(
    detectClaims(text).map((c) => c.speaker),
    ['Tailspin', 'Sam Carter'],
  );
  const corporate = 'By Jo Li, Trust and Safety, Acme\n\nWe will publish a transparency report every quarter.';
  assert.equal(detectClaims(corporate)[0]?.speaker, 'Acme');
});

test('a byline without an organisation names none', () => {
  assert.deepEqual(parseByline('By Maria Lopez'), { author: 'Maria Lopez' });
  assert.deepEqual(parseByline('By Maria Lopez, Staff Writer'), { author: 'Maria Lopez' });
  assert.deepEqual(parseByline('By V. Jay La Rosa, Global Security, Acme'), { author: 'V. Jay La Rosa', organisation: 'Acme' });
});

test('a reporting verb that is also a plural noun ("Type II reports, the company said") is read as the noun', () => {
  assert.equal(speakerOf('We hold ISO 27001 and SOC 2 Type II reports, the company said last month.'), 'the company');
  assert.equal(speakerOf('The auditors filed their notes, the regulator confirmed.'), 'the regulator');
  // Still a verb where no other reporting verb follows, or an object does.
  assert.equal(speakerOf('Acme reports, in its filing, that no data was taken.'), 'Acme');
  assert.equal(speakerOf('The regulator reports that 40 firms were fined.'), 'the regulator');
});
