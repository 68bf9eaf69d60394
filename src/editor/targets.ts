import * as vscode from 'vscode';
import type { Detection } from '../core/model';
import type { DocumentSession, SessionRegistry } from './session';
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

export interface Resolved {
  session: DocumentSession;
  suggestion?: Detection;
  annotation?: TrackedAnnotation;
}

/**
 * The session and the suggestion or annotation a command acts on: the one named by its
 * argument, or else the innermost one under the cursor of the active editor.
 */
export async function resolveTarget(sessions: SessionRegistry, given: unknown): Promise<Resolved | undefined> {
  // Tree items are passed whole; they carry their target.
  const arg = isCommandTarget(given) ? given : typeof given === 'object' && given !== null && isCommandTarget((given as { target?: unknown }).target) ? (given as { target: CommandTarget }).target : undefined;
  if (arg) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(arg.uri));
    const session = await sessions.ready(document);
    if (!session) return undefined;
    if (arg.id !== undefined) {
      const annotation = session.store.find(arg.id);
      return annotation ? { session, annotation } : { session };
    }
    const suggestion = session.suggestions.find((d) => d.start === arg.start && d.end === arg.end && (arg.kind === undefined || d.kind === arg.kind));
    return suggestion ? { session, suggestion } : { session };
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const session = await sessions.ready(editor.document);
  if (!session) return undefined;
  const offset = editor.document.offsetAt(editor.selection.active);
  const bySize = <T extends { start: number; end: number }>(xs: T[]): T[] => xs.sort((a, b) => (a.end - a.start) - (b.end - b.start));
  const annotation = bySize(session.store.tracked.filter((t) => !t.anchor.orphaned && t.anchor.start <= offset && offset <= t.anchor.end).map((t) => ({ ...t, start: t.anchor.start, end: t.anchor.end })))[0];
  const suggestion = bySize(session.suggestions.filter((d) => d.start <= offset && offset <= d.end))[0];
  const result: Resolved = { session };
  const tracked = annotation ? session.store.find(annotation.annotation.id) : undefined;
  if (tracked) result.annotation = tracked;
  if (suggestion) result.suggestion = suggestion;
  return result;
}
