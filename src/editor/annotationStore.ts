import * as vscode from 'vscode';
import { applyChanges } from '../core/anchor/track';
import { reanchor } from '../core/anchor/reanchor';
import type { Anchor } from '../core/anchor/types';
import type { Detection, Status } from '../core/model';
import { toAnchor, withAnchor } from '../core/sidecar/anchors';
import { FORMAT_VERSION, LINK_ROLES, type Annotation, type Sidecar, type SidecarError } from '../core/sidecar/format';
import { sha256Hex } from '../core/sidecar/sha256';
import { annotationProblems } from '../core/sidecar/validate';
import { sameFields, type AnnotationChange, type HistoryStep } from '../core/store/history';
import { readSidecarWithSource } from '../core/store/sidecarRead';
import { mergeOutsideChange } from '../core/store/sidecarWrite';
import { annotationFromDetection, pendingSuggestions } from '../core/store/suggestions';
import { OffsetMap } from '../core/text/offsets';
import { baseName, readTextIfExists, sidecarUri } from './files';
import { writeSidecar } from './sidecarWriter';

/** An annotation and where it is in the document now (UTF-16), kept up to date as the user types. */
export interface TrackedAnnotation {
  annotation: Annotation;
  anchor: Anchor;
}

/** A change Marginalia would not make, with what is wrong and where; nothing was changed. */
export class RefusedChange extends Error {
  override readonly name = 'RefusedChange';
  constructor(
    message: string,
    readonly errors: readonly SidecarError[] = [],
  ) {
    super(message);
  }
}

/** What a change to the annotations did, for the undo history and the confirmation. */
export interface AppliedChange {
  changes: AnnotationChange[];
  published?: { before: string | undefined; after: string | undefined };
}

/** A read, merge or write outcome the user should hear about. */
export interface StoreNews {
  migratedFrom?: number;
  migratedSuggestions?: number;
  conflicts?: string[];
}

/**
 * The annotations of one source document, as stored in its sidecar. It reads the sidecar
 * with its source (re-anchoring when the source changed outside the editor), moves anchors
 * with every edit, and writes through the one write path (core's planSidecarWrite, under
 * the sidecar's lock): the file is read again before each write, a change made to it
 * meanwhile is merged by id instead of overwritten, and nothing is written that would not
 * validate. Changes are made in transactions (`change`): each is checked before it is
 * kept, and can be rolled back or undone as a whole.
 */
export class AnnotationStore {
  private entries: TrackedAnnotation[] = [];
  /** The sidecar's text as last read from or written to disk: the base of the next write. */
  private sidecarText: string | undefined;
  private sourceFields: Sidecar['source'];
  errors: SidecarError[] = [];
  /** What reading the file found odd but readable (a link to a missing annotation). */
  warnings: SidecarError[] = [];
  writable = true;
  readonly sidecar: vscode.Uri;
  /** Saves run one after the other: each reads what the previous one wrote. */
  private writing: Promise<unknown> = Promise.resolve();
  /** Inside `change`: each touched annotation as it was before, by id (undefined: did not exist). */
  private journal: Map<string, Annotation | undefined> | undefined;

  constructor(readonly document: vscode.TextDocument) {
    this.sidecar = sidecarUri(document.uri);
    this.sourceFields = { file: baseName(document.uri) };
  }

  get tracked(): readonly TrackedAnnotation[] {
    return this.entries;
  }

  get published(): string | undefined {
    return this.sourceFields.published;
  }

  /** What the sidecar says of its source: its date, and where a text made by Add Source came from. */
  get source(): Readonly<Sidecar['source']> {
    return this.sourceFields;
  }

  private get name(): string {
    return vscode.workspace.asRelativePath(this.sidecar);
  }

  /** Reads the sidecar with the document's text: validated, migrated, re-anchored when the source changed since it was written. */
  async load(): Promise<{ reanchored: number; orphaned: number; news: StoreNews }> {
    const text = this.document.getText();
    this.sidecarText = await readTextIfExists(this.sidecar);
    this.entries = [];
    const reading = readSidecarWithSource(this.sidecarText, this.name, text, baseName(this.document.uri));
    this.errors = reading.errors;
    this.warnings = reading.warnings ?? [];
    this.writable = reading.writable;
    if (reading.sidecar === undefined) return { reanchored: 0, orphaned: 0, news: {} };
    this.sourceFields = reading.sidecar.source;
    const offsets = new OffsetMap(text);
    this.entries = reading.sidecar.annotations.map((annotation) => ({ annotation, anchor: toAnchor(annotation, offsets) }));
    const counts = reading.reconciled?.counts;
    const news: StoreNews = reading.migrated
      ? { migratedFrom: reading.migrated.from, migratedSuggestions: reading.migrated.suggestions }
      : {};
    return { reanchored: counts ? counts.moved + counts.fuzzy : 0, orphaned: counts?.orphaned ?? 0, news };
  }

  /** Moves anchors with one editor change event (all changes in pre-event coordinates). */
  track(changes: readonly vscode.TextDocumentContentChangeEvent[]): boolean {
    if (this.entries.length === 0) return false;
    const anchors = applyChanges(
      this.entries.map((e) => e.anchor),
      changes.map((c) => ({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text })),
      this.document.getText(),
    );
    let changed = false;
    this.entries = this.entries.map((e, i) => {
      const anchor = anchors[i] as Anchor;
      if (anchor === e.anchor) return e;
      changed = true;
      return { annotation: e.annotation, anchor };
    });
    return changed;
  }

  /** Detections that no stored annotation (of any status, stored suggestions included) covers. */
  pending(detections: readonly Detection[]): Detection[] {
    if (this.entries.length === 0) return [...detections];
    const text = this.document.getText();
    const offsets = new OffsetMap(text);
    return pendingSuggestions(detections, this.current(offsets), offsets);
  }

  find(id: string): TrackedAnnotation | undefined {
    return this.entries.find((e) => e.annotation.id === id);
  }

  /** The annotations with their current positions, in code points of `offsets`' text. */
  current(offsets: OffsetMap): Annotation[] {
    return this.entries.map((e) => withAnchor(e.annotation, e.anchor, offsets));
  }

  /**
   * Runs `edit` as one transaction: every annotation it adds or changes is checked against
   * the sidecar format, and if one would not validate (or `edit` throws) everything is put
   * back and RefusedChange says why. Refused up front when the sidecar on disk has errors a
   * person must fix first. Returns what changed; saving is the caller's next step.
   */
  change(edit: (tx: StoreTransaction) => void): AppliedChange {
    if (!this.writable) {
      throw new RefusedChange(
        `${this.name} has errors (see the Problems panel); fix them and Marginalia will save your changes again`,
        this.errors,
      );
    }
    if (this.journal) throw new Error('annotation changes cannot be nested');
    const publishedBefore = this.sourceFields.published;
    this.journal = new Map();
    const journal = this.journal;
    try {
      edit(new StoreTransaction(this));
      const offsets = new OffsetMap(this.document.getText());
      for (const id of journal.keys()) {
        const entry = this.find(id);
        if (!entry) continue;
        const problems = annotationProblems(withAnchor(entry.annotation, entry.anchor, offsets));
        if (problems.length > 0) throw new RefusedChange(`not saved: ${problems.join('; ')}`);
      }
    } catch (error) {
      this.rollBack(journal, publishedBefore);
      this.journal = undefined;
      throw error;
    }
    this.journal = undefined;
    const offsets = new OffsetMap(this.document.getText());
    const changes: AnnotationChange[] = [];
    for (const [id, before] of journal) {
      const entry = this.find(id);
      const after = entry ? withAnchor(entry.annotation, entry.anchor, offsets) : undefined;
      if (before === undefined && after === undefined) continue;
      if (before !== undefined && after !== undefined && sameFields(before, after)) continue;
      changes.push({ id, ...(before ? { before } : {}), ...(after ? { after } : {}) });
    }
    const applied: AppliedChange = { changes };
    if (this.sourceFields.published !== publishedBefore)
      applied.published = { before: publishedBefore, after: this.sourceFields.published };
    return applied;
  }

  /** Puts back each touched annotation as it was, and the document date. */
  private rollBack(journal: ReadonlyMap<string, Annotation | undefined>, published: string | undefined): void {
    for (const [id, before] of journal) this.restore(id, before);
    this.setPublishedNow(published);
  }

  /** Puts back what a change did, after its write was refused; allowed even when the file is not writable. */
  revert(applied: AppliedChange): void {
    for (const c of applied.changes) this.restore(c.id, c.before);
    if (applied.published) this.setPublishedNow(applied.published.before);
  }

  /** Applies one side of a history step: `before` to undo it, `after` to redo it. Not recorded again. */
  applyStep(step: HistoryStep, side: 'before' | 'after'): AppliedChange {
    return this.change((tx) => {
      for (const c of step.changes) tx.restore(c.id, c[side]);
      if (step.published) tx.setPublished(step.published[side]);
    });
  }

  /** Records the state of `id` before the transaction first touches it. */
  touch(id: string): void {
    if (!this.journal || this.journal.has(id)) return;
    const entry = this.find(id);
    this.journal.set(id, entry ? withAnchor(entry.annotation, entry.anchor, new OffsetMap(this.document.getText())) : undefined);
  }

  /**
   * Sets `id` to `annotation` (undefined: removes it). An annotation still here keeps its
   * live position (the text may have moved it since); one brought back is found again by
   * its quote and context, or kept as an orphan.
   */
  restore(id: string, annotation: Annotation | undefined): void {
    const entry = this.find(id);
    if (annotation === undefined) {
      if (entry) this.entries = this.entries.filter((e) => e !== entry);
      return;
    }
    if (entry) {
      entry.annotation = { ...annotation, quote: entry.anchor.quote, prefix: entry.anchor.prefix, suffix: entry.anchor.suffix };
      return;
    }
    const text = this.document.getText();
    const offsets = new OffsetMap(text);
    const [found] = reanchor([toAnchor(annotation, offsets)], text);
    const anchor: Anchor = found
      ? {
          start: found.start,
          end: found.end,
          quote: found.quote,
          prefix: found.prefix,
          suffix: found.suffix,
          ...(found.state === 'orphaned' ? { orphaned: true } : {}),
        }
      : toAnchor(annotation, offsets);
    this.entries.push({ annotation: withAnchor(annotation, anchor, offsets), anchor });
  }

  push(annotation: Annotation): void {
    const offsets = new OffsetMap(this.document.getText());
    this.entries.push({ annotation, anchor: toAnchor(annotation, offsets) });
  }

  update(id: string, fields: Partial<Annotation>): void {
    const entry = this.find(id);
    if (!entry) throw new RefusedChange(`annotation ${id} is no longer in ${this.name}`);
    const next: Annotation = { ...entry.annotation, ...fields };
    // An empty value removes the field (a cleared note, a review with no reviewer's name).
    const given = fields as Record<string, unknown>;
    for (const key of Object.keys(given)) {
      const value = given[key];
      if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) Reflect.deleteProperty(next, key);
    }
    entry.annotation = next;
  }

  setPublishedNow(date: string | undefined): void {
    if (date === undefined) delete this.sourceFields.published;
    else this.sourceFields.published = date;
  }

  /** The ids in use, so a new annotation gets a fresh one. */
  ids(): Set<string> {
    return new Set(this.entries.map((e) => e.annotation.id));
  }

  /**
   * Writes the sidecar: one write at a time, each under the sidecar's lock, through core's
   * planSidecarWrite (the file read again and an outside change merged in; the result
   * validated). Resolves with what the user should hear (merge conflicts); rejects with
   * RefusedChange when the result would not validate or the file on disk has errors.
   */
  save(): Promise<StoreNews> {
    const run = this.writing.then(() => this.saveNow());
    this.writing = run.catch(() => undefined);
    return run;
  }

  private async saveNow(): Promise<StoreNews> {
    if (!this.writable)
      throw new RefusedChange(
        `${this.name} has errors (see the Problems panel); fix them before Marginalia writes to it again`,
        this.errors,
      );
    const text = this.document.getText();
    const version = this.document.version;
    const offsets = new OffsetMap(text);
    const sha256 = sha256Hex(text);
    const wanted: Sidecar = {
      marginalia: FORMAT_VERSION,
      source: { ...this.sourceFields, file: baseName(this.document.uri), sha256 },
      annotations: this.current(offsets),
    };
    // Nothing to keep yet: no file for an empty list.
    if (wanted.annotations.length === 0 && this.sidecarText === undefined && this.sourceFields.published === undefined) return {};
    const { plan, onDisk } = await writeSidecar(this.sidecar, { lastRead: this.sidecarText, wanted, sourceText: text, sha256 });
    if (plan.action === 'refused') {
      if (plan.cause === 'disk') {
        // Someone broke the file on disk: show where, and write nothing until it is fixed.
        this.errors = plan.errors.length > 0 ? plan.errors : [{ file: this.name, line: 1, column: 1, message: plan.reason }];
        this.writable = false;
        this.sidecarText = onDisk;
      }
      throw new RefusedChange(plan.reason, plan.errors);
    }
    this.sidecarText = plan.text;
    this.sourceFields = { ...plan.sidecar.source };
    if (plan.merged) this.adopt(plan.sidecar.annotations, text, version);
    return plan.conflicts.length > 0 ? { conflicts: plan.conflicts.map((c) => c.message) } : {};
  }

  /**
   * Takes annotations merged from disk (code points of `text`, the document's text at
   * `version`): ones still here keep their live anchor and take the merged fields; new
   * ones are placed, again by quote if the user typed meanwhile.
   */
  private adopt(merged: readonly Annotation[], text: string, version: number): void {
    const offsets = new OffsetMap(text);
    const now = this.document.getText();
    const moved = this.document.version !== version;
    const nowOffsets = moved ? new OffsetMap(now) : offsets;
    const byId = new Map(this.entries.map((e) => [e.annotation.id, e]));
    this.entries = merged.map((annotation) => {
      const here = byId.get(annotation.id);
      if (here)
        return {
          annotation: { ...annotation, quote: here.anchor.quote, prefix: here.anchor.prefix, suffix: here.anchor.suffix },
          anchor: here.anchor,
        };
      let anchor = toAnchor(annotation, offsets);
      if (moved) {
        const [found] = reanchor([anchor], now);
        if (found)
          anchor = {
            start: found.start,
            end: found.end,
            quote: found.quote,
            prefix: found.prefix,
            suffix: found.suffix,
            ...(found.state === 'orphaned' ? { orphaned: true } : {}),
          };
      }
      return { annotation: withAnchor(annotation, anchor, nowOffsets), anchor };
    });
  }

  /**
   * The sidecar changed on disk while the document is open (a git pull, a colleague's
   * edit, a hand fix): merge it with what is in memory by annotation id, three-way against
   * the text last read or written. Returns the conflicts (in-memory wins those), or
   * undefined when nothing changed on disk.
   */
  mergeFromDisk(): Promise<StoreNews | undefined> {
    // In the same queue as the writes: a write that landed between this read of the file
    // and the merge would make the text read look older than the one last written, and
    // what that write added would be taken for deleted on disk.
    const run = this.writing.then(() => this.mergeNow());
    this.writing = run.catch(() => undefined);
    return run;
  }

  private async mergeNow(): Promise<StoreNews | undefined> {
    const disk = await readTextIfExists(this.sidecar);
    if (disk === this.sidecarText) return undefined;
    const text = this.document.getText();
    if (!this.writable || disk === undefined) {
      // The file was broken (nothing in memory to merge: read it afresh), or is gone.
      if (disk === undefined) {
        this.sidecarText = undefined;
        return {};
      }
      const before = this.entries;
      await this.load();
      // Annotations shown from a broken file were read-only: nothing of the user's to keep.
      if (!this.writable) this.entries = this.entries.length > 0 ? this.entries : before;
      return {};
    }
    const offsets = new OffsetMap(text);
    const mine: Sidecar = { marginalia: FORMAT_VERSION, source: this.sourceFields, annotations: this.current(offsets) };
    const merged = mergeOutsideChange({ fileName: this.name, lastRead: this.sidecarText, onDisk: disk, mine, sourceText: text });
    if (!merged.ok) {
      this.errors = merged.errors.length > 0 ? merged.errors : [{ file: this.name, line: 1, column: 1, message: merged.reason }];
      this.writable = false;
      this.sidecarText = disk;
      return {};
    }
    this.adopt(merged.sidecar.annotations, text, this.document.version);
    this.sourceFields = { ...merged.sidecar.source };
    this.errors = [];
    this.writable = true;
    this.sidecarText = disk;
    return merged.conflicts.length > 0 ? { conflicts: merged.conflicts.map((c) => c.message) } : {};
  }

  /** The text last read from or written to disk: what an outside change is compared with. */
  get lastKnownText(): string | undefined {
    return this.sidecarText;
  }
}

/**
 * What a transaction may do. Each method records the annotation's state before its first
 * change, so the transaction can be rolled back or undone whole.
 */
export class StoreTransaction {
  constructor(private readonly store: AnnotationStore) {}

  /** Stores a detection with a status: a person's decision on it (reviewer and time), or `suggested`. */
  addDetection(detection: Detection, status: Status, review: { reviewer?: string; reviewed?: string }): Annotation {
    const text = this.store.document.getText();
    const offsets = new OffsetMap(text);
    const annotation = annotationFromDetection(detection, text, offsets, this.store.ids(), {
      status,
      ...review,
      ...(status === 'suggested' ? {} : { created: review.reviewed ?? new Date().toISOString() }),
    });
    this.add(annotation);
    return annotation;
  }

  /** Adds an annotation made elsewhere (by hand, a scan, an import); code points of the current text. */
  add(annotation: Annotation): void {
    this.store.touch(annotation.id);
    if (this.store.find(annotation.id)) throw new RefusedChange(`an annotation with id ${annotation.id} is already there`);
    this.store.push(annotation);
  }

  /** Replaces the annotation with the same id, keeping its live position; or adds it. */
  put(annotation: Annotation): void {
    this.store.touch(annotation.id);
    this.store.restore(annotation.id, annotation);
  }

  /** Changes fields of an annotation; dismissing it also removes every claim's link to it (one undo step). */
  update(id: string, fields: Partial<Annotation>): void {
    this.store.touch(id);
    this.store.update(id, fields);
    if (fields.status === 'dismissed') this.unlinkEverywhere(id);
  }

  /** Removes an annotation and every claim's link to it, in this transaction: one undo step brings both back. */
  remove(id: string): void {
    this.store.touch(id);
    this.store.restore(id, undefined);
    this.unlinkEverywhere(id);
  }

  private unlinkEverywhere(id: string): void {
    for (const { annotation } of this.store.tracked) {
      const unlinked: Partial<Annotation> = {};
      for (const role of LINK_ROLES) {
        const ids = annotation[role];
        if (ids?.includes(id)) unlinked[role] = ids.filter((x) => x !== id);
      }
      if (Object.keys(unlinked).length > 0) this.update(annotation.id, unlinked);
    }
  }

  restore(id: string, annotation: Annotation | undefined): void {
    this.store.touch(id);
    this.store.restore(id, annotation);
  }

  setPublished(date: string | undefined): void {
    this.store.setPublishedNow(date);
  }
}
