import * as vscode from 'vscode';
import { KINDS, type Kind } from '../core/model';
import { CLAIM_SENSITIVITIES, DEFAULT_CLAIM_SENSITIVITY, type ClaimSensitivity } from '../core/detect/sensitivity';

/** The user's `marginalia.*` settings, read fresh each time they are needed. */
export interface Settings {
  kinds: Kind[];
  languages: string[];
  maxFileSizeMB: number;
  debounceMs: number;
  showSuggestions: boolean;
  claimSensitivity: ClaimSensitivity;
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration('marginalia', scope);
  const kinds = config.get<string[]>('kinds', [...KINDS]).filter((k): k is Kind => (KINDS as readonly string[]).includes(k));
  return {
    kinds,
    languages: config.get<string[]>('languages', ['plaintext', 'markdown']),
    maxFileSizeMB: Math.max(0, config.get<number>('maxFileSizeMB', 20)),
    debounceMs: Math.max(0, config.get<number>('debounceMs', 100)),
    showSuggestions: config.get<boolean>('showSuggestions', true),
    claimSensitivity: ((): ClaimSensitivity => {
      const v = config.get<string>('claimSensitivity', DEFAULT_CLAIM_SENSITIVITY);
      return (CLAIM_SENSITIVITIES as readonly string[]).includes(v) ? (v as ClaimSensitivity) : DEFAULT_CLAIM_SENSITIVITY;
    })(),
  };
}

export function isAnnotatable(document: vscode.TextDocument, settings: Settings): boolean {
  if (!settings.languages.includes(document.languageId)) return false;
  // Sidecars are YAML and never annotated, but a user may map them to plain text.
  if (document.uri.path.endsWith('.annotations.yaml')) return false;
  // Only documents on a file system where their sidecar can be written: not VS Code's own
  // buffers (output, the Accessible View, the SCM input, comments), a git version of a
  // file, or an untitled document.
  return vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) === true;
}
