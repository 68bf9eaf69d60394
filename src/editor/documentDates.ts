// The date of a document known only from its sidecar: the sidecar's `published`, else the
// date line at the top of its text, read once per version of the sidecar. The timeline
// places claims on it; claims across documents put the earliest source first by it.
import * as vscode from 'vscode';
import { documentReferenceDate } from '../core/detect';
import { readSourceText } from './files';
import { describeError } from './log';
import type { StoredSidecar } from './sidecarIndex';

export class DocumentDates {
  private readonly dates = new Map<string, { stored: StoredSidecar; date: string | undefined }>();

  constructor(private readonly log: vscode.LogOutputChannel) {}

  async of(stored: StoredSidecar): Promise<string | undefined> {
    if (stored.published !== undefined) return stored.published;
    const key = stored.source.toString();
    const known = this.dates.get(key);
    if (known?.stored === stored) return known.date;
    let date: string | undefined;
    try {
      date = documentReferenceDate(await readSourceText(stored.source));
    } catch (error) {
      // It then has no date; the Annotations view reports the unreadable source.
      this.log.debug(`No document date for ${vscode.workspace.asRelativePath(stored.source)}: ${describeError(error)}`);
    }
    this.dates.set(key, { stored, date });
    return date;
  }
}
