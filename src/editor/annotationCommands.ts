import * as vscode from 'vscode';
import { anchorAt } from '../core/anchor/context';
import type { Catalog } from '../core/catalog/types';
import { REVIEWED_STATUSES, type ReviewedStatus } from '../core/model';
import type { Annotation } from '../core/sidecar/format';
import { makeAnnotationId } from '../core/sidecar/ids';
import { placeLabel, type PlacedLabel } from '../core/store/labels';
import { labelOfDetection } from '../core/store/suggestions';
import { OffsetMap } from '../core/text/offsets';
import type { StoreTransaction } from './annotationStore';
import { registerCommand } from './commands';
import type { Confirmation } from './confirmation';
import { rangeOf } from './decorations';
import { announce } from './announce';
import { describeSuggestion, excerpt, STATUS_ICONS } from './display';
import { pickKind, pickLabel } from './labelPicker';
import type { Review, ReviewerIdentity } from './reviewer';
import type { DocumentSession, SessionRegistry, Suggestion } from './session';
import type { SidecarIndex } from './sidecarIndex';
import { isCommandTarget, resolveTarget, type Resolved } from './targets';
import { acceptLinkedParts, registerLinkCommands, storeInferredLinks } from './claimLinks';
import { registerVerdictCommand } from './verdict';
import { registerFindEvidenceCommand } from './findEvidence';
import { registerSpeakerEntityCommands } from './speakerEntity';
import type { WorkspaceEntities } from './workspaceEntities';

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

export interface CommandContext {
  log: vscode.LogOutputChannel;
  sessions: SessionRegistry;
  /** The workspace's sidecars, for commands that reach documents not open (Set Verdict's evidence). */
  index: SidecarIndex;
  reviewer: ReviewerIdentity;
  confirmation: Confirmation;
  catalog: () => Catalog;
}

function nothingHere(what: string): void {
  void vscode.window.showInformationMessage(
    `Marginalia: there is no ${what} here. Put the cursor on one, or pick it in the Annotations view.`,
  );
}

/** “quote” for messages: short, the status bar has little room. */
function quoted(text: string): string {
  return `“${excerpt(text, 28)}”`;
}

/**
 * The suggestions a command acts on: the one named; under the cursor, the only one there,
 * or the ones the user picks when several overlap (a date inside a claim).
 */
async function chooseSuggestions(target: Resolved, verb: string): Promise<Suggestion[] | undefined> {
  if (target.named || target.suggestionsHere.length <= 1) return target.suggestion ? [target.suggestion] : undefined;
  type Item = vscode.QuickPickItem & { chosen: Suggestion[] };
  const items: Item[] = target.suggestionsHere.map((s) => ({
    label: describeSuggestion(s),
    description: excerpt(s.text, 60),
    chosen: [s],
  }));
  items.push({ label: `$(check-all) All ${target.suggestionsHere.length} here`, description: '', chosen: target.suggestionsHere });
  const pick = await vscode.window.showQuickPick(items, {
    title: `${verb} which suggestion?`,
    placeHolder: `${target.suggestionsHere.length} suggestions overlap at the cursor`,
  });
  return pick?.chosen;
}

/**
 * Records a person's decision on suggestions (accepted: `open`; or `dismissed`). An
 * accepted claim keeps the links its hover showed, and the dates and controls they name
 * are accepted with it (claimLinks.ts); dates and controls chosen too are decided first.
 */
function decide(
  tx: StoreTransaction,
  session: DocumentSession,
  suggestions: readonly Suggestion[],
  status: 'open' | 'dismissed',
  review: Review,
): string[] {
  const ids = new Map<Suggestion, string>();
  const ordered = [...suggestions.filter((s) => s.kind !== 'claim'), ...suggestions.filter((s) => s.kind === 'claim')];
  for (const s of ordered) {
    if (s.storedId !== undefined) {
      tx.update(s.storedId, { status, reviewer: review.reviewer, reviewed: review.reviewed });
      ids.set(s, s.storedId);
      if (status === 'open' && s.kind === 'claim') acceptLinkedParts(tx, session, s.storedId, review);
    } else if (s.detection) {
      const id = tx.addDetection(s.detection, status, review).id;
      ids.set(s, id);
      if (status === 'open' && s.detection.kind === 'claim') {
        storeInferredLinks(tx, session, id, session.linksOf(s.detection), review);
        // Who "the company" is, as the hover said.
        const entity = session.entityOf(s.detection);
        if (entity !== undefined) tx.update(id, { entity });
      }
    }
  }
  return suggestions.map((s) => ids.get(s)).filter((id): id is string => id !== undefined);
}

export function registerAnnotationCommands(ctx: CommandContext, entities: WorkspaceEntities): vscode.Disposable[] {
  const { log, sessions, reviewer, confirmation } = ctx;
  const C = ANNOTATION_COMMANDS;

  const onSuggestions =
    (status: 'open' | 'dismissed') =>
    async (arg: unknown): Promise<string | undefined> => {
      const verb = status === 'open' ? 'Accept' : 'Dismiss';
      const target = await resolveTarget(sessions, arg);
      if (!target?.suggestion) {
        nothingHere('suggestion');
        return undefined;
      }
      const chosen = await chooseSuggestions(target, verb);
      if (!chosen || chosen.length === 0) return undefined;
      const review = await reviewer.review();
      const what = chosen.length === 1 ? `${chosen[0]?.kind ?? ''} ${quoted(chosen[0]?.text ?? '')}` : `${chosen.length} suggestions`;
      const label = `${verb} ${what}`;
      const { result } = await sessions.apply(target.session, label, (tx) => decide(tx, target.session, chosen, status, review));
      confirmation.brief(`${status === 'open' ? 'Accepted' : 'Dismissed'} ${what}`, target.session.document.uri);
      return result[0];
    };

  return [
    ...registerLinkCommands(ctx),
    registerVerdictCommand(ctx),
    registerFindEvidenceCommand(ctx),
    ...registerSpeakerEntityCommands(ctx, entities),
    registerCommand(log, C.accept, onSuggestions('open')),
    registerCommand(log, C.dismiss, onSuggestions('dismissed')),
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
      const review = await reviewer.review();
      const label = `Accept all ${pending.length} suggestions`;
      await sessions.apply(target.session, label, (tx) => decide(tx, target.session, pending, 'open', review));
      confirmation.notify(
        `accepted ${pending.length} suggestion${pending.length === 1 ? '' : 's'} in ${vscode.workspace.asRelativePath(target.session.document.uri)}.`,
        target.session.document.uri,
      );
      return pending.length;
    }),
    registerCommand(log, C.annotateSelection, (arg) => annotateSelection(ctx, arg)),
    registerCommand(log, C.editNote, async (arg, noteArg) => {
      const t = await requireAnnotation(sessions, arg);
      if (!t) return undefined;
      const a = t.annotation.annotation;
      const note =
        typeof noteArg === 'string'
          ? noteArg
          : await vscode.window.showInputBox({
              title: `Note on ${quoted(a.quote)}`,
              value: a.note ?? '',
              prompt: 'Markdown; empty to remove the note',
              ignoreFocusOut: true,
            });
      if (note === undefined || note === (a.note ?? '')) return note;
      await sessions.apply(
        t.session,
        `${a.note === undefined ? 'Add' : note === '' ? 'Remove' : 'Edit'} the note on ${quoted(a.quote)}`,
        (tx) => {
          tx.update(a.id, { note });
        },
      );
      confirmation.brief(
        note === '' ? `Removed the note on ${quoted(a.quote)}` : `Saved the note on ${quoted(a.quote)}`,
        t.session.document.uri,
      );
      return note;
    }),
    registerCommand(log, C.setStatus, async (arg, statusArg) => {
      const t = await requireAnnotation(sessions, arg);
      if (!t) return undefined;
      const a = t.annotation.annotation;
      const status =
        typeof statusArg === 'string' && (REVIEWED_STATUSES as readonly string[]).includes(statusArg)
          ? (statusArg as ReviewedStatus)
          : (
              await vscode.window.showQuickPick(
                REVIEWED_STATUSES.map((s) => ({
                  label: `${STATUS_ICONS[s]} ${s}`,
                  status: s,
                  description: s === a.status ? 'current' : '',
                })),
                { title: `Status of ${quoted(a.quote)}` },
              )
            )?.status;
      if (!status || status === a.status) return status;
      const review = await reviewer.review();
      await sessions.apply(t.session, `Mark ${quoted(a.quote)} ${status}`, (tx) => {
        tx.update(a.id, { status, reviewer: review.reviewer, reviewed: review.reviewed });
      });
      confirmation.brief(`Marked ${quoted(a.quote)} ${status}`, t.session.document.uri);
      return status;
    }),
    registerCommand(log, C.delete, async (arg) => {
      const target = await resolveTarget(sessions, arg);
      // A stored suggestion is deleted like a live one: dismissed, so no scan brings it back.
      const annotation = target?.annotation?.annotation;
      const suggestion = annotation ? undefined : target?.suggestion;
      if (!target || (!annotation && !suggestion)) {
        nothingHere('annotation');
        return undefined;
      }
      const review = await reviewer.review();
      const uri = target.session.document.uri;
      if (suggestion) {
        await sessions.apply(target.session, `Delete the suggestion ${quoted(suggestion.text)}`, (tx) =>
          decide(tx, target.session, [suggestion], 'dismissed', review),
        );
        confirmation.notify(
          `deleted the suggestion ${quoted(suggestion.text)}; it is kept as dismissed so scans do not suggest it again.`,
          uri,
        );
        return true;
      }
      const a = annotation as Annotation;
      if (a.origin === 'detected') {
        // Remembered as dismissed: deleting a detection must not let the next scan bring it back.
        await sessions.apply(target.session, `Delete ${quoted(a.quote)}`, (tx) => {
          tx.update(a.id, { status: 'dismissed', reviewer: review.reviewer, reviewed: review.reviewed });
        });
        confirmation.notify(
          `deleted the annotation ${quoted(a.quote)}; Marginalia remembers it as dismissed so scans do not suggest it again.`,
          uri,
        );
      } else {
        await sessions.apply(target.session, `Delete ${quoted(a.quote)}`, (tx) => {
          tx.remove(a.id);
        });
        confirmation.notify(`deleted the annotation ${quoted(a.quote)}.`, uri);
      }
      return true;
    }),
    registerCommand(log, C.next, () => move(sessions, 1)),
    registerCommand(log, C.previous, () => move(sessions, -1)),
    registerCommand(log, C.toggleSuggestions, async () => {
      const config = vscode.workspace.getConfiguration('marginalia');
      await config.update('showSuggestions', !config.get<boolean>('showSuggestions', true), vscode.ConfigurationTarget.Global);
    }),
    registerCommand(log, C.setDocumentDate, async (arg, dateArg) => {
      const given = typeof arg === 'string' ? arg : typeof dateArg === 'string' ? dateArg : undefined;
      const target = await resolveTarget(sessions, typeof arg === 'string' ? undefined : arg);
      if (!target) {
        nothingHere('document Marginalia annotates');
        return undefined;
      }
      const value =
        given ??
        (await vscode.window.showInputBox({
          title: `Document date of ${vscode.workspace.asRelativePath(target.session.document.uri)}`,
          prompt: 'The date relative dates ("last month") resolve against, YYYY-MM-DD; empty to use the date found in the text',
          value: target.session.store.published ?? '',
          ignoreFocusOut: true,
          validateInput: (v) =>
            v === '' || /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(v) ? undefined : 'Use YYYY-MM-DD, for example 2020-06-10',
        }));
      if (value === undefined || value === (target.session.store.published ?? '')) return value;
      await sessions.apply(target.session, value === '' ? 'Clear the document date' : `Set the document date to ${value}`, (tx) => {
        tx.setPublished(value === '' ? undefined : value);
      });
      sessions.redetect(target.session);
      confirmation.brief(
        value === '' ? 'Cleared the document date' : `Relative dates now resolve against ${value}`,
        target.session.document.uri,
      );
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
        if (named?.id !== undefined)
          log.info(`Annotation ${named.id} is no longer in ${vscode.workspace.asRelativePath(target.session.store.sidecar)}.`);
        await vscode.window.showTextDocument(target.session.document, { preserveFocus: false });
        return;
      }
      const editor = await vscode.window.showTextDocument(target.session.document, { preserveFocus: false });
      const range = rangeOf(editor.document, span);
      // The cursor on the first character: a keyboard hover (Ctrl+K Ctrl+I) and the screen reader start there.
      editor.selection = new vscode.Selection(range.end, range.start);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
  ];
}

async function requireAnnotation(
  sessions: SessionRegistry,
  arg: unknown,
): Promise<{ session: DocumentSession; annotation: NonNullable<Resolved['annotation']> } | undefined> {
  const target = await resolveTarget(sessions, arg);
  if (!target?.annotation) {
    nothingHere(target?.suggestion ? 'annotation (only a suggestion: accept it first)' : 'annotation');
    return undefined;
  }
  return { session: target.session, annotation: target.annotation };
}

/** Preset answers for Annotate Selection, for keybindings, tasks and tests. */
interface AnnotatePreset {
  kind?: string;
  label?: string;
  note?: string;
  tags?: string[];
}

async function annotateSelection(ctx: CommandContext, arg: unknown): Promise<string | undefined> {
  const { sessions, reviewer, confirmation } = ctx;
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
  const preset: AnnotatePreset = typeof arg === 'object' && arg !== null ? arg : {};
  const start = editor.document.offsetAt(editor.selection.start);
  const end = editor.document.offsetAt(editor.selection.end);
  // What the detector reads in the selection, to offer its kind and label first.
  const inside = session.detections.filter((d) => d.start <= start && end <= d.end).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
  const kind = preset.kind ?? (await pickKind('Annotate selection (1/3): kind', 'What is the selected text?', inside?.kind));
  if (kind === undefined) return undefined;
  const suggested = inside && inside.kind === kind ? labelOfDetection(inside) : undefined;
  const placed: PlacedLabel | undefined =
    preset.label !== undefined
      ? placeLabel(kind, preset.label)
      : await pickLabel(kind, {
          title: 'Annotate selection (2/3): label',
          catalog: ctx.catalog(),
          ...(suggested !== undefined ? { suggested } : {}),
        });
  if (placed === undefined) return undefined;
  const note =
    preset.note ??
    (await vscode.window.showInputBox({
      title: 'Annotate selection (3/3): note',
      prompt: 'A note for this annotation (optional, Markdown)',
      ignoreFocusOut: true,
    }));
  if (note === undefined) return undefined;
  const review = await reviewer.review();
  const text = editor.document.getText();
  const offsets = new OffsetMap(text);
  const anchor = anchorAt(text, start, end);
  const tags = [...(preset.tags ?? []), ...(placed.tag !== undefined ? [placed.tag] : [])];
  const annotation: Annotation = {
    id: makeAnnotationId(kind, anchor.quote, offsets.toCodePoint(start), session.store.ids()),
    kind,
    quote: anchor.quote,
    prefix: anchor.prefix,
    suffix: anchor.suffix,
    start: offsets.toCodePoint(start),
    end: offsets.toCodePoint(end),
    origin: 'manual',
    status: 'open',
    created: review.reviewed,
  };
  if (placed.label !== undefined) annotation.label = placed.label;
  if (note.trim()) annotation.note = note;
  if (tags.length > 0) annotation.tags = [...new Set(tags)];
  if (review.reviewer !== undefined) annotation.author = review.reviewer;
  const final = kind;
  await sessions.apply(session, `Annotate ${quoted(anchor.quote)} as ${final}`, (tx) => {
    tx.add(annotation);
  });
  const keptAsTag = placed.tag !== undefined ? `; “${excerpt(placed.tag, 24)}” kept as a tag` : '';
  confirmation.brief(`Annotated as ${final}${keptAsTag}`, session.document.uri, placed.tag !== undefined ? placed.why : undefined);
  return annotation.id;
}

interface Stop {
  start: number;
  end: number;
  what: string;
}

/**
 * Next/Previous Annotation: every annotation and suggestion in document order, outer
 * before inner when they start together, so nested ones are visited too; the selection
 * lands on the span and the status bar says which it is ("3 of 11").
 */
async function move(sessions: SessionRegistry, direction: 1 | -1): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const session = await sessions.ready(editor.document);
  if (!session) return undefined;
  const stops: Stop[] = [
    ...session.store.tracked
      .filter((t) => !t.anchor.orphaned && t.annotation.status !== 'dismissed' && t.annotation.status !== 'suggested')
      .map((t) => ({
        start: t.anchor.start,
        end: t.anchor.end,
        what: `${t.annotation.kind}${t.annotation.label ? `: ${t.annotation.label}` : ''} · ${t.annotation.status}`,
      })),
    ...session.suggestions.map((s) => ({ start: s.start, end: s.end, what: `${describeSuggestion(s, false)} · suggestion` })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  if (stops.length === 0) {
    announce('no annotations or suggestions in this file');
    return undefined;
  }
  const sel = editor.selection;
  const from = editor.document.offsetAt(sel.start);
  const to = editor.document.offsetAt(sel.end);
  const current = stops.findIndex((s) => s.start === from && s.end === to);
  let index: number;
  if (current >= 0) index = (current + direction + stops.length) % stops.length;
  else if (direction === 1) {
    const i = stops.findIndex((s) => s.start >= from);
    index = i >= 0 ? i : 0;
  } else {
    let i = -1;
    for (let k = stops.length - 1; k >= 0; k--)
      if ((stops[k] as Stop).start < from) {
        i = k;
        break;
      }
    index = i >= 0 ? i : stops.length - 1;
  }
  const stop = stops[index] as Stop;
  const range = rangeOf(editor.document, stop);
  // The cursor on the first character: a keyboard hover (Ctrl+K Ctrl+I) and the screen reader start there.
  editor.selection = new vscode.Selection(range.end, range.start);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  const message = `${index + 1} of ${stops.length} · ${stop.what} · line ${range.start.line + 1}`;
  announce(message);
  return message;
}
