import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { detectClaims } from '../../../src/core/detect/claims';
import { splitBlocks } from '../../../src/core/text/blocks';
import type { ClaimDetection, ClaimType } from '../../../src/core/model';

function only(text: string): ClaimDetection {
  const claims = detectClaims(text);
  assert.equal(claims.length, 1, `one claim in ${JSON.stringify(text)}, got ${JSON.stringify(claims.map((c) => c.text))}`);
  return claims[0] as ClaimDetection;
}

function none(text: string): void {
  const claims = detectClaims(text);
  assert.deepEqual(
    claims.map((c) => c.text),
    [],
    `no claim in ${JSON.stringify(text)}`,
  );
}

function typeOf(text: string): ClaimType {
  return only(text).type;
}

test('commitments: promises, plans, goals and work under way', () => {
  const cases = [
    'We will open a second data centre in Frankfurt next year.',
    'Our goal is to cut response times to under an hour.',
    'The company intends to publish a transparency report twice a year.',
    'Acme plans to move all customer data to servers in Canada.',
    'The bank is working on a new fraud detection system.',
    'Globex has always been committed to protecting its customers.',
    'We’ll continue to expand our bug bounty programme.',
    'We are building a dedicated incident response team in Dublin.',
  ];
  for (const c of cases) assert.equal(typeOf(c), 'commitment', c);
});

test('assertions: facts, reported statements, numbers and dates', () => {
  const cases = [
    'In March, the company announced the opening of a lab in Austin, Texas.',
    'Initech acquired the start-up in 2021 for $40 million.',
    'According to the filing, the firm employs about 3,000 people.',
    'Over the past two years, phishing reports have risen sharply.',
    'All customer data is encrypted at rest using AES-256.',
    'Hooli stores backups in data centres located in Ireland and Finland.',
  ];
  for (const c of cases) assert.equal(typeOf(c), 'assertion', c);
});

test('denials: something did not or does not happen', () => {
  const cases = [
    'The company said it did not share any data with the agency.',
    'We found no evidence that customer records were accessed.',
    'Vandelay has denied the allegations in a statement on Monday.',
    'Passwords never leave the user’s device.',
    'We do not sell personal information to advertisers.',
  ];
  for (const c of cases) assert.equal(typeOf(c), 'denial', c);
});

test('comparisons: superlatives and comparisons with others', () => {
  const cases = [
    'Umbrella offers best-in-class encryption for stored files.',
    'Our review process goes beyond what most vendors in the market offer.',
    'Stark is among the largest cloud providers in Latin America.',
    'The new scanner finds flaws three times faster than the old one.',
    'Wayne Security was the first company in the region to offer hardware keys.',
  ];
  for (const c of cases) assert.equal(typeOf(c), 'comparison', c);
});

test('a plan that mentions a superlative is a commitment', () => {
  assert.equal(typeOf('We will hire the world’s top security researchers by June.'), 'commitment');
});

test('cues name the words that made the claim', () => {
  const c = only('Acme plans to move all customer data to servers in Canada by 2025.');
  assert.ok(
    c.cues.some((q) => /plans to/i.test(q)),
    JSON.stringify(c.cues),
  );
  assert.ok(c.cues.includes('2025'), JSON.stringify(c.cues));
  assert.ok(c.confidence > 0 && c.confidence <= 1);
});

test('opinions, feelings, hopes, pleasantries and truisms are not claims', () => {
  none('A better-informed public is good news for everyone.');
  none('We appreciate it when researchers ask hard questions.');
  none('We hope you enjoy the new features as much as we do.');
  none('We are looking forward to hearing from our users.');
  none('We’re here for you.');
  none('Trust is the foundation of every relationship.');
  none('It is great news for all of our fans.');
  none('And we can do that most effectively together.');
});

test('a feeling followed by an announcement keeps the announcement', () => {
  const c = only('We’re thrilled to share that we will open an office in Lagos.');
  assert.equal(c.type, 'commitment');
});

test('questions and calls to action are not claims', () => {
  none('Will the company open more offices next year?');
  none('Did the firm really delete 2 million records?”');
  none('If you have any questions, please let us know.');
  none('Click here to download the 2024 report.');
  none('Subscribe to our newsletter for weekly updates.');
});

test('boilerplate is not a claim', () => {
  none('Leave a Reply\n\nYour email address will not be published. Required fields are marked *');
  none('© 2024 Example Corp. All rights reserved.');
  none('This site uses cookies to improve your experience.');
  none('(Reporting by Jane Doe; Editing by John Smith)');
});

test('headings, bylines and captions are not claims', () => {
  none('Acme Will Encrypt All Data By 2025');
  none('# We will hire 100 engineers');
  none('By Jane Doe, Security Desk, Acme');
  none('Image: Reuters |');
  none('PHOTO: Acme headquarters in 2020 |');
});

test('a short imperative bullet is a commitment in a list about plans', () => {
  const text = 'Our roadmap for the coming year:\n\n• Build best-in-class key management\n• Achieve FedRAMP authorization\n• Stay curious';
  const claims = detectClaims(text);
  assert.deepEqual(
    claims.map((c) => [c.text, c.type]),
    [
      ['Build best-in-class key management', 'commitment'],
      ['Achieve FedRAMP authorization', 'commitment'],
    ],
  );
});

test('the same bullets without a plan context are not commitments', () => {
  const text = 'Things our readers mentioned:\n\n• Build best-in-class key management\n• Achieve FedRAMP authorization';
  for (const c of detectClaims(text)) assert.notEqual(c.type, 'commitment', c.text);
});

test('hedges are reported', () => {
  const c = only('The breach may have exposed the records of 4,000 customers, the company reportedly said.');
  assert.deepEqual(c.hedges, ['may', 'reportedly']);
  assert.deepEqual(only('Attackers allegedly accessed servers in 2023.').hedges, ['allegedly']);
  assert.deepEqual(only('The company could face fines of up to 4% of revenue.').hedges, ['could']);
  assert.deepEqual(only('The company might move its data to Europe, officials said.').hedges, ['might']);
  assert.deepEqual(only('The audit was completed in May 2023.').hedges, [], 'May the month is no hedge');
});

test('offsets match the text with NBSP, curly quotes, CRLF and an emoji', () => {
  const text =
    '\uFEFF🔒 We\u00a0will encrypt all backups by\u00a0June.\r\n\r\n“We did not sell any data,” the company said.\r\n😀 Acme acquired Initech in 2022.';
  const claims = detectClaims(text);
  assert.equal(claims.length, 3);
  for (const c of claims) assert.equal(text.slice(c.start, c.end), c.text);
  assert.equal(claims[0]?.text, 'We\u00a0will encrypt all backups by\u00a0June.');
  assert.deepEqual(
    claims.map((c) => c.type),
    ['commitment', 'denial', 'assertion'],
  );
});

test('abbreviations do not split a claim and glued sentences are two', () => {
  const claims = detectClaims('The U.S. unit of Acme Corp. hired 50 staff in Washington, D.C. last year.It will hire 20 more.');
  assert.deepEqual(
    claims.map((c) => c.text),
    ['The U.S. unit of Acme Corp. hired 50 staff in Washington, D.C. last year.', 'It will hire 20 more.'],
  );
});

test('precomputed blocks give the same result, and `within` limits the blocks reported', () => {
  const text = 'We will hire 100 engineers.\n\nAcme acquired Initech in 2022.\n\nThe firm did not share data.';
  const blocks = splitBlocks(text);
  assert.deepEqual(detectClaims(text, { blocks }), detectClaims(text));
  const second = text.indexOf('Acme');
  const within = detectClaims(text, { within: { start: second, end: second + 4 } });
  assert.deepEqual(
    within.map((c) => c.text),
    ['Acme acquired Initech in 2022.'],
  );
});

test('property: claims are ordered, in range, match the text and have sane fields', () => {
  const sentence = fc.constantFrom(
    'We will hire 100 engineers in Austin.',
    'Acme did not share data.',
    'It is great news!',
    'Is it true?',
    'Stark is the largest provider.',
    '“We will comply,” she said.',
    'Mr. Li said it grew 5%.',
    '• Build a new lab',
    '# Heading',
    'By Jo Li, Acme',
    '🔒',
    '\u00a0',
    '\r\n',
    '\n\n',
    'Please subscribe.',
  );
  fc.assert(
    fc.property(fc.array(sentence, { maxLength: 30 }), (parts) => {
      const text = parts.join(' ');
      let last = 0;
      for (const c of detectClaims(text)) {
        assert.equal(c.kind, 'claim');
        assert.ok(c.start >= last && c.end > c.start && c.end <= text.length);
        assert.equal(text.slice(c.start, c.end), c.text);
        assert.ok(c.confidence >= 0 && c.confidence <= 1);
        assert.ok(c.cues.length > 0);
        last = c.end;
      }
    }),
  );
});

test('property: detecting block by block with `within` gives what one pass gives', () => {
  const line = fc.constantFrom(
    'By Jo Li, Trust and Safety, Acme',
    'Our plans for next year:',
    '• Build best-in-class key management',
    '• Stay curious',
    'We will hire 100 engineers in Austin.',
    'She said it would comply.',
    '“We will comply,” said Dana Kim. “We always have.”',
    'COMPANY NEWS',
    '',
    '',
    'Acme did not share data.',
  );
  fc.assert(
    fc.property(fc.array(line, { maxLength: 20 }), (lines) => {
      const text = lines.join('\n');
      const blocks = splitBlocks(text);
      const whole = detectClaims(text, { blocks });
      const pieces = blocks
        .filter((b) => b.kind !== 'blank')
        .flatMap((b) => detectClaims(text, { blocks, within: { start: b.start, end: b.end } }));
      assert.deepEqual(pieces, whole);
    }),
  );
});

test('advisories’ disclaimers, mitigations addressed to the reader and footers of links are no claims', () => {
  for (const s of [
    'This report is provided for information only and without warranty of any kind.',
    'Mention of a vendor or product does not mean that any authoring agency endorses it.',
    'Use of this advisory is subject to the agency’s Notification and Privacy & Use policies.',
    'The conversation has been edited for length and clarity.',
    'Actual results may differ materially because of risks described in our annual report.',
    'U.S. organizations are encouraged to report incidents to CISA at report.cisa.gov.',
    'Upgrade the appliances to firmware 9.4.3 or later, and patch exploited vulnerabilities first.',
    'Treat any appliance exposed before August 4, 2026 as compromised and rotate every credential it stored.',
    'Require phishing-resistant multifactor authentication for all remote access.',
    '© 2026 PerimeterWire Media LLC · Privacy · Terms · Cookie settings',
  ])
    none(s);
  // The same verbs in a statement of what someone did stay claims.
  assert.equal(typeOf('The company upgraded every appliance to firmware 9.4.3 in March 2026.'), 'assertion');
});

test('types from releases and reports: obligations with a deadline, reported negations, precedents', () => {
  assert.equal(typeOf('The corrective measures must be proven within 30 business days, including a review of the plan.'), 'commitment');
  assert.equal(typeOf('If Fietsvast has not done so by 1 January 2027, it must pay a penalty of €25,000 for every week.'), 'commitment');
  // "approved by a second engineer" names no deadline.
  assert.deepEqual(
    detectClaims(
      'Access is granted just in time, for at most four hours, and must be approved by a second engineer; today 17 people may ask.',
    ).map((c) => c.type),
    ['assertion'],
  );
  assert.equal(typeOf('No bank account numbers were in the support system, which the attacker never touched.'), 'denial');
  assert.equal(typeOf('Orvanta has told the authoring agencies that a factory reset does not remove GATEKNOT.'), 'denial');
  assert.equal(typeOf('The CIO also stated that no departed employee accessed the system after separation.'), 'denial');
  assert.equal(typeOf('It is not the first time that the chain is the object of action by the Authority.'), 'assertion');
  // A negation inside a "because" clause, past a bracketed aside, is not what the item denies.
  assert.equal(
    typeOf(
      'A warning for infraction of art. 41, because the channel of the Encarregado (data protection officer) did not answer requests.',
    ),
    'assertion',
  );
});

test('an organisation’s actions told in the past are claims: "led the case and coordinated it"', () => {
  assert.equal(
    typeOf('Because Belgian customers were also affected, the AP led the case and coordinated it with the Belgian authority.'),
    'assertion',
  );
  assert.equal(typeOf('In the spring, the AP requested documents from Fietsvast and interviewed staff.'), 'assertion');
});

test('"neither admitted nor denied" is a denial, long lead-ins state something, orders "including by:" list commitments, newsletter chrome is none', () => {
  assert.equal(typeOf('Wrenport neither admitted nor denied the OAG’s findings.'), 'denial');
  assert.equal(
    typeOf('Without admitting or denying the SEC’s findings, Meridale agreed to pay a civil penalty of $4.75 million.'),
    'commitment',
  );
  const notice = detectClaims(
    [
      'On 23 September 2026, the Privacy Commissioner served an enforcement notice on Kingsridge under section 50(1) of the PDPO, directing it to remedy the contraventions and to prevent their recurrence, including by:',
      '',
      '(a) engaging an independent data security expert to review its information systems;',
      '(b) erasing the personal data of former members that are no longer required.',
    ].join('\n'),
  );
  assert.deepEqual(
    notice.map((c) => c.type),
    ['assertion', 'commitment', 'commitment'],
  );
  none('Under the consent judgment, Tamarack must:');
  for (const s of [
    'You’re receiving it because you signed up at patchline.news.',
    'The Patchline goes out every Friday.',
    'Patchline readers get 20% off the first year.',
  ])
    none(s);
});

test('a legal notice’s options, captions and disclaimers are no claims; circled numbers make a list', () => {
  for (const s of [
    'EXCLUDE YOURSELF — Get no payment.',
    'OBJECT — Tell the Court what you do not like about the Settlement.',
    'Deadline: postmarked by October 2, 2026.',
    'This is not a solicitation from a lawyer.',
    'You have a right to know about the proposed Settlement before the Court decides whether to approve it.',
    'In re Larkspur Diagnostics Data Security Incident Litigation, Case No. 1:25-cv-04417',
    'Mail a signed letter saying you want to be excluded from the settlement.',
  ])
    none(s);
  // A dateline before a dash is news, not an option.
  assert.equal(typeOf('WASHINGTON — The FTC said on Tuesday that it had fined Acme $2 million.'), 'assertion');
  assert.deepEqual(
    detectClaims(
      [
        'The PPC instructed the Company to:',
        '① introduce multi-factor authentication for all systems that handle personal data;',
        '② train its officers and employees on the handling of personal data.',
      ].join('\n'),
    ).map((c) => c.type),
    ['commitment', 'commitment'],
  );
});

test('orders whose items open with their deadline, and objectives named as what follows, are commitments', () => {
  assert.deepEqual(
    detectClaims(
      [
        'For the foregoing reasons, under section 61(1)(c) of PHIPA, I order the hospital to:',
        '',
        '1. Within 60 days of the date of this decision, send a further written notice to each affected individual.',
        '2. By June 30, 2026, require multi-factor authentication for all remote access.',
      ].join('\n'),
    ).map((c) => c.type),
    ['commitment', 'commitment'],
  );
  assert.deepEqual(
    detectClaims(
      [
        'The Board has approved the following objectives for the coming year:',
        '• reduce the number of critical ICT services without a tested exit strategy from 11 to zero by the end of 2026;',
        '• extend ISO/IEC 27001 certification to the Dutch branch.',
      ].join('\n'),
    ).map((c) => c.type),
    ['commitment', 'commitment'],
  );
});

test('footnotes and a policy’s rules for researchers are no claims', () => {
  for (const s of [
    '¹ ENISA, ETL methodology, version 2.1, 12.07.2026.',
    'Never run a payroll against a real bank account.',
    'Email security@torrelane.com or submit through our bug bounty program.',
  ])
    none(s);
  assert.equal(typeOf('Never has the company paid a ransom, it said on Friday.'), 'denial');
});
