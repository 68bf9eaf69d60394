import * as vscode from 'vscode';
import { applyChanges } from '../core/anchor/track';
import { reanchor } from '../core/anchor/reanchor';
import type { Anchor } from '../core/anchor/types';
import type { Detection, Status } from '../core/model';
import { toAnchor, withAnchor } from '../core/sidecar/anchors';
import { FORMAT_VERSION, type Annotation, type Sidecar, type SidecarError } from '../core/sidecar/format';
import { mergeAnnotations } from '../core/sidecar/merge';
import { parseSidecar } from '../core/sidecar/read';
import { sha256Hex } from '../core/sidecar/sha256';
import { serializeSidecar, updateSidecarText } from '../core/sidecar/write';
import { annotationFromDetection, pendingSuggestions } from '../core/store/suggestions';
import { reconcile } from '../core/store/sync';
import { OffsetMap } from '../core/text/offsets';
import { baseName, readTextIfExists, sidecarUri, writeTextAtomically } from './files';

/** An annotation and where it is in the document now (UTF-16), kept up to date as the user types. */
export interface TrackedAnnotation {
  annotation: Annotation;
  anchor: Anchor;
}

/**
 * The annotations of one source document, as stored in its sidecar. It reads the
 * sidecar, re-anchors it when the source changed outside the editor, moves anchors with
 * every edit, and writes the sidecar back in place (comments kept) through an atomic
 * write. A sidecar that does not validate is shown but never written.
 */
export class AnnotationStore {
  private entries: TrackedAnnotation[] = [];
  private sidecarText: string | undefined;
  private source: Sidecar['source'];
  errors: SidecarError[] = [];
  writable = true;
  readonly sidecar: vscode.Uri;

  constructor(readonly document: vscode.TextDocument) {
    this.sidecar = sidecarUri(document.uri);
    this.source = { file: baseName(document.uri) };
  }

  get tracked(): readonly TrackedAnnotation[] {
    return this.entries;
  }

  get published(): string | undefined {
    return this.source.published;
  }

  /** Reads the sidecar; re-anchors everything when the source text changed since it was written. */
  async load(): Promise<{ reanchored: number; orphaned: number }> {
    const text = this.document.getText();
    this.sidecarText = await readTextIfExists(this.sidecar);
    this.entries = [];
    this.errors = [];
    this.writable = true;
    if (this.sidecarText === undefined) return { reanchored: 0, orphaned: 0 };
    const parsed = parseSidecar(this.sidecarText, vscode.workspace.asRelativePath(this.sidecar), text);
    this.errors = parsed.errors;
    this.writable = parsed.writable;
    if (!parsed.sidecar) return { reanchored: 0, orphaned: 0 };
    this.source = parsed.sidecar.source;
    // Re-anchors only when the source's hash differs from the one the sidecar recorded.
    const offsets = new OffsetMap(text);
    const { sidecar, counts } = reconcile(parsed.sidecar, text);
    this.entries = sidecar.annotations.map((annotation) => ({ annotation, anchor: toAnchor(annotation, offsets) }));
    return { reanchored: counts.moved + counts.fuzzy, orphaned: counts.orphaned };
  }

  /** Moves anchors with one editor change event (all changes in pre-event coordinates). */
  track(changes: readonly vscode.TextDocumentContentChangeEvent[]): boolean {
    if (this.entries.length === 0) return false;
    const anchors = applyChanges(this.entries.map((e) => e.anchor), changes.map((c) => ({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text })), this.document.getText());
    let changed = false;
    this.entries = this.entries.map((e, i) => {
      const anchor = anchors[i] as Anchor;
      if (anchor === e.anchor) return e;
      changed = true;
      return { annotation: e.annotation, anchor };
    });
    return changed;
  }

  /** Detections that no stored annotation (of any status) covers. */
  pending(detections: readonly Detection[]): Detection[] {
    if (this.entries.length === 0) return [...detections];
    const text = this.document.getText();
    const offsets = new OffsetMap(text);
    return pendingSuggestions(detections, this.current(offsets), offsets);
  }

  find(id: string): TrackedAnnotation | undefined {
    return this.entries.find((e) => e.annotation.id === id);
  }

  /** Stores a detection as an annotation: `open` when accepted, `dismissed` so it is not suggested again. */
  add(detection: Detection, status: Status, author?: string): Annotation {
    const text = this.document.getText();
    const offsets = new OffsetMap(text);
    const taken = new Set(this.entries.map((e) => e.annotation.id));
    const annotation = annotationFromDetection(detection, text, offsets, taken, { status, created: new Date().toISOString(), ...(author ? { author } : {}) });
    this.entries.push({ annotation, anchor: toAnchor(annotation, offsets) });
    return annotation;
  }

  /** Adds an annotation the user made by hand on a span (UTF-16 offsets). */
  addManual(annotation: Annotation): void {
    const offsets = new OffsetMap(this.document.getText());
    this.entries.push({ annotation, anchor: toAnchor(annotation, offsets) });
  }

  /** Replaces the annotation with the same id (an import updated it), or adds it. Code-point offsets of the current text. */
  put(annotation: Annotation): void {
    this.remove(annotation.id);
    this.addManual(annotation);
  }

  update(id: string, change: Partial<Pick<Annotation, 'status' | 'note' | 'label' | 'tags'>>): Annotation | undefined {
    const entry = this.find(id);
    if (!entry) return undefined;
    entry.annotation = { ...entry.annotation, ...change };
    if (change.note === '') delete entry.annotation.note;
    return entry.annotation;
  }

  remove(id: string): boolean {
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => e.annotation.id !== id);
    return this.entries.length !== before;
  }

  setPublished(date: string | undefined): void {
    if (date === undefined) delete this.source.published;
    else this.source.published = date;
  }

  /** The annotations with their current positions, in code points of `offsets`' text. */
  current(offsets: OffsetMap): Annotation[] {
    return this.entries.map((e) => withAnchor(e.annotation, e.anchor, offsets));
  }

  /** Writes the sidecar (atomically, in place when it exists). Refuses when the file on disk did not validate. */
  async save(): Promise<void> {
    if (!this.writable) {
      throw new Error(`${vscode.workspace.asRelativePath(this.sidecar)} has errors; fix them before Marginalia writes to it again`);
    }
    const text = this.document.getText();
    const offsets = new OffsetMap(text);
    const sidecar: Sidecar = {
      marginalia: FORMAT_VERSION,
      source: { ...this.source, file: baseName(this.document.uri), sha256: sha256Hex(text) },
      annotations: this.current(offsets),
    };
    if (sidecar.annotations.length === 0 && this.sidecarText === undefined) return;
    const out = this.sidecarText === undefined ? serializeSidecar(sidecar) : updateSidecarText(this.sidecarText, sidecar);
    if (out === this.sidecarText) return;
    await writeTextAtomically(this.sidecar, out);
    this.sidecarText = out;
    this.source = sidecar.source;
  }

  /**
   * The sidecar changed on disk while the document is open (a git pull, a colleague's
   * edit): merge it with what is in memory by annotation id, three-way against the text
   * last read or written, then re-anchor against the current document. Returns the
   * number of conflicts (in-memory wins those), or undefined when nothing changed.
   */
  async mergeFromDisk(): Promise<number | undefined> {
    const disk = await readTextIfExists(this.sidecar);
    if (disk === undefined || disk === this.sidecarText) return undefined;
    const name = vscode.workspace.asRelativePath(this.sidecar);
    const theirs = parseSidecar(disk, name);
    if (!theirs.sidecar || theirs.errors.length > 0) {
      this.errors = theirs.errors;
      this.writable = false;
      this.sidecarText = disk;
      return 0;
    }
    const text = this.document.getText();
    const offsets = new OffsetMap(text);
    const base = this.sidecarText === undefined ? undefined : parseSidecar(this.sidecarText, name).sidecar;
    const mine: Sidecar = { marginalia: FORMAT_VERSION, source: this.source, annotations: this.current(offsets) };
    const merged = mergeAnnotations(base ?? { marginalia: FORMAT_VERSION, source: this.source, annotations: [] }, mine, theirs.sidecar);
    // Their offsets are for the source as they saw it: place every annotation in the current text.
    const anchors = merged.sidecar.annotations.map((a) => toAnchor(a, offsets));
    const placed = reanchor(anchors, text);
    this.entries = merged.sidecar.annotations.map((annotation, i) => {
      const r = placed[i];
      const anchor: Anchor = r ? { start: r.start, end: r.end, quote: r.quote, prefix: r.prefix, suffix: r.suffix } : anchors[i] as Anchor;
      if (r?.state === 'orphaned') anchor.orphaned = true;
      return { annotation: withAnchor(annotation, anchor, offsets), anchor };
    });
    this.source = { ...merged.sidecar.source };
    this.errors = [];
    this.writable = true;
    this.sidecarText = disk;
    return merged.conflicts.length;
  }

  /** The text last read from or written to disk: what an outside change is compared with. */
  get lastKnownText(): string | undefined {
    return this.sidecarText;
  }
}
