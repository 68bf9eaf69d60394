// Catalog entries and identifier patterns added for Colombia's data protection regime (the
// SIC, Law 1581 of 2012 and its articles, its decrees), Finland's Traficom, NCSC-FI and
// Cybersecurity Act, the Single Supervisory Mechanism, the TSA and its security directives,
// British Columbia's FIPPA and its sections, Illinois' SOPPA and Japan's PrivacyMark: each
// is found under its own id, and their short forms only where they are meant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinCatalog } from '../../../src/core/catalog/builtin';
import { compileControlMatcher, detectControls } from '../../../src/core/detect/controls';

const matcher = compileControlMatcher(builtinCatalog());

function found(text: string): string[] {
  return detectControls(text, matcher).map((d) => `${d.id}${d.controlId ? `/${d.controlId}` : ''}:${d.text}`);
}

test('Colombia: the SIC, Law 1581 of 2012 and its articles, Decrees 1377 and 1074, Laws 1266 and 2300', () => {
  assert.deepEqual(
    found(
      'Colombia’s Superintendencia de Industria y Comercio (SIC) fined the operator under Law 1581 of 2012. ' +
        'The Superintendence found breaches of Article 17(d) of Law 1581 and Article 4(g).',
    ),
    [
      'co-sic:Superintendencia de Industria y Comercio (SIC)',
      'co-law-1581:Law 1581 of 2012',
      'co-sic:Superintendence',
      'co-law-1581/Article17(d):Article 17(d)',
      'co-law-1581:Law 1581',
      'co-law-1581/Article4(g):Article 4(g)',
    ],
  );
  assert.deepEqual(
    found('The SIC also cited Decree 1377 of 2013, now in Decree 1074 of 2015, and dropped a charge under Law 1266 of 2008.'),
    ['co-sic:SIC', 'co-decree-1377:Decree 1377 of 2013', 'co-decree-1074:Decree 1074 of 2015', 'co-law-1266:Law 1266 of 2008'],
  );
  assert.deepEqual(found('Operators in Colombia must also follow Law 2300 of 2023 on marketing calls.'), ['co-law-2300:Law 2300 of 2023']);
  // SIC is a Standard Industrial Classification code; an article near the GDPR is the GDPR's.
  assert.deepEqual(found('Our SIC code is 7372, and the Superintendence of Banks met.'), []);
  assert.deepEqual(found('Under the GDPR, Article 17 gives a right to erasure.'), ['gdpr:GDPR', 'gdpr/Article17:Article 17']);
});

test('Finland: Traficom, the NCSC-FI, the Cybersecurity Act and the Act on Electronic Communications Services', () => {
  assert.deepEqual(
    found(
      'The National Cyber Security Centre Finland at Traficom received the report. Operators report disruptions under the ' +
        'Act on Electronic Communications Services, and entities in the scope of the Cybersecurity Act, which brought NIS2 into Finnish law, report incidents too.',
    ),
    [
      'fi-ncsc:National Cyber Security Centre Finland',
      'fi-traficom:Traficom',
      'fi-electronic-communications-services-act:Act on Electronic Communications Services',
      'fi-cybersecurity-act:Cybersecurity Act',
      'nis2:NIS2',
    ],
  );
  assert.deepEqual(found('NCSC-FI warned about phishing.'), ['fi-ncsc:NCSC-FI']);
  // The EU's Cybersecurity Act where ENISA and certification are near.
  assert.deepEqual(found('ENISA drafts certification schemes under the Cybersecurity Act.'), [
    'enisa:ENISA',
    'eu-cybersecurity-act:Cybersecurity Act',
  ]);
});

test('the Single Supervisory Mechanism, where the ECB is near', () => {
  assert.deepEqual(found('The ECB supervises significant institutions in the Single Supervisory Mechanism (SSM).'), [
    'ecb:ECB',
    'ssm:Single Supervisory Mechanism (SSM)',
  ]);
  assert.deepEqual(found('Run the SSM agent on each instance.'), []);
});

test('the TSA, DHS, the TSOB and the TSA’s security directives', () => {
  assert.deepEqual(
    found(
      'The Transportation Security Administration (TSA) replaced Security Directive 1580/82-2022-01 with Security Directive 1580/82-2026-01; ' +
        'the Transportation Security Oversight Board must ratify it. Pipelines still follow Security Directive Pipeline-2021-02.',
    ),
    [
      'tsa:Transportation Security Administration (TSA)',
      'tsa-sd-1580-82:Security Directive 1580/82-2022-01',
      'tsa-sd-1580-82/SecurityDirective1580/82-2026-01:Security Directive 1580/82-2026-01',
      'tsob:Transportation Security Oversight Board',
      'tsa-sd-pipeline-2021-02:Security Directive Pipeline-2021-02',
    ],
  );
  assert.deepEqual(found('TSA said rail operators must report to the Department of Homeland Security.'), [
    'tsa:TSA',
    'dhs:Department of Homeland Security',
  ]);
  // A French postal "TSA" code, a state's DHS.
  assert.deepEqual(found('CNIL – 3 Place de Fontenoy – TSA 80715 – 75334 Paris'), ['cnil:CNIL']);
  assert.deepEqual(found('The Wisconsin DHS updated its Medicaid forms.'), []);
});

test('British Columbia: FIPPA and its sections, PIPA near FIPPA', () => {
  assert.deepEqual(
    found(
      'The City did not make reasonable security arrangements, as s. 30 of FIPPA requires; the vendor is subject to the Personal Information Protection Act (PIPA).',
    ),
    ['ca-bc-fippa/s.30:s. 30', 'ca-bc-fippa:FIPPA', 'ca-bc-pipa:Personal Information Protection Act (PIPA)'],
  );
  assert.deepEqual(found('In British Columbia, the Freedom of Information and Protection of Privacy Act applies.'), [
    'ca-bc-fippa:Freedom of Information and Protection of Privacy Act',
  ]);
  // A section of another law, with no FIPPA near.
  assert.deepEqual(found('See s. 30 of the Criminal Code.'), []);
});

test('Illinois’ SOPPA, Japan’s PrivacyMark and the PPC, the FDIC as "Corp.", the 36-hour rule', () => {
  assert.deepEqual(found('Illinois’ Student Online Personal Protection Act (SOPPA) requires notice to parents.'), [
    'us-il-soppa:Student Online Personal Protection Act (SOPPA)',
  ]);
  assert.deepEqual(
    found(
      'We reported to the Personal Information Protection Commission under the Act on the Protection of Personal Information; our PrivacyMark remains valid.',
    ),
    [
      'jp-ppc:Personal Information Protection Commission',
      'appi:Act on the Protection of Personal Information',
      'jp-privacymark:PrivacyMark',
    ],
  );
  assert.deepEqual(found('The Federal Deposit Insurance Corp. said banks breached the 36-hour rule.'), [
    'fdic:Federal Deposit Insurance Corp.',
    'computer-security-incident-notification-rule:36-hour rule',
  ]);
  assert.deepEqual(found('The 36-hour rule of the marathon bars late starters.'), []);
});
