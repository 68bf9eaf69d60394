// Detector throughput at 100 KB, 1 MB and 10 MB on three texts, beside chrono-node's
// casual parser run over the same text in the same process, as ratios. Figures only: no
// assertions.
//
// The texts (one table each):
// - real: the shared corpus's documents concatenated and repeated whole (realText.ts);
//   the aims are measured on it. Its "per doc" column runs the pipeline one document at
//   a time with a fresh detector each, as the CLI does per file: no detector sees a
//   sentence twice there, where the whole text repeats every document every few KB.
// - unique: generated, no sentence twice (uniqueArticle.ts).
// - templated: generated from a dozen sentence templates (article.ts), the bench's text
//   before real text was added; it flatters every per-pass cache.
//
// Linearity: the pipeline's time at 10 MB over its time at 100 KB, divided by 100
// (1.00 = linear; below 1 it grew slower than the text, above 1 faster).
//
// Every figure is measured the same way: one untimed warm-up call of each function on
// the text (so JIT compilation is not timed, at any size), then rounds in which each
// function is timed once, in turn, until there are enough; each figure is the median of
// its function's runs. Taking turns means a stretch of load from elsewhere on the
// machine slows every column alike, so the ratios within one run hold even when the
// absolute figures move. A best-of figure flattered whichever call happened to run
// between two garbage collections; a median is what a user waits for.
//
// chrono is timed two ways, because one is not a fair baseline on its own:
// - whole text: one parse of the whole text, the naive way to find dates. Its cost grows
//   with the square of the length (for every date it finds, one of its refiners tests a
//   regular expression ending in `$` against all the text before it), so it runs at about
//   5 MB/s on 100 KB and 0.3 MB/s on 1 MB: a ratio against it mostly measures the text's
//   length. At 10 MB it would take minutes and is not run.
// - per block: one parse per block from splitBlocks, which is linear: chrono at its best.
import * as chrono from 'chrono-node';
import { builtinMatcher, DocumentDetector } from '../../src/core/detect';
import { detectClaims } from '../../src/core/detect/claims';
import { detectControls } from '../../src/core/detect/controls';
import { detectDates } from '../../src/core/detect/dates';
import { splitBlocks } from '../../src/core/text/blocks';
import { generateArticleText } from './article';
import { loadRealDocuments, realDocumentsOfSize, skipLine } from './realText';
import { generateUniqueArticleText } from './uniqueArticle';

/** Rounds: at least MIN_ROUNDS, more while under BUDGET_MS in all, at most MAX_ROUNDS. */
const MIN_ROUNDS = 5;
const MAX_ROUNDS = 25;
const BUDGET_MS = 2000;
/** When one round takes longer than this, SLOW_ROUNDS are enough: its noise is small beside it. */
const SLOW_MS = 4000;
const SLOW_ROUNDS = 3;
/** Above this size the whole-text chrono pass is not run (see the header). */
const CHRONO_WHOLE_MAX = 1_000_000;

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Median milliseconds of each function, timed in turn after one untimed warm-up call each. */
function medianMs<K extends string>(fns: Record<K, () => unknown>): Record<K, number> {
  const names = Object.keys(fns) as K[];
  let roundMs = 0;
  for (const name of names) {
    const t0 = performance.now();
    fns[name]();
    roundMs += performance.now() - t0;
  }
  const minRounds = roundMs > SLOW_MS ? SLOW_ROUNDS : MIN_ROUNDS;
  const times = new Map<K, number[]>(names.map((name) => [name, []]));
  let total = 0;
  for (let round = 0; round < minRounds || (total < BUDGET_MS && round < MAX_ROUNDS); round++) {
    for (const name of names) {
      const t0 = performance.now();
      fns[name]();
      const ms = performance.now() - t0;
      times.get(name)?.push(ms);
      total += ms;
    }
  }
  const out = {} as Record<K, number>;
  for (const name of names) out[name] = median(times.get(name) ?? []);
  return out;
}

const mbps = (bytes: number, ms: number): string => `${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s`;
const ratio = (slow: number, fast: number): string => `${(slow / fast).toFixed(1)}×`;

/** One text to measure at each size: the text itself and, for real text, its documents. */
interface TextSource {
  name: string;
  description: string;
  make(size: number): { text: string; documents?: readonly string[] };
  /** Runs chrono's whole-text pass too (the templated text only: it is the old table). */
  chronoWhole: boolean;
}

interface Row {
  size: number;
  pipelineMs: number;
  chronoBlockMs: number;
  perDocMs?: number;
}

/** The pipeline one document at a time, a fresh detector each: what the CLI does per file. */
function perDocument(documents: readonly string[], matcher: ReturnType<typeof builtinMatcher>): void {
  for (const d of documents) new DocumentDetector(matcher).detect(d);
}

function benchSource(source: TextSource, sizes: readonly number[]): Row[] {
  console.log(`\n${source.name}: ${source.description}`);
  const matcher = builtinMatcher();
  const perDoc = source.name === 'real';
  const header = [
    'size',
    'blocks',
    'controls',
    'dates',
    'claims',
    'pipeline',
    ...(perDoc ? ['per doc'] : []),
    ...(source.chronoWhole ? ['chrono whole'] : []),
    'chrono/block',
    ...(source.chronoWhole ? ['÷ whole'] : []),
    '÷ per block',
  ];
  console.log(header.map((h, i) => (i === 0 ? h.padEnd(8) : h.padStart(13))).join(' '));
  const rows: Row[] = [];
  for (const size of sizes) {
    const { text, documents } = source.make(size);
    const blocks = splitBlocks(text).filter((b) => b.kind !== 'blank');
    const fns = {
      blocks: () => splitBlocks(text),
      controls: () => detectControls(text, matcher),
      dates: () => detectDates(text),
      claims: () => detectClaims(text),
      pipeline: () => new DocumentDetector(matcher).detect(text),
      perDoc: () => {
        if (documents) perDocument(documents, matcher);
      },
      chronoBlock: () => {
        for (const b of blocks) chrono.casual.parse(b.text);
      },
      // Runs nothing above CHRONO_WHOLE_MAX or when not asked for; its figure is not shown then.
      chronoWhole: () => (source.chronoWhole && size <= CHRONO_WHOLE_MAX ? chrono.casual.parse(text) : undefined),
    };
    const ms = medianMs(fns);
    const bytes = text.length;
    const chronoWholeMs = source.chronoWhole && size <= CHRONO_WHOLE_MAX ? ms.chronoWhole : undefined;
    rows.push({ size: bytes, pipelineMs: ms.pipeline, chronoBlockMs: ms.chronoBlock, ...(documents ? { perDocMs: ms.perDoc } : {}) });
    const cells = [ms.blocks, ms.controls, ms.dates, ms.claims, ms.pipeline].map((t) => mbps(bytes, t));
    if (perDoc) cells.push(documents ? mbps(bytes, ms.perDoc) : '—');
    if (source.chronoWhole) cells.push(chronoWholeMs === undefined ? '—' : mbps(bytes, chronoWholeMs));
    cells.push(mbps(bytes, ms.chronoBlock));
    if (source.chronoWhole) cells.push(chronoWholeMs === undefined ? '—' : ratio(chronoWholeMs, ms.pipeline));
    cells.push(ratio(ms.chronoBlock, ms.pipeline));
    console.log(`${`${size / 1e6} MB`.padEnd(8)} ${cells.map((c) => c.padStart(13)).join(' ')}`);
  }
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (first && last && last !== first) {
    const times = last.size / first.size;
    const growth = (name: string, a: number, b: number): string =>
      `${name} time grew ${(b / a).toFixed(1)}× for ${times.toFixed(0)}× the text (linearity ${(b / a / times).toFixed(2)}; 1.00 = linear)`;
    console.log(growth('Pipeline', first.pipelineMs, last.pipelineMs));
    if (first.perDocMs !== undefined && last.perDocMs !== undefined) {
      console.log(growth('Pipeline per document', first.perDocMs, last.perDocMs));
    }
    console.log(growth('chrono per block', first.chronoBlockMs, last.chronoBlockMs));
  }
  if (source.chronoWhole && sizes.some((s) => s > CHRONO_WHOLE_MAX)) {
    console.log(`chrono whole: not run above ${CHRONO_WHOLE_MAX / 1e6} MB, where its quadratic cost would take minutes.`);
  }
  return rows;
}

/** The aim on real text: the pipeline at 10 MB/s or more on one core, at every size. */
const AIM_MBPS = 10;

export function benchDetectors(sizes: readonly number[] = [100_000, 1_000_000, 10_000_000]): void {
  console.log(`\nDetectors: throughput (median of ${MIN_ROUNDS}+ runs, taking turns, after a warm-up run), one core`);
  const real = loadRealDocuments();
  const sources: TextSource[] = [];
  if (real.found) {
    sources.push({
      name: 'real',
      description: `the ${real.documents.length} documents of ${real.dir}, concatenated and repeated whole`,
      make: (size) => {
        const documents = realDocumentsOfSize(real.documents, size);
        return { text: documents.join('\n\n'), documents };
      },
      chronoWhole: false,
    });
  } else {
    console.log(skipLine('Detectors', real.reason));
  }
  sources.push(
    {
      name: 'unique',
      description: 'generated articles in which no sentence occurs twice (test/bench/uniqueArticle.ts)',
      make: (size) => ({ text: generateUniqueArticleText(size) }),
      chronoWhole: false,
    },
    {
      name: 'templated',
      description: 'generated from a dozen sentence templates (test/bench/article.ts): flatters per-pass caches',
      make: (size) => ({ text: generateArticleText(size) }),
      chronoWhole: true,
    },
  );
  const summary: string[] = [];
  for (const source of sources) {
    const rows = benchSource(source, sizes);
    const speeds = rows.map((r) => r.size / 1e6 / (r.pipelineMs / 1000));
    summary.push(`  ${source.name.padEnd(10)} pipeline ${speeds.map((v) => v.toFixed(1)).join(' / ')} MB/s`);
    const perDoc = rows.filter((r) => r.perDocMs !== undefined).map((r) => r.size / 1e6 / ((r.perDocMs as number) / 1000));
    if (perDoc.length > 0) summary.push(`  ${''.padEnd(10)} per doc  ${perDoc.map((v) => v.toFixed(1)).join(' / ')} MB/s`);
  }
  console.log(`\nPipeline at ${sizes.map((s) => `${s / 1e6} MB`).join(' / ')} (aim on real text: ≥ ${AIM_MBPS} MB/s on one core, linear):`);
  for (const line of summary) console.log(line);
  if (!real.found) console.log(skipLine('The aim', real.reason));
}
