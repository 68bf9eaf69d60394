import * as vscode from 'vscode';
import { DocumentDetector } from '../core/detect';
import { FORMAT_VERSION, formatSidecarError, type Sidecar } from '../core/sidecar/format';
import { parseSidecar } from '../core/sidecar/read';
import { sha256Hex } from '../core/sidecar/sha256';
import { serializeSidecar, updateSidecarText } from '../core/sidecar/write';
import { emptySidecar, mergeDetections } from '../core/store/sync';
import { OffsetMap } from '../core/text/offsets';
import { registerCommand } from './commands';
import { findDocuments } from './documentFiles';
import { baseName, readSourceText, readTextIfExists, sidecarUri, writeTextAtomically } from './files';
import { describeError } from './log';
import type { DocumentSession, SessionRegistry } from './session';
import { readSettings } from './settings';

export const SCAN_COMMANDS = {
  workspace: 'marginalia.scanWorkspace',
  /** The same, from the Explorer's context menu on a folder: its title names what it does there. */
  folder: 'marginalia.scanFolder',
} as const;

export interface ScanSummary {
  /** Files found that match the settings. */
  found: number;
  /** Files detected and merged into their sidecars (whether or not anything was new). */
  scanned: number;
  /** Annotations added, over all files. */
  added: number;
  /** Files that got at least one new annotation. */
  filesWithNew: number;
  /** Too large, unreadable, or with a sidecar that does not validate: each logged with why. */
  skipped: number;
  /** The user (or the caller's token) stopped the scan; the files done so far stay written. */
  cancelled: boolean;
}

type Outcome = { added: number; alreadyThere: number; wrote: boolean } | { skipped: string };

/**
 * `Marginalia: Scan Workspace`: the detectors over every document of the workspace that
 * the settings cover (languages, kinds, maxFileSizeMB), the findings stored as open
 * annotations in each document's sidecar with the semantics of the CLI's
 * `detect --write`: what an annotation already covers is not added again, whatever its
 * status, so dismissed suggestions stay dismissed. An open document goes through its
 * session, so the editor and the file never disagree. Arguments: a folder or file URI
 * (the Explorer's context menu) narrows the scan; `{ within?, token? }` also lets a
 * caller cancel it.
 */
export function registerScanCommand(log: vscode.LogOutputChannel, sessions: SessionRegistry): vscode.Disposable {
  const run = async (arg: unknown): Promise<ScanSummary> => {
    const { within, token } = scanArguments(arg);
    const where = within ? vscode.workspace.asRelativePath(within) : 'workspace';
    const summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Marginalia: scanning ${where}`, cancellable: true },
      (progress, userToken) => scan(log, sessions, within, progress, { get isCancellationRequested() { return userToken.isCancellationRequested || token?.isCancellationRequested === true; } }),
    );
    const message = summaryText(summary);
    log.info(message);
    // Not awaited: the message stays until dismissed, and the command's result should not wait for that.
    void vscode.window.showInformationMessage(`Marginalia: ${message}`, 'Show Log').then((choice) => { if (choice) log.show(true); });
    return summary;
  };
  return vscode.Disposable.from(registerCommand(log, SCAN_COMMANDS.workspace, run), registerCommand(log, SCAN_COMMANDS.folder, run));
}

function scanArguments(arg: unknown): { within?: vscode.Uri; token?: vscode.CancellationToken } {
  if (arg === undefined) return {};
  if (arg instanceof vscode.Uri) return { within: arg };
  if (typeof arg === 'object' && arg !== null) {
    const { within, token } = arg as { within?: unknown; token?: unknown };
    // Not reading isCancellationRequested here: it may be a getter, asked once per file.
    const isToken = (t: unknown): t is vscode.CancellationToken => typeof t === 'object' && t !== null && 'isCancellationRequested' in t && typeof (t as { onCancellationRequested?: unknown }).onCancellationRequested === 'function';
    if ((within === undefined || within instanceof vscode.Uri) && (token === undefined || isToken(token))) {
      return { ...(within ? { within } : {}), ...(token ? { token } : {}) };
    }
  }
  throw new TypeError(`${SCAN_COMMANDS.workspace} takes a folder or file URI, or { within?: Uri, token?: CancellationToken }`);
}

export function summaryText(s: ScanSummary): string {
  const files = (n: number): string => `${n} file${n === 1 ? '' : 's'}`;
  const text = `Scanned ${files(s.scanned)}: ${s.added} new suggestion${s.added === 1 ? '' : 's'} in ${files(s.filesWithNew)}; ${s.skipped} skipped`;
  const left = s.found - s.scanned - s.skipped;
  return s.cancelled ? `${text}. Cancelled: ${files(left)} not scanned.` : `${text}.`;
}

async function scan(
  log: vscode.LogOutputChannel,
  sessions: SessionRegistry,
  within: vscode.Uri | undefined,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: { readonly isCancellationRequested: boolean },
): Promise<ScanSummary> {
  const started = Date.now();
  progress.report({ message: 'finding documents…' });
  const listing = new vscode.CancellationTokenSource();
  const files = await findDocuments((folder) => readSettings(folder).languages, within, listing.token).finally(() => { listing.dispose(); });
  const summary: ScanSummary = { found: files.length, scanned: 0, added: 0, filesWithNew: 0, skipped: 0, cancelled: false };
  log.info(`Scan: ${files.length} document(s) in ${within ? vscode.workspace.asRelativePath(within) : 'the workspace'}.`);
  for (const { uri, languageId } of files) {
    if (token.isCancellationRequested) {
      summary.cancelled = true;
      break;
    }
    const name = vscode.workspace.asRelativePath(uri);
    progress.report({ message: name, increment: 100 / files.length });
    let outcome: Outcome;
    try {
      const session = sessions.get(uri);
      outcome = session ? await scanOpen(sessions, session) : await scanOnDisk(uri, languageId, sessions);
    } catch (error) {
      log.error(`Scan: ${name}: ${describeError(error)}`);
      outcome = { skipped: error instanceof Error ? error.message : String(error) };
    }
    if ('skipped' in outcome) {
      summary.skipped++;
      log.warn(`Scan: skipped ${name}: ${outcome.skipped}`);
    } else {
      summary.scanned++;
      summary.added += outcome.added;
      if (outcome.added > 0) summary.filesWithNew++;
      log.debug(`Scan: ${name}: ${outcome.added} added, ${outcome.alreadyThere} already there${outcome.wrote ? '' : '; nothing to write'}`);
    }
    // Detection is synchronous: let the progress, the Cancel button and the views through between files.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  log.info(`Scan finished in ${Date.now() - started} ms.`);
  return summary;
}

/** An open document: through its session, so the editor shows the new annotations and writes them itself. */
async function scanOpen(sessions: SessionRegistry, open: DocumentSession): Promise<Outcome> {
  const session = (await sessions.ready(open.document)) ?? open;
  if (session.skippedReason) return { skipped: session.skippedReason };
  if (!session.store.writable) return { skipped: `${vscode.workspace.asRelativePath(session.store.sidecar)} has errors (see Problems); fix it and scan again` };
  const text = session.document.getText();
  const sha256 = sha256Hex(text);
  // The session's annotations as they are now, against the text as it is now: nothing to re-anchor.
  const current: Sidecar = { marginalia: FORMAT_VERSION, source: { file: baseName(session.document.uri), sha256 }, annotations: session.store.current(new OffsetMap(text)) };
  const merged = mergeDetections(current, session.detections, text, { sha256 });
  if (merged.added.length === 0) return { added: 0, alreadyThere: merged.alreadyAnnotated, wrote: false };
  for (const annotation of merged.added) session.store.addManual(annotation);
  await sessions.commit(session);
  return { added: merged.added.length, alreadyThere: merged.alreadyAnnotated, wrote: true };
}

/** A document that is not open: read, detect, merge and write its sidecar without opening it. */
async function scanOnDisk(uri: vscode.Uri, languageId: string, sessions: SessionRegistry): Promise<Outcome> {
  const settings = readSettings({ uri, languageId });
  const limit = settings.maxFileSizeMB * 1024 * 1024;
  const { size } = await vscode.workspace.fs.stat(uri);
  if (size > limit) return { skipped: `larger than marginalia.maxFileSizeMB (${settings.maxFileSizeMB} MB)` };
  const text = await readSourceText(uri);
  const sidecar = sidecarUri(uri);
  const name = vscode.workspace.asRelativePath(sidecar);
  const yaml = await readTextIfExists(sidecar);
  const sha256 = sha256Hex(text);
  let base = emptySidecar(baseName(uri));
  if (yaml !== undefined) {
    let parsed = parseSidecar(yaml, name, text);
    // Offsets saved against an older text may lie past the end of this one: that is what re-anchoring is for, not an error.
    const recorded = parsed.sidecar?.source.sha256;
    if (parsed.errors.length > 0 && recorded !== undefined && recorded !== sha256) parsed = parseSidecar(yaml, name);
    if (!parsed.sidecar || parsed.errors.length > 0) {
      const first = parsed.errors[0];
      return { skipped: `${name} does not validate${first ? ` (${formatSidecarError(first)})` : ''}; left as it is, fix it and scan again` };
    }
    base = parsed.sidecar;
  }
  const published = base.source.published;
  const detections = new DocumentDetector(sessions.controlMatcher).detect(text, { kinds: settings.kinds, ...(published ? { referenceDate: published } : {}) });
  // No `created`, as in `detect --write`: the same scan on two machines writes the same text, which git merges.
  const merged = mergeDetections(base, detections, text, { sha256 });
  const result = { added: merged.added.length, alreadyThere: merged.alreadyAnnotated };
  // Re-anchoring alone (the source changed) is written too, as the CLI does; an empty new sidecar is not.
  if (!merged.changed || (yaml === undefined && merged.added.length === 0)) return { ...result, wrote: false };
  const out = yaml === undefined ? serializeSidecar(merged.sidecar) : updateSidecarText(yaml, merged.sidecar);
  if (out === yaml) return { ...result, wrote: false };
  const check = parseSidecar(out, name, text);
  if (check.errors.length > 0) throw new Error(`refusing to write ${name}: it would not validate (${check.errors.map(formatSidecarError).join('; ')})`);
  // Someone (a colleague's sync, the user in another editor) saved it while this file was detected.
  if ((await readTextIfExists(sidecar)) !== yaml) return { skipped: `${name} changed on disk during the scan; left as it is, scan again` };
  await writeTextAtomically(sidecar, out);
  return { ...result, wrote: true };
}
