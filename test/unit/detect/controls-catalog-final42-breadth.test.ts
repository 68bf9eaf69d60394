// Catalog entries added for Ghana (the Cyber Security Authority and Act 1038, the Data
// Protection Commission's "DPC", the Bank of Ghana and its Cyber and Information Security
// Directive, Act 987, the NCA), Greece (ADAE, the National Cybersecurity Authority, Laws
// 4624/2019, 3471/2006 and 5160/2024, EETT, the Bank of Greece), Guernsey (the ODPA and its
// Data Protection Law by section) and Jersey (the JOIC, the DPJL), the Czech Republic (Act
// No. 264/2025 Coll., Act No. 181/2014 Coll., NÚKIB's decrees, the ČNB), Vietnam (the
// Ministry of Public Security, A05, the Law on Data, the Law on Cybersecurity, Decree 53, the
// SBV) and Egypt (the PDPC, Law 151 by article, the executive regulations, the CBE, the FRA,
// the NTRA, EG-FinCIRT), and GDPR articles cited with "par.". The sentences are written for
// these tests; each name is found under its own id, and each short form only where it is
// meant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertIncludes, documentFound, found } from './catalogFinds';

test('Ghana: the Cyber Security Authority, Act 1038 by section, and CSA only where it is Ghana’s', () => {
  assert.deepEqual(found("Ghana's Cyber Security Authority (CSA) licensed 94 more firms in Accra."), [
    "gh-csa:Ghana's Cyber Security Authority (CSA)",
  ]);
  assert.deepEqual(found('From Accra, the CSA warned firms that still had no licence.'), ['gh-csa:CSA']);
  assert.deepEqual(found('Notices went out under sections 49 and 57 of Act 1038.'), [
    'gh-cybersecurity-act-2020/sections49and57:sections 49 and 57',
  ]);
  assertIncludes(found('Ghana passed the Cybersecurity Act, 2020 (Act 1038) in December 2020.'), [
    'gh-cybersecurity-act-2020:Cybersecurity Act, 2020 (Act 1038)',
  ]);
  // Singapore's agency and the Cloud Security Alliance keep their CSA.
  assert.deepEqual(found("Singapore's CSA runs the Cyber Trust mark."), ['sg-csa:CSA', 'sg-cyber-trust-mark:Cyber Trust mark']);
  assert.deepEqual(found('The CSA maintains the Cloud Controls Matrix for cloud providers.'), [
    'cloud-security-alliance:CSA',
    'csa-ccm:Cloud Controls Matrix',
  ]);
  // Without Ghana near, a lone "Act 1038" is some other statute's number.
  assert.deepEqual(found('The council relied on Act 1038 of its by-laws.'), []);
});

test('Ghana: the DPC is Ghana’s where the document names Ghana’s Commission, Ireland’s where it names Ireland’s', () => {
  const ghana = documentFound(
    "Ghana's Data Protection Commission (DPC) penalised a lender in Accra.\n\n" +
      'The lender must appoint a data protection supervisor and send its audit to the DPC by March.\n\n' +
      "The DPC's Executive Director called the delay serious.",
  );
  assert.deepEqual(ghana, ["gh-dpc:Ghana's Data Protection Commission (DPC)", 'gh-dpc:DPC', 'gh-dpc:DPC']);
  assertIncludes(found('The Commission found breaches of sections 28 and 31 of the Data Protection Act, 2012 (Act 843).'), [
    'gh-dpa-2012/sections28and31:sections 28 and 31',
    'gh-dpa-2012:Data Protection Act, 2012 (Act 843)',
  ]);
  assert.deepEqual(found('The Irish DPC opened an inquiry in Dublin under the GDPR.'), ['ie-dpc:Irish DPC', 'gdpr:GDPR']);
});

test('Ghana: the Bank of Ghana, its Directive, Act 987 and the NCA', () => {
  assert.deepEqual(found('The Bank of Ghana (BoG) revised its Cyber and Information Security Directive for banks.'), [
    'gh-bog:Bank of Ghana (BoG)',
    'gh-bog-cisd:Cyber and Information Security Directive',
  ]);
  assert.deepEqual(found('The wallet is licensed under the Payment Systems and Services Act, 2019 (Act 987).'), [
    'gh-pssa-2019:Payment Systems and Services Act, 2019 (Act 987)',
  ]);
  assert.deepEqual(found('In Accra the NCA sanctioned two operators under Act 775.'), ['gh-nca:NCA', 'gh-eca-2008:Act 775']);
  // Saudi Arabia's NCA and the Bank of Greece keep their readings; a bog is a bog.
  assert.deepEqual(found('In Riyadh the NCA updated the Essential Cybersecurity Controls.'), [
    'sa-nca:NCA',
    'sa-ecc:Essential Cybersecurity Controls',
  ]);
  assert.deepEqual(found('The BoG in Athens supervises Greek banks under DORA.'), ['gr-bank-of-greece:BoG', 'dora:DORA']);
  assert.deepEqual(found('The peat bog flooded after the storm.'), []);
});

test('Greece: Law 4624/2019 by article, ADAE, the National Cybersecurity Authority and its laws', () => {
  assert.deepEqual(found('The Hellenic Data Protection Authority acted under article 15 of Law 4624/2019.'), [
    'gr-hdpa:Hellenic Data Protection Authority',
    'gr-law-4624-2019/article15:article 15',
    'gr-law-4624-2019:Law 4624/2019',
  ]);
  assert.deepEqual(
    found('The operator also told the Hellenic Authority for Communication Security and Privacy (ADAE), competent under Law 3471/2006.'),
    ['gr-adae:Hellenic Authority for Communication Security and Privacy (ADAE)', 'gr-law-3471-2006:Law 3471/2006'],
  );
  assert.deepEqual(found('Greek essential entities register with the National Cybersecurity Authority under Law 5160/2024.'), [
    'gr-ncsa:National Cybersecurity Authority',
    'gr-law-5160-2024:Law 5160/2024',
  ]);
  assert.deepEqual(found('Saudi agencies apply the controls of the National Cybersecurity Authority in Riyadh.'), [
    'sa-nca:National Cybersecurity Authority',
  ]);
  assert.deepEqual(found('The EETT in Athens fined a telecoms operator.'), ['gr-eett:EETT']);
  // The GDPR's articles as Greek translations cite them, in a list before the Regulation's name.
  assertIncludes(found('It infringed articles 5 par. 1 (f), 32, 33 and 34 of the General Data Protection Regulation.'), [
    'gdpr/articles5par.1(f),32,33and34:articles 5 par. 1 (f), 32, 33 and 34',
  ]);
  // Another law's article is not the Greek law's.
  assert.deepEqual(
    found('Article 15 of Law 4624/2019 differs from article 15 of Law 4961/2022.').filter((f) => f.includes('article15:article 15')),
    [],
  );
});

test('Guernsey and Jersey: the ODPA, the Law by section, the JOIC and the DPJL', () => {
  assert.deepEqual(found('The Office of the Data Protection Authority (ODPA) in Guernsey published its statistics.'), [
    'gg-odpa:Office of the Data Protection Authority (ODPA)',
  ]);
  assert.deepEqual(found('Controllers notify the ODPA under section 42 of the Data Protection (Bailiwick of Guernsey) Law, 2017.'), [
    'gg-odpa:ODPA',
    'gg-dp-law-2017/section42:section 42',
    'gg-dp-law-2017:Data Protection (Bailiwick of Guernsey) Law, 2017',
  ]);
  assertIncludes(
    documentFound(
      'The Data Protection (Bailiwick of Guernsey) Law, 2017 came into force in May 2018. Section 42 of the Law sets a 72-hour deadline, and a breach is defined in section 111(1) of the Law.',
    ),
    ['gg-dp-law-2017:Law'],
  );
  assert.deepEqual(found('Our colleagues at the Jersey Office of the Information Commissioner (JOIC) see similar reports.'), [
    'je-joic:Jersey Office of the Information Commissioner (JOIC)',
  ]);
  assert.deepEqual(found("In Jersey's annual report the Information Commissioner noted more breaches."), [
    'je-joic:Information Commissioner',
  ]);
  assert.deepEqual(found('Under Article 20 of the Data Protection (Jersey) Law 2018, controllers report breaches to the JOIC.'), [
    'je-dpjl-2018/Article20:Article 20',
    'je-dpjl-2018:Data Protection (Jersey) Law 2018',
    'je-joic:JOIC',
  ]);
  // New Jersey is not Jersey, and another law's section is not the Guernsey Law's.
  assert.deepEqual(found('A New Jersey hospital reported to the Information Commissioner in London under the UK GDPR.'), [
    'ico:Information Commissioner',
    'uk-gdpr:UK GDPR',
  ]);
  assert.deepEqual(found('Section 42 of the Companies Law binds directors.'), []);
});

test('Czech Republic: the Cybersecurity Act, the act it replaced, NÚKIB’s decrees and the ČNB', () => {
  assert.deepEqual(found('NÚKIB applies Act No. 264/2025 Coll., which replaced Act No. 181/2014 Coll.'), [
    'cz-nukib:NÚKIB',
    'cz-cybersecurity-act:Act No. 264/2025 Coll.',
    'cz-cyber-security-act-2014:Act No. 181/2014 Coll.',
  ]);
  assert.deepEqual(found('Hospitals in Prague fall under the Cybersecurity Act, NÚKIB says.'), [
    'cz-cybersecurity-act:Cybersecurity Act',
    'cz-nukib:NÚKIB',
  ]);
  assert.deepEqual(
    found('Decree No. 408/2025 Coll. lists the services; Decree No. 409/2025 Coll. and Decree No. 410/2025 Coll. set the measures.'),
    [
      'cz-regulated-services-decree:Decree No. 408/2025 Coll.',
      'cz-higher-obligations-decree:Decree No. 409/2025 Coll.',
      'cz-lower-obligations-decree:Decree No. 410/2025 Coll.',
    ],
  );
  assert.deepEqual(found('Under § 6 of Act No. 264/2025 Coll. a provider notifies its service.'), [
    'cz-cybersecurity-act/§6:§ 6',
    'cz-cybersecurity-act:Act No. 264/2025 Coll.',
  ]);
  assert.deepEqual(found('The Czech National Bank (ČNB) supervises DORA compliance.'), ['cz-cnb:Czech National Bank (ČNB)', 'dora:DORA']);
  // The EU's Cybersecurity Act keeps its name where the EU is meant.
  assert.deepEqual(found('ENISA gained a permanent mandate under the Cybersecurity Act of the EU.'), [
    'enisa:ENISA',
    'eu-cybersecurity-act:Cybersecurity Act',
  ]);
});

test('Vietnam: the Ministry of Public Security, A05, the Law on Data and the cybersecurity laws', () => {
  assert.deepEqual(found("Vietnam's Ministry of Public Security (MPS) leads on personal data."), [
    "vn-mps:Vietnam's Ministry of Public Security (MPS)",
  ]);
  assert.deepEqual(found('In Hanoi the Ministry of Public Security receives dossiers through A05.'), [
    'vn-mps:Ministry of Public Security',
    'vn-a05:A05',
  ]);
  assert.deepEqual(found('The Law on Data (Law No. 60/2024/QH15) took effect in Vietnam in July 2025.'), [
    'vn-data-law-2024:Law on Data (Law No. 60/2024/QH15)',
  ]);
  assert.deepEqual(found('Law No. 24/2018/QH14 and Decree 53/2022/ND-CP give way to Law No. 116/2025/QH15.'), [
    'vn-cybersecurity-law-2018:Law No. 24/2018/QH14',
    'vn-decree-53-2022:Decree 53/2022/ND-CP',
    'vn-cybersecurity-law-2025:Law No. 116/2025/QH15',
  ]);
  assert.deepEqual(found('Under Article 23 of Law No. 91/2025/QH15 a controller notifies A05 in Vietnam.'), [
    'vn-pdp-law-2025/Article23:Article 23',
    'vn-pdp-law-2025:Law No. 91/2025/QH15',
    'vn-a05:A05',
  ]);
  assert.deepEqual(found('The State Bank of Vietnam (SBV) issued Circular 09/2020/TT-NHNN.'), [
    'vn-sbv:State Bank of Vietnam (SBV)',
    'vn-sbv-circular-09-2020:Circular 09/2020/TT-NHNN',
  ]);
  // "The PDP Law" is Vietnam's or Indonesia's by the country named; China keeps its ministry;
  // A05 elsewhere is a form.
  assert.deepEqual(found('In Vietnam the PDP Law applies from 2026.'), ['vn-pdp-law-2025:PDP Law']);
  assert.deepEqual(found('In Jakarta the PDP Law applied from 2024.'), ['id-pdp-law:PDP Law']);
  assert.deepEqual(found('China’s MLPS is run by the Ministry of Public Security in Beijing.'), [
    'cn-mlps:MLPS',
    'cn-mps:Ministry of Public Security',
  ]);
  assert.deepEqual(found('Attach Form A05 to the tax return.'), []);
});

test('Egypt: the PDPC, Law 151 by article, its executive regulations and the financial and telecoms regulators', () => {
  assert.deepEqual(found("The app notified Egypt's Personal Data Protection Center (PDPC) within 72 hours."), [
    "eg-pdpc:Egypt's Personal Data Protection Center (PDPC)",
  ]);
  assert.deepEqual(found('In Cairo, the PDPC licenses controllers.'), ['eg-pdpc:PDPC']);
  assert.deepEqual(found("Singapore's PDPC fined the firm under the PDPA."), ['sg-pdpc:PDPC', 'sg-pdpa:PDPA']);
  assert.deepEqual(found('Under Article 7 of Law No. 151 of 2020, Egyptian controllers need a licence.'), [
    'eg-pdpl/Article7:Article 7',
    'eg-pdpl:Law No. 151 of 2020',
  ]);
  assert.deepEqual(found('Ministerial Decree No. 816 of 2025 set out the executive regulations.'), [
    'eg-pdpl-executive-regulations:Ministerial Decree No. 816 of 2025',
  ]);
  assert.deepEqual(found('The Central Bank of Egypt (CBE) and the FRA supervise fintechs in Cairo.'), [
    'eg-cbe:Central Bank of Egypt (CBE)',
    'eg-fra:FRA',
  ]);
  assert.deepEqual(found('The NTRA in Cairo houses EG-CERT; EG-FinCIRT serves the banks.'), [
    'eg-ntra:NTRA',
    'eg-ntra:EG-CERT',
    'eg-fincirt:EG-FinCIRT',
  ]);
  // The other FRA, CBE and "Law 151" are not Egypt's.
  assert.deepEqual(found('The FRA published its report on fundamental rights in the EU.'), []);
  assert.deepEqual(found('The actor received a CBE for services to drama.'), []);
  assert.deepEqual(found('Law 151 of the town code covers parking.'), []);
});
