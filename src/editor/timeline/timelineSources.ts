// What the timeline is built from: every annotated document of the workspace (or of one
// folder), open ones as the editor holds them, with their live suggestions stored as a
// scan would store them (links and entities included), the others from their sidecar.
// Each mark keeps the command target that reveals it.

import * as vscode from 'vscode';
import { documentReferenceDate } from '../../core/detect';
import type { Detection } from '../../core/model';
import { mergeDetections } from '../../core/store/sync';
import { OffsetMap } from '../../core/text/offsets';
import { buildTimeline, type TimelineDocument } from '../../core/timeline/items';
import type { Timeline } from '../../core/timeline/types';
import type { CommandTarget } from '../targets';
import type { DocumentSession, SessionRegistry } from '../session';
import type { SidecarIndex, StoredSidecar } from '../sidecarIndex';
import { readSourceText } from '../files';
import { describeError } from '../log';
import { annotatedDocuments } from '../trees/documents';

export interface TimelineWithTargets {
  timeline: Timeline;
  /** By item key: what revealing the mark selects (UTF-16 offsets for open documents). */
  targets: Map<string, CommandTarget>;
}

function inScope(uri: vscode.Uri, scope: vscode.Uri | undefined): boolean {
  if (!scope) return true;
  if (uri.scheme !== scope.scheme || uri.authority !== scope.authority) return false;
  const folder = scope.path.endsWith('/') ? scope.path : `${scope.path}/`;
  return uri.path === scope.path || uri.path.startsWith(folder);
}

/**
 * An open document's annotations now, and its live suggestions as stored suggestions
 * would be (mergeDetections: the same ids, links and entities a scan writes).
 */
function sessionDocument(session: DocumentSession, path: string): { doc: TimelineDocument; stored: Set<string>; offsets: OffsetMap } {
  const text = session.document.getText();
  const offsets = new OffsetMap(text);
  const annotations = session.store.current(offsets);
  const live = session.suggestions
    .filter((s) => s.storedId === undefined && s.detection !== undefined)
    .map((s) => s.detection as Detection);
  const published = session.store.published;
  // The annotations are already those of this text: the same placeholder hash on both
  // sides tells reconcile so, and spares hashing a large document on every update.
  const current = 'current-text';
  const sidecar = {
    marginalia: 2 as const,
    source: { file: path, sha256: current, ...(published === undefined ? {} : { published }) },
    annotations: [...annotations],
  };
  const date = published ?? documentReferenceDate(text);
  const merged = mergeDetections(sidecar, live, text, {
    sha256: current,
    ...(date === undefined ? {} : { referenceDate: date }),
    entities: session.entityRegistry,
  });
  return {
    doc: { path, sidecar: merged.sidecar, ...(date === undefined ? {} : { date }) },
    stored: new Set(annotations.map((a) => a.id)),
    offsets,
  };
}

/**
 * Builds the timeline of the workspace's annotated documents below a scope. A document
 * known only from its sidecar gets its date from the date line of its text, read once
 * per version of its sidecar: its claims were made that day, whether it is open or not.
 */
export class TimelineSources {
  private readonly dates = new Map<string, { stored: StoredSidecar; date: string | undefined }>();

  constructor(
    private readonly sessions: SessionRegistry,
    private readonly index: SidecarIndex,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  private async dateOf(stored: StoredSidecar): Promise<string | undefined> {
    if (stored.published !== undefined) return stored.published;
    const key = stored.source.toString();
    const known = this.dates.get(key);
    if (known?.stored === stored) return known.date;
    let date: string | undefined;
    try {
      date = documentReferenceDate(await readSourceText(stored.source));
    } catch (error) {
      // Its claims then stand on no day; the Annotations view reports the unreadable source.
      this.log.debug(`Timeline: no document date for ${vscode.workspace.asRelativePath(stored.source)}: ${describeError(error)}`);
    }
    this.dates.set(key, { stored, date });
    return date;
  }

  /** The timeline below `scope` (the whole workspace when undefined), with what reveals each mark. */
  async timeline(scope: vscode.Uri | undefined): Promise<TimelineWithTargets> {
    const docs: TimelineDocument[] = [];
    const revealers: ((annotationId: string, start: number, end: number, kind: string) => CommandTarget)[] = [];
    const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    for (const entry of await annotatedDocuments(this.sessions, this.index)) {
      if (!inScope(entry.uri, scope)) continue;
      const uri = entry.uri.toString();
      const path = vscode.workspace.asRelativePath(entry.uri, multiRoot);
      if (entry.session) {
        const { doc, stored, offsets } = sessionDocument(entry.session, path);
        docs.push(doc);
        revealers.push((id, start, end, kind) =>
          stored.has(id) ? { uri, id } : { uri, start: offsets.toUtf16(start), end: offsets.toUtf16(end), kind },
        );
      } else if (entry.stored && entry.stored.readError === undefined) {
        const { stored } = entry;
        const date = await this.dateOf(stored);
        docs.push({
          path,
          sidecar: {
            marginalia: 2,
            source: { file: path, ...(stored.published === undefined ? {} : { published: stored.published }) },
            annotations: [...stored.annotations],
          },
          ...(date === undefined ? {} : { date }),
        });
        revealers.push((id) => ({ uri, id }));
      }
    }
    const timeline = buildTimeline(docs, { entities: this.sessions.entities });
    const byPath = new Map(docs.map((d, i) => [d.path, revealers[i]]));
    const targets = new Map<string, CommandTarget>();
    for (const item of timeline.items) {
      const reveal = byPath.get(item.doc);
      // A claim's mark reveals the claim; a date's the date.
      if (reveal) targets.set(item.key, reveal(item.annotationId, item.start, item.end, item.kind));
    }
    return { timeline, targets };
  }
}
