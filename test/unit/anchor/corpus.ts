// The answer-key spans of the shared corpus for the anchoring benchmark: every `text` of
// every answer key, located in its document (U+00A0 read as a plain space, as the corpus
// guideline says), every occurrence when a text occurs more than once. Reading and
// locating are test/eval's, the same as `npm run eval`'s.
import type { AccuracyDocument } from '../../../src/core/anchor/accuracy';
import { loadCorpus as loadKeyedCorpus } from '../../eval/corpus';
import { locate } from '../../eval/score';
import { sharedCorpusDir } from '../../eval/shared';

/** The shared corpus folder, or undefined when it is missing (see test/eval/shared.ts). */
export function corpusDir(): string | undefined {
  return sharedCorpusDir();
}

export function loadCorpus(dir: string): AccuracyDocument[] {
  return loadKeyedCorpus(dir, dir).map(({ source, text, key }) => {
    const spans = new Map<string, { start: number; end: number }>();
    for (const entry of locate(
      text,
      [...key.controls, ...key.dates, ...key.claims].filter((e) => e.text !== ''),
    )) {
      for (const span of entry.spans) spans.set(`${span.start}:${span.end}`, span);
    }
    return { name: source, text, spans: [...spans.values()] };
  });
}

/** mulberry32, seeded, so a benchmark run can be repeated (the generator of test/bench/article.ts). */
export { seededRandom as seededRng } from '../../bench/article';
