import * as vscode from 'vscode';
import type { Detection, Kind } from '../core/model';
import type { DocumentSession, SessionRegistry } from './session';
import { readSettings } from './settings';

const KIND_COLOR: Record<Kind, string> = {
  claim: 'marginalia.claimSuggestionBorder',
  date: 'marginalia.dateSuggestionBorder',
  control: 'marginalia.controlSuggestionBorder',
};

/**
 * Suggestions look tentative: a dotted underline in the kind's theme colour and a mark
 * in the overview ruler. The types are created once; an update only sets new ranges
 * (never clears first), so decorations do not flicker while the user types.
 */
export class DecorationPainter implements vscode.Disposable {
  private readonly types: Record<Kind, vscode.TextEditorDecorationType>;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The ranges last painted per editor document, for tests and the status bar. */
  private readonly painted = new Map<string, Record<Kind, vscode.Range[]>>();

  constructor(private readonly sessions: SessionRegistry) {
    // Claims are sentences and often contain dates and controls: the three styles stay
    // distinguishable when they overlap (claims underlined, dates dashed underline,
    // controls boxed).
    const style: Record<Kind, { borderStyle: string; borderWidth: string }> = {
      claim: { borderStyle: 'none none dotted none', borderWidth: '0 0 2px 0' },
      date: { borderStyle: 'none none dashed none', borderWidth: '0 0 2px 0' },
      control: { borderStyle: 'dotted', borderWidth: '1px' },
    };
    const make = (kind: Kind): vscode.TextEditorDecorationType => vscode.window.createTextEditorDecorationType({
      ...style[kind],
      borderColor: new vscode.ThemeColor(KIND_COLOR[kind]),
      overviewRulerColor: new vscode.ThemeColor(KIND_COLOR[kind]),
      overviewRulerLane: kind === 'claim' ? vscode.OverviewRulerLane.Left : kind === 'date' ? vscode.OverviewRulerLane.Center : vscode.OverviewRulerLane.Right,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
    this.types = { claim: make('claim'), date: make('date'), control: make('control') };
    this.subscriptions.push(
      sessions.onDidChange((session) => { this.paintSession(session); }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => { for (const e of editors) this.paintEditor(e); }),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('marginalia.showSuggestions')) this.paintAll(); }),
    );
    this.paintAll();
  }

  /** The ranges painted in a document, by kind (the extension API exposes this to tests). */
  paintedRanges(uri: vscode.Uri): Record<Kind, vscode.Range[]> | undefined {
    return this.painted.get(uri.toString());
  }

  private paintAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.paintEditor(editor);
  }

  private paintSession(session: DocumentSession): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document === session.document) this.paintEditor(editor, session);
    }
  }

  private paintEditor(editor: vscode.TextEditor, known?: DocumentSession): void {
    const session = known ?? this.sessions.get(editor.document.uri);
    if (!session) return;
    const show = readSettings(editor.document).showSuggestions;
    const byKind: Record<Kind, vscode.Range[]> = { claim: [], date: [], control: [] };
    if (show) {
      for (const d of session.suggestions) byKind[d.kind].push(rangeOf(editor.document, d));
    }
    for (const kind of Object.keys(byKind) as Kind[]) editor.setDecorations(this.types[kind], byKind[kind]);
    this.painted.set(editor.document.uri.toString(), byKind);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    for (const t of Object.values(this.types)) t.dispose();
  }
}

export function rangeOf(document: vscode.TextDocument, span: Pick<Detection, 'start' | 'end'>): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}
