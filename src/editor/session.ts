import * as vscode from 'vscode';
import { DocumentDetector, type DetectionSet } from '../core/detect';
import { detectSlice } from '../core/detect/slice';
import { shiftDetections } from '../core/detect/shift';
import type { ControlMatcher } from '../core/detect/controls';
import type { ClaimDetection, ControlDetection, DateDetection, Detection, DetectionLink } from '../core/model';
import { inferLinks } from '../core/detect/links';
import { NEAR_WINDOW, speakerEntities, speakerEntityNear } from '../core/entities/inDocument';
import { EntityRegistry } from '../core/entities/registry';
import type { TextChange } from '../core/anchor/types';
import { UndoHistory, type HistoryStep } from '../core/store/history';
import { meetsSensitivity } from '../core/detect/sensitivity';
import { AnnotationStore, RefusedChange, type AppliedChange, type StoreNews, type StoreTransaction } from './annotationStore';
import { describeError } from './log';
import { sourceOfSidecar } from './files';
import { isBratCopy, ownExportFormat } from './ownOutput';
import { documentLength, visibleSpan } from './extent';
import { isAnnotatable, readSettings, type Settings } from './settings';
import { Timings } from './timings';
import { warmUpNow } from './warmUp';
import type { SidecarProblems } from './sidecarProblems';

/**
 * Something Marginalia proposes and no person has decided on yet: a detection no
 * annotation covers (live, recomputed as the text changes), or a detection a scan stored
 * in the sidecar with `status: suggested`. Both look and count the same; accepting or
 * dismissing one records a person's decision.
 */
export interface Suggestion {
  kind: string;
  /** UTF-16 offsets in the document now. */
  start: number;
  end: number;
  text: string;
  /** The detector's finding: always for a live suggestion; for a stored one when the detector finds the same span now (its details for the hover). */
  detection?: Detection;
  /** A suggestion stored in the sidecar: its annotation id. */
  storedId?: string;
}

/**
 * What Marginalia knows of one open document: its stored annotations (tracked through
 * every edit) and its detections; the suggestions are the detections no annotation
 * covers, and the annotations a scan stored as suggestions. One owner per document: views
 * subscribe to the registry and never compute, commands ask the registry.
 */
export class DocumentSession {
  private detector: DocumentDetector;
  readonly store: AnnotationStore;
  /** The researcher's actions on this document's annotations, to undo and redo. */
  readonly history = new UndoHistory();
  /**
   * Detections as of the last detection pass, and the edits made since (applied when
   * read). A full pass leaves them as a DetectionSet, made into an array only when one is
   * asked for: after an edit of a large document that copy cost more than detecting, and
   * painting needs only the detections near the visible part (suggestionsIn).
   */
  private detectedSet: DetectionSet | undefined;
  private detected: readonly Detection[] = [];
  private unshifted: TextChange[][] = [];
  private pending: readonly Suggestion[] | undefined;
  /** The document version the detections belong to. */
  version = -1;
  loaded = false;
  /** Why the document is not analysed (too large). */
  skippedReason: string | undefined;
  /** performance.now() when the session began, and whether its first decorations were timed. */
  readonly openedAt = performance.now();
  firstPaintTimed = false;
  /** The visible part of a large document was detected ahead of the rest. */
  visiblePartDone = false;
  /** A large document's detection is waiting for an editor to show it (see refreshVisibleFirst). */
  waitingForEditor: ReturnType<typeof setTimeout> | undefined;
  /** performance.now() when an editor first showed the document, if after the session began. */
  shownAt: number | undefined;

  constructor(
    readonly document: vscode.TextDocument,
    private matcher: ControlMatcher | undefined,
    private readonly entities: () => EntityRegistry = () => new EntityRegistry(),
  ) {
    this.detector = new DocumentDetector(matcher);
    this.store = new AnnotationStore(document);
  }

  /** Detects with another control matcher from now on (the workspace catalog changed). */
  useMatcher(matcher: ControlMatcher): void {
    this.matcherGeneration++;
    this.matcher = matcher;
    this.detector = new DocumentDetector(matcher);
    this.version = -1;
  }

  /** Detection of the whole current text in steps (see DocumentDetector.detectInSteps). */
  detectInSteps(settings: Settings): { version: number; steps: Generator<void, DetectionSet, void> } {
    const published = this.store.published;
    const options = { kinds: settings.kinds, ...(published ? { referenceDate: published } : {}) };
    // Small steps (a few milliseconds of text the detectors have not seen), which the
    // registry runs several of per event-loop turn, up to STEP_BUDGET_MS.
    return { version: this.document.version, steps: this.detector.detectInSteps(this.document.getText(), options, STEP_CHARS) };
  }

  /** Takes the detections of a stepwise pass made on `version` of the text. */
  takeDetections(detections: DetectionSet, version: number): void {
    this.skippedReason = undefined;
    this.takeSet(detections);
    this.version = version;
  }

  private takeSet(detections: DetectionSet): void {
    this.detectedSet = detections;
    this.detected = [];
    this.unshifted = [];
    this.pending = undefined;
  }

  /** Counts matcher changes, so a stepwise pass begun with an old one knows to start over. */
  matcherGeneration = 0;

  /** A stepwise pass is under way: re-detections wait for it. */
  stepping = false;

  /**
   * Detects only [start, end) of the text (widened to paragraphs): a large document's
   * visible part, shown while the whole text waits for its turn. Leaves `version` as it
   * was, so the full pass still runs.
   */
  detectPart(settings: Settings, start: number, end: number): void {
    const published = this.store.published;
    this.detections = detectSlice(
      this.document.getText(),
      start,
      end,
      { kinds: settings.kinds, ...(published ? { referenceDate: published } : {}) },
      this.matcher,
    );
  }

  /**
   * The detections, moved with the edits made since they were found. Moving them is
   * deferred to the first read: while the user types, VS Code moves the decorations by
   * itself, and shifting ten thousand detections on every keystroke would cost more than
   * a keystroke may take.
   */
  get detections(): readonly Detection[] {
    if (this.detectedSet !== undefined) {
      this.detected = this.detectedSet.toArray();
      this.detectedSet = undefined;
    }
    if (this.unshifted.length > 0) {
      for (const changes of this.unshifted) this.detected = shiftDetections(this.detected, changes);
      this.unshifted = [];
    }
    return this.detected;
  }

  /**
   * The links detect/links.ts infers for a claim detected in this document: to the dates
   * and controls detected in its sentence, with the document's date placing them.
   */
  linksOf(claim: ClaimDetection): DetectionLink[] {
    const text = this.document.getText();
    // The claim's span only: a hover on a large document must not make the whole list.
    const near =
      this.detectedSet !== undefined && this.unshifted.length === 0
        ? this.detectedSet.overlapping(claim.start, claim.end)
        : this.detections;
    const parts = near.filter(
      (d): d is DateDetection | ControlDetection => d.kind !== 'claim' && d.start >= claim.start && d.end <= claim.end,
    );
    return inferLinks(text, claim, parts, this.store.published ?? this.detector.referenceDate(text));
  }

  private speakerCache: { detections: readonly Detection[]; registry: EntityRegistry; names: Map<ClaimDetection, string> } | undefined;

  /**
   * Who a detected claim's speaker is (entities/inDocument.ts): "the company" is the
   * organisation named before it. Worked out for the whole document on the first ask
   * after a change, then read from that.
   */
  entityOf(claim: ClaimDetection): string | undefined {
    if (claim.speaker === undefined) return undefined;
    const detections = this.detections;
    const registry = this.entities();
    const text = this.document.getText();
    // A large document: the stretch before the claim only, so that a hover stays quick after every edit.
    if (text.length > 4 * NEAR_WINDOW) return speakerEntityNear(text, detections, claim, registry);
    let cache = this.speakerCache;
    if (cache === undefined || cache.detections !== detections || cache.registry !== registry) {
      cache = { detections, registry, names: speakerEntities(text, detections, registry) };
      this.speakerCache = cache;
    }
    const own = cache.names.get(claim);
    if (own !== undefined) return own;
    for (const [c, name] of cache.names) if (c.start === claim.start && c.end === claim.end) return name;
    return undefined;
  }

  /** The workspace's entities, which speakers resolve to. */
  get entityRegistry(): EntityRegistry {
    return this.entities();
  }

  /** How many detections the last pass found (without making the array). */
  get detectionCount(): number {
    return this.detectedSet?.size ?? this.detected.length;
  }

  set detections(value: readonly Detection[]) {
    this.detectedSet = undefined;
    this.detected = value;
    this.unshifted = [];
    this.pending = undefined;
  }

  /**
   * The suggestions in document order: detections no stored annotation covers (claims
   * below the sensitivity setting left out), and annotations stored as suggestions.
   * Computed when first read after a change.
   */
  get suggestions(): readonly Suggestion[] {
    this.pending ??= this.computeSuggestions();
    return this.pending;
  }

  /**
   * The suggestions that overlap [from, to] (ends included), in the order of
   * `suggestions`: what painting a window of a large document needs. Straight from the
   * last pass's DetectionSet when the full list has not been made since, so painting
   * after a re-detection costs what the window holds, not what the document holds.
   */
  suggestionsIn(from: number, to: number): readonly Suggestion[] {
    const overlaps = (s: { start: number; end: number }): boolean => s.end >= from && s.start <= to;
    if (this.pending !== undefined || this.detectedSet === undefined || this.unshifted.length > 0) return this.suggestions.filter(overlaps);
    return this.computeSuggestions(this.detectedSet.overlapping(from, to), overlaps);
  }

  /** How many suggestions there are (the status bar's count), without making the list when it can. */
  get suggestionCount(): number {
    const set = this.detectedSet;
    if (this.pending !== undefined || set === undefined || this.store.tracked.length > 0) return this.suggestions.length;
    // No annotation covers any detection: the suggestions are the detections that meet the
    // sensitivity. Counted once per set (the status bar and the painter both ask).
    const sensitivity = readSettings(this.document).claimSensitivity;
    if (this.counted?.set === set && this.counted.sensitivity === sensitivity) return this.counted.n;
    let n = 0;
    set.forEach((d) => {
      if (meetsSensitivity(d, sensitivity)) n++;
    });
    this.counted = { set, sensitivity, n };
    return n;
  }

  private counted: { set: DetectionSet; sensitivity: string; n: number } | undefined;

  /** The suggestions among `detections` (all of them by default) and the stored ones `within` a span. */
  private computeSuggestions(
    detections: readonly Detection[] = this.detections,
    within?: (s: { start: number; end: number }) => boolean,
  ): Suggestion[] {
    const sensitivity = readSettings(this.document).claimSensitivity;
    const live: Suggestion[] = this.store
      .pending(detections)
      .filter((d) => meetsSensitivity(d, sensitivity))
      .map((d) => ({ kind: d.kind, start: d.start, end: d.end, text: d.text, detection: d }));
    const stored = this.store.tracked.filter(
      (t) => t.annotation.status === 'suggested' && !t.anchor.orphaned && (within?.(t.anchor) ?? true),
    );
    if (stored.length === 0) return live;
    const bySpan = new Map(detections.map((d) => [`${d.kind}:${d.start}:${d.end}`, d]));
    const out = [...live];
    for (const t of stored) {
      const { start, end } = t.anchor;
      const detection = bySpan.get(`${t.annotation.kind}:${start}:${end}`);
      out.push({
        kind: t.annotation.kind,
        start,
        end,
        text: t.anchor.quote,
        storedId: t.annotation.id,
        ...(detection ? { detection } : {}),
      });
    }
    return out.sort((a, b) => a.start - b.start || b.end - a.end);
  }

  /** Records an edit (one change event, pre-event coordinates) to move the detections by when read. */
  edited(changes: readonly TextChange[]): void {
    this.unshifted.push([...changes]);
    this.pending = undefined;
  }

  refresh(settings: Settings, timings?: Timings): void {
    const read = performance.now();
    const text = this.document.getText();
    const detecting = performance.now();
    timings?.record('detectText', detecting - read);
    const limit = settings.maxFileSizeMB * 1024 * 1024;
    if (text.length > limit) {
      this.detections = [];
      this.skippedReason = `${vscode.workspace.asRelativePath(this.document.uri)} is larger than marginalia.maxFileSizeMB (${settings.maxFileSizeMB} MB)`;
    } else {
      this.skippedReason = undefined;
      const published = this.store.published;
      this.takeSet(this.detector.update(text, { kinds: settings.kinds, ...(published ? { referenceDate: published } : {}) }));
    }
    timings?.record('detectCore', performance.now() - detecting);
    this.version = this.document.version;
    this.recompute();
  }

  /** The stored annotations changed: the suggestions are computed again when next read. */
  recompute(): void {
    this.pending = undefined;
  }
}

/** Text per step of a stepwise detection: fresh real text takes 5–15 ms per 16 KB here. */
const STEP_CHARS = 16 * 1024;

/**
 * How long a stepwise detection holds the event loop before giving it back. Steps are
 * run until it is spent: 64 KB steps held it 125–200 ms on fresh real text, while
 * text the cache knows went through in a millisecond a step.
 */
const STEP_BUDGET_MS = 12;

/** How long a large document's detection waits for an editor to show it. */
const EDITOR_WAIT_MS = 2000;

/** Documents at least this long (UTF-16 units) are detected visible part first. */
const VISIBLE_FIRST_SIZE = 256 * 1024;

function countOrphans(session: DocumentSession): number {
  let n = 0;
  for (const t of session.store.tracked) if (t.anchor.orphaned) n++;
  return n;
}

/** Keeps a session per annotatable open document, refreshed (debounced) as the user types. */
export class SessionRegistry implements vscode.Disposable {
  private readonly sessions = new Map<string, DocumentSession>();
  private readonly loading = new Map<string, Promise<void>>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<DocumentSession>();
  private readonly closed = new vscode.EventEmitter<vscode.Uri>();
  /** The extension's own work per step (editing, detecting, painting), for the benchmark and the log. */
  readonly timings = new Timings();
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly onDidChange = this.changed.event;
  /** A document's session ended: views that showed it fall back to its sidecar on disk. */
  readonly onDidClose = this.closed.event;

  private readonly historyChanged = new vscode.EventEmitter<DocumentSession>();
  /** A document's undo history changed (an action, an undo, a redo). */
  readonly onDidChangeHistory = this.historyChanged.event;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly problems: SidecarProblems,
    private matcher?: ControlMatcher,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => {
        this.open(d);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.close(d);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        this.edited(e);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        void this.saveSidecar(d);
      }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        this.shown(editors);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('marginalia')) this.refreshAll();
      }),
    );
    for (const document of vscode.workspace.textDocuments) this.open(document);
  }

  get(uri: vscode.Uri): DocumentSession | undefined {
    return this.sessions.get(uri.toString());
  }

  all(): DocumentSession[] {
    return [...this.sessions.values()];
  }

  /** Resolves when the document's sidecar has been read (immediately when it was). */
  async ready(document: vscode.TextDocument): Promise<DocumentSession | undefined> {
    const session = this.get(document.uri) ?? this.open(document);
    if (!session) return undefined;
    await this.loading.get(document.uri.toString());
    if (session.version !== document.version) this.refresh(session);
    return session;
  }

  /** Brings a document's detections up to date now, without waiting for the debounce. */
  ensure(document: vscode.TextDocument): DocumentSession | undefined {
    const session = this.get(document.uri) ?? this.open(document);
    if (session && session.version !== document.version) this.refresh(session);
    return session;
  }

  /** The control matcher sessions detect with (undefined: the built-in catalog's), for detecting outside a session. */
  get controlMatcher(): ControlMatcher | undefined {
    return this.matcher;
  }

  /** The workspace's entities (`.marginalia/entities.yaml`), which claims' speakers resolve to. */
  entities = new EntityRegistry();

  /** Replaces the entities (the workspace's entities file changed); views and hovers read them on their next refresh. */
  setEntities(registry: EntityRegistry): void {
    this.entities = registry;
    for (const session of this.sessions.values()) this.changed.fire(session);
  }

  /** Replaces the control matcher (a workspace catalog changed) and re-detects everything. */
  setMatcher(matcher: ControlMatcher): void {
    this.matcher = matcher;
    // Same sessions, new detector: the annotations (moved by unsaved edits, or being
    // saved right now) must not be swapped for a fresh read of the file on disk.
    for (const session of this.sessions.values()) {
      session.useMatcher(matcher);
      if (session.loaded) this.refresh(session);
    }
  }

  /**
   * Changes a document's annotations as one undoable step: `edit` runs as a transaction of
   * the store (checked before it is kept), the views repaint, and the sidecar is written.
   * When the write is refused, the change is taken back, so what the editor shows and
   * what the file holds never disagree, and RefusedChange says why.
   */
  async apply<T>(session: DocumentSession, label: string, edit: (tx: StoreTransaction) => T): Promise<{ result: T; step: AppliedChange }> {
    let result: T | undefined;
    const step = session.store.change((tx) => {
      result = edit(tx);
    });
    const recorded = step.changes.length > 0 || step.published !== undefined;
    if (recorded) session.history.record({ label, ...step, mark: session.document.version });
    await this.keep(session, step, () => {
      if (recorded) session.history.dropLast();
    });
    if (recorded) this.historyChanged.fire(session);
    return { result: result as T, step };
  }

  /** Undoes the newest step of a document's history; undefined when there is none. */
  undo(session: DocumentSession): Promise<HistoryStep | undefined> {
    return this.travel(session, 'undo');
  }

  /** Redoes the step undone last; undefined when there is none. */
  redo(session: DocumentSession): Promise<HistoryStep | undefined> {
    return this.travel(session, 'redo');
  }

  /**
   * Moves a step from one stack of the history to the other and applies its side: its
   * `before` to undo it, its `after` to redo it. Refused (the file on disk is broken, or
   * the write fails), the step goes back where it was.
   */
  private async travel(session: DocumentSession, direction: 'undo' | 'redo'): Promise<HistoryStep | undefined> {
    const history = session.history;
    const [take, putBack] =
      direction === 'undo'
        ? [(mark: number) => history.takeUndo(mark), (mark: number) => history.takeRedo(mark)]
        : [(mark: number) => history.takeRedo(mark), (mark: number) => history.takeUndo(mark)];
    const step = take(session.document.version);
    if (!step) return undefined;
    let applied: AppliedChange;
    try {
      applied = session.store.applyStep(step, direction === 'undo' ? 'before' : 'after');
    } catch (error) {
      putBack(step.mark);
      throw error;
    }
    await this.keep(session, applied, () => {
      putBack(step.mark);
    });
    this.historyChanged.fire(session);
    return step;
  }

  /** Repaints and writes a change; when the write is refused, takes the change back (and `forget` its history) before rethrowing. */
  private async keep(session: DocumentSession, applied: AppliedChange, forget: () => void): Promise<void> {
    session.recompute();
    this.changed.fire(session);
    try {
      this.tell(session, await session.store.save());
    } catch (error) {
      session.store.revert(applied);
      forget();
      session.recompute();
      this.changed.fire(session);
      this.publishProblems(session);
      throw error instanceof RefusedChange
        ? error
        : new RefusedChange(
            `${vscode.workspace.asRelativePath(session.store.sidecar)} could not be written, so the change was taken back: ${describeError(error)}`,
          );
    }
    this.publishProblems(session);
  }

  /** Logs what a read, merge or write brought that the user should know. */
  private tell(session: DocumentSession, news: StoreNews): void {
    const where = vscode.workspace.asRelativePath(session.store.sidecar);
    if (news.migratedFrom !== undefined) {
      this.log.info(
        `${where} is in format version ${news.migratedFrom}; read as version 2 (${news.migratedSuggestions ?? 0} stored detection(s) that no one had accepted are shown as suggestions) and written as version 2 at the next change.`,
      );
    }
    for (const c of news.conflicts ?? []) this.log.warn(`${where}: ${c}`);
  }

  /** The sidecar's errors in the Problems panel (an open editor of the sidecar shows its own text's). */
  publishProblems(session: DocumentSession): void {
    this.problems.setFromStore(session.store.sidecar, session.store.errors, session.store.warnings);
  }

  /** Detects again now (the document date changed: relative dates resolve differently). */
  redetect(session: DocumentSession): void {
    session.version = -1;
    this.refresh(session);
  }

  /** Re-reads a sidecar changed on disk (a git pull, a rename). */
  reload(session: DocumentSession): void {
    this.load(session);
  }

  /** Reads a document's sidecar again and resolves when it has been read. */
  async reloadNow(document: vscode.TextDocument): Promise<void> {
    const session = await this.ready(document);
    if (!session) return;
    this.load(session);
    await this.ready(document);
  }

  /**
   * The sidecar of an open document changed on disk (a file watcher, or its editor saved
   * it): merged with what is in memory; a file fixed by hand becomes writable again at once.
   */
  async mergeFromDisk(session: DocumentSession): Promise<void> {
    const news = await session.store.mergeFromDisk();
    if (news === undefined) return;
    const where = vscode.workspace.asRelativePath(session.store.sidecar);
    this.log.info(
      `${where} changed on disk; merged by annotation id${news.conflicts?.length ? ` (${news.conflicts.length} conflicting field(s) kept as in the editor)` : ''}.`,
    );
    this.tell(session, news);
    this.publishProblems(session);
    session.recompute();
    this.changed.fire(session);
    if (session.store.writable && session.store.lastKnownText !== undefined) {
      // What the merge brought in from memory is not on disk yet.
      this.tell(session, await session.store.save());
    }
  }

  /** Documents that are Marginalia's own output (an export saved in the workspace), and why: never annotated. */
  private readonly ownOutput = new Map<string, string>();

  private open(document: vscode.TextDocument): DocumentSession | undefined {
    if (!isAnnotatable(document, readSettings(document))) return undefined;
    const key = document.uri.toString();
    if (this.ownOutput.has(key)) return undefined;
    // An export announces itself in its first lines (the report's marker, the CSV header).
    const head = document.getText(new vscode.Range(0, 0, Math.min(document.lineCount, 5), 0));
    const format = ownExportFormat(document.uri, head);
    if (format !== undefined) {
      this.skipOwnOutput(document.uri, `it is a Marginalia export (${format})`);
      return undefined;
    }
    let session = this.sessions.get(key);
    if (!session) {
      session = new DocumentSession(document, this.matcher, () => this.entities);
      this.sessions.set(key, session);
      this.load(session);
    }
    return session;
  }

  private skipOwnOutput(uri: vscode.Uri, why: string): void {
    const key = uri.toString();
    if (this.ownOutput.has(key)) return;
    this.ownOutput.set(key, why);
    this.log.info(`Not annotating ${vscode.workspace.asRelativePath(uri)}: ${why}.`);
  }

  private load(session: DocumentSession): void {
    const key = session.document.uri.toString();
    const loadStarted = performance.now();
    const task = isBratCopy(session.document.uri)
      .then((copy) => {
        if (!copy) return session.store.load();
        // A brat export's copy of a document: drop the session before anything is shown.
        this.skipOwnOutput(session.document.uri, 'it is a document copy in a brat export (a .ann file is beside it)');
        this.close(session.document);
        return undefined;
      })
      .then(
        (result) => {
          if (result === undefined) return;
          this.timings.record('load', performance.now() - loadStarted);
          session.loaded = true;
          const where = vscode.workspace.asRelativePath(session.store.sidecar);
          this.publishProblems(session);
          this.tell(session, result.news);
          if (session.store.errors.length > 0)
            this.log.warn(`${where} has ${session.store.errors.length} error(s); it is shown read-only until fixed.`);
          if (result.reanchored + result.orphaned > 0)
            this.log.info(
              `${where}: the source changed outside the editor; ${result.reanchored} annotation(s) moved, ${result.orphaned} orphaned.`,
            );
        },
        (error: unknown) => {
          this.log.error(`Reading ${session.store.sidecar.toString()} failed: ${describeError(error)}`);
        },
      )
      .finally(() => {
        this.loading.delete(key);
        if (this.sessions.get(key) === session) this.refresh(session);
      });
    this.loading.set(key, task);
  }

  private close(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    if (this.sessions.delete(key)) this.closed.fire(document.uri);
  }

  private edited(event: vscode.TextDocumentChangeEvent): void {
    if (event.contentChanges.length === 0) return;
    const session = this.get(event.document.uri);
    if (!session) return;
    // Anchors move with every change event at once, so no change is ever missed.
    // Detections move too until the paragraph is detected again after the debounce.
    try {
      this.timings.measure('edit', () => {
        const orphansBefore = countOrphans(session);
        session.store.track(event.contentChanges);
        // Also drops the suggestions, which depend on where the annotations now are.
        session.edited(event.contentChanges);
        // VS Code moves the decorations with the text; repaint (and refresh the views) now
        // only when an annotation lost its place or found it again, else after re-detection.
        if (countOrphans(session) !== orphansBefore) this.changed.fire(session);
      });
    } catch (error) {
      this.log.error(`Moving the annotations of ${event.document.uri.toString()} with an edit failed: ${describeError(error)}`);
    }
    const key = event.document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.refresh(session);
      }, readSettings(event.document).debounceMs),
    );
  }

  /** A document was saved: its sidecar follows (offsets and hash of the saved text). A saved sidecar is merged at once, without waiting for the file watcher. */
  private async saveSidecar(document: vscode.TextDocument): Promise<void> {
    const source = sourceOfSidecar(document.uri);
    const owner = source ? this.get(source) : undefined;
    try {
      if (owner) {
        await this.mergeFromDisk(owner);
        return;
      }
      const session = this.get(document.uri);
      if (!session || session.store.tracked.length === 0 || !session.store.writable) return;
      this.tell(session, await session.store.save());
    } catch (error) {
      this.log.error(`Writing the sidecar of ${document.uri.toString()} failed: ${describeError(error)}`);
    }
  }

  private refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) {
      const settings = readSettings(document);
      if (!isAnnotatable(document, settings)) this.close(document);
      else {
        const session = this.get(document.uri) ?? this.open(document);
        if (session) this.refresh(session);
      }
    }
  }

  /**
   * A large document opened in an editor: its visible part is detected and painted first,
   * and the whole text right after, in a later turn of the event loop, so the reader sees
   * decorations where they are looking at once.
   */
  private refreshVisibleFirst(session: DocumentSession): boolean {
    if (session.visiblePartDone || session.firstPaintTimed || !session.loaded) return false;
    const length = documentLength(session.document);
    if (length < VISIBLE_FIRST_SIZE) return false;
    const settings = readSettings(session.document);
    if (length > settings.maxFileSizeMB * 1024 * 1024) return false;
    if (session.waitingForEditor !== undefined) return true;
    const visible = this.detectVisiblePart(session, settings);
    if (visible === 'failed') return false;
    if (visible === 'done') {
      this.detectRestInSteps(session, settings);
      return true;
    }
    // The sidecar is read before VS Code shows the document (at once on a local disk):
    // wait for the editor, so that its visible part is detected first and no step of the
    // whole pass holds up the window while it opens. A document opened without an editor
    // is detected in steps after a while.
    // Meanwhile, the detectors' first-use costs (compiling the catalog) are paid.
    warmUpNow(this.log);
    session.waitingForEditor = setTimeout(() => {
      session.waitingForEditor = undefined;
      if (this.sessions.get(session.document.uri.toString()) === session) this.detectRestInSteps(session, settings);
    }, EDITOR_WAIT_MS);
    return true;
  }

  /** Detects and paints the visible part of a large document ahead of the rest, when an editor shows it. */
  private detectVisiblePart(session: DocumentSession, settings: Settings): 'done' | 'not shown' | 'failed' {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === session.document);
    const span = editor && visibleSpan(editor);
    if (!span) return 'not shown';
    session.visiblePartDone = true;
    const started = performance.now();
    try {
      session.detectPart(settings, span[0], span[1]);
    } catch (error) {
      this.log.error(`Detection failed in ${session.document.uri.toString()}: ${describeError(error)}`);
      return 'failed';
    }
    this.changed.fire(session);
    const done = performance.now();
    this.timings.record('visiblePart', done - started);
    this.timings.record('firstVisiblePaint', done - session.openedAt);
    if (session.shownAt !== undefined) this.timings.record('shownToPaint', done - session.shownAt);
    return 'done';
  }

  /** Editors came into view: a large document waiting for one gets its visible part detected first, then the rest in steps. */
  private shown(editors: readonly vscode.TextEditor[]): void {
    for (const editor of editors) {
      const session = this.get(editor.document.uri);
      if (session === undefined || session.visiblePartDone || session.firstPaintTimed) continue;
      session.shownAt ??= performance.now();
      const settings = readSettings(session.document);
      if (session.waitingForEditor !== undefined) {
        clearTimeout(session.waitingForEditor);
        session.waitingForEditor = undefined;
        this.detectVisiblePart(session, settings);
        this.detectRestInSteps(session, settings);
      } else if (session.stepping) {
        this.detectVisiblePart(session, settings);
      }
    }
  }

  /**
   * The whole text of a large document, a step at a time with the event loop given back
   * in between, so hovers, commands and other extensions stay responsive meanwhile.
   */
  private detectRestInSteps(session: DocumentSession, settings: Settings): void {
    const key = session.document.uri.toString();
    const { version, steps } = session.detectInSteps(settings);
    const generation = session.matcherGeneration;
    session.stepping = true;
    let cpu = 0;
    const step = (): void => {
      if (this.sessions.get(key) !== session) return;
      const started = performance.now();
      let result: IteratorResult<void, DetectionSet>;
      try {
        do result = steps.next();
        while (!result.done && performance.now() - started < STEP_BUDGET_MS);
      } catch (error) {
        session.stepping = false;
        this.log.error(`Detection failed in ${key}: ${describeError(error)}`);
        return;
      }
      const took = performance.now() - started;
      cpu += took;
      this.timings.record('detectStep', took);
      if (!result.done) {
        setTimeout(step, 0);
        return;
      }
      session.stepping = false;
      // Edited meanwhile: the detector's cache is primed, so detecting the new text is quick.
      if (session.document.version !== version || session.matcherGeneration !== generation) {
        this.refresh(session);
        return;
      }
      session.takeDetections(result.value, version);
      this.changed.fire(session);
      const done = performance.now();
      this.timings.record('detect', cpu);
      session.firstPaintTimed = true;
      this.timings.record('firstPaint', done - session.openedAt);
      this.log.trace(`Detected ${result.value.size} in ${key} (v${version}) in steps, ${cpu.toFixed(1)} ms of work`);
    };
    setTimeout(step, 0);
  }

  private refresh(session: DocumentSession): void {
    // A stepwise pass is running: it re-detects at its end if the text changed meanwhile.
    if (session.stepping) return;
    if (this.refreshVisibleFirst(session)) return;
    const started = performance.now();
    try {
      const before = session.skippedReason;
      session.refresh(readSettings(session.document), this.timings);
      if (session.skippedReason && session.skippedReason !== before) this.log.warn(`Not analysing ${session.skippedReason}.`);
      this.log.trace(
        `Detected ${session.detectionCount} in ${session.document.uri.toString()} (v${session.version}) in ${(performance.now() - started).toFixed(1)} ms`,
      );
    } catch (error) {
      this.log.error(`Detection failed in ${session.document.uri.toString()}: ${describeError(error)}`);
      return;
    }
    const notifying = performance.now();
    this.changed.fire(session);
    const done = performance.now();
    this.timings.record('detectNotify', done - notifying);
    this.timings.record('detect', done - started);
    if (!session.firstPaintTimed && session.loaded) {
      session.firstPaintTimed = true;
      this.timings.record('firstPaint', done - session.openedAt);
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
    this.closed.dispose();
    this.historyChanged.dispose();
  }
}
