import type * as vscode from 'vscode';
import { sidecarUri } from '../files';
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

/**
 * Calls `refresh` whenever what annotatedDocuments lists may have changed: a session's
 * detections or annotations, a document closing (its sidecar is read again from disk),
 * a sidecar changing on disk.
 */
export function onAnnotatedDocumentsChange(sessions: SessionRegistry, index: SidecarIndex, refresh: () => void): vscode.Disposable[] {
  return [
    sessions.onDidChange(refresh),
    // The session may have written the sidecar since the index last read it.
    sessions.onDidClose((uri) => {
      index.changedOnDisk(sidecarUri(uri));
      refresh();
    }),
    index.onDidChange(refresh),
  ];
}
