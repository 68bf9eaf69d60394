// Catalog entries added for Japan's MLIT, National Cybersecurity Office, Active Cyber Defense
// law, Economic Security Promotion Act, Basic Act on Cybersecurity, METI and MIC; New
// Zealand's NCSC (shared name with the UK's), GCSB, DIA and anti-spam Act; India's DPDP Rules
// by rule and the DPDP Act by section, the SPDI Rules, MeitY, TRAI and TDSAT; Saudi Arabia's
// PDPL regulations and amending decree; FINMA guidance by number; ISO/IEC 42005 and 42006;
// NIST AI 600-1; Connecticut's amending Public Acts; Argentina's Disposiciones, Law 26.951 and
// Law 25.326 by article; Hong Kong's SFC Code of Conduct and Securities and Futures
// Ordinance. The sentences are written for these tests; each name is found under its own id,
// and each short form only where it is meant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertIncludes, found } from './catalogFinds';

test('Japan: MLIT, the National Cybersecurity Office and the new cyber laws', () => {
  assert.deepEqual(found('Port operators in Kobe answer to the Ministry of Land, Infrastructure, Transport and Tourism.'), [
    'jp-mlit:Ministry of Land, Infrastructure, Transport and Tourism',
  ]);
  assertIncludes(found('In Tokyo, MLIT asked every terminal to check its backups.'), ['jp-mlit:MLIT']);
  assertIncludes(found('Japan replaced the NISC with the National Cybersecurity Office in July 2025.'), [
    'jp-nco:National Cybersecurity Office',
  ]);
  assert.deepEqual(found('Lawmakers in Tokyo approved the Active Cyber Defense law after long debate.'), [
    'jp-active-cyber-defense-act:Active Cyber Defense law',
  ]);
  assert.deepEqual(found('Terminal systems were added to the scope of the Economic Security Promotion Act.'), [
    'jp-economic-security-promotion-act:Economic Security Promotion Act',
  ]);
  assert.deepEqual(found('The Basic Act on Cybersecurity set up the strategic headquarters.'), [
    'jp-basic-act-cybersecurity:Basic Act on Cybersecurity',
  ]);
  assert.deepEqual(found('METI and the Ministry of Internal Affairs and Communications issued joint guidance.'), [
    'jp-meti:METI',
    'jp-mic:Ministry of Internal Affairs and Communications',
  ]);
  // An office of the same name elsewhere, and a sergeant, are not Japan's.
  assert.deepEqual(found('The platoon NCO checked the rifles before the march.'), []);
  assert.deepEqual(found('Our National Cybersecurity Office hosted a town hall for the county staff.'), []);
});

test("New Zealand: the NCSC, which shares its name with the UK's, CERT NZ and the GCSB", () => {
  assert.deepEqual(found('Businesses in New Zealand report incidents to the National Cyber Security Centre (NCSC).'), [
    'nz-ncsc:National Cyber Security Centre (NCSC)',
  ]);
  assertIncludes(found('CERT NZ is now part of the NCSC, within the GCSB in Wellington.'), [
    'nz-ncsc:CERT NZ',
    'nz-ncsc:NCSC',
    'nz-gcsb:GCSB',
  ]);
  assert.deepEqual(found('The Unsolicited Electronic Messages Act 2007 is enforced by the New Zealand Department of Internal Affairs.'), [
    'nz-uema:Unsolicited Electronic Messages Act 2007',
    'nz-dia:New Zealand Department of Internal Affairs',
  ]);
  // The UK's centre stays the UK's.
  assert.deepEqual(found('In London, the National Cyber Security Centre (NCSC) published new guidance for UK boards.'), [
    'ncsc:National Cyber Security Centre (NCSC)',
  ]);
});

test('India: the DPDP Rules by rule, the DPDP Act by section, the SPDI Rules and the bodies', () => {
  assertIncludes(found('Under the DPDP Rules, 2025, Rules 1, 2 and 17 to 21 apply at once, and Rule 7 sets the breach steps.'), [
    'dpdp-rules/Rules1,2and17to21:Rules 1, 2 and 17 to 21',
    'dpdp-rules/Rule7:Rule 7',
  ]);
  assertIncludes(found('A fiduciary must protect data (Section 8(5)) and appoint an officer under Section 10 of the DPDP Act.'), [
    'dpdp-act/Section8(5):Section 8(5)',
    'dpdp-act/Section10:Section 10',
  ]);
  assertIncludes(found('The SPDI Rules, 2011 made under section 43A of the IT Act stay until the DPDP Act is fully in force.'), [
    'in-spdi-rules-2011:SPDI Rules, 2011',
  ]);
  // A section of the IT Act is the IT Act's, not the DPDP Act's.
  assert.deepEqual(
    found('The DPDP Act repeals Section 43A of the Information Technology Act, 2000.').filter((f) => f.startsWith('dpdp-act/')),
    [],
  );
  // Without the DPDP Rules or Act named, a rule number belongs to no one.
  assert.deepEqual(found('Rule 7 of the golf club says no phones on the green.'), []);
  assert.deepEqual(found('MeitY notified the rules; TRAI and the TDSAT were not involved.'), [
    'in-meity:MeitY',
    'in-trai:TRAI',
    'in-tdsat:TDSAT',
  ]);
});

test("Saudi Arabia: the PDPL's regulations and amending decree are the PDPL", () => {
  assertIncludes(
    found(
      'Royal Decree No. M/148 amended the Saudi PDPL, and the Regulation on Personal Data Transfer outside the Kingdom governs exports.',
    ),
    ['sa-pdpl:Royal Decree No. M/148', 'sa-pdpl:Regulation on Personal Data Transfer outside the Kingdom'],
  );
  assertIncludes(found("SDAIA's Implementing Regulation sets the 72-hour deadline under the PDPL."), ['sa-pdpl:Implementing Regulation']);
  // Another law's implementing regulation is not the PDPL's.
  assert.deepEqual(found('The Commission adopted an Implementing Regulation on the reporting templates.'), []);
});

test('FINMA guidance by number, ISO/IEC 42005 and 42006, NIST AI 600-1', () => {
  assert.deepEqual(found('FINMA Guidance 05/2020 sets a 24-hour first report; FINMA later refined it in its Guidance 03/2024.'), [
    'ch-finma-guidance-05-2020:FINMA Guidance 05/2020',
    'ch-finma:FINMA',
    'ch-finma-guidance-03-2024:Guidance 03/2024',
  ]);
  assert.deepEqual(found('The council published its Guidance 03/2024 on school meals.'), []);
  assert.deepEqual(found('Certification bodies follow ISO/IEC 42006; impact assessments follow ISO/IEC 42005.'), [
    'iso-42006:ISO/IEC 42006',
    'iso-42005:ISO/IEC 42005',
  ]);
  assert.deepEqual(found('We mapped our controls to the Generative AI Profile (NIST AI 600-1).'), [
    'nist-ai-600-1:Generative AI Profile (NIST AI 600-1)',
  ]);
  assert.deepEqual(found('Her Generative AI Profile on the dating site got many views.'), []);
});

test("Connecticut's amending acts, Argentina's Disposiciones and laws, Hong Kong's SFC instruments", () => {
  assertIncludes(found('Public Act 23-56 and Public Act 25-113 both amended the CTDPA.'), [
    'us-ct-ctdpa:Public Act 23-56',
    'us-ct-ctdpa:Public Act 25-113',
  ]);
  assertIncludes(found('Under Ley 25.326 the AAIP found breaches of Article 10 and of Disposición DNPDP 7/2005.'), [
    'ar-law-25326/Article10:Article 10',
    'ar-dnpdp-disposicion-7-2005:Disposición DNPDP 7/2005',
  ]);
  assert.deepEqual(found('Transfers relied on Disposición 60-E/2016; marketing calls breached Law 26.951.'), [
    'ar-dnpdp-disposicion-60-e-2016:Disposición 60-E/2016',
    'ar-law-26951:Law 26.951',
  ]);
  // An article of another law, with Law 25.326 named elsewhere, is not its article.
  assert.deepEqual(
    found('Law 25.326 aside, Article 10 of the Civil Code governs the contract.').filter((f) => f.includes('/Article')),
    [],
  );
  assertIncludes(found('Licensed corporations must report under paragraph 12.5 of the Code of Conduct, says the SFC.'), [
    'hk-sfc-code-of-conduct:Code of Conduct',
  ]);
  assert.deepEqual(found('The Securities and Futures Ordinance gives the regulator its powers.'), [
    'hk-sfo:Securities and Futures Ordinance',
  ]);
  // A company's own code of conduct is not the SFC's.
  assert.deepEqual(found('Every employee signs the Code of Conduct on the first day.'), []);
});
