import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { builtinCatalog } from '../../../src/core/catalog/builtin';
import { parseCatalog } from '../../../src/core/catalog/load';
import { mergeCatalogs } from '../../../src/core/catalog/merge';
import {
  compileControlMatcher,
  confirmControls,
  detectControls,
  scanControls,
  shiftPending,
  type PendingControl,
} from '../../../src/core/detect/controls';
import type { ControlDetection } from '../../../src/core/model';
import { DocumentDetector } from '../../../src/core/detect';
import { documentFound, found, matcher } from './catalogFinds';

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
  const text = 'The Committee on Foreign Investment in the United States (CFIUS), however, is still investigating the company.';
  assert.deepEqual(found(text), ['cfius:Committee on Foreign Investment in the United States (CFIUS)']);
  assert.deepEqual(
    found('under the General Data Protection Regulation (GDPR) and CFIUS (Committee on Foreign Investment in the United States)'),
    ['gdpr:General Data Protection Regulation (GDPR)', 'cfius:CFIUS (Committee on Foreign Investment in the United States)'],
  );
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
  assert.deepEqual(found('the Children\u2019s Online Privacy Protection Act'), ['coppa:Children\u2019s Online Privacy Protection Act']);
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
    'SOC',
    '2',
    ' ',
    '\u00a0',
    '\n',
    '\r\n',
    'ISO',
    '27001',
    ':',
    '2013',
    '-',
    '\u2013',
    '(',
    ')',
    'CFIUS',
    'NIST',
    'CSF',
    'AC-2',
    '(1)',
    'A1.2',
    'SOC 2',
    '🔒',
    'é',
    'a',
    '.',
    'Type',
    'II',
    'Committee on Foreign Investment in the United States',
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

/** Identifier hits only, as `controlId`. */
function ids(text: string): string[] {
  return detectControls(text, matcher).flatMap((d) => (d.controlId ? [d.controlId] : []));
}

/** Filler prose of about `n` characters that names no framework. */
function filler(n: number): string {
  const sentence = 'The team interviewed staff, read the policies and walked through the data centre. ';
  return sentence
    .repeat(Math.ceil(n / sentence.length))
    .slice(0, n)
    .trimEnd();
}

const MEMO = [
  '# Review of a cloud vendor',
  '',
  '## Authorisation',
  '',
  'The vendor holds an agency authorisation at the moderate level. The FedRAMP Moderate',
  'baseline is built on NIST SP 800-53 Rev. 5, which is what the assessors tested against.',
  '',
  filler(900),
  '',
  '## What we checked',
  '',
  '- **AC-2(1)** (Automated System Account Management) runs through a directory sync.',
  '- The vendor states **IA-2** compliance for every administrator.',
  '- IA-2(1) is met with hardware keys for privileged accounts.',
  '- **SC-28** (Protection of Information at Rest) relies on volume encryption.',
  '- Multi-factor sign-in is enforced for all users (IA-2).',
  '',
].join('\n');

test('identifiers count when their framework is named in the section above, beyond 200 characters', () => {
  assert.deepEqual(ids(MEMO), ['AC-2(1)', 'IA-2', 'IA-2(1)', 'SC-28', 'IA-2']);
  const d = detectControls(MEMO, matcher);
  assertWellFormed(MEMO, d);
  assert.ok(d.filter((x) => x.controlId).every((x) => x.id === 'nist-sp-800-53'));
});

test('the framework named earlier in the same section counts from further away', () => {
  const text = `Access control\n\nOur programme follows NIST SP 800-53. ${filler(3000)} Account reviews implement AC-2 every quarter.\n`;
  assert.deepEqual(ids(text), ['AC-2']);
  // Named after the identifier, in the same section.
  assert.deepEqual(ids(`Findings\n\nAccount reviews implement AC-2 quarterly. ${filler(800)} All of this follows NIST SP 800-53.\n`), [
    'AC-2',
  ]);
});

test('a heading ends the section: beyond the wider window the framework of an earlier section is too far', () => {
  const text = `# Scope\n\nWe use NIST SP 800-53 controls.\n\n# Travel notes\n\n${filler(2500)} Control CA-1 was discussed.\n`;
  assert.deepEqual(ids(text), []);
  // In the same section, the same distance is fine.
  assert.deepEqual(ids(`# Scope\n\nWe use NIST SP 800-53 controls. ${filler(2500)} Control CA-1 was discussed.\n`), ['CA-1']);
});

test('a qualified identifier reaches further back than a bare one', () => {
  const text = `# Scope\n\nThe system is FedRAMP authorised.\n\n# Notes\n\n${filler(5000)}\n\nWe saw AC-2(1) in place; CA-1 too.\n`;
  assert.deepEqual(ids(text), ['AC-2(1)', 'CA-1'], 'CA-1 stands in the paragraph of AC-2(1)');
  const alone = `# Scope\n\nThe system is FedRAMP authorised.\n\n# Notes\n\n${filler(5000)}\n\nWe saw CA-1 in place.\n`;
  assert.deepEqual(ids(alone), []);
});

test('an identifier counts beside another of its framework that counts, in the same list or paragraph', () => {
  const text = [
    '# Scope',
    '',
    'The agency relies on FedRAMP.',
    '',
    '# Evidence',
    '',
    filler(5000),
    '',
    '- AC-2(1) account automation',
    '',
    '- **IA-2** for every user',
    '',
    '- SC-28 at rest',
    '',
    'A later paragraph mentions CA-1 alone.',
    '',
  ].join('\n');
  // The paragraph after the list still cites the framework the list did (see citedBefore).
  assert.deepEqual(ids(text), ['AC-2(1)', 'IA-2', 'SC-28', 'CA-1']);
  // …unless the framework was named too far back for a bare identifier (10,000 characters).
  const far = [
    'The agency relies on FedRAMP.',
    '',
    filler(9500),
    '',
    '- AC-2(1) account automation',
    '',
    filler(700),
    '',
    'A later paragraph mentions CA-1 alone.',
  ].join('\n');
  assert.deepEqual(ids(far), ['AC-2(1)']);
  // Siblings must be of the same framework: a CSF subcategory does not vouch for CA-1.
  assert.deepEqual(ids(`${filler(300)}\n\n- PR.AA-01 identities\n- CA-1 policy\n`), ['PR.AA-01']);
});

test('roads, journeys, model numbers and figures are refused however near the framework is', () => {
  const text = [
    'Compliance notes',
    '',
    'Our agency systems follow NIST SP 800-53 Rev. 5, and the assessor reviewed the account management family.',
    '',
    'Travel',
    '',
    'The assessor flew in on Monday. From the airport she drove north on CA-1 toward the coast,',
    'took Highway CA-1 again the next morning, and said the view from CA-1 northbound was worth it.',
    'NIST SP 800-53 aside, the model AC-2 charger and Figure SC-7 were in her bag.',
    '',
  ].join('\n');
  assert.deepEqual(ids(text), []);
  assert.deepEqual(ids('Under NIST SP 800-53 we enforce AC-2 and rely on IA-2 based on SC-7.'), ['AC-2', 'IA-2', 'SC-7']);
  // The tail of a dotted code that is no real CSF subcategory is not an SP 800-53 control.
  assert.deepEqual(ids('NIST CSF has no PR.AC-8 or DE.CM-10, but NIST SP 800-53 has AC-8.'), ['AC-8']);
});

test('short identifiers in a document that never names their framework stay unrecognised', () => {
  const text = [
    '# Field report',
    '',
    'Control CA-1 was discussed, along with AC-2 and IA-2(1).',
    '',
    '- The product IAM-02 shipped on time.',
    '- Criterion A1.2 of the spec was tested.',
    '- We also read section A.5.15 of the handbook.',
    '',
    'Our SOC team answers on 800-53-1234 or +1 800 531 2000.',
    '',
  ].join('\n');
  assert.deepEqual(found(text), []);
});

test('SOC 2 and CSA CCM identifiers follow the same rule', () => {
  const soc = `# SOC 2 readiness\n\nWe scoped our SOC 2 Type II examination.\n\n# Recovery\n\n${filler(900)} Availability criterion A1.2 covers backups.\n`;
  assert.deepEqual(ids(soc), ['A1.2']);
  const ccm = `We answered the CSA CAIQ. ${filler(1000)}\n\nEntitlement reviews follow IAM-02.\n`;
  assert.deepEqual(ids(ccm), ['IAM-02']);
  assert.deepEqual(ids(`We answered a questionnaire. ${filler(1000)}\n\nEntitlement reviews follow IAM-02.\n`), []);
});

/** What a caller detecting block by block gets: each block scanned alone, then pending ones confirmed on the whole text. */
function byBlocks(text: string): string[] {
  const out: string[] = [];
  const pending: PendingControl[] = [];
  const re = /[^\n]+(?:\n[^\n]+)*/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const scan = scanControls(m[0], matcher);
    for (const d of scan.detections) out.push(`${d.start + m.index}:${d.controlId ?? d.id}`);
    for (const p of scan.pending) pending.push(shiftPending(p, m.index));
  }
  for (const d of confirmControls(text, pending, matcher)) {
    assert.equal(text.slice(d.start, d.end), d.text);
    out.push(`${d.start}:${d.controlId ?? d.id}`);
  }
  return out.sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10));
}

test('scanning blocks alone and confirming on the document gives what the whole text gives', () => {
  for (const text of [MEMO, `NIST SP 800-53 controls:\n\n- AC-2\n- CA-1\n\nDrove north on CA-1.\n`, `Plain CA-1.\n\nAnd IAM-02.\n`]) {
    const whole = detectControls(text, matcher).map((d) => `${d.start}:${d.controlId ?? d.id}`);
    assert.deepEqual(byBlocks(text), whole, text);
  }
  // A bullet alone knows nothing of the framework: its identifier is pending, not lost.
  const scan = scanControls('- **IA-2** compliance', matcher);
  assert.deepEqual(scan.detections, []);
  assert.deepEqual(
    scan.pending.map((p) => p.text),
    ['IA-2'],
  );
  assert.deepEqual(scanControls('drove north on CA-1', matcher).pending, [], 'a look-alike is not even pending');
});

test('a stale pending identifier is dropped, not misplaced', () => {
  const [p] = scanControls('Control CA-1 applies.', matcher).pending;
  assert.ok(p);
  const document = 'NIST SP 800-53. Control CA-1 applies.';
  assert.deepEqual(
    confirmControls(document, [shiftPending(p, 16)], matcher).map((d) => d.controlId),
    ['CA-1'],
  );
  // The document changed under it.
  assert.deepEqual(confirmControls('NIST SP 800-53. Control XX-9 applies.', [shiftPending(p, 16)], matcher), []);
  // It came from a matcher with other patterns.
  assert.deepEqual(confirmControls(document, [{ ...shiftPending(p, 16), pattern: 9999 }], matcher), []);
  const other = builtinCatalog().patterns.findIndex((q) => q.framework !== 'nist-sp-800-53');
  assert.deepEqual(confirmControls(document, [{ ...shiftPending(p, 16), pattern: other }], matcher), []);
});

test('CSA STAR as researchers write it', () => {
  assert.deepEqual(found('The provider is listed in the Cloud Security Alliance STAR Registry.'), [
    'csa-star:Cloud Security Alliance STAR Registry',
  ]);
  assert.deepEqual(found('Its CSA STAR Registry entry shows a CSA STAR Level 2 certification and a CSA STAR Level 1 self-assessment.'), [
    'csa-star:CSA STAR Registry',
    'csa-star:CSA STAR Level 2',
    'csa-star:CSA STAR Level 1',
  ]);
  // The alliance itself is an entry of its own (a standards body), the registry the programme's.
  assert.deepEqual(found('The Cloud Security Alliance runs the STAR Registry.'), [
    'cloud-security-alliance:Cloud Security Alliance',
    'csa-star:STAR Registry',
  ]);
  assert.deepEqual(found('The CSA Security, Trust, Assurance and Risk programme.'), ['csa-star:Security, Trust, Assurance and Risk']);
  assert.deepEqual(found('The Dallas Star Registry and the STAR Registry of local firms.'), []);
});

test('common prose spellings of standards and programmes', () => {
  assert.deepEqual(found('Our SOC 2 Type 2 report, ISO 27001 certified, PCI-DSS compliant under PCI DSS v4.0.'), [
    'soc-2:SOC 2 Type 2',
    'iso-27001:ISO 27001',
    'pci-dss:PCI-DSS',
    'pci-dss:PCI DSS v4.0',
  ]);
  assert.deepEqual(found('PCI DSS v4 and NIST CSF v2, but PCI DSS 4 times.'), [
    'pci-dss:PCI DSS v4',
    'nist-csf:NIST CSF v2',
    'pci-dss:PCI DSS',
  ]);
  assert.deepEqual(found('HITRUST CSF r2 and HITRUST r2; FedRAMP High, Moderate: FedRAMP Low, FedRAMP Tailored, FedRAMP Li-SaaS.'), [
    'hitrust:HITRUST CSF r2',
    'hitrust:HITRUST r2',
    'fedramp:FedRAMP High',
    'fedramp:FedRAMP Low',
    'fedramp:FedRAMP Tailored',
    'fedramp:FedRAMP Li-SaaS',
  ]);
  assert.deepEqual(found('NIST 800-171 Rev 2, CMMC 2.0 Level 2 and the HIPAA Breach Notification Rule.'), [
    'nist-sp-800-171:NIST 800-171 Rev 2',
    'cmmc:CMMC 2.0 Level 2',
    'hipaa:HIPAA Breach Notification Rule',
  ]);
  // The law is tagged, and its articles where the GDPR is named right after them or their list.
  assert.deepEqual(found('GDPR Article 32 and Article 32 of the GDPR.'), [
    'gdpr:GDPR',
    'gdpr/Article32:Article 32',
    'gdpr/Article32:Article 32',
    'gdpr:GDPR',
  ]);
});

test('a sibling vouches only within 3,000 characters, whatever else the document holds', () => {
  const item = (id: string): string => `- ${id} ${filler(400)}`;
  const list = [item('AC-2(1)'), ...Array.from({ length: 8 }, (_, i) => item(`PL-${i + 1}`)), item('CA-1')].join('\n');
  const text = `# Scope\n\nThe system is FedRAMP authorised.\n\n# Notes\n\n${filler(8000)}\n\n${list}\n`;
  // AC-2(1) counts (qualified, FedRAMP within 10,000 characters); PL-1..PL-8 beside it,
  // up to about 3,000 characters down the list; CA-1 at the end is too far from it.
  const got = ids(text);
  assert.ok(got.includes('AC-2(1)') && got.includes('PL-1'), got.join(' '));
  assert.ok(!got.includes('CA-1'), got.join(' '));
  // The verdicts stay the same when unrelated identifiers far away widen what is read.
  const far = `${text}\n\n${filler(20_000)}\n\nStray CA-9 and PL-11.\n`;
  assert.deepEqual(ids(far).slice(0, got.length), got);
});

test('regulators by full name and abbreviation, a bracketed abbreviation joining the full name', () => {
  assert.deepEqual(found('The Securities and Exchange Commission (SEC) charged the company.'), [
    'sec:Securities and Exchange Commission (SEC)',
  ]);
  assert.deepEqual(found("Ireland's Data Protection Commission (DPC) fined the platform."), [
    "ie-dpc:Ireland's Data Protection Commission (DPC)",
  ]);
  assert.deepEqual(found('The European Data Protection Board (EDPB) and the EDPS issued a joint opinion.'), [
    'edpb:European Data Protection Board (EDPB)',
    'edps:EDPS',
  ]);
  assert.deepEqual(found("HHS's Office for Civil Rights (OCR) settled a HIPAA Security Rule case."), [
    "hhs-ocr:HHS's Office for Civil Rights (OCR)",
    'hipaa:HIPAA Security Rule',
  ]);
  // The office, not its department: the longer name wins though the department's starts it.
  assert.deepEqual(found('It was reported to the U.S. Department of Health and Human Services Office for Civil Rights (OCR).'), [
    'hhs-ocr:U.S. Department of Health and Human Services Office for Civil Rights (OCR)',
  ]);
  assert.deepEqual(found('The Federal Reserve, the FDIC and the OCC issued joint guidance to banks.'), [
    'federal-reserve:Federal Reserve',
    'fdic:FDIC',
    'occ:OCC',
  ]);
});

test('possessives of regulators are mentions, straight or curly', () => {
  assert.deepEqual(found("The SEC's rules require disclosure of material incidents."), ['sec:SEC']);
  assert.deepEqual(found('The FTC’s order bars the company from misrepresenting its security.'), ['ftc:FTC']);
});

test('ambiguous abbreviations of regulators need their regulatory sense nearby', () => {
  assert.deepEqual(found('SEC Football: Alabama beat Georgia on Saturday.'), []);
  assert.deepEqual(found('We use OCR to read scanned invoices.'), []);
  assert.deepEqual(found('The Dutch regulator AP fined the company under the GDPR.'), ['nl-ap:AP', 'gdpr:GDPR']);
  assert.deepEqual(found('The AP reported the story first.'), []);
});

test('a short ambiguous name glued to a number or hyphenated to a word is part of something else', () => {
  assert.deepEqual(found('Our ISO 9001 certificate, audited under international standards.'), []);
  assert.deepEqual(found('CISA-certified auditors reviewed the vulnerability management process.'), []);
  assert.deepEqual(found('The CAC 40 index fell after the Cyberspace regulator spoke.'), []);
});

test('an ambiguous name counts where the document names its entry elsewhere', () => {
  const text =
    "Ireland's Data Protection Commission opened an inquiry in 2023.\n\n" +
    'Two years on, after many submissions from the parties, the DPC has also issued an order.';
  assert.deepEqual(found(text), ["ie-dpc:Ireland's Data Protection Commission", 'ie-dpc:DPC']);
  // Alone, with nothing to say which DPC is meant, it is not a mention.
  assert.deepEqual(found('Two years on, after many submissions from the parties, the DPC has also issued an order.'), []);
  assert.deepEqual(
    found('HIPAA compliance matters to us.\n\nThe company settled a Security Rule investigation with regulators after the incident.'),
    ['hipaa:HIPAA', 'hipaa:Security Rule'],
  );
});

test('an acronym after a capitalised word, or with a span of years after it, counts where the document names its entry', () => {
  const paper =
    'The Board is asked to note the Trust’s DSPT 2025-26 submission.\n\n' +
    'The Trust published its Data Security and Protection Toolkit (DSPT) assessment in June.\n\n' +
    'Lessons learned\n• Supplier DSPT status was checked at contract award in 2023 and not since.';
  assert.deepEqual(documentFound(paper), ['nhs-dspt:DSPT', 'nhs-dspt:Data Security and Protection Toolkit (DSPT)', 'nhs-dspt:DSPT']);
  // Named nowhere else, it stays unread; a person's title and a web address are no mentions.
  assert.deepEqual(documentFound('Lessons learned\n• Supplier DSPT status was checked at contract award in 2023.'), []);
  assert.deepEqual(
    documentFound(
      'The New York Attorney General announced the settlement.\n\nThe matter was handled by Assistant Attorney General Tobias Renwick.',
    ),
    ['us-ny-ag:New York Attorney General'],
  );
});

test('a spelling several entries share goes to the one whose context is nearest, or that the document names', () => {
  assert.deepEqual(found('The Data Protection Act 2018 applies in Ireland, the Data Protection Commission said.'), [
    'ie-dpa-2018:Data Protection Act 2018',
    'ie-dpc:Data Protection Commission',
  ]);
  assert.deepEqual(found('The Data Protection Act 2018 applies in the UK, the ICO said.'), [
    'uk-dpa-2018:Data Protection Act 2018',
    'ico:ICO',
  ]);
  // The plain alias is the reading by default.
  assert.deepEqual(found('Our platform complies with the Data Protection Act 2018.'), ['uk-dpa-2018:Data Protection Act 2018']);
  assert.deepEqual(
    found('The OAIC investigated the breach. The Information Commissioner’s determination found the privacy failures serious.'),
    ['oaic:OAIC', 'oaic:Information Commissioner'],
  );
  assert.deepEqual(found('The ICO said the Information Commissioner would issue a reprimand.'), [
    'ico:ICO',
    'ico:Information Commissioner',
  ]);
  assert.deepEqual(found('Under the Privacy Act, federal institutions in Canada must protect personal information.'), [
    'ca-privacy-act:Privacy Act',
  ]);
  assert.deepEqual(found('The Norwegian Datatilsynet and the Danish Datatilsynet both objected.'), [
    'no-datatilsynet:Norwegian Datatilsynet',
    'dk-datatilsynet:Danish Datatilsynet',
  ]);
});

test('a spelling the plain alias took goes to another entry when only that one’s world is spoken of in the document', () => {
  const report =
    'In 2025 the DPC received 7,318 breach notifications from organisations in Dublin and elsewhere.\n\n' +
    'Table 4.1: Notifications received\n' +
    'GDPR (Article 33) | 6,714 | 7,318\n' +
    'Law Enforcement Directive (Part 5, Data Protection Act 2018) | 37 | 52\n';
  assert.ok(found(report).includes('ie-dpa-2018:Data Protection Act 2018'));
  // Both countries spoken of, or neither: the plain alias stays.
  assert.ok(found(report.replace('Dublin', 'London and the UK')).includes('uk-dpa-2018:Data Protection Act 2018'));
  assert.ok(found(report.replace('the DPC', 'the regulator').replace(' in Dublin', '')).includes('uk-dpa-2018:Data Protection Act 2018'));
  // The entry named without doubt elsewhere keeps it.
  assert.ok(
    found(`${report}\nThe UK Data Protection Act 2018 is the British law.`).filter((f) => f.startsWith('uk-dpa-2018')).length === 2,
  );
});

test('a function word or a count at a sentence’s start is no name’s head', () => {
  assert.deepEqual(found('The DPC opened an inquiry. Two DPC draft decisions were referred to the EDPB.'), [
    'ie-dpc:DPC',
    'ie-dpc:DPC',
    'edpb:EDPB',
  ]);
  // A capitalised word that is no function word still is: "Colorado AI Act" is not the EU's.
  assert.deepEqual(found('The Colorado AI Act takes effect next year.'), []);
});

test('rulebooks cited by number: the FCA’s Principles and the PRA’s Fundamental Rules', () => {
  assert.deepEqual(
    found('The FCA said the bank breached Principle 3 of its Principles for Businesses. The PRA said it breached its Fundamental Rule 6.'),
    [
      'fca:FCA',
      'fca-prin/Principle3:Principle 3',
      'fca-prin:Principles for Businesses',
      'pra:PRA',
      'pra-fundamental-rules/FundamentalRule6:Fundamental Rule 6',
    ],
  );
  // Without the regulator near, a numbered principle is nobody's.
  assert.deepEqual(found('Principle 3 of our design guide says keep it simple.'), []);
});

test('state attorneys general by office, and "the Attorney General" for the state named nearby or in the document', () => {
  assert.deepEqual(found('Attorney General Letitia James said New Yorkers deserve better.'), ['us-ny-ag:Attorney General']);
  assert.deepEqual(found('“Texas consumers deserve protection,” Attorney General Paxton said.'), ['us-tx-ag:Attorney General']);
  assert.deepEqual(found("The attorney general's office in Ohio opened an investigation."), ["us-oh-ag:attorney general's office"]);
  assert.deepEqual(
    found(
      'The Washington State Attorney General’s Office led the case.\n\nMonths later, after a long review of the evidence and many interviews with staff, the Office of the Attorney General said it would continue.',
    ),
    ['us-wa-ag:Washington State Attorney General’s Office', 'us-wa-ag:Office of the Attorney General'],
  );
  // West Virginia is not Virginia, and the federal Attorney General is no state's.
  assert.deepEqual(found('The West Virginia Attorney General sued. Later the Attorney General said so.'), [
    'us-wv-ag:West Virginia Attorney General',
    'us-wv-ag:Attorney General',
  ]);
  assert.deepEqual(found('The U.S. Attorney General spoke in Washington, D.C. about ransomware.'), ['doj:U.S. Attorney General']);
  assert.deepEqual(found('The Attorney General spoke at the conference.'), []);
  const ids = new Set(builtinCatalog().entries.map((e) => e.id));
  assert.equal([...ids].filter((id) => /^us-[a-z]{2}-ag$/.test(id)).length, 51, 'every state and the District of Columbia');
});

test('laws named by context: the Notifiable Data Breaches scheme is the Privacy Act 1988, Item 1.05 the SEC rules', () => {
  assert.deepEqual(found('The Notifiable Data Breaches scheme requires notice to the OAIC.'), [
    'privacy-act-1988:Notifiable Data Breaches scheme',
    'oaic:OAIC',
  ]);
  assert.deepEqual(found('Registrants report material incidents under Item 1.05 of Form 8-K.'), [
    'sec-cyber-disclosure-rules:Item 1.05 of Form 8-K',
  ]);
  assert.deepEqual(found('Regulation S-P now requires customer notice within 30 days.'), ['regulation-s-p:Regulation S-P']);
  assert.deepEqual(found('Operators are assessed against the NCSC Cyber Assessment Framework (CAF).'), [
    'ncsc-caf:NCSC Cyber Assessment Framework (CAF)',
  ]);
  assert.deepEqual(found('The carrier breached section 222 of the Communications Act.'), [
    'communications-act:section 222',
    'communications-act:Communications Act',
  ]);
});

test('a two-letter abbreviation is not taken from a name elsewhere in the document', () => {
  const text =
    'AMSTERDAM (AP) — A court in the Netherlands upheld a fine on Monday.\n\n' +
    'The ruling ends a dispute that began three years ago, when the company first changed how its app asked users to agree to tracking, and it is expected to be studied closely by other firms.\n\n' +
    'The Dutch Data Protection Authority said on Tuesday that it had fined the company for its cookie banners.';
  assert.deepEqual(found(text), ['nl-ap:Dutch Data Protection Authority']);
});

test('FCA is the UK regulator or the US False Claims Act, by the words around it', () => {
  assert.deepEqual(found('The FCA fined the bank £40 million for financial crime control failures.'), ['fca:FCA']);
  assert.deepEqual(
    found('The FCA settlement resolved allegations under the False Claims Act that the contractor misrepresented its security.'),
    ['false-claims-act:FCA', 'false-claims-act:False Claims Act'],
  );
  assert.deepEqual(found('The FCA 500 is a small car.'), []);
});

test('regulators of many jurisdictions, abbreviations only in their sense', () => {
  assert.deepEqual(found('FINRA fined the broker-dealer for failing to protect customer records under Regulation S-P.'), [
    'finra:FINRA',
    'regulation-s-p:Regulation S-P',
  ]);
  assert.deepEqual(found('CISA and the FBI warned that ransomware gangs exploited the vulnerability.'), ['cisa:CISA']);
  assert.deepEqual(found('The CISA exam is required for IT auditors.'), []);
  assert.deepEqual(found("Japan's Personal Information Protection Commission (PPC) issued guidance under the APPI."), [
    "jp-ppc:Japan's Personal Information Protection Commission (PPC)",
    'appi:APPI',
  ]);
  assert.deepEqual(found('The company ran a PPC campaign on Google Ads.'), []);
  assert.deepEqual(found('The European Commission announced new funding for farmers.'), []);
  assert.deepEqual(found('The Garante fined the chatbot maker 15 million euros.'), ['it-garante:Garante']);
  assert.deepEqual(found('The ICO launched its token sale in 2017.'), []);
  assert.deepEqual(found('ESMA, EBA and EIOPA published the final draft RTS under DORA.'), [
    'esma:ESMA',
    'eba:EBA',
    'eiopa:EIOPA',
    'dora:DORA',
  ]);
});

test('financial supervisors, national cyber agencies and state data-security laws', () => {
  assert.deepEqual(found('The National Credit Union Administration (NCUA) now requires notice within 72 hours.'), [
    'ncua:National Credit Union Administration (NCUA)',
  ]);
  assert.deepEqual(found('The Bank of England ran CBEST tests; the BoE said banks in London improved.'), [
    'bank-of-england:Bank of England',
    'bank-of-england:BoE',
  ]);
  assert.deepEqual(found('The Central Bank of Ireland reprimanded the insurer under DORA.'), [
    'central-bank-of-ireland:Central Bank of Ireland',
    'dora:DORA',
  ]);
  assert.deepEqual(found("The CBI, Britain's business lobby, said the Central Bank rate is too high."), []);
  assert.deepEqual(found("France's ANSSI published hardening guidance."), ['anssi:ANSSI']);
  assert.deepEqual(found("Germany's BSI warned about the flaw."), ['bsi:BSI']);
  assert.deepEqual(found('The British Standards Institution (BSI) certified the firm to ISO 27001.'), [
    'bsi-group:British Standards Institution (BSI)',
    'iso-27001:ISO 27001',
  ]);
  assert.deepEqual(found('The provider holds a BSI C5 attestation.'), ['bsi-c5:BSI C5']);
  assert.deepEqual(found('Under 201 CMR 17.00 and G.L. c. 93H the company notified the state.'), [
    'us-ma-201-cmr-17:201 CMR 17.00',
    'us-ma-93h:G.L. c. 93H',
  ]);
  assert.deepEqual(found('Wis. Stat. § 134.98 requires notice within 45 days.'), ['us-wi-134-98:Wis. Stat. § 134.98']);
});

test('an identifier with a space in it is found whole wherever the text is read in chunks', async () => {
  const { PATTERN_CHUNK_LENGTH } = await import('../../../src/core/catalog/patternSafety');
  const lead = 'NIST SP 800-53 baseline. ';
  // Put the space of "AC-2 (1)" at every position around the end of the first chunk.
  for (let pad = PATTERN_CHUNK_LENGTH - 24; pad < PATTERN_CHUNK_LENGTH + 8; pad++) {
    const text = `${lead}${'word '.repeat(Math.ceil(pad / 5)).slice(0, pad - lead.length)} AC-2 (1) applies.`;
    const ids = detectControls(text, matcher).flatMap((d) => (d.controlId ? [d.controlId] : []));
    assert.deepEqual(ids, ['AC-2(1)'], `space at ${text.indexOf(' (1)')}`);
  }
});

test('Colorado’s statutes by number, and “CCPA” as the document defines it', () => {
  const colorado =
    'The states allege violations of the Colorado Consumer Protection Act (CCPA), C.R.S. § 6-1-101 et seq., its data security law, C.R.S. § 6-1-713.5, and its breach-notification law, C.R.S. § 6-1-716. Violations of the CCPA carry penalties.';
  const ids = new DocumentDetector(matcher)
    .detect(colorado)
    .filter((d) => d.kind === 'control')
    .map((d) => `${d.id}:${d.text}`);
  assert.ok(ids.includes('us-co-6-1-713-5:C.R.S. § 6-1-713.5'), ids.join(' | '));
  assert.ok(ids.includes('us-co-6-1-716:C.R.S. § 6-1-716'), ids.join(' | '));
  assert.ok(ids.filter((i) => i.startsWith('us-co-ccpa:')).length >= 2, ids.join(' | '));
  assert.ok(!ids.some((i) => i.startsWith('ccpa:')), ids.join(' | '));
  // Elsewhere the abbreviation is California's.
  const california = new DocumentDetector(matcher).detect('The company said it complies with the CCPA and honours opt-out requests.');
  assert.deepEqual(
    california.filter((d) => d.kind === 'control').map((d) => d.id),
    ['ccpa'],
  );
});

test('Spain’s LOPDGDD and the Australian Privacy Principles by number', () => {
  assert.deepEqual(found('an infringement classified as serious under Article 73 of Organic Law 3/2018 (LOPDGDD)'), [
    'es-lopdgdd:Organic Law 3/2018 (LOPDGDD)',
  ]);
  assert.deepEqual(found('The LOPDGDD classifies it as serious.'), ['es-lopdgdd:LOPDGDD']);
  const oaic =
    'The Commissioner found that the company breached the Australian Privacy Principles:\n• breached APP 11.2 by keeping documents\n• breached APP 1.2 by failing to implement practices';
  const apps = found(oaic);
  assert.ok(apps.includes('australian-privacy-principles/APP11.2:APP 11.2') || apps.some((a) => a.includes('APP 11.2')), apps.join(' | '));
  assert.ok(
    apps.some((a) => a.includes('APP 1.2')),
    apps.join(' | '),
  );
  // An app store's "APP 2" is not a principle.
  assert.deepEqual(found('Download APP 2 from the store today.'), []);
});

test('Ireland’s NCSC, Pensions Authority, TIBER-IE and NCS Bill; the NHS toolkit; a state’s Department of Justice', () => {
  const irish = new DocumentDetector(matcher)
    .detect(
      'The Central Bank of Ireland works with the National Cyber Security Centre (NCSC) and the Pensions Authority. Tests follow TIBER-IE, and the National Cyber Security Bill gives the NCSC new powers.',
    )
    .filter((d) => d.kind === 'control')
    .map((d) => d.id);
  for (const id of ['central-bank-of-ireland', 'ie-ncsc', 'ie-pensions-authority', 'tiber-ie', 'ie-ncs-bill'])
    assert.ok(irish.includes(id), `${id}: ${irish.join(' ')}`);
  assert.ok(!irish.includes('ncsc'), 'not the UK’s NCSC');
  const uk = new DocumentDetector(matcher)
    .detect('The trust had not completed the NHS Data Security and Protection Toolkit (DSPT), and the UK’s NCSC offered help via GCHQ.')
    .filter((d) => d.kind === 'control')
    .map((d) => d.id);
  assert.ok(uk.includes('nhs-dspt') && uk.includes('ncsc'), uk.join(' '));
  assert.deepEqual(found('Residents may also contact the Oregon Department of Justice.'), ['us-or-ag:Oregon Department of Justice']);
});

test('New York’s Part 500 sections and BitLicense, its breach law, Canada’s provincial PIPAs, IEC 62443, CEN and CENELEC, the RED delegated act', () => {
  const ny = documentFound(
    'DFS found that Corvane violated the DFS Cybersecurity Regulation, 23 NYCRR Part 500, including Section 500.12 and Section 500.17(a), and its BitLicense duties under 23 NYCRR Part 200, and notified the Attorney General under General Business Law § 899-aa. The refund cost $500.12 per customer.',
  );
  for (const want of ['nydfs-500:500.12', 'nydfs-500:500.17(a)', 'nydfs-200:BitLicense', 'us-ny-gbl-899-aa:General Business Law § 899-aa'])
    assert.ok(ny.includes(want), `${want}: ${ny.join(' | ')}`);
  assert.equal(ny.filter((i) => i.startsWith('nydfs-500:500.12')).length, 1, 'a price is not a section');
  const canada = documentFound(
    'The retailer breached Alberta’s Personal Information Protection Act (PIPA) and British Columbia’s Personal Information Protection Act.',
  );
  assert.ok(canada.some((i) => i.startsWith('ca-ab-pipa:')) && canada.some((i) => i.startsWith('ca-bc-pipa:')), canada.join(' | '));
  const cra = documentFound('Harmonised standards from CEN and CENELEC will follow IEC 62443, as the RED delegated act did.');
  for (const id of ['cen', 'cenelec', 'iec-62443', 'eu-red-delegated-act'])
    assert.ok(
      cra.some((i) => i.startsWith(`${id}:`)),
      `${id}: ${cra.join(' | ')}`,
    );
});

test('an owner named right before a shared name decides it, whatever the rest of the document names', () => {
  assert.deepEqual(documentFound('Ireland’s National Cyber Security Centre and the UK’s NCSC both issued advice.'), [
    'ie-ncsc:Ireland’s National Cyber Security Centre',
    'ncsc:NCSC',
  ]);
  assert.deepEqual(documentFound('Ireland’s own National Cyber Security Centre said GCHQ had shared indicators.'), [
    'ie-ncsc:Ireland’s own National Cyber Security Centre',
  ]);
  // Without an owner beside it, the name the document gives elsewhere still decides.
  assert.deepEqual(
    documentFound('The UK National Cyber Security Centre issued advice. Later the National Cyber Security Centre said it was aware.'),
    ['ncsc:UK National Cyber Security Centre', 'ncsc:National Cyber Security Centre'],
  );
});

test('two letters count throughout only where the document defines them for the body', () => {
  const filler = 'The scooters were parked across the city centre and riders used them daily. '.repeat(6);
  const release = `The Dutch Data Protection Authority (Autoriteit Persoonsgegevens, AP) has fined a scooter company.\n\n${filler}\n\nThe company did not report the breach to the AP until October. It has told the AP that it will appeal.`;
  assert.deepEqual(
    documentFound(release).filter((x) => x === 'nl-ap:AP'),
    ['nl-ap:AP', 'nl-ap:AP', 'nl-ap:AP'],
  );
  // Named far away without being defined, two letters stay someone else's ("told the AP").
  const story = `The Dutch DPA fined a scooter company on Tuesday.\n\n${filler}\n\nThe company said it would appeal, a spokesperson told the AP.`;
  assert.deepEqual(documentFound(story), ['nl-ap:Dutch DPA']);
});

test('the securities laws the SEC charges under, the rules under the Exchange Act by number, New Jersey’s NJCCIC, CISA by its cyber-defence words', () => {
  const sec = documentFound(
    'The SEC found that Halvard violated Section 17(a)(2) of the Securities Act of 1933 and Section 13(a) of the Securities Exchange Act of 1934 and Rules 12b-20 and 13a-15(a) thereunder. Its officer caused violations of the Exchange Act and Rule 13a-11.',
  );
  for (const want of [
    'securities-act-1933:Securities Act of 1933',
    'exchange-act-1934:Securities Exchange Act of 1934',
    'exchange-act-1934:Exchange Act',
    'exchange-act-1934:Rule 13a-11',
  ])
    assert.ok(sec.includes(want), `${want}: ${sec.join(' | ')}`);
  assert.ok(
    sec.some((i) => i.startsWith('exchange-act-1934:Rules 12b-20')),
    sec.join(' | '),
  );
  // Without the SEC or the Act, a number of that shape and another country's Act are not these.
  assert.deepEqual(documentFound('Part 12b-20 of the kit and Rule 13a-11 of the club.'), []);
  assert.deepEqual(documentFound('Japan’s Foreign Exchange Act governs cross-border payments.'), []);
  assert.ok(documentFound('The city also notified the NJCCIC.').includes('us-nj-njccic:NJCCIC'));
  assert.ok(documentFound('We shared indicators of compromise with CISA on February 11.').includes('cisa:CISA'));
  assert.deepEqual(documentFound('Our lead auditor holds the CISA and has 12 years of experience.'), []);
});

test('the US bank regulators’ security rules and the FFIEC, Australia’s Essential Eight, IRAP and ASX Listing Rules', () => {
  const bank = documentFound(
    'The OCC found that the bank violated the Interagency Guidelines Establishing Information Security Standards, 12 C.F.R. Part 30, appendix B, and the Computer-Security Incident Notification Rule, 12 C.F.R. Part 53. Examiners used the FFIEC Information Technology Examination Handbook and the Interagency Guidance on Third-Party Relationships: Risk Management, and the Bank Service Company Act lets them examine vendors. Failures under the Interagency Guidelines persisted.',
  );
  for (const want of [
    'interagency-guidelines-information-security:Interagency Guidelines Establishing Information Security Standards',
    'interagency-guidelines-information-security:12 C.F.R. Part 30, appendix B',
    'interagency-guidelines-information-security:Interagency Guidelines',
    'computer-security-incident-notification-rule:12 C.F.R. Part 53',
    'ffiec-it-examination-handbook:FFIEC Information Technology Examination Handbook',
    'interagency-tprm-guidance:Interagency Guidance on Third-Party Relationships: Risk Management',
    'bank-service-company-act:Bank Service Company Act',
  ])
    assert.ok(bank.includes(want), `${want}: ${bank.join(' | ')}`);
  const au = documentFound(
    'Ferncastle requested a trading halt under ASX Listing Rule 3.1 and reports against the Essential Eight maturity model; our platform completed an IRAP assessment.',
  );
  for (const want of ['asx-listing-rules:ASX Listing Rule 3.1', 'essential-eight:Essential Eight', 'irap:IRAP assessment'])
    assert.ok(au.includes(want), `${want}: ${au.join(' | ')}`);
  // Canada's research programme is IRAP too.
  assert.deepEqual(documentFound('The startup received funding from IRAP last spring.'), []);
});

test('“OAG” is the office the document defines it for, even where another state’s office is named nearer', () => {
  const filler = 'The ticket seller kept old records and its alerts went unread for weeks. '.repeat(5);
  const release =
    `An investigation by the Office of the Attorney General (OAG) found that Halvard Tickets did not require multi-factor authentication.\n\n${filler}\n\n` +
    `The New Jersey Division of Consumer Affairs joined the settlement.\n\n${filler}\n\n` +
    'Halvard must send each assessment report to OAG. OAG’s fourth settlement this year, it cites Executive Law § 63(12) and the Stop Hacks and Improve Electronic Data Security (SHIELD) Act.';
  const names = documentFound(`NEW YORK – New York Attorney General Dana Reyes today announced a settlement.\n\n${release}`);
  assert.deepEqual(
    names.filter((x) => x.endsWith(':OAG')),
    ['us-ny-ag:OAG', 'us-ny-ag:OAG'],
  );
  assert.ok(names.includes('us-ny-ag:Office of the Attorney General (OAG)'), names.join(' | '));
  assert.ok(names.includes('us-ny-executive-law-63-12:Executive Law § 63(12)'), names.join(' | '));
  assert.ok(names.includes('us-ny-gbl-899-aa:Stop Hacks and Improve Electronic Data Security (SHIELD) Act'), names.join(' | '));
  // With no office named anywhere, three capitals stay unknown.
  assert.deepEqual(documentFound('The OAG badge was printed on every ticket.'), []);
});

test('cloud certifications of Spain, France and Singapore, NIST’s SSDF and PIPEDA’s principles by number', () => {
  const page =
    'Our Madrid region is certified at the High category of Spain’s Esquema Nacional de Seguridad (ENS), as set out in Royal Decree 311/2022. ' +
    'Our Paris region holds Hébergeur de Données de Santé (HDS) certification. Our Singapore region is certified at Level 3 of the Multi-Tier Cloud Security (MTCS) standard SS 584. ' +
    'Our build pipeline follows NIST’s Secure Software Development Framework.';
  const names = documentFound(page);
  for (const want of [
    'es-ens:Esquema Nacional de Seguridad (ENS)',
    'es-ens:Royal Decree 311/2022',
    'fr-hds:Hébergeur de Données de Santé (HDS)',
    'sg-mtcs:Multi-Tier Cloud Security (MTCS)',
    'sg-mtcs:SS 584',
    'nist-ssdf:NIST’s Secure Software Development Framework',
  ])
    assert.ok(names.includes(want), `${want}: ${names.join(' | ')}`);
  // Alone, the letters are other things: a school, a shipping line's system.
  assert.deepEqual(documentFound('The ENS team met the HDS buyers on Monday.'), []);
  assert.deepEqual(found('Under PIPEDA, Principle 4.7 requires safeguards; the OPC found a breach of Principle 4.1.3 of Schedule 1.'), [
    'pipeda:PIPEDA',
    'pipeda/Principle4.7:Principle 4.7',
    'ca-opc:OPC',
    'pipeda/Principle4.1.3:Principle 4.1.3',
  ]);
});

test('the European Commission counts where it enforces: an infringement procedure’s reasoned opinion, the SCCs it adopts', () => {
  assert.deepEqual(documentFound('In May 2025 the European Commission sent Varnland a reasoned opinion for late transposition.'), [
    'european-commission:European Commission',
  ]);
  assert.deepEqual(documentFound('We rely on the European Commission’s Standard Contractual Clauses for transfers.'), [
    'european-commission:European Commission',
    'sccs:Standard Contractual Clauses',
  ]);
  // As the EU's executive it is no control.
  assert.deepEqual(documentFound('The European Commission presented its work programme on Tuesday.'), []);
});

test('UK GDPR articles by number, where the UK GDPR is named after them or their list; never the EU GDPR’s', () => {
  assert.deepEqual(found('Halvard infringed Article 5(1)(f) and Article 32 of the UK GDPR.'), [
    'uk-gdpr/Article5(1)(f):Article 5(1)(f)',
    'uk-gdpr/Article32:Article 32',
    'uk-gdpr:UK GDPR',
  ]);
  assert.deepEqual(found('It breached Article 33 GDPR.'), ['gdpr/Article33:Article 33', 'gdpr:GDPR']);
});

test('Australia’s 2024 privacy and cyber security Acts and the My Health Records Act; Malaysia’s namesake stays unknown', () => {
  const names = documentFound(
    'Under the Cyber Security Act 2024, Australian businesses must report ransomware payments to the ASD. The Privacy and Other Legislation Amendment Act 2024 added new penalties, and the My Health Records Act 2012 has its own breach rules.',
  );
  for (const want of [
    'au-cyber-security-act-2024:Cyber Security Act 2024',
    'au-privacy-and-other-legislation-amendment-act-2024:Privacy and Other Legislation Amendment Act 2024',
    'au-my-health-records-act-2012:My Health Records Act 2012',
  ])
    assert.ok(names.includes(want), `${want}: ${names.join(' | ')}`);
  assert.deepEqual(
    documentFound('Malaysia passed its Cyber Security Act 2024 to regulate critical infrastructure operators in Kuala Lumpur.'),
    [],
  );
});

test('allied cyber agencies, CISA’s cross-sector goals, CIS Controls and CPGs by number, OMB and its memoranda', () => {
  const advisory = documentFound(
    'CISA, New Zealand’s National Cyber Security Centre (NCSC-NZ) and the Canadian Centre for Cyber Security (Cyber Centre) released this advisory. ' +
      'Each mitigation is mapped to CISA’s Cross-Sector Cybersecurity Performance Goals (CPGs). ' +
      'Agencies should patch KEV-listed vulnerabilities first (CPG 1.E; CIS Control 7). UK organizations can report to NCSC-UK.',
  );
  for (const want of [
    'nz-ncsc:New Zealand’s National Cyber Security Centre (NCSC-NZ)',
    'ca-cccs:Canadian Centre for Cyber Security (Cyber Centre)',
    'cisa-cpgs:Cross-Sector Cybersecurity Performance Goals (CPGs)',
    'cisa-kev:KEV',
    'cisa-cpgs:CPG 1.E',
    'cis-controls:CIS Control 7',
    'ncsc:NCSC-UK',
  ])
    assert.ok(advisory.includes(want), `${want}: ${advisory.join(' | ')}`);
  const audit = documentFound(
    'The Inspector General found that the agency had not met OMB Memorandum M-21-31 and that the Office of Management and Budget (OMB) was told.',
  );
  assert.ok(audit.includes('omb-memoranda:OMB Memorandum M-21-31'), audit.join(' | '));
  assert.ok(audit.includes('omb:Office of Management and Budget (OMB)'), audit.join(' | '));
  // "CISA-certified" is ISACA's qualification: a hyphenated participle keeps only relations.
  assert.deepEqual(documentFound('Our auditor is CISA-certified.'), []);
});

test('FedRAMP’s neighbours: DoD Impact Levels, DISA, TX-RAMP; Brazil’s ANPD regulations and LGPD articles', () => {
  const release = documentFound(
    'Brightkeel holds a FedRAMP High authorization and is pursuing DoD Impact Level 5 (IL5) with the Defense Information Systems Agency (DISA). It also holds TX-RAMP Level 2 certification.',
  );
  for (const want of ['dod-cc-srg:DoD Impact Level 5', 'disa:Defense Information Systems Agency (DISA)', 'tx-ramp:TX-RAMP'])
    assert.ok(release.includes(want), `${want}: ${release.join(' | ')}`);
  const anpd = documentFound(
    'The ANPD fined the chain under art. 48 of the LGPD. The Regulation of Communication of Security Incident, approved by Resolution CD/ANPD nº 15/2024, sets three business days.',
  );
  for (const want of [
    'lgpd:art. 48',
    'anpd-incident-regulation:Regulation of Communication of Security Incident',
    'anpd-incident-regulation:Resolution CD/ANPD nº 15/2024',
  ])
    assert.ok(anpd.includes(want), `${want}: ${anpd.join(' | ')}`);
});

test('a name shortened to its head noun ("the Commission", "the Privacy Commissioner") names what the document last named so', () => {
  const ec = documentFound(
    'The European Commission has fined Marketvale under the Digital Services Act (DSA). The Commission found that Marketvale failed to assess risks, and the Commission’s separate investigation continues.',
  );
  assert.deepEqual(
    ec.filter((x) => x.startsWith('european-commission')),
    ['european-commission:European Commission', 'european-commission:Commission', 'european-commission:Commission'],
  );
  const pcpd = documentFound(
    'The Privacy Commissioner for Personal Data (Privacy Commissioner) investigated the breach. The Privacy Commissioner considered that Kingsridge had not taken all practicable steps.',
  );
  assert.deepEqual(pcpd, [
    'hk-pcpd:Privacy Commissioner for Personal Data',
    'hk-pcpd:Privacy Commissioner',
    'hk-pcpd:Privacy Commissioner',
  ]);
  // Another body of that head in between ends the reach; "the Board of Directors" is a name of its own.
  assert.deepEqual(
    documentFound(
      'The FTC settled with Acme under the FTC Act. The Federal Trade Commission said so. The Public Utilities Commission then opened a case, and the Commission will rule in May.',
    ).filter((x) => x.endsWith(':Commission')),
    [],
  );
  assert.deepEqual(
    documentFound('The European Data Protection Board (EDPB) adopted guidelines. The Board of Directors of Acme met later.').filter((x) =>
      x.includes('Board of'),
    ),
    [],
  );
  // A possessive name is the thing it owns: "the European Commission's Standard Contractual Clauses" names the clauses.
  assert.ok(
    !documentFound('Acme relied on Standard Contractual Clauses under the GDPR. The Commission adopted a decision.').includes(
      'sccs:Commission',
    ),
  );
});

test('insurance regulators and their data security laws; Hong Kong’s PDPO and its principles; Ireland’s Coimisiún na Meán', () => {
  const ct = documentFound(
    'CT.gov Home   Connecticut Insurance Department   News\n\nInsurance Department Fines Ledgemoor\n\nThe Connecticut Insurance Department fined Ledgemoor under the Connecticut Insurance Data Security Law, based on the National Association of Insurance Commissioners’ (NAIC) Insurance Data Security Model Law. The Department found that Ledgemoor did not notify it.',
  );
  for (const want of [
    'us-ct-insurance-department:Insurance Department',
    'us-ct-insurance-department:Connecticut Insurance Department',
    'us-ct-insurance-data-security-law:Connecticut Insurance Data Security Law',
    'naic:National Association of Insurance Commissioners',
    'naic-insurance-data-security-model-law:Insurance Data Security Model Law',
    'us-ct-insurance-department:Department',
  ])
    assert.ok(ct.includes(want), `${want}: ${ct.join(' | ')}`);
  const hk = documentFound(
    'The PCPD found that Kingsridge contravened Data Protection Principle (DPP) 4(1) of the Personal Data (Privacy) Ordinance and served an enforcement notice under section 50(1) of the PDPO.',
  );
  for (const want of [
    'hk-pdpo:Data Protection Principle (DPP) 4(1)',
    'hk-pdpo:Personal Data (Privacy) Ordinance',
    'hk-pdpo:section 50(1)',
    'hk-pdpo:PDPO',
  ])
    assert.ok(hk.includes(want), `${want}: ${hk.join(' | ')}`);
  assert.ok(
    documentFound('Coimisiún na Meán is Ireland’s Digital Services Coordinator under the DSA.').includes('ie-cnam:Coimisiún na Meán'),
  );
});

test('HITRUST’s assessments by their short names where HITRUST is named; Michigan’s Department of Attorney General', () => {
  const found = documentFound('Acme earned HITRUST r2 certification. Compared with our 2024 i1, the r2 took twice as long.');
  assert.deepEqual(
    found.filter((x) => x.startsWith('hitrust')),
    ['hitrust:HITRUST r2', 'hitrust:i1', 'hitrust:r2'],
  );
  assert.deepEqual(documentFound('The r2 and i1 ratings of the bond were cut.'), []);
  assert.ok(
    documentFound('The Michigan bill would be enforced by the Department of Attorney General.').includes(
      'us-mi-ag:Department of Attorney General',
    ),
  );
});

test('Ontario’s PHIPA and its sections, FinCEN and the BSA, MAS and Singapore’s PSA, Belgium’s NBB and CCB, PSD2 and EBA guidelines, the BSI Act, NIS2UmsuCG and IT-Grundschutz', () => {
  const ipc = documentFound(
    'The hospital is a custodian under the Personal Health Information Protection Act, 2004 (PHIPA or the Act). It breached section 12(1) of PHIPA and Section 12(2) of the Act.',
  );
  for (const want of [
    'ca-on-phipa:Personal Health Information Protection Act, 2004',
    'ca-on-phipa:section 12(1)',
    'ca-on-phipa:Section 12(2)',
  ])
    assert.ok(ipc.includes(want), `${want}: ${ipc.join(' | ')}`);
  const more = documentFound(
    'We reported the addresses to FinCEN under the Bank Secrecy Act and told the Monetary Authority of Singapore (MAS), which licenses us under the Payment Services Act 2019. ' +
      'The National Bank of Belgium and the Centre for Cybersecurity Belgium (CCB) were told under PSD2 and the EBA Guidelines on major incident reporting. ' +
      'Section 8b of the BSI Act, as amended by the NIS2UmsuCG, applies; IT-Grundschutz remains the basis.',
  );
  for (const want of [
    'fincen:FinCEN',
    'bsa:Bank Secrecy Act',
    'sg-mas:Monetary Authority of Singapore (MAS)',
    'sg-psa:Payment Services Act 2019',
    'be-nbb:National Bank of Belgium',
    'be-ccb:Centre for Cybersecurity Belgium (CCB)',
    'psd2:PSD2',
    'eba-gl-psd2-incident-reporting:EBA Guidelines on major incident reporting',
    'de-bsig:BSI Act',
    'de-nis2umsucg:NIS2UmsuCG',
    'bsi-it-grundschutz:IT-Grundschutz',
  ])
    assert.ok(more.includes(want), `${want}: ${more.join(' | ')}`);
});

test('Switzerland’s revised FADP, its ordinance and their articles; India’s DPDP Rules, Data Protection Board, RBI and IT Act; EUCC; the CFAA', () => {
  const ch = documentFound(
    'The FDPIC found that LimmatPay breached Art. 8 FADP and Art. 3 of the Data Protection Ordinance (DPO) under the revised Federal Act on Data Protection (FADP; SR 235.1).',
  );
  for (const want of [
    'ch-fadp:Art. 8',
    'ch-dpo:Art. 3',
    'ch-dpo:Data Protection Ordinance (DPO)',
    'ch-fadp:Federal Act on Data Protection',
  ])
    assert.ok(ch.includes(want), `${want}: ${ch.join(' | ')}`);
  const india = documentFound(
    'Trivarna informed CERT-In under Section 70B(6) of the Information Technology Act, 2000, and the Reserve Bank of India. The Digital Personal Data Protection Rules, 2025 do not yet bind it, but it wrote to the Data Protection Board of India. The Board cannot proceed yet.',
  );
  for (const want of [
    'in-it-act:Information Technology Act, 2000',
    'rbi:Reserve Bank of India',
    'dpdp-rules:Digital Personal Data Protection Rules, 2025',
    'in-dpb:Data Protection Board of India',
    'in-dpb:Board',
  ])
    assert.ok(india.includes(want), `${want}: ${india.join(' | ')}`);
  const more = documentFound(
    'ENISA runs the EUCC scheme. Good-faith research under the Computer Fraud and Abuse Act (CFAA) is not charged.',
  );
  for (const want of ['eu-eucc:EUCC scheme', 'cfaa:Computer Fraud and Abuse Act (CFAA)'])
    assert.ok(more.includes(want), `${want}: ${more.join(' | ')}`);
});

test('an article number two laws share goes to the law the text names, near it or further up', () => {
  // The joined identifier expression takes "Article 46" as PIPA's (the first pattern that
  // matches); the LGPD's reading, hidden behind it, counts where the LGPD is named.
  assert.deepEqual(found('The ANPD found breaches of Article 46 and Article 48 of the LGPD.'), [
    'anpd:ANPD',
    'lgpd/Article46:Article 46',
    'lgpd/Article48:Article 48',
    'lgpd:LGPD',
  ]);
  assert.deepEqual(found('The PIPC found a breach of Article 29 of PIPA.'), [
    'kr-pipc:PIPC',
    'kr-pipa/Article29:Article 29',
    'kr-pipa:PIPA',
  ]);
  const far = `# Decision\n\nThe ANPD opened proceedings under the LGPD.\n\n${filler(600)}\n\nThe company breached Article 46.\n`;
  assert.deepEqual(ids(far), ['Article46']);
  assert.deepEqual(
    found(far).filter((f) => f.includes('Article')),
    ['lgpd/Article46:Article 46'],
  );
  assert.deepEqual(ids(`${filler(600)}\n\nThe company breached Article 46.\n`), [], 'no law named: no article');
});

test('“the Bill”, “the Framework” shorten the bill or framework the document last named', () => {
  assert.deepEqual(
    documentFound(
      'The committee welcomes the Cyber Security and Resilience Bill. The Bill is a necessary step, but the Bill of Rights is not.',
    ),
    ['uk-cyber-security-resilience-bill:Cyber Security and Resilience Bill', 'uk-cyber-security-resilience-bill:Bill'],
  );
});

test('“the Commission” shortens a name whose head comes first, and a date after it does not make it another name', () => {
  assert.deepEqual(
    documentFound(
      'Commission d’accès à l’information du Québec\n\nThe enterprise reported the incident to the Commission on August 11, 2025. The Commission finds that the notice came late.',
    ),
    ['ca-qc-cai:Commission d’accès à l’information du Québec', 'ca-qc-cai:Commission', 'ca-qc-cai:Commission'],
  );
  // "the Commission on Human Rights" still names another body.
  assert.deepEqual(
    documentFound(
      'Commission d’accès à l’information du Québec\n\nThe complaint went to the Commission on Human Rights. The Commission finds that the notice came late.',
    ),
    ['ca-qc-cai:Commission d’accès à l’information du Québec'],
  );
});

test('“the Commission” after a body given a short form of its own still means the Commission named plainly', () => {
  // The writer goes on with "the FTC"; "the Commission" is the European Commission's own.
  assert.deepEqual(
    documentFound(
      'The European Commission adopted its adequacy decision report. It met the Federal Trade Commission (FTC). The Commission also received submissions. The FTC closed two cases.',
    ),
    ['european-commission:European Commission', 'ftc:Federal Trade Commission (FTC)', 'european-commission:Commission', 'ftc:FTC'],
  );
  // With no other commission named, "the Commission" is the FTC.
  assert.deepEqual(documentFound('The Federal Trade Commission (FTC) sued the broker. The Commission voted 3-0.'), [
    'ftc:Federal Trade Commission (FTC)',
    'ftc:Commission',
  ]);
});

test('“the Office of the PDPC” after the Office named in full is that Office again, and keeps “the Office” in reach', () => {
  const found = documentFound(
    'The Office of the Personal Data Protection Committee (PDPC) fined the hospital under the PDPA. It must send a plan to the Office of the PDPC by November. He said the Office received 27 reports.',
  );
  assert.deepEqual(
    found.filter((f) => f.startsWith('th-pdpc:')),
    ['th-pdpc:Office of the Personal Data Protection Committee (PDPC)', 'th-pdpc:Office', 'th-pdpc:PDPC', 'th-pdpc:Office'],
  );
});

test('a term defined in brackets after a name joins it, and names it later', () => {
  assert.deepEqual(
    documentFound('Claims arise under the Securities Exchange Act of 1934 (the “Exchange Act”). The Exchange Act applies.'),
    ['exchange-act-1934:Securities Exchange Act of 1934 (the “Exchange Act”)', 'exchange-act-1934:Exchange Act'],
  );
  assert.deepEqual(documentFound('The Federal Trade Commission ("FTC") sued the broker.'), ['ftc:Federal Trade Commission ("FTC")']);
});

test('“the Act” and “the Regulations” shorten names that end in their year', () => {
  assert.deepEqual(
    documentFound(
      'Ofcom fined the provider under the Telecommunications (Security) Act 2021 and the Electronic Communications (Security Measures) Regulations 2022. The Act sets duties, and the provider failed to comply with the Regulations.',
    ),
    [
      'ofcom:Ofcom',
      'uk-telecoms-security-act:Telecommunications (Security) Act 2021',
      'uk-telecoms-security-regulations:Electronic Communications (Security Measures) Regulations 2022',
      'uk-telecoms-security-act:Act',
      'uk-telecoms-security-regulations:Regulations',
    ],
  );
});

test('“the Directions”, “the Rules”, “the Guidelines” shorten the directions, rules or guidelines last named', () => {
  assert.deepEqual(
    documentFound('CERT-In issued its Cyber Security Directions in April 2022. The Directions require reports within six hours.'),
    ['cert-in:CERT-In', 'cert-in-directions-2022:Cyber Security Directions', 'cert-in-directions-2022:Directions'],
  );
});

test('a short form defined in a bracket with "the" names its body later, whatever the body’s own words', () => {
  assert.deepEqual(
    documentFound(
      'Ley 21.719 creates the Agencia de Protección de Datos Personales (the “Agency”). The new Agency is an autonomous body. Companies must report to the Agency within 72 hours.',
    ),
    ['cl-law-21719:Ley 21.719', 'cl-apdp:Agencia de Protección de Datos Personales', 'cl-apdp:Agency', 'cl-apdp:Agency', 'cl-apdp:Agency'],
  );
  // Without the bracket, a Spanish name is no antecedent of "the Agency".
  assert.deepEqual(documentFound('The Agencia de Protección de Datos Personales opens in 2026. The Agency will hire staff.'), [
    'cl-apdp:Agencia de Protección de Datos Personales',
  ]);
});

test('"the Bank" and "the Center" shorten a central bank’s and a centre’s names; a web address is no name', () => {
  assert.deepEqual(documentFound('The lender told the Bank of Ghana (BoG) on Monday. The Bank said it was reviewing the report.'), [
    'gh-bog:Bank of Ghana (BoG)',
    'gh-bog:Bank',
  ]);
  assert.deepEqual(
    documentFound('NakhlaPay notified the Personal Data Protection Center (PDPC). The Center confirmed it had received the notice.'),
    ['eg-pdpc:Personal Data Protection Center (PDPC)', 'eg-pdpc:Center'],
  );
  assert.deepEqual(documentFound('Read the notice on FINRA.org. FINRA fined the firm.'), ['finra:FINRA']);
});

test('"the Bank" a company gives itself stays the company; a term defined after a law is not the law', () => {
  assert.deepEqual(
    documentFound(
      'Qimam Bank (“Qimam” or “the Bank”) is supervised by the Saudi Central Bank (SAMA). The Bank’s data centres are in Riyadh.',
    ),
    ['sa-sama:Saudi Central Bank (SAMA)'],
  );
  assert.ok(
    !documentFound(
      'CERT-In issued directions under section 70B(6) of the Information Technology Act, 2000 (the “Directions”). The Directions came into force in June.',
    ).some((f) => f.endsWith(':Directions')),
  );
});
