// Catalog entries and identifier patterns added from the blind rounds' misses, by
// jurisdiction: South Africa, Japan, Australia, Spain, the EU's export, media, cloud and
// financial rules, the UK's financial, energy and water regulators, Canada, US federal
// texts and medical-device security, France's SecNumCloud, Kenya, Hong Kong, the
// Netherlands, India, Colombia, Finland, British Columbia; ISO standards by number alone
// and GDPR articles by number with the regulation named nearby. Each is found under its
// own id, and its short forms only where they are meant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertIncludes, documentFound, documentFoundWithIds, found } from './catalogFinds';

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

test('Australia: the SIS Act and its sections, CPS 230, CPG 234 and the Financial Accountability Regime', () => {
  assert.deepEqual(
    found(
      'The fund breached the Superannuation Industry (Supervision) Act 1993 (SIS Act), so APRA took an undertaking under section 262A of the SIS Act. ' +
        'It must also meet Prudential Standard CPS 230 and follow Prudential Practice Guide CPG 234.',
    ),
    [
      'au-sis-act:Superannuation Industry (Supervision) Act 1993 (SIS Act)',
      'apra:APRA',
      'au-sis-act/section262A:section 262A',
      'au-sis-act:SIS Act',
      'apra-cps-230:Prudential Standard CPS 230',
      'apra-cpg-234:Prudential Practice Guide CPG 234',
    ],
  );
  assert.deepEqual(found('Its directors are accountable persons under the Financial Accountability Regime (FAR).'), [
    'au-far:Financial Accountability Regime (FAR)',
  ]);
  assert.deepEqual(found('Australian banks must name an accountable person under the FAR.'), ['au-far:FAR']);
  // FAR is also the US Federal Acquisition Regulation.
  assert.deepEqual(found('The FAR clause in the purchase order covers safeguarding.'), []);
  // A section is the SIS Act's only with the Act named right after it.
  assert.deepEqual(found('The trustee relied on section 52 of its trust deed.'), []);
});

test('US medical devices: the FDA, section 524B, its premarket guidance, UL 2900 and IEC 62443 by part', () => {
  assert.deepEqual(
    found(
      'The FDA reviewed the infusion pump under section 524B of the FD&C Act and its premarket cybersecurity guidance; ' +
        'the lab tested it to UL 2900-2-1 and the maker is certified to IEC\u00a062443-4-1.',
    ),
    [
      'fda:FDA',
      'fdca-524b:section 524B of the FD&C Act',
      'fda-premarket-cybersecurity-guidance:premarket cybersecurity guidance',
      'ul-2900/UL2900-2-1:UL 2900-2-1',
      'iec-62443/IEC62443-4-1:IEC\u00a062443-4-1',
    ],
  );
  assert.deepEqual(found('The Food and Drug Administration points to 21 U.S.C. § 360n-2 and the FDA’s premarket cybersecurity guidance.'), [
    'fda:Food and Drug Administration',
    'fdca-524b:21 U.S.C. § 360n-2',
    'fda-premarket-cybersecurity-guidance:FDA’s premarket cybersecurity guidance',
  ]);
  // The series by name, and its other parts.
  assert.deepEqual(found('We follow ISA/IEC 62443, in particular ISA/IEC 62443-3-3, and UL 2900.'), [
    'iec-62443:ISA/IEC 62443',
    'iec-62443/ISA/IEC62443-3-3:ISA/IEC 62443-3-3',
    'ul-2900:UL 2900',
  ]);
  // FDA alone is also a union and other countries' agencies; "section 524B" alone any law's.
  assert.deepEqual(found('The FDA union balloted its members on pay.'), []);
  assert.deepEqual(found('See section 524B of the lease.'), []);
});

test('UK: Ofgem, the Drinking Water Inspectorate and "the Inspectorate", the CAF as a qualifier, the Cyber Security and Resilience Bill', () => {
  const uk = documentFoundWithIds(
    'Ofgem and the Drinking Water Inspectorate (DWI) carried out CAF-based audits of operators under the NIS Regulations. ' +
      'The Inspectorate found gaps at two water companies. The Cyber Security and Resilience Bill would widen the regime.',
  );
  assertIncludes(uk, [
    'ofgem:Ofgem',
    'uk-dwi:Drinking Water Inspectorate (DWI)',
    'ncsc-caf:CAF-based',
    'uk-nis-regulations:NIS Regulations',
    'uk-dwi:Inspectorate',
    'uk-cyber-security-resilience-bill:Cyber Security and Resilience Bill',
  ]);
  // DWI is also driving while intoxicated; CAF-based alone any CAF's.
  assert.deepEqual(found('He was charged with DWI after the crash.'), []);
  assert.deepEqual(found('The café runs a CAF-based loyalty scheme.'), []);
});

test('France: SecNumCloud with its version and as a qualifier; C5 beside the other cloud schemes', () => {
  assert.deepEqual(found('The region is qualified to SecNumCloud 3.2 by ANSSI, and two more SecNumCloud-qualified regions follow.'), [
    'secnumcloud:SecNumCloud 3.2',
    'anssi:ANSSI',
    'secnumcloud:SecNumCloud',
  ]);
  assert.deepEqual(found('Cloud schemes compared: SecNumCloud, EUCS and C5.'), ['secnumcloud:SecNumCloud', 'eu-eucs:EUCS', 'bsi-c5:C5']);
  assert.deepEqual(found('The C5 vertebra was fractured.'), []);
});

test('ISO standards by number alone, where the standard is named in the document or its management system near', () => {
  assert.deepEqual(documentFoundWithIds('Our ISMS is certified to ISO/IEC 27001:2022. The 27001 surveillance audit took a week.'), [
    'iso-27001:ISO/IEC 27001:2022',
    'iso-27001:27001',
  ]);
  assert.deepEqual(found('Our AI management system was certified to 42001 in May.'), ['iso-42001:42001']);
  // A number alone, in a text that names no ISO standard, is a number.
  assert.deepEqual(documentFoundWithIds('Invoice 27001 was paid on time, and order 42001 shipped.'), []);
});

test('NIST SP 800-63’s volumes without "SP"', () => {
  assert.deepEqual(found('NIST 800-63B says not to force periodic password changes; NIST 800-63A covers proofing.'), [
    'nist-sp-800-63:NIST 800-63B',
    'nist-sp-800-63:NIST 800-63A',
  ]);
});

test('GDPR and UK GDPR articles by number alone, with the regulation named nearby', () => {
  assert.deepEqual(
    found('The GDPR sets a deadline for the lead authority. It adopted its decision within the month that Article 65 allows.'),
    ['gdpr:GDPR', 'gdpr/Article65:Article 65'],
  );
  // Where the UK GDPR is named, the article is its own.
  assert.deepEqual(found('The ICO found breaches of the UK GDPR. Article 33(1) requires notice within 72 hours.'), [
    'ico:ICO',
    'uk-gdpr:UK GDPR',
    'uk-gdpr/Article33(1):Article 33(1)',
  ]);
  // Another law named right after the number keeps it.
  assert.deepEqual(
    found(
      'Beside the GDPR, Article 8 ECHR protects private life, the Article 29 Working Party wrote guidance and Article 5 of the AI Act bans some practices.',
    ).filter((f) => f.startsWith('gdpr/') || f.startsWith('uk-gdpr/')),
    [],
  );
  // Without the GDPR named, "Article 65" is any article.
  assert.deepEqual(found('Article 65 of the club’s statutes sets the quorum.'), []);
});

test('state attorneys general in the plural: the first state named is an office', () => {
  assert.deepEqual(found('The attorneys general of Massachusetts, Pennsylvania and Vermont also signed the agreement.'), [
    'us-ma-ag:attorneys general of Massachusetts',
  ]);
});

test('the Data Protection Act 2018 is Ireland’s with the DPC beside it and stays the UK’s in a UK text', () => {
  assert.deepEqual(found('The DPC can fine a processor, and section 142 of the Data Protection Act 2018 allows an appeal.'), [
    'ie-dpc:DPC',
    'ie-dpa-2018:Data Protection Act 2018',
  ]);
  assert.deepEqual(found('The ICO can issue a penalty notice under section 155 of the Data Protection Act 2018.'), [
    'ico:ICO',
    'uk-dpa-2018:Data Protection Act 2018',
  ]);
  assert.deepEqual(found('In Northern Ireland and Great Britain the Data Protection Act 2018 applies.'), [
    'uk-dpa-2018:Data Protection Act 2018',
  ]);
});

test('Kenya: the ODPC, the Data Commissioner and "the Office", the Data Protection Act, 2019 and its sections, its 2021 regulations', () => {
  assert.deepEqual(
    documentFoundWithIds(
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
    documentFoundWithIds(
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
