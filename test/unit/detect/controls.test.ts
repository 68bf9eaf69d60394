import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { builtinCatalog } from '../../../src/core/catalog/builtin';
import { parseCatalog } from '../../../src/core/catalog/load';
import { mergeCatalogs } from '../../../src/core/catalog/merge';
import { compileControlMatcher, detectControls, type ControlMatcher } from '../../../src/core/detect/controls';
import type { ControlDetection } from '../../../src/core/model';

const matcher = compileControlMatcher(builtinCatalog());

function found(text: string, m: ControlMatcher = matcher): string[] {
  return detectControls(text, m).map((d) => `${d.id}${d.controlId ? `/${d.controlId}` : ''}:${d.text}`);
}

function assertWellFormed(text: string, detections: ControlDetection[]): void {
  let lastEnd = 0;
  for (const d of detections) {
    assert.equal(d.kind, 'control');
    assert.equal(text.slice(d.start, d.end), d.text, 'text field equals the slice at its offsets');
    assert.ok(d.start >= lastEnd, 'sorted by start, no overlaps');
    assert.ok(d.end > d.start);
    lastEnd = d.end;
  }
}

test('names in a security statement are found, each as one mention', () => {
  assert.deepEqual(found('we comply with globally recognized security control standards like ISO 27001, SOC2, and NIST CSF.'), [
    'iso-27001:ISO 27001',
    'soc-2:SOC2',
    'nist-csf:NIST CSF',
  ]);
});

test('the longest spelling wins', () => {
  assert.deepEqual(found('Our SOC 2 Type II report and ISO/IEC 27001:2013 certificate.'), [
    'soc-2:SOC 2 Type II',
    'iso-27001:ISO/IEC 27001:2013',
  ]);
  assert.deepEqual(found('NIST SP 800-53 Rev. 5 and PCI DSS v4.0.1 and NIST CSF 2.0 and ISO 27001:2022.'), [
    'nist-sp-800-53:NIST SP 800-53 Rev. 5',
    'pci-dss:PCI DSS v4.0.1',
    'nist-csf:NIST CSF 2.0',
    'iso-27001:ISO 27001:2022',
  ]);
  assert.deepEqual(found('HITRUST CSF certified'), ['hitrust:HITRUST CSF']);
});

test('a full name followed by its acronym in brackets is one mention', () => {
  const text =
    'The Committee on Foreign Investment in the United States (CFIUS), however, is still investigating the company.';
  assert.deepEqual(found(text), ['cfius:Committee on Foreign Investment in the United States (CFIUS)']);
  assert.deepEqual(found('under the General Data Protection Regulation (GDPR) and CFIUS (Committee on Foreign Investment in the United States)'), [
    'gdpr:General Data Protection Regulation (GDPR)',
    'cfius:CFIUS (Committee on Foreign Investment in the United States)',
  ]);
});

test('look-alikes are not controls', () => {
  const negatives = [
    'Our SOC team works around the clock.',
    'The Security Operations Center (SOC) escalates alerts.',
    'ISO is an organisation; ISO 9001 is about quality.',
    'The card uses PCI Express; PCI compliance is mentioned.',
    'Upgrade to version 2.0 of the app; the CSF was updated.',
    'Call 800-53-1234 or +1 800 531 2000 before 2020-06-10.',
    'Dora the Explorer wore sox; the Red Sox won.',
    'We use CA-1 batteries and the A1.2 firmware.',
    'Product IAM-02 ships with ISO-style packaging.',
    'The MA-7 and PE-3 ratios fell.',
    'our privacy shield for users and our data privacy framework',
    'The AES-CCM mode and the CRA (Canada Revenue Agency).',
  ];
  for (const text of negatives) assert.deepEqual(found(text), [], text);
});

test('acronyms match only in capitals; other words of a distinctive name in any case', () => {
  assert.deepEqual(found('gdpr and hipaa and iso 27001 and Gdpr'), []);
  assert.deepEqual(found('the NIST cybersecurity framework and the Privacy Shield and the PRIVACY SHIELD'), [
    'nist-csf:NIST cybersecurity framework',
    'privacy-shield:Privacy Shield',
    'privacy-shield:PRIVACY SHIELD',
  ]);
  assert.deepEqual(found('FedRAMP, Fedramp and FEDRAMP'), ['fedramp:FedRAMP', 'fedramp:Fedramp', 'fedramp:FEDRAMP']);
});

test('NBSP, other Unicode spaces, CRLF and line breaks inside names are tolerated', () => {
  const text = 'ISO\u00a027001 and SOC\u20022 and NIST\r\nCSF and Committee on Foreign\nInvestment in the United States';
  const d = detectControls(text, matcher);
  assertWellFormed(text, d);
  assert.deepEqual(
    d.map((x) => x.id),
    ['iso-27001', 'soc-2', 'nist-csf', 'cfius'],
  );
  assert.equal(d[2]?.text, 'NIST\r\nCSF');
  assert.ok(
    detectControls('NIST\n\nCSF', matcher).every((x) => !x.text.includes('\n')),
    'a paragraph break ends a name',
  );
});

test('hyphen variants and curly quotes are tolerated', () => {
  assert.deepEqual(found('SOC\u20102, ISO\u201127001, NIST SP 800\u201353, Sarbanes\u2014Oxley, EU\u2013U.S. Privacy Shield'), [
    'soc-2:SOC\u20102',
    'iso-27001:ISO\u201127001',
    'nist-sp-800-53:NIST SP 800\u201353',
    'sox:Sarbanes\u2014Oxley',
    'privacy-shield:EU\u2013U.S. Privacy Shield',
  ]);
  assert.deepEqual(found('the Children\u2019s Online Privacy Protection Act'), [
    "coppa:Children\u2019s Online Privacy Protection Act",
  ]);
});

test('offsets are UTF-16 indices, also after an emoji', () => {
  const text = '🔒👩‍💻 We hold SOC 2 and ISO 27001.';
  const d = detectControls(text, matcher);
  assertWellFormed(text, d);
  assert.equal(d[0]?.start, text.indexOf('SOC 2'));
  assert.equal(d[1]?.end, text.indexOf('.', text.indexOf('27001')));
});

test('short control identifiers need their framework named nearby', () => {
  assert.deepEqual(found('Control CA-1 applies.'), []);
  assert.deepEqual(found('NIST SP 800-53 control CA-1 applies, as does AC-2(1).'), [
    'nist-sp-800-53:NIST SP 800-53',
    'nist-sp-800-53/CA-1:CA-1',
    'nist-sp-800-53/AC-2(1):AC-2(1)',
  ]);
  assert.deepEqual(found('FedRAMP lists AC-02 (01) and SC-7.'), [
    'fedramp:FedRAMP',
    'nist-sp-800-53/AC-2(1):AC-02 (01)',
    'nist-sp-800-53/SC-7:SC-7',
  ]);
  assert.deepEqual(found('Criterion A1.2 covers backups.'), []);
  assert.deepEqual(found('In our SOC 2 report, criterion A1.2 covers backups and CC6.1 access.'), [
    'soc-2:SOC 2',
    'soc-2/A1.2:A1.2',
    'soc-2/CC6.1:CC6.1',
  ]);
  assert.deepEqual(found('CSA CCM control IAM-02 and A.9.2.3 of ISO 27001, or A.5.15 in 2022.'), [
    'csa-ccm:CSA CCM',
    'csa-ccm/IAM-02:IAM-02',
    'iso-27001/A.9.2.3:A.9.2.3',
    'iso-27001:ISO 27001',
    'iso-27001/A.5.15:A.5.15',
  ]);
});

test('identifiers outside their real ranges are not controls', () => {
  assert.deepEqual(found('NIST SP 800-53 has no AC-26, no XX-1 and no SC-52.'), ['nist-sp-800-53:NIST SP 800-53']);
  assert.deepEqual(found('ISO 27001 has no A.5.38, no A.19.1.1 and no A.9.5.1.'), ['iso-27001:ISO 27001']);
  assert.deepEqual(found('CC6.9 and CC10.1 are not criteria.'), []);
});

test('distinctive identifiers stand alone', () => {
  assert.deepEqual(found('See PR.AC-4, PR.AA-01, GV.OC-03 and AC.L2-3.1.1 or AC.L1-3.1.1.'), [
    'nist-csf/PR.AC-4:PR.AC-4',
    'nist-csf/PR.AA-01:PR.AA-01',
    'nist-csf/GV.OC-03:GV.OC-03',
    'cmmc/AC.L2-3.1.1:AC.L2-3.1.1',
    'cmmc/AC.L1-3.1.1:AC.L1-3.1.1',
  ]);
  assert.deepEqual(found('PR.AC-8 and GV.OC-06 do not exist.'), []);
});

test('ambiguous names count only with context, and not as the tail of another name', () => {
  assert.deepEqual(found('The AI Act takes effect.'), []);
  assert.deepEqual(found('The European Commission says the AI Act takes effect.'), ['eu-ai-act:AI Act']);
  assert.deepEqual(found('Brussels has the EU AI Act; Denver has the Colorado AI Act.'), ['eu-ai-act:EU AI Act']);
  assert.deepEqual(found('The NIST Cybersecurity Framework (CSF) says so, and the CSF is voluntary.'), [
    'nist-csf:NIST Cybersecurity Framework (CSF)',
    'nist-csf:CSF',
  ]);
});

test('every alias of every built-in entry is found in a sentence and maps back to its entry', () => {
  for (const entry of builtinCatalog().entries) {
    const lead = entry.context[0] ?? entry.aliases[0] ?? '';
    const cases = [
      ...entry.aliases.map((a) => ({ alias: a, sentence: `Last year our auditors reviewed ${a} for us.` })),
      ...entry.ambiguousAliases.map((a) => ({ alias: a, sentence: `Under ${lead}, our auditors reviewed ${a} for us.` })),
    ];
    for (const { alias, sentence } of cases) {
      const d = detectControls(sentence, matcher);
      assertWellFormed(sentence, d);
      const start = sentence.indexOf(` ${alias} for`) + 1;
      const hit = d.find((x) => x.start === start);
      assert.ok(hit, `${entry.id}: '${alias}' not found in: ${sentence} (got ${found(sentence).join(', ')})`);
      assert.equal(hit.text, alias, `${entry.id}: '${alias}' found as '${hit.text}'`);
      assert.equal(hit.id, entry.id, `'${alias}' maps to ${hit.id}, not ${entry.id}`);
    }
  }
});

test('detections are well formed on any text', () => {
  const pieces = fc.constantFrom(
    'SOC', '2', ' ', '\u00a0', '\n', '\r\n', 'ISO', '27001', ':', '2013', '-', '\u2013', '(', ')', 'CFIUS', 'NIST', 'CSF',
    'AC-2', '(1)', 'A1.2', 'SOC 2', '🔒', 'é', 'a', '.', 'Type', 'II', 'Committee on Foreign Investment in the United States',
  );
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      assertWellFormed(text, detectControls(text, matcher));
    }),
    { numRuns: 1500 },
  );
});

test('a workspace catalog adds entries and patterns to the built-in ones', () => {
  const { catalog: user, errors } = parseCatalog(
    [
      'entries:',
      '  - id: acme-baseline',
      '    title: ACME Cloud Baseline',
      '    aliases: [ACME Cloud Baseline, ACB]',
      '  - id: soc-2',
      '    aliases: [SOC II]',
      'patterns:',
      '  - id: acme-control',
      '    framework: acme-baseline',
      "    regex: 'ACB-[0-9]{2}(?:\\.[0-9]{1,2})?'",
      '    requires_context: true',
      '    context: [ACME]',
      '',
    ].join('\n'),
    'controls.yaml',
    { knownIds: builtinCatalog().entries.map((e) => e.id) },
  );
  assert.deepEqual(errors, []);
  const m = compileControlMatcher(mergeCatalogs(builtinCatalog(), user));
  assert.deepEqual(found('The ACME Cloud Baseline requires ACB-12.3; our SOC II report agrees.', m), [
    'acme-baseline:ACME Cloud Baseline',
    'acme-baseline/ACB-12.3:ACB-12.3',
    'soc-2:SOC II',
  ]);
  assert.deepEqual(found('Part ACB-12 ships today.', m), ['acme-baseline:ACB'], 'the identifier needs ACME nearby');
});

test('a hostile text for every pattern still completes', () => {
  const text = `${'AC-1'.repeat(5000)} ${'A.5.1.'.repeat(5000)} ${'a'.repeat(100_000)} NIST`;
  const d = detectControls(text, matcher);
  assertWellFormed(text, d);
});
