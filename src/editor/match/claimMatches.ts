// The workspace's claims matched across documents (core/match), for the hovers ("also in
// N documents") and the Claims across Documents view. Built from what the views list:
// open documents as the editor holds them (their live suggestions included), the others
// from their sidecars. Built when a hover asks, and after each change only while the view
// is shown: matching a large workspace takes a noticeable moment of the extension host.
import * as vscode from 'vscode';
import { documentReferenceDate } from '../../core/detect';
import { matchClaimsAsync, type ClaimText, type MatchResult } from '../../core/match/claims';
import type { Detection, Status } from '../../core/model';
import { documentClaims } from '../../core/scan/documentClaims';
import { OffsetMap } from '../../core/text/offsets';
import { DocumentDates } from '../documentDates';
import { describeError } from '../log';
import type { SessionRegistry } from '../session';
import type { SidecarIndex } from '../sidecarIndex';
import type { CommandTarget } from '../targets';
import { annotatedDocuments, onAnnotatedDocumentsChange } from '../trees/documents';

export interface MatchedClaim extends ClaimText {
  uri: vscode.Uri;
  status: Status;
  /** What reveals it (an annotation's id; a live suggestion's UTF-16 span). */
  target: CommandTarget;
}

export interface ClaimMatchesSnapshot {
  claims: MatchedClaim[];
  result: MatchResult;
  /** Group index of each claim that is in a group, by lookup key (see keyOfTarget). */
  groupOf: Map<string, number>;
  /** Milliseconds the build took. */
  ms: number;
}

/** The lookup key of a claim: its annotation id, or its span as the editor holds it. */
export function keyOfTarget(target: CommandTarget): string {
  return target.id !== undefined ? `${target.uri}#${target.id}` : `${target.uri}@${target.start ?? -1}:${target.end ?? -1}`;
}

/** Open documents up to this long (UTF-16 units) take part with their live suggestions too. */
export const LIVE_CLAIMS_TEXT_LIMIT = 256 * 1024;

/** Gives the extension host's other work (a hover, typing) its turn: a build of a large workspace takes seconds. */
function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Waits this long after a change before building again: typing, a scan, an undo come in bursts. */
const SETTLE_MS = 400;

export class ClaimMatches implements vscode.Disposable {
  private snapshot: ClaimMatchesSnapshot | undefined;
  private building: Promise<ClaimMatchesSnapshot> | undefined;
  private stale = true;
  /** The view is shown: a change builds again. */
  private watched = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly dates: DocumentDates;
  private readonly changed = new vscode.EventEmitter<ClaimMatchesSnapshot>();
  /** Fires after each build. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly sessions: SessionRegistry,
    private readonly index: SidecarIndex,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.dates = new DocumentDates(log);
    this.subscriptions = onAnnotatedDocumentsChange(sessions, index, () => {
      this.stale = true;
      if (!this.watched) return;
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.ready().catch((error: unknown) => {
          this.log.error(`Claims across documents: ${describeError(error)}`);
        });
      }, SETTLE_MS);
    });
  }

  /** Whether a change builds the matches again (while the view is shown), or waits for the next ask. */
  watch(shown: boolean): void {
    this.watched = shown;
  }

  /** Whether something changed since the last build. */
  get isStale(): boolean {
    return this.stale;
  }

  /** The last build, possibly stale. */
  get current(): ClaimMatchesSnapshot | undefined {
    return this.snapshot;
  }

  /** The matches as the workspace is now (built again if anything changed since the last build). */
  async ready(): Promise<ClaimMatchesSnapshot> {
    if (!this.stale && this.snapshot) return this.snapshot;
    if (this.building) return this.building;
    this.stale = false;
    const building = this.build().finally(() => {
      if (this.building === building) this.building = undefined;
    });
    this.building = building;
    const snapshot = await building;
    this.snapshot = snapshot;
    this.changed.fire(snapshot);
    return snapshot;
  }

  private async build(): Promise<ClaimMatchesSnapshot> {
    const started = performance.now();
    const claims: MatchedClaim[] = [];
    const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    let since = performance.now();
    for (const entry of await annotatedDocuments(this.sessions, this.index)) {
      if (performance.now() - since > 15) {
        await pause();
        since = performance.now();
      }
      const uri = entry.uri.toString();
      const doc = vscode.workspace.asRelativePath(entry.uri, multiRoot);
      const add = (
        date: string | undefined,
        found: ReturnType<typeof documentClaims>,
        targetOf: (id: string, start: number, end: number) => CommandTarget,
      ): void => {
        for (const c of found) {
          claims.push({
            doc,
            id: c.id,
            text: c.text,
            start: c.start,
            ...(date === undefined ? {} : { date }),
            uri: entry.uri,
            status: c.status,
            target: targetOf(c.id, c.start, c.end),
          });
        }
      };
      if (entry.session) {
        const session = entry.session;
        const text = session.document.getText();
        const offsets = new OffsetMap(text);
        const annotations = session.store.current(offsets);
        // A large document's live suggestions would be most of the claims and most of the
        // time: it takes part with what its sidecar keeps (a scan stores its suggestions).
        const live: Detection[] =
          text.length > LIVE_CLAIMS_TEXT_LIMIT
            ? []
            : session.suggestions.flatMap((s) => (s.storedId === undefined && s.detection?.kind === 'claim' ? [s.detection] : []));
        // A live suggestion has no id yet: it is found again by its span as the editor holds it.
        add(session.store.published ?? documentReferenceDate(text), documentClaims(annotations, live, offsets), (id, start, end) =>
          id.startsWith('~') ? { uri, start: offsets.toUtf16(start), end: offsets.toUtf16(end), kind: 'claim' } : { uri, id },
        );
      } else if (entry.stored && entry.stored.readError === undefined) {
        add(await this.dates.of(entry.stored), documentClaims(entry.stored.annotations, [], new OffsetMap('')), (id) => ({ uri, id }));
      }
    }
    const result = await matchClaimsAsync(claims, pause);
    const groupOf = new Map<string, number>();
    result.groups.forEach((g, n) => {
      for (const i of g.members) {
        const c = claims[i];
        if (c) groupOf.set(keyOfTarget(c.target), n);
      }
    });
    const ms = performance.now() - started;
    this.log.debug(`Claims across documents: ${claims.length} claims, ${result.groups.length} groups, ${ms.toFixed(0)} ms`);
    return { claims, result, groupOf, ms };
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
