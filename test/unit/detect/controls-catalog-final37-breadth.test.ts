// Catalog entries added for the US state comprehensive privacy laws (Texas's TDPSA and the
// others after California's, Virginia's and Colorado's), their code citations and the state
// attorneys general by abbreviated state; the PCLOB, Executive Order 14086 and the Data
// Protection Review Court, binding corporate rules and Safe Harbor; Singapore's amended
// Cybersecurity Act and Commissioner of Cybersecurity; the JAMA/JAPIA guidelines; OFAC's
// ransomware advisory; the CCSS and MiCA; the DIFC's DP Law with its articles, the DFSA and
// the ADGM and QFC neighbours; OSFI's B-10 and E-23 and Canada's Bank Act; the SFC's hacking
// risk guidelines; and sections of the Exchange Act. The sentences are written for these
// tests; each name is found under its own id, and each short form only where it is meant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertIncludes, documentFound, found } from './catalogFinds';

test('Texas: the TDPSA by name, abbreviation and section', () => {
  assert.deepEqual(found('Consumers in Houston gained new rights when the Texas Data Privacy and Security Act (TDPSA) took effect.'), [
    'us-tx-tdpsa:Texas Data Privacy and Security Act (TDPSA)',
  ]);
  assert.deepEqual(found('A controller that sells sensitive data must say so in its privacy notice under the TDPSA.'), [
    'us-tx-tdpsa:TDPSA',
  ]);
  assertIncludes(found('The petition cites section 541.102 of the TDPSA for the missing privacy notice.'), ['us-tx-tdpsa/541.102:541.102']);
});

test('the other state comprehensive privacy laws by name', () => {
  const laws: [string, string][] = [
    ['Connecticut Data Privacy Act', 'us-ct-ctdpa'],
    ['Utah Consumer Privacy Act', 'us-ut-ucpa'],
    ['Oregon Consumer Privacy Act', 'us-or-ocpa'],
    ['Montana Consumer Data Privacy Act', 'us-mt-mcdpa'],
    ['Iowa Consumer Data Protection Act', 'us-ia-icdpa'],
    ['Indiana Consumer Data Protection Act', 'us-in-icdpa'],
    ['Tennessee Information Protection Act', 'us-tn-tipa'],
    ['Delaware Personal Data Privacy Act', 'us-de-dpdpa'],
    ['New Jersey Data Privacy Act', 'us-nj-njdpa'],
    ['New Hampshire Privacy Act', 'us-nh-privacy-act'],
    ['Kentucky Consumer Data Protection Act', 'us-ky-kcdpa'],
    ['Nebraska Data Privacy Act', 'us-ne-ndpa'],
    ['Maryland Online Data Privacy Act', 'us-md-modpa'],
    ['Minnesota Consumer Data Privacy Act', 'us-mn-mcdpa'],
    ['Rhode Island Data Transparency and Privacy Protection Act', 'us-ri-ridtppa'],
    ['Florida Digital Bill of Rights', 'us-fl-fdbr'],
    ['My Health My Data Act', 'us-wa-mhmda'],
  ];
  for (const [name, id] of laws) {
    assert.deepEqual(found(`Our privacy team mapped the opt-out duties of the ${name} last quarter.`), [`${id}:${name}`]);
  }
  assert.deepEqual(found('Retailers must honour universal opt-out signals under the CTDPA, the NJDPA and the MODPA.'), [
    'us-ct-ctdpa:CTDPA',
    'us-nj-njdpa:NJDPA',
    'us-md-modpa:MODPA',
  ]);
});

test('short names two states share go to the state named near them', () => {
  assert.deepEqual(found("Montana's MCDPA lowered its threshold in 2025."), ['us-mt-mcdpa:MCDPA']);
  assert.deepEqual(found("Minnesota's MCDPA gives a right to question profiling."), ['us-mn-mcdpa:MCDPA']);
  assert.deepEqual(found("Iowa's ICDPA has a 90-day cure period."), ['us-ia-icdpa:ICDPA']);
  assert.deepEqual(found("Indiana's ICDPA took effect on 1 January 2026."), ['us-in-icdpa:ICDPA']);
  assert.deepEqual(found("Oregon's OCPA lets consumers ask for the list of third parties."), ['us-or-ocpa:OCPA']);
  assert.deepEqual(found("Tennessee's TIPA rewards programmes built on the NIST Privacy Framework."), [
    'us-tn-tipa:TIPA',
    'nist-privacy-framework:NIST Privacy Framework',
  ]);
  assert.deepEqual(found('The app store in Utah must honour deletion requests under the UCPA.'), ['us-ut-ucpa:UCPA']);
  // India's DPDPA and Nigeria's NDPA keep their abbreviations where their country is named.
  assert.deepEqual(found("Delaware's DPDPA covers nonprofits."), ['us-de-dpdpa:DPDPA']);
  assert.deepEqual(found("India's DPDPA applies in stages from 2025."), ['dpdp-act:DPDPA']);
  assert.deepEqual(found("Nebraska's NDPA has no revenue threshold."), ['us-ne-ndpa:NDPA']);
  assert.deepEqual(
    found('The NDPC enforces the NDPA across Nigeria.').filter((f) => f.startsWith('us-')),
    [],
  );
  // Without a state, the abbreviations are someone else's.
  assert.deepEqual(found('The NHPA requires federal agencies to weigh effects on historic properties.'), []);
  assert.deepEqual(found('The OCPA and the TIPA were both mentioned in the trade newsletter.'), []);
});

test('Colorado: the CPA as the document defines it, and its code sections', () => {
  assertIncludes(
    documentFound('Colorado Privacy Act (CPA) rules took effect in 2023.\n\nUnder the CPA, controllers must honour opt-out signals.'),
    ['us-co-cpa:Colorado Privacy Act (CPA)', 'us-co-cpa:CPA'],
  );
  // A certified public accountant is no Act.
  assert.deepEqual(documentFound('Our CPA in Denver, Colorado, signed the audit report.'), []);
  assert.deepEqual(found('Data protection assessments are required by Colo. Rev. Stat. § 6-1-1309 and Va. Code § 59.1-580.'), [
    'us-co-cpa/Colo.Rev.Stat.§6-1-1309:Colo. Rev. Stat. § 6-1-1309',
    'vcdpa/Va.Code§59.1-580:Va. Code § 59.1-580',
  ]);
});

test('California: CCPA sections by citation, and the CCPA beside Colorado’s Consumer Protection Act', () => {
  assert.deepEqual(found('The agency adopted its rules under Cal. Civ. Code § 1798.185(a).'), [
    'ccpa/Cal.Civ.Code§1798.185(a):Cal. Civ. Code § 1798.185(a)',
  ]);
  // Another law's section of the Civil Code is not the CCPA's.
  assert.deepEqual(
    found('Breach notices follow Cal. Civ. Code § 1798.82.').filter((f) => f.startsWith('ccpa')),
    [],
  );
  const text =
    'The California Consumer Privacy Act (CCPA) was the first state law of its kind.\n\n' +
    'Colorado treats violations as deceptive trade practices under the Colorado Consumer Protection Act. ' +
    'Neither Colorado nor Utah allows private suits, but the CCPA’s private right of action (Cal. Civ. Code § 1798.150) covers some breaches.';
  const got = documentFound(text);
  assertIncludes(got, ['ccpa:CCPA', 'ccpa:Cal. Civ. Code § 1798.150', 'us-co-ccpa:Colorado Consumer Protection Act']);
  assert.ok(!got.includes('us-co-ccpa:CCPA'), got.join(' | '));
});

test('state attorneys general by abbreviated state', () => {
  assert.deepEqual(found('Enforcers: Calif. AG; Va. AG; Colo. AG; Tex. AG.'), [
    'us-ca-ag:Calif. AG',
    'us-va-ag:Va. AG',
    'us-co-ag:Colo. AG',
    'us-tx-ag:Tex. AG',
  ]);
});

test('the EU-U.S. Data Privacy Framework: the PCLOB, Executive Order 14086, the DPRC and the Commission', () => {
  assert.deepEqual(
    found('The Privacy and Civil Liberties Oversight Board (PCLOB) is reviewing the redress process set up by Executive Order 14086.'),
    ['pclob:Privacy and Civil Liberties Oversight Board (PCLOB)', 'us-eo-14086:Executive Order 14086'],
  );
  assertIncludes(
    found('An EU resident may appeal to the Data Protection Review Court (DPRC); the DPRC issued 12 decisions under EO 14086.'),
    ['us-dprc:Data Protection Review Court (DPRC)', 'us-dprc:DPRC', 'us-eo-14086:EO 14086'],
  );
  assert.deepEqual(found('The DPRC robotics team won the regional final.'), []);
  assertIncludes(found('The European Commission published its report on how the EU-U.S. Data Privacy Framework works in practice.'), [
    'european-commission:European Commission',
  ]);
});

test('binding corporate rules and Safe Harbor as transfer tools', () => {
  assertIncludes(found('Group companies transfer HR data under binding corporate rules approved under Article 47 of the GDPR.'), [
    'gdpr-bcr:binding corporate rules',
  ]);
  assertIncludes(found('Our BCRs were approved by the lead supervisory authority for transfers within the group.'), ['gdpr-bcr:BCRs']);
  assert.deepEqual(found('The BCR of the plant rose after the retrofit.'), []);
  assertIncludes(found('The Court of Justice invalidated Safe Harbour in 2015 and the Privacy Shield in 2020.'), [
    'privacy-shield:Safe Harbour',
    'privacy-shield:Privacy Shield',
  ]);
  assert.deepEqual(
    found('The PSLRA gives forward-looking statements a Safe Harbor.').filter((f) => f.startsWith('privacy-shield')),
    [],
  );
});

test('Singapore: the amended Cybersecurity Act, the Commissioner of Cybersecurity and the Cyber Trust mark', () => {
  assert.deepEqual(
    found('The Cybersecurity (Amendment) Act 2024 lets the Commissioner of Cybersecurity oversee foundational digital infrastructure.'),
    ['sg-cybersecurity-act-2018:Cybersecurity (Amendment) Act 2024', 'sg-csa:Commissioner of Cybersecurity'],
  );
  assert.deepEqual(found('Our Singapore office passed its Cyber Trust audit at the Promoter tier.'), ['sg-cyber-trust-mark:Cyber Trust']);
  assert.deepEqual(found('The Cyber Trust webinar for Ohio retailers starts at noon.'), []);
});

test('Japan: the JAMA/JAPIA Cybersecurity Guidelines', () => {
  assert.deepEqual(found('Tier-two suppliers submit a self-assessment against the JAMA/JAPIA Cybersecurity Guidelines every year.'), [
    'jama-japia-cybersecurity-guidelines:JAMA/JAPIA Cybersecurity Guidelines',
  ]);
});

test('OFAC’s ransomware advisory, also as Treasury’s 2021 advisory with ransom near', () => {
  assert.deepEqual(found('Read the Updated Advisory on Potential Sanctions Risks for Facilitating Ransomware Payments first.'), [
    'ofac-ransomware-advisory:Updated Advisory on Potential Sanctions Risks for Facilitating Ransomware Payments',
  ]);
  assert.deepEqual(found('Before any ransom is paid, counsel checks it against the Treasury’s 2021 advisory.'), [
    'ofac-ransomware-advisory:Treasury’s 2021 advisory',
  ]);
  assert.deepEqual(found('The Treasury’s 2021 advisory on municipal bond disclosure was withdrawn.'), []);
});

test('crypto: the CCSS and MiCA', () => {
  assertIncludes(found('The exchange’s cold wallets are certified to the CryptoCurrency Security Standard (CCSS) at Level II.'), [
    'ccss:CryptoCurrency Security Standard (CCSS)',
  ]);
  assert.deepEqual(found('A CCSS Level III audit is planned for next year.'), ['ccss:CCSS Level III']);
  assert.deepEqual(found('The CCSS auditor reviewed how private keys are generated for the wallets.'), ['ccss:CCSS']);
  assert.deepEqual(found('The lesson is aligned with the CCSS for fifth-grade mathematics.'), []);
  assert.deepEqual(found('The Markets in Crypto-Assets Regulation (MiCA) applies to CASPs since December 2024.'), [
    'eu-mica:Markets in Crypto-Assets Regulation (MiCA)',
  ]);
  assert.deepEqual(found('The platform was licensed as a crypto-asset service provider under MiCA.'), ['eu-mica:MiCA']);
  assert.deepEqual(found('The granite is rich in mica and the MICA sheets insulate the heater.'), []);
});

test('the DIFC: the DP Law with its articles and schedules, the Commissioner’s Office and the DFSA', () => {
  const text =
    'The DIFC Commissioner of Data Protection fined the broker under the DIFC Data Protection Law No. 5 of 2020. ' +
    'Article 14 of the DP Law requires appropriate security, and Schedule 2 of the DP Law sets the administrative fines. ' +
    'The broker also breached Article 41 by notifying late. The Commissioner’s Office said the Dubai Financial Services Authority (DFSA) was informed.';
  assertIncludes(found(text), [
    'ae-difc-commissioner:DIFC Commissioner of Data Protection',
    'ae-difc-dp-law:DIFC Data Protection Law No. 5 of 2020',
    'ae-difc-dp-law/Article14:Article 14',
    'ae-difc-dp-law:DP Law',
    'ae-difc-dp-law/Schedule2:Schedule 2',
    'ae-difc-dp-law/Article41:Article 41',
    'ae-difc-commissioner:Commissioner’s Office',
    'ae-dfsa:Dubai Financial Services Authority (DFSA)',
  ]);
  // Without the DIFC, neither the DP Law nor a bare article is its.
  assert.deepEqual(found('The DP Law clinic meets on Fridays; see Article 14 of the club rules.'), []);
});

test('the ADGM and the Qatar Financial Centre: their regulators and data protection rules', () => {
  assertIncludes(found('In Abu Dhabi Global Market, the ADGM Financial Services Regulatory Authority supervises the custodian.'), [
    'ae-adgm-fsra:ADGM Financial Services Regulatory Authority',
  ]);
  assert.deepEqual(
    found('Ontario’s FSRA licenses mortgage brokers.').filter((f) => f.startsWith('ae-')),
    [],
  );
  assert.deepEqual(found('Firms in Doha register with the QFC Data Protection Office under the QFC Data Protection Regulations 2021.'), [
    'qa-qfc-dpo:QFC Data Protection Office',
    'qa-qfc-dpr:QFC Data Protection Regulations 2021',
  ]);
  assert.deepEqual(found('The QFC Regulatory Authority authorised the bank.'), ['qa-qfcra:QFC Regulatory Authority']);
});

test('Canada: OSFI Guidelines B-10 and E-23 and the Bank Act', () => {
  assert.deepEqual(found('Under OSFI Guideline B-10, a bank stays accountable for services it outsources.'), [
    'osfi-b-10:OSFI Guideline B-10',
  ]);
  assertIncludes(found('OSFI expects federally regulated lenders to meet B-10 for every cloud contract.'), ['osfi:OSFI', 'osfi-b-10:B-10']);
  assert.deepEqual(found('The B-10 bomber first flew in 1932.'), []);
  assertIncludes(found('OSFI published Guideline E-23 on model risk, which covers AI models.'), ['osfi-e-23:Guideline E-23']);
  assertIncludes(found('The FCAC reviewed the bank’s complaint handling under the Bank Act.'), ['ca-fcac:FCAC', 'ca-bank-act:Bank Act']);
  assert.deepEqual(found('The National Bank Act of 1864 created national banks in the United States.'), []);
});

test('Hong Kong: the SFC’s hacking risk guidelines for internet trading', () => {
  assertIncludes(
    found('Hong Kong brokers follow the Guidelines for Reducing and Mitigating Hacking Risks Associated with Internet Trading.'),
    ['hk-sfc-hacking-risk-guidelines:Guidelines for Reducing and Mitigating Hacking Risks Associated with Internet Trading'],
  );
});

test('the Exchange Act: Section 10(b) and other sections by number', () => {
  assertIncludes(found('The investors sued under Section 10(b) of the Exchange Act and Rule 10b-5.'), [
    'exchange-act-1934/Section10(b):Section 10(b)',
    'exchange-act-1934:Exchange Act',
  ]);
  assertIncludes(found('The SEC charged the issuer with violating Section 13(b)(2)(B), the internal accounting controls provision.'), [
    'exchange-act-1934/Section13(b)(2)(B):Section 13(b)(2)(B)',
  ]);
  assert.deepEqual(found('Section 10(b) of the lease requires 30 days’ notice.'), []);
});
