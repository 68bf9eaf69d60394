// Agreement benchmark: two coders' 10,000 annotations each, compared (pairing, κ, α, αᵤ and
// every disagreement), spread over 100 documents and all in one; and the Markdown report.
// Figures only, printed beside their aims: no assertions.
import type { CodedSpan, Coder } from '../../src/core/agree/coders';
import { krippendorffAlpha } from '../../src/core/agree/alpha';
import { agreementMarkdown } from '../../src/core/agree/markdown';
import { compareCoders } from '../../src/core/agree/study';
import { unitizedAlpha } from '../../src/core/agree/unitized';
import { seededRandom } from './article';

const KINDS: [string, string[]][] = [
  ['claim', ['commitment', 'assertion', 'denial', 'comparison']],
  ['date', ['2024', '2025-03', '2025-06-30', '2026']],
  ['control', ['iso-27001', 'soc-2', 'nist-csf', 'gdpr', 'fedramp']],
];

function time<T>(fn: () => T, runs = 3): { ms: number; result: T } {
  let best = Infinity;
  let result = fn();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, result };
}

function row(what: string, ms: number, aim: number, extra = ''): void {
  const verdict = ms <= aim ? 'within aim' : `${(ms / aim).toFixed(1)}× the aim`;
  console.log(
    `${what.padEnd(56)} ${`${ms.toFixed(0)} ms`.padStart(9)}   aim ${`${aim} ms`.padStart(8)}   ${verdict}${extra ? `   ${extra}` : ''}`,
  );
}

/**
 * Two coders over `documents` documents with `perDocument` spans each for the first; the
 * second drops a tenth, moves a tenth, relabels a tenth and adds a twentieth of its own.
 */
function study(documents: number, perDocument: number): [Coder, Coder] {
  const random = seededRandom(26);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const a = new Map<string, { path: string; length: number; spans: CodedSpan[] }>();
  const b = new Map<string, { path: string; length: number; spans: CodedSpan[] }>();
  for (let d = 0; d < documents; d++) {
    const path = `doc-${d}.txt`;
    const length = perDocument * 200;
    const mine: CodedSpan[] = [];
    const theirs: CodedSpan[] = [];
    for (let i = 0; i < perDocument; i++) {
      const [kind, labels] = pick(KINDS);
      const start = i * 200 + Math.floor(random() * 50);
      const span: CodedSpan = {
        id: `a${d}-${i}`,
        kind,
        label: pick(labels),
        start,
        end: start + 20 + Math.floor(random() * 120),
        quote: '…',
      };
      mine.push(span);
      const r = random();
      if (r < 0.1) continue;
      if (r < 0.2) theirs.push({ ...span, id: `b${d}-${i}`, start: span.start + 3 });
      else if (r < 0.3) theirs.push({ ...span, id: `b${d}-${i}`, label: pick(labels) });
      else theirs.push({ ...span, id: `b${d}-${i}` });
      if (r > 0.95) theirs.push({ ...span, id: `x${d}-${i}`, start: span.end + 5, end: span.end + 15 });
    }
    a.set(path, { path, length, spans: mine });
    b.set(path, { path, length, spans: theirs.sort((x, y) => x.start - y.start) });
  }
  return [
    { name: 'ada', documents: a },
    { name: 'ben', documents: b },
  ];
}

export function benchAgree(): void {
  console.log('\n== agreement (two coders, 10,000 annotations each) ==');
  for (const [documents, perDocument] of [
    [100, 100],
    [1, 10_000],
  ] as const) {
    const coders = study(documents, perDocument);
    const spans = coders.map((c) => [...c.documents.values()].reduce((n, d) => n + d.spans.length, 0));
    const { ms, result } = time(() => compareCoders(coders));
    row(
      `compare: ${documents} document${documents === 1 ? '' : 's'} × ${perDocument} spans`,
      ms,
      2000,
      `${spans.join(' + ')} spans, ${result.disagreements.length} disagreements, αᵤ ${result.unitized.alpha?.toFixed(3) ?? '—'}`,
    );
    const md = time(() => agreementMarkdown(result));
    row('  the Markdown report', md.ms, 1000, `${(md.result.length / 1024).toFixed(0)} KiB`);
  }
  const random = seededRandom(7);
  const units = Array.from({ length: 10_000 }, () => [
    Math.floor(random() * 5),
    random() < 0.8 ? undefined : Math.floor(random() * 5),
    Math.floor(random() * 5),
  ]);
  for (const level of ['nominal', 'interval'] as const)
    row(`Krippendorff's α (${level}), 10,000 units × 3 coders`, time(() => krippendorffAlpha(units, level)).ms, 500);
  const unitized = Array.from({ length: 20_000 }, (_, i) => {
    const start = Math.floor(i / 2) * 100 + Math.floor(random() * 10);
    return { coder: i % 2, start, end: start + 10 + Math.floor(random() * 80), category: pick3(random) };
  });
  row(
    "Krippendorff's αᵤ, 20,000 units over 1,000,000 positions",
    time(() => unitizedAlpha({ begin: 0, length: 1_000_000, coders: 2, units: unitized })).ms,
    500,
  );
}

function pick3(random: () => number): string {
  return ['claim', 'date', 'control'][Math.floor(random() * 3)] ?? 'claim';
}
