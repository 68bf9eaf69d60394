// Catalog entries and identifier patterns added for Kenya's data protection regime, Hong
// Kong's banking cyber resilience rules and financial regulators, the Netherlands'
// financial supervisors and NIS2 bill, DORA's and NIS2's technical standards by number,
// the CER Directive and the NIS Cooperation Group, India's CERT-In directions, IT Act
// sections and financial cyber frameworks, OWASP ASVS and SLSA: each is found under its
// own id, and their short forms only where they are meant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinCatalog } from '../../../src/core/catalog/builtin';
import { compileControlMatcher, detectControls } from '../../../src/core/detect/controls';
import { DocumentDetector } from '../../../src/core/detect';

const matcher = compileControlMatcher(builtinCatalog());

function found(text: string): string[] {
  return detectControls(text, matcher).map((d) => `${d.id}${d.controlId ? `/${d.controlId}` : ''}:${d.text}`);
}

/** Controls as a whole document decides them (names defined or owned elsewhere, shortened names), as `id:text`. */
function documentFound(text: string): string[] {
  return new DocumentDetector(matcher)
    .detect(text)
    .filter((d) => d.kind === 'control')
    .map((d) => `${d.id}${d.controlId ? `/${d.controlId}` : ''}:${d.text}`);
}

test('Kenya: the ODPC, the Data Commissioner and "the Office", the Data Protection Act, 2019 and its sections, its 2021 regulations', () => {
  assert.deepEqual(
    documentFound(
      "Kenya's Office of the Data Protection Commissioner (ODPC) fined a lender under section 63 of the Data Protection Act, 2019. " +
        'The Office said the Data Commissioner had warned it twice, and the lender had never registered under the ' +
        'Data Protection (Registration of Data Controllers and Data Processors) Regulations, 2021.',
    ),
    [
      "ke-odpc:Kenya's Office of the Data Protection Commissioner (ODPC)",
      'ke-dpa-2019/section63:section 63',
      'ke-dpa-2019:Data Protection Act, 2019',
      'ke-odpc:Office',
      'ke-odpc:Data Commissioner',
      'ke-dp-registration-regulations-2021:Data Protection (Registration of Data Controllers and Data Processors) Regulations, 2021',
    ],
  );
  // A section alone, or a list of them, with the Data Commissioner named near.
  assert.deepEqual(
    found(
      'A breach must reach the Data Commissioner within 72 hours, as required by section 43; the Data Protection ' +
        '(Complaints Handling Procedure and Enforcement) Regulations, 2021 govern complaints and the Data Protection (General) Regulations, 2021 the rest.',
    ),
    [
      'ke-dpa-2019/section43:section 43',
      'ke-dp-enforcement-regulations-2021:Data Protection (Complaints Handling Procedure and Enforcement) Regulations, 2021',
      'ke-dp-general-regulations-2021:Data Protection (General) Regulations, 2021',
    ],
  );
  assert.deepEqual(found('The ODPC, Kenya’s privacy regulator, cited sections 25(e) and 39 of the Act.'), [
    'ke-odpc:ODPC',
    'ke-dpa-2019/sections25(e)and39:sections 25(e) and 39',
  ]);
  assert.deepEqual(found('The Central Bank of Kenya (CBK) licenses digital lenders; the CBK also issued cyber guidance.'), [
    'ke-cbk:Central Bank of Kenya (CBK)',
    'ke-cbk:CBK',
  ]);
  // Ireland's regulator bore the same name until 2018; Barbados has a Data Protection Act, 2019 too;
  // ODPC and CBK alone are other things.
  assert.deepEqual(found('Before 2018 the Office of the Data Protection Commissioner in Dublin handled Irish complaints.'), [
    'ie-dpc:Data Protection Commissioner',
  ]);
  assert.deepEqual(found('Barbados passed its Data Protection Act, 2019 after a long consultation.'), []);
  assert.deepEqual(found('The ODPC meeting was postponed, and CBK stock rose 3% on Monday.'), []);
});

test('Hong Kong: the HKMA, the CFI, C-RAF, iCAST, the HKAB STDB Guideline, SPM modules, the SFC and the Insurance Authority', () => {
  assert.deepEqual(
    found(
      'Under the Cybersecurity Fortification Initiative (CFI), the Hong Kong Monetary Authority introduced the Cyber Resilience ' +
        'Assessment Framework and Intelligence-led Cyber Attack Simulation Testing.',
    ),
    [
      'hkma-cfi:Cybersecurity Fortification Initiative (CFI)',
      'hkma:Hong Kong Monetary Authority',
      'hkma-c-raf:Cyber Resilience Assessment Framework',
      'hkma-icast:Intelligence-led Cyber Attack Simulation Testing',
    ],
  );
  assert.deepEqual(
    found(
      'The HKMA expects every authorized institution to complete its C-RAF 2.0 maturity assessment and, where inherent risk is high, an iCAST exercise.',
    ),
    ['hkma:HKMA', 'hkma-c-raf:C-RAF 2.0', 'hkma-icast:iCAST'],
  );
  assert.deepEqual(
    found(
      'Banks weighed the Secure Tertiary Data Backup Guideline and SPM module TM-G-1 when designing their vault; the HKMA’s TM-E-1 covers e-banking.',
    ),
    [
      'hkab-stdb-guideline:Secure Tertiary Data Backup Guideline',
      'hkma-spm-tm-g-1:SPM module TM-G-1',
      'hkma:HKMA',
      'hkma-spm-tm-e-1:TM-E-1',
    ],
  );
  assert.deepEqual(
    found(
      'The circular also went to the Securities and Futures Commission and the Insurance Authority, Hong Kong’s other financial regulators.',
    ),
    ['hk-sfc:Securities and Futures Commission', 'hk-ia:Insurance Authority'],
  );
  // iCAST, SFC and CFI are other things too, and other places have an Insurance Authority
  // or a Securities and Futures Commission.
  assert.deepEqual(found('Our iCAST podcast app crashed, the SFC filter was replaced and the CFI index rose.'), []);
  assert.deepEqual(found('The Insurance Authority of Kenya approved the merger.'), []);
  assert.deepEqual(found('Korea’s Securities and Futures Commission met on Wednesday.'), []);
});

test('the Netherlands: DNB, the AFM, the Wft and the Cyberbeveiligingswet', () => {
  assert.deepEqual(
    found(
      'De Nederlandsche Bank (DNB) and the AFM supervise Dutch insurers under the Wft; the Cyberbeveiligingswet (Cbw) will transpose NIS2.',
    ),
    ['nl-dnb:De Nederlandsche Bank (DNB)', 'nl-afm:AFM', 'nl-wft:Wft', 'nl-cbw:Cyberbeveiligingswet (Cbw)', 'nis2:NIS2'],
  );
  // Norway's DNB is a bank, AFM a microscope.
  assert.deepEqual(found('DNB ASA, Norway’s largest bank, raised its dividend.'), []);
  assert.deepEqual(found('AFM images showed the surface roughness of the film.'), []);
});

test('DORA’s technical standards by their regulations’ numbers, and "the ITS" of the register of information', () => {
  assert.deepEqual(
    found(
      'Each bank’s register of information follows Commission Implementing Regulation (EU) 2024/2956; the ITS require an LEI for every provider.',
    ),
    ['dora-its-register-of-information:Commission Implementing Regulation (EU) 2024/2956', 'dora-its-register-of-information:ITS'],
  );
  assert.deepEqual(
    found(
      'The RTS on subcontracting (Commission Delegated Regulation (EU) 2025/532) and Delegated Regulation (EU) 2024/1773 on the ICT services policy ' +
        'sit beside Delegated Regulation (EU) 2024/1772 and Delegated Regulation (EU) 2024/1774; incidents are reported under ' +
        'Delegated Regulation (EU) 2025/301 on the templates of Implementing Regulation (EU) 2025/302.',
    ),
    [
      'dora-rts-subcontracting:RTS on subcontracting (Commission Delegated Regulation (EU) 2025/532)',
      'dora-rts-ict-services-policy:Delegated Regulation (EU) 2024/1773',
      'dora-rts-incident-classification:Delegated Regulation (EU) 2024/1772',
      'dora-rts-ict-risk-management:Delegated Regulation (EU) 2024/1774',
      'dora-rts-incident-reporting:Delegated Regulation (EU) 2025/301',
      'dora-its-incident-reporting:Implementing Regulation (EU) 2025/302',
    ],
  );
  assert.deepEqual(found('The ITS help desk reset my password.'), []);
});

test('EU: the NIS2 implementing regulation, the CER Directive, the NIS Cooperation Group, the Commission sending reasoned opinions', () => {
  assert.deepEqual(
    found(
      'Member States must also apply Commission Implementing Regulation (EU) 2024/2690 and the CER Directive, whose CER transposition lagged; ' +
        'the NIS Cooperation Group is drafting guidance.',
    ),
    [
      'nis2-implementing-regulation:Commission Implementing Regulation (EU) 2024/2690',
      'eu-cer-directive:CER Directive',
      'eu-cer-directive:CER',
      'nis-cooperation-group:NIS Cooperation Group',
    ],
  );
  assert.deepEqual(
    documentFound(
      'The European Commission sent reasoned opinions to two Member States over their late transposition. The Commission may now refer them to the Court.',
    ),
    ['european-commission:European Commission', 'european-commission:Commission'],
  );
  assert.deepEqual(found('The CER ratio of the fund fell.'), []);
});

test('India: the CERT-In Directions, sections of the IT Act, SEBI and its CSCRF, the RBI’s cyber security framework', () => {
  assert.deepEqual(
    found(
      'CERT-In’s Cyber Security Directions (No. 20(3)/2022-CERT-In) were issued under section 70B(6) of the Information Technology Act, 2000; ' +
        'breaking them is an offence under section 70B(7) of the IT Act.',
    ),
    [
      'cert-in:CERT-In',
      'cert-in-directions-2022:Cyber Security Directions (No. 20(3)/2022-CERT-In)',
      'in-it-act/section70B(6):section 70B(6)',
      'in-it-act:Information Technology Act, 2000',
      'in-it-act/section70B(7):section 70B(7)',
      'in-it-act:IT Act',
    ],
  );
  assert.deepEqual(
    found(
      'Brokers report to SEBI under the Cybersecurity and Cyber Resilience Framework (CSCRF), and Indian banks follow the Reserve Bank’s cyber security framework.',
    ),
    [
      'sebi:SEBI',
      'sebi-cscrf:Cybersecurity and Cyber Resilience Framework (CSCRF)',
      'rbi-cyber-security-framework:Reserve Bank’s cyber security framework',
    ],
  );
  // "IT Act" without India near is no law of India's.
  assert.deepEqual(found('The IT Act was debated in the council’s technology committee.'), []);
});

test('OWASP ASVS and SLSA; SLSA alone only in a supply-chain sense', () => {
  assert.deepEqual(
    found(
      'The web app is tested against OWASP ASVS Level 2 and the build meets SLSA Build Level 3; SLSA provenance is published for every release.',
    ),
    ['owasp-asvs:OWASP ASVS', 'slsa:SLSA Build Level', 'slsa:SLSA provenance'],
  );
  assert.deepEqual(found('Every build of the package carries signed provenance, as SLSA asks.'), ['slsa:SLSA']);
  // Surf Life Saving Australia.
  assert.deepEqual(found('The SLSA patrol closed the beach after the shark sighting.'), []);
});
