// Catalog entries added for Indonesia's Komdigi (formerly Kominfo), PP 71/2019, the PSE
// regulation, POJK 22/2023 and the UU PDP's articles; Thailand's PDPA sections, the NCSA,
// the Cybersecurity Act B.E. 2562 and the MDES; the FCC's CPNI rules by section; SSAE 18;
// the UK's DHSC; Mexico's SABG and LGPDPPSO; South Africa's Cybercrimes Act and the JSE
// Listings Requirements; California's Delete Act; EDPB guidelines by number; Vietnam's 2025
// Personal Data Protection Law and Decree 356; and the Philippines' DICT. The sentences are
// written for these tests; each name is found under its own id, and each short form only
// where it is meant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertIncludes, found } from './catalogFinds';

test('Indonesia: Komdigi, its regulations and the UU PDP by article', () => {
  assert.deepEqual(found('Komdigi, the Ministry of Communication and Digital Affairs, summoned the platform operator.'), [
    'id-komdigi:Komdigi',
    'id-komdigi:Ministry of Communication and Digital Affairs',
  ]);
  assert.deepEqual(found('Before the rename, Kominfo kept the register of electronic system operators.'), ['id-komdigi:Kominfo']);
  assert.deepEqual(found('Operators must register under Permenkominfo 5/2020 and Government Regulation No. 71 of 2019.'), [
    'id-permenkominfo-5-2020:Permenkominfo 5/2020',
    'id-pp-71-2019:Government Regulation No. 71 of 2019',
  ]);
  assert.deepEqual(found('The lender told the OJK it complies with POJK No. 22 of 2023.'), [
    'id-ojk:OJK',
    'id-pojk-22-2023:POJK No. 22 of 2023',
  ]);
  assertIncludes(found('The ministry cited Article 35 of the UU PDP in its letter.'), ['id-pdp-law/Article35:Article 35']);
  assertIncludes(found('A controller that ignores the UU PDP may be fined; Article 57 lists the sanctions.'), [
    'id-pdp-law/Article57:Article 57',
  ]);
  // Without the law named, an article number belongs to no one.
  assert.deepEqual(found('Article 57 of the tenancy agreement sets the deposit.'), []);
});

test('Thailand: PDPA sections, the NCSA, the Cybersecurity Act B.E. 2562 and the MDES', () => {
  assertIncludes(found("A Bangkok clinic breached Section 37(1) of the Act, the Thai PDPA's security duty, and its vendor Section 40."), [
    'th-pdpa/Section37(1):Section 37(1)',
    'th-pdpa/Section40:Section 40',
  ]);
  assert.deepEqual(
    found('The National Cyber Security Agency in Bangkok supervises critical infrastructure under the Cybersecurity Act B.E. 2562.'),
    ['th-ncsa:National Cyber Security Agency', 'th-cybersecurity-act:Cybersecurity Act B.E. 2562'],
  );
  assert.deepEqual(found("Thailand's Ministry of Digital Economy and Society backed the new rules."), [
    "th-mdes:Thailand's Ministry of Digital Economy and Society",
  ]);
  // Qatar's agency keeps its own name; a section of Singapore's PDPA is not Thailand's.
  assert.deepEqual(found("Qatar's National Cyber Security Agency issued new controls in Doha."), [
    "qa-ncsa:Qatar's National Cyber Security Agency",
  ]);
  assert.deepEqual(
    found('Singapore’s PDPC found a breach of Section 24 of the PDPA.').filter((f) => f.startsWith('th-')),
    [],
  );
});

test('the FCC CPNI rules by section', () => {
  assertIncludes(found('The carrier reported the breach to the FCC under 47 C.F.R. § 64.2011, as 64.2010(b) requires for CPNI.'), [
    'fcc-cpni-rules/64.2011:64.2011',
    'fcc-cpni-rules/64.2010(b):64.2010(b)',
  ]);
  assertIncludes(found("Stores must follow the FCC's customer authentication rules before disclosing call records."), [
    "fcc-cpni-rules:FCC's customer authentication rules",
  ]);
  assert.deepEqual(found('The invoice total was 64.2011 dollars.'), []);
});

test('SSAE 18, the DHSC and Rhode Island', () => {
  assert.deepEqual(found('Our service auditor examined the controls under SSAE 18.'), ['ssae-18:SSAE 18']);
  assert.deepEqual(found('The Department of Health and Social Care sets the data security requirements for NHS trusts.'), [
    'uk-dhsc:Department of Health and Social Care',
  ]);
  assert.deepEqual(found('Guidance from the DHSC reached every NHS trust in England.'), ['uk-dhsc:DHSC']);
  assert.deepEqual(found("Rhode Island's Data Transparency and Privacy Protection Act took effect in 2026."), [
    "us-ri-ridtppa:Rhode Island's Data Transparency and Privacy Protection Act",
  ]);
});

test('Mexico: the SABG and the LGPDPPSO', () => {
  assert.deepEqual(
    found('In Mexico the Secretaría Anticorrupción y Buen Gobierno (SABG) now enforces the LFPDPPP; the LGPDPPSO binds public bodies.'),
    ['mx-sabg:Secretaría Anticorrupción y Buen Gobierno (SABG)', 'mx-lfpdppp:LFPDPPP', 'mx-lgpdppso:LGPDPPSO'],
  );
  assert.deepEqual(found('Since the INAI closed, the SABG has opened its own verification procedures.'), ['mx-inai:INAI', 'mx-sabg:SABG']);
  assert.deepEqual(found('The SABG money pays for county treatment programmes.'), []);
});

test('South Africa: the Cybercrimes Act by section and the JSE Listings Requirements', () => {
  assertIncludes(found('The retailer opened a case with SAPS under section 54 of the Cybercrimes Act 19 of 2020.'), [
    'za-cybercrimes-act/section54:section 54',
    'za-cybercrimes-act:Cybercrimes Act 19 of 2020',
  ]);
  assert.deepEqual(found('The issuer published a cautionary announcement as the JSE Listings Requirements demand.'), [
    'jse-listings-requirements:JSE Listings Requirements',
  ]);
  // The JSE only where it regulates issuers; Kenya's law ends in the same words.
  assert.deepEqual(found('The Jamaica market regulator, the JSE, reopened trading on Monday.'), []);
  assert.deepEqual(
    found("Kenya's Computer Misuse and Cybercrimes Act was amended in 2024.").filter((f) => f.startsWith('za-')),
    [],
  );
});

test("California's Delete Act and EDPB guidelines by number", () => {
  assert.deepEqual(found("Data brokers must register with the CPPA under California's Delete Act."), [
    'cppa:CPPA',
    "us-ca-delete-act:California's Delete Act",
  ]);
  assertIncludes(found('Brokers must process DROP requests under the Delete Act from August.'), ['us-ca-delete-act:Delete Act']);
  assert.deepEqual(found('A senator introduced the Delete Act again.'), []);
  assert.deepEqual(found('At its plenary the EDPB adopted Guidelines 02/2026 on anonymisation.'), [
    'edpb:EDPB',
    'edpb/Guidelines02/2026:Guidelines 02/2026',
  ]);
  assert.deepEqual(found('The club adopted Guidelines 02/2026 for its volunteers.'), []);
});

test('Vietnam and the Philippines', () => {
  assert.deepEqual(found('Law No. 91/2025/QH15 and Decree 356/2025/ND-CP replaced Decree 13/2023/ND-CP.'), [
    'vn-pdp-law-2025:Law No. 91/2025/QH15',
    'vn-decree-356-2025:Decree 356/2025/ND-CP',
    'vn-decree-13-2023:Decree 13/2023/ND-CP',
  ]);
  assert.deepEqual(found('The DICT in Manila runs CERT-PH.'), ['ph-dict:DICT']);
  assert.deepEqual(found('The DICT field was empty in the export.'), []);
});
