// Marginalia: Add Source… — a PDF the researcher brings made a text source beside it
// (`report.pdf` → `report.pdf.txt`), or in the folder `marginalia.sources.folder` names,
// read in a worker (pdf.js stays out of the extension
// host), with its provenance and page map in the text's sidecar. Added again (a corrected
// PDF), the text is written again and its annotations are found again in it. Nothing is
// fetched; files go through workspace.fs, so it works wherever the files can be read.
import * as vscode from 'vscode';
import { relativePath } from '../../core/sidecar/evidence';
import { formatSidecarError } from '../../core/sidecar/format';
import { sidecarOfSource, SOURCE_TEXT_SUFFIX, type MadeSource } from '../../core/sources/pdfSource';
import { readSidecarWithSource } from '../../core/store/sidecarRead';
import type { SourceAnswer } from '../../worker/sourceProtocol';
import { registerCommand } from '../commands';
import { baseName, isMissing, readTextIfExists, sidecarUri, writeTextAtomically } from '../files';
import { startSourceWorker } from '../host/sourceWorker';
import { describeError } from '../log';
import { writeSidecar } from '../sidecarWriter';

export const ADD_SOURCE_COMMAND = 'marginalia.addSource';

const ANSWERS: ReadonlySet<unknown> = new Set<SourceAnswer['type']>(['page', 'log', 'made', 'refused', 'failed']);

/** What tests and other extensions may pass instead of picking files. */
export interface AddSourceRequest {
  files: vscode.Uri[];
  /** Leave the new text closed. */
  open?: boolean;
  /** Write the texts here instead of beside each original (else `marginalia.sources.folder`). */
  folder?: vscode.Uri;
}

export interface AddedSource {
  original: string;
  text: string;
  pages: number;
  /** Annotations found again in a text written again. */
  found?: { inPlace: number; bySimilarity: number; orphaned: number };
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Reads a PDF in the worker, reporting its pages as they are read. */
async function readInWorker(
  log: vscode.LogOutputChannel,
  extensionUri: vscode.Uri,
  bytes: Uint8Array,
  original: string,
  onPage: (page: number, of: number) => void,
): Promise<MadeSource> {
  const worker = await startSourceWorker(extensionUri);
  if (worker === undefined) throw new Error('PDFs cannot be read here: this host cannot start a worker');
  try {
    return await new Promise<MadeSource>((resolve, reject) => {
      worker.onError(reject);
      worker.onMessage((answer: SourceAnswer) => {
        // In a Web Worker, pdf.js's worker module also talks on the worker's channel ("ready"): not ours.
        if (!ANSWERS.has((answer as { type?: unknown }).type)) return;
        if (answer.type === 'page') onPage(answer.page, answer.of);
        else if (answer.type === 'log') log.debug(`PDF worker (${original}): ${answer.message}`);
        else if (answer.type === 'made') resolve(answer.made);
        else if (answer.type === 'refused') reject(new Error(`${original}: ${answer.reason}`));
        else reject(new Error(`${original} could not be read: ${answer.error}`));
      });
      worker.post({ type: 'read', bytes, original, today: today() });
    });
  } finally {
    worker.terminate();
  }
}

/** Whether a file exists (its text is not read); failures other than its absence propagate. */
async function isThere(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

/** The folder `marginalia.sources.folder` names for an original, or undefined for beside it. */
function settingFolder(original: vscode.Uri): vscode.Uri | undefined {
  const setting = vscode.workspace.getConfiguration('marginalia', original).get<string>('sources.folder', '').trim();
  if (setting === '') return undefined;
  // Relative to the workspace folder, so it means the same on every researcher's machine.
  if (/^(?:[\\/]|[A-Za-z]:)/.test(setting))
    throw new Error(`marginalia.sources.folder ("${setting}") must be a folder relative to the workspace folder, such as "texts"`);
  const root = vscode.workspace.getWorkspaceFolder(original)?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  if (root === undefined) throw new Error(`marginalia.sources.folder ("${setting}") needs a workspace folder to be relative to`);
  return vscode.Uri.joinPath(root, ...setting.split(/[\\/]+/).filter((p) => p !== '' && p !== '.'));
}

/** Adds one PDF; throws with a message for the user when it cannot, having written nothing. */
async function addOne(
  log: vscode.LogOutputChannel,
  extensionUri: vscode.Uri,
  pdf: vscode.Uri,
  folder: vscode.Uri | undefined,
  progress: vscode.Progress<{ message?: string }>,
): Promise<AddedSource & { uri: vscode.Uri }> {
  const name = baseName(pdf);
  if (folder !== undefined && (folder.scheme !== pdf.scheme || folder.authority !== pdf.authority))
    throw new Error(`${name} and the folder ${folder.toString()} are not on the same file system: the text could not name its original`);
  const textUri = vscode.Uri.joinPath(folder ?? vscode.Uri.joinPath(pdf, '..'), `${name}${SOURCE_TEXT_SUFFIX}`);
  // What the sidecar calls the original: a path relative to the text's folder.
  const original = folder === undefined ? name : relativePath(folder.path, pdf.path);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === textUri.toString());
  if (open?.isDirty) throw new Error(`${baseName(textUri)} has unsaved changes: save or revert them, then add ${name} again`);
  progress.report({ message: name });
  const bytes = await vscode.workspace.fs.readFile(pdf);
  const made = await readInWorker(log, extensionUri, bytes, original, (page, of) => {
    progress.report({ message: `${name}: page ${page} of ${of}` });
  });
  const sidecar = sidecarUri(textUri);
  const yaml = await readTextIfExists(sidecar);
  // An existing sidecar is read against the new text first: its annotations are found
  // again, and a sidecar that does not validate stops everything before a byte is written.
  const reading = yaml === undefined ? undefined : readSidecarWithSource(yaml, baseName(sidecar), made.text, baseName(textUri));
  if (reading && (reading.sidecar === undefined || reading.errors.length > 0))
    throw new Error(
      `${baseName(sidecar)} does not validate (${reading.errors.map(formatSidecarError).join('; ')}): fix it, then add ${name} again; nothing was written`,
    );
  // A text of that name made from another original, or not by Add Source, is never written over.
  const madeFrom = reading?.sidecar?.source.original;
  if (madeFrom !== undefined && madeFrom !== original)
    throw new Error(
      `${vscode.workspace.asRelativePath(textUri)} was made from ${madeFrom}, not ${original}: move one of them, then add ${name} again; nothing was written`,
    );
  if (madeFrom === undefined && (await isThere(textUri)))
    throw new Error(
      `${vscode.workspace.asRelativePath(textUri)} exists and was not made by Add Source: rename or remove it, then add ${name} again; nothing was written`,
    );
  if (folder !== undefined) await vscode.workspace.fs.createDirectory(folder);
  const wanted = sidecarOfSource(reading?.sidecar, baseName(textUri), made);
  await writeTextAtomically(textUri, made.text);
  const { plan } = await writeSidecar(sidecar, { lastRead: yaml, wanted, sourceText: made.text });
  if (plan.action === 'refused') throw new Error(`${baseName(textUri)} was written, its sidecar was not: ${plan.reason}`);
  const counts = reading?.reconciled?.counts;
  log.info(`Add Source: ${vscode.workspace.asRelativePath(pdf)} → ${baseName(textUri)}, ${made.pageCount} pages`);
  return {
    uri: textUri,
    original: vscode.workspace.asRelativePath(pdf),
    text: vscode.workspace.asRelativePath(textUri),
    pages: made.pageCount,
    ...(counts === undefined
      ? {}
      : { found: { inPlace: counts.unchanged + counts.moved, bySimilarity: counts.fuzzy, orphaned: counts.orphaned } }),
  };
}

function isRequest(value: unknown): value is AddSourceRequest {
  return typeof value === 'object' && value !== null && Array.isArray((value as { files?: unknown }).files);
}

export function registerAddSource(log: vscode.LogOutputChannel, extensionUri: vscode.Uri): vscode.Disposable {
  return registerCommand(log, ADD_SOURCE_COMMAND, async (arg?: unknown) => {
    const request = isRequest(arg) ? arg : undefined;
    const explorer = arg instanceof vscode.Uri ? [arg] : undefined;
    const files =
      request?.files ??
      explorer ??
      (await vscode.window.showOpenDialog({
        title: 'Marginalia: Add Source',
        openLabel: 'Add as Source',
        canSelectMany: true,
        filters: { 'PDFs and saved web pages': ['pdf', 'html', 'htm', 'xhtml'] },
        ...(vscode.workspace.workspaceFolders?.[0] ? { defaultUri: vscode.workspace.workspaceFolders[0].uri } : {}),
      }));
    if (!files || files.length === 0) return [];
    const added: (AddedSource & { uri: vscode.Uri })[] = [];
    const failed: string[] = [];
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Marginalia: adding' }, async (progress) => {
      for (const pdf of files) {
        try {
          added.push(await addOne(log, extensionUri, pdf, request?.folder ?? settingFolder(pdf), progress));
        } catch (error) {
          log.error(`Add Source: ${vscode.workspace.asRelativePath(pdf)}: ${describeError(error)}`);
          failed.push(error instanceof Error ? error.message : String(error));
        }
      }
    });
    for (const message of failed) void vscode.window.showErrorMessage(`Marginalia: ${message}`);
    const last = added[added.length - 1];
    if (last && request?.open !== false) await vscode.window.showTextDocument(last.uri, { preview: false });
    if (added.length > 0) {
      const found = added.flatMap((a) =>
        a.found
          ? [
              `${a.found.inPlace + a.found.bySimilarity} annotations found again${a.found.orphaned > 0 ? `, ${a.found.orphaned} not found` : ''}`,
            ]
          : [],
      );
      void vscode.window.showInformationMessage(
        `Marginalia: added ${added.map((a) => (a.pages > 0 ? `${a.original} (${a.pages} page${a.pages === 1 ? '' : 's'})` : a.original)).join(', ')}${found.length > 0 ? `; ${found.join('; ')}` : ''}.`,
      );
    }
    return added.map(({ uri: _uri, ...rest }) => rest);
  });
}
