// Entries and patterns of the built-in catalog, each found in a sentence of the kind
// that names it (a transparency report, a regulator's release, a trust page), and their
// ambiguous short forms not found where they mean something else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinCatalog } from '../../../src/core/catalog/builtin';
import { DocumentDetector } from '../../../src/core/detect';
import { compileControlMatcher } from '../../../src/core/detect/controls';

const matcher = compileControlMatcher(builtinCatalog());

/** `id:text` (with `/controlId` for identifiers) of every control found in `text`, read as a whole document. */
function found(text: string): string[] {
  return new DocumentDetector(matcher)
    .detect(text)
    .filter((d) => d.kind === 'control')
    .map((d) => `${d.id}${d.controlId === undefined ? '' : `/${d.controlId}`}:${d.text}`);
}

function assertFound(text: string, want: readonly string[]): void {
  const got = found(text);
  for (const w of want) assert.ok(got.includes(w), `${w} in ${JSON.stringify(text)}: ${got.join(' | ')}`);
}

function assertNoId(text: string, ids: readonly string[]): void {
  const got = found(text);
  for (const id of ids)
    assert.ok(!got.some((g) => g.startsWith(`${id}:`) || g.startsWith(`${id}/`)), `${id} in ${JSON.stringify(text)}: ${got.join(' | ')}`);
}

test('US surveillance law as transparency reports cite it: FISA, Section 702, National Security Letters, ECPA, the SCA', () => {
  assertFound(
    'From July to December 2024 we received 0-499 requests under the Foreign Intelligence Surveillance Act (FISA) and 0-499 National Security Letters.',
    ['fisa:Foreign Intelligence Surveillance Act (FISA)', 'national-security-letters:National Security Letters'],
  );
  assertFound('The company received FISA content requests, including Section 702 directives.', [
    'fisa:FISA',
    'fisa-section-702:Section 702',
  ]);
  assertFound('Section 702 of FISA lapses in April 2026 unless Congress reauthorizes FISA Section 702 again.', [
    'fisa-section-702:Section 702 of FISA',
    'fisa-section-702:FISA Section 702',
  ]);
  assertFound('The FBI served NSLs seeking subscriber information, each with a nondisclosure requirement.', [
    'national-security-letters:NSLs',
  ]);
  assertFound('Disclosure is governed by the Electronic Communications Privacy Act and the Stored Communications Act.', [
    'ecpa:Electronic Communications Privacy Act',
    'stored-communications-act:Stored Communications Act',
  ]);
  assertFound('Under the SCA, we disclose the content of communications only in response to a search warrant.', [
    'stored-communications-act:SCA',
  ]);
  // "Stored Communications Act" is not the Communications Act of 1934.
  assertNoId('Disclosure is governed by the Stored Communications Act.', ['communications-act']);
});

test('lawful-access agreements and the EU e-Evidence Regulation', () => {
  assertFound('Orders were served under the CLOUD Act and the UK-US Data Access Agreement.', [
    'cloud-act:CLOUD Act',
    'uk-us-data-access-agreement:UK-US Data Access Agreement',
  ]);
  assertFound('The Home Office said orders under the Data Access Agreement had been served on providers.', [
    'uk-us-data-access-agreement:Data Access Agreement',
  ]);
  assertFound('The e-Evidence Regulation applies from 18 August 2026; the E-Evidence Regulation creates European Production Orders.', [
    'eu-e-evidence-regulation:e-Evidence Regulation',
    'eu-e-evidence-regulation:E-Evidence Regulation',
    'eu-e-evidence-regulation:European Production Orders',
  ]);
  assertFound('Regulation (EU) 2023/1543 lets prosecutors order data directly from providers.', [
    'eu-e-evidence-regulation:Regulation (EU) 2023/1543',
  ]);
});

test('ambiguous short forms of the surveillance entries need their own context', () => {
  assertNoId('The NSL team won the final, and fans celebrated in the stadium.', ['national-security-letters']);
  assertNoId("Hong Kong's NSL has been used to prosecute activists for national security offences.", ['national-security-letters']);
  assertNoId('The SCA rating of the product improved this year.', ['stored-communications-act']);
  assertNoId('Section 702 of the tax code covers partnerships.', ['fisa-section-702']);
  // Australia's agreement with the US is not the UK's.
  assertNoId('The Australia-US Data Access Agreement took effect in 2024.', ['uk-us-data-access-agreement']);
});

test('HIPAA rule sections by number, and 45 C.F.R. Part 164', () => {
  assertFound('Covered entities must comply with 45 C.F.R. § 164.308(a)(1)(ii)(A) of the HIPAA Security Rule.', [
    'hipaa/164.308(a)(1)(ii)(A):164.308(a)(1)(ii)(A)',
    'hipaa:HIPAA Security Rule',
  ]);
  assertFound('See 45 CFR 164.312, 45 C.F.R. Part 164 and 45 CFR §§ 164.400-414.', [
    'hipaa/164.312:164.312',
    'hipaa:45 C.F.R. Part 164',
    'hipaa/164.400-414:164.400-414',
  ]);
  assertFound('The definition of a business associate is in 45 C.F.R. § 160.103; the breach rules span 45 CFR §§ 164.400–414.', [
    'hipaa/160.103:160.103',
    'hipaa/164.400-414:164.400–414',
  ]);
  assertNoId('The part cost 164.312 dollars per unit.', ['hipaa']);
});

test('HHS 405(d): HICP, the programme, the Cybersecurity Act of 2015 and the HPH CPGs', () => {
  assertFound('Health Industry Cybersecurity Practices (HICP) were published under Section 405(d) of the Cybersecurity Act of 2015.', [
    'hicp:Health Industry Cybersecurity Practices (HICP)',
    'hhs-405d-program:Section 405(d) of the Cybersecurity Act of 2015',
  ]);
  assertFound('The HHS 405(d) Program publishes HICP for hospitals of every size.', ['hhs-405d-program:HHS 405(d) Program', 'hicp:HICP']);
  assertFound('CISA 2015 protects companies that share threat indicators, and CISA issued an advisory.', [
    'cybersecurity-act-2015:CISA 2015',
    'cisa:CISA',
  ]);
  assertFound('The Cybersecurity Information Sharing Act gives liability protection for sharing.', [
    'cybersecurity-act-2015:Cybersecurity Information Sharing Act',
  ]);
  assertFound('HHS released the HPH CPGs; the Cybersecurity Performance Goals help hospitals prioritise.', [
    'hhs-hph-cpgs:HPH CPGs',
    'hhs-hph-cpgs:Cybersecurity Performance Goals',
  ]);
  assertNoId('Euro area HICP inflation fell to 2.4% in April.', ['hicp']);
});

test('"the NIST framework" is the Cybersecurity Framework; the Privacy Framework and the AI RMF stay themselves', () => {
  assertFound('We implemented the NIST Framework across all business units.', ['nist-csf:NIST Framework']);
  assertFound('Our program is aligned with NIST’s framework.', ['nist-csf:NIST’s framework']);
  const both = found('We map controls to the NIST Privacy Framework and the NIST AI Risk Management Framework.');
  assert.deepEqual(both, ['nist-privacy-framework:NIST Privacy Framework', 'nist-ai-rmf:NIST AI Risk Management Framework']);
});

test('Singapore: the PDPA and its obligations, the PDPC, IMDA, the DPTM, CSA, its marks and the Cybersecurity Act 2018', () => {
  assertFound('PDPA 2012 applies to every organisation in Singapore.', ['sg-pdpa:PDPA 2012']);
  assertFound('The PDPC found that the organisation had breached the Protection Obligation and the Accountability Obligation.', [
    'sg-pdpc:PDPC',
    'sg-pdpa:Protection Obligation',
    'sg-pdpa:Accountability Obligation',
  ]);
  assertFound('Overseas transfers must meet the Transfer Limitation Obligation.', ['sg-pdpa:Transfer Limitation Obligation']);
  assertFound('IMDA awarded the Data Protection Trustmark (DPTM) to the firm.', [
    'sg-imda:IMDA',
    'sg-dptm:Data Protection Trustmark (DPTM)',
  ]);
  assertFound("Singapore's Cyber Security Agency (CSA) issued an advisory.", ["sg-csa:Singapore's Cyber Security Agency (CSA)"]);
  assertFound('The CSA urged organisations in Singapore to patch.', ['sg-csa:CSA']);
  assertFound('The Cyber Security Agency of Singapore runs the Cyber Trust mark and the Cyber Essentials mark in Singapore.', [
    'sg-csa:Cyber Security Agency of Singapore',
    'sg-cyber-trust-mark:Cyber Trust mark',
    'sg-cyber-essentials-mark:Cyber Essentials mark',
  ]);
  assertFound('The Cybersecurity Act 2018 requires owners of critical information infrastructure to report incidents.', [
    'sg-cybersecurity-act-2018:Cybersecurity Act 2018',
  ]);
});

test('Singapore’s short forms are kept apart from the Cloud Security Alliance, the UK, the FCC and the EU', () => {
  assertNoId('The CSA said the fix had been deployed.', ['sg-csa', 'cloud-security-alliance']);
  assertFound('The CSA published a new version of the Cloud Controls Matrix.', ['cloud-security-alliance:CSA']);
  assertNoId('The CSA published a new version of the Cloud Controls Matrix.', ['sg-csa']);
  assertNoId('Our data protection obligations include the Protection Obligation.', ['sg-pdpa']);
  assertNoId('Under the GDPR, the Accountability Obligation rests on the controller.', ['sg-pdpa']);
  assertFound('UK firms can apply for Cyber Essentials and display the Cyber Essentials mark.', ['cyber-essentials:Cyber Essentials']);
  assertNoId('UK firms can apply for Cyber Essentials and display the Cyber Essentials mark.', ['sg-cyber-essentials-mark']);
  assertFound('The FCC launched the U.S. Cyber Trust Mark; the Cyber Trust Mark will appear on IoT packaging.', [
    'us-cyber-trust-mark:U.S. Cyber Trust Mark',
    'us-cyber-trust-mark:Cyber Trust Mark',
  ]);
  assertNoId('The FCC launched the U.S. Cyber Trust Mark; the Cyber Trust Mark will appear on IoT packaging.', ['sg-cyber-trust-mark']);
  assertFound('Under the Cybersecurity Act, ENISA prepares European certification schemes.', ['eu-cybersecurity-act:Cybersecurity Act']);
  assertFound('Singapore amended the Cybersecurity Act in 2024.', ['sg-cybersecurity-act-2018:Cybersecurity Act']);
  assertNoId('The National Cyber Security Agency of Thailand issued a warning.', ['sg-csa']);
});

test('UK telecoms security: the Telecommunications (Security) Act, its regulations, the Communications Act 2003', () => {
  assertFound(
    'Ofcom enforces the Telecommunications (Security) Act 2021 and the Electronic Communications (Security Measures) Regulations 2022, which build on the Communications Act 2003.',
    [
      'ofcom:Ofcom',
      'uk-telecoms-security-act:Telecommunications (Security) Act 2021',
      'uk-telecoms-security-regulations:Electronic Communications (Security Measures) Regulations 2022',
      'uk-communications-act-2003:Communications Act 2003',
    ],
  );
  assertFound('Ofcom said the TSA duties apply to all public telecoms providers.', ['uk-telecoms-security-act:TSA']);
  assertNoId('Passengers queued at TSA checkpoints at the airport.', ['uk-telecoms-security-act']);
  assertNoId('Ofcom enforces the Communications Act 2003.', ['communications-act']);
});

test('Ireland’s own National Cyber Security Centre is Ireland’s, whatever UK words stand near', () => {
  assertFound('In a statement, Ireland’s own National Cyber Security Centre said GCHQ had shared indicators.', [
    'ie-ncsc:Ireland’s own National Cyber Security Centre',
  ]);
  const text =
    'The UK National Cyber Security Centre issued guidance last week. Ireland’s own National Cyber Security Centre, based in Dublin, said it was monitoring.';
  assertFound(text, ['ncsc:UK National Cyber Security Centre', 'ie-ncsc:Ireland’s own National Cyber Security Centre']);
  assertFound('Ireland’s NCSC said GCHQ had shared indicators.', ['ie-ncsc:Ireland’s NCSC']);
});

test('EU AI Act annexes count only with the AI Act named', () => {
  assertFound('Annex III of the AI Act lists the high-risk uses, and Annex IV the technical documentation.', [
    'eu-ai-act/AnnexIII:Annex III',
    'eu-ai-act/AnnexIV:Annex IV',
  ]);
  assertNoId('Annex I of NIS2 lists sectors of high criticality, and Annex II other critical sectors.', ['eu-ai-act']);
  assertNoId('The CRA’s Annex I lists the essential cybersecurity requirements.', ['eu-ai-act']);
});

test('the new regulators have a jurisdiction and enforce the new texts', () => {
  const byId = new Map(builtinCatalog().entries.map((e) => [e.id, e]));
  const enforces = (id: string): readonly string[] => byId.get(id)?.enforces ?? [];
  for (const id of ['sg-imda', 'sg-csa']) assert.ok(byId.get(id)?.jurisdiction, id);
  assert.ok(enforces('sg-imda').includes('sg-dptm'));
  for (const id of ['sg-cybersecurity-act-2018', 'sg-cyber-trust-mark', 'sg-cyber-essentials-mark'])
    assert.ok(enforces('sg-csa').includes(id), id);
  for (const id of ['uk-telecoms-security-act', 'uk-telecoms-security-regulations', 'uk-communications-act-2003'])
    assert.ok(enforces('ofcom').includes(id), id);
  for (const id of ['hicp', 'hhs-405d-program', 'hhs-hph-cpgs']) assert.ok(enforces('hhs').includes(id), id);
  assert.ok(enforces('fcc').includes('us-cyber-trust-mark'));
});

test('Texas: the DTPA and the Identity Theft Enforcement and Protection Act, by name, short name and section', () => {
  assertFound(
    'The Attorney General of Texas sued the app maker under the Texas Deceptive Trade Practices–Consumer Protection Act and the Identity Theft Enforcement and Protection Act.',
    ['us-tx-dtpa:Texas Deceptive Trade Practices–Consumer Protection Act', 'us-tx-itepa:Identity Theft Enforcement and Protection Act'],
  );
  assertFound(
    'The petition alleges that the company failed to notify Texans as required by Tex. Bus. & Com. Code § 521.053 and misrepresented its security practices in violation of Tex. Bus. & Com. Code § 17.46.',
    ['us-tx-itepa:Tex. Bus. & Com. Code § 521.053', 'us-tx-dtpa:Tex. Bus. & Com. Code § 17.46'],
  );
  assertFound('Texas says the retailer violated the DTPA and Section 521.052 of the Business and Commerce Code.', [
    'us-tx-dtpa:DTPA',
    'us-tx-itepa/521.052:521.052',
  ]);
  // A hyphen, an en dash or an em dash between the two halves of the name, with or without spaces.
  assertFound(
    'The company is liable under the Deceptive Trade Practices-Consumer Protection Act and the Deceptive Trade Practices — Consumer Protection Act.',
    ['us-tx-dtpa:Deceptive Trade Practices-Consumer Protection Act', 'us-tx-dtpa:Deceptive Trade Practices — Consumer Protection Act'],
  );
  assertFound('The retailer violated Tex. Bus. & Com. Code §§ 17.41–17.63.', ['us-tx-dtpa:Tex. Bus. & Com. Code §§ 17.41–17.63']);
});

test('Massachusetts: Chapter 93A and Chapter 93H', () => {
  assertFound(
    'Attorney General Campbell said the hospital violated the Consumer Protection Act, G.L. c. 93A, and the data breach law, G.L. c. 93H, by failing to protect Massachusetts residents.',
    ['us-ma-ag:Attorney General', 'us-ma-93a:Consumer Protection Act', 'us-ma-93a:G.L. c. 93A', 'us-ma-93h:G.L. c. 93H'],
  );
  assertFound('Under the Massachusetts Consumer Protection Act and Chapter 93H, the insurer paid $1.2 million.', [
    'us-ma-93a:Massachusetts Consumer Protection Act',
    'us-ma-93h:Chapter 93H',
  ]);
});

test('New Jersey: the Consumer Fraud Act and the Identity Theft Prevention Act, and their sections of N.J.S.A. 56:8', () => {
  assertFound(
    'The Division of Consumer Affairs found violations of the New Jersey Consumer Fraud Act, N.J.S.A. 56:8-1 et seq., and of the Identity Theft Prevention Act, N.J.S.A. 56:8-161 et seq.',
    [
      'us-nj-cfa:New Jersey Consumer Fraud Act',
      'us-nj-cfa:N.J.S.A. 56:8-1',
      'us-nj-itpa:Identity Theft Prevention Act',
      'us-nj-itpa:N.J.S.A. 56:8-161',
    ],
  );
  assertFound("New Jersey alleges that the company's delay breached sections 56:8-2 and 56:8-163 of the New Jersey statutes.", [
    'us-nj-cfa/56:8-2:56:8-2',
    'us-nj-itpa/56:8-163:56:8-163',
  ]);
  assertNoId('A CFA charterholder in New Jersey advised the fund.', ['us-nj-cfa']);
});

test('Pennsylvania: the UTPCPL and the Breach of Personal Information Notification Act', () => {
  assertFound(
    "Pennsylvania's Attorney General sued under the Unfair Trade Practices and Consumer Protection Law, 73 P.S. § 201-1 et seq., and the Breach of Personal Information Notification Act, 73 P.S. § 2301 et seq.",
    [
      'us-pa-utpcpl:Unfair Trade Practices and Consumer Protection Law',
      'us-pa-utpcpl:73 P.S. § 201-1',
      'us-pa-bpina:Breach of Personal Information Notification Act',
      'us-pa-bpina:73 P.S. § 2301',
    ],
  );
  assertFound('The company told Pennsylvania consumers nothing for months, in violation of the UTPCPL.', ['us-pa-utpcpl:UTPCPL']);
  // Louisiana's law has the same name; the state named near decides.
  assertFound('Louisiana sued under its Unfair Trade Practices and Consumer Protection Law.', [
    'us-la-lutpa:Unfair Trade Practices and Consumer Protection Law',
  ]);
});

test('Washington: the Consumer Protection Act (RCW 19.86) and the breach notification law (RCW 19.255)', () => {
  assertFound(
    "The Washington State Attorney General's Office said the lender violated the Consumer Protection Act, RCW 19.86.020, and failed to give the notice RCW 19.255.010 requires.",
    ['us-wa-cpa:Consumer Protection Act', 'us-wa-cpa:RCW 19.86.020', 'us-wa-19-255:RCW 19.255.010'],
  );
  assertFound("Washington's Consumer Protection Act applies to misleading statements about data security.", [
    "us-wa-cpa:Washington's Consumer Protection Act",
  ]);
  // Another statute whose name ends the same way is not it, whatever state stands near.
  assertNoId('Washington State residents sued under the Telephone Consumer Protection Act.', ['us-wa-cpa']);
});

test('Illinois: the Consumer Fraud and Deceptive Business Practices Act and the Personal Information Protection Act', () => {
  assertFound(
    'The Illinois Attorney General said the company violated the Consumer Fraud and Deceptive Business Practices Act, 815 ILCS 505/2, and the Personal Information Protection Act, 815 ILCS 530/10.',
    [
      'us-il-icfa:Consumer Fraud and Deceptive Business Practices Act',
      'us-il-icfa:815 ILCS 505/2',
      'us-il-pipa:Personal Information Protection Act',
      'us-il-pipa:815 ILCS 530/10',
    ],
  );
  assertFound('An Illinois court held that PIPA violations are also violations of the Illinois Consumer Fraud Act.', [
    'us-il-pipa:PIPA',
    'us-il-icfa:Illinois Consumer Fraud Act',
  ]);
});

test('Florida: FDUTPA and the Florida Information Protection Act, by name and by section of the Florida Statutes', () => {
  assertFound(
    "Florida's Attorney General alleged violations of the Florida Deceptive and Unfair Trade Practices Act (FDUTPA) and the Florida Information Protection Act of 2014, section 501.171, Florida Statutes.",
    [
      'us-fl-fdutpa:Florida Deceptive and Unfair Trade Practices Act (FDUTPA)',
      'us-fl-fipa:Florida Information Protection Act',
      'us-fl-fipa:section 501.171, Florida Statutes',
    ],
  );
  assertFound('The complaint cites Section 501.204 of the Florida Statutes and Fla. Stat. § 501.171.', [
    'us-fl-fdutpa/501.204:501.204',
    'us-fl-fipa:Fla. Stat. § 501.171',
  ]);
});

test("Canada's Breach of Security Safeguards Regulations, TISAX and the UK's transfer tools", () => {
  assertFound(
    'Under PIPEDA and the Breach of Security Safeguards Regulations (SOR/2018-64), the bank reported the breach to the Privacy Commissioner of Canada.',
    [
      'pipeda:PIPEDA',
      'ca-pipeda-breach-regulations:Breach of Security Safeguards Regulations (SOR/2018-64)',
      'ca-opc:Privacy Commissioner of Canada',
    ],
  );
  assertFound(
    'Our Stuttgart site holds a TISAX label; the TISAX assessment was carried out by an approved audit provider under the Trusted Information Security Assessment Exchange (TISAX).',
    ['tisax:TISAX label', 'tisax:TISAX assessment', 'tisax:Trusted Information Security Assessment Exchange (TISAX)'],
  );
  assertFound(
    'For restricted transfers from the UK we sign the UK Addendum to the EU SCCs or, where only UK data is involved, the International Data Transfer Agreement (IDTA).',
    ['uk-idta-addendum:UK Addendum', 'sccs:EU SCCs', 'uk-idta:International Data Transfer Agreement (IDTA)'],
  );
  assertFound('The International Data Transfer Addendum to the EU Commission Standard Contractual Clauses took effect on 21 March 2022.', [
    'uk-idta-addendum:International Data Transfer Addendum to the EU Commission Standard Contractual Clauses',
  ]);
  assertNoId('The UK addendum to the employee handbook covers holiday pay.', ['uk-idta-addendum']);
  assertNoId('She trained with the IDTA and won the regional dance final.', ['uk-idta']);
});

test('names many states share count only with a state named near, and then for the nearest', () => {
  const shared = [
    'us-wa-cpa',
    'us-ma-93a',
    'us-co-ccpa',
    'us-ky-cpa',
    'us-il-pipa',
    'us-ak-pipa',
    'us-md-pipa',
    'ca-ab-pipa',
    'ca-bc-pipa',
  ];
  assertNoId('The company is accused of violating the Consumer Protection Act and the Personal Information Protection Act.', shared);
  assertNoId('The Deceptive Trade Practices Act forbids bait advertising, and the DTPA allows treble damages.', [
    'us-tx-dtpa',
    'us-nv-dtpa',
    'us-al-dtpa',
    'us-wi-dtpa',
  ]);
  assertNoId('The Identity Theft Protection Act requires notice within 45 days.', ['us-mi-itpa', 'us-nc-itpa', 'us-ri-itpa']);
  assertNoId('The Consumer Fraud Act was amended last year.', ['us-nj-cfa', 'us-il-icfa', 'us-az-cfa']);
  assertFound(
    'The attorneys general of Texas and Washington State announced the settlement. Texas alleged violations of its Deceptive Trade Practices Act, and Washington State alleged violations of its Consumer Protection Act.',
    ['us-tx-dtpa:Deceptive Trade Practices Act', 'us-wa-cpa:Consumer Protection Act'],
  );
  assertFound("The settlement resolves claims under New Jersey's Consumer Fraud Act and Illinois's Consumer Fraud Act.", [
    'us-nj-cfa:Consumer Fraud Act',
    'us-il-icfa:Consumer Fraud Act',
  ]);
  assertFound("Alberta's Personal Information Protection Act and Illinois's Personal Information Protection Act both require notice.", [
    "ca-ab-pipa:Alberta's Personal Information Protection Act",
    'us-il-pipa:Personal Information Protection Act',
  ]);
  assertFound("North Carolina's Identity Theft Protection Act and Michigan's Identity Theft Protection Act both require notice.", [
    'us-nc-itpa:Identity Theft Protection Act',
    'us-mi-itpa:Identity Theft Protection Act',
  ]);
  assertFound("Nevada's Deceptive Trade Practices Act prohibits false representations; the Texas DTPA does too.", [
    'us-nv-dtpa:Deceptive Trade Practices Act',
    'us-tx-dtpa:Texas DTPA',
  ]);
  // "West Virginia Consumer Protection Act" is not Virginia's.
  assertFound('Under the West Virginia Consumer Protection Act, the Attorney General sued.', [
    'us-wv-ccpa:West Virginia Consumer Protection Act',
  ]);
  assertNoId('Under the West Virginia Consumer Protection Act, the Attorney General sued.', ['us-va-vcpa']);
  // An abbreviation defined once counts later in the document, as a reader takes it.
  const doc = `The Texas Deceptive Trade Practices Act (DTPA) applies to the app.\n\n${'The company collected location data. '.repeat(30)}\n\nViolations of the DTPA carry civil penalties.`;
  assert.equal(found(doc).filter((g) => g === 'us-tx-dtpa:DTPA').length, 1, found(doc).join(' | '));
});

test('each state attorney general enforces its state consumer protection and breach laws', () => {
  const byId = new Map(builtinCatalog().entries.map((e) => [e.id, e]));
  const enforces = (id: string): readonly string[] => byId.get(id)?.enforces ?? [];
  const laws: Record<string, readonly string[]> = {
    tx: ['us-tx-dtpa', 'us-tx-itepa'],
    ma: ['us-ma-93a', 'us-ma-93h'],
    nj: ['us-nj-cfa', 'us-nj-itpa'],
    pa: ['us-pa-utpcpl', 'us-pa-bpina'],
    wa: ['us-wa-cpa', 'us-wa-19-255'],
    il: ['us-il-icfa', 'us-il-pipa'],
    fl: ['us-fl-fdutpa', 'us-fl-fipa'],
    ny: ['us-ny-gbl-349', 'us-ny-gbl-899-aa'],
    co: ['us-co-ccpa', 'us-co-6-1-716'],
  };
  for (const [state, ids] of Object.entries(laws))
    for (const id of ids) assert.ok(enforces(`us-${state}-ag`).includes(id), `${state}: ${id}`);
  assert.ok(enforces('ca-opc').includes('ca-pipeda-breach-regulations'));
  for (const e of byId.values()) {
    const m = /^us-([a-z]{2})-/.exec(e.id);
    // A state law whose publisher names the attorney general as its enforcer is in that office's list.
    if (!m || e.category !== 'law' || !e.publisher?.includes('Attorney General')) continue;
    assert.ok(enforces(`us-${m[1]}-ag`).includes(e.id), `${e.id} has no attorney general`);
  }
});

test('GDPR articles by number where the GDPR is named right after them or after their list; not another law’s articles', () => {
  const articles = (text: string): string[] => found(text).filter((f) => f.includes(':Article'));
  assert.deepEqual(articles('A failure to ensure security (Article 5(1)(f) and Article 32 of the GDPR).'), [
    'gdpr/Article5(1)(f):Article 5(1)(f)',
    'gdpr/Article32:Article 32',
  ]);
  assert.deepEqual(articles('It breached Article 33(1) GDPR and Articles 5(1)(f), 25 and 32 of the GDPR.'), [
    'gdpr/Article33(1):Article 33(1)',
    'gdpr/Articles5(1)(f):Articles 5(1)(f)',
  ]);
  // The UK GDPR's articles are its own (uk-gdpr-article).
  assert.deepEqual(articles('Under Article 28 of the UK GDPR, processors act on instructions.'), ['uk-gdpr/Article28:Article 28']);
  assert.deepEqual(articles('Article 9 of DORA requires ICT security policies; the GDPR applies too.'), []);
  // "Art." as German authorities' English releases write it, the same article as "Article".
  const arts = (text: string): string[] => found(text).filter((f) => f.includes('/Article'));
  assert.deepEqual(arts('The HmbBfDI found infringements of Art. 5(1)(f) and Art. 32(1) GDPR, and of Art. 33(1) GDPR.'), [
    'gdpr/Article5(1)(f):Art. 5(1)(f)',
    'gdpr/Article32(1):Art. 32(1)',
    'gdpr/Article33(1):Art. 33(1)',
  ]);
  assert.deepEqual(arts('Under Art. 28 of the UK GDPR, processors act on instructions.'), ['uk-gdpr/Article28:Art. 28']);
});

test("Germany's Federal Data Protection Act and the US Department of Education", () => {
  const ids = (text: string): string[] => found(text).map((f) => f.split(':')[0] as string);
  assert.deepEqual(ids('Under Section 41(1) of the Federal Data Protection Act (BDSG), the HmbBfDI reviews the objection.'), [
    'de-bdsg',
    'de-hmbbfdi',
  ]);
  assert.deepEqual(ids('The Federal Data Protection Act of Switzerland was revised.'), [], 'the spelling alone, without Germany near');
  assert.deepEqual(ids('Schools must follow FERPA, which the U.S. Department of Education enforces.'), ['ferpa', 'us-ed']);
  assert.deepEqual(ids('The state Department of Education closed schools for the storm.'), []);
});

test("Korea's PIPA and its articles near the PIPC; CISA's KEV catalog and its binding operational directives", () => {
  const ids = (text: string): string[] => found(text).map((f) => f.split(':')[0] as string);
  assert.deepEqual(ids('The PIPC found violations of Article 29 of PIPA and Article 64-2.'), [
    'kr-pipc',
    'kr-pipa/Article29',
    'kr-pipa',
    'kr-pipa/Article64-2',
  ]);
  assert.deepEqual(ids('It holds ISMS-P certification.'), ['kr-isms-p']);
  // Alberta's PIPA keeps its own spelling; a bare article number names no law.
  assert.deepEqual(ids("Alberta's PIPA applies."), ['ca-ab-pipa']);
  assert.deepEqual(ids('Article 29 sets the rule.'), []);
  assert.deepEqual(ids('CISA added it to its Known Exploited Vulnerabilities catalog under BOD 22-01.'), [
    'cisa',
    'cisa-kev',
    'cisa-bod/BOD22-01',
  ]);
});
