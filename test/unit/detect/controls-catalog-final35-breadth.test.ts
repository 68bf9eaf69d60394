// Catalog entries added for France's CERT-FR, military programming law (LPM), victim-assistance
// platform and PASSI audit qualification; the EU's and other European national CERTs and
// CSIRTs; the US Treasury's OFAC and the NYDFS Cyber Insurance Risk Framework; the Central Bank
// of Brazil's Resolution 85; Norway's Personal Data Act and Privacy Appeals Board; Italy's
// Privacy Code (with its suffixed articles), AI law, NIS2 decree, cyber perimeter, Law 90/2024
// and AgID; articles of the EU AI Act; CAF 4.0; and Canada's provincial health information acts
// with Alberta's HIA sections. The sentences are written for these tests; each name is found
// under its own id, and each short form only where it is meant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertIncludes, documentFound, found } from './catalogFinds';

test('France: CERT-FR, the military programming law (LPM), Cybermalveillance.gouv.fr and PASSI', () => {
  assert.deepEqual(found('ANSSI said CERT-FR had warned 40 town halls about the flaw.'), ['anssi:ANSSI', 'cert-fr:CERT-FR']);
  assert.deepEqual(found('Victims can report an incident to CERT-FR at any hour.'), ['cert-fr:CERT-FR']);
  assert.deepEqual(found('Under the military programming law (LPM), software publishers must tell ANSSI about serious flaws.'), [
    'fr-lpm:military programming law (LPM)',
    'anssi:ANSSI',
  ]);
  assert.deepEqual(found('The loi de programmation militaire of 2023 (Loi n° 2023-703) widened the powers of the agency.'), [
    'fr-lpm:loi de programmation militaire',
    'fr-lpm:Loi n° 2023-703',
  ]);
  assert.deepEqual(found('The LPM obliges software publishers to report vulnerabilities to ANSSI.'), ['fr-lpm:LPM', 'anssi:ANSSI']);
  assert.deepEqual(found('Small firms can get help from Cybermalveillance.gouv.fr, and audits from PASSI-qualified providers.'), [
    'fr-cybermalveillance:Cybermalveillance.gouv.fr',
    'fr-passi:PASSI',
  ]);
  // LPM is also a printing rate and an office's initials.
  assert.deepEqual(found('The printer runs at 300 LPM in draft mode.'), []);
  assert.deepEqual(found('Our LPM office meets on Mondays.'), []);
});

test('European CERTs and CSIRTs: CERT-EU, CERT-Bund, CIRCL, GOVCERT.LU, CNCS, DNSC, SK-CERT, CERT-UA, CERT.be', () => {
  assert.deepEqual(found('CERT-EU shared indicators with ENISA and CERT-Bund.'), [
    'cert-eu:CERT-EU',
    'enisa:ENISA',
    'de-cert-bund:CERT-Bund',
  ]);
  assert.deepEqual(found('In Luxembourg, CIRCL and GOVCERT.LU issued a joint advisory.'), ['lu-circl:CIRCL', 'lu-govcert:GOVCERT.LU']);
  assert.deepEqual(found("Portugal's CNCS and CERT.PT published an alert."), ['pt-cncs:CNCS', 'pt-cncs:CERT.PT']);
  assert.deepEqual(found("Romania's DNSC, which replaced CERT-RO in 2021, warned hospitals."), ['ro-dnsc:DNSC', 'ro-dnsc:CERT-RO']);
  assert.deepEqual(found('SK-CERT and CERT-UA traded notes on the wiper.'), ['sk-cert:SK-CERT', 'ua-cert-ua:CERT-UA']);
  assert.deepEqual(found('The Centre for Cybersecurity Belgium runs CERT.be.'), [
    'be-ccb:Centre for Cybersecurity Belgium',
    'be-ccb:CERT.be',
  ]);
  // CNCS is also a machine tool.
  assert.deepEqual(found('The CNCS machining centre was upgraded.'), []);
});

test('US: OFAC and its SDN List, the NYDFS Cyber Insurance Risk Framework', () => {
  assert.deepEqual(found('The negotiator screened the wallet against the OFAC SDN List before any payment.'), [
    'us-ofac:OFAC',
    'us-ofac:SDN List',
  ]);
  assert.deepEqual(found('The Office of Foreign Assets Control warned that paying sanctioned groups is a violation.'), [
    'us-ofac:Office of Foreign Assets Control',
  ]);
  assert.deepEqual(
    found('Insurers writing cyber cover should follow the NYDFS Cyber Insurance Risk Framework (Insurance Circular Letter No. 2 (2021)).'),
    ['nydfs-cyber-insurance-risk-framework:NYDFS Cyber Insurance Risk Framework (Insurance Circular Letter No. 2 (2021))'],
  );
});

test('Brazil: BCB Resolution 85, and "the Central Bank" in a Brazilian text', () => {
  assert.deepEqual(found('Payment institutions in Brazil must meet BCB Resolution No. 85 on cyber security policy.'), [
    'br-bcb-resolution-85:BCB Resolution No. 85',
  ]);
  assert.deepEqual(found('The Brazilian regulator said Resolution 85 applies to every payment institution.'), [
    'br-bcb-resolution-85:Resolution 85',
  ]);
  assert.deepEqual(found('In São Paulo, the Central Bank ordered the liquidation of the payment firm.'), ['br-bcb:Central Bank']);
  // Ireland's Central Bank stays Ireland's; a council's resolution is no one's.
  assert.deepEqual(found('The Central Bank fined the Dublin insurer.'), ['central-bank-of-ireland:Central Bank']);
  assert.deepEqual(found('The city council adopted Resolution 85 on street lighting.'), []);
  assertIncludes(
    documentFound(
      'The Banco Central do Brasil (BCB) closed the payment firm.\n\nIts balances are safe, the Central Bank said, because payment institutions keep customer money apart.',
    ),
    ['br-bcb:Banco Central do Brasil (BCB)', 'br-bcb:Central Bank'],
  );
});

test('Norway: the Personal Data Act (personopplysningsloven) and the Privacy Appeals Board (Personvernnemnda)', () => {
  assert.deepEqual(found("Norway's Privacy Appeals Board (Personvernnemnda) upheld the fine under the Personal Data Act."), [
    'no-privacy-appeals-board:Privacy Appeals Board (Personvernnemnda)',
    'no-personal-data-act:Personal Data Act',
  ]);
  assert.deepEqual(found('The Norwegian Data Protection Authority applies personopplysningsloven alongside the GDPR.'), [
    'no-datatilsynet:Norwegian Data Protection Authority',
    'no-personal-data-act:personopplysningsloven',
    'gdpr:GDPR',
  ]);
  // Another body's appeals board, and Sweden's repealed act of the same English name.
  assert.deepEqual(found('The Privacy Appeals Board of the school reviewed the complaint.'), []);
  assert.deepEqual(found("Sweden's old Personal Data Act was repealed in 2018."), []);
  const filler = ' The company said it would comply with the orders.'.repeat(8);
  assertIncludes(
    documentFound(
      `Appeals go to the Privacy Appeals Board (Personvernnemnda).${filler}\n\nLast spring, the Privacy Appeals Board upheld a fine.`,
    ),
    ['no-privacy-appeals-board:Privacy Appeals Board (Personvernnemnda)', 'no-privacy-appeals-board:Privacy Appeals Board'],
  );
});

test('Italy: the Privacy Code and its suffixed articles, the AI law, the NIS2 decree, the perimeter, Law 90/2024 and AgID', () => {
  assert.deepEqual(found('The Garante relied on Article 2-ter of the Italian Privacy Code (Legislative Decree 196/2003).'), [
    'it-garante:Garante',
    'it-privacy-code/Article2-ter:Article 2-ter',
    'it-privacy-code:Italian Privacy Code (Legislative Decree 196/2003)',
  ]);
  assert.deepEqual(found("Article 166 of the Privacy Code sets the Garante's sanctioning procedure."), [
    'it-privacy-code/Article166:Article 166',
    'it-privacy-code:Privacy Code',
    'it-garante:Garante',
  ]);
  // A suffixed article is the Code's, not the GDPR's, though the GDPR is named near.
  assert.deepEqual(found('Under the GDPR and Article 2-quinquies of the Code, consent at 14 is valid, the Garante said.'), [
    'gdpr:GDPR',
    'it-privacy-code/Article2-quinquies:Article 2-quinquies',
    'it-garante:Garante',
  ]);
  // The Criminal Code's article on unauthorised access is not the Privacy Code's.
  assert.deepEqual(found('Unauthorised access is punished under art. 615-ter c.p., the Garante noted.'), []);
  assert.deepEqual(found("Italy's AI law, Law No. 132/2025, names AgID and ACN as the national AI authorities."), [
    "it-ai-law:Italy's AI law",
    'it-ai-law:Law No. 132/2025',
    'it-agid:AgID',
    'it-acn:ACN',
  ]);
  assert.deepEqual(found('Law No. 132/2025 on fisheries was adopted last year.'), []);
  assert.deepEqual(
    found('Italy transposed NIS2 by Legislative Decree No. 138/2024, and Law No. 90/2024 makes public bodies report incidents to ACN.'),
    ['nis2:NIS2', 'it-nis2-decree:Legislative Decree No. 138/2024', 'it-cybersecurity-law-90-2024:Law No. 90/2024', 'it-acn:ACN'],
  );
  assert.deepEqual(found('Operators inside the Perimetro di sicurezza nazionale cibernetica (Decree-Law No. 105/2019) notify ACN.'), [
    'it-cyber-perimeter:Perimetro di sicurezza nazionale cibernetica (Decree-Law No. 105/2019)',
    'it-acn:ACN',
  ]);
});

test('EU: articles of the AI Act named right after them, and "Article 83 of the Regulation" beside the GDPR', () => {
  assert.deepEqual(found('EU chatbot providers must meet Article 50 of the AI Act.'), [
    'eu-ai-act/Article50:Article 50',
    'eu-ai-act:AI Act',
  ]);
  assert.deepEqual(found('Providers must meet Art. 6(1) EU AI Act.'), ['eu-ai-act/Article6(1):Art. 6(1)', 'eu-ai-act:EU AI Act']);
  // With no EU near, neither the AI Act nor its article.
  assert.deepEqual(found('Chatbot providers must meet Article 50 of the AI Act.'), []);
  assert.deepEqual(found('The fine was set under Articles 5 and 6 GDPR and Article 83 of the Regulation.'), [
    'gdpr/Articles5:Articles 5',
    'gdpr:GDPR',
    'gdpr/Article83:Article 83',
  ]);
  // Another regulation, named after "the Regulation".
  assert.deepEqual(found('Under the GDPR, Article 5 of the Regulation on the free flow of non-personal data does not apply.'), [
    'gdpr:GDPR',
  ]);
});

test('UK: CAF 4.0', () => {
  assert.deepEqual(found('Operators of essential services now assess themselves against CAF 4.0.'), ['ncsc-caf:CAF 4.0']);
  assert.deepEqual(found('The CAF 4.0 firmware update shipped last week.'), []);
});

test("Canada: Alberta's HIA with its sections and regulation, and the other provinces' health information acts and overseers", () => {
  assert.deepEqual(found('Custodians in Alberta must notify the Commissioner under section 60.1 of the Health Information Act.'), [
    'ca-ab-hia/section60.1:section 60.1',
    'ca-ab-hia:Health Information Act',
  ]);
  assert.deepEqual(found('The clinic in Edmonton breached HIA and the Health Information Regulation.'), [
    'ca-ab-hia:HIA',
    'ca-ab-health-information-regulation:Health Information Regulation',
  ]);
  assert.deepEqual(found('In Charlottetown, custodians follow the Health Information Act.'), ['ca-pe-hia:Health Information Act']);
  assert.deepEqual(found('The Saskatchewan Information and Privacy Commissioner found the trustee breached HIPA.'), [
    'ca-sk-oipc:Saskatchewan Information and Privacy Commissioner',
    'ca-sk-hipa:HIPA',
  ]);
  assert.deepEqual(found('In Regina, the OIPC issued an investigation report.'), ['ca-sk-oipc:OIPC']);
  assert.deepEqual(found('In Calgary, the OIPC issued a report.'), ['ca-ab-oipc:OIPC']);
  assert.deepEqual(found('The Manitoba Ombudsman investigated a breach of PHIA by a Winnipeg clinic.'), [
    'ca-mb-ombudsman:Manitoba Ombudsman',
    'ca-mb-phia:PHIA',
  ]);
  assert.deepEqual(found('Nova Scotia custodians must notify patients under the Personal Health Information Act.'), [
    'ca-ns-phia:Personal Health Information Act',
  ]);
  assert.deepEqual(found("In St. John's the PHIA applies, and New Brunswick has PHIPAA."), ['ca-nl-phia:PHIA', 'ca-nb-phipaa:PHIPAA']);
  // Ontario's PHIPA keeps its own name.
  assert.deepEqual(found('In Ontario, the Personal Health Information Protection Act applies to hospitals.'), [
    'ca-on-phipa:Personal Health Information Protection Act',
  ]);
  // A health impact assessment, and a misspelt HIPAA.
  assert.deepEqual(found('The HIA found the new road would raise asthma rates.'), []);
  assert.deepEqual(found('Covered entities must follow HIPA rules, the hospital memo said.'), []);
  assertIncludes(
    documentFound(
      'Office of the Information and Privacy Commissioner of Alberta\n\nLegislation: Health Information Act (HIA)\n\nThe physicians are custodians under HIA.',
    ),
    ['ca-ab-oipc:Office of the Information and Privacy Commissioner of Alberta', 'ca-ab-hia:HIA'],
  );
});
