// What the extension exports to other extensions and to its own integration tests: read-only
// looks at what the editor shows, built from the objects activate() wires together.
import * as vscode from 'vscode';
import type { AgreementReport } from '../core/agree/study';
import type { Annotation } from '../core/sidecar/format';
import { OffsetMap } from '../core/text/offsets';
import type { Timeline } from '../core/timeline/types';
import type { AgreementPanel } from './agree/agreementPanel';
import type { Confirmation } from './confirmation';
import type { DecorationPainter, Painted } from './decorations';
import type { ClaimMatches, ClaimMatchesSnapshot } from './match/claimMatches';
import type { SessionRegistry, Suggestion } from './session';
import type { PageBreakPainter, PaintedBreaks } from './sources/pageBreaks';
import type { AnnotationStatusBar } from './statusBar';
import type { PdfViewer } from './sources/pdfViewer';
import type { TimelinePanel } from './timeline/timelinePanel';
import type { TimingName } from './timings';

/** What the extension exports to other extensions and to its own integration tests. */
export interface MarginaliaApi {
  readonly log: vscode.LogOutputChannel;
  /** The current suggestions of an open document (live and stored by a scan), once its sidecar has been read. */
  suggestions(document: vscode.TextDocument): Promise<readonly Suggestion[]>;
  /** The stored annotations of an open document, positions in code points of its current text. */
  annotations(document: vscode.TextDocument): Promise<readonly Annotation[]>;
  /** The ranges decorated in a visible document, by kind and status. */
  decorations(uri: vscode.Uri): Painted | undefined;
  /** The page turns marked in a visible text made from a PDF: rules on form feed lines, marks inside paragraphs. */
  pageBreaks(document: vscode.TextDocument): PaintedBreaks | undefined;
  /** The status bar text for the active editor. */
  statusText(): string;
  /** The last confirmation shown after an action ("Accepted claim “…”"). */
  lastConfirmation(): string;
  /** Reads an open document's sidecar again, as opening the document afresh would. */
  reload(document: vscode.TextDocument): Promise<void>;
  /** Milliseconds of the extension's own work per step (see editor/timings.ts); `reset` forgets them. */
  timings(reset?: boolean): Partial<Record<TimingName, number[]>>;
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
  /** When the PDF viewer's page has read a PDF (opened, or read again after it changed on disk), and its pages. */
  readonly pdfViewer: { readonly onDidOpen: vscode.Event<{ uri: vscode.Uri; pages: number }> };
  /** The views' data, for tests to read what they show. */
  readonly views: {
    annotations: vscode.TreeDataProvider<unknown>;
    annotationsView: vscode.TreeView<unknown>;
    controls: vscode.TreeDataProvider<unknown>;
    commitments: vscode.TreeDataProvider<unknown>;
  };
}

/** The parts of the running extension the API reads from. */
export interface ApiParts {
  log: vscode.LogOutputChannel;
  sessions: SessionRegistry;
  painter: DecorationPainter;
  pageBreaks: PageBreakPainter;
  statusBar: AnnotationStatusBar;
  confirmation: Confirmation;
  timeline: TimelinePanel;
  agreement: AgreementPanel;
  claimMatches: ClaimMatches;
  pdfViewer: PdfViewer;
  views: MarginaliaApi['views'];
}

export function createApi(p: ApiParts): MarginaliaApi {
  return {
    log: p.log,
    suggestions: async (document) => (await p.sessions.ready(document))?.suggestions ?? [],
    annotations: async (document) => (await p.sessions.ready(document))?.store.current(new OffsetMap(document.getText())) ?? [],
    decorations: (uri) => p.painter.paintedRanges(uri),
    pageBreaks: (document) => p.pageBreaks.breaksOf(document),
    statusText: () => p.statusBar.text,
    lastConfirmation: () => p.confirmation.last,
    reload: async (document) => {
      await p.sessions.reloadNow(document);
    },
    timings: (reset) => p.sessions.timings.take(reset),
    timeline: { last: () => p.timeline.last, onDidSend: p.timeline.onDidSend },
    agreement: {
      last: () => p.agreement.last,
      onDidSend: p.agreement.onDidSend,
      reveal: (i) => p.agreement.reveal(i),
      openMarkdown: () => p.agreement.openMarkdown(),
    },
    claimMatches: { ready: () => p.claimMatches.ready() },
    pdfViewer: { onDidOpen: p.pdfViewer.onDidOpen },
    views: p.views,
  };
}
