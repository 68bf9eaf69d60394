import * as vscode from 'vscode';
import { DocumentDetector } from '../core/detect';
import { meetsSensitivity } from '../core/detect/sensitivity';
import type { Detection } from '../core/model';
import type { Catalog } from '../core/catalog/types';
import type { Entity } from '../core/entities/types';
import { builtinMatcher } from '../core/detect';
import { scanMerge, scanText, type ScanInput, type ScanTextResult } from '../core/scan/scanText';
import type { ControlMatcher } from '../core/detect/controls';
import { FORMAT_VERSION, type Sidecar } from '../core/sidecar/format';
import { sha256Hex } from '../core/sidecar/sha256';
import { preannotate } from '../core/store/preannotate';
import { OffsetMap } from '../core/text/offsets';
import { availableThreads, startScanPool } from './host/scanPool';
import type { WorkerPool } from './workerPool';
import { registerCommand } from './commands';
import { findDocuments } from './documentFiles';
import { baseName, readSourceText, readTextIfExists, sidecarUri } from './files';
import { whyOwnOutput } from './ownOutput';
import { writePlannedSidecar } from './sidecarWriter';
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
 * the settings cover (languages, kinds, claim sensitivity, maxFileSizeMB), the findings
 * stored in each document's sidecar as suggestions (`status: suggested`), which stay
 * machine output until a person accepts them. It is the CLI's `detect --write` (the same
 * core step, so the same inputs give the same file): what an annotation already covers is
 * not added again, whatever its status, so dismissed suggestions stay dismissed. An open
 * document goes through its session (and the scan can be undone there). Marginalia's own
 * exports are skipped. Run by a person, it first says what it will write and asks.
 * Arguments: a folder or file URI (the Explorer's context menu) narrows the scan;
 * `{ within?, token?, threads? }` also lets a caller cancel it and choose how many workers
 * it uses (0: none, all in the extension host), and does not ask.
 *
 * Documents that are not open are detected in workers (worker threads in the Node
 * extension host, Web Workers in the web one; host/scanPool.ts), one per core, running the
 * same core step (core/scan/scanText.ts) as the extension host would: the output is the
 * same byte for byte. Reading and writing files stays here.
 */
export function registerScanCommand(
  log: vscode.LogOutputChannel,
  sessions: SessionRegistry,
  extensionUri: vscode.Uri,
  workspaceCatalog: () => Catalog,
  workspaceEntities: () => readonly Entity[],
): vscode.Disposable {
  const run = async (arg: unknown): Promise<ScanSummary | undefined> => {
    const { within, token, ask, threads } = scanArguments(arg);
    const where = within ? vscode.workspace.asRelativePath(within) : 'the workspace';
    const listing = new vscode.CancellationTokenSource();
    const files = await findDocuments((folder) => readSettings(folder).languages, within, listing.token).finally(() => {
      listing.dispose();
    });
    if (files.length === 0) {
      void vscode.window.showInformationMessage(
        `Marginalia: no documents to scan in ${where} (languages: ${readSettings(within).languages.join(', ')}).`,
      );
      return { found: 0, scanned: 0, added: 0, filesWithNew: 0, skipped: 0, cancelled: false };
    }
    if (ask) {
      const go = 'Scan and Store Suggestions';
      const answer = await vscode.window.showInformationMessage(
        `Scan ${files.length} document${files.length === 1 ? '' : 's'} in ${where}?`,
        {
          modal: true,
          detail: `Marginalia stores what it finds in each document's sidecar (NAME.EXT.annotations.yaml), creating it where there is none. They are stored as suggestions: nothing counts as an annotation, or is exported as one, until you accept it. Dismissed suggestions stay dismissed.`,
        },
        go,
      );
      if (answer !== go) return undefined;
    }
    const summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Marginalia: scanning ${where}`, cancellable: true },
      (progress, userToken) =>
        scan(
          log,
          sessions,
          files,
          within,
          progress,
          {
            get isCancellationRequested() {
              return userToken.isCancellationRequested || token?.isCancellationRequested === true;
            },
          },
          // The built-in catalog when no workspace catalog adds to it (the workers have it compiled in).
          {
            extensionUri,
            catalog: sessions.controlMatcher === undefined ? undefined : workspaceCatalog(),
            entities: workspaceEntities(),
            threads: threads ?? availableThreads(),
          },
        ),
    );
    const message = summaryText(summary);
    log.info(message);
    // Not awaited: the message stays until dismissed, and the command's result should not wait for that.
    void vscode.window.showInformationMessage(`Marginalia: ${message}`, 'Show Log').then((choice) => {
      if (choice) log.show(true);
    });
    return summary;
  };
  return vscode.Disposable.from(registerCommand(log, SCAN_COMMANDS.workspace, run), registerCommand(log, SCAN_COMMANDS.folder, run));
}

function scanArguments(arg: unknown): { within?: vscode.Uri; token?: vscode.CancellationToken; ask: boolean; threads?: number } {
  if (arg === undefined) return { ask: true };
  if (arg instanceof vscode.Uri) return { within: arg, ask: true };
  if (typeof arg === 'object' && arg !== null) {
    const { within, token, threads } = arg as { within?: unknown; token?: unknown; threads?: unknown };
    // Not reading isCancellationRequested here: it may be a getter, asked once per file.
    const isToken = (t: unknown): t is vscode.CancellationToken =>
      typeof t === 'object' &&
      t !== null &&
      'isCancellationRequested' in t &&
      typeof (t as { onCancellationRequested?: unknown }).onCancellationRequested === 'function';
    const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
    if (
      (within === undefined || within instanceof vscode.Uri) &&
      (token === undefined || isToken(token)) &&
      (threads === undefined || isCount(threads))
    ) {
      return { ...(within ? { within } : {}), ...(token ? { token } : {}), ...(threads === undefined ? {} : { threads }), ask: false };
    }
  }
  throw new TypeError(
    `${SCAN_COMMANDS.workspace} takes a folder or file URI, or { within?: Uri, token?: CancellationToken, threads?: number of workers (0: none) }`,
  );
}

export function summaryText(s: ScanSummary): string {
  const files = (n: number): string => `${n} file${n === 1 ? '' : 's'}`;
  const text = `Scanned ${files(s.scanned)}: ${s.added} new suggestion${s.added === 1 ? '' : 's'} stored in ${files(s.filesWithNew)}, to review; ${s.skipped} skipped`;
  const left = s.found - s.scanned - s.skipped;
  return s.cancelled ? `${text}. Cancelled: ${files(left)} not scanned.` : `${text}.`;
}

interface Workers {
  extensionUri: vscode.Uri;
  /** The workspace's catalog, or undefined for the built-in one. */
  catalog: Catalog | undefined;
  /** How many workers to start (0: detect in the extension host). */
  threads: number;
  /** The workspace's entities, which new claims' speakers resolve to. */
  entities: readonly Entity[];
}

async function scan(
  log: vscode.LogOutputChannel,
  sessions: SessionRegistry,
  files: readonly { uri: vscode.Uri; languageId: string }[],
  within: vscode.Uri | undefined,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: { readonly isCancellationRequested: boolean },
  workers: Workers,
): Promise<ScanSummary> {
  const started = Date.now();
  const summary: ScanSummary = { found: files.length, scanned: 0, added: 0, filesWithNew: 0, skipped: 0, cancelled: false };
  log.info(`Scan: ${files.length} document(s) in ${within ? vscode.workspace.asRelativePath(within) : 'the workspace'}.`);
  const threads = Math.min(workers.threads, files.length);
  let pool: WorkerPool | undefined;
  if (threads > 0) {
    try {
      pool = await startScanPool(workers.extensionUri, workers.catalog, threads);
    } catch (error) {
      log.warn(`Scan: workers could not start (${describeError(error)}); scanning in the extension host.`);
    }
  }
  const matcher = sessions.controlMatcher ?? builtinMatcher();
  const compute = (input: ScanInput): Promise<ScanTextResult> => (pool ? pool.scan(input) : Promise.resolve(scanText(input, matcher)));
  log.info(pool ? `Scan: ${pool.size} worker(s).` : 'Scan: in the extension host.');

  const one = async ({ uri, languageId }: { uri: vscode.Uri; languageId: string }): Promise<void> => {
    const name = vscode.workspace.asRelativePath(uri);
    progress.report({ message: name, increment: 100 / files.length });
    let outcome: Outcome;
    try {
      const session = sessions.get(uri);
      outcome = session ? await scanOpen(sessions, session) : await scanOnDisk(uri, languageId, compute, matcher, workers.entities);
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
      log.debug(
        `Scan: ${name}: ${outcome.added} suggestion(s) stored, ${outcome.alreadyThere} already there${outcome.wrote ? '' : '; nothing to write'}`,
      );
    }
    // Detection in the extension host is synchronous: let the progress, the Cancel button and the views through between files.
    if (!pool) await new Promise((resolve) => setTimeout(resolve, 0));
  };
  // Two documents per worker in flight: one detected while the other is read or written.
  const lanes = pool ? 2 * pool.size : 1;
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < files.length) {
      if (token.isCancellationRequested) {
        summary.cancelled = true;
        return;
      }
      await one(files[next++] as { uri: vscode.Uri; languageId: string });
    }
  };
  try {
    await Promise.all(Array.from({ length: lanes }, lane));
  } finally {
    pool?.dispose();
  }
  log.info(`Scan finished in ${Date.now() - started} ms.`);
  return summary;
}

/** The detector over `text` as the settings want it (kinds, claim sensitivity), with a reference date. */
function detectorFor(
  scope: vscode.ConfigurationScope,
  text: string,
  sessions: SessionRegistry,
): (referenceDate: string | undefined) => Detection[] {
  const settings = readSettings(scope);
  const detector = new DocumentDetector(sessions.controlMatcher);
  return (referenceDate) =>
    detector
      .detect(text, { kinds: settings.kinds, ...(referenceDate ? { referenceDate } : {}) })
      .filter((d) => meetsSensitivity(d, settings.claimSensitivity));
}

/** An open document: through its session, so the editor shows the new suggestions, writes them itself, and can undo the scan. */
async function scanOpen(sessions: SessionRegistry, open: DocumentSession): Promise<Outcome> {
  const session = (await sessions.ready(open.document)) ?? open;
  if (session.skippedReason) return { skipped: session.skippedReason };
  if (!session.store.writable)
    return { skipped: `${vscode.workspace.asRelativePath(session.store.sidecar)} has errors (see Problems); fix it and scan again` };
  const text = session.document.getText();
  const sha256 = sha256Hex(text);
  // The session's annotations as they are now, against the text as it is now: nothing to re-anchor.
  const current: Sidecar = {
    marginalia: FORMAT_VERSION,
    source: { file: baseName(session.document.uri), sha256, ...(session.store.published ? { published: session.store.published } : {}) },
    annotations: session.store.current(new OffsetMap(text)),
  };
  const merged = preannotate(current, text, detectorFor(session.document, text, sessions), { sha256, entities: sessions.entities });
  if (merged.added.length === 0) return { added: 0, alreadyThere: merged.alreadyAnnotated, wrote: false };
  await sessions.apply(session, `Scan: store ${merged.added.length} suggestion(s)`, (tx) => {
    for (const a of merged.added) tx.add(a);
  });
  return { added: merged.added.length, alreadyThere: merged.alreadyAnnotated, wrote: true };
}

/**
 * A document that is not open: read, detect, merge and write its sidecar without opening
 * it. `compute` (a worker) detects and makes the sidecar's new text; if the sidecar
 * changed on disk meanwhile, the merge is made again here and planned against it, as
 * any writer does.
 */
async function scanOnDisk(
  uri: vscode.Uri,
  languageId: string,
  compute: (input: ScanInput) => Promise<ScanTextResult>,
  matcher: ControlMatcher,
  entities: readonly Entity[],
): Promise<Outcome> {
  const settings = readSettings({ uri, languageId });
  const limit = settings.maxFileSizeMB * 1024 * 1024;
  const { size } = await vscode.workspace.fs.stat(uri);
  if (size > limit) return { skipped: `larger than marginalia.maxFileSizeMB (${settings.maxFileSizeMB} MB)` };
  const text = await readSourceText(uri);
  const own = await whyOwnOutput(uri, text);
  if (own) return { skipped: own };
  const sidecar = sidecarUri(uri);
  const yaml = await readTextIfExists(sidecar);
  const input: ScanInput = {
    text,
    yaml,
    sidecarName: vscode.workspace.asRelativePath(sidecar),
    sourceName: baseName(uri),
    kinds: settings.kinds,
    claimSensitivity: settings.claimSensitivity,
    entities,
  };
  const result = await compute(input);
  if ('invalid' in result) return { skipped: result.invalid };
  const counts = { added: result.added, alreadyThere: result.alreadyThere };
  if (result.write === undefined) return { ...counts, wrote: false };
  const { plan } = await writePlannedSidecar(sidecar, yaml, result.write, () => {
    const merge = scanMerge(input, matcher);
    if ('invalid' in merge) throw new Error(merge.invalid);
    return { wanted: merge.sidecar, sourceText: text, sha256: merge.sha256 };
  });
  if (plan.action === 'refused') return { skipped: plan.reason };
  return { ...counts, wrote: plan.action === 'write' };
}
