// Undo and redo of the researcher's actions on one document's annotations: accept,
// dismiss, annotate, delete, status, note, tags, the document date, imports. A step
// records, for each annotation it touched, the annotation before and after (absent: it
// did not exist), so undoing puts every touched annotation back as it was, whatever the
// action was. Positions are not restored from a step: the text may have been edited since,
// and the live anchor (or, for an annotation brought back, its quote and context) says
// where it is now.

import type { Annotation } from '../sidecar/format';

export interface AnnotationChange {
  id: string;
  /** The annotation before the step; undefined when the step created it. */
  before?: Annotation;
  /** After the step; undefined when the step removed it. */
  after?: Annotation;
}

export interface HistoryStep {
  /** What the step did, for messages ("Accept “ISO 27001”"). */
  label: string;
  changes: AnnotationChange[];
  /** The document date (`source.published`) before and after, when the step changed it. */
  published?: { before: string | undefined; after: string | undefined };
  /** The caller's mark of when the step was made (the editor keeps the document's version). */
  mark: number;
}

/** Steps kept per document; older ones are forgotten. */
export const HISTORY_LIMIT = 200;

export class UndoHistory {
  private readonly done: HistoryStep[] = [];
  private readonly undone: HistoryStep[] = [];

  constructor(private readonly limit = HISTORY_LIMIT) {}

  /** A new step: it can be undone, and what was undone before can no longer be redone. */
  record(step: HistoryStep): void {
    if (step.changes.length === 0 && step.published === undefined) return;
    this.done.push(step);
    if (this.done.length > this.limit) this.done.shift();
    this.undone.length = 0;
  }

  peekUndo(): HistoryStep | undefined {
    return this.done[this.done.length - 1];
  }

  peekRedo(): HistoryStep | undefined {
    return this.undone[this.undone.length - 1];
  }

  /** The step to undo, moved to the redo stack; the caller applies each change's `before`. */
  takeUndo(mark: number): HistoryStep | undefined {
    const step = this.done.pop();
    if (step) this.undone.push({ ...step, mark });
    return step;
  }

  /** The step to redo, moved back to the undo stack; the caller applies each change's `after`. */
  takeRedo(mark: number): HistoryStep | undefined {
    const step = this.undone.pop();
    if (step) this.done.push({ ...step, mark });
    return step;
  }

  /** Drops the newest step, made but not kept (its write was refused). */
  dropLast(): void {
    this.done.pop();
  }

  get size(): { undo: number; redo: number } {
    return { undo: this.done.length, redo: this.undone.length };
  }
}

/** The changes of a step from the annotations before and after it, by id; unchanged ones left out. */
export function diffAnnotations(before: ReadonlyMap<string, Annotation>, after: ReadonlyMap<string, Annotation>): AnnotationChange[] {
  const changes: AnnotationChange[] = [];
  for (const [id, b] of before) {
    const a = after.get(id);
    if (a === undefined) changes.push({ id, before: b });
    else if (!sameFields(a, b)) changes.push({ id, before: b, after: a });
  }
  for (const [id, a] of after) if (!before.has(id)) changes.push({ id, after: a });
  return changes;
}

/** Where the text put an annotation (and what is there now), rather than what a person decided about it. */
const POSITIONAL: ReadonlySet<string> = new Set(['start', 'end', 'prefix', 'suffix', 'quote', 'orphaned']);

/** Equal apart from position: what a person changed, not where the text moved it. */
export function sameFields(a: Annotation, b: Annotation): boolean {
  const strip = (x: Annotation): string => {
    const fields = x as unknown as Record<string, unknown>;
    const kept = Object.keys(fields)
      .filter((k) => !POSITIONAL.has(k) && fields[k] !== undefined)
      .sort();
    return JSON.stringify(kept.map((k) => [k, fields[k]]));
  };
  return strip(a) === strip(b);
}
