// Texts and edits for the property tests of incremental work (splitting into blocks,
// detection): real documents (the shared corpus, the sample corpus), generated articles,
// and text made of the pieces block splitting and the detectors react to (line breaks of
// every convention, blank lines, headings, bullets, bylines, control names and
// identifiers, dates), edited at random places by random pieces.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { generateArticleText } from '../../bench/article';
import { REPOSITORY, sharedCorpusDir } from '../../eval/shared';

/** One edit: replace text[at, at + remove) (both taken modulo the text's length) by `insert`. */
export interface Edit {
  at: number;
  remove: number;
  insert: string;
}

export function applyEdit(text: string, edit: Edit): string {
  const at = text.length === 0 ? 0 : edit.at % (text.length + 1);
  const remove = Math.min(edit.remove, text.length - at);
  return text.slice(0, at) + edit.insert + text.slice(at + remove);
}

/** Pieces that matter to block splitting and to the detectors, with plain words between. */
const PIECES = [
  '\n',
  '\n',
  '\n\n',
  '\r\n',
  '\r\n\r\n',
  '\r',
  '\u2028',
  '  ',
  '\t',
  '\u00a0',
  ' ',
  ' ',
  ' ',
  '. ',
  '.',
  ', ',
  '# ',
  '## Scope',
  '- ',
  '* ',
  '1. ',
  '(a) ',
  '• ',
  // A list item that leads into a nested list (listIntro.ts).
  'has committed to:',
  ':',
  '---',
  'By Dana Whitfield, Harbor Data Systems',
  'Photo: Reuters',
  'Home | News | Security',
  ' | ',
  ' › ',
  'Accept all | Reject | Settings',
  'What we have agreed to do',
  'SEC Charges Acme and Its Former CISO Over Disclosures',
  'Our Plans For The Year',
  'AUDIT RESULTS',
  'We will',
  'publish',
  'the report',
  'said',
  'Harbor Data Systems',
  'did not',
  'never',
  'more than',
  'SOC 2 Type II',
  'SOC',
  'ISO/IEC 27001:2022',
  'ISO 27001',
  'NIST SP 800-53',
  'NIST CSF 2.0',
  'GDPR',
  'FedRAMP',
  'PCI DSS',
  'AC-2',
  'AC-2(1)',
  'CC6.1',
  'A.9.2.3',
  'CA-1',
  'PR.AC-1',
  'NIST',
  'ISO',
  'Annex A',
  'AICPA',
  'Trust Services',
  'CSF',
  'Cybersecurity Framework',
  '800-53',
  'Privacy Framework',
  'CSA',
  'IAM-02',
  'Highway',
  'controls',
  'March 3, 2025',
  'last month',
  'in 2021',
  'Q3 2024',
  'by June 27',
  'earlier this year',
  'Published on 3 March 2025',
  // An update log's headings (dates/sections.ts) and a disclosure timeline's day counts (dates/dayCount.ts).
  'Tuesday, November 10, 9:00 a.m.\n',
  'November 12\n',
  'today',
  'yesterday',
  'on Monday',
  '2026-01-14: reported (Day 0)',
  'Day 19',
  // A timeline's items dated from the one above (dates/sections.ts itemAntecedents).
  '\n• Feb 9, 21:10 — ',
  '\n• The next day — ',
  '\n• Two days later, ',
  '\n• That evening — ',
  '\n• On Friday — ',
  'access',
  'logs',
  'Analysts',
  '"',
  '“',
  '”',
  '😀',
];

export const pieceText = (maxPieces: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...PIECES), { maxLength: maxPieces }).map((ps) => ps.join(''));

export const editArb = (maxInsert = 6): fc.Arbitrary<Edit> =>
  fc.record({
    at: fc.nat(),
    remove: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(400)),
    insert: fc.oneof(fc.constant(''), pieceText(maxInsert), fc.constantFrom('x', ' ', '\n', '\n\n', 'a')),
  });

/** Documents to edit: the sample corpus, the shared corpus when present, a generated article; joined in pairs too. */
export function realTexts(): string[] {
  const read = (dir: string | undefined): string[] =>
    dir === undefined || !fs.existsSync(dir)
      ? []
      : fs
          .readdirSync(dir)
          .filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md' && f !== 'GUIDELINE.md')
          .sort()
          .map((f) => fs.readFileSync(path.join(dir, f), 'utf8').replace(/^\uFEFF/, ''));
  const docs = [...read(path.join(REPOSITORY, 'samples', 'corpus')), ...read(sharedCorpusDir()), generateArticleText(60_000, 7)];
  return [...docs, docs.join('\n\n'), docs.map((d) => d.replace(/\n/g, '\r\n')).join('\r\n\r\n')];
}
