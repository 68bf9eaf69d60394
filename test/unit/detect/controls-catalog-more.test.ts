// Catalog entries and identifier patterns added for South Africa, Japan's ISMAP, Australia's
// ISM, Spain, EU export, media and cloud rules, the UK's and Canada's financial rules and a
// few US federal texts: each is found under its own id, and their short forms only where
// they are meant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinCatalog } from '../../../src/core/catalog/builtin';
import { compileControlMatcher, detectControls, type ControlMatcher } from '../../../src/core/detect/controls';
import { DocumentDetector } from '../../../src/core/detect';

const matcher = compileControlMatcher(builtinCatalog());

function found(text: string, m: ControlMatcher = matcher): string[] {
  return detectControls(text, m).map((d) => `${d.id}${d.controlId ? `/${d.controlId}` : ''}:${d.text}`);
}

/** Controls as a whole document decides them (names defined or owned elsewhere), as `id:text`. */
function documentFound(text: string): string[] {
  return new DocumentDetector(matcher)
    .detect(text)
    .filter((d) => d.kind === 'control')
    .map((d) => `${d.id}:${d.text}`);
}

function assertIncludes(got: string[], wants: string[]): void {
  for (const want of wants) assert.ok(got.includes(want), `${want}: ${got.join(' | ')}`);
}

test('South Africa: the Information Regulator and "the Regulator", POPIA and its sections, PAIA', () => {
  const za = documentFound(
    'The Information Regulator fined a retailer in terms of section 109 of the Protection of Personal Information Act 4 of 2013 (POPIA). ' +
      'The Regulator held that the retailer had no safeguards, contrary to section 19(1), and had not told data subjects as section 22 requires. ' +
      'It also enforces the Promotion of Access to Information Act 2 of 2000 (PAIA).',
  );
  assertIncludes(za, [
    'za-information-regulator:Information Regulator',
    'za-popia:section 109',
    'za-popia:Protection of Personal Information Act 4 of 2013 (POPIA)',
    'za-information-regulator:Regulator',
    'za-popia:section 19(1)',
    'za-popia:section 22',
    'za-paia:Promotion of Access to Information Act 2 of 2000 (PAIA)',
  ]);
  assert.deepEqual(found('An appeal lies under section 97 of POPIA.'), ['za-popia/section97:section 97', 'za-popia:POPIA']);
});

test('a section number is POPIA’s only with POPIA named, and not another law’s named right after it', () => {
  assert.deepEqual(found('The tenant relied on section 22 of the lease.'), []);
  assert.deepEqual(
    found('POPIA aside, the court read section 14 of the Constitution.').filter((f) => f.includes('section')),
    [],
  );
  // A section whose number runs on into another citation is not cut short.
  assert.deepEqual(
    found('POPIA does not apply; New Jersey cites sections 56:8-163 of its statutes.').filter((f) => f.startsWith('za-popia/')),
    [],
  );
});

test('South Africa’s financial regulators and their Joint Standard on cybersecurity', () => {
  assert.deepEqual(
    found(
      'The Financial Sector Conduct Authority (FSCA) and the Prudential Authority issued Joint Standard 2 of 2024 to banks and insurers.',
    ),
    [
      'za-fsca:Financial Sector Conduct Authority (FSCA)',
      'za-prudential-authority:Prudential Authority',
      'za-joint-standard-2-2024:Joint Standard 2 of 2024',
    ],
  );
  // FSCA is also a medical device's field safety corrective action.
  assert.deepEqual(found('The manufacturer issued an FSCA for the infusion pump.'), []);
});

test('Japan’s ISMAP, its register, its low-impact track and its registered auditors', () => {
  assert.deepEqual(
    found('Our Osaka region is on the ISMAP Cloud Service List; an ISMAP-registered auditor reviewed it and ISMAP-LIU is next.'),
    ['jp-ismap:ISMAP Cloud Service List', 'jp-ismap:ISMAP', 'jp-ismap:ISMAP-LIU'],
  );
  assert.deepEqual(found('Information system Security Management and Assessment Program'), [
    'jp-ismap:Information system Security Management and Assessment Program',
  ]);
});

test('Australia’s Information Security Manual with ASD or IRAP near, and its controls; ISM alone is not it', () => {
  assert.deepEqual(found('The IRAP assessor checked ISM-1546 against the Information Security Manual (ISM).'), [
    'irap:IRAP',
    'au-ism/ISM-1546:ISM-1546',
    'au-ism:Information Security Manual (ISM)',
  ]);
  assert.deepEqual(found('The ISM team ships the release on Friday.'), []);
  assert.deepEqual(found('Wellington agencies follow the New Zealand Information Security Manual.'), []);
});

test('Spain: the CCN, the Banco de España and the CNMC; CCN alone is not the CCN', () => {
  assert.deepEqual(
    found('The Centro Criptológico Nacional (CCN) lists ENS certificates; the Banco de España and the CNMC stayed out of it.'),
    ['es-ccn:Centro Criptológico Nacional (CCN)', 'es-ens:ENS', 'es-banco-de-espana:Banco de España', 'es-cnmc:CNMC'],
  );
  assert.deepEqual(found('The CCN replied to our email on Monday.'), []);
});

test('GDPR articles written in lower case, the Spanish way, where the GDPR is named nearby', () => {
  assert.deepEqual(
    found('The GDPR was breached twice: article 5.1.f) on integrity and article\u00a032 (security of processing), not article 6.1.'),
    ['gdpr:GDPR', 'gdpr/article5.1.f):article 5.1.f)', 'gdpr/article32:article\u00a032', 'gdpr/article6.1:article 6.1'],
  );
  assert.deepEqual(found('The authority fined the operator for the article 32 infringement under the RGPD.'), [
    'gdpr/article32:article 32',
    'gdpr:RGPD',
  ]);
  // Without the GDPR named, "article 32" is any article.
  assert.deepEqual(found('See article 32 of the lease for the notice period.'), []);
  assert.deepEqual(found('The clause in article 32 was struck out.'), []);
  // Another law named right after the article keeps it.
  assert.deepEqual(
    found('Beside the GDPR, the fine was set under article 72.1 of the LOPDGDD and article 9 of DORA, and article 28 UK GDPR.').filter(
      (f) => f.startsWith('gdpr/'),
    ),
    [],
  );
});

test('EU: the EUCS, the Dual-Use Regulation, the European Media Freedom Act and its articles', () => {
  assert.deepEqual(
    found(
      'ENISA’s EUCS scheme is still a draft. Exports need a licence under the EU Dual-Use Regulation (Regulation (EU) 2021/821), and Article 4 of the European Media Freedom Act protects sources.',
    ),
    [
      'enisa:ENISA',
      'eu-eucs:EUCS scheme',
      'eu-dual-use-regulation:EU Dual-Use Regulation (Regulation (EU) 2021/821)',
      'eu-emfa/Article4:Article 4',
      'eu-emfa:European Media Freedom Act',
    ],
  );
  assert.ok(
    found('The European Commission should check the licences against the Dual-Use Regulation.').includes(
      'european-commission:European Commission',
    ),
  );
});

test('UK: SYSC and its rules, SYSC 15A, the Consumer Duty, FSMA and its sections, the PRA’s Operational Resilience Part', () => {
  assert.deepEqual(
    found(
      'The FCA found breaches of Principles 3 and 11, SYSC 4.1.1R, SYSC 8 and the operational resilience rules in SYSC 15A, but none of the Consumer Duty.',
    ),
    [
      'fca:FCA',
      'fca-prin/Principles3and11:Principles 3 and 11',
      'fca-sysc/SYSC4.1.1R:SYSC 4.1.1R',
      'fca-sysc/SYSC8:SYSC 8',
      'fca-sysc-15a:SYSC 15A',
      'fca-consumer-duty:Consumer Duty',
    ],
  );
  assert.deepEqual(found('It imposed the penalty under section 206 of the Financial Services and Markets Act 2000 (FSMA).'), [
    'uk-fsma-2000/section206:section 206',
    'uk-fsma-2000:Financial Services and Markets Act 2000 (FSMA)',
  ]);
  assert.deepEqual(
    found('The PRA found breaches of Fundamental Rules 2, 5 and 6 and the Operational Resilience Part of the PRA Rulebook.'),
    [
      'pra:PRA',
      'pra-fundamental-rules/FundamentalRules2,5and6:Fundamental Rules 2, 5 and 6',
      'pra-operational-resilience-part:Operational Resilience Part of the PRA Rulebook',
    ],
  );
  // A no-break space after "Principle", as final notices set it.
  assert.deepEqual(
    found('The FCA relied on Principle\u00a011 (relations with regulators).').filter((f) => f.startsWith('fca-prin')),
    ['fca-prin/Principle11:Principle\u00a011'],
  );
  // SYSC's chapters alone, FSMA and the Consumer Duty need the FCA's world near.
  assert.deepEqual(found('SYSC 8 is a chip register. FSMA rules bind food importers. Our consumer duty is to our customers.'), []);
});

test('Canada: OSFI’s Guidelines B-13 and E-21, its incident reporting advisory and the FCAC', () => {
  const osfi = documentFound(
    'OSFI expects banks to meet Guideline B-13 and the revised Guideline E-21. Under E-21, critical operations must be mapped. ' +
      'The bank reported within the window of the Technology and Cyber Security Incident Reporting Advisory, and the Financial Consumer Agency of Canada is watching.',
  );
  assertIncludes(osfi, [
    'osfi-b-13:Guideline B-13',
    'osfi-e-21:Guideline E-21',
    'osfi-e-21:E-21',
    'osfi-incident-reporting-advisory:Technology and Cyber Security Incident Reporting Advisory',
    'ca-fcac:Financial Consumer Agency of Canada',
  ]);
  assert.deepEqual(found('The E-21 highway was closed.'), []);
});

test('US: the CFAA by its citation, Executive Order 14093, the USA FREEDOM Act and CISA’s notification guidelines', () => {
  assert.deepEqual(
    found(
      'He was charged under 18 U.S.C. § 1030. Executive Order 14093 bars the spyware; the USA FREEDOM Act lets us report in bands; the Federal Incident Notification Guidelines call for one hour.',
    ),
    [
      'cfaa:18 U.S.C. § 1030',
      'us-eo-14093:Executive Order 14093',
      'usa-freedom-act:USA FREEDOM Act',
      'cisa-federal-incident-notification-guidelines:Federal Incident Notification Guidelines',
    ],
  );
});

test('CSA CCM ids with the CAIQ’s question level; Lithuania’s inspectorate and the Pall Mall code', () => {
  assert.deepEqual(found('CAIQ A&A-02.1 and SEF-07.2 follow A&A-04.'), [
    'csa-ccm/A&A-02.1:A&A-02.1',
    'csa-ccm/SEF-07.2:SEF-07.2',
    'csa-ccm/A&A-04:A&A-04',
  ]);
  assert.deepEqual(found('Lithuania’s State Data Protection Inspectorate and the Pall Mall Process Code of Practice.'), [
    'lt-vdai:State Data Protection Inspectorate',
    'pall-mall-code:Pall Mall Process Code of Practice',
  ]);
});
