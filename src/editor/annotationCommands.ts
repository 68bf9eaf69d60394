import * as vscode from 'vscode';
import { KINDS, STATUSES, type Status } from '../core/model';
import type { Annotation } from '../core/sidecar/format';
import { makeAnnotationId } from '../core/sidecar/ids';
import { anchorAt } from '../core/anchor/context';
import { OffsetMap } from '../core/text/offsets';
import { registerCommand } from './commands';
import { rangeOf } from './decorations';
import type { SessionRegistry } from './session';
import { readSettings } from './settings';
import { isCommandTarget, resolveTarget, type Resolved } from './targets';

export const ANNOTATION_COMMANDS = {
  accept: 'marginalia.acceptSuggestion',
  acceptAll: 'marginalia.acceptAllSuggestions',
  dismiss: 'marginalia.dismissSuggestion',
  annotateSelection: 'marginalia.annotateSelection',
  editNote: 'marginalia.editNote',
  setStatus: 'marginalia.setStatus',
  delete: 'marginalia.deleteAnnotation',
  next: 'marginalia.nextAnnotation',
  previous: 'marginalia.previousAnnotation',
  toggleSuggestions: 'marginalia.toggleSuggestions',
  setDocumentDate: 'marginalia.setDocumentDate',
  reveal: 'marginalia.revealAnnotation',
} as const;

function nothingHere(what: string): void {
  void vscode.window.showInformationMessage(`Marginalia: there is no ${what} here. Put the cursor on one, or pick it in the Annotations view.`);
}

async function requireSuggestion(sessions: SessionRegistry, arg: unknown): Promise<Required<Pick<Resolved, 'session' | 'suggestion'>> | undefined> {
  const target = await resolveTarget(sessions, arg);
  if (!target?.suggestion) {
    nothingHere('suggestion');
    return undefined;
  }
  return { session: target.session, suggestion: target.suggestion };
}

async function requireAnnotation(sessions: SessionRegistry, arg: unknown): Promise<Required<Pick<Resolved, 'session' | 'annotation'>> | undefined> {
  const target = await resolveTarget(sessions, arg);
  if (!target?.annotation) {
    nothingHere('annotation');
    return undefined;
  }
  return { session: target.session, annotation: target.annotation };
}

const STATUS_ICONS: Record<Status, string> = { open: '$(circle-large-outline)', verified: '$(pass)', disputed: '$(warning)', dismissed: '$(circle-slash)' };

export function registerAnnotationCommands(log: vscode.LogOutputChannel, sessions: SessionRegistry): vscode.Disposable[] {
  const C = ANNOTATION_COMMANDS;
  return [
    registerCommand(log, C.accept, async (arg) => {
      const t = await requireSuggestion(sessions, arg);
      if (!t) return undefined;
      const annotation = t.session.store.add(t.suggestion, 'open');
      await sessions.commit(t.session);
      return annotation.id;
    }),
    registerCommand(log, C.dismiss, async (arg) => {
      const t = await requireSuggestion(sessions, arg);
      if (!t) return undefined;
      // Kept in the sidecar as dismissed, so the same detection is not suggested again.
      const annotation = t.session.store.add(t.suggestion, 'dismissed');
      await sessions.commit(t.session);
      return annotation.id;
    }),
    registerCommand(log, C.acceptAll, async (arg) => {
      const target = await resolveTarget(sessions, arg);
      if (!target) {
        nothingHere('document Marginalia annotates');
        return undefined;
      }
      const pending = [...target.session.suggestions];
      if (pending.length === 0) {
        void vscode.window.showInformationMessage('Marginalia: no suggestions left in this file.');
        return 0;
      }
      for (const d of pending) target.session.store.add(d, 'open');
      await sessions.commit(target.session);
      void vscode.window.showInformationMessage(`Marginalia: accepted ${pending.length} suggestion${pending.length === 1 ? '' : 's'}.`);
      return pending.length;
    }),
    registerCommand(log, C.annotateSelection, async (arg) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.selection.isEmpty) {
        void vscode.window.showInformationMessage('Marginalia: select the text to annotate first.');
        return undefined;
      }
      const session = await sessions.ready(editor.document);
      if (!session) {
        void vscode.window.showInformationMessage('Marginalia: this document is not one Marginalia annotates (see marginalia.languages).');
        return undefined;
      }
      const preset = typeof arg === 'object' && arg !== null ? (arg as { kind?: string; label?: string; note?: string }) : {};
      const kind = preset.kind ?? (await vscode.window.showQuickPick(
        [...KINDS.map((k) => ({ label: k, description: 'built-in kind' })), { label: 'code…', description: 'a label from your own codebook' }],
        { title: 'Annotate selection (1/3): kind', placeHolder: 'What is the selected text?' },
      ))?.label;
      if (kind === undefined) return undefined;
      const codeKind = kind === 'code…' ? await vscode.window.showInputBox({ title: 'Annotate selection: code', prompt: 'A label from your codebook', validateInput: (v) => (v.trim() ? undefined : 'A code cannot be empty') }) : kind;
      if (!codeKind) return undefined;
      const label = preset.label ?? await vscode.window.showInputBox({ title: 'Annotate selection (2/3): label', prompt: 'Claim type, control id, date value or code (optional)' });
      if (label === undefined) return undefined;
      const note = preset.note ?? await vscode.window.showInputBox({ title: 'Annotate selection (3/3): note', prompt: 'A note for this annotation (optional)' });
      if (note === undefined) return undefined;
      const text = editor.document.getText();
      const offsets = new OffsetMap(text);
      const start = editor.document.offsetAt(editor.selection.start);
      const end = editor.document.offsetAt(editor.selection.end);
      const anchor = anchorAt(text, start, end);
      const annotation: Annotation = {
        id: makeAnnotationId(codeKind, anchor.quote, offsets.toCodePoint(start), new Set(session.store.tracked.map((t) => t.annotation.id))),
        kind: codeKind, quote: anchor.quote, prefix: anchor.prefix, suffix: anchor.suffix,
        start: offsets.toCodePoint(start), end: offsets.toCodePoint(end),
        origin: 'manual', status: 'open', created: new Date().toISOString(),
      };
      if (label.trim()) annotation.label = label.trim();
      if (note.trim()) annotation.note = note;
      session.store.addManual(annotation);
      await sessions.commit(session);
      return annotation.id;
    }),
    registerCommand(log, C.editNote, async (arg, noteArg) => {
      const t = await requireAnnotation(sessions, arg);
      if (!t) return undefined;
      const note = typeof noteArg === 'string' ? noteArg : await vscode.window.showInputBox({ title: 'Edit note', value: t.annotation.annotation.note ?? '', prompt: `Note on “${t.annotation.annotation.quote.slice(0, 60)}”` });
      if (note === undefined) return undefined;
      t.session.store.update(t.annotation.annotation.id, { note });
      await sessions.commit(t.session);
      return note;
    }),
    registerCommand(log, C.setStatus, async (arg, statusArg) => {
      const t = await requireAnnotation(sessions, arg);
      if (!t) return undefined;
      const status = typeof statusArg === 'string' && (STATUSES as readonly string[]).includes(statusArg)
        ? statusArg as Status
        : (await vscode.window.showQuickPick(STATUSES.map((s) => ({ label: `${STATUS_ICONS[s]} ${s}`, status: s, picked: s === t.annotation.annotation.status })), { title: 'Set status' }))?.status;
      if (!status) return undefined;
      t.session.store.update(t.annotation.annotation.id, { status });
      await sessions.commit(t.session);
      return status;
    }),
    registerCommand(log, C.delete, async (arg) => {
      const t = await requireAnnotation(sessions, arg);
      if (!t) return undefined;
      t.session.store.remove(t.annotation.annotation.id);
      await sessions.commit(t.session);
      return true;
    }),
    registerCommand(log, C.next, () => move(sessions, 1)),
    registerCommand(log, C.previous, () => move(sessions, -1)),
    registerCommand(log, C.toggleSuggestions, async () => {
      const config = vscode.workspace.getConfiguration('marginalia');
      await config.update('showSuggestions', !config.get<boolean>('showSuggestions', true), vscode.ConfigurationTarget.Global);
    }),
    registerCommand(log, C.setDocumentDate, async (arg) => {
      const target = await resolveTarget(sessions, arg);
      if (!target) {
        nothingHere('document Marginalia annotates');
        return undefined;
      }
      const value = typeof arg === 'string' ? arg : await vscode.window.showInputBox({
        title: 'Set document date', prompt: 'The date relative dates resolve against (YYYY-MM-DD); empty to use the date found in the text',
        value: target.session.store.published ?? '',
        validateInput: (v) => (v === '' || /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(v) ? undefined : 'Use YYYY-MM-DD, for example 2020-06-10'),
      });
      if (value === undefined) return undefined;
      target.session.store.setPublished(value === '' ? undefined : value);
      target.session.refresh(readSettings(target.session.document));
      await sessions.commit(target.session);
      return value;
    }),
    registerCommand(log, C.reveal, async (arg) => {
      const target = await resolveTarget(sessions, arg);
      const named = isCommandTarget(arg) ? arg : undefined;
      if (!target) {
        // A sidecar beside a file in a language Marginalia does not annotate (marginalia.languages): open the file at least.
        if (named) await vscode.window.showTextDocument(vscode.Uri.parse(named.uri), { preserveFocus: false });
        return;
      }
      // A Controls view mention of an accepted annotation names its span only.
      const given = named?.start !== undefined && named.end !== undefined ? { start: named.start, end: named.end } : undefined;
      const span = target.annotation?.anchor ?? target.suggestion ?? given;
      if (!span) {
        // The view listed it from a sidecar that has changed since: show the document rather than nothing.
        if (named?.id !== undefined) log.info(`Annotation ${named.id} is no longer in ${vscode.workspace.asRelativePath(target.session.store.sidecar)}.`);
        await vscode.window.showTextDocument(target.session.document, { preserveFocus: false });
        return;
      }
      const editor = await vscode.window.showTextDocument(target.session.document, { preserveFocus: false });
      const range = rangeOf(editor.document, span);
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
  ];
}

async function move(sessions: SessionRegistry, direction: 1 | -1): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const session = await sessions.ready(editor.document);
  if (!session) return;
  const spans = [
    ...session.store.tracked.filter((t) => !t.anchor.orphaned && t.annotation.status !== 'dismissed').map((t) => t.anchor),
    ...session.suggestions,
  ].sort((a, b) => a.start - b.start);
  const here = editor.document.offsetAt(editor.selection.active);
  const next = direction === 1 ? spans.find((s) => s.start > here) ?? spans[0] : [...spans].reverse().find((s) => s.start < here) ?? spans[spans.length - 1];
  if (!next) return;
  const range = rangeOf(editor.document, next);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
