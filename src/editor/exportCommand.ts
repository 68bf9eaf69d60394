// `Marginalia: Export Annotations…`: pick a format, a scope (this file, the workspace, a
// folder) and where to save; the export itself is core's. Open documents are exported as
// the editor holds them (unsaved edits and their moved annotations included); the others
// from their sidecar on disk, re-anchored in memory when the source changed.

import * as vscode from 'vscode';
import { builtinCatalog } from '../core/catalog/builtin';
import { FORMATS, formatInfo, runExport } from '../core/export';
import { titlesFrom } from '../core/export/markdown';
import { checkedOriginal, originalPdfPath } from '../core/export/originals';
import type { ExportDocument, ExportFormat, ExportResult } from '../core/export/types';
import { formatSidecarError, FORMAT_VERSION, SIDECAR_SUFFIX } from '../core/sidecar/format';
import { readSidecarWithSource } from '../core/store/sidecarRead';
import { OffsetMap } from '../core/text/offsets';
import { registerCommand } from './commands';
import { baseName, readSourceText, readTextIfExists, sidecarUri, sourceOfSidecar } from './files';
import type { SessionRegistry } from './session';

export const EXPORT_COMMAND = 'marginalia.exportAnnotations';

/** Arguments that skip the pickers: for keybindings, tasks and tests. */
export interface ExportRequest {
  format: ExportFormat;
  /** A file (its annotations) or a folder (every sidecar below it). */
  scope: vscode.Uri;
  /** The file to write, or the folder for brat. */
  target: vscode.Uri;
  /** Also export suggestions no one has reviewed (marked as such); reviewed annotations only by default. */
  includeSuggestions?: boolean;
  includeDismissed?: boolean;
  bom?: boolean;
}

export interface ExportSummary {
  /** Annotations exported, suggestions included when asked for. */
  count: number;
  /** How many of `count` are unreviewed suggestions. */
  suggestions: number;
  /** Unreviewed suggestions left out (not asked for). */
  suggestionsLeftOut: number;
  documents: number;
  skipped: number;
  problems: string[];
  /** REFI-QDA: texts made from a PDF exported without it (the PDF is gone or changed), and why. */
  withoutOriginal: string[];
  written: string[];
}

function isExportRequest(v: unknown): v is ExportRequest {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return typeof r['format'] === 'string' && r['scope'] instanceof vscode.Uri && r['target'] instanceof vscode.Uri;
}

async function pickRequest(): Promise<ExportRequest | undefined> {
  const format = await vscode.window.showQuickPick(
    FORMATS.map((f) => ({ label: f.label, description: f.description, id: f.id })),
    { title: 'Export Annotations (1/4): format', placeHolder: 'Format to export to' },
  );
  if (!format) return undefined;
  const active = vscode.window.activeTextEditor?.document.uri;
  const folders = vscode.workspace.workspaceFolders ?? [];
  const scopes: (vscode.QuickPickItem & { uri?: vscode.Uri; pickFolder?: true })[] = [];
  if (active && active.scheme !== 'untitled')
    scopes.push({ label: '$(file) This file', description: vscode.workspace.asRelativePath(active), uri: active });
  for (const f of folders)
    scopes.push({
      label: `$(root-folder) ${folders.length > 1 ? f.name : 'The whole workspace'}`,
      description: 'every annotated file',
      uri: f.uri,
    });
  scopes.push({ label: '$(folder) A folder…', pickFolder: true });
  const scope = await vscode.window.showQuickPick(scopes, { title: 'Export Annotations (2/4): what to export' });
  if (!scope) return undefined;
  let scopeUri = scope.uri;
  if (scope.pickFolder) {
    const picked = await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      title: 'Folder to export',
      ...(folders[0] ? { defaultUri: folders[0].uri } : {}),
    });
    scopeUri = picked?.[0];
  }
  if (!scopeUri) return undefined;
  const info = formatInfo(format.id);
  if (!info) return undefined;
  const options = await pickOptions(info.id);
  if (!options) return undefined;
  const base = exportFolder(folders[0]?.uri ?? scopeUri);
  const stem = folders.length > 0 ? `${vscode.workspace.name ?? 'annotations'}-annotations` : 'annotations';
  let target: vscode.Uri | undefined;
  if (info.singleFile) {
    target = await vscode.window.showSaveDialog({
      title: 'Export Annotations (4/4): save as',
      defaultUri: vscode.Uri.joinPath(base, `${stem}${info.extension}`),
      filters: { [info.label]: [info.extension.slice(1)] },
    });
  } else {
    const picked = await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      canSelectMany: false,
      openLabel: 'Export here',
      title: 'Export Annotations (4/4): folder for the brat files (outside the documents you annotate)',
      defaultUri: base,
    });
    target = picked?.[0];
  }
  return target ? { format: info.id, scope: scopeUri, target, ...options } : undefined;
}

/**
 * Where exports are proposed: beside the workspace folder on a local disk, so an export
 * never lands among the documents Scan Workspace reads (an export saved inside anyway is
 * recognised and skipped); inside it elsewhere (vscode.dev has nothing beside it).
 */
function exportFolder(folder: vscode.Uri): vscode.Uri {
  if (folder.scheme !== 'file') return folder;
  const parent = folder.path.slice(0, folder.path.lastIndexOf('/'));
  return parent === '' ? folder : folder.with({ path: parent });
}

type Options = Pick<ExportRequest, 'includeSuggestions' | 'includeDismissed' | 'bom'>;

/** The export's options; by default reviewed annotations only. */
async function pickOptions(format: ExportFormat): Promise<Options | undefined> {
  type Item = vscode.QuickPickItem & { key: keyof Options };
  const items: Item[] = [
    {
      key: 'includeSuggestions',
      label: 'Include suggestions not reviewed yet',
      description: 'marked as unreviewed machine suggestions; left out by default',
    },
    { key: 'includeDismissed', label: 'Include dismissed suggestions', description: 'what you rejected, marked dismissed' },
  ];
  if (format === 'csv')
    items.push({
      key: 'bom',
      label: 'Start with a byte-order mark',
      description: 'so Excel reads accents and emoji correctly',
      picked: true,
    });
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Export Annotations (3/4): options',
    canPickMany: true,
    ignoreFocusOut: true,
    placeHolder: 'Reviewed annotations are always exported; tick what else to include, then press Enter',
  });
  if (!picked) return undefined;
  const options: Options = {};
  for (const p of picked) options[p.key] = true;
  return options;
}

/** The `/`-separated path of `uri` below `folder`, or undefined when it is not below it. */
function below(folder: vscode.Uri, uri: vscode.Uri): string | undefined {
  const prefix = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  const same = uri.scheme === folder.scheme && uri.authority === folder.authority;
  return same && uri.path.startsWith(prefix) ? uri.path.slice(prefix.length) : undefined;
}

/** Where a document sits relative to the scope folder, `/`-separated. */
function relativePath(scope: vscode.Uri, scopeIsFile: boolean, uri: vscode.Uri): string {
  if (scopeIsFile) return baseName(uri);
  return below(scope, uri) ?? vscode.workspace.asRelativePath(uri, false);
}

async function loadDocument(
  source: vscode.Uri,
  sidecar: vscode.Uri,
  path: string,
  sessions: SessionRegistry,
): Promise<ExportDocument | string | undefined> {
  // An open document is exported as the editor holds it, unsaved edits included; compare
  // paths rather than URI strings, which may differ in how they are encoded.
  const open = vscode.workspace.textDocuments.find(
    (d) => d.uri.scheme === source.scheme && d.uri.authority === source.authority && d.uri.path === source.path,
  );
  const session = open ? await sessions.ready(open) : undefined;
  if (open?.isDirty && !session)
    return `${vscode.workspace.asRelativePath(source)}: has unsaved changes but is not a document Marginalia annotates; save it first`;
  if (session) {
    const text = session.document.getText();
    const annotations = session.store.current(new OffsetMap(text));
    // The store's source block: the date and, for a text made by Add Source, its provenance (pages, original…).
    return {
      path,
      uri: source.toString(),
      text,
      sidecar: { marginalia: FORMAT_VERSION, source: { ...session.store.source, file: baseName(source) }, annotations },
    };
  }
  const yaml = await readTextIfExists(sidecar);
  if (yaml === undefined) return undefined;
  const text = await readSourceText(source);
  // The one reading step: offsets past the end of a source that changed since are re-anchored, not errors.
  const read = readSidecarWithSource(yaml, vscode.workspace.asRelativePath(sidecar), text, baseName(source));
  if (!read.sidecar || read.errors.length > 0) {
    return read.errors.map(formatSidecarError).join('\n') || `${vscode.workspace.asRelativePath(sidecar)}: cannot be read`;
  }
  return { path, uri: source.toString(), text, sidecar: read.sidecar };
}

/** Sidecars in scope, and those of open documents in scope whose sidecar is not written yet. */
async function sidecarsIn(scope: vscode.Uri, isFile: boolean, sessions: SessionRegistry): Promise<vscode.Uri[]> {
  if (isFile) return [sidecarUri(scope)];
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(scope, `**/*${SIDECAR_SUFFIX}`));
  const open = sessions
    .all()
    .map((s) => s.document.uri)
    .filter((u) => below(scope, u) !== undefined)
    .map(sidecarUri);
  const unique = new Map([...found, ...open].map((u) => [u.toString(), u]));
  return [...unique.values()].sort((a, b) => a.path.localeCompare(b.path));
}

async function writeResult(request: ExportRequest, result: ExportResult, singleFile: boolean): Promise<string[]> {
  const encoder = new TextEncoder();
  const written: string[] = [];
  for (const file of result.files) {
    const target = singleFile ? request.target : vscode.Uri.joinPath(request.target, ...file.path.split('/'));
    const bytes = typeof file.contents === 'string' ? encoder.encode(file.contents) : file.contents;
    await vscode.workspace.fs.writeFile(target, bytes);
    written.push(target.toString(true));
  }
  return written;
}

export async function exportAnnotations(
  request: ExportRequest,
  sessions: SessionRegistry,
  log: vscode.LogOutputChannel,
): Promise<ExportSummary | undefined> {
  const info = formatInfo(request.format);
  if (!info) throw new Error(`unknown export format '${request.format}'`);
  const stat = await vscode.workspace.fs.stat(request.scope);
  const isFile = (stat.type & vscode.FileType.File) !== 0;
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Marginalia: exporting to ${info.label}`, cancellable: true },
    async (progress, token) => {
      const sidecars = await sidecarsIn(request.scope, isFile, sessions);
      const documents: ExportDocument[] = [];
      const problems: string[] = [];
      for (const sidecar of sidecars) {
        if (token.isCancellationRequested) {
          log.info('Export cancelled; nothing written');
          return undefined;
        }
        const source = sourceOfSidecar(sidecar);
        if (!source) continue;
        progress.report({ message: vscode.workspace.asRelativePath(source), increment: 90 / Math.max(1, sidecars.length) });
        try {
          const doc = await loadDocument(source, sidecar, relativePath(request.scope, isFile, source), sessions);
          if (typeof doc === 'string') problems.push(doc);
          else if (doc) documents.push(doc);
        } catch (error) {
          problems.push(`${vscode.workspace.asRelativePath(source)}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      const withoutOriginal = request.format === 'refi-qda' ? await attachOriginalPdfs(documents) : [];
      // W3C sources are the documents' paths resolved against the folder they are relative to.
      const folder = isFile ? vscode.Uri.joinPath(request.scope, '..') : request.scope;
      const baseUri = folder.toString().endsWith('/') ? folder.toString() : `${folder.toString()}/`;
      const result = runExport(request.format, documents, {
        now: new Date().toISOString(),
        controlTitle: titlesFrom(builtinCatalog()),
        baseUri,
        ...(request.includeSuggestions ? { includeSuggestions: true } : {}),
        ...(request.includeDismissed ? { includeDismissed: true } : {}),
        ...(request.bom ? { bom: true } : {}),
        title: vscode.workspace.name ?? 'Marginalia annotations',
        entities: sessions.entities,
      });
      const written = await writeResult(request, result, info.singleFile);
      for (const p of [...problems, ...withoutOriginal]) log.warn(`Export: ${p}`);
      for (const s of result.skipped) log.warn(`Export: ${s.path}: annotation ${s.id} not exported: ${s.reason}`);
      log.info(
        `Exported ${result.count - result.suggestions} reviewed annotations and ${result.suggestions} unreviewed suggestions from ${documents.length} documents to ${request.target.toString(true)} (${info.label}); ${result.suggestionsLeftOut} suggestions left out`,
      );
      return {
        count: result.count,
        suggestions: result.suggestions,
        suggestionsLeftOut: result.suggestionsLeftOut,
        documents: documents.length,
        skipped: result.skipped.length,
        problems,
        withoutOriginal,
        written,
      };
    },
  );
}

async function tellUser(summary: ExportSummary, request: ExportRequest, log: vscode.LogOutputChannel): Promise<void> {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const reviewed = summary.count - summary.suggestions;
  // Reviewed annotations and machine suggestions are never counted together.
  const what = `Exported ${plural(reviewed, 'reviewed annotation')}${summary.suggestions > 0 ? ` and ${plural(summary.suggestions, 'unreviewed suggestion')} (marked as such)` : ''} from ${plural(summary.documents, 'document')}${summary.suggestionsLeftOut > 0 ? `; ${plural(summary.suggestionsLeftOut, 'unreviewed suggestion')} left out` : ''}`;
  const left = summary.skipped + summary.problems.length;
  const textOnly =
    summary.withoutOriginal.length > 0 ? `; ${plural(summary.withoutOriginal.length, 'text')} made from a PDF exported without it` : '';
  // The edition is for reading in a browser, where it is laid out; on a local disk the system browser opens it.
  const browse = request.format === 'edition' && request.target.scheme === 'file';
  const actions = [
    'Show Log',
    ...(browse ? ['Open in Browser'] : []),
    ...(formatInfo(request.format)?.singleFile && request.format !== 'refi-qda' ? ['Open'] : []),
  ];
  const pick =
    left > 0
      ? await vscode.window.showWarningMessage(`${what}${textOnly}; ${left} could not be exported (see the log).`, ...actions)
      : textOnly !== ''
        ? await vscode.window.showWarningMessage(`${what}${textOnly} (see the log).`, ...actions)
        : await vscode.window.showInformationMessage(`${what}.`, ...actions);
  if (pick === 'Show Log') log.show(true);
  if (pick === 'Open') await vscode.window.showTextDocument(request.target);
  if (pick === 'Open in Browser') await vscode.env.openExternal(request.target);
}

export function registerExportCommand(log: vscode.LogOutputChannel, sessions: SessionRegistry): vscode.Disposable {
  return registerCommand(log, EXPORT_COMMAND, async (arg?: unknown) => {
    const request = isExportRequest(arg) ? arg : await pickRequest();
    if (!request) return undefined;
    const summary = await exportAnnotations(request, sessions, log);
    // A request passed as an argument comes from a script or a test: answer it, do not pop up.
    if (summary && !isExportRequest(arg)) await tellUser(summary, request, log);
    return summary;
  });
}

/** Gives each document made from a PDF the PDF's bytes (REFI-QDA carries it); why not, for those it cannot. */
async function attachOriginalPdfs(documents: ExportDocument[]): Promise<string[]> {
  const problems: string[] = [];
  for (const doc of documents) {
    const original = originalPdfPath(doc.sidecar.source);
    if (original === undefined || doc.uri === undefined) continue;
    const uri = vscode.Uri.joinPath(vscode.Uri.parse(doc.uri), '..', ...original.split('/'));
    const bytes = await vscode.workspace.fs.readFile(uri).then(
      (b) => b,
      () => undefined,
    );
    const checked = checkedOriginal(doc.sidecar.source, bytes);
    if (typeof checked === 'string') problems.push(`${doc.path}: ${checked}`);
    else doc.originalPdf = checked;
  }
  return problems;
}
