import * as vscode from 'vscode';
import { KINDS } from '../../core/model';
import type { Annotation, SidecarError } from '../../core/sidecar/format';
import { compileFilter, NO_FILTER, SUGGESTED, type AnnotationFilter, type FilterStatus } from '../../core/store/filter';
import { displayLabel } from '../../core/store/labels';
import { labelOfDetection } from '../../core/store/suggestions';
import { excerpt, KIND_ICONS, statusIconId } from '../display';
import { describeError } from '../log';
import type { DocumentSession, SessionRegistry, Suggestion } from '../session';
import type { SidecarIndex, StoredSidecar } from '../sidecarIndex';
import type { CommandTarget } from '../targets';
import { annotatedDocuments, onAnnotatedDocumentsChange, type AnnotatedDocument } from './documents';
import { pagesOf, shortPage } from './pages';

/** One annotation or suggestion of a document, whichever its source. */
interface Row {
  kind: string;
  status: FilterStatus;
  orphaned: boolean;
  /** Position in its document, for ordering only (UTF-16 for a session, code points on disk: never compared across documents). */
  start: number;
  /** 1-based line, when known (an open document; a closed one's offsets may be stale). */
  line?: number;
  /** For a text made from a PDF: the page, as cited ("page 2", "page 2 (printed iv)"). */
  page?: string;
  annotation?: Annotation;
  /** A live suggestion of an open document. */
  suggestion?: Suggestion;
}

function isSuggestionRow(row: Row): boolean {
  return row.status === SUGGESTED;
}

/** What a document shows under the current filter, computed once per refresh. */
interface Shown {
  /** By group key, in document order. */
  groups: Map<string, Row[]>;
  /** Per group, annotations (reviewed) and suggestions apart. */
  counts: Map<string, { annotations: number; suggestions: number }>;
  annotations: number;
  suggestions: number;
  errors: readonly SidecarError[];
  readError: string | undefined;
}

type Node =
  | { type: 'file'; doc: AnnotatedDocument }
  | { type: 'group'; doc: AnnotatedDocument; key: string }
  // `target`: inline actions get the node itself and act on what it names (see targets.ts).
  | { type: 'row'; doc: AnnotatedDocument; row: Row; target: CommandTarget }
  | { type: 'error'; doc: AnnotatedDocument; index: number; error: SidecarError | undefined; message: string };

const ORPHANED = '#orphaned';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The Annotations view: every annotated document of the workspace (an open one from its
 * live session, with its suggestions; any other from its sidecar on disk), then its kinds,
 * then its annotations and suggestions, with an Orphaned group for annotations whose text
 * is gone and an error item per problem of a sidecar that does not validate. A filter by
 * kind, status and text applies to every row. Children are built only when a node is
 * expanded, and ids are stable (the same whether a document is open or not) so updates
 * keep what the user opened.
 */
export class AnnotationsTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private filterValue: AnnotationFilter = NO_FILTER;
  private matches = compileFilter(NO_FILTER);
  /**
   * Per document object, for the current data and filter; replaced whenever either changes.
   * Keyed by object, not URI: a call still running for the previous listing then cannot
   * leave its stale result where the next listing would find it.
   */
  private shown = new WeakMap<AnnotatedDocument, Shown>();

  constructor(
    private readonly sessions: SessionRegistry,
    private readonly index: SidecarIndex,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions = onAnnotatedDocumentsChange(sessions, index, () => {
      this.refresh();
    });
  }

  get filter(): AnnotationFilter {
    return this.filterValue;
  }

  set filter(filter: AnnotationFilter) {
    this.filterValue = filter;
    this.matches = compileFilter(filter);
    this.refresh();
  }

  /** Kinds present in the documents shown, for the filter's choices (codebook kinds included). */
  async kinds(): Promise<string[]> {
    const kinds = new Set<string>(KINDS);
    for (const doc of await annotatedDocuments(this.sessions, this.index)) {
      if (doc.session) for (const t of doc.session.store.tracked) kinds.add(t.annotation.kind);
      else for (const a of doc.stored?.annotations ?? []) kinds.add(a.kind);
    }
    return [...kinds];
  }

  private refresh(): void {
    this.shown = new WeakMap();
    this.changed.fire(undefined);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      let docs: AnnotatedDocument[];
      try {
        docs = await annotatedDocuments(this.sessions, this.index);
      } catch (error) {
        this.log.error(`Listing the annotated documents of the workspace failed: ${describeError(error)}`);
        throw error;
      }
      return docs
        .filter((doc) => {
          const s = this.show(doc);
          return s.groups.size > 0 || s.errors.length > 0 || s.readError !== undefined;
        })
        .map((doc): Node => ({ type: 'file', doc }));
    }
    const { doc } = node;
    if (node.type === 'file') {
      const s = this.show(doc);
      const errors: Node[] =
        s.readError !== undefined
          ? [
              {
                type: 'error',
                doc,
                index: 0,
                error: undefined,
                message: `Cannot read ${vscode.workspace.asRelativePath(doc.sidecar)}: ${s.readError}`,
              },
            ]
          : s.errors.map((error, index) => ({ type: 'error', doc, index, error, message: error.message }));
      return [...errors, ...[...s.groups.keys()].map((key): Node => ({ type: 'group', doc, key }))];
    }
    if (node.type === 'group')
      return (this.show(doc).groups.get(node.key) ?? []).map((row): Node => ({ type: 'row', doc, row, target: targetOf(doc.uri, row) }));
    return [];
  }

  /** The rows of a document that pass the filter, grouped by kind (orphans apart), in document order. */
  private show(doc: AnnotatedDocument): Shown {
    const cached = this.shown.get(doc);
    if (cached) return cached;
    const rows = doc.session ? sessionRows(doc.session) : storedRows(doc.stored);
    const groups = new Map<string, Row[]>();
    // Built-in kinds first, in their usual order, then codebook kinds as they come.
    for (const kind of KINDS) groups.set(kind, []);
    let annotations = 0;
    let suggestions = 0;
    for (const row of rows) {
      const d = row.suggestion?.detection;
      const texts = row.annotation
        ? [row.annotation.quote, row.annotation.label, row.annotation.note, row.annotation.speaker, ...(row.annotation.tags ?? [])]
        : d
          ? [d.text, labelOfDetection(d), d.kind === 'claim' ? d.speaker : undefined]
          : [row.suggestion?.text];
      if (!this.matches({ kind: row.kind, status: row.status, texts })) continue;
      const group = row.orphaned ? ORPHANED : row.kind;
      let list = groups.get(group);
      if (!list) groups.set(group, (list = []));
      list.push(row);
      if (isSuggestionRow(row)) suggestions++;
      else annotations++;
    }
    for (const [group, list] of groups) {
      if (list.length === 0) groups.delete(group);
      else list.sort((a, b) => a.start - b.start);
    }
    // The Orphaned group comes last.
    const orphans = groups.get(ORPHANED);
    if (orphans) {
      groups.delete(ORPHANED);
      groups.set(ORPHANED, orphans);
    }
    const counts = new Map<string, { annotations: number; suggestions: number }>();
    for (const [group, list] of groups) {
      const n = list.filter(isSuggestionRow).length;
      counts.set(group, { annotations: list.length - n, suggestions: n });
    }
    const shown: Shown = {
      groups,
      counts,
      annotations,
      suggestions,
      errors: doc.session ? doc.session.store.errors : (doc.stored?.errors ?? []),
      readError: doc.session ? undefined : doc.stored?.readError,
    };
    this.shown.set(doc, shown);
    return shown;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const uri = node.doc.uri;
    switch (node.type) {
      case 'file': {
        const s = this.show(node.doc);
        const item = new vscode.TreeItem(
          uri,
          node.doc.session ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
        );
        item.id = uri.toString();
        const problems = s.readError !== undefined ? 1 : s.errors.length;
        item.description = problems > 0 ? `sidecar has ${plural(problems, 'error')}` : countsText(s.annotations, s.suggestions);
        item.accessibilityInformation = {
          label: `${vscode.workspace.asRelativePath(uri)}: ${plural(s.annotations, 'annotation')}, ${plural(s.suggestions, 'suggestion')}${problems > 0 ? `; the sidecar has ${plural(problems, 'error')}` : ''}`,
        };
        item.tooltip = node.doc.session
          ? `${vscode.workspace.asRelativePath(uri)} (open)`
          : `${vscode.workspace.asRelativePath(uri)}: not open; annotations as stored in ${vscode.workspace.asRelativePath(node.doc.sidecar)}`;
        if (problems > 0) item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
        item.contextValue = node.doc.session ? 'file' : 'file.stored';
        return item;
      }
      case 'group': {
        const count = this.show(node.doc).counts.get(node.key) ?? { annotations: 0, suggestions: 0 };
        const item = new vscode.TreeItem(node.key === ORPHANED ? 'Orphaned' : node.key, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${uri.toString()}#${node.key === ORPHANED ? 'orphaned' : `kind:${node.key}`}`;
        item.description = countsText(count.annotations, count.suggestions);
        item.iconPath = new vscode.ThemeIcon(node.key === ORPHANED ? 'debug-disconnect' : (KIND_ICONS[node.key] ?? 'tag'));
        item.contextValue = 'group';
        return item;
      }
      case 'error': {
        const item = new vscode.TreeItem(excerpt(node.message, 100), vscode.TreeItemCollapsibleState.None);
        item.id = `${uri.toString()}#error:${node.index}`;
        item.description = node.error
          ? `${vscode.workspace.asRelativePath(node.doc.sidecar)}:${node.error.line}:${node.error.column}`
          : undefined;
        item.tooltip = `${node.message}\n\nMarginalia will not write this sidecar until it is fixed.`;
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
        item.contextValue = 'sidecarError';
        const at = node.error
          ? new vscode.Position(Math.max(0, node.error.line - 1), Math.max(0, node.error.column - 1))
          : new vscode.Position(0, 0);
        item.command = {
          command: 'vscode.open',
          title: 'Open Sidecar',
          arguments: [node.doc.sidecar, { selection: new vscode.Range(at, at) }],
        };
        return item;
      }
      case 'row':
        return isSuggestionRow(node.row) ? suggestionItem(uri, node.row, node.target) : annotationItem(uri, node.row, node.target);
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}

function sessionRows(session: DocumentSession): Row[] {
  const line = (offset: number): number => session.document.positionAt(offset).line + 1;
  const page = pagesOf(session.store.source, session.document.getText());
  const rows: Row[] = session.store.tracked
    // Stored suggestions come through session.suggestions, with the live ones.
    .filter((t) => t.annotation.status !== SUGGESTED || t.anchor.orphaned)
    .map((t) => ({
      kind: t.annotation.kind,
      status: t.annotation.status,
      orphaned: t.anchor.orphaned === true,
      start: t.anchor.start,
      ...(t.anchor.orphaned ? {} : { line: line(t.anchor.start), ...page(t.anchor.start) }),
      annotation: t.annotation,
    }));
  for (const s of session.suggestions) {
    const stored = s.storedId !== undefined ? session.store.find(s.storedId)?.annotation : undefined;
    rows.push({
      kind: s.kind,
      status: SUGGESTED,
      orphaned: false,
      start: s.start,
      line: line(s.start),
      ...page(s.start),
      suggestion: s,
      ...(stored ? { annotation: stored } : {}),
    });
  }
  return rows;
}

function storedRows(stored: StoredSidecar | undefined): Row[] {
  const page = pagesOf(stored?.pdfSource);
  return (stored?.annotations ?? []).map((a) => ({
    kind: a.kind,
    status: a.status,
    orphaned: a.orphaned === true,
    start: a.start,
    ...(a.orphaned === true ? {} : page(a.start)),
    annotation: a,
  }));
}

/**
 * "3 annotated · 12 suggested": what people decided and what the machine proposes, never
 * added together; short, as the default sidebar leaves little room beside a file name.
 */
function countsText(annotations: number, suggestions: number): string {
  const parts = [];
  if (annotations > 0 || suggestions === 0) parts.push(`${annotations} annotated`);
  if (suggestions > 0) parts.push(`${suggestions} suggested`);
  return parts.join(' · ');
}

function targetOf(uri: vscode.Uri, row: Row): CommandTarget {
  const s = row.suggestion;
  // An annotation (a stored suggestion too) is found by id, also after the document is opened from its sidecar.
  if (s && s.storedId === undefined) return { uri: uri.toString(), kind: s.kind, start: s.start, end: s.end };
  return { uri: uri.toString(), id: s?.storedId ?? (row.annotation as Annotation).id };
}

/** "L12 · commitment": short enough for the default sidebar; the status is the icon, the rest in the tooltip. */
function rowDescription(row: Row, label: string | undefined): string {
  return [row.line !== undefined ? `L${row.line}` : undefined, row.page === undefined ? undefined : shortPage(row.page), label]
    .filter(Boolean)
    .join(' · ');
}

/** ", line 12, page 2": where the row is, for tooltips and screen readers. */
function rowPlace(row: Row): string {
  return `${row.line !== undefined ? `, line ${row.line}` : ''}${row.page !== undefined ? `, ${row.page}` : ''}`;
}

function annotationItem(uri: vscode.Uri, row: Row, target: CommandTarget): vscode.TreeItem {
  const a = row.annotation as Annotation;
  const item = new vscode.TreeItem(excerpt(a.quote, 48), vscode.TreeItemCollapsibleState.None);
  item.id = `${uri.toString()}#a:${a.id}`;
  item.description = rowDescription(row, a.label);
  const who =
    a.origin === 'manual' ? `made by ${a.author ?? 'hand'}` : a.reviewer ? `reviewed by ${a.reviewer}` : 'suggested by Marginalia';
  item.tooltip = new vscode.MarkdownString().appendText(
    `${a.kind}${a.label ? `: ${a.label}` : ''} · ${a.status} · ${who}${rowPlace(row).replace(/, /g, ' · ')}\n\n${a.quote}${a.note ? `\n\nNote: ${a.note}` : ''}${a.tags?.length ? `\n\nTags: ${a.tags.join(', ')}` : ''}`,
  );
  item.iconPath = new vscode.ThemeIcon(a.status === 'open' ? (KIND_ICONS[a.kind] ?? 'tag') : statusIconId(a.status));
  item.accessibilityInformation = {
    label: `${a.kind} annotation, ${a.status}${a.label ? `, ${a.label}` : ''}${rowPlace(row)}: ${excerpt(a.quote, 120)}`,
  };
  item.contextValue = row.orphaned ? 'annotation.orphaned' : 'annotation';
  if (!row.orphaned) item.command = { command: 'marginalia.revealAnnotation', title: 'Reveal', arguments: [target] };
  return item;
}

function suggestionItem(uri: vscode.Uri, row: Row, target: CommandTarget): vscode.TreeItem {
  const s = row.suggestion;
  const text = s?.text ?? row.annotation?.quote ?? '';
  const label = s?.detection ? displayLabel(s.detection) : row.annotation?.label;
  const item = new vscode.TreeItem(excerpt(text, 48), vscode.TreeItemCollapsibleState.None);
  item.id = s && s.storedId === undefined ? `${uri.toString()}#s:${s.kind}:${s.start}:${s.end}` : `${uri.toString()}#a:${target.id ?? ''}`;
  item.description = rowDescription(row, label);
  item.tooltip = new vscode.MarkdownString().appendText(
    `Suggested ${row.kind}${label ? `: ${label}` : ''}${s?.storedId !== undefined || !s ? ' (stored by a scan)' : ''}, not reviewed yet${rowPlace(row).replace(/, /g, ' · ')}\n\n${text}`,
  );
  item.iconPath = new vscode.ThemeIcon('lightbulb');
  item.accessibilityInformation = {
    label: `${row.kind} suggestion${label ? `, ${label}` : ''}${rowPlace(row)}: ${excerpt(text, 120)}`,
  };
  item.contextValue = 'suggestion';
  item.command = { command: 'marginalia.revealAnnotation', title: 'Reveal', arguments: [target] };
  return item;
}
