import * as vscode from 'vscode';
import type { Detection, Kind } from '../core/model';
import type { DocumentSession, SessionRegistry } from './session';
import { documentLength, visibleSpan } from './extent';
import { readSettings } from './settings';

/** Accepted annotations: a solid background per kind; verified and disputed add a mark. */
const ANNOTATION_BACKGROUND: Record<Kind, string> = {
  claim: 'marginalia.claimBackground',
  date: 'marginalia.dateBackground',
  control: 'marginalia.controlBackground',
};
const ANNOTATION_OUTLINE: Record<Kind, string> = {
  claim: 'marginalia.claimOutline',
  date: 'marginalia.dateOutline',
  control: 'marginalia.controlOutline',
};

/** The style a kind is painted in: a codebook kind looks like a claim (a span of text someone judged). */
function styleKind(kind: string): Kind {
  return kind === 'date' || kind === 'control' ? kind : 'claim';
}

/**
 * Up to this many decorations a document is painted whole. Beyond, only a window around
 * what is visible is painted, and painted again as the user scrolls: converting and
 * sending tens of thousands of ranges on every keystroke would cost far more than the
 * 10 ms a keystroke may take, and nobody sees decorations off screen (the overview ruler
 * then marks the window only).
 */
export const PAINT_ALL_LIMIT = 1500;
/** The window painted around the visible ranges, at least this many UTF-16 units on each side. */
const WINDOW_MARGIN = 20_000;

export type Painted = Record<Kind, vscode.Range[]> & { annotations: vscode.Range[]; verified: vscode.Range[]; disputed: vscode.Range[] };

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
  private readonly accepted: Record<Kind, vscode.TextEditorDecorationType>;
  private readonly verified: vscode.TextEditorDecorationType;
  private readonly disputed: vscode.TextEditorDecorationType;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The ranges last painted per editor document, for tests and the status bar. */
  private readonly painted = new Map<string, Painted>();
  /** For large documents: the [start, end) offsets painted in each editor. */
  private readonly windows = new WeakMap<vscode.TextEditor, [number, number]>();

  constructor(
    private readonly sessions: SessionRegistry,
    media: vscode.Uri,
  ) {
    // Claims are sentences and often contain dates and controls: the three styles stay
    // distinguishable when they overlap (claims underlined, dates dashed underline,
    // controls boxed).
    const style: Record<Kind, { borderStyle: string; borderWidth: string }> = {
      claim: { borderStyle: 'none none dotted none', borderWidth: '0 0 2px 0' },
      date: { borderStyle: 'none none dashed none', borderWidth: '0 0 2px 0' },
      control: { borderStyle: 'dotted', borderWidth: '1px' },
    };
    const make = (kind: Kind): vscode.TextEditorDecorationType =>
      vscode.window.createTextEditorDecorationType({
        ...style[kind],
        borderColor: new vscode.ThemeColor(KIND_COLOR[kind]),
        overviewRulerColor: new vscode.ThemeColor(KIND_COLOR[kind]),
        overviewRulerLane:
          kind === 'claim'
            ? vscode.OverviewRulerLane.Left
            : kind === 'date'
              ? vscode.OverviewRulerLane.Center
              : vscode.OverviewRulerLane.Right,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      });
    this.types = { claim: make('claim'), date: make('date'), control: make('control') };
    // In high-contrast themes backgrounds are transparent: a solid outline in the kind's
    // colour marks an annotation there (its colour is transparent in other themes).
    const accept = (kind: Kind): vscode.TextEditorDecorationType =>
      vscode.window.createTextEditorDecorationType({
        backgroundColor: new vscode.ThemeColor(ANNOTATION_BACKGROUND[kind]),
        outlineColor: new vscode.ThemeColor(ANNOTATION_OUTLINE[kind]),
        outlineStyle: 'solid',
        outlineWidth: '1px',
        overviewRulerColor: new vscode.ThemeColor(KIND_COLOR[kind]),
        overviewRulerLane: vscode.OverviewRulerLane.Full,
        gutterIconPath: vscode.Uri.joinPath(media, `gutter-${kind}.svg`),
        gutterIconSize: '70%',
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      });
    this.accepted = { claim: accept('claim'), date: accept('date'), control: accept('control') };
    // Verified and disputed differ by a mark after the text too (✓, !), not only by colour.
    this.verified = vscode.window.createTextEditorDecorationType({
      borderStyle: 'none none solid none',
      borderWidth: '0 0 2px 0',
      borderColor: new vscode.ThemeColor('marginalia.verifiedBorder'),
      after: { contentText: '✓', color: new vscode.ThemeColor('marginalia.verifiedBorder'), margin: '0 0 0 1px', fontWeight: 'bold' },
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
    this.disputed = vscode.window.createTextEditorDecorationType({
      borderStyle: 'none none double none',
      borderWidth: '0 0 3px 0',
      borderColor: new vscode.ThemeColor('marginalia.disputedBorder'),
      after: { contentText: '!', color: new vscode.ThemeColor('marginalia.disputedBorder'), margin: '0 0 0 1px', fontWeight: 'bold' },
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
    this.subscriptions.push(
      sessions.onDidChange((session) => {
        this.paintSession(session);
      }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const e of editors) this.paintEditor(e);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        this.scrolled(e.textEditor);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('marginalia.showSuggestions')) this.paintAll();
      }),
    );
    this.paintAll();
  }

  /** The ranges painted in a document, by kind (the extension API exposes this to tests). */
  paintedRanges(uri: vscode.Uri): Painted | undefined {
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
    // Not before its sidecar is read: an accepted or dismissed suggestion must never flash as new.
    if (!session?.loaded) return;
    this.sessions.timings.measure('paint', () => {
      this.paint(editor, session);
    });
  }

  /** A large document scrolled past its painted window: paint the window around the new view. */
  private scrolled(editor: vscode.TextEditor): void {
    const window = this.windows.get(editor);
    if (!window) return;
    const [from, to] = visibleSpan(editor) ?? [0, 0];
    if (from < window[0] || to > window[1]) this.paintEditor(editor);
  }

  /** The offsets to paint: everything, or for a large document a window around the visible ranges. */
  private windowOf(editor: vscode.TextEditor, session: DocumentSession): [number, number] {
    const length = documentLength(editor.document);
    if (session.suggestionCount + session.store.tracked.length <= PAINT_ALL_LIMIT) {
      this.windows.delete(editor);
      return [0, length];
    }
    const [from, to] = visibleSpan(editor) ?? [0, 0];
    const margin = Math.max(WINDOW_MARGIN, 2 * (to - from));
    const window: [number, number] = [Math.max(0, from - margin), Math.min(length, to + margin)];
    this.windows.set(editor, window);
    return window;
  }

  private paint(editor: vscode.TextEditor, session: DocumentSession): void {
    const show = readSettings(editor.document).showSuggestions;
    const painted: Painted = { claim: [], date: [], control: [], annotations: [], verified: [], disputed: [] };
    const [from, to] = this.windowOf(editor, session);
    // Suggestions, live or stored by a scan, look alike: tentative until a person decides.
    if (show) {
      for (const d of session.suggestionsIn(from, to)) painted[styleKind(d.kind)].push(rangeOf(editor.document, d));
    }
    const accepted: Record<Kind, vscode.Range[]> = { claim: [], date: [], control: [] };
    for (const { annotation, anchor } of session.store.tracked) {
      if (
        anchor.orphaned ||
        annotation.status === 'dismissed' ||
        annotation.status === 'suggested' ||
        anchor.end < from ||
        anchor.start > to
      )
        continue;
      const range = rangeOf(editor.document, anchor);
      const kind = styleKind(annotation.kind);
      accepted[kind].push(range);
      painted.annotations.push(range);
      if (annotation.status === 'verified') painted.verified.push(range);
      if (annotation.status === 'disputed') painted.disputed.push(range);
    }
    for (const kind of Object.keys(this.types) as Kind[]) {
      editor.setDecorations(this.types[kind], painted[kind]);
      editor.setDecorations(this.accepted[kind], accepted[kind]);
    }
    editor.setDecorations(this.verified, painted.verified);
    editor.setDecorations(this.disputed, painted.disputed);
    this.painted.set(editor.document.uri.toString(), painted);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    for (const t of [...Object.values(this.types), ...Object.values(this.accepted), this.verified, this.disputed]) t.dispose();
  }
}

export function rangeOf(document: vscode.TextDocument, span: Pick<Detection, 'start' | 'end'>): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}
