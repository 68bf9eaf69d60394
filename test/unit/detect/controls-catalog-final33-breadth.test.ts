// Catalog entries added for Australia's Corporations Act 2001 (with its sections), the EU's
// standardisation regulation and Radio Equipment Directive, Denmark's Data Protection Act (with
// its sections) and Centre for Cyber Security, the Philippine NPC circulars and SEC, the AAIP's
// resolutions and Convention 108+, the OWASP Top 10, GRI 418 and SASB metric codes, Swiss
// financial market law and FINMA's outsourcing circular, and the UK's Telecommunications
// Security Code of Practice. The sentences are written for these tests; each name is found
// under its own id, and each short form only where it is meant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertIncludes, found } from './catalogFinds';

test('Australia: the Corporations Act 2001 and its sections, which ASIC enforces', () => {
  assert.deepEqual(found('ASIC alleged that the licensee breached section 912A(1)(a) of the Corporations Act 2001 (Cth).'), [
    'asic:ASIC',
    'au-corporations-act/section912A(1)(a):section 912A(1)(a)',
    'au-corporations-act:Corporations Act 2001 (Cth)',
  ]);
  assertIncludes(found('ASIC sought a civil penalty under s 912A(5A) of the Corporations Act.'), [
    'au-corporations-act/s912A(5A):s 912A(5A)',
    'au-corporations-act:Corporations Act',
  ]);
  assert.deepEqual(found('The Corporations Act requires Australian licensees to keep adequate risk management systems.'), [
    'au-corporations-act:Corporations Act',
  ]);
  // Another country's act, and a section with no Act near.
  assert.deepEqual(found('Section 5 of the Canada Business Corporations Act deals with incorporation.'), []);
  assert.deepEqual(found('The contractor reviewed section 912A of the tender documents.'), []);
});

test('EU: the standardisation regulation, the Radio Equipment Directive and its delegated regulation', () => {
  assert.deepEqual(found('Harmonised standards are requested and cited under Regulation (EU) No 1025/2012.'), [
    'eu-standardisation-regulation:Regulation (EU) No 1025/2012',
  ]);
  assert.deepEqual(found('Wireless cameras must meet the Radio Equipment Directive 2014/53/EU and Delegated Regulation (EU) 2022/30.'), [
    'eu-red:Radio Equipment Directive 2014/53/EU',
    'eu-red-delegated-act:Delegated Regulation (EU) 2022/30',
  ]);
  assert.deepEqual(found('Under the RED, radio equipment needs CE marking before it is sold.'), ['eu-red:RED']);
  assert.deepEqual(found('The red team and the RED light on the panel were both mentioned.'), []);
});

test('Denmark: the Data Protection Act and its sections, the Danish DPA and the CFCS', () => {
  assert.deepEqual(found('Datatilsynet reported the municipality for a fine under § 41 of the Danish Data Protection Act.'), [
    'dk-datatilsynet:Datatilsynet',
    'dk-data-protection-act/§41:§ 41',
    'dk-data-protection-act:Danish Data Protection Act',
  ]);
  assert.deepEqual(found('The fine was proposed under section 41(6) of the Danish Data Protection Act.'), [
    'dk-data-protection-act/section41(6):section 41(6)',
    'dk-data-protection-act:Danish Data Protection Act',
  ]);
  // The Danish Act is not the UK's Data Protection Act 2018.
  assert.deepEqual(found('The Danish Data Protection Act supplements the GDPR.'), [
    'dk-data-protection-act:Danish Data Protection Act',
    'gdpr:GDPR',
  ]);
  assert.deepEqual(found('The ICO enforces the Data Protection Act in the UK, while the Danish Data Protection Act applies in Denmark.'), [
    'ico:ICO',
    'uk-dpa-2018:Data Protection Act',
    'dk-data-protection-act:Danish Data Protection Act',
  ]);
  assert.deepEqual(found('The Danish DPA referred the case to the police.'), ['dk-datatilsynet:Danish DPA']);
  assert.deepEqual(found("Denmark's Centre for Cyber Security (CFCS) warned of ransomware against hospitals."), [
    "dk-cfcs:Denmark's Centre for Cyber Security (CFCS)",
  ]);
  assert.deepEqual(found('In Denmark, the CFCS raised the threat level for the energy sector.'), ['dk-cfcs:CFCS']);
  // A section with no Act near; CFCS alone is someone else's initials.
  assert.deepEqual(found('See § 41 of the lease agreement.'), []);
  assert.deepEqual(found('The CFCS team met on Tuesday.'), []);
});

test('Germany: the state data protection authority in Baden-Württemberg', () => {
  assert.deepEqual(found('The state data protection authority in Baden-Württemberg fined the football club.'), [
    'de-lfdi-bw:state data protection authority in Baden-Württemberg',
  ]);
});

test('Philippines: the NPC circulars, the Philippine SEC and its Memorandum Circular No. 18, Series of 2019', () => {
  assert.deepEqual(found('The bank notified the National Privacy Commission within 72 hours under NPC Circular 16-03.'), [
    'ph-npc:National Privacy Commission',
    'ph-npc-circular-16-03:NPC Circular 16-03',
  ]);
  assert.deepEqual(found('NPC Circular 20-01 bars lending apps from harvesting contact lists, and NPC Circular 2022-01 sets the fines.'), [
    'ph-npc-circular-20-01:NPC Circular 20-01',
    'ph-npc-circular-2022-01:NPC Circular 2022-01',
  ]);
  assert.deepEqual(found("The Philippine SEC revoked the lenders' licences under SEC Memorandum Circular No. 18, Series of 2019."), [
    'ph-sec:Philippine SEC',
    'ph-sec-mc-18-2019:SEC Memorandum Circular No. 18, Series of 2019',
  ]);
  assert.deepEqual(found('In the Philippines, the SEC shut down online lending platforms.'), ['ph-sec:SEC']);
  assert.deepEqual(found('In Manila, the Securities and Exchange Commission closed unregistered lenders.'), [
    'ph-sec:Securities and Exchange Commission',
  ]);
  // The US SEC stays the US SEC.
  assert.deepEqual(found('The SEC fined the issuer for disclosure failures in its filings.'), ['sec:SEC']);
  assert.deepEqual(found('The Securities and Exchange Commission adopted the cyber disclosure rules.'), [
    'sec:Securities and Exchange Commission',
  ]);
  // A circular number with no NPC near.
  assert.deepEqual(found('The school sent home Circular 16-03 about the trip.'), []);
});

test('Argentina: the National Directorate, AAIP resolutions, Convention 108+ and Law 27.699', () => {
  assert.deepEqual(
    found('In Argentina, the National Directorate for Personal Data Protection applies AAIP Resolution 47/2018 and Resolution 126/2024.'),
    [
      'ar-aaip:National Directorate for Personal Data Protection',
      'ar-aaip-resolution-47-2018:AAIP Resolution 47/2018',
      'ar-aaip-resolution-126-2024:Resolution 126/2024',
    ],
  );
  assert.deepEqual(found('Argentina approved Convention 108+ by Law 27.699.'), [
    'coe-convention-108:Convention 108+',
    'ar-law-27699:Law 27.699',
  ]);
  assert.deepEqual(found('The Council of Europe Convention 108 was opened for signature in 1981.'), [
    'coe-convention-108:Council of Europe Convention 108',
  ]);
  // A city council's resolution.
  assert.deepEqual(found('The city council passed Resolution 47/2018 on parking.'), []);
});

test('Standards: the OWASP Top 10, GRI 418 and its disclosure, SASB metric codes', () => {
  assert.deepEqual(found('The penetration test followed the OWASP Top 10 and the OWASP ASVS.'), [
    'owasp-top-10:OWASP Top 10',
    'owasp-asvs:OWASP ASVS',
  ]);
  assert.deepEqual(found('Under GRI 418, disclosure 418-1 counts substantiated complaints about customer privacy.'), [
    'gri-418:GRI 418',
    'gri-418/418-1:418-1',
  ]);
  assert.deepEqual(found('The report discloses the SASB metric TC-SI-230a.1 on data breaches.'), [
    'sasb:SASB',
    'sasb/TC-SI-230a.1:TC-SI-230a.1',
  ]);
  // A room number with no GRI near.
  assert.deepEqual(found('Room 418-1 is on the fourth floor.'), []);
});

test('Switzerland: FINMASA and the Banking Act with their articles, FINMA Circulars 2018/3 and 2023/1', () => {
  assert.deepEqual(
    found('FINMA relies on Article 29 para. 2 of the Financial Market Supervision Act (FINMASA) for reports of cyber attacks.'),
    ['ch-finma:FINMA', 'ch-finmasa/Article29para.2:Article 29 para. 2', 'ch-finmasa:Financial Market Supervision Act (FINMASA)'],
  );
  assert.deepEqual(found('In Switzerland, banking secrecy is protected by Article 47 of the Banking Act.'), [
    'ch-banking-act/Article47:Article 47',
    'ch-banking-act:Banking Act',
  ]);
  assert.deepEqual(found('FINMA supervises banks under the Swiss Banking Act (BankG).'), [
    'ch-finma:FINMA',
    'ch-banking-act:Swiss Banking Act (BankG)',
  ]);
  assert.deepEqual(found('Swiss banks must follow FINMA Circular 2018/3 Outsourcing and FINMA Circular 2023/1.'), [
    'ch-finma-circular-2018-3:FINMA Circular 2018/3',
    'ch-finma-circular-2023-1:FINMA Circular 2023/1',
  ]);
  // Another country's banking act, and the German one.
  assert.deepEqual(found('Article 5 of the Banking Act was amended in Kenya.'), []);
  assert.deepEqual(found('BaFin relies on section 25a of the German Banking Act.'), [
    'de-bafin:BaFin',
    'de-kwg/section25a:section 25a',
    'de-kwg:German Banking Act',
  ]);
});

test('UK: the Telecommunications Security Code of Practice, enforced by Ofcom', () => {
  assert.deepEqual(found('Ofcom checks providers against the Telecommunications Security Code of Practice.'), [
    'ofcom:Ofcom',
    'uk-telecoms-security-code-of-practice:Telecommunications Security Code of Practice',
  ]);
});
