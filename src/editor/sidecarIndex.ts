import * as vscode from 'vscode';
import { SIDECAR_SUFFIX, type Annotation, type SidecarError, type SidecarSource } from '../core/sidecar/format';
import { parseSidecar } from '../core/sidecar/read';
import { readTextIfExists, sourceOfSidecar } from './files';
import { describeError } from './log';

/** One sidecar as stored on disk, for documents that have no session. */
export interface StoredSidecar {
  readonly sidecar: vscode.Uri;
  readonly source: vscode.Uri;
  /** As stored: offsets in code points of the source as it was when the sidecar was saved. */
  readonly annotations: readonly Annotation[];
  /** The document's date as the sidecar records it. */
  readonly published?: string;
  /** The sidecar's source block, for a text made from a PDF: its page map (code points) and printed page numbers. */
  readonly pdfSource?: SidecarSource;
  /** Validation errors, with line and column in the sidecar. */
  readonly errors: readonly SidecarError[];
  /** Why the file could not be read at all (permissions, a vanished folder). */
  readonly readError?: string;
}

interface Entry {
  readonly sidecar: vscode.Uri;
  readonly source: vscode.Uri;
  /** Undefined until needed, and again after the file changed on disk. */
  stored?: Promise<StoredSidecar | undefined>;
}

/** Reads in flight at once: enough to hide latency, few enough not to flood the file service. */
const CONCURRENT_READS = 16;
/** Events come in bursts (a scan writes many sidecars, a git checkout changes many): one update per burst. */
const SETTLE_MS = 150;

/**
 * Every sidecar of the workspace (`**\/*.annotations.yaml`, files.exclude honoured),
 * read on demand and kept until it changes on disk. Nothing is listed or read before a
 * view asks, and a sidecar whose document is open is never read here: its session has it.
 */
export class SidecarIndex implements vscode.Disposable {
  /** By sidecar URI; undefined until the first listing. */
  private entries: Map<string, Entry> | undefined;
  private listing: Promise<Map<string, Entry>> | undefined;
  private relistTimer: ReturnType<typeof setTimeout> | undefined;
  private fireTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.subscriptions = [
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.relistSoon();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('files.exclude')) this.relistSoon();
      }),
    ];
  }

  /**
   * The sidecars whose source `wanted` accepts, read (from the cache when unchanged).
   * Vanished files are left out; unreadable ones come with `readError`.
   */
  async read(wanted: (source: vscode.Uri) => boolean): Promise<StoredSidecar[]> {
    const entries = [...(await this.list()).values()].filter((e) => wanted(e.source));
    const out: (StoredSidecar | undefined)[] = new Array<StoredSidecar | undefined>(entries.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < entries.length) {
        const i = next++;
        const entry = entries[i] as Entry;
        entry.stored ??= this.load(entry);
        out[i] = await entry.stored;
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENT_READS, entries.length) }, worker));
    return out.filter((s): s is StoredSidecar => s !== undefined);
  }

  /** A sidecar changed on disk (or its open document was closed after writing it): read it again when next asked. */
  changedOnDisk(sidecar: vscode.Uri): void {
    if (!this.entries) return;
    const entry = this.entries.get(sidecar.toString());
    if (entry) {
      delete entry.stored;
      this.fireSoon();
    } else {
      // Not listed: new, or created before the watcher saw it. Listing checks files.exclude.
      this.relistSoon();
    }
  }

  /** A sidecar was created: list again, because only findFiles knows whether files.exclude hides it. */
  created(sidecar: vscode.Uri): void {
    if (!this.entries) return;
    const entry = this.entries.get(sidecar.toString());
    if (entry) delete entry.stored;
    this.relistSoon();
  }

  deleted(sidecar: vscode.Uri): void {
    if (!this.entries) return;
    if (this.entries.delete(sidecar.toString())) this.fireSoon();
    // A deleted folder reports only itself: drop what was inside it too.
    const prefix = `${sidecar.toString()}/`;
    let dropped = false;
    for (const key of [...this.entries.keys()]) {
      if (key.startsWith(prefix)) dropped = this.entries.delete(key) || dropped;
    }
    if (dropped) this.fireSoon();
  }

  /**
   * Lists and reads every sidecar afresh on the next read, without waiting for the file
   * watcher: for a command that must see what was written a moment ago (Find Evidence
   * after a scan).
   */
  async refreshNow(): Promise<void> {
    if (!this.entries) return;
    clearTimeout(this.relistTimer);
    this.relistTimer = undefined;
    for (const entry of (await this.find()).values()) delete entry.stored;
  }

  private list(): Promise<Map<string, Entry>> {
    if (this.entries) return Promise.resolve(this.entries);
    this.listing ??= this.find().finally(() => {
      this.listing = undefined;
    });
    return this.listing;
  }

  private async find(): Promise<Map<string, Entry>> {
    const started = Date.now();
    // exclude undefined: files.exclude applies (search.exclude does not: a sidecar hidden from search is still one's work).
    const uris = await vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`);
    const previous = this.entries;
    const entries = new Map<string, Entry>();
    for (const uri of uris) {
      const source = sourceOfSidecar(uri);
      // `.annotations.yaml` alone names no source.
      if (!source || source.path.endsWith('/')) continue;
      const key = uri.toString();
      entries.set(key, previous?.get(key) ?? { sidecar: uri, source });
    }
    this.entries = entries;
    this.log.trace(`Listed ${entries.size} sidecar(s) in the workspace in ${Date.now() - started} ms`);
    return entries;
  }

  private async load(entry: Entry): Promise<StoredSidecar | undefined> {
    const name = vscode.workspace.asRelativePath(entry.sidecar);
    let text: string | undefined;
    try {
      text = await readTextIfExists(entry.sidecar);
    } catch (error) {
      this.log.warn(`Reading ${name} for the Annotations view failed: ${describeError(error)}`);
      return {
        sidecar: entry.sidecar,
        source: entry.source,
        annotations: [],
        errors: [],
        readError: error instanceof Error ? error.message : String(error),
      };
    }
    if (text === undefined) return undefined;
    // Without the source text: its offsets cannot be checked, but the source is not read for a list.
    const parsed = parseSidecar(text, name);
    if (parsed.errors.length > 0) this.log.debug(`${name} has ${parsed.errors.length} error(s); the Annotations view shows them.`);
    const published = parsed.sidecar?.source.published;
    return {
      sidecar: entry.sidecar,
      source: entry.source,
      annotations: parsed.sidecar?.annotations ?? [],
      ...(published === undefined ? {} : { published }),
      ...(parsed.sidecar?.source.pages === undefined ? {} : { pdfSource: parsed.sidecar.source }),
      errors: parsed.errors,
    };
  }

  private relistSoon(): void {
    if (!this.entries) return;
    clearTimeout(this.relistTimer);
    this.relistTimer = setTimeout(() => {
      this.relistTimer = undefined;
      this.find().then(
        () => {
          this.changed.fire();
        },
        (error: unknown) => {
          this.log.error(`Listing the sidecars of the workspace failed: ${describeError(error)}`);
        },
      );
    }, SETTLE_MS);
  }

  private fireSoon(): void {
    clearTimeout(this.fireTimer);
    this.fireTimer = setTimeout(() => {
      this.fireTimer = undefined;
      this.changed.fire();
    }, SETTLE_MS);
  }

  dispose(): void {
    clearTimeout(this.relistTimer);
    clearTimeout(this.fireTimer);
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
