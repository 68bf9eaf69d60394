// Catalog entries added after reading real pages the catalog had never been tuned on:
// energy (FERC, NERC and its CIP standards, Germany's EnWG catalogues, Australia's AESCSF),
// transport (UN R155/R156, ISO/SAE 21434, EASA Part-IS, the US Coast Guard's cyber rule),
// medical devices (EU MDR/IVDR, MDCG 2019-16), telecoms (ACMA, India's DoT, Anatel, the
// UK PSTI regime, GSMA NESAS), insurance and financial supervisors (IRDAI, SAMA, BNM, OJK,
// Bank Indonesia, BSP, CBN, CBUAE, CPMI-IOSCO, SWIFT's CSCF), national cyber authorities
// and laws (Malaysia, Switzerland, Chile, the UAE, Indonesia, China) and US public-sector
// rules (CJIS, IRS Publication 1075, DFARS and FAR). The sentences are written for these
// tests; each name is found under its own id, and each short form only where it is meant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentFound, found } from './catalogFinds';

test('energy: FERC, NERC and its CIP standards by number', () => {
  assert.deepEqual(found('Utilities must file CIP-013-2 supply chain plans; FERC approved the NERC CIP standards last year.'), [
    'nerc-cip/CIP-013-2:CIP-013-2',
    'ferc:FERC',
    'nerc-cip:NERC CIP standards',
  ]);
  assert.deepEqual(
    found(
      'The Federal Energy Regulatory Commission directed the North American Electric Reliability Corporation to revise its CIP Reliability Standards.',
    ),
    [
      'ferc:Federal Energy Regulatory Commission',
      'nerc:North American Electric Reliability Corporation',
      'nerc-cip:CIP Reliability Standards',
    ],
  );
  assert.deepEqual(found('NERC auditors reviewed CIP-007-6 patching evidence at the bulk electric system control centre.'), [
    'nerc:NERC',
    'nerc-cip/CIP-007-6:CIP-007-6',
  ]);
});

test('energy in Germany and Australia: BNetzA and its IT security catalogues, AEMO and the AESCSF', () => {
  assert.deepEqual(
    found('The Bundesnetzagentur requires energy network operators to implement the IT-Sicherheitskatalog under the EnWG.'),
    ['de-bnetza:Bundesnetzagentur', 'de-it-sicherheitskatalog:IT-Sicherheitskatalog', 'de-enwg:EnWG'],
  );
  assert.deepEqual(found('The BSI-KritisV sets thresholds and the IT-Sicherheitsgesetz 2.0 widened KRITIS duties.'), [
    'de-bsi-kritisv:BSI-KritisV',
    'de-it-sicherheitsgesetz:IT-Sicherheitsgesetz 2.0',
  ]);
  assert.deepEqual(found('AEMO runs the AESCSF assessment, which builds on C2M2; the CISC regulates SOCI Act assets.'), [
    'au-aemo:AEMO',
    'aescsf:AESCSF',
    'doe-c2m2:C2M2',
    'au-cisc:CISC',
    'soci-act:SOCI Act',
  ]);
});

test('transport: UN R155 and R156, ISO/SAE 21434, EASA Part-IS and the US Coast Guard', () => {
  assert.deepEqual(
    found('Every new car sold in the EU needs a CSMS certificate under UN R155, and OTA updates fall under UN Regulation No. 156.'),
    ['unece-r155:UN R155', 'unece-r156:UN Regulation No. 156'],
  );
  assert.deepEqual(found('WP.29 adopted the interpretation document; the supplier follows ISO/SAE 21434:2021 for its TARA.'), [
    'unece-wp29:WP.29',
    'iso-sae-21434:ISO/SAE 21434:2021',
  ]);
  assert.deepEqual(found('EASA Part-IS applies to airlines from February 2026 under Regulation (EU) 2023/203.'), [
    'easa-part-is:EASA Part-IS',
    'easa-part-is:Regulation (EU) 2023/203',
  ]);
  assert.deepEqual(found('The U.S. Coast Guard’s Cybersecurity in the Marine Transportation System rule applies to MTSA facilities.'), [
    'uscg:U.S. Coast Guard',
    'uscg-mts-cyber-rule:Cybersecurity in the Marine Transportation System',
    'mtsa:MTSA',
  ]);
});

test('financial supervisors and their rules in the Gulf and Asia', () => {
  assert.deepEqual(found('The Saudi Central Bank (SAMA) expects its Member Organizations to meet the SAMA Cyber Security Framework.'), [
    'sa-sama:Saudi Central Bank (SAMA)',
    'sa-sama-csf:SAMA Cyber Security Framework',
  ]);
  assert.deepEqual(found('SAMA fined two banks in Riyadh last quarter.'), ['sa-sama:SAMA']);
  assert.deepEqual(found('Bank Negara Malaysia updated its RMiT policy document; BNM gave banks until 2026 to comply.'), [
    'my-bnm:Bank Negara Malaysia',
    'my-bnm-rmit:RMiT policy document',
    'my-bnm:BNM',
  ]);
  assert.deepEqual(found('The IRDAI Information and Cyber Security Guidelines apply to Indian insurers and intermediaries.'), [
    'in-irdai-cyber-guidelines:IRDAI Information and Cyber Security Guidelines',
  ]);
  assert.deepEqual(found('The Insurance Regulatory and Development Authority of India (IRDAI) fined an insurer.'), [
    'in-irdai:Insurance Regulatory and Development Authority of India (IRDAI)',
  ]);
  assert.deepEqual(found('The OJK requires banks to follow 29/SEOJK.03/2022 and 11/POJK.03/2022, and BSSN handles national incidents.'), [
    'id-ojk:OJK',
    'id-seojk-29-2022:29/SEOJK.03/2022',
    'id-pojk-11-2022:11/POJK.03/2022',
    'id-bssn:BSSN',
  ]);
  assert.deepEqual(found('Bank Indonesia (BI) issued Bank Indonesia Regulation No. 2 of 2024 on cyber resilience.'), [
    'id-bank-indonesia:Bank Indonesia (BI)',
    'id-bi-regulation-2-2024:Bank Indonesia Regulation No. 2 of 2024',
  ]);
  assert.deepEqual(found('Bangko Sentral ng Pilipinas (BSP) Circular No. 982 sets information security rules for BSFIs.'), [
    'ph-bsp:Bangko Sentral ng Pilipinas (BSP)',
    'ph-bsp-circular-982:Circular No. 982',
  ]);
  // The Central Bank of the UAE is not Ireland's "Central Bank".
  assert.deepEqual(
    found('The Central Bank of the UAE and the UAE Cyber Security Council met the TDRA and the Dubai Electronic Security Center.'),
    ['ae-cbuae:Central Bank of the UAE', 'ae-csc:UAE Cyber Security Council', 'ae-tdra:TDRA', 'ae-desc:Dubai Electronic Security Center'],
  );
  assert.deepEqual(found('Operators must notify aeCERT; the UAE Telecommunications Regulatory Authority (TRA) became the TDRA.'), [
    'ae-tdra:aeCERT',
    'ae-tdra:UAE Telecommunications Regulatory Authority (TRA)',
    'ae-tdra:TDRA',
  ]);
});

test('financial supervisors in Africa, international standard setters and SWIFT', () => {
  assert.deepEqual(
    found(
      'The Central Bank of Nigeria (CBN) issued its Risk-Based Cybersecurity Framework and Guidelines for Deposit Money Banks and Payment Service Banks.',
    ),
    [
      'ng-cbn:Central Bank of Nigeria (CBN)',
      'ng-cbn-cybersecurity-framework:Risk-Based Cybersecurity Framework and Guidelines for Deposit Money Banks and Payment Service Banks',
    ],
  );
  assert.deepEqual(found('The CPMI-IOSCO Guidance on cyber resilience for financial market infrastructures supplements the PFMI.'), [
    'cpmi-iosco-cyber-guidance:CPMI-IOSCO Guidance on cyber resilience for financial market infrastructures',
    'pfmi:PFMI',
  ]);
  assert.deepEqual(found('The Cyber Guidance for FMIs sets a two-hour recovery objective.'), ['cpmi-iosco-cyber-guidance:Cyber Guidance']);
  assert.deepEqual(
    found('Banks attest every year against the SWIFT Customer Security Controls Framework; the CSCF now has more mandatory controls.'),
    ['swift-cscf:SWIFT Customer Security Controls Framework', 'swift-cscf:CSCF'],
  );
});

test('national cyber authorities and laws of Malaysia, Switzerland, Chile and China', () => {
  assert.deepEqual(found('Under the Cyber Security Act 2024 (Act 854), NACSA designates NCII entities in Malaysia.'), [
    'my-cyber-security-act-2024:Cyber Security Act 2024 (Act 854)',
    'my-nacsa:NACSA',
  ]);
  // The same name stays Australia's with Australia near.
  assert.deepEqual(found('The Cyber Security Act 2024 requires Australian businesses to report ransomware payments to the ASD.'), [
    'au-cyber-security-act-2024:Cyber Security Act 2024',
    'asd:ASD',
  ]);
  assert.deepEqual(
    found(
      'Swiss operators report cyberattacks to the Federal Office for Cybersecurity (BACS) within 24 hours under the Information Security Act.',
    ),
    ['ch-bacs:Federal Office for Cybersecurity (BACS)', 'ch-isa:Information Security Act'],
  );
  assert.deepEqual(found('The NCSC in Bern received 1,000 reports from Swiss firms.'), ['ch-bacs:NCSC']);
  assert.deepEqual(found("Chile's Agencia Nacional de Ciberseguridad (ANCI) enforces Ley 21.663, the Ley Marco de Ciberseguridad."), [
    'cl-anci:Agencia Nacional de Ciberseguridad (ANCI)',
    'cl-law-21663:Ley 21.663',
    'cl-law-21663:Ley Marco de Ciberseguridad',
  ]);
  assert.deepEqual(
    found(
      "China's Cybersecurity Law and the Data Security Law are enforced by the CAC, and network operators must file under MLPS 2.0 with the Ministry of Public Security.",
    ),
    ["cn-csl:China's Cybersecurity Law", 'cn-dsl:Data Security Law', 'cac:CAC', 'cn-mlps:MLPS 2.0', 'cn-mps:Ministry of Public Security'],
  );
});

test('telecoms and connected products: PSTI, ETSI EN 303 645, India’s DoT, ACMA, Anatel and NESAS', () => {
  assert.deepEqual(found('Manufacturers must comply with the PSTI Act and ETSI EN 303 645 before selling smart cameras in the UK.'), [
    'uk-psti-act:PSTI Act',
    'etsi-en-303-645:ETSI EN 303 645',
  ]);
  assert.deepEqual(
    found(
      "India's Department of Telecommunications notified the Telecom Cyber Security Rules, 2024 under the Telecommunications Act, 2023.",
    ),
    [
      "in-dot:India's Department of Telecommunications",
      'in-telecom-cyber-security-rules-2024:Telecom Cyber Security Rules, 2024',
      'in-telecommunications-act-2023:Telecommunications Act, 2023',
    ],
  );
  assert.deepEqual(found('The ACMA fined Telstra for breaching the Telecommunications Consumer Protections Code and the TIA Act.'), [
    'au-acma:ACMA',
    'au-tcp-code:Telecommunications Consumer Protections Code',
    'au-tia-act:TIA Act',
  ]);
  assert.deepEqual(found("Anatel's Resolução nº 740 requires telecom operators in Brazil to notify incidents."), [
    'br-anatel:Anatel',
    'br-anatel-resolution-740:Resolução nº 740',
  ]);
  assert.deepEqual(found('The GSMA NESAS audits vendors against 3GPP SCAS test cases.'), ['gsma-nesas:GSMA NESAS', '3gpp-scas:3GPP SCAS']);
});

test('medical devices: the EU MDR and IVDR, MDCG 2019-16, IEC 81001-5-1 and IMDRF N60', () => {
  assert.deepEqual(
    found('Devices placed on the EU market must meet the MDR, the IVDR and MDCG 2019-16, with IEC 81001-5-1 as the development standard.'),
    ['eu-mdr:MDR', 'eu-ivdr:IVDR', 'mdcg-2019-16:MDCG 2019-16', 'iec-81001-5-1:IEC 81001-5-1'],
  );
  assert.deepEqual(found('The IMDRF N60 principles shape regulators’ expectations of medical device makers.'), ['imdrf-n60:IMDRF N60']);
});

test('US public-sector rules: CJIS, IRS Publication 1075, DFARS and FAR', () => {
  assert.deepEqual(found('Police vendors must meet the CJIS Security Policy v6.0 to host criminal justice information.'), [
    'cjis-security-policy:CJIS Security Policy v6.0',
  ]);
  assert.deepEqual(found('State agencies handling federal tax information follow IRS Publication 1075.'), [
    'irs-pub-1075:IRS Publication 1075',
  ]);
  assert.deepEqual(found('Defence suppliers must implement DFARS 252.204-7012 and FAR 52.204-21 controls.'), [
    'dfars-252-204-7012:DFARS 252.204-7012',
    'far-52-204-21:FAR 52.204-21',
  ]);
  assert.deepEqual(found('Contractors follow the FAR and the DFARS when handling federal contract information.'), [
    'us-far:FAR',
    'dfars:DFARS',
  ]);
});

test('assurance standards, ISO numbers in a list, and the NIST CSF’s long names', () => {
  assert.deepEqual(found('Service organisations in Denmark publish ISAE 3402 Type II and ISAE 3000 reports.'), [
    'isae-3402:ISAE 3402 Type II',
    'isae-3000:ISAE 3000',
  ]);
  assert.deepEqual(found('Certifications: ISO 27001, 27017, 27018 and 22301.'), [
    'iso-27001:ISO 27001',
    'iso-27017:27017',
    'iso-27018:27018',
    'iso-22301:22301',
  ]);
  assert.deepEqual(found('The auditor certified us to ISO 27001 and 27002 controls.'), ['iso-27001:ISO 27001', 'iso-27002:27002']);
  assert.deepEqual(found('Utilities assess themselves against the Framework for Improving Critical Infrastructure Cyber Security.'), [
    'nist-csf:Framework for Improving Critical Infrastructure Cyber Security',
  ]);
});

test('a short name defined once counts later in the document', () => {
  assert.deepEqual(
    documentFound('The Saudi Central Bank issued new rules for banks.\n\nIn its annual report, SAMA said the banks improved.'),
    ['sa-sama:Saudi Central Bank', 'sa-sama:SAMA'],
  );
  assert.deepEqual(
    documentFound('Bank Negara Malaysia published its Risk Management in Technology policy. Banks report to BNM. RMiT section 10 applies.'),
    ['my-bnm:Bank Negara Malaysia', 'my-bnm-rmit:Risk Management in Technology', 'my-bnm:BNM', 'my-bnm-rmit:RMiT'],
  );
});

test('the new short names are other things elsewhere', () => {
  const negatives = [
    'The NERC funded a study of river sediments across England.',
    'The CIP team met on Tuesday to discuss CIP-013 badges.',
    'The R155 room is on the second floor, next to part 21434.',
    'The IMS core routes calls through the S-CSCF and the P-CSCF.',
    'Our CSP header blocks inline scripts; the CSP is reviewed quarterly.',
    'The SAMA awards were held in Johannesburg.',
    'She graduated from RMIT University in Melbourne.',
    'The IRDA port on the old laptop sent infrared data.',
    'The DOT in Washington issued new highway rules; connect the dot to the line.',
    'Our BI dashboards show revenue by region.',
    'The BSP for the embedded board was updated.',
    'The CBN gummies contain cannabinol.',
    'SELECT * FROM t ORDER BY created DESC; the CSC courses are online.',
    'ANCI represents Italian municipalities in Rome.',
    'Salaries are paid by BACS transfer in the UK.',
    'The ISA chairs met in Geneva to discuss ISA compliance for x86 chips.',
    'El equipo revisa el informe.',
    'The DSL line dropped; the CSL library failed to compile; the MPS value was high.',
    'The FAR of the biometric reader was 0.01%.',
    'The Indian Coast Guard rescued fishermen off Chennai.',
    'ACMA resin panels were used in the pool house.',
    'The TCP code handles retransmission in the kernel.',
    'CISC processors have complex instructions.',
    'Our MDR provider detected the ransomware within minutes.',
    'Send mail to Alexandria, VA 22301.',
    "Vietnam's Cybersecurity Law took effect in Hanoi in 2019.",
  ];
  for (const text of negatives) assert.deepEqual(found(text), [], text);
  // The UK's NCSC, Qatar's agency and the US Telecom Act keep their own readings.
  assert.deepEqual(found('The NCSC published Cyber Essentials guidance for UK small businesses.'), [
    'ncsc:NCSC',
    'cyber-essentials:Cyber Essentials',
  ]);
  assert.deepEqual(found('The Qatar NCSA and the National Cyber Security Agency in Doha issued a standard.'), [
    'qa-ncsa:NCSA',
    'qa-ncsa:National Cyber Security Agency',
  ]);
  assert.deepEqual(found('The Telecom Act of 1996 lets the FCC regulate carriers in the United States.'), ['fcc:FCC']);
  assert.deepEqual(found('The ISA/IEC 62443 standards come from ISA in North Carolina.'), ['iec-62443:ISA/IEC 62443']);
});
