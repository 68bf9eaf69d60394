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
