// Runs a task per item of a stream, several at a time, and hands the results back in the
// items' order: what lets the CLI spread documents over worker threads and still print
// exactly what one process prints, in the same order.
//
// Memory stays bounded whatever the stream's length: at most `window` items are taken
// from the source before the oldest result has been handed back, so a slow document holds
// up reading (a bounded reordering buffer) instead of letting results pile up behind it.
//
// Items with the same `key` never run at the same time and run in the stream's order (the
// CLI keys a `--write` task by its sidecar: never two writers on one sidecar, and the
// second sees what the first wrote, as in one process).

export interface InOrderOptions<T> {
  /** Items taken from the source ahead of the oldest result not yet handed back (≥ 1). */
  window: number;
  /** Items with equal keys run one after another; undefined: no constraint. */
  key?: (item: T) => string | undefined;
}

interface Slot<R> {
  /** Settles with the task; never rejects (the outcome says how it went). */
  done: Promise<void>;
  outcome?: { ok: true; value: R } | { ok: false; error: unknown };
}

/**
 * The results of `run` over `source`, in the source's order. `run` is started as soon as
 * an item is taken (what runs concurrently is up to it: a worker pool queues). A task that
 * throws makes the generator throw when its turn to be handed back comes; the tasks still
 * running are then left to finish unobserved. Stopping early (break) returns the source.
 */
export async function* mapInOrder<T, R>(
  source: Iterable<T> | AsyncIterable<T>,
  run: (item: T) => Promise<R>,
  options: InOrderOptions<T>,
): AsyncGenerator<R, void, undefined> {
  const window = Math.max(1, Math.floor(options.window));
  const iterator: Iterator<T> | AsyncIterator<T> =
    Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  /** The slots in source order; `head` is the oldest not yet handed back. */
  const slots: (Slot<R> | undefined)[] = [];
  let head = 0;
  /** The last task started for each key, so the next one with that key starts after it. */
  const tails = new Map<string, Promise<void>>();
  let next: Promise<IteratorResult<T>> | undefined;
  let exhausted = false;

  const start = (item: T): void => {
    const key = options.key?.(item);
    const before = key === undefined ? undefined : tails.get(key);
    const slot: Slot<R> = { done: Promise.resolve() };
    const task = before === undefined ? run(item) : before.then(() => run(item));
    slot.done = task.then(
      (value) => {
        slot.outcome = { ok: true, value };
      },
      (error: unknown) => {
        slot.outcome = { ok: false, error };
      },
    );
    if (key !== undefined) {
      tails.set(key, slot.done);
      // Forget the key once its last task is over, so the map holds only running keys.
      void slot.done.then(() => {
        if (tails.get(key) === slot.done) tails.delete(key);
      });
    }
    slots.push(slot);
  };

  try {
    for (;;) {
      if (!exhausted && slots.length - head < window) next ??= Promise.resolve(iterator.next());
      const oldest = slots[head];
      if (oldest === undefined) {
        if (next === undefined) return;
        const r = await next;
        next = undefined;
        if (r.done === true) exhausted = true;
        else start(r.value);
        continue;
      }
      if (oldest.outcome === undefined && next !== undefined) {
        // Take more input while the oldest task runs; hand its result back as soon as it is in.
        const pulled = next;
        const first = await Promise.race([pulled.then((r) => ({ r })), oldest.done.then(() => undefined)]);
        if (first !== undefined) {
          next = undefined;
          if (first.r.done === true) exhausted = true;
          else start(first.r.value);
          continue;
        }
      }
      await oldest.done;
      const outcome = oldest.outcome as NonNullable<Slot<R>['outcome']>;
      slots[head] = undefined;
      head++;
      // Drop handed-back slots now and then, so the array does not grow with the stream.
      if (head > 1024 && head * 2 > slots.length) {
        slots.splice(0, head);
        head = 0;
      }
      if (!outcome.ok) throw outcome.error;
      yield outcome.value;
    }
  } finally {
    if (!exhausted) await iterator.return?.();
  }
}
