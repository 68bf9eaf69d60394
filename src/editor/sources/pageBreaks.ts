// Where the pages of the original turn, in a text made from a PDF (Add Source). A page
// that starts after a form feed line gets a dashed rule across that line reading "page 3
// of report.pdf", with the form feed's control-character box hidden; a page that turns
// inside a running paragraph gets a small "p. 3" before its first word, as scholarly
// editions mark the pages of the original. The page map in the sidecar says where.
import * as vscode from 'vscode';
import { pageName } from '../../core/sidecar/pages';
import { OffsetMap } from '../../core/text/offsets';
import type { DocumentSession, SessionRegistry } from '../session';

/** What was painted per document, for tests: the break lines' texts and the inline marks'. */
export interface PaintedBreaks {
  lines: string[];
  inline: string[];
}

export class PageBreakPainter implements vscode.Disposable {
  private readonly rule: vscode.TextEditorDecorationType;
  private readonly mark: vscode.TextEditorDecorationType;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly painted = new Map<string, PaintedBreaks>();
  /** What each editor was last painted from: sessions change far more often than text or page map. */
  private readonly paintedFrom = new WeakMap<vscode.TextEditor, string>();

  constructor(private readonly sessions: SessionRegistry) {
    const muted = new vscode.ThemeColor('editorLineNumber.foreground');
    this.rule = vscode.window.createTextEditorDecorationType({
      isWholeLine: true,
      borderStyle: 'dashed none none none',
      borderWidth: '1px 0 0 0',
      borderColor: new vscode.ThemeColor('editorRuler.foreground'),
      // The form feed itself: its control-character box says nothing to a reader.
      opacity: '0',
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
    this.mark = vscode.window.createTextEditorDecorationType({
      before: { color: muted, fontStyle: 'italic', margin: '0 0.4em 0 0' },
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedOpen,
    });
    this.subscriptions.push(
      sessions.onDidChange((session) => {
        for (const e of vscode.window.visibleTextEditors) if (e.document === session.document) this.paint(e, session);
      }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const e of editors) this.paintEditor(e);
      }),
    );
    for (const e of vscode.window.visibleTextEditors) this.paintEditor(e);
  }

  /** The page turns last painted in a document, for tests. */
  breaksOf(document: vscode.TextDocument): PaintedBreaks | undefined {
    return this.painted.get(document.uri.toString());
  }

  private paintEditor(editor: vscode.TextEditor): void {
    const session = this.sessions.get(editor.document.uri);
    if (session?.loaded) this.paint(editor, session);
  }

  private paint(editor: vscode.TextEditor, session: DocumentSession): void {
    const source = session.store.source;
    const starts = source.pages;
    const key = editor.document.uri.toString();
    if (starts === undefined || starts.length < 2) {
      this.paintedFrom.delete(editor);
      if (this.painted.delete(key)) {
        editor.setDecorations(this.rule, []);
        editor.setDecorations(this.mark, []);
      }
      return;
    }
    const from = JSON.stringify([editor.document.version, starts, source.pageLabels, source.original]);
    if (this.paintedFrom.get(editor) === from) return;
    this.paintedFrom.set(editor, from);
    const text = editor.document.getText();
    const offsets = new OffsetMap(text);
    const of = source.original ?? 'the original';
    const rules: vscode.DecorationOptions[] = [];
    const marks: vscode.DecorationOptions[] = [];
    const shown: PaintedBreaks = { lines: [], inline: [] };
    starts.forEach((start, i) => {
      if (i === 0) return;
      const at = offsets.toUtf16(Math.min(start, offsets.codePointLength));
      const name = pageName(source, i + 1);
      // A page after a paragraph: the form feed line before it (see PAGE_BREAK in core/sources/pdfText).
      const feed = text.lastIndexOf('\f', at);
      if (feed >= 0 && text.slice(feed + 1, at).trim() === '') {
        const contentText = `${name} of ${of}`;
        const position = editor.document.positionAt(feed);
        rules.push({
          range: new vscode.Range(position, position.translate(0, 1)),
          renderOptions: { after: { contentText, color: new vscode.ThemeColor('editorLineNumber.foreground'), fontStyle: 'italic' } },
          hoverMessage: `Here ${name} of ${of} begins.`,
        });
        shown.lines.push(contentText);
      } else {
        const contentText = name.replace(/^page /, 'p. ');
        const position = editor.document.positionAt(at);
        marks.push({
          range: new vscode.Range(position, position),
          renderOptions: { before: { contentText } },
          hoverMessage: `Here ${name} of ${of} begins.`,
        });
        shown.inline.push(contentText);
      }
    });
    editor.setDecorations(this.rule, rules);
    editor.setDecorations(this.mark, marks);
    this.painted.set(key, shown);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.rule.dispose();
    this.mark.dispose();
  }
}
