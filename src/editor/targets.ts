import * as vscode from 'vscode';
import type { DocumentSession, SessionRegistry, Suggestion } from './session';
import type { TrackedAnnotation } from './annotationStore';

/** What tree items and hovers pass to commands: a document and an annotation id or a suggestion's span. */
export interface CommandTarget {
  uri: string;
  id?: string;
  start?: number;
  end?: number;
  kind?: string;
}

export function isCommandTarget(value: unknown): value is CommandTarget {
  return typeof value === 'object' && value !== null && typeof (value as { uri?: unknown }).uri === 'string';
}

/** The target a command argument names: the argument itself, or a tree item's `target`. */
export function targetOf(given: unknown): CommandTarget | undefined {
  if (isCommandTarget(given)) return given;
  if (typeof given === 'object' && given !== null && isCommandTarget((given as { target?: unknown }).target))
    return (given as { target: CommandTarget }).target;
  return undefined;
}

export interface Resolved {
  session: DocumentSession;
  /** The suggestion named, or the innermost one under the cursor. */
  suggestion?: Suggestion;
  /** The reviewed (or manual) annotation named, or the innermost one under the cursor. */
  annotation?: TrackedAnnotation;
  /** Every suggestion under the cursor, innermost first (empty when the argument named one). */
  suggestionsHere: Suggestion[];
  /** Every annotation under the cursor, innermost first. */
  annotationsHere: TrackedAnnotation[];
  /** The command named its target (a view item, a hover link) rather than finding it under the cursor. */
  named: boolean;
}

function bySize<T>(xs: T[], span: (x: T) => { start: number; end: number }): T[] {
  return xs.sort((a, b) => {
    const x = span(a);
    const y = span(b);
    return x.end - x.start - (y.end - y.start) || x.start - y.start;
  });
}

/** A stored suggestion is a suggestion to the user, not an annotation: commands see it as one. */
function isStoredSuggestion(t: TrackedAnnotation): boolean {
  return t.annotation.status === 'suggested';
}

/**
 * The session and the suggestion or annotation a command acts on: the one named by its
 * argument, or else the innermost one under the cursor of the active editor (with all
 * the others under it, for a command that lets the user choose).
 */
export async function resolveTarget(sessions: SessionRegistry, given: unknown): Promise<Resolved | undefined> {
  const arg = targetOf(given);
  if (arg) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(arg.uri));
    const session = await sessions.ready(document);
    if (!session) return undefined;
    const result: Resolved = { session, suggestionsHere: [], annotationsHere: [], named: true };
    if (arg.id !== undefined) {
      const tracked = session.store.find(arg.id);
      if (tracked && isStoredSuggestion(tracked)) {
        const stored = session.suggestions.find((s) => s.storedId === arg.id);
        if (stored) result.suggestion = stored;
      } else if (tracked) result.annotation = tracked;
      return result;
    }
    const suggestion = session.suggestions.find(
      (d) => d.start === arg.start && d.end === arg.end && (arg.kind === undefined || d.kind === arg.kind),
    );
    if (suggestion) result.suggestion = suggestion;
    return result;
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const session = await sessions.ready(editor.document);
  if (!session) return undefined;
  const offset = editor.document.offsetAt(editor.selection.active);
  // A selection that is exactly one suggestion's or annotation's span (Next/Previous make
  // such selections) names it: no need to ask which of the overlapping ones is meant.
  const from = editor.document.offsetAt(editor.selection.start);
  const to = editor.document.offsetAt(editor.selection.end);
  const exact = (s: { start: number; end: number }): boolean => !editor.selection.isEmpty && s.start === from && s.end === to;
  let annotationsHere = bySize(
    session.store.tracked.filter(
      (t) =>
        !t.anchor.orphaned &&
        !isStoredSuggestion(t) &&
        t.annotation.status !== 'dismissed' &&
        t.anchor.start <= offset &&
        offset <= t.anchor.end,
    ),
    (t) => t.anchor,
  );
  let suggestionsHere = bySize(
    session.suggestions.filter((d) => d.start <= offset && offset <= d.end),
    (d) => d,
  );
  const exactSuggestions = suggestionsHere.filter(exact);
  if (exactSuggestions.length > 0) suggestionsHere = exactSuggestions;
  const exactAnnotations = annotationsHere.filter((t) => exact(t.anchor));
  if (exactAnnotations.length > 0) annotationsHere = exactAnnotations;
  const result: Resolved = { session, suggestionsHere, annotationsHere, named: false };

  const [annotation] = annotationsHere;
  const [suggestion] = suggestionsHere;
  if (annotation) result.annotation = annotation;
  if (suggestion) result.suggestion = suggestion;
  return result;
}
