// Catalog entries and identifier patterns added for Australia's superannuation and
// prudential rules, US medical device security, the UK's energy and water regulators and
// its NIS reform Bill, France's SecNumCloud, ISO standards by number alone, GDPR articles
// by number with the regulation named nearby, and state attorneys general in the plural:
// each is found under its own id, and their short forms only where they are meant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinCatalog } from '../../../src/core/catalog/builtin';
import { compileControlMatcher, detectControls } from '../../../src/core/detect/controls';
import { DocumentDetector } from '../../../src/core/detect';

const matcher = compileControlMatcher(builtinCatalog());

function found(text: string): string[] {
  return detectControls(text, matcher).map((d) => `${d.id}${d.controlId ? `/${d.controlId}` : ''}:${d.text}`);
}

/** Controls as a whole document decides them (names defined or owned elsewhere), as `id:text`. */
function documentFound(text: string): string[] {
  return new DocumentDetector(matcher)
    .detect(text)
    .filter((d) => d.kind === 'control')
    .map((d) => `${d.id}${d.controlId ? `/${d.controlId}` : ''}:${d.text}`);
}

function assertIncludes(got: string[], wants: string[]): void {
  for (const want of wants) assert.ok(got.includes(want), `${want}: ${got.join(' | ')}`);
}

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
  const uk = documentFound(
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
  assert.deepEqual(documentFound('Our ISMS is certified to ISO/IEC 27001:2022. The 27001 surveillance audit took a week.'), [
    'iso-27001:ISO/IEC 27001:2022',
    'iso-27001:27001',
  ]);
  assert.deepEqual(found('Our AI management system was certified to 42001 in May.'), ['iso-42001:42001']);
  // A number alone, in a text that names no ISO standard, is a number.
  assert.deepEqual(documentFound('Invoice 27001 was paid on time, and order 42001 shipped.'), []);
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
