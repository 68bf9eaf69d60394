// Marginalia: Open Original — the PDF a source text was made from, at the page of an
// annotation (from its hover, or the active editor's cursor); for a saved web page, the
// page in the system's browser on the desktop, else its HTML in the editor. A PDF viewer extension that
// registered a custom editor for PDFs opens it in VS Code (given `#page=N`, as PDF viewers
// read it); without one, the desktop opens it in the system's viewer. Either way the page
// is said, since not every viewer turns to it.
import * as vscode from 'vscode';
import type { SidecarSource } from '../../core/sidecar/format';
import { pageOf } from '../../core/sources/pdfSource';
import { OffsetMap } from '../../core/text/offsets';
import { registerCommand } from '../commands';
import type { SessionRegistry } from '../session';

export const OPEN_ORIGINAL_COMMAND = 'marginalia.openOriginal';

export interface OpenOriginalRequest {
  /** The source text's URI, as a string. */
  uri: string;
  /** UTF-16 offset in the text; the page is the one it is on. */
  offset?: number;
}

export interface OriginalPlace {
  original: vscode.Uri;
  page: number | undefined;
  /** How it was opened. */
  via: 'editor' | 'system' | 'none';
}

/** The page of a UTF-16 offset of a document whose sidecar has a page map. */
export function pageOfOffset(source: SidecarSource, text: string, offset: number): number | undefined {
  return source.pages === undefined ? undefined : pageOf(source, new OffsetMap(text).toCodePoint(offset));
}

/** Whether an installed extension opens PDFs in an editor of its own. */
function pdfViewerInstalled(): boolean {
  return vscode.extensions.all.some((e) => {
    const editors = (e.packageJSON as { contributes?: { customEditors?: { selector?: { filenamePattern?: string }[] }[] } }).contributes
      ?.customEditors;
    return editors?.some((c) => c.selector?.some((s) => /\.pdf$/i.test(s.filenamePattern ?? '')) ?? false) ?? false;
  });
}

export function registerOpenOriginal(log: vscode.LogOutputChannel, sessions: SessionRegistry): vscode.Disposable {
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
    const isPdf = source.originalType !== 'html';
    if (isPdf && pdfViewerInstalled()) {
      await vscode.commands.executeCommand('vscode.open', page === undefined ? original : original.with({ fragment: `page=${page}` }));
      via = 'editor';
    } else if (vscode.env.uiKind === vscode.UIKind.Desktop && original.scheme === 'file' && (await vscode.env.openExternal(original))) {
      via = 'system';
    }
    if (via === 'none' && !isPdf) {
      // A saved page has no viewer here either: its HTML opens as text in the editor.
      await vscode.commands.executeCommand('vscode.open', original);
      via = 'editor';
    }
    if (via === 'none')
      void vscode.window.showWarningMessage(
        `Marginalia: no PDF viewer here to open ${where}. Install a PDF viewer extension, or open the file from the Explorer.`,
      );
    else void vscode.window.showInformationMessage(`Marginalia: opened ${where}${via === 'system' ? ' in the system’s viewer' : ''}.`);
    return { original, page, via };
  });
}
