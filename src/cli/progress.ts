// The progress line of a long run on a terminal: documents done, megabytes of text and
// the rate, rewritten in place on standard error a few times a second. Only when the CLI
// is given a status line (cli.ts gives one when standard error is a terminal and standard
// output is not, so it never mixes with a table or JSON on the screen): piped or logged,
// nothing is printed.

/** How often the line is rewritten at most. */
const INTERVAL_MS = 200;

export class Progress {
  private documents = 0;
  private bytes = 0;
  private readonly started: number;
  private lastShown = -Infinity;
  private shown = false;

  constructor(
    /** Rewrites the status line ('' clears it); undefined: no progress at all. */
    private readonly status: ((line: string) => void) | undefined,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  /** One document more, of `bytes` bytes. */
  add(bytes: number): void {
    this.documents++;
    this.bytes += bytes;
    if (this.status === undefined) return;
    const t = this.now();
    if (t - this.lastShown < INTERVAL_MS) return;
    this.lastShown = t;
    this.shown = true;
    this.status(this.line(t));
  }

  /** What the line says at time `t`. */
  line(t: number = this.now()): string {
    const seconds = Math.max((t - this.started) / 1000, 1e-3);
    const mb = this.bytes / 1e6;
    const docs = `${this.documents.toLocaleString('en-US')} document${this.documents === 1 ? '' : 's'}`;
    return `marginalia: ${docs}, ${mb.toFixed(1)} MB, ${(mb / seconds).toFixed(1)} MB/s`;
  }

  /** Clears the line at the end of the run. */
  done(): void {
    if (this.shown) this.status?.('');
    this.shown = false;
  }
}
