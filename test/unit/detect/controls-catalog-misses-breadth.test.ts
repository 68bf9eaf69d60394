// Catalog entries added for names the catalog missed: Quebec's private-sector act and its
// confidentiality incidents regulation, CISA's Emergency Directives, FISMA as codified in
// 44 U.S.C., California's CMIA, Nigeria's FCCPC, NITDA and the NDPC's GAID, the UK's National
// Data Guardian standards and NCSC Cloud Security Principles, Germany's KWG, Bundesbank and
// MaRisk, the Cyber Safety Review Board, more NIST SPs, the SEC's divisions, PCI DSS
// requirements by number, and China's cross-border data rules and MIIT. The sentences are
// written for these tests; each name is found under its own id, and each short form only
// where it is meant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertIncludes, documentFound, found } from './catalogFinds';

test('Quebec: the private-sector act and the Regulation respecting confidentiality incidents', () => {
  assert.deepEqual(
    found(
      "Quebec's Act respecting the protection of personal information in the private sector (CQLR c. P-39.1) is enforced by the Commission d'accès à l'information.",
    ),
    [
      'quebec-private-sector-act:Act respecting the protection of personal information in the private sector (CQLR c. P-39.1)',
      "ca-qc-cai:Commission d'accès à l'information",
    ],
  );
  assert.deepEqual(
    found('Notices follow the Regulation respecting confidentiality incidents (CQLR c. A-2.1, r. 3.1) since September 2022.'),
    ['ca-qc-confidentiality-incidents-regulation:Regulation respecting confidentiality incidents (CQLR c. A-2.1, r. 3.1)'],
  );
  assert.deepEqual(found('In Quebec, the Private Sector Act requires every business to name a privacy officer.'), [
    'quebec-private-sector-act:Private Sector Act',
  ]);
  assert.deepEqual(found('The Private Sector Act was debated again in Parliament.'), []);
});

test('CISA Emergency Directives by number; "ED" alone only with CISA or a directive near', () => {
  assert.deepEqual(found('CISA issued Emergency Directive 24-02 after the intrusion into a vendor’s corporate email.'), [
    'cisa:CISA',
    'cisa-ed/EmergencyDirective24-02:Emergency Directive 24-02',
  ]);
  assert.deepEqual(found('Emergency Directive (ED) 21-01 ordered agencies to disconnect the affected servers.'), [
    'cisa-ed/EmergencyDirective(ED)21-01:Emergency Directive (ED) 21-01',
  ]);
  assert.deepEqual(found('Under ED 22-03, federal agencies had to patch their appliances; CISA later closed the directive.'), [
    'cisa-ed/ED22-03:ED 22-03',
    'cisa:CISA',
  ]);
  assert.deepEqual(found('The CISA Emergency Directive gave agencies 48 hours.'), ['cisa-ed:CISA Emergency Directive']);
  // The emergency department, and an emergency directive of another kind.
  assert.deepEqual(found('The patient was seen in the ED 24-02 hours after the fall.'), []);
  assert.deepEqual(found('The ED saw 40 patients overnight; triage was slow.'), []);
  assert.deepEqual(found('The governor signed an Emergency Directive closing schools.'), []);
});

test('FISMA as codified in 44 U.S.C. §§ 3551-3558', () => {
  assert.deepEqual(
    found('The agency acts under 44 U.S.C. § 3553(h), and agencies report under 44 U.S.C. 3554(b)(7); see 44 U.S.C. §§ 3551-3558.'),
    [
      'fisma/44U.S.C.§3553(h):44 U.S.C. § 3553(h)',
      'fisma/44U.S.C.3554(b)(7):44 U.S.C. 3554(b)(7)',
      'fisma/44U.S.C.§§3551-3558:44 U.S.C. §§ 3551-3558',
    ],
  );
  // Other sections of Title 44 are not FISMA.
  assert.deepEqual(found('Records schedules follow 44 U.S.C. § 3301 and § 3101.'), []);
});

test('California: the Confidentiality of Medical Information Act and its sections', () => {
  assert.deepEqual(
    found(
      'The California Confidentiality of Medical Information Act (CMIA), Cal. Civ. Code § 56 et seq., lets patients sue; Cal. Civ. Code § 56.10(a) bars disclosure.',
    ),
    [
      'us-ca-cmia:California Confidentiality of Medical Information Act (CMIA)',
      'us-ca-cmia:Cal. Civ. Code § 56',
      'us-ca-cmia/Cal.Civ.Code§56.10(a):Cal. Civ. Code § 56.10(a)',
    ],
  );
  assert.deepEqual(found('Plaintiffs sued under the CMIA and Civil Code section 56.36.'), [
    'us-ca-cmia:CMIA',
    'us-ca-cmia/CivilCodesection56.36:Civil Code section 56.36',
  ]);
  assert.deepEqual(found('The CMIA team met on Tuesday.'), []);
});

test('Nigeria: the FCCPC, NITDA and the NDPC’s GAID 2025', () => {
  assert.deepEqual(
    found('The Federal Competition and Consumer Protection Commission (FCCPC) fined the platform; NITDA issued the NDPR in 2019.'),
    ['ng-fccpc:Federal Competition and Consumer Protection Commission (FCCPC)', 'ng-nitda:NITDA', 'ng-ndpr-2019:NDPR'],
  );
  assert.deepEqual(found('The FCCPC in Abuja opened an investigation into the lender.'), ['ng-fccpc:FCCPC']);
  assert.deepEqual(
    found('The NDPC issued the General Application and Implementation Directive (GAID) 2025 under the Nigeria Data Protection Act.'),
    ['ng-ndpc:NDPC', 'ng-gaid-2025:General Application and Implementation Directive (GAID)', 'ng-ndpa-2023:Nigeria Data Protection Act'],
  );
  assert.deepEqual(found("Nigeria's GAID replaced the NDPR."), ['ng-gaid-2025:GAID', 'ng-ndpr-2019:NDPR']);
  assert.deepEqual(found('The GAID was updated last week.'), []);
  assert.deepEqual(found('The FCCPC was mentioned.'), []);
});

test('UK: the National Data Guardian’s data security standards and the NCSC Cloud Security Principles', () => {
  assert.deepEqual(found("Trusts complete the DSPT against the National Data Guardian's 10 data security standards."), [
    'nhs-dspt:DSPT',
    "ndg-data-security-standards:National Data Guardian's 10 data security standards",
  ]);
  assert.deepEqual(found('The NHS expects the ten data security standards to be met.'), [
    'ndg-data-security-standards:ten data security standards',
  ]);
  assert.deepEqual(found('Our policy sets ten data security standards for the warehouse.'), []);
  assert.deepEqual(
    found(
      'Suppliers assess their service against the NCSC Cloud Security Principles, the 14 Cloud Security Principles published on GOV.UK.',
    ),
    ['ncsc-cloud-security-principles:NCSC Cloud Security Principles', 'ncsc-cloud-security-principles:14 Cloud Security Principles'],
  );
  assert.deepEqual(found('Our vendor follows its own Cloud Security Principles.'), []);
});

test('Germany: the KWG and its sections, the Bundesbank and the MaRisk', () => {
  assert.deepEqual(
    found(
      'Under section 25a (1) of the KWG, institutions need proper risk management; section 45c KWG lets BaFin appoint a special representative.',
    ),
    ['de-kwg/section25a(1):section 25a (1)', 'de-kwg:KWG', 'de-kwg/section45c:section 45c', 'de-kwg:KWG', 'de-bafin:BaFin'],
  );
  assert.deepEqual(
    found('§ 25a Abs. 1 KWG and the MaRisk (Mindestanforderungen an das Risikomanagement) apply; the Deutsche Bundesbank audits banks.'),
    [
      'de-kwg/§25aAbs.1:§ 25a Abs. 1',
      'de-kwg:KWG',
      'de-marisk:MaRisk (Mindestanforderungen an das Risikomanagement)',
      'de-bundesbank:Deutsche Bundesbank',
    ],
  );
  assert.deepEqual(found('The German Banking Act (Kreditwesengesetz) is supervised by BaFin and the Bundesbank.'), [
    'de-kwg:German Banking Act (Kreditwesengesetz)',
    'de-bafin:BaFin',
    'de-bundesbank:Bundesbank',
  ]);
  assert.deepEqual(found('Banks apply the MaRisk to their risk management.'), ['de-marisk:MaRisk']);
  // KWG alone is no Act; a section of another law is not the KWG's.
  assert.deepEqual(found('KWG shipped 40 units to the depot.'), []);
  assert.deepEqual(found('Section 25a of the contract covers delivery.'), []);
});

test('US: the Cyber Safety Review Board, more NIST SPs and the SEC’s divisions', () => {
  assert.deepEqual(found('The Cyber Safety Review Board (CSRB) reviewed the Log4j incident for DHS.'), [
    'csrb:Cyber Safety Review Board (CSRB)',
  ]);
  assert.deepEqual(found('The CSRB met on Friday.'), []);
  assert.deepEqual(
    found('Keys follow NIST SP 800-57 Part 1 Rev. 5; risk assessments use NIST SP 800-30 Rev. 1 and incident handling NIST SP 800-61r2.'),
    ['nist-sp-800-57:NIST SP 800-57 Part 1 Rev. 5', 'nist-sp-800-30:NIST SP 800-30 Rev. 1', 'nist-sp-800-61:NIST SP 800-61r2'],
  );
  assert.deepEqual(
    found(
      'NIST SP 800-34, SP 800-40, NIST SP 800-82 Rev. 3, NIST SP 800-88, NIST SP 800-92, NIST SP 800-115, NIST SP 800-161 and NIST SP 800-207 are cited.',
    ),
    [
      'nist-sp-800-34:NIST SP 800-34',
      'nist-sp-800-40:SP 800-40',
      'nist-sp-800-82:NIST SP 800-82 Rev. 3',
      'nist-sp-800-88:NIST SP 800-88',
      'nist-sp-800-92:NIST SP 800-92',
      'nist-sp-800-115:NIST SP 800-115',
      'nist-sp-800-161:NIST SP 800-161',
      'nist-sp-800-207:NIST SP 800-207',
    ],
  );
  // A bare number only with NIST near.
  assert.deepEqual(found('Call 800-88 from the lobby phone.'), []);
  assert.deepEqual(
    found(
      "The SEC's Division of Corporation Finance issued comment letters; the Division of Corporation Finance also updated its guidance.",
    ),
    ["sec:SEC's Division of Corporation Finance", 'sec:Division of Corporation Finance'],
  );
  assert.deepEqual(found("The SEC's Division of Enforcement charged the CFO."), ["sec:SEC's Division of Enforcement"]);
});

test('PCI DSS requirements by number, only with PCI near', () => {
  assert.deepEqual(
    found('PCI DSS v4.0 Requirement 6.4.3 and requirements 6.4.3 and 11.6.1 cover payment pages; Req. 8.4.2 requires MFA.'),
    [
      'pci-dss:PCI DSS v4.0',
      'pci-dss/Requirement6.4.3:Requirement 6.4.3',
      'pci-dss/requirements6.4.3and11.6.1:requirements 6.4.3 and 11.6.1',
      'pci-dss/Req.8.4.2:Req. 8.4.2',
    ],
  );
  assert.deepEqual(found('Requirement 6.4.3 of the building code covers stairs.'), []);
  // In a document that names PCI DSS in its introduction, the requirements under it count.
  assertIncludes(documentFound('# PCI DSS assessment\n\nFindings follow.\n\n- Requirement 11.6.1 is not yet met.\n'), [
    'pci-dss:PCI DSS',
    'pci-dss:Requirement 11.6.1',
  ]);
  assert.deepEqual(found('Merchants handling cardholder data need PCI compliance.'), ['pci-dss:PCI compliance']);
  assert.deepEqual(found('The card uses PCI Express; PCI compliance is mentioned.'), []);
});

test('China: the CAC’s cross-border data rules and MIIT', () => {
  assert.deepEqual(
    found(
      "The CAC's Provisions on Promoting and Regulating Cross-Border Data Flows (2024) eased the Measures for Security Assessment of Outbound Data Transfers (2022).",
    ),
    [
      'cac:CAC',
      'cn-cross-border-data-flow-provisions:Provisions on Promoting and Regulating Cross-Border Data Flows',
      'cn-outbound-data-transfer-assessment-measures:Measures for Security Assessment of Outbound Data Transfers',
    ],
  );
  assert.deepEqual(found('The Ministry of Industry and Information Technology (MIIT) ordered app makers in China to fix data practices.'), [
    'cn-miit:Ministry of Industry and Information Technology (MIIT)',
  ]);
  assert.deepEqual(found('MIIT alumni gathered in Yangon.'), []);
});
