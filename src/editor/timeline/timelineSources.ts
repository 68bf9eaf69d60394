// What the timeline is built from: every annotated document of the workspace (or of one
// folder), open ones as the editor holds them, their live suggestions included (with the
// links their hovers show), the others from their sidecar. Each mark keeps the command
// target that reveals it.

import * as vscode from 'vscode';
import { documentReferenceDate } from '../../core/detect';
import { inferLinks } from '../../core/detect/links';
import type { ClaimDetection, ControlDetection, DateDetection, Detection } from '../../core/model';
import { lowerBound } from '../../core/util/bisect';
import { NEAR_WINDOW } from '../../core/entities/inDocument';
import { FORMAT_VERSION, type Annotation, type Sidecar } from '../../core/sidecar/format';
import { labelOfDetection } from '../../core/store/suggestions';
import { OffsetMap } from '../../core/text/offsets';
import { buildTimeline, type TimelineDocument } from '../../core/timeline/items';
import type { Timeline } from '../../core/timeline/types';
import type { CommandTarget } from '../targets';
import type { DocumentSession, SessionRegistry } from '../session';
import type { SidecarIndex } from '../sidecarIndex';
import { DocumentDates } from '../documentDates';
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

/** Texts up to this long get their live claims' entities (resolved for the whole document once per change); longer ones their speakers' words. */
const ENTITY_TEXT_LIMIT = 4 * NEAR_WINDOW;

const spanKey = (kind: string, start: number, end: number): string => `${kind}:${start}:${end}`;

/**
 * An open document's annotations now, and its live suggestions as suggested annotations
 * with their links (inferred as the hover infers them: what accepting would store).
 * Written for the timeline alone, only what it shows (no contexts, no stable ids):
 * this runs after every pause in typing while the timeline is shown, and storing the
 * suggestions as a scan does (mergeDetections) cost ~0.3 s for 1 MB.
 */
function sessionDocument(session: DocumentSession, path: string): { doc: TimelineDocument; stored: Set<string>; offsets: OffsetMap } {
  const text = session.document.getText();
  const offsets = new OffsetMap(text);
  const annotations = session.store.current(offsets);
  const ids = new Map<string, string>();
  for (const t of session.store.tracked)
    if (!t.anchor.orphaned) ids.set(spanKey(t.annotation.kind, t.anchor.start, t.anchor.end), t.annotation.id);
  const live: { id: string; detection: Detection }[] = [];
  for (const s of session.suggestions) {
    if (s.storedId !== undefined || s.detection === undefined) continue;
    const key = spanKey(s.detection.kind, s.detection.start, s.detection.end);
    // A suggestion is what no annotation covers, so its span is never a stored one's.
    const id = `live-${key}`;
    if (!ids.has(key)) ids.set(key, id);
    live.push({ id, detection: s.detection });
  }
  const withEntities = text.length <= ENTITY_TEXT_LIMIT;
  const published = session.store.published;
  const date = published ?? documentReferenceDate(text);
  // A claim's parts are the dates and controls inside its span: found by bisection, not by
  // reading every detection for every claim.
  const parts = session.detections
    .filter((d): d is DateDetection | ControlDetection => d.kind !== 'claim')
    .sort((x, y) => x.start - y.start);
  const partsOf = (claim: ClaimDetection): (DateDetection | ControlDetection)[] => {
    const out: (DateDetection | ControlDetection)[] = [];
    for (let i = lowerBound(parts.length, (k) => (parts[k]?.start ?? 0) < claim.start); i < parts.length; i++) {
      const d = parts[i];
      if (!d || d.start >= claim.end) break;
      if (d.end <= claim.end) out.push(d);
    }
    return out;
  };
  const suggested = live.map(({ id, detection: d }): Annotation => {
    const label = labelOfDetection(d);
    const a: Annotation = {
      id,
      kind: d.kind,
      quote: d.text,
      prefix: '',
      suffix: '',
      start: offsets.toCodePoint(d.start),
      end: offsets.toCodePoint(d.end),
      origin: 'detected',
      status: 'suggested',
    };
    if (label !== undefined) a.label = label;
    if (d.kind !== 'claim') return a;
    if (d.speaker !== undefined) a.speaker = d.speaker;
    const entity = withEntities ? session.entityOf(d) : undefined;
    if (entity !== undefined) a.entity = entity;
    for (const link of inferLinks(text, d, partsOf(d), date)) {
      const target = ids.get(spanKey(link.target.kind, link.target.start, link.target.end));
      if (target !== undefined) (a[link.role] ??= []).push(target);
    }
    return a;
  });
  const sidecar: Sidecar = {
    marginalia: FORMAT_VERSION,
    source: { file: path, ...(published === undefined ? {} : { published }) },
    annotations: [...annotations, ...suggested],
  };
  return {
    doc: { path, sidecar, ...(date === undefined ? {} : { date }) },
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
  private readonly dates: DocumentDates;

  constructor(
    private readonly sessions: SessionRegistry,
    private readonly index: SidecarIndex,
    log: vscode.LogOutputChannel,
  ) {
    this.dates = new DocumentDates(log);
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
        const date = await this.dates.of(stored);
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
