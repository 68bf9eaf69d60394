import * as vscode from 'vscode';

/** Who reviews: recorded as `reviewer` when a person accepts, dismisses or sets a status, and as `author` of a manual annotation. */
export interface Review {
  reviewer?: string;
  /** ISO 8601 date-time. */
  reviewed: string;
}

/**
 * The researcher's name, from `marginalia.author` (an application setting: a shared
 * workspace's settings cannot sign decisions with someone else's name). When it is not
 * set, the first review asks once; a person who declines is not asked again until the
 * window reloads, and their decisions are recorded with the time only.
 */
export class ReviewerIdentity {
  private declined = false;
  private asking: Promise<string | undefined> | undefined;

  /** The name to record, asking for it the first time when it is not set. */
  async name(): Promise<string | undefined> {
    const set = configured();
    if (set !== undefined || this.declined) return set;
    this.asking ??= this.ask().finally(() => {
      this.asking = undefined;
    });
    return this.asking;
  }

  /** A review by this person now. */
  async review(): Promise<Review> {
    const reviewer = await this.name();
    return { reviewed: new Date().toISOString(), ...(reviewer ? { reviewer } : {}) };
  }

  private async ask(): Promise<string | undefined> {
    const value = await vscode.window.showInputBox({
      title: 'Marginalia: who is reviewing?',
      prompt:
        'Your name or initials, recorded beside each suggestion you accept or dismiss and each annotation you make, so the record says who decided what. Saved in the setting marginalia.author. Press Escape to record the time only.',
      placeHolder: 'e.g. Ana Ruiz',
      ignoreFocusOut: true,
      validateInput: (v) => (/[\r\n]/.test(v) ? 'One line only' : undefined),
    });
    const name = value?.trim();
    if (!name) {
      this.declined = true;
      return undefined;
    }
    await vscode.workspace.getConfiguration('marginalia').update('author', name, vscode.ConfigurationTarget.Global);
    return name;
  }
}

function configured(): string | undefined {
  const v = vscode.workspace.getConfiguration('marginalia').get<string>('author', '').trim();
  return v === '' ? undefined : v;
}
