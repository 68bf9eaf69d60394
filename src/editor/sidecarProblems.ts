import * as vscode from 'vscode';
import { SIDECAR_SUFFIX, type SidecarError } from '../core/sidecar/format';
import { parseSidecar } from '../core/sidecar/read';

/** After typing stops in an open sidecar, its text is checked again after this long. */
const CHECK_DELAY_MS = 250;

/**
 * Sidecar errors in the Problems panel, with line and column. What a document's session
 * read from disk is shown, except while the sidecar itself is open in an editor: then its
 * own text is checked as the person types, so a problem they fix clears at once instead of
 * when the file is saved and read again.
 */
interface Found {
  readonly errors: readonly SidecarError[];
  readonly warnings: readonly SidecarError[];
}

export class SidecarProblems implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('marginalia');
  /** The errors and warnings each session found in its sidecar on disk, by sidecar URI. */
  private readonly fromStore = new Map<string, Found>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((d) => {
        this.checkSoon(d, 0);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        this.checkSoon(e.document, CHECK_DELAY_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.closed(d);
      }),
    ];
    for (const d of vscode.workspace.textDocuments) this.checkSoon(d, 0);
  }

  /** The errors (none: the file is valid) and warnings a session read from its sidecar on disk. */
  setFromStore(sidecar: vscode.Uri, errors: readonly SidecarError[], warnings: readonly SidecarError[] = []): void {
    const key = sidecar.toString();
    const found = { errors, warnings };
    this.fromStore.set(key, found);
    if (!this.openBuffer(sidecar)) this.show(sidecar, found);
  }

  /** The session of the sidecar's source ended. */
  forget(sidecar: vscode.Uri): void {
    this.fromStore.delete(sidecar.toString());
    if (!this.openBuffer(sidecar)) this.collection.delete(sidecar);
  }

  private openBuffer(sidecar: vscode.Uri): vscode.TextDocument | undefined {
    const key = sidecar.toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  }

  private checkSoon(document: vscode.TextDocument, delay: number): void {
    if (!document.uri.path.endsWith(SIDECAR_SUFFIX) || document.uri.scheme === 'git') return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (document.isClosed) return;
        const name = vscode.workspace.asRelativePath(document.uri);
        const parsed = parseSidecar(document.getText(), name);
        this.show(document.uri, { errors: parsed.errors, warnings: parsed.warnings ?? [] });
      }, delay),
    );
  }

  private closed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (!document.uri.path.endsWith(SIDECAR_SUFFIX)) return;
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const stored = this.fromStore.get(key);
    if (stored) this.show(document.uri, stored);
    else this.collection.delete(document.uri);
  }

  private show(sidecar: vscode.Uri, { errors, warnings }: Found): void {
    const diagnostic = (e: SidecarError, message: string, severity: vscode.DiagnosticSeverity): vscode.Diagnostic => {
      const at = new vscode.Position(Math.max(0, e.line - 1), Math.max(0, e.column - 1));
      const d = new vscode.Diagnostic(new vscode.Range(at, at.translate(0, 1)), message, severity);
      d.source = 'Marginalia';
      return d;
    };
    this.collection.set(sidecar, [
      ...errors.map((e) =>
        diagnostic(e, `${e.message} (Marginalia will not write this file until it is fixed)`, vscode.DiagnosticSeverity.Error),
      ),
      ...warnings.map((w) => diagnostic(w, w.message, vscode.DiagnosticSeverity.Warning)),
    ]);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
  }
}
