// Catalog entries added for NERC's Regional Entities (ReliabilityFirst, WECC, SERC, MRO,
// NPCC, Texas RE), NERC's Rules of Procedure, the Federal Power Act, 18 CFR Part 39 and
// FERC's reliability orders; FINRA's rulebook by rule number, its Sanction Guidelines,
// Regulation S-ID, Regulation SCI and the FTC's Red Flags Rule; Chile's data protection
// agency, CMF, ANCI's CSIRT Nacional, Decrees 295 and 285 and its economic, computer-crime,
// consumer and transparency laws; Malaysia's MCMC, the JPDP's 2025 guidelines, Bursa
// Malaysia and the Securities Commission's guidelines; Australia's Home Affairs, the CIRMP
// Rules and the SOCI Act's lettered Parts and sections; Luxembourg's CSSF circulars, fund
// laws, CAA and ILR, and the UCITS Directive and AIFMD. The sentences are written for these
// tests; each name is found under its own id, and each short form only where it is meant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertIncludes, documentFound, found } from './catalogFinds';

test("NERC's Regional Entities, and the Regional Entity the document names", () => {
  assert.deepEqual(
    found("ReliabilityFirst audited the utility's patch process, and the Regional Entity later approved its mitigation plan."),
    ['reliabilityfirst:ReliabilityFirst', 'reliabilityfirst:Regional Entity'],
  );
  assert.deepEqual(found('WECC and the Texas Reliability Entity both filed comments on the proposed standard.'), [
    'wecc:WECC',
    'texas-re:Texas Reliability Entity',
  ]);
  assert.deepEqual(found('The Midwest Reliability Organization (MRO) found two violations; MRO settled them in March.'), [
    'mro:Midwest Reliability Organization (MRO)',
    'mro:MRO',
  ]);
  assert.deepEqual(found('The SERC Reliability Corporation reviewed the self-report. SERC then closed it.'), [
    'serc:SERC Reliability Corporation',
    'serc:SERC',
  ]);
  // No Regional Entity named: the role alone, an airline's MRO and India's SERCs are no one.
  assert.deepEqual(found('Each Regional Entity audits the entities registered in its footprint.'), []);
  assert.deepEqual(found('The MRO budget for aircraft engines rose again.'), []);
  assert.deepEqual(found('Several SERCs in India revised their tariff orders.'), []);
});

test("NERC's Rules of Procedure, the Federal Power Act, 18 CFR Part 39 and FERC's orders", () => {
  assert.deepEqual(found("NERC's Rules of Procedure and its Compliance Monitoring and Enforcement Program govern settlements."), [
    "nerc-rules-of-procedure:NERC's Rules of Procedure",
    'nerc-rules-of-procedure:Compliance Monitoring and Enforcement Program',
  ]);
  assert.deepEqual(found('The parliament adopted new Rules of Procedure for its committees.'), []);
  assert.deepEqual(
    found('NERC files each Notice of Penalty with FERC under 18 C.F.R. § 39.7(e) and section 215 of the Federal Power Act.'),
    ['nerc:NERC', 'ferc:FERC', 'ferc-18-cfr-part-39/18C.F.R.§39.7(e):18 C.F.R. § 39.7(e)', 'federal-power-act:Federal Power Act'],
  );
  assertIncludes(found('FERC approved the first CIP standards in Order No. 706 and the Version 5 standards in Order No. 791.'), [
    'ferc-order-706:Order No. 706',
    'ferc-order-791:Order No. 791',
  ]);
  assert.deepEqual(found('The FPA gives FERC authority over wholesale power sales.'), ['federal-power-act:FPA', 'ferc:FERC']);
  // A court's order of the same number is not FERC's.
  assert.deepEqual(found("The court's Order No. 706 set a hearing date."), []);
});

test('FINRA rules by number, its Sanction Guidelines, Regulation S-ID, Regulation SCI and the Red Flags Rule', () => {
  assert.deepEqual(found('The firm violated FINRA Rules 3110 and 2010 and NASD Rule 3010.'), [
    'finra-rules/FINRARules3110and2010:FINRA Rules 3110 and 2010',
    'finra-rules/NASDRule3010:NASD Rule 3010',
  ]);
  assert.deepEqual(found('FINRA found that the firm breached Rule 4511 and Rule 2010 by failing to keep records.'), [
    'finra:FINRA',
    'finra-rules/Rule4511:Rule 4511',
    'finra-rules/Rule2010:Rule 2010',
  ]);
  // Without FINRA, a four-digit rule is anyone's; nor is a year FINRA's.
  assert.deepEqual(found("Under Rule 2010 of the club's bylaws members pay dues."), []);
  assert.deepEqual(found('In 2010 the Rule 2010 committee met twice.'), []);
  assert.deepEqual(found("Respondent waives its rights under FINRA's Code of Procedure."), ["finra-rules:FINRA's Code of Procedure"]);
  assert.deepEqual(found("FINRA's Sanction Guidelines recommend a fine for supervisory failures."), [
    "finra-sanction-guidelines:FINRA's Sanction Guidelines",
  ]);
  assert.deepEqual(found("NERC's Sanction Guidelines sit in Appendix 4B."), ["nerc-rules-of-procedure:NERC's Sanction Guidelines"]);
  assert.deepEqual(found("The firm's identity theft program fell short of Regulation S-ID, and its trading systems of Regulation SCI."), [
    'regulation-s-id:Regulation S-ID',
    'regulation-sci:Regulation SCI',
  ]);
  assert.deepEqual(found("Creditors must comply with the FTC's Red Flags Rule."), ["ftc-red-flags-rule:FTC's Red Flags Rule"]);
});

test("Chile: the data protection agency, the CMF, ANCI's CSIRT Nacional, Decree 295 and other laws", () => {
  assert.deepEqual(found("Chile's Agencia de Protección de Datos Personales will enforce Ley 21.719 from December 2026."), [
    'cl-apdp:Agencia de Protección de Datos Personales',
    'cl-law-21719:Ley 21.719',
  ]);
  assert.deepEqual(found('In Santiago, the Personal Data Protection Agency opens its doors in December.'), [
    'cl-apdp:Personal Data Protection Agency',
  ]);
  assert.deepEqual(found("North Macedonia's Personal Data Protection Agency fined a bank."), []);
  assert.deepEqual(
    found('Operators report significant incidents to the CSIRT Nacional under Decreto Supremo N° 295, the regulation of Ley 21.663.'),
    ['cl-anci:CSIRT Nacional', 'cl-decree-295:Decreto Supremo N° 295', 'cl-law-21663:Ley 21.663'],
  );
  // Every country numbers its decrees, and Peru has a CSIRT Nacional too.
  assert.deepEqual(found('Decreto 295 fixed the minimum wage for rural workers.'), []);
  assert.deepEqual(found("Peru's CSIRT Nacional published an advisory."), []);
  assert.deepEqual(
    found("Banks answer to the Comisión para el Mercado Financiero (CMF); the CMF's Chapter 20-10 sets their cybersecurity rules."),
    ['cl-cmf:Comisión para el Mercado Financiero (CMF)', 'cl-cmf:CMF', 'cl-cmf-ran-20-10:Chapter 20-10'],
  );
  assert.deepEqual(found('The CMF file format stores color profiles.'), []);
  assert.deepEqual(found("Directors face liability under Chile's Economic Crimes Law (Ley 21.595) and Ley 20.393."), [
    "cl-law-21595:Chile's Economic Crimes Law (Ley 21.595)",
    'cl-law-20393:Ley 20.393',
  ]);
  assert.deepEqual(
    found('SERNAC sued the retailer after the breach; the Consejo para la Transparencia oversees public bodies under Ley 20.285.'),
    ['cl-sernac:SERNAC', 'cl-cplt:Consejo para la Transparencia', 'cl-law-20285:Ley 20.285'],
  );
  assert.deepEqual(found("Chile's Framework Cybersecurity Law created ANCI."), [
    "cl-law-21663:Chile's Framework Cybersecurity Law",
    'cl-anci:ANCI',
  ]);
  // Named once, the law's short English name and the CSIRT count later in the document.
  assertIncludes(
    documentFound(
      'Ley 21.663 created the Agencia Nacional de Ciberseguridad.\n\nThe Framework Cybersecurity Law also obliges providers to alert the CSIRT Nacional within three hours.',
    ),
    ['cl-law-21663:Framework Cybersecurity Law', 'cl-anci:CSIRT Nacional'],
  );
});

test('Malaysia: the MCMC, the JPDP guidelines, Bursa Malaysia and the Securities Commission', () => {
  assert.deepEqual(
    found(
      'The Malaysian Communications and Multimedia Commission (MCMC) will audit the telco; the MCMC also enforces the Online Safety Act 2025.',
    ),
    [
      'my-mcmc:Malaysian Communications and Multimedia Commission (MCMC)',
      'my-mcmc:MCMC',
      'my-online-safety-act-2025:Online Safety Act 2025',
    ],
  );
  assert.deepEqual(found('We estimated the posterior with MCMC sampling.'), []);
  assert.deepEqual(
    found(
      "Under the JPDP's Guideline on Data Breach Notification, controllers notify within 72 hours; the DPO Guideline covers appointments.",
    ),
    ['my-jpdp:JPDP', 'my-jpdp-dbn-guidelines:Guideline on Data Breach Notification', 'my-jpdp-dpo-guidelines:DPO Guideline'],
  );
  assert.deepEqual(found('The Guideline on Data Breach Notification of our cycling club asks members to email the secretary.'), []);
  assert.deepEqual(found('The company filed an announcement with Bursa Malaysia under the Main Market Listing Requirements.'), [
    'bursa-malaysia:Bursa Malaysia',
    'my-bursa-listing-requirements:Main Market Listing Requirements',
  ]);
  assert.deepEqual(found('The derby in Bursa drew a record crowd.'), []);
  assert.deepEqual(
    found(
      'The Securities Commission Malaysia issued its Guidelines on Technology Risk Management under the Capital Markets and Services Act 2007.',
    ),
    [
      'my-sc:Securities Commission Malaysia',
      'my-sc-gtrm:Guidelines on Technology Risk Management',
      'my-cmsa-2007:Capital Markets and Services Act 2007',
    ],
  );
  assert.deepEqual(found('The Jamaican Securities Commission met on Monday.'), []);
  // The Cyber Security Act without its year: Malaysia's with NCII and Nacsa near, Australia's
  // with ransomware payments near, neither with nothing near.
  assert.deepEqual(found('NCII entities notify Nacsa under the Cyber Security Act.'), [
    'my-nacsa:Nacsa',
    'my-cyber-security-act-2024:Cyber Security Act',
  ]);
  assert.deepEqual(found('The company had nothing to report under the Cyber Security Act, having made no ransomware payment.'), [
    'au-cyber-security-act-2024:Cyber Security Act',
  ]);
  assert.deepEqual(found('The Cyber Security Act was debated in parliament.'), []);
});

test("Australia: Home Affairs, the CIRMP Rules and the SOCI Act's Parts and sections", () => {
  assert.deepEqual(found('The Department of Home Affairs administers the SOCI Act through the CISC.'), [
    'au-home-affairs:Department of Home Affairs',
    'soci-act:SOCI Act',
    'au-cisc:CISC',
  ]);
  assert.deepEqual(found("South Africa's Department of Home Affairs issued new identity documents."), []);
  assert.deepEqual(found('Home Affairs officials processed visa applications in Pretoria.'), []);
  assert.deepEqual(found('Responsible entities must adopt a CIRMP that meets the CIRMP Rules (LIN 23/006).'), [
    'au-soci-cirmp-rules:CIRMP Rules (LIN 23/006)',
  ]);
  assert.deepEqual(
    found(
      'Under the SOCI Act, Part 2A requires a risk management program and section 30AG an annual report; Part 2B covers incident reporting.',
    ),
    ['soci-act:SOCI Act', 'soci-act/Part2A:Part 2A', 'soci-act/section30AG:section 30AG', 'soci-act/Part2B:Part 2B'],
  );
  // Another law's Part, or a lease's, is not the SOCI Act's.
  assert.deepEqual(found('Part 2A of the Privacy Act does not apply, whatever the SOCI Act says.'), ['soci-act:SOCI Act']);
  assert.deepEqual(found('Part 2A of the lease covers parking.'), []);
  assert.deepEqual(found('Brolga is not regulated by APRA.'), ['apra:APRA']);
});

test('Luxembourg: CSSF circulars, the fund laws, the CAA and the ILR; the UCITS Directive and AIFMD', () => {
  assert.deepEqual(
    found(
      'Circular CSSF 20/750, as amended by Circular CSSF 25/881, now binds only non-DORA entities; the CSSF also updated Circulars CSSF 22/806 and 24/847.',
    ),
    [
      'lu-cssf-circular-20-750:Circular CSSF 20/750',
      'lu-cssf-circular-25-881:Circular CSSF 25/881',
      'dora:DORA',
      'lu-cssf:CSSF',
      'lu-cssf-circular-22-806:CSSF 22/806',
      'lu-cssf-circular-24-847:24/847',
    ],
  );
  // A bare number is a circular only with the CSSF near.
  assert.deepEqual(found('The ratio 22/806 came out of the spreadsheet.'), []);
  assert.deepEqual(
    found(
      'The management company is authorised under Chapter 15 of the law of 17 December 2010 on undertakings for collective investment and supervised by the CSSF.',
    ),
    ['lu-uci-law-2010:law of 17 December 2010 on undertakings for collective investment', 'lu-cssf:CSSF'],
  );
  assert.deepEqual(
    found('As an alternative investment fund manager, it is authorised under the Luxembourg law of 12 July 2013 and follows the AIFMD.'),
    ['lu-aifm-law-2013:Luxembourg law of 12 July 2013', 'eu-aifmd:AIFMD'],
  );
  assert.deepEqual(found('The law of 12 July 2013 raised the speed limit on rural roads.'), []);
  assert.deepEqual(found('Insurers in Luxembourg report to the Commissariat aux Assurances (CAA); the CAA supervises them under DORA.'), [
    'lu-caa:Commissariat aux Assurances (CAA)',
    'lu-caa:CAA',
    'dora:DORA',
  ]);
  assert.deepEqual(found("The CAA grounded the airline's fleet after the incident."), []);
  assert.deepEqual(found("The ILR is Luxembourg's NIS authority for the energy sector."), ['lu-ilr:ILR']);
  assert.deepEqual(found('The fund is a UCITS under the UCITS Directive (Directive 2009/65/EC).'), [
    'eu-ucits-directive:UCITS Directive (Directive 2009/65/EC)',
  ]);
});
