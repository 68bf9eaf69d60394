// `Marginalia: Show Timeline`: the corpus on a time axis, in a webview. The page
// (src/webview/timeline) draws; this side builds the data (timelineSources.ts), sends it
// again when annotations change, reveals a mark's span in its editor and saves the
// figures the page makes. One panel: showing it again brings it forward with the new scope.

import * as vscode from 'vscode';
import type { Timeline } from '../../core/timeline/types';
import { registerCommand } from '../commands';
import { describeError } from '../log';
import type { SessionRegistry } from '../session';
import type { SidecarIndex } from '../sidecarIndex';
import type { CommandTarget } from '../targets';
import { onAnnotatedDocumentsChange } from '../trees/documents';
import { TimelineSources } from './timelineSources';
import { openPage, type PageFiles } from '../webviewPage';

export const TIMELINE_VIEW_TYPE = 'marginalia.timeline';
export const TIMELINE_COMMANDS = {
  show: 'marginalia.showTimeline',
  showFolder: 'marginalia.showFolderTimeline',
  saveSvg: 'marginalia.timeline.saveSvg',
  savePng: 'marginalia.timeline.savePng',
} as const;

/** Waits this long after the last change before rebuilding: a scan or an undo changes many documents at once. */
const UPDATE_DELAY_MS = 300;

type PageMessage = { type: 'ready' } | { type: 'reveal'; key: string } | { type: 'save'; format: 'svg' | 'png'; data: string };

function isPageMessage(m: unknown): m is PageMessage {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  if (r['type'] === 'ready') return true;
  if (r['type'] === 'reveal') return typeof r['key'] === 'string';
  return r['type'] === 'save' && (r['format'] === 'svg' || r['format'] === 'png') && typeof r['data'] === 'string';
}

function decodeBase64(data: string): Uint8Array {
  const binary = atob(data);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export class TimelinePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private scope: vscode.Uri | undefined;
  private targets = new Map<string, CommandTarget>();
  private pageReady = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private updating: Promise<void> = Promise.resolve();
  /** The timeline last sent to the page: for tests, and for a page that reloads. */
  last: Timeline | undefined;
  private readonly sent = new vscode.EventEmitter<Timeline>();
  /** Fires after each timeline sent to the page. */
  readonly onDidSend = this.sent.event;
  private readonly subscriptions: vscode.Disposable[];
  private readonly sources: TimelineSources;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly sessions: SessionRegistry,
    private readonly index: SidecarIndex,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.sources = new TimelineSources(sessions, index, log);
    this.subscriptions = onAnnotatedDocumentsChange(sessions, index, () => {
      this.schedule();
    });
  }

  /** Opens the panel (or brings it forward) on `scope`: a folder, or the whole workspace. */
  show(scope: vscode.Uri | undefined): void {
    const changedScope = scope?.toString() !== this.scope?.toString();
    this.scope = scope;
    const title = scope ? `Timeline: ${vscode.workspace.asRelativePath(scope)}` : 'Timeline';
    if (this.panel) {
      this.panel.title = title;
      this.panel.reveal(undefined, false);
      if (changedScope) this.schedule(0);
      return;
    }
    this.pageReady = false;
    this.panel = openPage(this.extensionUri, TIMELINE_VIEW_TYPE, title, this.files(), {
      receive: (m) => {
        void this.receive(m);
      },
      hidden: () => {
        this.pageReady = false;
      },
      disposed: () => {
        this.panel = undefined;
        this.pageReady = false;
        this.last = undefined;
      },
    });
  }

  get visible(): boolean {
    return this.panel?.visible === true;
  }

  /** Asks the page for a figure of what it shows, which then arrives as a 'save' message. */
  async requestSave(format: 'svg' | 'png'): Promise<void> {
    if (!this.panel) {
      void vscode.window.showInformationMessage('Marginalia: open the timeline first (Marginalia: Show Timeline).');
      return;
    }
    await this.panel.webview.postMessage({ type: 'save', format });
  }

  private files(): PageFiles {
    return {
      script: vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'timeline.js'),
      style: vscode.Uri.joinPath(this.extensionUri, 'media', 'timeline.css'),
      title: 'Timeline',
      root: 'div',
      images: 'blob: data:',
    };
  }

  private schedule(delay = UPDATE_DELAY_MS): void {
    if (!this.panel) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.updating = this.updating.then(() => this.update());
    }, delay);
  }

  private async update(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    // Not shown: built when it is shown again (the page asks with 'ready').
    if (!this.pageReady) return;
    try {
      const started = performance.now();
      const { timeline, targets } = await this.sources.timeline(this.scope);
      const built = performance.now() - started;
      this.sessions.timings.record('timelineBuild', built);
      if (this.panel !== panel) return;
      this.targets = targets;
      const title = this.scope ? vscode.workspace.asRelativePath(this.scope) : (vscode.workspace.name ?? 'Workspace');
      await panel.webview.postMessage({ type: 'data', timeline, title, today: new Date().toISOString().slice(0, 10) });
      this.last = timeline;
      this.sent.fire(timeline);
      this.log.debug(`Timeline: ${timeline.items.length} marks from ${timeline.documents} documents, built in ${built.toFixed(0)} ms`);
    } catch (error) {
      this.log.error(`Building the timeline failed: ${describeError(error)}`);
      void vscode.window.showErrorMessage(`Marginalia: the timeline could not be built: ${describeError(error)}`);
    }
  }

  private async receive(message: unknown): Promise<void> {
    if (!isPageMessage(message)) {
      this.log.warn(`Timeline: ignored a message the page should not send: ${JSON.stringify(message).slice(0, 200)}`);
      return;
    }
    try {
      switch (message.type) {
        case 'ready':
          this.pageReady = true;
          this.schedule(0);
          return;
        case 'reveal':
          await this.reveal(message.key);
          return;
        case 'save':
          await this.save(message.format, message.data);
          return;
      }
    } catch (error) {
      this.log.error(`Timeline: ${message.type} failed: ${describeError(error)}`);
      void vscode.window.showErrorMessage(`Marginalia: ${describeError(error)}`);
    }
  }

  /** Opens the mark's document beside the timeline, its span selected. */
  private async reveal(key: string): Promise<void> {
    const target = this.targets.get(key);
    if (!target) {
      this.log.info(`Timeline: mark ${key} is gone (the annotations changed since the timeline was drawn).`);
      return;
    }
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
    const session = await this.sessions.ready(document);
    const stored = target.id === undefined ? undefined : session?.store.find(target.id)?.anchor;
    const span = stored ?? (target.start !== undefined && target.end !== undefined ? { start: target.start, end: target.end } : undefined);
    const column = this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false });
    if (!span) return;
    const range = new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
    editor.selection = new vscode.Selection(range.end, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async save(format: 'svg' | 'png', data: string): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `timeline.${format}`;
    const target = await vscode.window.showSaveDialog({
      title: `Save the timeline as ${format.toUpperCase()}`,
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
      filters: { [format.toUpperCase()]: [format] },
    });
    if (!target) return;
    const bytes = format === 'svg' ? new TextEncoder().encode(data) : decodeBase64(data);
    await vscode.workspace.fs.writeFile(target, bytes);
    this.log.info(`Timeline saved as ${target.toString()} (${bytes.length} bytes)`);
    void vscode.window.showInformationMessage(`Marginalia: timeline saved as ${vscode.workspace.asRelativePath(target)}`);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.sent.dispose();
    this.panel?.dispose();
  }
}

/** The timeline's commands: Show Timeline (from the palette, or a folder's context menu), and saving its figure. */
export function registerTimelineCommands(log: vscode.LogOutputChannel, timeline: TimelinePanel): vscode.Disposable[] {
  return [
    registerCommand(log, TIMELINE_COMMANDS.show, (arg) => {
      timeline.show(arg instanceof vscode.Uri ? arg : undefined);
    }),
    registerCommand(log, TIMELINE_COMMANDS.showFolder, (arg) => {
      timeline.show(arg instanceof vscode.Uri ? arg : undefined);
    }),
    registerCommand(log, TIMELINE_COMMANDS.saveSvg, () => timeline.requestSave('svg')),
    registerCommand(log, TIMELINE_COMMANDS.savePng, () => timeline.requestSave('png')),
  ];
}
