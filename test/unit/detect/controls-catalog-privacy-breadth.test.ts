// Data protection regulators and privacy laws of jurisdictions the catalog lacked: the
// remaining EU/EEA authorities (Romania, Czech Republic, Slovakia, Estonia, Malta, Cyprus,
// Slovenia, Latvia, Bulgaria, Iceland), Mexico, Argentina, Chile, Peru, the Philippines,
// Indonesia, Thailand, Malaysia, Vietnam, the UAE (federal, DIFC, ADGM), Saudi Arabia,
// Israel, Türkiye, Nigeria, Egypt and Ghana. Each is found under its own id; abbreviations
// that mean other things (AKI, DVI, CPDP, NPC, PPA, PDPL, PDPC) only with the country near.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinCatalog } from '../../../src/core/catalog/builtin';
import { found } from './catalogFinds';

test('EU and EEA data protection authorities the catalog lacked, by name and, near their country, by abbreviation', () => {
  assert.deepEqual(found("Romania's ANSPDCP fined a bank, and the Czech ÚOOÚ fined an online shop."), [
    'ro-anspdcp:ANSPDCP',
    'cz-uoou:ÚOOÚ',
  ]);
  assert.deepEqual(found('The Office for Personal Data Protection in Prague opened an inquiry.'), [
    'cz-uoou:Office for Personal Data Protection',
  ]);
  assert.deepEqual(found('The Office for Personal Data Protection of the Slovak Republic issued a decision.'), [
    'sk-uoou:Office for Personal Data Protection of the Slovak Republic',
  ]);
  assert.deepEqual(found('The Estonian Data Protection Inspectorate (AKI) reviewed the complaint.'), [
    'ee-aki:Estonian Data Protection Inspectorate (AKI)',
  ]);
  assert.deepEqual(found('The patient developed AKI after surgery.'), []);
  assert.deepEqual(
    found("Malta's Information and Data Protection Commissioner and the Cyprus Commissioner for Personal Data Protection issued fines."),
    ['mt-idpc:Information and Data Protection Commissioner', 'cy-dpc:Cyprus Commissioner for Personal Data Protection'],
  );
  assert.deepEqual(found('The Commissioner for Personal Data Protection in Nicosia fined a hospital.'), [
    'cy-dpc:Commissioner for Personal Data Protection',
  ]);
  assert.deepEqual(found("Slovenia's Information Commissioner (Informacijski pooblaščenec) audited the ministry."), [
    "si-ip:Slovenia's Information Commissioner (Informacijski pooblaščenec)",
  ]);
  assert.deepEqual(found("Latvia's Data State Inspectorate (DVI) received the notification."), ['lv-dvi:Data State Inspectorate (DVI)']);
  assert.deepEqual(found('Connect the monitor with a DVI cable.'), []);
  assert.deepEqual(found('The Bulgarian Commission for Personal Data Protection fined the operator.'), [
    'bg-cpdp:Bulgarian Commission for Personal Data Protection',
  ]);
  assert.deepEqual(found('Speakers at CPDP in Brussels discussed AI.'), []);
  assert.deepEqual(found("Iceland's Persónuvernd opened a case."), ['is-personuvernd:Persónuvernd']);
});

test("Latin America: Mexico's INAI and LFPDPPP, Argentina's AAIP and Law 25.326, Chile's Laws 21.719 and 19.628, Peru's ANPD and Law 29733", () => {
  assert.deepEqual(
    found('The INAI enforced the Ley Federal de Protección de Datos Personales en Posesión de los Particulares (LFPDPPP).'),
    ['mx-inai:INAI', 'mx-lfpdppp:Ley Federal de Protección de Datos Personales en Posesión de los Particulares (LFPDPPP)'],
  );
  assert.deepEqual(found('In Argentina the AAIP enforces Law 25.326 on personal data.'), ['ar-aaip:AAIP', 'ar-law-25326:Law 25.326']);
  assert.deepEqual(found("Chile's Law 21.719 amends Law 19.628."), ['cl-law-21719:Law 21.719', 'cl-law-19628:Law 19.628']);
  assert.deepEqual(found('In Peru, the ANPD enforces Law No. 29733.'), ['pe-anpd:ANPD', 'pe-law-29733:Law No. 29733']);
});

test("Asia: the Philippines' NPC and Data Privacy Act, Indonesia's PDP Law, Thailand's PDPC and PDPA, Malaysia's PDPA and Commissioner, Vietnam's Decree 13", () => {
  assert.deepEqual(found('The National Privacy Commission (NPC) enforces the Data Privacy Act of 2012 (Republic Act No. 10173).'), [
    'ph-npc:National Privacy Commission (NPC)',
    'ph-dpa-2012:Data Privacy Act of 2012 (Republic Act No. 10173)',
  ]);
  assert.deepEqual(found('The NPC meeting is on Monday.'), []);
  assert.deepEqual(found("Indonesia's Law No. 27 of 2022 on Personal Data Protection (UU PDP) took full effect in October 2024."), [
    'id-pdp-law:Law No. 27 of 2022',
    'id-pdp-law:UU PDP',
  ]);
  assert.deepEqual(found("Thailand's Personal Data Protection Act B.E. 2562 is enforced by the Thai PDPC."), [
    "th-pdpa:Thailand's Personal Data Protection Act",
    'th-pdpc:Thai PDPC',
  ]);
  assert.deepEqual(found('The PDPC in Bangkok fined a hospital under the PDPA.'), ['th-pdpc:PDPC', 'th-pdpa:PDPA']);
  assert.deepEqual(
    found('Malaysia amended the Personal Data Protection Act 2010 (Act 709); the Personal Data Protection Commissioner issued guidelines.'),
    ['my-pdpa:Personal Data Protection Act 2010 (Act 709)', 'my-jpdp:Personal Data Protection Commissioner'],
  );
  assert.deepEqual(found("Vietnam's Decree 13/2023/ND-CP requires impact assessments."), ['vn-decree-13-2023:Decree 13/2023/ND-CP']);
});

test("Middle East: the UAE PDPL, DIFC and ADGM, Saudi Arabia's SDAIA and PDPL, Israel's PPA and its law and regulations, Türkiye's KVKK", () => {
  assert.deepEqual(
    found(
      'In the UAE, Federal Decree-Law No. 45 of 2021 (the PDPL) applies outside the DIFC, where the DIFC Data Protection Law No. 5 of 2020 and the Commissioner of Data Protection apply.',
    ),
    [
      'ae-pdpl:Federal Decree-Law No. 45 of 2021',
      'ae-pdpl:PDPL',
      'ae-difc-dp-law:DIFC Data Protection Law No. 5 of 2020',
      'ae-difc-commissioner:Commissioner of Data Protection',
    ],
  );
  assert.deepEqual(found('The ADGM Office of Data Protection enforces the ADGM Data Protection Regulations 2021.'), [
    'ae-adgm-odp:ADGM Office of Data Protection',
    'ae-adgm-dpr:ADGM Data Protection Regulations 2021',
  ]);
  assert.deepEqual(found("SDAIA enforces Saudi Arabia's Personal Data Protection Law (PDPL)."), [
    'sa-sdaia:SDAIA',
    "sa-pdpl:Saudi Arabia's Personal Data Protection Law (PDPL)",
  ]);
  assert.deepEqual(found('The PDPL applies to controllers.'), []);
  assert.deepEqual(
    found(
      "Israel's Privacy Protection Authority (PPA) enforces the Protection of Privacy Law, 5741-1981, and the Protection of Privacy Regulations (Data Security), 5777-2017.",
    ),
    [
      "il-ppa:Israel's Privacy Protection Authority (PPA)",
      'il-privacy-protection-law:Protection of Privacy Law, 5741-1981',
      'il-data-security-regulations:Protection of Privacy Regulations (Data Security), 5777-2017',
    ],
  );
  assert.deepEqual(found('The PPA loan was approved.'), []);
  assert.deepEqual(found('The Turkish Personal Data Protection Authority fined a bank under Law No. 6698 (KVKK).'), [
    'tr-kvkk-authority:Turkish Personal Data Protection Authority',
    'tr-law-6698:Law No. 6698 (KVKK)',
  ]);
});

test("Africa: Nigeria's NDPC, NDPA and NDPR, Egypt's Law 151 of 2020, Ghana's Data Protection Commission and Act 843", () => {
  assert.deepEqual(
    found(
      'The Nigeria Data Protection Commission (NDPC) enforces the Nigeria Data Protection Act, 2023 (NDPA), which keeps the NDPR in force.',
    ),
    ['ng-ndpc:Nigeria Data Protection Commission (NDPC)', 'ng-ndpa-2023:Nigeria Data Protection Act, 2023 (NDPA)', 'ng-ndpr-2019:NDPR'],
  );
  assert.deepEqual(found("Egypt's Law No. 151 of 2020 on the Protection of Personal Data awaits executive regulations."), [
    'eg-pdpl:Law No. 151 of 2020 on the Protection of Personal Data',
  ]);
  assert.deepEqual(found('In Ghana the Data Protection Commission registers controllers under the Data Protection Act, 2012 (Act 843).'), [
    'gh-dpc:Data Protection Commission',
    'gh-dpa-2012:Data Protection Act, 2012 (Act 843)',
  ]);
});

test('shared abbreviations and names stay with the country named near them', () => {
  assert.deepEqual(found("Singapore's PDPC enforces the PDPA."), ['sg-pdpc:PDPC', 'sg-pdpa:PDPA']);
  assert.deepEqual(found("Brazil's ANPD enforces the LGPD."), ['anpd:ANPD', 'lgpd:LGPD']);
  assert.deepEqual(found('The Irish Data Protection Commission (DPC) in Dublin fined Meta.'), [
    'ie-dpc:Irish Data Protection Commission (DPC)',
  ]);
  assert.deepEqual(found('The Office for Personal Data Protection in Bratislava fined a bank.'), [
    'sk-uoou:Office for Personal Data Protection',
  ]);
});

test('the new regulators enforce the new laws, and every new entry is complete', () => {
  const byId = new Map(builtinCatalog().entries.map((e) => [e.id, e]));
  const enforces: [string, string][] = [
    ['mx-inai', 'mx-lfpdppp'],
    ['ar-aaip', 'ar-law-25326'],
    ['pe-anpd', 'pe-law-29733'],
    ['ph-npc', 'ph-dpa-2012'],
    ['th-pdpc', 'th-pdpa'],
    ['my-jpdp', 'my-pdpa'],
    ['ae-difc-commissioner', 'ae-difc-dp-law'],
    ['ae-adgm-odp', 'ae-adgm-dpr'],
    ['sa-sdaia', 'sa-pdpl'],
    ['il-ppa', 'il-privacy-protection-law'],
    ['il-ppa', 'il-data-security-regulations'],
    ['tr-kvkk-authority', 'tr-law-6698'],
    ['ng-ndpc', 'ng-ndpa-2023'],
    ['ng-ndpc', 'ng-ndpr-2019'],
    ['gh-dpc', 'gh-dpa-2012'],
  ];
  for (const [regulator, law] of enforces) {
    assert.ok(byId.get(regulator)?.enforces.includes(law), `${regulator} enforces ${law}`);
    assert.ok(byId.has(law), law);
  }
  for (const id of ['ro-anspdcp', 'cz-uoou', 'sk-uoou', 'ee-aki', 'mt-idpc', 'cy-dpc', 'si-ip', 'lv-dvi', 'bg-cpdp', 'is-personuvernd']) {
    assert.equal(byId.get(id)?.category, 'regulator', id);
    assert.ok(byId.get(id)?.enforces.includes('gdpr'), id);
  }
  for (const id of ['cl-law-21719', 'cl-law-19628', 'id-pdp-law', 'vn-decree-13-2023', 'ae-pdpl', 'eg-pdpl'])
    assert.ok(byId.get(id)?.version, id);
});
