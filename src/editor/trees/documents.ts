import type * as vscode from 'vscode';
import type { DocumentSession, SessionRegistry } from '../session';
import type { SidecarIndex, StoredSidecar } from '../sidecarIndex';

/** A document the views list: from its live session when open, else from its sidecar on disk. */
export interface AnnotatedDocument {
  readonly uri: vscode.Uri;
  readonly sidecar: vscode.Uri;
  readonly session?: DocumentSession;
  readonly stored?: StoredSidecar;
}

/**
 * Every open document with a session and every other document of the workspace with a
 * sidecar, in path order. An open document's session wins over its file on disk: it has
 * the edits not yet saved and the suggestions.
 */
export async function annotatedDocuments(sessions: SessionRegistry, index: SidecarIndex): Promise<AnnotatedDocument[]> {
  const stored = await index.read((source) => sessions.get(source) === undefined);
  const docs: AnnotatedDocument[] = sessions
    .all()
    .map((session) => ({ uri: session.document.uri, sidecar: session.store.sidecar, session }));
  const open = new Set(docs.map((d) => d.uri.toString()));
  // A document opened while the sidecars were being read: its session has it now.
  for (const s of stored) if (!open.has(s.source.toString())) docs.push({ uri: s.source, sidecar: s.sidecar, stored: s });
  return docs.sort((a, b) => a.uri.path.localeCompare(b.uri.path) || a.uri.toString().localeCompare(b.uri.toString()));
}
