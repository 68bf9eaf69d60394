// Evidence references (`PATH#ID`, relative to the commitment's folder) follow renames and
// moves: of the evidence's document (references to it are rewritten), and of the
// commitment's own document (its references now start from another folder). Each
// document whose references change is opened (not shown) and changed through its
// session, the one write path, as its own undo step.

import * as vscode from 'vscode';
import { evidenceReference, resolveEvidence } from '../core/sidecar/evidence';
import type { Annotation } from '../core/sidecar/format';
import { readTextIfExists, sidecarUri } from './files';
import { describeError } from './log';
import type { DocumentSession, SessionRegistry } from './session';
import type { SidecarIndex } from './sidecarIndex';
import { annotatedDocuments } from './trees/documents';

/** `path` after `from` became `to` (a file, or a folder and everything in it). */
function moved(path: string, from: string, to: string): string {
  if (path === from) return to;
  return path.startsWith(`${from}/`) ? `${to}${path.slice(from.length)}` : path;
}

/** The references of one annotation as they must read now, or undefined when unchanged. */
function rewritten(evidence: readonly string[], docPathNow: string, docPathBefore: string, from: string, to: string): string[] | undefined {
  const out = evidence.map((ref) => {
    const target = resolveEvidence(docPathBefore, ref);
    return target === undefined ? ref : evidenceReference(docPathNow, moved(target.path, from, to), target.id);
  });
  return out.some((ref, i) => ref !== evidence[i]) ? out : undefined;
}

/** Rewrites the evidence references a rename of `oldUri` to `newUri` breaks; returns how many annotations changed. */
export async function followRename(
  log: vscode.LogOutputChannel,
  sessions: SessionRegistry,
  index: SidecarIndex,
  oldUri: vscode.Uri,
  newUri: vscode.Uri,
): Promise<number> {
  const from = oldUri.path;
  const to = newUri.path;
  let count = 0;
  await index.refreshNow();
  const docs: { uri: vscode.Uri; session?: DocumentSession; annotations?: readonly Annotation[] }[] = (
    await annotatedDocuments(sessions, index)
  )
    // The index may still list the old name for a moment.
    .filter((d) => d.uri.toString() !== oldUri.toString())
    .map((d) => ({ uri: d.uri, ...(d.session ? { session: d.session } : {}), ...(d.stored ? { annotations: d.stored.annotations } : {}) }));
  // The renamed document itself, which the index may not list yet under its new name.
  if (!docs.some((d) => d.uri.toString() === newUri.toString()) && (await readTextIfExists(sidecarUri(newUri))) !== undefined) {
    const session = await sessions.ready(await vscode.workspace.openTextDocument(newUri));
    if (session) docs.push({ uri: newUri, session });
  }
  for (const doc of docs) {
    const list = doc.session ? doc.session.store.tracked.map((t) => t.annotation) : (doc.annotations ?? []);
    // Where the document was before: it may be the one renamed, or inside the folder renamed.
    const before = moved(doc.uri.path, to, from);
    const changes = list.flatMap((a) => {
      const evidence = a.evidence === undefined ? undefined : rewritten(a.evidence, doc.uri.path, before, from, to);
      const rejected = a.rejected === undefined ? undefined : rewritten(a.rejected, doc.uri.path, before, from, to);
      if (evidence === undefined && rejected === undefined) return [];
      return [{ id: a.id, fields: { ...(evidence === undefined ? {} : { evidence }), ...(rejected === undefined ? {} : { rejected }) } }];
    });
    if (changes.length === 0) continue;
    try {
      const session = await sessions.ready(doc.session?.document ?? (await vscode.workspace.openTextDocument(doc.uri)));
      if (!session) continue;
      await sessions.apply(session, `Evidence follows the rename of ${vscode.workspace.asRelativePath(newUri)}`, (tx) => {
        for (const c of changes) tx.update(c.id, c.fields);
      });
      count += changes.length;
      log.info(
        `Evidence: ${changes.length} reference(s) in ${vscode.workspace.asRelativePath(doc.uri)} follow the rename of ${vscode.workspace.asRelativePath(oldUri)}.`,
      );
    } catch (error) {
      log.error(
        `Evidence: the references in ${vscode.workspace.asRelativePath(doc.uri)} could not follow the rename: ${describeError(error)}`,
      );
    }
  }
  return count;
}
