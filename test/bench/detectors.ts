// Detector throughput on generated article-like text of 100 KB, 1 MB and 10 MB, beside
// chrono-node's casual parser run over the same whole text in the same process (the
// naive way to find dates), as a ratio. Figures only: no assertions.
import * as chrono from 'chrono-node';
import { builtinMatcher, DocumentDetector } from '../../src/core/detect';
import { detectClaims } from '../../src/core/detect/claims';
import { detectControls } from '../../src/core/detect/controls';
import { detectDates } from '../../src/core/detect/dates';
import { splitBlocks } from '../../src/core/text/blocks';
import { generateArticleText } from './article';

function time(fn: () => unknown, minMs = 300): number {
  // Repeat short runs so small sizes are not all timer noise; report the best run.
  let best = Infinity;
  let total = 0;
  let runs = 0;
  while (runs < 2 || (total < minMs && runs < 20)) {
    const t0 = performance.now();
    fn();
    const ms = performance.now() - t0;
    best = Math.min(best, ms);
    total += ms;
    runs++;
  }
  return best;
}

const mbps = (bytes: number, ms: number): string => `${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s`;

export function benchDetectors(sizes: readonly number[] = [100_000, 1_000_000, 10_000_000]): void {
  console.log('\nDetectors: throughput on generated article-like text (best of repeated runs)');
  const matcher = builtinMatcher();
  // Warm up the JIT and load chrono before measuring.
  const warm = generateArticleText(50_000, 7);
  new DocumentDetector(matcher).detect(warm);
  chrono.casual.parse(warm.slice(0, 5000));

  const header = ['size', 'blocks', 'controls', 'dates', 'claims', 'pipeline', 'chrono casual', 'pipeline ÷ chrono'];
  console.log(header.map((h, i) => (i === 0 ? h.padEnd(8) : h.padStart(14))).join(' '));
  const rows: { size: number; pipelineMs: number }[] = [];
  for (const size of sizes) {
    const text = generateArticleText(size);
    const min = size >= 1_000_000 ? 0 : 300;
    const blocksMs = time(() => splitBlocks(text), min);
    const controlsMs = time(() => detectControls(text, matcher), min);
    const datesMs = time(() => detectDates(text), min);
    const claimsMs = time(() => detectClaims(text), min);
    const pipelineMs = time(() => new DocumentDetector(matcher).detect(text), min);
    // chrono slows down more than linearly on one long text; at 10 MB a whole-text pass
    // would take many minutes, so there it runs over 1 MB slices (which flatters it).
    const chronoMs = size > 1_000_000
      ? time(() => { for (let i = 0; i < size; i += 1_000_000) chrono.casual.parse(text.slice(i, i + 1_000_000)); }, 0)
      : time(() => chrono.casual.parse(text), size >= 1_000_000 ? 0 : min);
    rows.push({ size, pipelineMs });
    const cells = [blocksMs, controlsMs, datesMs, claimsMs, pipelineMs, chronoMs].map((ms) => mbps(size, ms).padStart(14));
    console.log(`${`${size / 1e6} MB`.padEnd(8)} ${cells.join(' ')} ${`${(chronoMs / pipelineMs).toFixed(1)}×`.padStart(14)}`);
  }
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (first && last && last !== first) {
    const growth = (last.pipelineMs / first.pipelineMs) / (last.size / first.size);
    console.log(`Pipeline time grew ${(last.pipelineMs / first.pipelineMs).toFixed(1)}× for ${(last.size / first.size).toFixed(0)}× the text (1.0 = linear: ${growth.toFixed(2)})`);
  }
}
