import * as vscode from 'vscode';
import { DocumentDetector } from '../core/detect';
import { shiftDetections } from '../core/detect/shift';
import type { ControlMatcher } from '../core/detect/controls';
import type { Detection } from '../core/model';
import { AnnotationStore } from './annotationStore';
import { describeError } from './log';
import { isAnnotatable, readSettings, type Settings } from './settings';

/**
 * What Marginalia knows of one open document: its stored annotations (tracked through
 * every edit) and its detections; the suggestions are the detections no annotation
 * covers. One owner per document: views subscribe to the registry and never compute,
 * commands ask the registry.
 */
export class DocumentSession {
  private readonly detector: DocumentDetector;
  readonly store: AnnotationStore;
  detections: readonly Detection[] = [];
  suggestions: readonly Detection[] = [];
  /** The document version the detections belong to. */
  version = -1;
  loaded = false;
  /** Why the document is not analysed (too large). */
  skippedReason: string | undefined;

  constructor(readonly document: vscode.TextDocument, matcher: ControlMatcher | undefined) {
    this.detector = new DocumentDetector(matcher);
    this.store = new AnnotationStore(document);
  }

  refresh(settings: Settings): void {
    const text = this.document.getText();
    const limit = settings.maxFileSizeMB * 1024 * 1024;
    if (text.length > limit) {
      this.detections = [];
      this.skippedReason = `${vscode.workspace.asRelativePath(this.document.uri)} is larger than marginalia.maxFileSizeMB (${settings.maxFileSizeMB} MB)`;
    } else {
      this.skippedReason = undefined;
      const published = this.store.published;
      this.detections = this.detector.detect(text, { kinds: settings.kinds, ...(published ? { referenceDate: published } : {}) });
    }
    this.version = this.document.version;
    this.recompute();
  }

  /** Suggestions after the stored annotations changed. */
  recompute(): void {
    this.suggestions = this.store.pending(this.detections);
  }
}

/** Keeps a session per annotatable open document, refreshed (debounced) as the user types. */
export class SessionRegistry implements vscode.Disposable {
  private readonly sessions = new Map<string, DocumentSession>();
  private readonly loading = new Map<string, Promise<void>>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<DocumentSession>();
  private readonly closed = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly onDidChange = this.changed.event;
  /** A document's session ended: views that showed it fall back to its sidecar on disk. */
  readonly onDidClose = this.closed.event;

  /** Sidecar errors, in the Problems panel with the sidecar's line and column. */
  private readonly problems = vscode.languages.createDiagnosticCollection('marginalia');

  constructor(private readonly log: vscode.LogOutputChannel, private matcher?: ControlMatcher) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => { this.open(d); }),
      vscode.workspace.onDidCloseTextDocument((d) => { this.close(d); }),
      vscode.workspace.onDidChangeTextDocument((e) => { this.edited(e); }),
      vscode.workspace.onDidSaveTextDocument((d) => { void this.saveSidecar(d); }),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('marginalia')) this.refreshAll(); }),
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

  /** Replaces the control matcher (a workspace catalog changed) and re-detects everything. */
  setMatcher(matcher: ControlMatcher): void {
    this.matcher = matcher;
    for (const [key, session] of this.sessions) {
      const fresh = new DocumentSession(session.document, matcher);
      this.sessions.set(key, fresh);
      this.load(fresh);
    }
  }

  /** After a command changed a document's annotations: recompute, repaint, and write the sidecar. */
  async commit(session: DocumentSession): Promise<void> {
    session.recompute();
    this.changed.fire(session);
    await session.store.save();
  }

  /** Re-reads a sidecar changed on disk (a git pull). */
  reload(session: DocumentSession): void {
    this.load(session);
  }

  private open(document: vscode.TextDocument): DocumentSession | undefined {
    if (!isAnnotatable(document, readSettings(document))) return undefined;
    const key = document.uri.toString();
    let session = this.sessions.get(key);
    if (!session) {
      session = new DocumentSession(document, this.matcher);
      this.sessions.set(key, session);
      this.load(session);
    }
    return session;
  }

  private load(session: DocumentSession): void {
    const key = session.document.uri.toString();
    const task = session.store.load().then((result) => {
      session.loaded = true;
      const where = vscode.workspace.asRelativePath(session.store.sidecar);
      this.problems.set(session.store.sidecar, session.store.errors.map((e) => {
        const at = new vscode.Position(Math.max(0, e.line - 1), Math.max(0, e.column - 1));
        const d = new vscode.Diagnostic(new vscode.Range(at, at.translate(0, 1)), `${e.message} (Marginalia will not write this file until it is fixed)`, vscode.DiagnosticSeverity.Error);
        d.source = 'Marginalia';
        return d;
      }));
      if (session.store.errors.length > 0) this.log.warn(`${where} has ${session.store.errors.length} error(s); it is shown read-only until fixed.`);
      if (result.reanchored + result.orphaned > 0) this.log.info(`${where}: the source changed outside the editor; ${result.reanchored} annotation(s) moved, ${result.orphaned} orphaned.`);
    }, (error: unknown) => {
      this.log.error(`Reading ${session.store.sidecar.toString()} failed: ${describeError(error)}`);
    }).finally(() => {
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
      session.store.track(event.contentChanges);
      session.detections = shiftDetections(session.detections, event.contentChanges);
      session.recompute();
      this.changed.fire(session);
    } catch (error) {
      this.log.error(`Moving the annotations of ${event.document.uri.toString()} with an edit failed: ${describeError(error)}`);
    }
    const key = event.document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.refresh(session);
    }, readSettings(event.document).debounceMs));
  }

  private async saveSidecar(document: vscode.TextDocument): Promise<void> {
    const session = this.get(document.uri);
    if (!session || session.store.tracked.length === 0 || !session.store.writable) return;
    try {
      await session.store.save();
    } catch (error) {
      this.log.error(`Writing ${session.store.sidecar.toString()} failed: ${describeError(error)}`);
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

  private refresh(session: DocumentSession): void {
    const started = Date.now();
    try {
      const before = session.skippedReason;
      session.refresh(readSettings(session.document));
      if (session.skippedReason && session.skippedReason !== before) this.log.warn(`Not analysing ${session.skippedReason}.`);
      this.log.trace(`Detected ${session.detections.length} in ${session.document.uri.toString()} (v${session.version}) in ${Date.now() - started} ms`);
    } catch (error) {
      this.log.error(`Detection failed in ${session.document.uri.toString()}: ${describeError(error)}`);
      return;
    }
    this.changed.fire(session);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
    this.closed.dispose();
    this.problems.dispose();
  }
}
