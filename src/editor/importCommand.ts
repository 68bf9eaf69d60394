// `Marginalia: Import Annotations into This File…`: W3C Web Annotation JSON-LD, a brat
// `.ann` or a REFI-QDA project (`.qdpx`) made elsewhere, placed in the open document by
// quote, context and old position (core's placeAnnotations, as `marginalia import` does).
// What cannot be placed is listed in the log and counted in the message; nothing is
// guessed or dropped silently.

import * as vscode from 'vscode';
import { readBrat } from '../core/import/brat';
import { placeAnnotations, type Incoming } from '../core/import/place';
import { readRefiQda } from '../core/import/refiQda';
import { matchRefiSources } from '../core/import/refiQdaSources';
import { readWebAnnotations } from '../core/import/w3c';
import { FORMAT_VERSION, type Sidecar } from '../core/sidecar/format';
import { OffsetMap } from '../core/text/offsets';
import { registerCommand } from './commands';
import { baseName, readTextIfExists } from './files';
import type { SessionRegistry } from './session';

export const IMPORT_COMMAND = 'marginalia.importAnnotations';

/** Arguments that skip the dialogs: for tests and scripts. */
export interface ImportRequest {
  file: vscode.Uri;
  /**
   * Import W3C annotations whatever source they name, or a REFI-QDA project's only coded
   * source whatever its name and text (they were made on a copy of this file).
   */
  anySource?: boolean;
}

export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
  unplaced: number;
  problems: string[];
}

function isImportRequest(v: unknown): v is ImportRequest {
  return typeof v === 'object' && v !== null && (v as Record<string, unknown>)['file'] instanceof vscode.Uri;
}

const decoder = new TextDecoder('utf-8');

/** The codings of the project's source that is this document (by name, else by text). */
async function refiQdaIncoming(
  bytes: Uint8Array,
  name: string,
  document: vscode.TextDocument,
  anySource: boolean | undefined,
): Promise<{ incoming: Incoming[]; problems: string[] } | undefined> {
  const read = readRefiQda(bytes, name);
  const problems = read.problems.map((p) => `${p.origin}: ${p.reason}`);
  const here = { path: vscode.workspace.asRelativePath(document.uri, false), text: document.getText() };
  const { matches } = matchRefiSources(read.sources, [here]);
  if (matches.length > 0) return { incoming: matches.flatMap((m) => m.source.incoming), problems };
  const coded = read.sources.filter((s) => s.incoming.length > 0);
  const only = coded.length === 1 ? coded[0] : undefined;
  if (only === undefined || anySource === false) {
    const none =
      coded.length === 0 ? [] : [`${name}: none of its ${coded.length} coded source(s) is ${baseName(document.uri)} by name or text`];
    return { incoming: [], problems: [...problems, ...none] };
  }
  const answer =
    anySource === true
      ? 'Import Anyway'
      : await vscode.window.showWarningMessage(
          `The project's source "${only.name}" is not ${baseName(document.uri)} by name or text. Import its ${only.incoming.length} coding(s) into this file anyway?`,
          { modal: true },
          'Import Anyway',
        );
  return answer === 'Import Anyway' ? { incoming: only.incoming, problems } : undefined;
}

async function incomingFrom(
  file: vscode.Uri,
  document: vscode.TextDocument,
  anySource: boolean | undefined,
): Promise<{ incoming: Incoming[]; problems: string[] } | undefined> {
  const bytes = await vscode.workspace.fs.readFile(file);
  const name = vscode.workspace.asRelativePath(file);
  if (file.path.toLowerCase().endsWith('.qdpx')) return refiQdaIncoming(bytes, name, document, anySource);
  const text = decoder.decode(bytes);
  if (file.path.endsWith('.ann')) {
    // brat's offsets count in the .txt beside the .ann.
    const bratText = await readTextIfExists(file.with({ path: file.path.replace(/\.ann$/, '.txt') }));
    const read = readBrat(text, bratText?.replace(/^\ufeff/, ''), name);
    return { incoming: read.incoming, problems: read.problems.map((p) => `${p.origin}: ${p.reason}`) };
  }
  const read = readWebAnnotations(text, name);
  const problems = read.problems.map((p) => `${p.origin}: ${p.reason}`);
  // Made on this very file; failing that, on a file of the same name (an export from
  // another machine or folder).
  const exact = read.items.filter((i) => i.source === document.uri.toString() || i.source === document.uri.toString(true));
  const mine =
    exact.length > 0
      ? exact
      : read.items.filter(
          (i) => i.source.endsWith(`/${encodeURIComponent(baseName(document.uri))}`) || i.source.endsWith(`/${baseName(document.uri)}`),
        );
  if (mine.length > 0 || read.items.length === 0 || anySource === true) {
    return { incoming: (mine.length > 0 ? mine : read.items).map((i) => i.incoming), problems };
  }
  const sources = [...new Set(read.items.map((i) => i.source))];
  const answer =
    anySource === false
      ? undefined
      : await vscode.window.showWarningMessage(
          `None of the ${read.items.length} annotations in ${name} was made on ${baseName(document.uri)} (they name ${sources.slice(0, 2).join(', ')}${sources.length > 2 ? ', …' : ''}). Import them into this file anyway?`,
          { modal: true },
          'Import Anyway',
        );
  return answer === 'Import Anyway' ? { incoming: read.items.map((i) => i.incoming), problems } : undefined;
}

export async function importAnnotations(
  request: ImportRequest,
  document: vscode.TextDocument,
  sessions: SessionRegistry,
  log: vscode.LogOutputChannel,
): Promise<ImportSummary | undefined> {
  const session = await sessions.ready(document);
  if (!session)
    throw new Error(`${vscode.workspace.asRelativePath(document.uri)} is not a document Marginalia annotates (see marginalia.languages)`);
  if (!session.store.writable)
    throw new Error(
      `${vscode.workspace.asRelativePath(session.store.sidecar)} has errors (see the Problems panel); fix them before importing into it`,
    );
  const read = await incomingFrom(request.file, document, request.anySource);
  if (!read) return undefined;
  const text = document.getText();
  const offsets = new OffsetMap(text);
  const current: Sidecar = {
    marginalia: FORMAT_VERSION,
    source: { file: baseName(document.uri) },
    annotations: session.store.current(offsets),
  };
  const result = placeAnnotations(read.incoming, text, current);
  if (result.changed) {
    await sessions.apply(
      session,
      `Import ${result.added.length + result.updated.length} annotation(s) from ${baseName(request.file)}`,
      (tx) => {
        for (const a of [...result.added, ...result.updated]) tx.put(a);
      },
    );
  }
  const problems = [
    ...read.problems,
    ...result.unplaced.map((u) => `${u.origin}: not placed, ${u.reason}: ${JSON.stringify(u.quote.slice(0, 80))}`),
  ];
  for (const p of problems) log.warn(`Import: ${p}`);
  log.info(
    `Imported from ${request.file.toString(true)} into ${document.uri.toString(true)}: ${result.added.length} added, ${result.updated.length} updated, ${result.unchanged} unchanged, ${result.unplaced.length} not placed`,
  );
  return {
    added: result.added.length,
    updated: result.updated.length,
    unchanged: result.unchanged,
    unplaced: result.unplaced.length,
    problems,
  };
}

export function registerImportCommand(log: vscode.LogOutputChannel, sessions: SessionRegistry): vscode.Disposable {
  return registerCommand(log, IMPORT_COMMAND, async (arg?: unknown) => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document) {
      void vscode.window.showInformationMessage('Marginalia: open the document to import annotations into first.');
      return undefined;
    }
    let request: ImportRequest | undefined = isImportRequest(arg) ? arg : undefined;
    if (!request) {
      const picked = await vscode.window.showOpenDialog({
        title: `Import Annotations into ${baseName(document.uri)}`,
        canSelectMany: false,
        openLabel: 'Import',
        filters: { 'W3C Web Annotation': ['jsonld', 'json'], 'brat standoff': ['ann'], 'REFI-QDA project': ['qdpx'] },
      });
      if (!picked?.[0]) return undefined;
      request = { file: picked[0] };
    }
    const summary = await importAnnotations(request, document, sessions, log);
    if (summary && !isImportRequest(arg)) {
      const what = `Imported ${summary.added} annotation${summary.added === 1 ? '' : 's'}${summary.updated > 0 ? `, updated ${summary.updated}` : ''}`;
      // problems lists the unplaced ones too; the rest are entries the reader could not use.
      const left = summary.problems.length - summary.unplaced;
      const pick =
        summary.unplaced > 0 || left > 0
          ? await vscode.window.showWarningMessage(
              `${what}; ${summary.unplaced} could not be placed in the text${left > 0 ? ` and ${left} entr${left === 1 ? 'y was' : 'ies were'} not usable` : ''} (see the log).`,
              'Show Log',
            )
          : await vscode.window.showInformationMessage(`${what}.`);
      if (pick === 'Show Log') log.show(true);
    }
    return summary;
  });
}
