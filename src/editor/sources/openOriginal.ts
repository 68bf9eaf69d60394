// Marginalia: Open Original — the PDF a source text was made from, at the page of an
// annotation (from its hover, or the active editor's cursor or selection); for a saved web
// page, the page in the system's browser on the desktop, else its HTML in the editor.
// PDFs open in Marginalia's own viewer (pdfViewer.ts) beside the text, turned to the page
// with the annotation's text marked. With `marginalia.sources.pdfViewer` set to `default`,
// a PDF viewer extension that registered a custom editor for PDFs opens it instead (given
// `#page=N`, as PDF viewers read it), else the desktop's system viewer; the page is then
// said, since not every viewer turns to it.
import * as vscode from 'vscode';
import type { SidecarSource } from '../../core/sidecar/format';
import { pageOf } from '../../core/sources/pdfSource';
import { occurrencesIn } from '../../core/sources/pdfFind';
import { OffsetMap } from '../../core/text/offsets';
import { registerCommand } from '../commands';
import { describeError } from '../log';
import type { DocumentSession, SessionRegistry } from '../session';
import { PDF_VIEWER_TYPE, type PdfViewer, type ViewerShown } from './pdfViewer';

export const OPEN_ORIGINAL_COMMAND = 'marginalia.openOriginal';

export interface OpenOriginalRequest {
  /** The source text's URI, as a string. */
  uri: string;
  /** UTF-16 offset in the text; the page is the one it is on. */
  offset?: number;
  /** UTF-16 length of the annotation there: its text is marked on the page. */
  length?: number;
}

/** The longest quote handed to the viewer to mark: an annotation longer than this is marked by its start. */
const MAX_QUOTE = 2000;

export interface OriginalPlace {
  original: vscode.Uri;
  page: number | undefined;
  /** How it was opened: Marginalia's viewer, another editor in VS Code, the system's viewer, or not at all. */
  via: 'viewer' | 'editor' | 'system' | 'none';
  /** What Marginalia's viewer showed (undefined if it did not say in time, or another viewer opened it). */
  shown?: ViewerShown;
}

/** The page of a UTF-16 offset of a document whose sidecar has a page map. */
export function pageOfOffset(source: SidecarSource, text: string, offset: number): number | undefined {
  return source.pages === undefined ? undefined : pageOf(source, new OffsetMap(text).toCodePoint(offset));
}

/** Whether another installed extension opens PDFs in an editor of its own. */
function pdfViewerInstalled(): boolean {
  return vscode.extensions.all.some((e) => {
    const editors = (
      e.packageJSON as { contributes?: { customEditors?: { viewType?: string; selector?: { filenamePattern?: string }[] }[] } }
    ).contributes?.customEditors;
    return (
      editors?.some((c) => c.viewType !== PDF_VIEWER_TYPE && (c.selector?.some((s) => /\.pdf$/i.test(s.filenamePattern ?? '')) ?? false)) ??
      false
    );
  });
}

/** The innermost annotation (else suggestion) at an offset, as a range of the text. */
function spanAt(session: DocumentSession, offset: number): { start: number; end: number } | undefined {
  const stored = session.store.tracked
    .filter((t) => !t.anchor.orphaned && t.annotation.status !== 'dismissed' && t.anchor.start <= offset && offset < t.anchor.end)
    .map((t) => t.anchor);
  const live = session.suggestions.filter((d) => d.start <= offset && offset < d.end);
  const inner = (spans: readonly { start: number; end: number }[]) => [...spans].sort((a, b) => a.end - a.start - (b.end - b.start))[0];
  return inner(stored) ?? inner(live);
}

/**
 * The text to mark in the original: the annotation's the request names; from the palette,
 * the selection, else the innermost annotation or suggestion at the cursor.
 */
function quoteAt(
  document: vscode.TextDocument,
  session: DocumentSession,
  editor: vscode.TextEditor | undefined,
  request: OpenOriginalRequest | undefined,
): { text: string; start: number } | undefined {
  let span: { start: number; end: number } | undefined;
  if (request?.offset !== undefined && request.length !== undefined && request.length > 0)
    span = { start: request.offset, end: request.offset + request.length };
  else if (request === undefined && editor !== undefined && editor.document === document)
    span = editor.selection.isEmpty
      ? spanAt(session, document.offsetAt(editor.selection.active))
      : { start: document.offsetAt(editor.selection.start), end: document.offsetAt(editor.selection.end) };
  if (span === undefined) return undefined;
  const text = document.getText(new vscode.Range(document.positionAt(span.start), document.positionAt(span.end))).slice(0, MAX_QUOTE);
  return text.trim() === '' ? undefined : { text, start: span.start };
}

/** How often the quote occurs on its page before the annotation: the viewer marks the same one. */
function occurrenceOnPage(source: SidecarSource, text: string, page: number | undefined, quote: { text: string; start: number }): number {
  const pageStart = page === undefined ? undefined : source.pages?.[page - 1];
  if (pageStart === undefined) return 0;
  const from = new OffsetMap(text).toUtf16(pageStart);
  return from <= quote.start ? occurrencesIn(text.slice(from, quote.start), quote.text) : 0;
}

function otherViewers(): boolean {
  return vscode.workspace.getConfiguration('marginalia').get<string>('sources.pdfViewer', 'marginalia') === 'default';
}

export function registerOpenOriginal(log: vscode.LogOutputChannel, sessions: SessionRegistry, viewer: PdfViewer): vscode.Disposable {
  return registerCommand(log, OPEN_ORIGINAL_COMMAND, async (arg?: unknown): Promise<OriginalPlace | undefined> => {
    const request = arg as OpenOriginalRequest | undefined;
    const editor = vscode.window.activeTextEditor;
    const document = request ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === request.uri) : editor?.document;
    const session = document ? sessions.ensure(document) : undefined;
    if (!document || !session) throw new Error('open a source text made by Add Source first');
    await sessions.ready(document);
    const source = session.store.source;
    if (source.original === undefined)
      throw new Error(`${vscode.workspace.asRelativePath(document.uri)} was not made from a PDF by Add Source: it has no original`);
    const original = vscode.Uri.joinPath(document.uri, '..', source.original);
    const offset = request?.offset ?? (editor ? document.offsetAt(editor.selection.active) : 0);
    const page = pageOfOffset(source, document.getText(), offset);
    const where = page === undefined ? source.original : `${source.original}, page ${page}`;
    let via: OriginalPlace['via'] = 'none';
    let shown: ViewerShown | undefined;
    const isPdf = source.originalType !== 'html';
    const desktopFile = vscode.env.uiKind === vscode.UIKind.Desktop && original.scheme === 'file';
    await vscode.workspace.fs.stat(original).then(undefined, (error: unknown) => {
      throw new Error(
        `the original of ${vscode.workspace.asRelativePath(document.uri)}, ${source.original}, is not there (${describeError(error)})`,
      );
    });
    if (isPdf && !otherViewers()) {
      // From a hover's link the reader stays in the text; from the palette the viewer takes the keyboard.
      const quote = quoteAt(document, session, editor, request);
      const occurrence = quote === undefined ? 0 : occurrenceOnPage(source, document.getText(), page, quote);
      shown = await viewer.show(original, page ?? 1, quote?.text, occurrence, request !== undefined);
      via = 'viewer';
    } else if (isPdf && pdfViewerInstalled()) {
      await vscode.commands.executeCommand('vscode.open', page === undefined ? original : original.with({ fragment: `page=${page}` }));
      via = 'editor';
    } else if (desktopFile && (await vscode.env.openExternal(original))) {
      via = 'system';
    }
    if (via === 'none' && !isPdf) {
      // A saved page has no viewer here either: its HTML opens as text in the editor.
      await vscode.commands.executeCommand('vscode.open', original);
      via = 'editor';
    }
    if (via === 'none')
      void vscode.window.showWarningMessage(
        `Marginalia: no PDF viewer here to open ${where}. Set marginalia.sources.pdfViewer to "marginalia" to use Marginalia's own.`,
      );
    else if (via !== 'viewer')
      void vscode.window.showInformationMessage(`Marginalia: opened ${where}${via === 'system' ? ' in the system’s viewer' : ''}.`);
    log.info(`Open Original: ${where} (${via}${shown ? `, ${shown.marks} mark(s) drawn` : ''})`);
    return { original, page, via, ...(shown ? { shown } : {}) };
  });
}
