import * as vscode from 'vscode';
import { DocumentDetector } from '../core/detect';
import type { ControlMatcher } from '../core/detect/controls';
import type { Detection } from '../core/model';
import { describeError } from './log';
import { isAnnotatable, readSettings, type Settings } from './settings';

/**
 * What Marginalia knows of one open document: its current suggestions. One owner per
 * document; views subscribe to the registry's change event and never compute.
 */
export class DocumentSession {
  private readonly detector: DocumentDetector;
  suggestions: readonly Detection[] = [];
  /** The document version the suggestions belong to. */
  version = -1;
  /** Why the document is not analysed (too large), shown to the user once. */
  skippedReason: string | undefined;

  constructor(readonly document: vscode.TextDocument, matcher: ControlMatcher | undefined) {
    this.detector = new DocumentDetector(matcher);
  }

  refresh(settings: Settings): void {
    const text = this.document.getText();
    const limit = settings.maxFileSizeMB * 1024 * 1024;
    if (text.length > limit) {
      this.suggestions = [];
      this.skippedReason = `${vscode.workspace.asRelativePath(this.document.uri)} is larger than marginalia.maxFileSizeMB (${settings.maxFileSizeMB} MB)`;
    } else {
      this.skippedReason = undefined;
      this.suggestions = this.detector.detect(text, { kinds: settings.kinds });
    }
    this.version = this.document.version;
  }
}

/** Keeps a session per annotatable open document, refreshed (debounced) as the user types. */
export class SessionRegistry implements vscode.Disposable {
  private readonly sessions = new Map<string, DocumentSession>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<DocumentSession>();
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel, private matcher?: ControlMatcher) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => { this.open(d); }),
      vscode.workspace.onDidCloseTextDocument((d) => { this.close(d); }),
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length > 0) this.schedule(e.document); }),
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

  /** Replaces the control matcher (a workspace catalog changed) and re-detects everything. */
  setMatcher(matcher: ControlMatcher): void {
    this.matcher = matcher;
    for (const [key, session] of this.sessions) this.sessions.set(key, new DocumentSession(session.document, matcher));
    this.refreshAll();
  }

  /** Brings a document's session up to date now, without waiting for the debounce. */
  ensure(document: vscode.TextDocument): DocumentSession | undefined {
    const session = this.get(document.uri) ?? this.open(document);
    if (session && session.version !== document.version) this.refresh(session);
    return session;
  }

  private open(document: vscode.TextDocument): DocumentSession | undefined {
    if (!isAnnotatable(document, readSettings(document))) return undefined;
    const key = document.uri.toString();
    let session = this.sessions.get(key);
    if (!session) {
      session = new DocumentSession(document, this.matcher);
      this.sessions.set(key, session);
      this.refresh(session);
    }
    return session;
  }

  private close(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.sessions.delete(key);
  }

  private schedule(document: vscode.TextDocument): void {
    const session = this.get(document.uri);
    if (!session) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.refresh(session);
    }, readSettings(document).debounceMs));
  }

  private refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) {
      const settings = readSettings(document);
      if (!isAnnotatable(document, settings)) this.close(document);
      else this.refresh(this.get(document.uri) ?? (this.open(document) as DocumentSession));
    }
  }

  private refresh(session: DocumentSession): void {
    const started = Date.now();
    try {
      const before = session.skippedReason;
      session.refresh(readSettings(session.document));
      if (session.skippedReason && session.skippedReason !== before) {
        this.log.warn(`Not analysing ${session.skippedReason}.`);
      }
      this.log.trace(`Detected ${session.suggestions.length} suggestions in ${session.document.uri.toString()} (v${session.version}) in ${Date.now() - started} ms`);
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
  }
}
