// `Marginalia: Compare Annotations With…`: how far two coders agree, in a webview (the
// page is src/webview/agreement). This side reads each coder's sidecars
// (studyDocuments.ts), computes the study in the core, sends the report to the page,
// opens both versions of a disagreement side by side, and opens the report as Markdown.
import * as vscode from 'vscode';
import { coderFromDocuments, codersByAuthor, type Coder, type CodingFilter, type StudyDocument } from '../../core/agree/coders';
import { agreementMarkdown } from '../../core/agree/markdown';
import { compareCoders, type AgreementReport } from '../../core/agree/study';
import type { CodedSpan } from '../../core/agree/coders';
import { OffsetMap } from '../../core/text/offsets';
import { describeError } from '../log';
import { openPage, type PageFiles } from '../webviewPage';

export const AGREEMENT_VIEW_TYPE = 'marginalia.agreement';

/** One coder's side of a study read from a folder or a revision: its documents, and where each opens. */
export interface StudySide {
  name: string;
  docs: StudyDocument[];
  uriOf(path: string): vscode.Uri;
}

/** What is compared: separate sides (folders, revisions), or authors who share one folder's sidecars. */
export type Study =
  | { kind: 'sides'; title: string; sides: StudySide[]; problems: string[] }
  | { kind: 'authors'; title: string; authors: string[]; root: vscode.Uri; docs: StudyDocument[]; problems: string[] };

type PageMessage =
  { type: 'ready' } | { type: 'reveal'; index: number } | { type: 'options'; includeSuggestions: boolean } | { type: 'markdown' };

function isPageMessage(m: unknown): m is PageMessage {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  switch (r['type']) {
    case 'ready':
    case 'markdown':
      return true;
    case 'reveal':
      return typeof r['index'] === 'number' && Number.isInteger(r['index']);
    case 'options':
      return typeof r['includeSuggestions'] === 'boolean';
    default:
      return false;
  }
}

export class AgreementPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private study: Study | undefined;
  private filter: CodingFilter = {};
  private pageReady = false;
  /** The report last sent to the page: for tests, and for revealing a row of it. */
  last: AgreementReport | undefined;
  private readonly sent = new vscode.EventEmitter<AgreementReport>();
  readonly onDidSend = this.sent.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Shows the study's report (one panel: a new study replaces the last one). */
  show(study: Study, filter: CodingFilter): void {
    this.study = study;
    this.filter = filter;
    this.last = undefined;
    if (this.panel) {
      this.panel.title = `Agreement: ${study.title}`;
      this.panel.reveal(undefined, false);
      void this.send();
      return;
    }
    this.pageReady = false;
    this.panel = openPage(this.extensionUri, AGREEMENT_VIEW_TYPE, `Agreement: ${study.title}`, this.files(), {
      receive: (m) => {
        void this.receive(m);
      },
      hidden: () => {
        this.pageReady = false;
      },
      disposed: () => {
        this.panel = undefined;
        this.pageReady = false;
        this.last = undefined;
      },
    });
  }

  /** The report of the current study under the current filter. */
  report(): AgreementReport | undefined {
    const study = this.study;
    if (!study) return undefined;
    const coders: Coder[] =
      study.kind === 'sides'
        ? study.sides.map((s) => coderFromDocuments(s.name, s.docs, this.filter))
        : codersByAuthor(study.authors, study.docs, this.filter);
    return compareCoders(coders);
  }

  private files(): PageFiles {
    return {
      script: vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'agreement.js'),
      style: vscode.Uri.joinPath(this.extensionUri, 'media', 'agreement.css'),
      title: 'Agreement',
      root: 'main',
    };
  }

  private async send(): Promise<void> {
    const panel = this.panel;
    const study = this.study;
    if (!panel || !study || !this.pageReady) return;
    const started = performance.now();
    const report = this.report();
    if (!report) return;
    this.log.info(
      `Agreement: ${report.coders.join(' × ')} over ${report.documents.length} documents, ${report.disagreements.length} disagreements (${(performance.now() - started).toFixed(0)} ms)`,
    );
    await panel.webview.postMessage({
      type: 'data',
      report,
      title: study.title,
      includeSuggestions: this.filter.includeSuggestions === true,
      problems: study.problems,
    });
    this.last = report;
    this.sent.fire(report);
  }

  private async receive(message: unknown): Promise<void> {
    if (!isPageMessage(message)) {
      this.log.warn(`Agreement: ignored a message the page should not send: ${JSON.stringify(message).slice(0, 200)}`);
      return;
    }
    try {
      switch (message.type) {
        case 'ready':
          this.pageReady = true;
          await this.send();
          return;
        case 'options':
          this.filter = message.includeSuggestions ? { includeSuggestions: true } : {};
          await this.send();
          return;
        case 'reveal':
          await this.reveal(message.index);
          return;
        case 'markdown':
          await this.openMarkdown();
          return;
      }
    } catch (error) {
      this.log.error(`Agreement: ${message.type} failed: ${describeError(error)}`);
      void vscode.window.showErrorMessage(`Marginalia: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The report as a Markdown document beside the panel, to save or share. */
  async openMarkdown(): Promise<vscode.TextDocument | undefined> {
    const report = this.last ?? this.report();
    if (!report) return undefined;
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: agreementMarkdown(report, this.filter) });
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside });
    return document;
  }

  private uriOf(coder: number, path: string): vscode.Uri | undefined {
    const study = this.study;
    if (!study) return undefined;
    return study.kind === 'sides' ? study.sides[coder]?.uriOf(path) : vscode.Uri.joinPath(study.root, ...path.split('/'));
  }

  /**
   * Opens both coders' versions of a disagreement side by side, each span selected: the
   * first coder's beside the panel, the second's beside that. A coder who marked nothing
   * there still gets the document, at the other's span, so the two can be read together.
   */
  async reveal(index: number): Promise<vscode.TextEditor[]> {
    const d = this.last?.disagreements[index];
    if (!d) {
      this.log.info(`Agreement: row ${index} is gone (the report changed since the page was drawn).`);
      return [];
    }
    const base = this.panel?.viewColumn ?? vscode.ViewColumn.One;
    const editors: vscode.TextEditor[] = [];
    const sides: [number, CodedSpan | undefined][] = [
      [d.a, d.spanA ?? d.spanB],
      [d.b, d.spanB ?? d.spanA],
    ];
    for (const [i, [coder, span]] of sides.entries()) {
      const uri = this.uriOf(coder, d.document);
      if (!uri) continue;
      const document = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(document, { viewColumn: columnAfter(base, 1 + i), preserveFocus: i !== 0 });
      if (span) select(editor, span);
      editors.push(editor);
    }
    return editors;
  }

  dispose(): void {
    this.sent.dispose();
    this.panel?.dispose();
  }
}

const COLUMNS: readonly vscode.ViewColumn[] = [
  vscode.ViewColumn.One,
  vscode.ViewColumn.Two,
  vscode.ViewColumn.Three,
  vscode.ViewColumn.Four,
  vscode.ViewColumn.Five,
  vscode.ViewColumn.Six,
  vscode.ViewColumn.Seven,
  vscode.ViewColumn.Eight,
  vscode.ViewColumn.Nine,
];

/** The editor column `n` places right of `column` (VS Code has nine). */
function columnAfter(column: vscode.ViewColumn, n: number): vscode.ViewColumn {
  return COLUMNS[Math.min(COLUMNS.indexOf(column) + n, COLUMNS.length - 1)] ?? vscode.ViewColumn.Beside;
}

/** Selects a span given in code points of the text as the study read it (clamped to the text as it is now). */
function select(editor: vscode.TextEditor, span: CodedSpan): void {
  const text = editor.document.getText();
  const offsets = new OffsetMap(text);
  const clamp = (n: number): number => offsets.toUtf16(Math.max(0, Math.min(n, offsets.codePointLength)));
  const range = new vscode.Range(editor.document.positionAt(clamp(span.start)), editor.document.positionAt(clamp(span.end)));
  editor.selection = new vscode.Selection(range.end, range.start);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
