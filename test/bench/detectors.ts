// Detector throughput on generated article-like text of 100 KB, 1 MB and 10 MB, beside
// chrono-node's casual parser run over the same text in the same process, as ratios.
// Figures only: no assertions.
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

export function benchDetectors(sizes: readonly number[] = [100_000, 1_000_000, 10_000_000]): void {
  console.log(`\nDetectors: throughput on generated article-like text (median of ${MIN_ROUNDS}+ runs, taking turns, after a warm-up run)`);
  const matcher = builtinMatcher();
  const header = ['size', 'blocks', 'controls', 'dates', 'claims', 'pipeline', 'chrono whole', 'chrono/block', '÷ whole', '÷ per block'];
  console.log(header.map((h, i) => (i === 0 ? h.padEnd(8) : h.padStart(13))).join(' '));
  const rows: { size: number; pipelineMs: number; chronoBlockMs: number }[] = [];
  for (const size of sizes) {
    const text = generateArticleText(size);
    const blocks = splitBlocks(text).filter((b) => b.kind !== 'blank');
    const ms = medianMs({
      blocks: () => splitBlocks(text),
      controls: () => detectControls(text, matcher),
      dates: () => detectDates(text),
      claims: () => detectClaims(text),
      pipeline: () => new DocumentDetector(matcher).detect(text),
      chronoBlock: () => {
        for (const b of blocks) chrono.casual.parse(b.text);
      },
      // Runs nothing above CHRONO_WHOLE_MAX; its figure is not shown there.
      chronoWhole: () => (size <= CHRONO_WHOLE_MAX ? chrono.casual.parse(text) : undefined),
    });
    const pipelineMs = ms.pipeline;
    const chronoBlockMs = ms.chronoBlock;
    const chronoWholeMs = size <= CHRONO_WHOLE_MAX ? ms.chronoWhole : undefined;
    rows.push({ size, pipelineMs, chronoBlockMs });
    const cells = [ms.blocks, ms.controls, ms.dates, ms.claims, pipelineMs].map((t) => mbps(size, t));
    cells.push(chronoWholeMs === undefined ? '—' : mbps(size, chronoWholeMs), mbps(size, chronoBlockMs));
    cells.push(chronoWholeMs === undefined ? '—' : ratio(chronoWholeMs, pipelineMs), ratio(chronoBlockMs, pipelineMs));
    console.log(`${`${size / 1e6} MB`.padEnd(8)} ${cells.map((c) => c.padStart(13)).join(' ')}`);
  }
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (first && last && last !== first) {
    const times = last.size / first.size;
    const growth = (name: string, a: number, b: number): string =>
      `${name} time grew ${(b / a).toFixed(1)}× for ${times.toFixed(0)}× the text (1.0 = linear: ${(b / a / times).toFixed(2)})`;
    console.log(growth('Pipeline', first.pipelineMs, last.pipelineMs));
    console.log(growth('chrono per block', first.chronoBlockMs, last.chronoBlockMs));
  }
  if (sizes.some((s) => s > CHRONO_WHOLE_MAX)) {
    console.log(`chrono whole: not run above ${CHRONO_WHOLE_MAX / 1e6} MB, where its quadratic cost would take minutes.`);
  }
}
