// `npm run eval`: precision, recall and F1 of each detector against the answer keys in
// ../shared/corpus (or MARGINALIA_SHARED/corpus; see shared.ts), scored by score.ts as the
// corpus unit tests score them, and how often the attribute is right
// (control catalog id, date value at the stated precision, claim type); then, per
// corpus, the claims the editor shows at each sensitivity level (test/eval/sensitivity.ts).
//   npm run eval [-- --brief] [-- --sweep] [-- --corpus NAME[,NAME]]
//     every document's errors (missed, spurious, wrong attribute) are listed under its
//     figures; --brief leaves them out
//     --sweep: claims at every confidence floor 0–0.95
//     --corpus: only these corpora (shared, held-out, blind-dev, blind-final, blind-dev2, blind-final2,
//       blind-final3, blind-final4, blind-final5, blind-final6, blind-final7, private-dev,
//       private-final); the private ones are real pages kept outside the repository in
//       ../private-eval (or MARGINALIA_PRIVATE_EVAL), evaluated only when that folder exists
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { detectAll } from '../../src/core/detect';
import { LINK_ROLES } from '../../src/core/model';
import { loadCorpus } from './corpus';
import { roleF1, scoreLinkFile } from './links';
import { emptyScore, f1, precision, recall, SCORED_KINDS, scoreCorpus } from './score';
import { claimDocument, floorSweep, formatDensityTable, sensitivityRows } from './sensitivity';
import { entityDocumentReader, scoreEntityFile } from './entities';
import { scoreEvidence } from './evidence';
import { locateShared, REPOSITORY } from './shared';
import { scoreMatching } from './match';
import { scorePdfRoundTrip } from './pdf';
import { printRealPdfs } from './pdfReal';
import { MATCH_KINDS, type MatchOptions } from '../../src/core/match/claims';

const verbose = !process.argv.includes('--brief');
const sweep = process.argv.includes('--sweep');
const corpusArg = process.argv.indexOf('--corpus');
const only = corpusArg >= 0 ? (process.argv[corpusArg + 1] ?? '').split(',').filter(Boolean) : undefined;
const shared = locateShared('corpus');
const privateEval = process.env.MARGINALIA_PRIVATE_EVAL ?? path.join(REPOSITORY, '..', 'private-eval');

/** A corpus kept outside the repository (third-party text may not be committed), when present. */
function outside(dir: string): Corpus['at'] {
  return existsSync(dir) ? { keys: dir, documents: dir } : { missing: `no folder ${dir} (kept outside the repository; optional)` };
}

interface Corpus {
  name: string;
  title: string;
  /** A final test set: evaluated only when named with --corpus, so that nobody tunes on it by accident. */
  finalSet?: true;
  /** The answer keys' folder and the documents' (a key's `source` names its document there), or why there are none. */
  at: { keys: string; documents: string } | { missing: string };
  /** The claims' links keyed by hand (test/eval/links), when they are. */
  links?: string;
}

const LINKS = path.join(REPOSITORY, 'test', 'eval', 'links');

const CORPORA: Corpus[] = [
  {
    name: 'shared',
    title: 'Shared corpus (real documents; the detectors were tuned on them)',
    at: shared.found ? { keys: shared.dir, documents: shared.dir } : { missing: shared.reason },
    links: path.join(LINKS, 'shared.links.yaml'),
  },
  {
    name: 'held-out',
    title: 'Held-out corpus (samples/corpus, keyed by hand blind to the detectors)',
    at: { keys: path.join(REPOSITORY, 'test', 'eval', 'keys'), documents: path.join(REPOSITORY, 'samples', 'corpus') },
    links: path.join(LINKS, 'samples.links.yaml'),
  },
  {
    name: 'blind-dev',
    title: 'Blind development corpus (test/eval/blind/dev: our own documents written like real ones, keyed blind)',
    at: { keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'dev'), documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'dev') },
  },
  {
    name: 'blind-final',
    title: 'Blind final corpus (test/eval/blind/final: kept back until the detectors were done)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final'),
    },
    links: path.join(LINKS, 'blind-final.links.yaml'),
  },
  {
    name: 'blind-dev2',
    title: 'Second blind development corpus (test/eval/blind/dev2: written and keyed blind in December 2026, after the first round)',
    at: { keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'dev2'), documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'dev2') },
  },
  {
    name: 'blind-final2',
    title: 'Second blind final corpus (test/eval/blind/final2: kept back while the detectors were improved on dev2)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final2'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final2'),
    },
  },
  {
    name: 'blind-final3',
    title: 'Third blind final corpus (test/eval/blind/final3: keyed blind, kept back while the detectors were improved on dev2 and final2)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final3'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final3'),
    },
  },
  {
    name: 'blind-final4',
    title: 'Fourth blind final corpus (test/eval/blind/final4: keyed blind, first run at 40726b8; its errors since read)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final4'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final4'),
    },
  },
  {
    name: 'blind-final5',
    title: 'Fifth blind final corpus (test/eval/blind/final5: keyed blind, first run at 40726b8 and db8b712; its errors since read)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final5'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final5'),
    },
  },
  {
    name: 'blind-final6',
    title: 'Sixth blind final corpus (test/eval/blind/final6: keyed blind, first run at e222ee3; its errors since read)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final6'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final6'),
    },
  },
  {
    name: 'blind-final7',
    title: 'Seventh blind final corpus (test/eval/blind/final7: keyed blind, first run at 2aeddce; its errors since read)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final7'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final7'),
    },
  },
  {
    name: 'blind-final8',
    title: 'Eighth blind final corpus (test/eval/blind/final8: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final8'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final8'),
    },
  },
  {
    name: 'blind-final9',
    title: 'Ninth blind final corpus (test/eval/blind/final9: keyed blind by two helper sessions on 2026-12-07, committed unrun)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final9'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final9'),
    },
  },
  {
    name: 'blind-final10',
    title: 'Tenth blind final corpus (test/eval/blind/final10: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final10'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final10'),
    },
  },
  {
    name: 'blind-final11',
    title: 'Eleventh blind final corpus (test/eval/blind/final11: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final11'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final11'),
    },
  },
  {
    name: 'blind-final12',
    title: 'Twelfth blind final corpus (test/eval/blind/final12: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final12'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final12'),
    },
  },
  {
    name: 'blind-final13',
    title: 'Thirteenth blind final corpus (test/eval/blind/final13: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final13'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final13'),
    },
  },
  {
    name: 'blind-final14',
    title: 'Fourteenth blind final corpus (test/eval/blind/final14: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final14'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final14'),
    },
  },
  {
    name: 'blind-final15',
    title: 'Fifteenth blind final corpus (test/eval/blind/final15: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final15'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final15'),
    },
  },
  {
    name: 'blind-final16',
    title: 'Sixteenth blind final corpus (test/eval/blind/final16: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final16'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final16'),
    },
  },
  {
    name: 'blind-final17',
    title: 'Seventeenth blind final corpus (test/eval/blind/final17: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final17'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final17'),
    },
  },
  {
    name: 'blind-final18',
    title: 'Eighteenth blind final corpus (test/eval/blind/final18: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final18'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final18'),
    },
  },
  {
    name: 'blind-final19',
    title: 'Nineteenth blind final corpus (test/eval/blind/final19: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final19'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final19'),
    },
  },
  {
    name: 'blind-final20',
    title: 'Twentieth blind final corpus (test/eval/blind/final20: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final20'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final20'),
    },
  },
  {
    name: 'blind-final21',
    title: 'Twenty-first blind final corpus (test/eval/blind/final21: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final21'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final21'),
    },
  },
  {
    name: 'blind-final22',
    title: 'Twenty-second blind final corpus (test/eval/blind/final22: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final22'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final22'),
    },
  },
  {
    name: 'blind-final23',
    title: 'Twenty-third blind final corpus (test/eval/blind/final23: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final23'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final23'),
    },
  },
  {
    name: 'blind-final24',
    title: 'Twenty-fourth blind final corpus (test/eval/blind/final24: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final24'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final24'),
    },
  },
  {
    name: 'blind-final25',
    title: 'Twenty-fifth blind final corpus (test/eval/blind/final25: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final25'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final25'),
    },
  },
  {
    name: 'blind-final26',
    title: 'Twenty-sixth blind final corpus (test/eval/blind/final26: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final26'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final26'),
    },
  },
  {
    name: 'blind-final27',
    title: 'Twenty-seventh blind final corpus (test/eval/blind/final27: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final27'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final27'),
    },
  },
  {
    name: 'blind-final28',
    title: 'Twenty-eighth blind final corpus (test/eval/blind/final28: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final28'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final28'),
    },
  },
  {
    name: 'blind-final29',
    title: 'Twenty-ninth blind final corpus (test/eval/blind/final29: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final29'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final29'),
    },
  },
  {
    name: 'blind-final30',
    title: 'Thirtieth blind final corpus (test/eval/blind/final30: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final30'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final30'),
    },
  },
  {
    name: 'blind-final31',
    title: 'Thirty-first blind final corpus (test/eval/blind/final31: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final31'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final31'),
    },
  },
  {
    name: 'blind-final32',
    title: 'Thirty-second blind final corpus (test/eval/blind/final32: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final32'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final32'),
    },
  },
  {
    name: 'blind-final33',
    title: 'Thirty-third blind final corpus (test/eval/blind/final33: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final33'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final33'),
    },
  },
  {
    name: 'blind-final34',
    title: 'Thirty-fourth blind final corpus (test/eval/blind/final34: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final34'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final34'),
    },
  },
  {
    name: 'blind-final35',
    title: 'Thirty-fifth blind final corpus (test/eval/blind/final35: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final35'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final35'),
    },
  },
  {
    name: 'blind-final36',
    title: 'Thirty-sixth blind final corpus (test/eval/blind/final36: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final36'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final36'),
    },
  },
  {
    name: 'blind-final37',
    title: 'Thirty-seventh blind final corpus (test/eval/blind/final37: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final37'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final37'),
    },
  },
  {
    name: 'blind-final38',
    title: 'Thirty-eighth blind final corpus (test/eval/blind/final38: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final38'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final38'),
    },
  },
  {
    name: 'blind-final39',
    title: 'Thirty-ninth blind final corpus (test/eval/blind/final39: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final39'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final39'),
    },
  },
  {
    name: 'blind-final40',
    title: 'Fortieth blind final corpus (test/eval/blind/final40: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final40'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final40'),
    },
  },
  {
    name: 'blind-final41',
    title: 'Forty-first blind final corpus (test/eval/blind/final41: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final41'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final41'),
    },
  },
  {
    name: 'blind-final42',
    title: 'Forty-second blind final corpus (test/eval/blind/final42: keyed blind by two helper sessions on 2026-12-07)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final42'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final42'),
    },
  },
  {
    name: 'blind-final43',
    title: 'Forty-third blind final corpus (test/eval/blind/final43: keyed blind by two helper sessions on 2026-12-08)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final43'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final43'),
    },
  },
  {
    name: 'blind-final44',
    title: 'Forty-fourth blind final corpus (test/eval/blind/final44: keyed blind by two helper sessions on 2026-12-08)',
    finalSet: true,
    at: {
      keys: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final44'),
      documents: path.join(REPOSITORY, 'test', 'eval', 'blind', 'final44'),
    },
  },
  {
    name: 'private-dev',
    title: 'Private real pages, development set (outside the repository)',
    at: outside(path.join(privateEval, 'real-dev')),
  },
  {
    name: 'private-final',
    title: 'Private real pages, final set (outside the repository)',
    finalSet: true,
    at: outside(path.join(privateEval, 'real-final')),
  },
];

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const num = (x: number): string => x.toFixed(3);

function evaluate(corpus: Corpus): void {
  if (!('missing' in corpus.at) && !existsSync(corpus.at.keys)) {
    console.log(`${corpus.title}: NOT EVALUATED: no folder ${corpus.at.keys}\n`);
    return;
  }
  if ('missing' in corpus.at) {
    console.log(`${corpus.title}: NOT EVALUATED: ${corpus.at.missing}\n`);
    return;
  }
  const scored = scoreCorpus(loadCorpus(corpus.at.keys, corpus.at.documents), detectAll);
  console.log(`${corpus.title}\n${corpus.at.keys} (${scored.documents.length} documents)\n`);
  console.log(
    `${'document'.padEnd(34)} ${'kind'.padEnd(8)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}  tp fp fn  attribute`,
  );
  for (const { source, byKind } of scored.documents) {
    for (const { kind, attribute } of SCORED_KINDS) {
      const s = byKind.get(kind) ?? emptyScore(kind);
      const attr = s.attributeChecked === 0 ? '-' : `${s.attributeRight}/${s.attributeChecked} ${attribute}`;
      console.log(
        `${source.slice(0, 34).padEnd(34)} ${kind.padEnd(8)} ${num(precision(s)).padStart(6)} ${num(recall(s)).padStart(6)} ${num(f1(s)).padStart(6)}  ${String(s.truePositives).padStart(2)} ${String(s.falsePositives).padStart(2)} ${String(s.falseNegatives).padStart(2)}  ${attr}`,
      );
      if (verbose) {
        for (const m of s.misses) console.log(`    missed:   ${m.replace(/\s+/g, ' ').slice(0, 110)}`);
        for (const m of s.spurious) console.log(`    spurious: ${m.replace(/\s+/g, ' ').slice(0, 110)}`);
        for (const m of s.wrongAttribute) console.log(`    wrong:    ${m}`);
      }
    }
  }
  console.log(`\n${'overall'.padEnd(34)} ${'kind'.padEnd(8)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}  right attribute`);
  for (const { kind, attribute } of SCORED_KINDS) {
    const s = scored.overall.get(kind) ?? emptyScore(kind);
    const attr =
      s.attributeChecked === 0
        ? '-'
        : `${pct(s.attributeRight / s.attributeChecked)} ${attribute} (${s.attributeRight}/${s.attributeChecked})` +
          (s.attributeRightAsPeriodEnd === 0
            ? ''
            : `; ${pct((s.attributeRight - s.attributeRightAsPeriodEnd) / s.attributeChecked)} strict, ${s.attributeRightAsPeriodEnd} "end of" as its last day or month`) +
          (s.attributeRightAsPattern === 0
            ? ''
            : `; ${pct((s.attributeRight - s.attributeRightAsPattern) / s.attributeChecked)} strict, ${s.attributeRightAsPattern} keyed by their pattern's id`);
    console.log(
      `${''.padEnd(34)} ${kind.padEnd(8)} ${num(precision(s)).padStart(6)} ${num(recall(s)).padStart(6)} ${num(f1(s)).padStart(6)}  ${attr}`,
    );
  }
  console.log('\nClaims at each sensitivity level (marginalia.claimSensitivity; dates and controls are always shown).');
  console.log("claims: suggestions shown; sentences: share of the documents' sentences underlined; on yes: share of");
  console.log('suggestions on a `yes` entry (P counts `maybe` ones as right); cut: fewer suggestions than at `high`.\n');
  const claimDocuments = scored.documents.map((d) => claimDocument(d.text, d.key.claims, d.detections));
  for (const line of formatDensityTable(sensitivityRows(claimDocuments), 'level')) console.log(line);
  if (corpus.links !== undefined) printLinks(corpus.links, corpus.at.documents);
  if (sweep) {
    console.log('\nClaims by confidence floor (cut: fewer suggestions than at floor 0).\n');
    const floors = Array.from({ length: 20 }, (_, i) => i / 20);
    for (const line of formatDensityTable(floorSweep(claimDocuments, floors))) console.log(line);
  }
  console.log('');
}

function printLinks(keyFile: string, documents: string): void {
  const score = scoreLinkFile(keyFile, (name) => readFileSync(path.join(documents, name), 'utf8').replace(/^\uFEFF/, ''));
  console.log(`\nLinks of claims to their dates and controls (${path.relative(REPOSITORY, keyFile)}): roles judged on the`);
  console.log(
    `${score.claimsJudged} keyed claims the detectors found (${score.claimsMissing} not found; ${score.targetsMissing} keyed targets not detected).\n`,
  );
  console.log(`${'role'.padEnd(8)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}  tp fp fn`);
  for (const role of LINK_ROLES) {
    const s = score.byRole[role];
    const { p, r, f1: f } = roleF1(s);
    console.log(
      `${role.padEnd(8)} ${num(p).padStart(6)} ${num(r).padStart(6)} ${num(f).padStart(6)}  ${String(s.truePositives).padStart(2)} ${String(s.falsePositives).padStart(2)} ${String(s.falseNegatives).padStart(2)}`,
    );
  }
  if (verbose) for (const e of score.errors) console.log(`    ${e}`);
}

const SECTIONS = ['entities', 'evidence', 'match', 'pdf', 'pdf-real'];
const unknown = (only ?? []).filter((n) => !SECTIONS.includes(n) && !CORPORA.some((c) => c.name === n));
if (unknown.length > 0) {
  console.error(`unknown corpus ${unknown.join(', ')}; known: ${[...CORPORA.map((c) => c.name), ...SECTIONS].join(', ')}`);
  process.exit(2);
}
for (const corpus of CORPORA) {
  if (only === undefined ? corpus.finalSet !== true : only.includes(corpus.name)) evaluate(corpus);
}

function printEntities(): void {
  console.log('Speakers resolved to entities (src/core/entities), against keys made by hand (test/eval/entities):');
  const sharedDir = shared.found ? shared.dir : undefined;
  const sets: [string, string, string | undefined][] = [
    ['dev (shared + samples; tuned on)', 'dev.entities.yaml', undefined],
    ['blind-dev (keyed before the rules)', 'blind-dev.entities.yaml', path.join(REPOSITORY, 'test', 'eval', 'blind', 'dev')],
  ];
  for (const [title, file, folder] of sets) {
    if (file.startsWith('dev') && sharedDir === undefined) {
      console.log(`  ${title}: NOT EVALUATED: no shared corpus`);
      continue;
    }
    const s = scoreEntityFile(path.join(REPOSITORY, 'test', 'eval', 'entities', file), entityDocumentReader(REPOSITORY, sharedDir, folder));
    console.log(
      `  ${title.padEnd(40)} right ${pct(s.right / Math.max(1, s.judged))} (${s.right}/${s.judged}); ${s.unmatched} keyed mentions no longer found`,
    );
    if (verbose) for (const e of s.errors) console.log(`    ${e}`);
  }
  console.log('');
}
if (only === undefined || only.includes('entities')) printEntities();

function printEvidence(): void {
  console.log(
    'Evidence suggested for commitments (src/core/store/evidenceRank.ts), on fictional corpora with decoys (test/eval/evidence):',
  );
  for (const [title, folder] of [
    ['dev (tuned on)', 'dev'],
    ['final (written before the ranking; held out)', 'final'],
  ] as const) {
    const s = scoreEvidence(path.join(REPOSITORY, 'test', 'eval', 'evidence', folder));
    console.log(
      `  ${title.padEnd(46)} P@1 ${pct(s.topRight / Math.max(1, s.settled))} (${s.topRight}/${s.settled}), verdict right ${s.verdictRight}/${s.topRight}, MRR ${(s.reciprocalRanks / Math.max(1, s.settled)).toFixed(3)}; nothing proposed where nothing settles it: ${s.abstained}/${s.unsettled}`,
    );
    if (verbose) for (const e of s.errors) console.log(`    ${e}`);
  }
  console.log('');
}
if (only === undefined || only.includes('evidence')) printEvidence();

function printMatching(): void {
  console.log('The same claim across documents (src/core/match), against keys written by hand (test/fixtures/match):');
  console.log('pairs of sentences in different documents that report the same statement; P over proposed pairs, R per keyed kind.\n');
  const settings: [string, MatchOptions][] = [
    ['copies and edits only', { lexicalOnly: true }],
    ['+ paraphrases (terms, synonyms)', {}],
  ];
  for (const set of ['dev', 'test']) {
    const dir = path.join(REPOSITORY, 'test', 'fixtures', 'match', set);
    if (!existsSync(path.join(dir, 'key.yaml'))) continue;
    for (const over of ['claims', 'sentences'] as const) {
      for (const [title, options] of settings) {
        const s = scoreMatching(dir, over, options);
        const keyed = MATCH_KINDS.reduce((n, k) => n + s.byKind[k].keyed, 0);
        const found = MATCH_KINDS.reduce((n, k) => n + s.byKind[k].found, 0);
        const kinds = MATCH_KINDS.map((k) => `${k} ${s.byKind[k].found}/${s.byKind[k].keyed}`).join(', ');
        console.log(
          `  ${set.padEnd(5)} over ${over.padEnd(9)} ${title.padEnd(32)} P ${pct(s.correct / Math.max(1, s.predicted))} (${s.correct}/${s.predicted})  R ${pct(found / Math.max(1, keyed))} (${kinds})  kind right ${s.kindRight}/${found}${s.unplaced > 0 ? `  not placed ${s.unplaced}` : ''}`,
        );
        // The test set's errors stay unread: it measures the method once it is tuned on dev.
        if (verbose && set === 'dev' && over === 'claims' && options.lexicalOnly !== true)
          for (const e of s.errors) console.log(`    ${e}`);
      }
    }
  }
  console.log('');
}
if (only === undefined || only.includes('match')) printMatching();

async function printPdf(): Promise<void> {
  console.log('PDF sources (src/core/sources): each document laid out as a PDF (pdf-lib), read back through pdf.js, detected again;');
  console.log(
    'found/matched against what the detectors find in the laid-out text (page breaks, split words, headers and page numbers in between).\n',
  );
  const folders: [string, string[]][] = [
    [
      'own documents (samples/corpus, test/eval/blind/dev)',
      [path.join(REPOSITORY, 'samples', 'corpus'), path.join(REPOSITORY, 'test', 'eval', 'blind', 'dev')],
    ],
    ...(shared.found ? ([['shared corpus (../shared/corpus)', [shared.dir]]] as [string, string[]][]) : []),
  ];
  for (const [title, dirs] of folders) {
    const s = await scorePdfRoundTrip(dirs);
    const kinds = (['claim', 'date', 'control'] as const)
      .map((k) => {
        const b = s.byKind[k];
        return `${k}s P ${pct(b.matched / Math.max(1, b.found))} R ${pct(b.matched / Math.max(1, b.reference))} (${b.matched}/${b.reference})`;
      })
      .join('  ');
    console.log(`  ${title}: ${s.documents} documents, ${s.pages} pages, text the same in ${s.sameText}/${s.documents}`);
    console.log(`    ${kinds}`);
    if (verbose) for (const e of s.errors) console.log(`    ${e}`);
  }
  console.log('');
}
// Last: the parts that wait (pdf.js reads asynchronously). The real PDFs (test/eval/pdfReal.ts)
// only when named: --corpus pdf-real.
void (async () => {
  if (only === undefined || only.includes('pdf')) await printPdf();
  if (only?.includes('pdf-real')) await printRealPdfs(verbose);
})();
