import * as vscode from 'vscode';
import type { Catalog } from './core/catalog/types';
import type { Annotation } from './core/sidecar/format';
import { OffsetMap } from './core/text/offsets';
import { registerAnnotationCommands } from './editor/annotationCommands';
import { registerCommand, registerLogCommands } from './editor/commands';
import { registerExportCommand } from './editor/exportCommand';
import { registerImportCommand } from './editor/importCommand';
import { registerWalkthrough } from './editor/walkthrough';
import { warmUpDetectors } from './editor/warmUp';
import { DecorationPainter, type Painted } from './editor/decorations';
import { watchSidecars } from './editor/fileEvents';
import { MarginaliaHoverProvider } from './editor/hover';
import { createLog } from './editor/log';
import { SessionRegistry, type Suggestion } from './editor/session';
import { SidecarProblems } from './editor/sidecarProblems';
import { ReviewerIdentity } from './editor/reviewer';
import { Confirmation } from './editor/confirmation';
import { registerUndoCommands } from './editor/undoCommands';
import { suggestWordWrap } from './editor/wordWrap';
import { AnnotatableLanguages } from './editor/annotatable';
import { EXTENSION_HOST } from './editor/host/hostKind';
import type { TimingName } from './editor/timings';
import { AnnotationStatusBar } from './editor/statusBar';
import { AnnotationsTreeProvider } from './editor/trees/annotationsTree';
import { registerAnnotationFilter } from './editor/trees/annotationFilter';
import { registerScanCommand } from './editor/scanWorkspace';
import { SidecarIndex } from './editor/sidecarIndex';
import { WorkspaceCatalog } from './editor/workspaceCatalog';
import { WorkspaceEntities } from './editor/workspaceEntities';
import { ControlsTreeProvider } from './editor/trees/controlsTree';
import { CommitmentsTreeProvider } from './editor/trees/commitmentsTree';
import { registerTimelineCommands, TimelinePanel } from './editor/timeline/timelinePanel';
import type { Timeline } from './core/timeline/types';
import type { AgreementReport } from './core/agree/study';
import { AgreementPanel } from './editor/agree/agreementPanel';
import { registerCompareCommands } from './editor/agree/compareCommand';
import { ClaimMatches, type ClaimMatchesSnapshot } from './editor/match/claimMatches';
import { registerClaimMatchViews } from './editor/match/claimMatchesView';
import { registerFindInCorpus } from './editor/corpus/findInCorpus';

/** What the extension exports to other extensions and to its own integration tests. */
export interface MarginaliaApi {
  readonly log: vscode.LogOutputChannel;
  /** The current suggestions of an open document (live and stored by a scan), once its sidecar has been read. */
  suggestions(document: vscode.TextDocument): Promise<readonly Suggestion[]>;
  /** The stored annotations of an open document, positions in code points of its current text. */
  annotations(document: vscode.TextDocument): Promise<readonly Annotation[]>;
  /** The ranges decorated in a visible document, by kind and status. */
  decorations(uri: vscode.Uri): Painted | undefined;
  /** The status bar text for the active editor. */
  statusText(): string;
  /** The last confirmation shown after an action ("Accepted claim “…”"). */
  lastConfirmation(): string;
  /** Reads an open document's sidecar again, as opening the document afresh would. */
  reload(document: vscode.TextDocument): Promise<void>;
  /** Milliseconds of the extension's own work per step (see editor/timings.ts); `reset` forgets them. */
  timings(reset?: boolean): Partial<Record<TimingName, number[]>>;
  /** The views' data, for tests to read what they show. */
  /** The timeline last sent to the timeline panel (undefined when it is closed), and when one is sent. */
  readonly timeline: { last(): Timeline | undefined; readonly onDidSend: vscode.Event<Timeline> };
  /** The agreement report last sent to its panel, when one is sent, and a row's reveal as a click on it does it. */
  readonly agreement: {
    last(): AgreementReport | undefined;
    readonly onDidSend: vscode.Event<AgreementReport>;
    reveal(index: number): Promise<vscode.TextEditor[]>;
    openMarkdown(): Promise<vscode.TextDocument | undefined>;
  };
  /** The workspace's claims matched across documents, as the hovers and the Claims across Documents view show them. */
  readonly claimMatches: { ready(): Promise<ClaimMatchesSnapshot> };
  readonly views: {
    annotations: vscode.TreeDataProvider<unknown>;
    annotationsView: vscode.TreeView<unknown>;
    controls: vscode.TreeDataProvider<unknown>;
    commitments: vscode.TreeDataProvider<unknown>;
  };
}

export function activate(context: vscode.ExtensionContext): MarginaliaApi {
  const log = createLog();
  const catalog = new WorkspaceCatalog(log);
  const entities = new WorkspaceEntities(log);
  const problems = new SidecarProblems();
  const sessions = new SessionRegistry(log, problems);
  const confirmation = new Confirmation();
  const catalogOf = (): Catalog => catalog.catalog;
  const painter = new DecorationPainter(sessions, vscode.Uri.joinPath(context.extensionUri, 'media'));
  const index = new SidecarIndex(log);
  const tree = new AnnotationsTreeProvider(sessions, index, log);
  const controls = new ControlsTreeProvider(sessions, index, catalogOf, log);
  const commitments = new CommitmentsTreeProvider(sessions, index, log);
  const annotationsView = vscode.window.createTreeView('marginalia.annotations', { treeDataProvider: tree, showCollapseAll: true });
  const statusBar = new AnnotationStatusBar(sessions);
  const timeline = new TimelinePanel(context.extensionUri, sessions, index, log);
  const agreement = new AgreementPanel(context.extensionUri, log);
  const claimMatches = new ClaimMatches(sessions, index, log);
  const reviewer = new ReviewerIdentity();
  context.subscriptions.push(
    log,
    problems,
    catalog,
    sessions,
    index,
    painter,
    tree,
    controls,
    commitments,
    statusBar,
    annotationsView,
    confirmation,
    catalog.onDidChange((matcher) => {
      sessions.setMatcher(matcher);
    }),
    entities,
    entities.onDidChange((registry) => {
      sessions.setEntities(registry);
    }),
    vscode.window.createTreeView('marginalia.controls', { treeDataProvider: controls, showCollapseAll: true }),
    vscode.window.createTreeView('marginalia.commitments', { treeDataProvider: commitments }),
    new AnnotatableLanguages(sessions, new MarginaliaHoverProvider(sessions, catalogOf, claimMatches)),
    ...registerLogCommands(log),
    registerCommand(log, 'marginalia.reloadCatalog', () => catalog.reload()),
    registerExportCommand(log, sessions),
    registerImportCommand(log, sessions),
    registerWalkthrough(context, log),
    ...registerAnnotationCommands({ log, sessions, index, reviewer, confirmation, catalog: catalogOf }, entities),
    ...registerUndoCommands(log, sessions, confirmation),
    suggestWordWrap(context, sessions),
    ...watchSidecars(log, sessions, index),
    ...registerAnnotationFilter(log, tree, annotationsView),
    registerScanCommand(log, sessions, context.extensionUri, catalogOf, () => entities.registry.entities),
    warmUpDetectors(log),
    timeline,
    ...registerTimelineCommands(log, timeline),
    agreement,
    ...registerCompareCommands(log, agreement),
    claimMatches,
    ...registerClaimMatchViews(log, claimMatches),
    registerFindInCorpus(log, sessions, index, reviewer, catalogOf),
  );
  void catalog.reload();
  void entities.reload();
  const version = (context.extension.packageJSON as { version?: string }).version ?? 'unknown';
  log.info(
    `Marginalia ${version} activated (VS Code ${vscode.version}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI, ${EXTENSION_HOST})`,
  );
  return {
    log,
    suggestions: async (document) => (await sessions.ready(document))?.suggestions ?? [],
    annotations: async (document) => (await sessions.ready(document))?.store.current(new OffsetMap(document.getText())) ?? [],
    decorations: (uri) => painter.paintedRanges(uri),
    statusText: () => statusBar.text,
    lastConfirmation: () => confirmation.last,
    reload: async (document) => {
      await sessions.reloadNow(document);
    },
    timings: (reset) => sessions.timings.take(reset),
    timeline: { last: () => timeline.last, onDidSend: timeline.onDidSend },
    agreement: {
      last: () => agreement.last,
      onDidSend: agreement.onDidSend,
      reveal: (i) => agreement.reveal(i),
      openMarkdown: () => agreement.openMarkdown(),
    },
    claimMatches: { ready: () => claimMatches.ready() },
    views: { annotations: tree, annotationsView, controls, commitments },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
