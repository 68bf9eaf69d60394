// The CLI end to end, as a user runs it: `node dist/cli.js` started, the file read,
// detected and its JSON written to a file. Builds the bundles first (node esbuild.js
// --production, what is packaged). Figures only: no assertions.
//
// - one file of real text (the shared corpus's documents repeated whole, realText.ts)
//   and of generated text with no repeated sentence, at 1 MB and 5 MB: MB/s of wall
//   time, MB per CPU-second (user + system, every thread; on a busy shared machine the
//   fairer figure for "one core"), the process's peak RSS, and the 5 MB time over five
//   times the 1 MB time (linearity, 1.00 = linear);
// - 400 files of real text (10 KB and 40 KB each), `--jobs 1` against `--jobs 2` (and
//   one per core, when that is another number): the speed-up of worker threads, beside
//   the machine's load average (other work on the cores leaves less to gain);
// - JSON Lines documents streamed through standard input at two lengths, with one
//   thread and with workers: MB/s and peak RSS, which should not grow with the stream.
//
// Each figure is the median of a few runs taken in turns (the streams: one run each). MARGINALIA_BENCH_BASELINE=PATH
// (another build's dist/cli.js) adds its single-file and 400-file runs beside, for a
// before-and-after measured in one run.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPOSITORY } from '../eval/shared';
import { loadRealDocuments, realDocumentsOfSize, skipLine } from './realText';
import { generateUniqueArticleText } from './uniqueArticle';

const ROUNDS = 3;
const FILES = 400;
/**
 * Each of the 400 files: whole documents of the corpus up to about this many characters.
 * Small files show what a thread's fixed cost (start, catalog, the JIT warming up) does
 * to the speed-up; larger ones how it scales once the detecting outweighs it.
 */
const FILE_SIZES = [10_000, 40_000];

/** What one run of the CLI took. */
interface RunFigures {
  wallMs: number;
  cpuMs: number;
  /** Peak resident set, bytes. */
  rss: number;
}

/**
 * A script preloaded into the CLI's process (`node --require`): on exit it writes the
 * process's CPU time (every thread's) and peak RSS where MARGINALIA_BENCH_RUSAGE says.
 */
const RUSAGE_SCRIPT = `process.on('exit', () => {
  const u = process.resourceUsage();
  require('fs').writeFileSync(process.env.MARGINALIA_BENCH_RUSAGE, JSON.stringify({ cpu: (u.userCPUTime + u.systemCPUTime) / 1000, rss: u.maxRSS * 1024 }));
});
`;

class CliRunner {
  private readonly rusageScript: string;
  private readonly rusageOut: string;

  constructor(
    private readonly work: string,
    readonly cli: string,
  ) {
    this.rusageScript = path.join(work, 'rusage.cjs');
    this.rusageOut = path.join(work, 'rusage.json');
    fs.writeFileSync(this.rusageScript, RUSAGE_SCRIPT);
  }

  /** Runs the CLI once per argument list, all at the same time, and gives the wall time until the last is done. */
  runShell(argLists: readonly (readonly string[])[]): RunFigures {
    const quote = (a: string): string => `'${a.replace(/'/g, `'\\''`)}'`;
    const commands = argLists.map((args, i) =>
      [process.execPath, this.cli, ...args]
        .map(quote)
        .join(' ')
        .concat(` > ${quote(path.join(this.work, `out-${i}.json`))} &`),
    );
    const t0 = performance.now();
    const r = spawnSync('sh', ['-c', `${commands.join('\n')}\nwait`], { stdio: ['ignore', 'ignore', 'pipe'] });
    const wallMs = performance.now() - t0;
    if (r.status !== 0) throw new Error(`sh -c … exited with ${String(r.status)}: ${r.stderr.toString().slice(0, 2000)}`);
    return { wallMs, cpuMs: NaN, rss: NaN };
  }

  /** Runs the CLI with `args`, standard input from `stdinFile` (else none), standard output to a file. */
  run(args: readonly string[], stdinFile?: string): RunFigures {
    const outFile = path.join(this.work, 'out.json');
    const out = fs.openSync(outFile, 'w');
    const input = stdinFile === undefined ? 'ignore' : fs.openSync(stdinFile, 'r');
    try {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ['--require', this.rusageScript, this.cli, ...args], {
        stdio: [input, out, 'pipe'],
        env: { ...process.env, MARGINALIA_BENCH_RUSAGE: this.rusageOut },
        maxBuffer: 1 << 26,
      });
      const wallMs = performance.now() - t0;
      // Exit 1 (a file reported) is fine for a bench; anything else is not.
      if (r.status !== 0 && r.status !== 1) {
        throw new Error(`${this.cli} ${args.join(' ')} exited with ${String(r.status)}: ${r.stderr.toString().slice(0, 2000)}`);
      }
      const usage = JSON.parse(fs.readFileSync(this.rusageOut, 'utf8')) as { cpu: number; rss: number };
      return { wallMs, cpuMs: usage.cpu, rss: usage.rss };
    } finally {
      fs.closeSync(out);
      if (typeof input === 'number') fs.closeSync(input);
    }
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Runs every case ROUNDS times, taking turns, and gives each case's medians. */
function inTurns<K extends string>(cases: Record<K, () => RunFigures>, rounds = ROUNDS): Record<K, RunFigures> {
  const keys = Object.keys(cases) as K[];
  const runs = new Map<K, RunFigures[]>(keys.map((k) => [k, []]));
  for (let round = 0; round < rounds; round++) for (const k of keys) runs.get(k)?.push(cases[k]());
  const out = {} as Record<K, RunFigures>;
  for (const k of keys) {
    const r = runs.get(k) ?? [];
    out[k] = { wallMs: median(r.map((x) => x.wallMs)), cpuMs: median(r.map((x) => x.cpuMs)), rss: Math.max(...r.map((x) => x.rss)) };
  }
  return out;
}

const mbps = (bytes: number, ms: number): string => `${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s`;
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;
/** The machine's load beside its cores: a busy machine gives worker threads less to gain. */
const load = (): string => {
  const cores = availableParallelism();
  return `${cores} core${cores === 1 ? '' : 's'} here, load average ${loadavg()[0]?.toFixed(1) ?? '?'} over the last minute`;
};
const cell = (text: string, width = 13): string => text.padStart(width);

function build(): void {
  const r = spawnSync(process.execPath, ['esbuild.js', '--production'], { cwd: REPOSITORY, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`node esbuild.js --production failed:\n${r.stdout}\n${r.stderr}`);
}

/** Writes `text` to `dir/name` and gives its path and UTF-8 size. */
function put(dir: string, name: string, text: string): { file: string; bytes: number } {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return { file, bytes: Buffer.byteLength(text) };
}

function singleFiles(runners: readonly CliRunner[], work: string, texts: Record<string, (size: number) => string>): void {
  console.log('\nOne file, end to end: node dist/cli.js detect --json FILE > out.json (start, read, detect, write)');
  console.log(['text', 'size', 'wall', 'per CPU-s', 'peak RSS'].map((h, i) => (i < 2 ? h.padEnd(i === 0 ? 28 : 6) : cell(h))).join(' '));
  for (const [name, make] of Object.entries(texts)) {
    const sizes = [1_000_000, 5_000_000].map((size) => ({ size, ...put(work, `${name.split(' ')[0] ?? name}-${size}.txt`, make(size)) }));
    for (const runner of runners) {
      const label = runners.length > 1 && runner !== runners[0] ? `${name} (baseline)` : name;
      const figures = inTurns(
        Object.fromEntries(sizes.map((s) => [String(s.size), () => runner.run(['detect', '--json', s.file])])) as Record<
          string,
          () => RunFigures
        >,
      );
      for (const s of sizes) {
        const f = figures[String(s.size)] as RunFigures;
        console.log(
          `${label.padEnd(28)} ${`${s.size / 1e6} MB`.padEnd(6)} ${cell(mbps(s.bytes, f.wallMs))} ${cell(mbps(s.bytes, f.cpuMs))} ${cell(mb(f.rss))}`,
        );
      }
      const [small, large] = sizes;
      if (small && large) {
        const a = figures[String(small.size)] as RunFigures;
        const b = figures[String(large.size)] as RunFigures;
        const times = large.bytes / small.bytes;
        console.log(
          `${''.padEnd(28)} 5 MB vs 1 MB: ${(b.wallMs / a.wallMs).toFixed(2)}× the wall time, ${(b.cpuMs / a.cpuMs).toFixed(2)}× the CPU, for ${times.toFixed(2)}× the text (linearity ${(b.wallMs / a.wallMs / times).toFixed(2)} wall, ${(b.cpuMs / a.cpuMs / times).toFixed(2)} CPU; 1.00 = linear)`,
        );
      }
    }
  }
  const start = inTurns({ start: () => (runners[0] as CliRunner).run(['--version']) }).start;
  console.log(`Start alone (node dist/cli.js --version): ${start.wallMs.toFixed(0)} ms wall, ${start.cpuMs.toFixed(0)} ms CPU`);
}

/**
 * What two threads can gain here and now: the same busy loop run twice in one thread,
 * against once in each of two threads at the same time. On an idle 2-core machine about
 * 2×; other work on the cores lowers it, and the CLI's speed-up cannot exceed it.
 */
function ceiling(): number {
  const script = `
    const { Worker } = require('node:worker_threads');
    const unit = 'let x = 0; for (let i = 0; i < 3e8; i++) x = (x * 31 + i) | 0; require("node:worker_threads").parentPort.postMessage(x);';
    const once = () => new Promise((resolve) => new Worker(unit, { eval: true }).once('message', resolve));
    (async () => {
      const t0 = performance.now();
      await once();
      await once();
      const t1 = performance.now();
      await Promise.all([once(), once()]);
      const t2 = performance.now();
      console.log((t1 - t0) / (t2 - t1));
    })();`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  return Number(r.stdout.trim());
}

function manyFiles(runners: readonly CliRunner[], work: string, documents: readonly string[], fileSize: number): void {
  const dir = path.join(work, `files-${fileSize}`);
  fs.mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < FILES; i++) {
    // Each file starts at another document, so the files are not all alike.
    const rotated = [...documents.slice(i % documents.length), ...documents.slice(0, i % documents.length)];
    bytes += put(dir, `doc-${String(i).padStart(3, '0')}.txt`, realDocumentsOfSize(rotated, fileSize).join('\n\n')).bytes;
  }
  const cores = availableParallelism();
  const jobs = [...new Set([1, 2, cores])];
  console.log(
    `\n${FILES} files of real text, ${fileSize / 1000} KB each (${(bytes / 1e6).toFixed(1)} MB in all): detect --jsonl DIR > out.jsonl, --jobs ${jobs.join(' / ')}; ${load()}`,
  );
  const main = runners[0] as CliRunner;
  const cases: Record<string, () => RunFigures> = {};
  for (const n of jobs) cases[`--jobs ${n}`] = () => main.run(['detect', '--jsonl', '--jobs', String(n), dir]);
  // The sharding alternative: two processes of one thread, each given half the files, at once.
  const files = fs
    .readdirSync(dir)
    .sort()
    .map((n) => path.join(dir, n));
  const halves = [files.slice(0, files.length / 2), files.slice(files.length / 2)];
  cases['2 × --jobs 1'] = () => main.runShell(halves.map((half) => ['detect', '--jsonl', '--jobs', '1', ...half]));
  for (const baseline of runners.slice(1)) cases['baseline'] = () => baseline.run(['detect', '--jsonl', dir]);
  const figures = inTurns(cases);
  const one = figures['--jobs 1'] as RunFigures;
  for (const [name, f] of Object.entries(figures)) {
    const speedUp = name === '--jobs 1' ? '' : `   ${(one.wallMs / f.wallMs).toFixed(2)}× as fast as --jobs 1`;
    const usage = Number.isNaN(f.cpuMs)
      ? `${cell('—')}          ${cell('—', 7)}         `
      : `${cell(mbps(bytes, f.cpuMs))} per CPU-s ${cell(mb(f.rss), 7)} peak RSS`;
    console.log(
      `${name.padEnd(14)} ${cell(`${(f.wallMs / 1000).toFixed(2)} s`, 9)} ${cell(mbps(bytes, f.wallMs))} wall ${usage}${speedUp}`,
    );
  }
  console.log(
    `Ceiling here and now: a busy loop in two threads at once ran ${ceiling().toFixed(2)}× as fast as twice in one (2.00 on two idle cores).`,
  );
}

function streams(runner: CliRunner, work: string, documents: readonly string[]): void {
  const lengths = [10_000_000, 40_000_000];
  console.log(
    `\nJSON Lines documents on standard input: detect --jsonl - < corpus.jsonl > out.jsonl (peak RSS should not grow with the stream)`,
  );
  const inputs = lengths.map((length) => {
    const file = path.join(work, `stream-${length}.jsonl`);
    const fd = fs.openSync(file, 'w');
    let bytes = 0;
    let count = 0;
    try {
      for (let i = 0; bytes < length; i++) {
        const text = documents[i % documents.length] as string;
        fs.writeSync(fd, `${JSON.stringify({ id: i, text })}\n`);
        bytes += Buffer.byteLength(text);
        count++;
      }
    } finally {
      fs.closeSync(fd);
    }
    return { length, file, bytes, count };
  });
  const cases: Record<string, () => RunFigures> = {};
  const jobsList = [...new Set(['1', String(availableParallelism())])];
  for (const jobs of jobsList)
    for (const input of inputs) cases[`${jobs} ${input.length}`] = () => runner.run(['detect', '--jsonl', '--jobs', jobs, '-'], input.file);
  // One run each: peak RSS is what this measures, and 100 MB of text per round is long enough.
  const figures = inTurns(cases, 1);
  for (const jobs of jobsList) {
    for (const input of inputs) {
      const f = figures[`${jobs} ${input.length}`] as RunFigures;
      console.log(
        `--jobs ${jobs.padEnd(3)} ${`${input.count.toLocaleString('en-US')} documents, ${mb(input.bytes)}`.padEnd(28)} ${cell(mbps(input.bytes, f.wallMs))} wall ${cell(mbps(input.bytes, f.cpuMs))} per CPU-s ${cell(mb(f.rss), 7)} peak RSS`,
      );
    }
  }
}

export function benchCli(): void {
  console.log(`\nCLI: end to end, the production bundle (building it first); ${load()}`);
  const real = loadRealDocuments();
  if (!real.found) {
    console.log(skipLine('CLI', real.reason));
    return;
  }
  build();
  const work = fs.mkdtempSync(path.join(tmpdir(), 'marginalia-bench-cli-'));
  try {
    const runners = [new CliRunner(work, path.join(REPOSITORY, 'dist', 'cli.js'))];
    const baseline = process.env['MARGINALIA_BENCH_BASELINE'];
    if (baseline) runners.push(new CliRunner(work, path.resolve(baseline)));
    singleFiles(runners, work, {
      real: (size) => realDocumentsOfSize(real.documents, size).join('\n\n'),
      'unique (generated)': (size) => generateUniqueArticleText(size),
    });
    for (const size of FILE_SIZES) manyFiles(runners, work, real.documents, size);
    streams(runners[0] as CliRunner, work, real.documents);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
