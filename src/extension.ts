import * as vscode from 'vscode';
import { createApi, type MarginaliaApi } from './editor/api';
import type { Catalog } from './core/catalog/types';
import { registerAnnotationCommands } from './editor/annotationCommands';
import { registerCommand, registerLogCommands } from './editor/commands';
import { registerExportCommand } from './editor/exportCommand';
import { registerImportCommand } from './editor/importCommand';
import { registerWalkthrough } from './editor/walkthrough';
import { warmUpDetectors } from './editor/warmUp';
import { DecorationPainter } from './editor/decorations';
import { watchSidecars } from './editor/fileEvents';
import { MarginaliaHoverProvider } from './editor/hover';
import { createLog } from './editor/log';
import { SessionRegistry } from './editor/session';
import { SidecarProblems } from './editor/sidecarProblems';
import { ReviewerIdentity } from './editor/reviewer';
import { Confirmation } from './editor/confirmation';
import { registerUndoCommands } from './editor/undoCommands';
import { suggestWordWrap } from './editor/wordWrap';
import { AnnotatableLanguages } from './editor/annotatable';
import { EXTENSION_HOST } from './editor/host/hostKind';
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
import { AgreementPanel } from './editor/agree/agreementPanel';
import { registerCompareCommands } from './editor/agree/compareCommand';
import { ClaimMatches } from './editor/match/claimMatches';
import { registerClaimMatchViews } from './editor/match/claimMatchesView';
import { registerFindInCorpus } from './editor/corpus/findInCorpus';
import { registerAddSource } from './editor/sources/addSource';
import { registerOpenOriginal } from './editor/sources/openOriginal';
import { PdfViewer } from './editor/sources/pdfViewer';
import { PageBreakPainter } from './editor/sources/pageBreaks';

export type { MarginaliaApi } from './editor/api';

export function activate(context: vscode.ExtensionContext): MarginaliaApi {
  const log = createLog();
  const catalog = new WorkspaceCatalog(log);
  const entities = new WorkspaceEntities(log);
  const problems = new SidecarProblems();
  const sessions = new SessionRegistry(log, problems);
  const confirmation = new Confirmation();
  const catalogOf = (): Catalog => catalog.catalog;
  const painter = new DecorationPainter(sessions, vscode.Uri.joinPath(context.extensionUri, 'media'));
  const pageBreaks = new PageBreakPainter(sessions);
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
  const pdfViewer = new PdfViewer(context.extensionUri, log);
  context.subscriptions.push(
    log,
    problems,
    catalog,
    sessions,
    index,
    painter,
    pageBreaks,
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
    registerAddSource(log, context.extensionUri),
    pdfViewer,
    registerOpenOriginal(log, sessions, pdfViewer),
  );
  void catalog.reload();
  void entities.reload();
  const version = (context.extension.packageJSON as { version?: string }).version ?? 'unknown';
  log.info(
    `Marginalia ${version} activated (VS Code ${vscode.version}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI, ${EXTENSION_HOST})`,
  );
  return createApi({
    log,
    sessions,
    painter,
    pageBreaks,
    statusBar,
    confirmation,
    timeline,
    agreement,
    claimMatches,
    pdfViewer,
    views: { annotations: tree, annotationsView, controls, commitments },
  });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
