// Marginalia's own PDF viewer: a read-only custom editor for `*.pdf` (an option in Open
// With…, never the default) that Open Original uses to show the original at an
// annotation's page with its text marked. It works wherever the extension does — the
// desktop, a browser-served VS Code, vscode.dev — since the PDF is read through
// workspace.fs and handed to the page, which draws it with pdf.js.
import * as vscode from 'vscode';
import { isPageMessage, type GotoRequest, type ViewerMessage } from '../../webview/pdf/protocol';
import { pageHtml, pageRoots } from '../webviewPage';

export const PDF_VIEWER_TYPE = 'marginalia.pdfViewer';

/** What the viewer showed for a request: the page it turned to and how many marks it drew for the quote. */
export interface ViewerShown {
  page: number;
  marks: number;
  pages: number;
}

/** How long Open Original waits for the page to say what it showed. */
const SHOWN_WAIT_MS = 15_000;

interface Viewer {
  panel: vscode.WebviewPanel;
  /** Set once the page has the PDF: later requests go straight to it. */
  opened: boolean;
  /** The request the page is given with the PDF, if one came before it had it. */
  waiting: GotoRequest | undefined;
}

export class PdfViewer implements vscode.CustomReadonlyEditorProvider, vscode.Disposable {
  private readonly viewers = new Map<string, Viewer>();
  /** Requests made before their editor was resolved, by the PDF's URI. */
  private readonly early = new Map<string, GotoRequest>();
  private readonly answers = new Map<number, (shown: ViewerShown | undefined) => void>();
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
    const viewer: Viewer = { panel, opened: false, waiting: this.early.get(key) };
    this.early.delete(key);
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
    panel.webview.onDidReceiveMessage(async (m: unknown) => {
      if (!isPageMessage(m)) return;
      switch (m.type) {
        case 'ready': {
          // Also after the page was reloaded: it starts again from the PDF.
          const data = await this.read(document.uri);
          if (data === undefined) return;
          const goto = viewer.waiting;
          viewer.waiting = undefined;
          await this.post(panel, { type: 'open', name, data, ...(goto ? { goto } : {}) });
          viewer.opened = true;
          return;
        }
        case 'opened':
          this.log.info(`PDF viewer: ${vscode.workspace.asRelativePath(document.uri)} opened (${m.pages} pages)`);
          this.opened.fire({ uri: document.uri, pages: m.pages });
          return;
        case 'shown':
          this.answers.get(m.seq)?.({ page: m.page, marks: m.marks, pages: m.pages });
          this.answers.delete(m.seq);
          return;
        case 'error':
          this.log.error(`PDF viewer: ${vscode.workspace.asRelativePath(document.uri)}: ${m.message}`);
          void vscode.window.showErrorMessage(`Marginalia: ${m.message}`);
          return;
      }
    });
    // A corrected PDF written over the original (Add Source again) is shown at once.
    const watcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(vscode.Uri.joinPath(document.uri, '..'), name),
      true,
      false,
      true,
    );
    watcher.onDidChange(async () => {
      if (!viewer.opened) return;
      const data = await this.read(document.uri);
      if (data !== undefined) await this.post(panel, { type: 'open', name, data });
    });
    panel.onDidDispose(() => {
      watcher.dispose();
      if (this.viewers.get(key) === viewer) this.viewers.delete(key);
    });
  }

  /**
   * Opens the PDF in this viewer (or brings its tab forward) at a page, with a quote marked;
   * resolves with what the page showed, or undefined if it did not say in time.
   */
  async show(uri: vscode.Uri, page: number, quote: string | undefined): Promise<ViewerShown | undefined> {
    const request: GotoRequest = { seq: ++this.seq, page, ...(quote === undefined ? {} : { quote }) };
    const shown = new Promise<ViewerShown | undefined>((resolve) => {
      this.answers.set(request.seq, resolve);
      setTimeout(() => {
        if (this.answers.delete(request.seq)) resolve(undefined);
      }, SHOWN_WAIT_MS);
    });
    const key = uri.toString();
    const viewer = this.viewers.get(key);
    if (viewer?.opened === true) {
      viewer.panel.reveal(viewer.panel.viewColumn, false);
      await this.post(viewer.panel, { type: 'goto', ...request });
    } else if (viewer) {
      viewer.waiting = request;
      viewer.panel.reveal(viewer.panel.viewColumn, false);
    } else {
      this.early.set(key, request);
      await vscode.commands.executeCommand('vscode.openWith', uri, PDF_VIEWER_TYPE, {
        preview: false,
        viewColumn: vscode.ViewColumn.Beside,
      });
    }
    return shown;
  }

  private async read(uri: vscode.Uri): Promise<Uint8Array | undefined> {
    try {
      // A copy of its own: in Node the bytes may be a view into a shared pool, which would go to the page whole.
      return new Uint8Array(await vscode.workspace.fs.readFile(uri));
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      this.log.error(`PDF viewer: cannot read ${uri.toString()}: ${why}`);
      void vscode.window.showErrorMessage(`Marginalia: cannot read ${vscode.workspace.asRelativePath(uri)}: ${why}`);
      return undefined;
    }
  }

  private async post(panel: vscode.WebviewPanel, message: ViewerMessage): Promise<void> {
    if (!(await panel.webview.postMessage(message)))
      this.log.warn('PDF viewer: a message to the page was not delivered (the page was closed)');
  }

  dispose(): void {
    this.registration.dispose();
    this.opened.dispose();
    for (const resolve of this.answers.values()) resolve(undefined);
    this.answers.clear();
  }
}
