// Catalog entries added for Singapore's MAS notices and guidelines and its Financial Services
// and Markets Act 2022, Korea's Ministry of Science and ICT and Network Act (with its
// articles), New Zealand's information privacy principles, Israel's Amendment No. 13, the
// articles of Türkiye's Law No. 6698, Saudi Arabia's CSCC and ECC versions, the UK and EU
// Market Abuse Regulations, the remaining US state insurance regulators and the CIS
// Benchmarks. The sentences are written for these tests; each name is found under its own
// id, and each short form only where it is meant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentFound, found } from './catalogFinds';

test('Singapore: MAS Notices 644 and 655 (FSM-N05, FSM-N06), the TRM Guidelines and the Guidelines on Outsourcing', () => {
  assert.deepEqual(
    found('Banks in Singapore must meet MAS Notice 644 on Technology Risk Management and MAS Notice 655 on Cyber Hygiene.'),
    ['sg-mas-notice-644:MAS Notice 644', 'sg-mas-notice-655:MAS Notice 655'],
  );
  assert.deepEqual(
    found('Since May 2024 the requirements sit in Notice FSM-N05 and FSM-N06, issued by the Monetary Authority of Singapore.'),
    ['sg-mas-notice-644:Notice FSM-N05', 'sg-mas-notice-655:FSM-N06', 'sg-mas:Monetary Authority of Singapore'],
  );
  assert.deepEqual(found('The MAS expects banks to follow Notice 644 and to report incidents within an hour.'), [
    'sg-mas-notice-644:Notice 644',
  ]);
  assert.deepEqual(
    found('The bank mapped its controls to the MAS Technology Risk Management Guidelines (TRM Guidelines) of January 2021.'),
    ['sg-mas-trm-guidelines:MAS Technology Risk Management Guidelines (TRM Guidelines)'],
  );
  assert.deepEqual(found('In Singapore, the TRM Guidelines set expectations for cyber resilience testing.'), [
    'sg-mas-trm-guidelines:TRM Guidelines',
  ]);
  assert.deepEqual(found('The insurer reviewed its cloud contract against the MAS Guidelines on Outsourcing.'), [
    'sg-mas-outsourcing-guidelines:MAS Guidelines on Outsourcing',
  ]);
  // A notice of another kind, a vendor's own guidelines.
  assert.deepEqual(found('Form Notice 644 was filed with the county clerk.'), []);
  assert.deepEqual(found('The TRM Guidelines of our vendor were updated.'), []);
});

test("Singapore's Financial Services and Markets Act 2022 is not the UK's Act of 2000", () => {
  assert.deepEqual(
    found('Under the Financial Services and Markets Act 2022, the Monetary Authority of Singapore can ban individuals from the industry.'),
    ['sg-fsma-2022:Financial Services and Markets Act 2022', 'sg-mas:Monetary Authority of Singapore'],
  );
  assert.deepEqual(found("Singapore's FSMA 2022 extended MAS oversight to digital token service providers."), [
    'sg-fsma-2022:FSMA 2022',
    'sg-mas:MAS',
  ]);
  assert.deepEqual(found('In Singapore, the Financial Services and Markets Act gives the MAS sector-wide powers.'), [
    'sg-fsma-2022:Financial Services and Markets Act',
    'sg-mas:MAS',
  ]);
  assert.deepEqual(found('The FCA acted under the Financial Services and Markets Act 2000 against the firm.'), [
    'fca:FCA',
    'uk-fsma-2000:Financial Services and Markets Act 2000',
  ]);
  assert.deepEqual(found('In the UK, the Financial Services and Markets Act gives the FCA its powers.'), [
    'uk-fsma-2000:Financial Services and Markets Act',
    'fca:FCA',
  ]);
});

test('Korea: the Ministry of Science and ICT and the Network Act with its articles', () => {
  assert.deepEqual(found('The Ministry of Science and ICT (MSIT) and KISA investigated the SK Telecom breach.'), [
    'kr-msit:Ministry of Science and ICT (MSIT)',
    'kr-kisa:KISA',
  ]);
  assert.deepEqual(found('MSIT said the carrier had failed to report within 24 hours, as the Korean Network Act requires.'), [
    'kr-msit:MSIT',
    'kr-network-act:Korean Network Act',
  ]);
  assert.deepEqual(found('Under Article 48-3 of the Network Act, a provider must report an intrusion incident to the MSIT or KISA.'), [
    'kr-network-act/Article48-3:Article 48-3',
    'kr-network-act:Network Act',
    'kr-msit:MSIT',
    'kr-kisa:KISA',
  ]);
  assert.deepEqual(
    found(
      'The Act on Promotion of Information and Communications Network Utilization and Information Protection requires security measures.',
    ),
    ['kr-network-act:Act on Promotion of Information and Communications Network Utilization and Information Protection'],
  );
  // A degree, and a network act of no country.
  assert.deepEqual(found('The MSIT degree program in Pittsburgh opened applications.'), []);
  assert.deepEqual(found('The Network Act was discussed at the board meeting.'), []);
});

test("New Zealand: the Privacy Act 2020's information privacy principles by number", () => {
  assert.deepEqual(found('Under the Privacy Act 2020, agencies must protect personal information (information privacy principle 5).'), [
    'nz-privacy-act-2020:Privacy Act 2020',
    'nz-privacy-act-2020/informationprivacyprinciple5:information privacy principle 5',
  ]);
  assert.deepEqual(found('The New Zealand Privacy Commissioner found breaches of IPP 5 and IPPs 6 and 9.'), [
    'nz-opc:New Zealand Privacy Commissioner',
    'nz-privacy-act-2020/IPP5:IPP 5',
    'nz-privacy-act-2020/IPPs6and9:IPPs 6 and 9',
  ]);
  // An independent power producer.
  assert.deepEqual(found('The IPP signed a 20-year power purchase agreement in March.'), []);
  assert.deepEqual(found('The regulator approved IPP 5 for the solar farm.'), []);
});

test('Israel: the Data Security Regulations, Amendment No. 13 and the INCD', () => {
  assert.deepEqual(found('In Israel, the Protection of Privacy Regulations (Data Security), 5777-2017 require an annual risk survey.'), [
    'il-data-security-regulations:Protection of Privacy Regulations (Data Security), 5777-2017',
  ]);
  assert.deepEqual(
    found('Israeli database owners must meet the Data Security Regulations; the Privacy Protection Authority audits them.'),
    ['il-data-security-regulations:Data Security Regulations', 'il-ppa:Privacy Protection Authority'],
  );
  assert.deepEqual(found('Amendment No. 13 to the Protection of Privacy Law took effect in August 2025.'), [
    'il-privacy-protection-law:Amendment No. 13 to the Protection of Privacy Law',
  ]);
  assert.deepEqual(found("In Israel, Amendment 13 widened the Privacy Protection Authority's powers."), [
    'il-privacy-protection-law:Amendment 13',
    'il-ppa:Privacy Protection Authority',
  ]);
  assert.deepEqual(found('The Israel National Cyber Directorate (INCD) issued an alert.'), [
    'il-incd:Israel National Cyber Directorate (INCD)',
  ]);
  assert.deepEqual(found('Amendment 13 to the county charter was rejected.'), []);
});

test("Türkiye: articles of Law No. 6698 and the Personal Data Protection Board ('the Board')", () => {
  assert.deepEqual(found('Under Article 12(1) of the Law No. 6698, controllers must take technical and administrative measures.'), [
    'tr-law-6698/Article12(1):Article 12(1)',
    'tr-law-6698:Law No. 6698',
  ]);
  assert.deepEqual(found('Article 18(1)(b) of the KVKK Law sets the fine for breaches of Article 12.'), [
    'tr-law-6698/Article18(1)(b):Article 18(1)(b)',
    'tr-law-6698:KVKK Law',
  ]);
  assert.deepEqual(
    documentFound(
      'The Personal Data Protection Board of Türkiye fined the bank under the KVKK. The Board found that the bank had failed to notify the breach.',
    ),
    ['tr-kvkk-authority:Personal Data Protection Board of Türkiye', 'tr-law-6698:KVKK', 'tr-kvkk-authority:Board'],
  );
  assert.deepEqual(documentFound('The KVKK Board fined the hospital. The Board ordered the deletion of the records.'), [
    'tr-kvkk-authority:KVKK Board',
    'tr-kvkk-authority:Board',
  ]);
  assert.deepEqual(documentFound('The Board approved the budget.'), []);
});

test('Saudi Arabia: the CSCC, the ECC by version and the SAMA Cyber Security Framework', () => {
  assert.deepEqual(found('The NCA issued the Critical Systems Cybersecurity Controls (CSCC-1:2019) for Saudi organisations.'), [
    'sa-nca:NCA',
    'sa-cscc:Critical Systems Cybersecurity Controls (CSCC-1:2019)',
  ]);
  assert.deepEqual(found('Saudi operators of critical systems implement the CSCC on top of the ECC.'), ['sa-cscc:CSCC', 'sa-ecc:ECC']);
  assert.deepEqual(found('In Saudi Arabia, ECC-2:2024 replaced ECC-1:2018; operators map controls to ECC-2.'), [
    'sa-ecc:ECC-2:2024',
    'sa-ecc:ECC-1:2018',
    'sa-ecc:ECC-2',
  ]);
  assert.deepEqual(found('Saudi banks must comply with the SAMA Cyber Security Framework.'), ['sa-sama-csf:SAMA Cyber Security Framework']);
  assert.deepEqual(found("Member Organizations assess their maturity under SAMA's framework."), ["sa-sama-csf:SAMA's framework"]);
  assert.deepEqual(found('The CSCC met in Geneva.'), []);
  assert.deepEqual(found('The ECC-2 memory module failed.'), []);
});

test('The UK Market Abuse Regulation and the EU Market Abuse Regulation', () => {
  assert.deepEqual(found('Under UK MAR, issuers must disclose inside information as soon as possible; the FCA enforces it.'), [
    'uk-mar:UK MAR',
    'fca:FCA',
  ]);
  assert.deepEqual(found('The Market Abuse Regulation (EU) No. 596/2014 as it forms part of UK law applies to the issuer.'), [
    'uk-mar:Market Abuse Regulation (EU) No. 596/2014 as it forms part of UK law',
  ]);
  assert.deepEqual(found('The FCA fined the trader for market manipulation under the Market Abuse Regulation.'), [
    'fca:FCA',
    'uk-mar:Market Abuse Regulation',
  ]);
  assert.deepEqual(found('Regulation (EU) No 596/2014 on market abuse applies in every Member State.'), [
    'eu-mar:Regulation (EU) No 596/2014',
  ]);
  assert.deepEqual(found('The EU Market Abuse Regulation (MAR) bans insider dealing.'), ['eu-mar:EU Market Abuse Regulation (MAR)']);
  // The month.
  assert.deepEqual(found('Sales in MAR were higher than in FEB.'), []);
});

test("US states' insurance regulators", () => {
  assert.deepEqual(found('The Kansas Insurance Department and the Texas Department of Insurance both require notice.'), [
    'us-ks-insurance-department:Kansas Insurance Department',
    'us-tx-insurance-department:Texas Department of Insurance',
  ]);
  assert.deepEqual(found('The Florida Office of Insurance Regulation fined the carrier.'), [
    'us-fl-insurance-department:Florida Office of Insurance Regulation',
  ]);
  assert.deepEqual(
    found(
      'The Wisconsin Office of the Commissioner of Insurance and the Michigan Department of Insurance and Financial Services issued bulletins.',
    ),
    [
      'us-wi-insurance-department:Wisconsin Office of the Commissioner of Insurance',
      'us-mi-insurance-department:Michigan Department of Insurance and Financial Services',
    ],
  );
  assert.deepEqual(
    documentFound('The South Carolina Department of Insurance received the report. The Department then opened an examination.'),
    ['us-sc-insurance-department:South Carolina Department of Insurance', 'us-sc-insurance-department:Department'],
  );
});

test('The CIS Benchmarks', () => {
  assert.deepEqual(found('The servers are hardened to the CIS Benchmarks, and the CIS Benchmark for Ubuntu Linux 22.04 Level 1.'), [
    'cis-benchmarks:CIS Benchmarks',
    'cis-benchmarks:CIS Benchmark',
  ]);
  assert.deepEqual(found('Our benchmarks show a 20% gain.'), []);
});
