// Claims in text as it arrives from the web: site furniture, lead-ins, the writer's own
// view, reported intentions and imposed obligations, trust-page fragments. Every sentence
// here is written for this test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectClaims } from '../../../src/core/detect/claims';
import { DocumentDetector } from '../../../src/core/detect';
import type { ClaimType } from '../../../src/core/model';

function claimTexts(text: string): string[] {
  return detectClaims(text).map((c) => c.text);
}

function typeOf(text: string): ClaimType | undefined {
  const claims = detectClaims(text);
  assert.ok(claims.length <= 1, `at most one claim in ${JSON.stringify(text)}: ${JSON.stringify(claims.map((c) => c.text))}`);
  return claims[0]?.type;
}

test('site furniture, read times, bylines and reposting notes are not claims', () => {
  const page = [
    'This site uses cookies to measure traffic. Accept all | Reject | Manage settings',
    'Home / Newsroom / Press releases / 2026',
    'Harbourline fined £1.2 million after a phishing attack exposed 40,000 customer records',
    'By Mina Castell',
    'March 3, 20264 min read',
    'Share',
    '',
    'Harbourline Energy said on Monday that it had notified 40,000 customers.',
    '',
    'Originally published on the Harbourline blog on March 2, 2026.',
    'Mina Castell covers privacy and security.',
    'Get the latest breach news delivered to your inbox every Friday.',
    'Media enquiries: press office, 0207 946 0000.',
  ].join('\n');
  assert.deepEqual(claimTexts(page), ['Harbourline Energy said on Monday that it had notified 40,000 customers.']);
});

test('a short label above text is its own block, and headlines in a list are not claims', () => {
  const page = [
    'What the company has agreed to do',
    'Harbourline will retain an independent assessor by June 2026.',
    '',
    'Related',
    'Regulator fines water utility over 2024 ransomware attack',
    'What the new breach rules mean for small lenders',
    'Insurers are rewriting their cyber exclusions, brokers warn',
  ].join('\n');
  assert.deepEqual(claimTexts(page), ['Harbourline will retain an independent assessor by June 2026.']);
});

test('hard-wrapped prose still reads as one paragraph', () => {
  const text =
    'The company said on Tuesday that it had told the Information\nCommissioner about the breach and would write to every customer\nwhose records were taken. It declined to say how many.';
  const claims = claimTexts(text);
  assert.equal(claims.length, 2);
  assert.ok(claims[0]?.startsWith('The company said on Tuesday'));
});

test('a lead-in that ends in a colon is not a claim; what follows may be', () => {
  assert.equal(typeOf('As the company explained in its filing on Friday:'), undefined);
  assert.equal(typeOf('Harbourline has told the regulator it will:'), undefined);
});

test('the writer’s own view and forecasts are not claims', () => {
  for (const s of [
    'It remains to be seen whether the regulator will use its new fining powers in 2027.',
    'In my view, a fine of this size will change little at a company of that scale.',
    'I suspect most lenders will struggle to meet the deadline.',
    'It is hard to see why a lender needs to keep a customer’s selfie for seven years.',
    'The question will likely come up again when the regulator opens a formal inquiry.',
  ]) {
    assert.equal(typeOf(s), undefined, s);
  }
  // A source's hedged plan is still reported as one.
  assert.equal(typeOf('Harbourline said it will likely finish the migration by March.'), 'commitment');
});

test('regret, apologies and advice to the reader are not claims', () => {
  for (const s of [
    '“We deeply regret this incident,” the chief executive said in a statement.',
    'We sincerely apologise for the concern this may cause.',
    'We encourage you to turn on two-factor authentication for your account.',
    'If you notice charges you did not make, contact your bank right away.',
    'Customers who want to know whether they are affected can contact the support line.',
    'By subscribing you agree to our terms of use.',
  ]) {
    assert.equal(typeOf(s), undefined, s);
  }
});

test('reported intentions and obligations someone took on are commitments', () => {
  for (const s of [
    'The company said it would begin writing to affected customers on Monday.',
    'Harbourline agreed to retain an independent compliance consultant within 60 days.',
    'The settlement requires Harbourline to encrypt all customer data at rest.',
    'The regulator ordered the company to delete the recordings within three months.',
    'The company must also hire a qualified third party to assess its controls.',
    'Harbourline is required to report its progress to the board every quarter.',
    'A readiness assessment is scheduled for the third quarter of 2026.',
    'We expect authorization from the sponsoring agency in the first half of 2026.',
    'The lender is offering to pay for replacement identity documents.',
    'Harbourline is in the process of obtaining ISO 27001 certification.',
  ]) {
    assert.equal(typeOf(s), 'commitment', s);
  }
});

test('denials are made by the main clause, not by a clause inside it', () => {
  for (const s of [
    'The company said none of its other customers were affected.',
    'A spokesperson declined to say how the attackers got in.',
    'The core platform was not affected by the attack.',
    'Harbourline’s former chief executive has not agreed to settle the charges.',
    '“We have found nothing showing that the data has been misused,” the hospital said.',
    // Opening the sentence, "did not … until" says what was not done in time.
    'Harbourline did not complete a transfer impact assessment until February 2024.',
  ]) {
    assert.equal(typeOf(s), 'denial', s);
  }
  for (const s of [
    'The attackers logged in with the password of a former employee whose account had never been disabled.',
    'We caught the intrusion because a customer asked about a change they did not recognise.',
    // After what was done, it dates the next step.
    'Harbourline learned of the breach on 14 January 2024 but did not notify the regulator until 29 January 2024.',
    'Without admitting or denying the findings, Harbourline agreed to pay a $3 million penalty.',
    'Production access is granted just in time for no more than four hours.',
  ]) {
    assert.notEqual(typeOf(s), 'denial', s);
  }
});

test('list items that complete a lead-in ending in "will:" are commitments', () => {
  const text = [
    'Harbourline has told us it will:',
    '• delete the scans of rejected applicants within 30 days;',
    '• require multi-factor authentication on all remote access by 31 December 2026; and',
    '• commission an independent assessment of its controls.',
  ].join('\n');
  const claims = detectClaims(text);
  assert.equal(claims.length, 3);
  for (const c of claims) assert.equal(c.type, 'commitment', c.text);
});

test('trust-page fragments that state a practice are claims', () => {
  for (const s of [
    'All sessions are logged.',
    'Quarterly third-party penetration test.',
    'Encryption at rest (AES-256) and in transit (TLS 1.3).',
    'Full disk encryption on every company laptop.',
    'Two-engineer code review on every change to production.',
  ]) {
    assert.equal(typeOf(s), 'assertion', s);
  }
  // Naming a practice is not enough: a heading or a generic sentence about one is not a claim.
  assert.equal(typeOf('Encryption'), undefined);
});

test('what a breach exposed and what an attacker did are claims', () => {
  assert.equal(typeOf('The files held names, dates of birth and medical record numbers.'), 'assertion');
  assert.equal(typeOf('An unauthorized third party obtained access to a customer support tool.'), 'assertion');
  assert.equal(typeOf('The regulator charged the former security chief with fraud.'), 'assertion');
});

test('where a product stands against a standard is a claim', () => {
  for (const s of [
    'Our hosting provider is fully compliant with the CISPE Code of Conduct.',
    'Harbourline is a HIPAA-compliant booking platform for dental practices.',
    'Penetration test summaries are available under NDA on request.',
  ]) {
    assert.equal(typeOf(s), 'assertion', s);
  }
});

test('a witness’s remarks about the testimony itself are not claims', () => {
  for (const s of [
    'I am here to explain what happened and what we will do next.',
    'I want to be precise about what was not taken.',
    'I know that apologies do not undo the harm.',
    'Let me turn to what we have changed.',
  ]) {
    assert.deepEqual(claimTexts(s), [], s);
  }
});

test('a headline under a menu bar and a filing’s item heading are not claims', () => {
  const page = [
    'Home > News > Press releases',
    'Regulator announces €2 million fine on Harbourline Energy following a binding decision',
    '',
    'Item 1.05 Material Cybersecurity Incidents.',
    '',
    'On March 2, 2026, Harbourline Energy detected unauthorised access to its billing systems.',
  ].join('\n');
  assert.deepEqual(claimTexts(page), ['On March 2, 2026, Harbourline Energy detected unauthorised access to its billing systems.']);
});

test('a headline over its deck, each without a full stop, is not a claim however long', () => {
  const page = [
    'Attorney General Ortega announces $3.2 million settlement with Marlow Payroll Services over its 2024 data breach',
    'Payroll processor must rebuild its access controls after intruders copied the tax records of 410,000 workers',
    '',
    'DENVER — Attorney General Luis Ortega today announced a $3.2 million settlement with Marlow Payroll Services.',
  ].join('\n');
  assert.deepEqual(claimTexts(page), [
    'DENVER — Attorney General Luis Ortega today announced a $3.2 million settlement with Marlow Payroll Services.',
  ]);
});

test('a page’s date line and linked headlines that end in their date are not claims', () => {
  for (const s of [
    'Published Oct. 16, 2025, 5:42 p.m. ET | Updated Oct. 17, 2025, 9:05 a.m. ET',
    '• The regulator publishes its guide on breaches in retail (28/10/2025)',
    'Why small clinics keep paying ransoms to the same crews  Aug. 4, 2025',
  ]) {
    assert.deepEqual(claimTexts(s), [], s);
  }
});

test('items of an order’s list are obligations even when they read as instructions', () => {
  const order = [
    'Under the consent judgment, Marlow must:',
    '• disable the accounts of departing employees within 24 hours;',
    '• apply the safeguards required by the Gramm-Leach-Bliley Act to the data of its payroll unit;',
    '',
    'The determination requires Marlow to:',
    '• engage, within 3 months, an independent reviewer approved by the regulator',
  ].join('\n');
  const claims = detectClaims(order);
  assert.deepEqual(
    claims.map((c) => [c.text.slice(0, 12), c.type]),
    [
      ['disable the ', 'commitment'],
      ['apply the sa', 'commitment'],
      ['engage, with', 'commitment'],
    ],
  );
  // The same words alone are an instruction to the reader, not a claim.
  assert.deepEqual(claimTexts('Disable the accounts of departing employees within 24 hours.'), []);
});

test('a refusal to answer is a denial, whatever the refused question mentions', () => {
  assert.equal(typeOf('She declined to say whether the attackers had demanded a ransom or whether Marlow intends to pay one.'), 'denial');
  // Only the refused question: a plan stated beside the refusal is still a plan.
  assert.equal(typeOf('Marlow declined to comment on the ransom and said it will restore service next week.'), 'commitment');
});

test('a lead-in that ends in “to:” commits when its sentence does, and not otherwise', () => {
  const list = (leadIn: string): Array<[string, ClaimType]> =>
    detectClaims(`${leadIn}\n• encrypt account numbers in storage and in transit;\n• report any future incident within 30 days.`).map(
      (c) => [c.text.slice(0, 8), c.type],
    );
  for (const leadIn of [
    'Under the proposed order, Marlow will be required to:',
    'Marlow also agreed to a series of undertakings, including to:',
  ]) {
    assert.deepEqual(
      list(leadIn),
      [
        ['encrypt ', 'commitment'],
        ['report a', 'commitment'],
      ],
      leadIn,
    );
  }
  assert.ok(!list('The complaint alleges that Marlow failed to:').some(([, type]) => type === 'commitment'));
});

test('“No … was accessed” is a denial', () => {
  assert.equal(typeOf('No customer source code, secrets or build artifacts were accessed.'), 'denial');
  assert.equal(typeOf('No payment card data was taken.'), 'denial');
});

test('an order’s prohibitions and instructions given in the passive are obligations', () => {
  assert.equal(typeOf('The proposed order also bars Marlow from misrepresenting how it protects personal information.'), 'commitment');
  assert.equal(typeOf('The trust has been told to report back to the regulator within six months.'), 'commitment');
  // Not a prohibition: a place a thing came from.
  assert.notEqual(typeOf('The regulator banned 14 apps last year, data from the agency shows.'), 'commitment');
});

test('a page about itself, its source line, forum notes, footer links and an acknowledgement of country are not claims', () => {
  for (const s of [
    'This post explains what happened, why it happened, and what we are changing.',
    'Source: status.example.com, “Update 3”, posted this morning.',
    'Mod note: Vendor statements may be reposted in full under rule 4 as long as the source is linked.',
    '| Privacy notice | Cookie settings | Contact us',
    'The regulator acknowledges the Traditional Custodians of Country throughout Australia.',
    'Looking back, detection worked and prevention didn’t.',
    'It is hard to read this reprimand as anything other than a warning to every trust.',
    'If you uploaded a HAR file to their support this summer, rotate those admin sessions now.',
  ]) {
    assert.deepEqual(claimTexts(s), [], s);
  }
  // A condition on the reader with the company's promise is a commitment.
  assert.equal(
    typeOf('If you are an essential entity under NIS2, we will notify you of any significant incident within 24 hours.'),
    'commitment',
  );
  // A Markdown table row is still read.
  assert.deepEqual(claimTexts('| Acme | was fined €2 million by the regulator in 2024 |').length, 1);
});

test('lists of related links and of the writer’s predictions hold no claims; nor captions in brackets or safe-harbour boilerplate', () => {
  const page = [
    'My predictions, for the record:',
    '1. The tenant count will be revised upward before the end of the month.',
    '2. At least one class action will be filed by Christmas.',
    '',
    'Related posts',
    '• Reading an Item 1.05 8-K: a field guide (March 2024)',
    '• Regulators fined Marlow €2 million for storing passports unencrypted',
    '',
    '[Photo: A sign taped to the door of City Hall tells residents that payments are cash only.]',
    '| Updated March 10, 2026, 4:48 p.m.',
    'These statements are based on current expectations and are subject to risks and uncertainties, including the outcome of the investigation.',
  ].join('\n');
  assert.deepEqual(claimTexts(page), []);
  // The same items under a lead-in of the company's own are its plans.
  assert.equal(claimTexts('Marlow said it will:\n1. revise the tenant count before the end of the month.').length, 1);
});

test('a denial said without “not”: “No government asked us…”, “reported no exceptions”, “have no plans to”', () => {
  assert.equal(typeOf('No government asked us to weaken or bypass our encryption.'), 'denial');
  assert.equal(typeOf('No attacker gained access to the payment systems.'), 'denial');
  assert.equal(typeOf('The auditor reported no exceptions.'), 'denial');
  assert.equal(typeOf('We do not sell to federal agencies and have no plans to seek FedRAMP authorisation.'), 'denial');
  assert.equal(typeOf('The company has no current plans to sell the unit.'), 'denial');
  // A deadline is no denial, and plans are still plans.
  assert.notEqual(typeOf('No later than 60 days after discovery, the clinic notified every patient by letter.'), 'denial');
  assert.equal(typeOf('The company plans to seek FedRAMP authorisation in 2027.'), 'commitment');
});

test('“sooner than”, “slower than”, “worse than” compare', () => {
  assert.equal(typeOf('That is a full day sooner than the 72 hours the GDPR gives controllers.'), 'comparison');
  assert.equal(typeOf('Brennock was slower to confirm the theft than its rivals were.'), 'comparison');
});

test('a document naming its own tables and rows, and defining its own terms, makes no claim', () => {
  const report = [
    'Government requests',
    '',
    'The table lists each country that sent 80 or more requests. The FISA rows below therefore cover July 1 to December 31, 2025. “Data produced” means we disclosed at least some content or non-content data. The following disclosure is provided pursuant to Item 106 of Regulation S-K.',
    '',
    'Because customers trust us with their documents, this page sets out how we secure them and who can see them.',
    '',
    'We received 1,204 requests from 31 countries, 8% more than in the previous period.',
  ].join('\n');
  assert.deepEqual(claimTexts(report), ['We received 1,204 requests from 31 countries, 8% more than in the previous period.']);
  // What a whole report covers is its scope, which a researcher checks.
  assert.equal(claimTexts('Annual report\n\nThis report covers the work of the Office from April 1, 2025, to March 31, 2026.').length, 1);
});

test('advice to the reader in a list, a library of linked resources and lettered directions', () => {
  const release = [
    'Press release',
    '',
    'OCR recommends that covered entities take the following steps to reduce the risk of ransomware:',
    '• Require multi-factor authentication for remote access and privileged accounts.',
    '• Encrypt ePHI and keep offline, tested backups.',
    '',
    'The Commission also directed the Organisation to, within 60 days of the date of the decision:',
    '(a) engage a qualified vendor to run a penetration test, and fix what it finds;',
    '(b) develop and implement data protection policies, including a breach management plan; and',
    '(c) inform the Commission within one week of completing each of the above directions.',
    '',
    'Related resources',
    '• Subprocessor list (updated 2 May 2026)',
    '• Responsible AI policy (PDF, 14 pages)',
    '• Blog: What ISO/IEC 42001 certification changed for us · 9 February 2026',
    '',
    'Related Decisions',
    '• Breach of the Protection Obligation by a retailer was found and penalised (12 Jun 2026)',
  ].join('\n');
  const claims = detectClaims(release);
  assert.deepEqual(
    claims.map((c) => [c.text.slice(0, 20), c.type]),
    [
      ['engage a qualified v', 'commitment'],
      ['develop and implemen', 'commitment'],
      ['inform the Commissio', 'commitment'],
    ],
  );
  // The item's letter is not part of its sentence.
  assert.equal(release.slice(claims[0]?.start, claims[0]?.end).startsWith('engage'), true);
  // Advice someone took on is not advice to the reader: its items are still read.
  const agreed =
    'Press release\n\nThe company agreed to implement the following recommended measures:\n• Require multi-factor authentication for all remote access.\n';
  assert.equal(detectClaims(agreed).length, 1);
});

test('a figure set beside its own past is no comparison; beside others it is', () => {
  assert.equal(typeOf('We produced data in response to 52% of requests, compared with 55% in the previous period.'), 'assertion');
  assert.equal(typeOf('Phishing caused 61% of breaches, compared with 54% in 2024-2025.'), 'assertion');
  assert.equal(typeOf('Fines rose to 40, compared with 31 for the same period last year.'), 'assertion');
  assert.equal(typeOf('Our uptime was 99.9%, compared with 97% for our competitors.'), 'comparison');
  assert.equal(typeOf('Compared with other banks, we test our recovery plans more often.'), 'comparison');
});

test('a negation in a relative clause describes something; in what was said or found, it denies', () => {
  assert.notEqual(
    typeOf('To shed load, an engineer switched the export endpoint to a cache mode that had never been used in production.'),
    'denial',
  );
  assert.equal(typeOf('At 13:41 the company switched 40 servers to a cache mode that had never been used in production.'), 'assertion');
  assert.equal(typeOf('The security team confirmed that the cache key did not include the account ID.'), 'denial');
  assert.equal(typeOf('The regulator considered that evidence but determined that the practices had not been in place.'), 'denial');
  assert.equal(typeOf('The company said there was no evidence that the data had not been deleted.'), 'denial');
  assert.equal(typeOf('We saw speculation about clipboard access that we believe posed no actual risk.'), 'denial');
});

test('a form’s boxes to tick are options, not claims; a ticked checklist still states things', () => {
  const form =
    'Check the appropriate box below if the filing is intended to satisfy the obligation:\n\n' +
    '☐ Written communications pursuant to Rule 425 under the Securities Act (17 CFR 230.425)\n' +
    '☒ Soliciting material pursuant to Rule 14a-12 under the Exchange Act (17 CFR 240.14a-12)\n\n' +
    'The company said it restored its systems on March 30.';
  assert.deepEqual(claimTexts(form), ['The company said it restored its systems on March 30.']);
  assert.deepEqual(claimTexts('Our controls:\n\n☑ We encrypt all customer data at rest with AES-256.'), [
    'We encrypt all customer data at rest with AES-256.',
  ]);
});

test('items under “will be:” that an order imposes are commitments, whatever words they hold', () => {
  const release = [
    'Under the proposed order, Tavora will be:',
    '• prohibited from misrepresenting how it protects users’ health information;',
    '• required to delete health information it no longer needs within 90 days; and',
    '• required to report any future breach to the FTC within 30 days.',
  ].join('\n');
  assert.deepEqual(
    detectClaims(release).map((c) => c.type),
    ['commitment', 'commitment', 'commitment'],
  );
});

test('a record set against the past is a comparison: “the busiest year since”, “the worst outage ever”', () => {
  assert.equal(typeOf('2025 was the busiest year for the Data Protection Commission since the GDPR came into application.'), 'comparison');
  assert.equal(typeOf('It was the worst outage in the bank’s history.'), 'comparison');
  // "latest" is no superlative of a record.
  assert.equal(typeOf('The latest update since March fixed the flaw, the company said.'), 'assertion');
});

test('advice after a condition and the writer’s own unease are not claims', () => {
  assert.deepEqual(
    claimTexts(
      'If the interface was ever reachable from the internet, assume the VPN keys are burned and rotate them. ' +
        'What bothers me is everything around it. ' +
        'When the breach was discovered, the company notified 40,000 customers.',
    ),
    ['When the breach was discovered, the company notified 40,000 customers.'],
  );
});

test('an update’s date-and-time heading and a “Last updated” line with a weekday are not claims', () => {
  assert.deepEqual(
    claimTexts(
      'Last updated: Thursday, November 12, 2026, 4:15 p.m.\n\nThursday, November 12, 4:15 p.m.\nThe patient portal was restored this afternoon after the company rebuilt 3 servers.',
    ),
    ['The patient portal was restored this afternoon after the company rebuilt 3 servers.'],
  );
});

test('a negation that judges, consents without admitting, or sits in a clause on a noun is no denial', () => {
  // "without admitting or denying" is a settlement's formula: the sentence asserts the consent.
  assert.equal(typeOf('Without admitting or denying the findings, Halvard Bank consented to a $2 million penalty.'), 'assertion');
  // A relative clause without "that": the sentence asserts the deletion.
  assert.equal(typeOf('The insurer said it has erased 40,000 records it no longer needed.'), 'assertion');
  // A record stays a comparison beside the writer's verdict on it.
  assert.equal(typeOf('It was the longest outage in our history, and it is not acceptable.'), 'comparison');
  assert.notEqual(typeOf('That should never have been allowed from a shared laptop, and the company removed it on 3 May.'), 'denial');
  // Still denials: the main clause says something did not happen.
  assert.equal(typeOf('The company denies any wrongdoing.'), 'denial');
  assert.equal(typeOf('Halvard did not pay the ransom, and it will not.'), 'denial');
  assert.equal(typeOf('The records it held were not accessed, the bank said.'), 'denial');
});

test('“the first issuer to be charged” is a record; a storage bucket “set to allow” access is no plan', () => {
  assert.equal(typeOf('Halvard is the first issuer to be charged under the new rule.'), 'comparison');
  assert.equal(typeOf('Between March and May 2025 the bucket was set to allow public reads, the regulator found.'), 'assertion');
  assert.equal(typeOf('The new portal is set to launch in June, the company said.'), 'commitment');
});

test('items under “Under the proposed settlement:” are its terms: commitments', () => {
  const story = [
    'Under the proposed settlement:',
    '• customers could claim up to $2,500 each for documented losses;',
    '• every class member could enrol in two years of credit monitoring; and',
    '• the company would pay up to $400,000 in attorney fees.',
  ].join('\n');
  assert.deepEqual(
    detectClaims(story).map((c) => c.type),
    ['commitment', 'commitment', 'commitment'],
  );
});

test('an update heading with its label, and a related story’s “– Posted on:” date, are not claims', () => {
  assert.deepEqual(
    claimTexts(
      'UPDATE #2 – Friday, June 5, 2026\nThe county restored its payment portal on Thursday after technicians rebuilt 12 servers.\n\n' +
        '• Summer Pool Hours Announced – Posted on: May 29, 2026',
    ),
    ['The county restored its payment portal on Thursday after technicians rebuilt 12 servers.'],
  );
});

test('a notice’s advice to residents, its contact labels and an official urging others are not claims', () => {
  assert.deepEqual(
    claimTexts(
      [
        'What residents should do:',
        '• Watch your bank statements, and consider a free credit freeze with the three bureaus.',
        '• Be cautious of calls claiming to be from the county.',
        '• Report suspicious messages to the police.',
        '',
        'Hours: Monday – Friday, 8:30 a.m. – 4:30 p.m.',
        '',
        '“I would urge every business that keeps passports to check who can open them,” the commissioner said. The county restored 14 servers on Friday.',
      ].join('\n'),
    ),
    ['The county restored 14 servers on Friday.'],
  );
});

test('the items of a finding (“The regulator found that Halvard:”, “In particular, the bank:”) are claims', () => {
  const release = [
    'We found that Halvard Bank had breached the rules on security. In particular, the bank:',
    '• had no process for reviewing who could open its shared drives;',
    '• kept scanned passports for nine years; and',
    '• lacked a current incident response plan.',
    '',
    'Our guidance for firms:',
    '• a register of shared drives;',
  ].join('\n');
  assert.deepEqual(claimTexts(release).slice(1), [
    'had no process for reviewing who could open its shared drives;',
    'kept scanned passports for nine years; and',
    'lacked a current incident response plan.',
  ]);
});

test('“this morning”, “last night” and “overnight” date what was done, as “today” does', () => {
  assert.equal(typeOf('The county library reopened this morning with limited hours.'), 'assertion');
  assert.equal(typeOf('Technicians restored the payroll system overnight.'), 'assertion');
});

test('records and multiples are comparisons; a refusal that goes on from a denial is one; a release’s authorisation line is no claim', () => {
  assert.equal(typeOf('This was our longest outage since the 2023 failover.'), 'comparison');
  assert.equal(typeOf('The fine is the largest the regulator has imposed on a retailer.'), 'comparison');
  assert.equal(typeOf('We patch critical flaws in five days, more than twice as fast as the industry median.'), 'comparison');
  assert.equal(typeOf('Halvard has not paid, and will not pay, any ransom.'), 'denial');
  // A refusal alone is a commitment.
  assert.equal(typeOf('Halvard will not pay any ransom, its chief executive said.'), 'commitment');
  assert.deepEqual(claimTexts('This announcement has been authorised for release by the Board of Halvard Limited.'), []);
});

/** The types of the claims a whole document's lines hold, read as the editor reads them (lists and their lead-ins). */
function documentTypes(lines: readonly string[]): string[] {
  return new DocumentDetector().detect(lines.join('\n'), { kinds: ['claim'] }).map((d) => (d.kind === 'claim' ? d.type : ''));
}

test('what was confirmed before “but declined to comment” is the claim; a refusal alone is a denial', () => {
  assert.equal(
    typeOf('A spokesperson for the FBI confirmed the bureau was assisting Halvard but declined to comment further.'),
    'assertion',
  );
  assert.equal(typeOf('The regulator said it was “aware of the incident” but would not comment further.'), 'assertion');
  assert.equal(typeOf('Halvard declined to say whether it paid a ransom.'), 'denial');
  assert.equal(typeOf('A spokesperson for the bank declined to comment on Tuesday.'), 'denial');
  assert.equal(typeOf('The regulator will not comment further while the matter is before the Court.'), 'denial');
  assert.equal(typeOf('Halvard will not pay any ransom.'), 'commitment');
});

test('“continues to cooperate” goes on now; “does not intend to pay” denies a plan', () => {
  assert.equal(typeOf('The Company continues to cooperate with law enforcement.'), 'assertion');
  assert.equal(typeOf('The incident is reasonably likely to continue to have a material impact on our results.'), 'assertion');
  // A promise to go on is still one.
  assert.equal(typeOf('We will continue to work with the regulator.'), 'commitment');
  assert.equal(typeOf('It has not paid, and does not intend to pay, any ransom demand.'), 'denial');
  assert.equal(typeOf('The agency would not commit to a date for the new portal.'), 'denial');
  assert.equal(typeOf('Halvard intends to pay the penalty by June.'), 'commitment');
});

test('a regulator’s recommendations to the organisation it investigated are what it is to do; advice to readers is no claim', () => {
  const report = [
    '39. We recommended that Halvard:',
    '(a) require multi-factor authentication for all remote access within 90 days;',
    '(b) limit the purchase history it keeps to 24 months; and',
    '(c) provide our office, by June 30, 2027, with a report from an independent assessor.',
  ];
  assert.deepEqual(documentTypes(report), ['commitment', 'commitment', 'commitment']);
  assert.deepEqual(
    documentTypes(['OCR recommends that covered entities:', '• review who can reach their backups;', '• patch remote access services.']),
    [],
  );
  assert.deepEqual(
    documentTypes(['We are urging organisations to:', '• switch on MFA for all remote access;', '• keep at least one backup offline.']),
    [],
  );
});

test('“expected to finish by”, “than any other”, “the first to” and “no sealed court records”', () => {
  assert.equal(typeOf('Its forensic review is expected to finish by mid-December.'), 'commitment');
  // A forecast of an effect stays what it was.
  assert.equal(typeOf('The incident is expected to continue to cause delays, the company said.'), 'assertion');
  assert.equal(typeOf('Halvard says it sells more tickets for small venues than any other platform.'), 'comparison');
  assert.equal(typeOf('This is the regulator’s fourth decision this year and the first to concern a wearable device.'), 'comparison');
  // "the first service message" is no record: the noun is not the head.
  assert.equal(typeOf('We post the first service message at 13:05.'), 'assertion');
  assert.equal(typeOf('Halvard is the first bank in Europe to offer passkeys.'), 'comparison');
  assert.equal(typeOf('The county said no sealed court records were stored in the affected folders.'), 'denial');
});

test('the measures a settlement requires, item by item, are commitments whatever verb opens them', () => {
  const terms = [
    'Under the agreement, Halvard will be required to:',
    '• Centralize its logs and have security alerts reviewed around the clock;',
    '• Delete customer data it no longer has a business reason to keep; and',
    '• Designate an employee to run its information security program by March 31, 2027.',
    '• Stop misrepresenting its security to consumers, including in its app store listings.',
  ];
  assert.deepEqual(documentTypes(terms), ['commitment', 'commitment', 'commitment', 'commitment']);
});

test('an action item with its owner and target is a plan: its deadline makes it checkable', () => {
  const items = [
    'Action items',
    '1. Put certificate rotations on the change calendar. Owner: Payments Infrastructure. Target: by January 15, 2027.',
    '2. Lower the failover threshold. Owner: Payments SRE. Target: by end of Q1 2027.',
    '3. Add backoff with jitter to our client libraries. Owner: Developer Experience.',
  ].join('\n');
  const found = new DocumentDetector()
    .detect(items, { kinds: ['claim'] })
    .flatMap((d) => (d.kind === 'claim' && d.type === 'commitment' ? [d.text] : []));
  assert.deepEqual(found, ['Put certificate rotations on the change calendar.', 'Lower the failover threshold.']);
});

test('a breach notice’s stock phrases are no claims, unless the sentence goes on to say what was done', () => {
  assert.deepEqual(claimTexts('We take the privacy of our patients seriously, and we sincerely regret any concern this may cause.'), []);
  assert.deepEqual(claimTexts('Protecting patient information is a responsibility we take seriously.'), []);
  assert.equal(
    typeOf(
      '“We take our obligations under the GDPR seriously and have cooperated fully with the authorities,” a Halvard spokesperson said.',
    ),
    'assertion',
  );
});

test('an earnings call’s chrome is no claim; what a finding calls false is asserted, not denied', () => {
  assert.deepEqual(claimTexts('Good afternoon, and welcome to Halvard Systems’ third quarter fiscal 2027 earnings call.'), []);
  assert.deepEqual(claimTexts('All lines are in listen-only mode; a question-and-answer session will follow the prepared remarks.'), []);
  assert.deepEqual(claimTexts('We will also refer to non-GAAP measures; reconciliations are in today’s press release.'), []);
  assert.deepEqual(claimTexts('That concludes today’s question-and-answer session.'), []);
  assert.equal(typeOf('This concludes our review, and we will publish the findings by March 31.'), 'commitment');
  assert.deepEqual(claimTexts('This transcript has been edited for length and clarity and may contain errors.'), []);
  assert.deepEqual(claimTexts('Honestly, I could not be prouder of how this team responded.'), []);
  assert.equal(typeOf('Revenue for the quarter was $412.6 million, down 6% from a year ago.'), 'assertion');
  assert.equal(
    typeOf('In its complaint, the FTC alleges that Halvard violated Section 5 by making false or misleading claims about its security.'),
    'assertion',
  );
  assert.equal(typeOf('Both statements were false when made, according to the SEC.'), 'assertion');
  assert.equal(typeOf('Halvard said the reports of a second breach were false.'), 'denial');
});

test('measures a sentence imposes as “the following orders:” are commitments; a “no” vote denies nothing', () => {
  assert.deepEqual(
    documentTypes([
      'Halvard must carry out the following corrective orders:',
      ' - restrict access to its internal APIs within 60 days of receiving the decision;',
      ' - destroy the personal information of withdrawn members by December 31, 2026.',
    ]),
    ['commitment', 'commitment'],
  );
  assert.deepEqual(
    documentTypes(['Halvard failed to take the following measures:', '• encrypt its backups by 2025;', '• rotate its keys every year.']),
    ['assertion', 'assertion'],
    'a failure is no order',
  );
  assert.equal(typeOf('Board member Craig Ellery cast the lone no vote, saying the board should wait.'), 'assertion');
  assert.equal(typeOf('The board voted 4-1 to approve the contract.'), 'assertion');
  assert.equal(typeOf('There is no evidence that student records were copied.'), 'denial');
});

test('a transcript’s time stamps, speaker labels and stage directions are no part of a claim', () => {
  const transcript = [
    '[00:22] MARA: [laughs] Okay.',
    '',
    '[03:42] JONAS BELL: Totally standard.',
    '',
    '[05:04] JONAS BELL: They blocked the sequential IDs in August.',
    '',
    '[05:40] MARA: This episode is brought to you by Fernwick, the backup tool.',
    '',
    'MARA: My guest is Jonas Bell from Tallow Labs.',
  ].join('\n');
  assert.deepEqual(claimTexts(transcript), ['[05:04] JONAS BELL: They blocked the sequential IDs in August.']);
});

test('a recommendation in the writer’s own voice is no claim; a failing found or a reported one is', () => {
  assert.deepEqual(claimTexts('EU member states should enforce the Act and open criminal investigations into the infections.'), []);
  assert.deepEqual(claimTexts('Marlow believes Congress should set a single national standard for breach notification.'), []);
  assert.ok(typeOf('The regulator said the bank should pay €2 million to the affected customers.') !== undefined);
  assert.ok(typeOf('That credential should have been revoked when the integration was retired, and it was not.') !== undefined);
});

test('“said no …” and “there was no …” deny', () => {
  assert.equal(typeOf('Maplestone said no account numbers, passwords or social insurance numbers were exposed.'), 'denial');
  assert.equal(typeOf('“There was no intrusion, and no customer has lost money because of the outage,” Hartigan said.'), 'denial');
  assert.equal(typeOf('There was no doubt the outage cost the bank $4 million.'), 'assertion');
});

test('a report’s number and release lines are chrome', () => {
  assert.deepEqual(claimTexts('GAO-26-107342 Published: Sep 17, 2026. Publicly Released: Sep 24, 2026.'), []);
  assert.deepEqual(claimTexts('Issued on 3 March 2026 by the Authority.'), []);
});

test('a sentence that opens with “Issued” and a figure is no date line', () => {
  assert.equal(claimTexts('Issued 3 fines in 2025, the regulator said.').length, 1);
});

test('a denial in a clause after the main one leaves the type to the main clause', () => {
  assert.equal(
    typeOf(
      'The supervisors carried out an on-site inspection in the second quarter of 2025, which led to five findings, none of them rated high.',
    ),
    'assertion',
  );
  assert.equal(typeOf('We received an extortion demand on February 2, and we did not pay it.'), 'denial');
  assert.equal(typeOf('None of the findings was rated high, the supervisors said.'), 'denial');
});

test('“we’re starting ISO 27001 certification this year” plans; “starting to see” reports', () => {
  assert.equal(typeOf('We’re also starting ISO 27001 certification this year.'), 'commitment');
  assert.equal(typeOf('We are starting to see more attacks on payroll systems this year.'), 'assertion');
});

test('“As at 30 June 2026.” and a suggested citation are chrome', () => {
  assert.deepEqual(claimTexts('As at 30 June 2026.'), []);
  assert.deepEqual(claimTexts('Suggested citation: Lund, K. and Obi, T. (2027). Device security in 27 hospitals.'), []);
});

test('items under plans that say when they come are commitments', () => {
  const text =
    'The company plans two further qualified regions:\n\n• Strasbourg (FR-STR-1), opening in the first half of 2027;\n• Lille (FR-LIL-1), planned for 2028.\n';
  assert.deepEqual(
    detectClaims(text).map((c) => c.type),
    ['commitment', 'commitment'],
  );
});

test('citations, salutations, reported questions, a meeting’s date line and an earnings release’s furniture are no claims', () => {
  for (const chrome of [
    'Bell Atlantic Corp. v. Twombly, 550 U.S. 544, 570 (2007); Ashcroft v. Iqbal, 556 U.S. 662, 678 (2009).',
    '815 ILCS 530/20.',
    'Dear <<First Name>> <<Last Name>>,',
    'Councilmember Haddad asked why the backups had not prevented the outage.',
    'Tuesday, September 8, 2026 – 7:00 p.m.',
    'City Hall hours: Monday–Friday, 8:30 a.m. – 4:30 p.m.',
    'A replay will be available until 11:59 p.m. ET on November 18, 2026.',
    'All comparisons are with the first quarter of fiscal 2026 unless otherwise stated.',
  ]) {
    assert.deepEqual(claimTexts(chrome), [], chrome);
  }
  assert.equal(claimTexts('The court in Smith v. Jones held that the bank must pay $3 million.').length, 1);
  assert.equal(claimTexts('Adjusted EPS, a non-GAAP measure, rose 4% to $1.12.').length, 1);
});

test('an expectation with “should” is still a claim: “letters should arrive by January 30”', () => {
  assert.equal(claimTexts('Enrollment letters from the vendor should arrive by January 30.').length, 1);
});

test('the items of an order are commitments: after "inc. to:", after a lead-in without its colon, under "Required actions"', () => {
  assert.deepEqual(
    documentTypes([
      '[14] The Commission orders Boutiques Harrel inc. to:',
      '',
      'a) within 30 days of receiving this decision, complete its register of incidents;',
      'b) within 60 days, adopt a written incident-response procedure.',
    ]),
    ['commitment', 'commitment'],
  );
  assert.deepEqual(
    documentTypes([
      'The supervisor has ordered Velden Bank to',
      '',
      '1.\tsubmit a remediation plan approved by its management board by 31 October 2026;',
      '2.\tremedy all findings classified as serious by 30 June 2027.',
    ]),
    ['commitment', 'commitment'],
  );
  assert.deepEqual(
    documentTypes([
      'Required actions',
      ' 1. By 11:59 p.m. EST on Thursday, November 19, 2026, identify every gateway on agency networks and remove its internet access.',
      ' 2. Within 48 hours of issuance, capture a forensic image of each device and upgrade it.',
    ]),
    ['commitment', 'commitment'],
  );
});

test('the items under "We do:" and "We do not:" state a practice or deny it', () => {
  assert.deepEqual(
    documentTypes([
      'What Harrow does — and does not do',
      'We do:',
      '• tokenize card numbers so that you never need to store them;',
      '• keep our own attestation current.',
      '',
      'We do not:',
      '• share your compliance status with anyone other than our sponsor bank.',
      '',
      'The vendor did not:',
      '• encrypt the backups;',
      '• rotate its keys.',
    ]),
    ['assertion', 'assertion', 'denial', 'denial', 'denial'],
  );
  // A lead-in that asks or advises is no statement.
  assert.deepEqual(documentTypes(['What should you do:', '• rotate your keys.']), []);
});

test('a requirement on anyone named is a commitment: "Data owners must classify", "is required for"', () => {
  assert.equal(typeOf('Every information system must have a designated System Owner.'), 'commitment');
  assert.equal(typeOf('Data owners must classify their data within 30 days.'), 'commitment');
  assert.equal(typeOf('Supporting records must be kept for five years.'), 'commitment');
  assert.equal(typeOf('Multi-factor authentication is required for all remote access.'), 'commitment');
  // A guess about the past, and a duty in a relative clause about a practice, are not.
  assert.notEqual(typeOf('The attackers must have been inside the network for weeks before the alert.'), 'commitment');
  assert.equal(typeOf('Production access is limited to 23 engineers, each of whom must use a hardware security key.'), 'assertion');
});

test('the clause before a semicolon sets the type', () => {
  assert.equal(
    typeOf(
      'Orum Telecom did not preserve logs on two servers after the agency’s request of December 2; the ministry will refer the matter to the police.',
    ),
    'denial',
  );
  assert.equal(typeOf('The bank will notify every customer by Friday; it has not yet found misuse of the data.'), 'commitment');
});

test('after a bare "No." that answers a question, the sentence says what is not so', () => {
  assert.deepEqual(documentTypes(['Can the provider read my buckets?', 'No. Bucket access is a customer setting.']), ['denial']);
  // "No" inside a sentence is no answer.
  assert.deepEqual(documentTypes(['No customer data was taken.']), ['denial']);
});

test('a reported intention after what was done, joined by "and", is a commitment', () => {
  assert.equal(typeOf('In a statement, Harlow Bank said it accepted the findings and would complete the measures early.'), 'commitment');
  assert.equal(typeOf('Its chief executive said the company accepted the notice and would not appeal it.'), 'commitment');
  assert.equal(typeOf('A spokesperson said Thursday that the firm had received the letter and would respond.'), 'commitment');
  // What the sentence reports without "would" stays an assertion.
  assert.equal(typeOf('A spokesperson said Thursday that the firm had received the letter and answered it.'), 'assertion');
});

test('a requirement whose subject carries a relative clause, or is written in capitals, is a commitment', () => {
  assert.equal(typeOf('Departments that take card payments must use a validated encryption solution.'), 'commitment');
  assert.equal(typeOf('3.2 Units that buy cloud services must involve the security office before signing.'), 'commitment');
  assert.equal(typeOf('Each licensee that is not exempt must have a written incident response plan.'), 'commitment');
  assert.equal(typeOf('The Contractor MUST hold a current ISO/IEC 27001 certificate.'), 'commitment');
  assert.equal(typeOf('The notice restates that every breach must be reported within 72 hours.'), 'commitment');
  // A relative clause that holds the "must" describes its noun.
  assert.notEqual(typeOf('The documents that every bidder must sign were published on 3 March.'), 'commitment');
});

test('a target date, a recommendation to named parties and a list of targets are plans', () => {
  assert.equal(typeOf('Target completion date: March 31, 2027.'), 'commitment');
  assert.deepEqual(
    documentTypes(['The Commissioner recommended that the custodians and the clinic:', '1. replace unsupported systems by June 30, 2027;']),
    ['commitment'],
  );
  assert.deepEqual(documentTypes(['Targets for FY2027', '• Extend the certification to every business unit']), ['commitment']);
});

test('comparatives of any common adjective, "more … than" over a few words, "unlike several" and "the highest in the category" compare', () => {
  assert.equal(typeOf('Kestrel holds more independent certifications than its rival.'), 'comparison');
  assert.equal(typeOf('The bill’s preemption clause is broader than the Senate version’s.'), 'comparison');
  assert.equal(typeOf('Unlike several of our largest competitors, we publish the full report.'), 'comparison');
  assert.equal(typeOf('Our 99.99% uptime commitment is the highest in the category.'), 'comparison');
  // "no longer than necessary" limits retention; it compares with nothing.
  assert.notEqual(typeOf('Records are kept no longer than necessary.'), 'comparison');
});

test('a multiple of an old figure, a body’s own record and the largest a company has disclosed compare', () => {
  assert.equal(typeOf('The top fine is 400 times the old ceiling.'), 'comparison');
  assert.equal(typeOf('The order is the Authority’s widest enforcement action since the Act took effect.'), 'comparison');
  assert.equal(typeOf('This is the largest breach a listed Malaysian company has disclosed.'), 'comparison');
  // A fine set as a multiple of a gain is a formula, not a comparison.
  assert.notEqual(typeOf('The court may impose a fine of up to three times the profit gained.'), 'comparison');
});

test('"neither … nor" and a quoted "No firm has been" deny', () => {
  assert.equal(typeOf('For 41 of those assets, applicable patches were neither installed nor covered by a mitigation plan.'), 'denial');
  assert.equal(typeOf('“No firm has been refused a licence because of cost,” he said.'), 'denial');
});

test('disclaimers, postal addresses, signatures and questions put as headings are not claims', () => {
  assert.deepEqual(claimTexts('This update is for general information only and does not constitute legal advice.'), []);
  assert.deepEqual(claimTexts('It does not constitute investment advice or an offer to buy or sell shares of any fund.'), []);
  assert.deepEqual(claimTexts('Federal Energy Regulatory Commission\n888 First Street, N.E.\nWashington, DC 20426'), []);
  assert.deepEqual(claimTexts('Av. Isidora Goyenechea 3162, piso 9, Las Condes, Santiago, Chile.'), []);
  assert.deepEqual(claimTexts('Signed by delegated authority\n/s/ Rashida K. Bellweather, Senior Counsel'), []);
  assert.deepEqual(claimTexts('3. What changes on 1 January 2026\n\nWhat we still do not know'), []);
  // A move to an address, or a hearing held at one, is still news.
  assert.equal(typeOf('The company moved its headquarters to 500 Main Street in 2024.'), 'assertion');
  assert.equal(typeOf('The Court will hold a Final Approval Hearing in Courtroom 1941, 219 South Dearborn Street, Chicago.'), 'commitment');
});

test('items under a heading of the year’s focus are plans, lower-case verbs and all; a finding is told by "determined that"', () => {
  assert.deepEqual(
    documentTypes([
      'Focus for FY2026/27',
      '• reach Essential Eight Maturity Level Two for application control by 30 June 2027;',
      '• re-test our incident reporting timeframes with the ACSC;',
    ]),
    ['commitment', 'commitment'],
  );
  // A result's noun is no verb.
  assert.notDeepEqual(documentTypes(['Results for FY2025/26', '• review of access rights completed in March;']), ['commitment']);
  assert.equal(typeOf('ReliabilityFirst determined that this violation posed a serious or substantial risk to the grid.'), 'assertion');
});

test('a correction notice, a translation’s "the Greek text shall prevail" and "the full text is available on the website" are page notes', () => {
  assert.deepEqual(
    claimTexts('Correction, 22 January, 16:05: An earlier version of this article misstated the number of workstations.'),
    [],
  );
  assert.deepEqual(claimTexts('In the event of any discrepancy, the Greek text shall prevail.'), []);
  assert.deepEqual(claimTexts('The full text of Decision 47/2026 (in Greek) is available on the Authority’s website.'), []);
  // A patch made available is news; so is a live page's update.
  assert.equal(typeOf('The company said the patch is available on its support portal since Monday.'), 'assertion');
  assert.equal(typeOf('Update, 22 January: The company said the outage was over.'), 'assertion');
});

test('"going to an incorrect recipient" plans nothing; a regulator that expects organisations to act leads into commitments', () => {
  assert.notEqual(
    typeOf('Misdirection remains the most common cause: 19 of the 44 breaches involved an email going to an incorrect recipient.'),
    'commitment',
  );
  assert.equal(typeOf('We are going to publish the full report in March.'), 'commitment');
  assert.deepEqual(
    documentTypes([
      'NÚKIB said it expects affected organisations to:',
      '• identify every installation of the agent;',
      '• switch off automatic updates;',
    ]),
    ['commitment', 'commitment'],
  );
});

test('"Not covered:" lines, "None was …" and a denial the speaker stressed deny; an assessment "booked for" a date is a plan', () => {
  assert.equal(typeOf('Not covered: the marketing website and our events business.'), 'denial');
  assert.equal(typeOf('None was categorised as a national cyber emergency.'), 'denial');
  assert.equal(typeOf('The bank stressed that its core banking system was not affected.'), 'denial');
  assert.equal(typeOf('We renew every year; the 2027 assessment is booked for early January.'), 'commitment');
});

test('"one of very few" and "one of only a handful" compare with others', () => {
  assert.equal(typeOf('We believe Orvendal is one of very few collaboration platforms to hold both C5 and HDS.'), 'comparison');
  assert.equal(typeOf('Acme is one of only a handful of vendors with a FedRAMP High authorization.'), 'comparison');
});
