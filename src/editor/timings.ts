// How long the extension's own work takes, per step, measured where it happens: the
// benchmark (npm run bench, editor part) reads these through the extension's API, and
// the log shows slow steps. Bounded: only the latest samples of each step are kept.

const MAX_SAMPLES = 5000;

export type TimingName =
  /** The synchronous work of one document change event: tracking, shifting, repainting. */
  | 'edit'
  /** Detecting a document again after the debounce, and repainting. */
  | 'detect'
  /** Of 'detect': reading the document's text from VS Code. */
  | 'detectText'
  /** Of 'detect': the detectors (core) on that text. */
  | 'detectCore'
  /** Of 'detect': what follows, telling the views, the status bar and the painter. */
  | 'detectNotify'
  /** Repainting the decorations of one editor. */
  | 'paint'
  /** From a document's session being opened to its first decorations with detections. */
  | 'firstPaint'
  /** Detecting and painting the visible part of a large document (CPU time, not waiting). */
  | 'visiblePart'
  /** One step of a large document's stepwise detection: how long the event loop was held. */
  | 'detectStep'
  /** Reading a document's sidecar and re-anchoring its annotations, when it opens. */
  | 'load'
  /** From opening to the visible range decorated (large documents are done in slices). */
  | 'firstVisiblePaint'
  /** From an editor showing a large document (after its session began) to its visible range decorated. */
  | 'shownToPaint'
  /** Building the timeline's marks from every document (the panel's update after a change), before sending them. */
  | 'timelineBuild';

export class Timings {
  private readonly samples = new Map<TimingName, number[]>();

  record(name: TimingName, ms: number): void {
    const list = this.samples.get(name) ?? [];
    list.push(ms);
    if (list.length > MAX_SAMPLES) list.splice(0, list.length - MAX_SAMPLES);
    this.samples.set(name, list);
  }

  measure<T>(name: TimingName, work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.record(name, performance.now() - started);
    }
  }

  /** The samples so far, oldest first, and forgets them when `reset`. */
  take(reset = false): Partial<Record<TimingName, number[]>> {
    const out: Partial<Record<TimingName, number[]>> = {};
    for (const [name, list] of this.samples) out[name] = [...list];
    if (reset) this.samples.clear();
    return out;
  }
}
