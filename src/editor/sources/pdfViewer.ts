// Marginalia's own PDF viewer: a read-only custom editor for `*.pdf` (an option in Open
// With…, never the default) that Open Original uses to show the original at an
// annotation's page with its text marked. It works wherever the extension does — the
// desktop, a browser-served VS Code, vscode.dev — since the PDF is read through
// workspace.fs and handed to the page, which draws it with pdf.js.
import * as vscode from 'vscode';
import { isPageMessage, type GotoRequest, type ViewerMessage } from '../../webview/pdf/protocol';
import { describeError } from '../log';
import { pageHtml, pageRoots } from '../webviewPage';

export const PDF_VIEWER_TYPE = 'marginalia.pdfViewer';

/** What the viewer showed for a request: the page it turned to (0 when it has none) and how many marks it drew for the quote. */
export interface ViewerShown {
  page: number;
  marks: number;
  pages: number;
}

/** How long Open Original waits for the page to say what it showed. */
const SHOWN_WAIT_MS = 15_000;
/** A PDF being copied over changes several times: it is read again once this long after the last change. */
const REREAD_AFTER_MS = 300;

interface Viewer {
  panel: vscode.WebviewPanel;
  /** Set once the page has the PDF: later requests go straight to it. */
  opened: boolean;
  disposed: boolean;
  /** The request the page is given with the PDF, if one came before it had it. */
  waiting: GotoRequest | undefined;
  /** Requests sent and not answered yet: answered with undefined when the panel closes. */
  pending: Set<number>;
}

export class PdfViewer implements vscode.CustomReadonlyEditorProvider, vscode.Disposable {
  private readonly viewers = new Map<string, Viewer>();
  /** Requests made before their editor was resolved, by the PDF's URI. */
  private readonly early = new Map<string, GotoRequest>();
  private readonly answers = new Map<number, { resolve: (shown: ViewerShown | undefined) => void; timer: ReturnType<typeof setTimeout> }>();
  private seq = 0;
  private readonly registration: vscode.Disposable;
  private readonly opened = new vscode.EventEmitter<{ uri: vscode.Uri; pages: number }>();
  /** The page has read a PDF: when opened, and again after the file changed on disk. */
  readonly onDidOpen = this.opened.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.registration = vscode.window.registerCustomEditorProvider(PDF_VIEWER_TYPE, this, {
      supportsMultipleEditorsPerDocument: false,
      webviewOptions: { retainContextWhenHidden: true },
    });
  }

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): void {
    const key = document.uri.toString();
    const viewer: Viewer = { panel, opened: false, disposed: false, waiting: this.early.get(key), pending: new Set() };
    this.early.delete(key);
    if (viewer.waiting) viewer.pending.add(viewer.waiting.seq);
    this.viewers.set(key, viewer);
    const name = document.uri.path.split('/').pop() ?? 'PDF';
    panel.webview.options = { enableScripts: true, localResourceRoots: pageRoots(this.extensionUri) };
    panel.webview.html = pageHtml(panel.webview, {
      script: vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'pdfViewer.js'),
      style: vscode.Uri.joinPath(this.extensionUri, 'media', 'pdfViewer.css'),
      title: name,
      root: 'main',
      images: 'blob: data:',
    });
    /** Reads the PDF and hands it to the page; only the latest of overlapping reads is handed over. */
    let reads = 0;
    const sendPdf = async (goto: GotoRequest | undefined): Promise<void> => {
      const read = ++reads;
      const data = await this.read(document.uri);
      if (viewer.disposed || read !== reads) return;
      if (data === undefined) {
        // Nothing to show: the page is told why, and the request is answered.
        await this.post(viewer, { type: 'open', name, data: new Uint8Array(0), ...(goto ? { goto } : {}) });
        return;
      }
      await this.post(viewer, { type: 'open', name, data, ...(goto ? { goto } : {}) });
      viewer.opened = true;
    };
    panel.webview.onDidReceiveMessage(async (m: unknown) => {
      if (!isPageMessage(m)) return;
      switch (m.type) {
        case 'ready': {
          // Also after the page was reloaded: it starts again from the PDF.
          const goto = viewer.waiting;
          viewer.waiting = undefined;
          await sendPdf(goto);
          return;
        }
        case 'opened':
          this.log.info(`PDF viewer: ${vscode.workspace.asRelativePath(document.uri)} opened (${m.pages} pages)`);
          this.opened.fire({ uri: document.uri, pages: m.pages });
          return;
        case 'shown':
          viewer.pending.delete(m.seq);
          this.answer(m.seq, { page: m.page, marks: m.marks, pages: m.pages });
          return;
        case 'error':
          this.log.error(`PDF viewer: ${vscode.workspace.asRelativePath(document.uri)}: ${m.message}`);
          void vscode.window.showErrorMessage(`Marginalia: ${m.message}`);
          return;
      }
    });
    // A corrected PDF written over the original (Add Source again), or moved into its place,
    // is shown at once. The folder is watched and the file compared: a name is no glob.
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(document.uri, '..'), '*'));
    let reread: ReturnType<typeof setTimeout> | undefined;
    const changed = (uri: vscode.Uri): void => {
      if (uri.toString() !== key || !viewer.opened) return;
      clearTimeout(reread);
      reread = setTimeout(() => {
        void sendPdf(undefined);
      }, REREAD_AFTER_MS);
    };
    watcher.onDidChange(changed);
    watcher.onDidCreate(changed);
    panel.onDidDispose(() => {
      viewer.disposed = true;
      clearTimeout(reread);
      watcher.dispose();
      if (this.viewers.get(key) === viewer) this.viewers.delete(key);
      for (const seq of viewer.pending) this.answer(seq, undefined);
      if (viewer.waiting) this.answer(viewer.waiting.seq, undefined);
    });
  }

  /**
   * Opens the PDF in this viewer (or brings its tab forward) at a page, with a quote marked
   * (its `occurrence`-th time on the page, counted from 0);
   * resolves with what the page showed, or undefined if it did not say in time. `preserveFocus`
   * keeps the keyboard where it is (a hover's link leaves the reader in the text).
   */
  async show(
    uri: vscode.Uri,
    page: number,
    quote: string | undefined,
    occurrence = 0,
    preserveFocus = false,
  ): Promise<ViewerShown | undefined> {
    const request: GotoRequest = { seq: ++this.seq, page, ...(quote === undefined ? {} : { quote, occurrence }) };
    const shown = new Promise<ViewerShown | undefined>((resolve) => {
      const timer = setTimeout(() => {
        this.answer(request.seq, undefined);
      }, SHOWN_WAIT_MS);
      this.answers.set(request.seq, { resolve, timer });
    });
    const key = uri.toString();
    const viewer = this.viewers.get(key);
    if (viewer?.opened === true) {
      viewer.panel.reveal(viewer.panel.viewColumn, preserveFocus);
      viewer.pending.add(request.seq);
      await this.post(viewer, { type: 'goto', ...request });
    } else if (viewer) {
      // A request still waiting for the PDF gives way to this one.
      if (viewer.waiting) this.answer(viewer.waiting.seq, undefined);
      viewer.waiting = request;
      viewer.pending.add(request.seq);
      viewer.panel.reveal(viewer.panel.viewColumn, preserveFocus);
    } else {
      const before = this.early.get(key);
      if (before) this.answer(before.seq, undefined);
      this.early.set(key, request);
      try {
        await vscode.commands.executeCommand('vscode.openWith', uri, PDF_VIEWER_TYPE, {
          preview: false,
          preserveFocus,
          viewColumn: vscode.ViewColumn.Beside,
        });
      } catch (error) {
        this.log.error(`PDF viewer: cannot open ${uri.toString()}: ${describeError(error)}`);
        this.answer(request.seq, undefined);
        throw error;
      } finally {
        // Taken by resolveCustomEditor when the editor opened; never left for a later opening.
        if (this.early.get(key) === request) this.early.delete(key);
      }
    }
    return shown;
  }

  private answer(seq: number, shown: ViewerShown | undefined): void {
    const waiting = this.answers.get(seq);
    if (!waiting) return;
    this.answers.delete(seq);
    clearTimeout(waiting.timer);
    waiting.resolve(shown);
  }

  private async read(uri: vscode.Uri): Promise<Uint8Array | undefined> {
    try {
      // A copy of its own: in Node the bytes may be a view into a shared pool, which would go to the page whole.
      return new Uint8Array(await vscode.workspace.fs.readFile(uri));
    } catch (e) {
      const why = describeError(e);
      this.log.error(`PDF viewer: cannot read ${uri.toString()}: ${why}`);
      void vscode.window.showErrorMessage(`Marginalia: cannot read ${vscode.workspace.asRelativePath(uri)}: ${why}`);
      return undefined;
    }
  }

  private async post(viewer: Viewer, message: ViewerMessage): Promise<void> {
    if (viewer.disposed) return;
    try {
      if (!(await viewer.panel.webview.postMessage(message))) this.log.warn('PDF viewer: a message to the page was not delivered');
    } catch (error) {
      this.log.warn(`PDF viewer: a message to the page was not delivered (${describeError(error)})`);
    }
  }

  dispose(): void {
    this.registration.dispose();
    this.opened.dispose();
    for (const seq of [...this.answers.keys()]) this.answer(seq, undefined);
  }
}
