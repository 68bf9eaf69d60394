// Set Verdict…: whether a commitment was kept. A person's decision, signed and dated like
// a status, undoable; it settles the commitment in the register and the Commitments view.

import * as vscode from 'vscode';
import { VERDICTS, type Verdict } from '../core/model';
import type { CommandContext } from './annotationCommands';
import { registerCommand } from './commands';
import { excerpt } from './display';
import { claimTarget } from './claimLinks';
import { annotatedDocuments } from './trees/documents';
import { evidenceReference } from '../core/sidecar/evidence';

export const VERDICT_COMMAND = 'marginalia.setVerdict';

export const VERDICT_ICONS: Readonly<Record<Verdict | 'open', string>> = {
  kept: '$(pass)',
  broken: '$(error)',
  disputed: '$(warning)',
  unverifiable: '$(question)',
  open: '$(circle-large-outline)',
};

const HELP: Readonly<Record<Verdict | 'open', string>> = {
  kept: 'it was done as promised',
  broken: 'it was not done, or not by when it was due',
  disputed: 'sources disagree on whether it was done',
  unverifiable: 'nothing says whether it was done',
  open: 'no verdict yet',
};

/** The verdict a command argument gives: one of VERDICTS, or '' / 'open' to clear it. */
function givenVerdict(arg: unknown): Verdict | 'open' | undefined {
  if (arg === '' || arg === 'open') return 'open';
  return typeof arg === 'string' && (VERDICTS as readonly string[]).includes(arg) ? (arg as Verdict) : undefined;
}

/** The evidence a command argument names: `{ uri, id }` of an annotation. */
function evidenceTarget(arg: unknown): { uri: string; id: string } | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { uri, id } = arg as { uri?: unknown; id?: unknown };
  return typeof uri === 'string' && typeof id === 'string' ? { uri, id } : undefined;
}

/** Asks which accepted claim of the workspace shows the verdict; undefined: none for now. */
async function pickEvidence(
  ctx: CommandContext,
  from: vscode.Uri,
  own: string,
): Promise<{ uri: string; id: string } | undefined | 'cancelled'> {
  type Item = vscode.QuickPickItem & { evidence?: { uri: string; id: string } };
  const items: Item[] = [{ label: '$(circle-slash) No evidence for now', description: 'the verdict alone' }];
  for (const doc of await annotatedDocuments(ctx.sessions, ctx.index)) {
    const uri = doc.uri.toString();
    const list = doc.session ? doc.session.store.tracked.map((t) => t.annotation) : (doc.stored?.annotations ?? []);
    for (const a of list) {
      if (a.kind !== 'claim' || a.status === 'suggested' || a.status === 'dismissed' || (uri === from.toString() && a.id === own)) continue;
      items.push({
        label: `$(comment-discussion) ${excerpt(a.quote, 70)}`,
        description: `${vscode.workspace.asRelativePath(doc.uri)} · ${a.label ?? 'claim'}`,
        evidence: { uri, id: a.id },
      });
    }
  }
  const pick = await vscode.window.showQuickPick(items, {
    title: 'Which annotation shows it? (optional)',
    placeHolder: 'An accepted claim of the workspace: a later statement, a report, a decision',
    matchOnDescription: true,
  });
  if (pick === undefined) return 'cancelled';
  return pick.evidence;
}

export function registerVerdictCommand(ctx: CommandContext): vscode.Disposable {
  return registerCommand(ctx.log, VERDICT_COMMAND, async (arg, verdictArg, evidenceArg) => {
    const target = await claimTarget(ctx, arg, 'put the cursor on an accepted commitment, or pick it in the Commitments view');
    if (!target) return undefined;
    const a = target.claim.annotation;
    const current = a.verdict ?? 'open';
    const chosen =
      givenVerdict(verdictArg) ??
      (
        await vscode.window.showQuickPick(
          [...VERDICTS, 'open' as const].map((v) => ({
            label: `${VERDICT_ICONS[v]} ${v === 'open' ? 'Open' : `${v.charAt(0).toUpperCase()}${v.slice(1)}`}`,
            description: `${HELP[v]}${v === current ? ' (current)' : ''}`,
            verdict: v,
          })),
          { title: `Was “${excerpt(a.quote, 40)}” kept?` },
        )
      )?.verdict;
    if (chosen === undefined) return undefined;
    const from = target.session.document.uri;
    let evidence: string[] | undefined;
    if (chosen !== 'open') {
      const given = evidenceTarget(evidenceArg);
      const picked = given ?? (verdictArg === undefined ? await pickEvidence(ctx, from, a.id) : undefined);
      if (picked === 'cancelled') return undefined;
      if (picked !== undefined) evidence = [evidenceReference(from.path, vscode.Uri.parse(picked.uri).path, picked.id)];
    }
    if (chosen === current && evidence === undefined) return chosen;
    const review = await ctx.reviewer.review();
    await ctx.sessions.apply(target.session, `Verdict ${chosen} on “${excerpt(a.quote, 28)}”`, (tx) => {
      tx.update(a.id, {
        verdict: chosen === 'open' ? undefined : chosen,
        // A new verdict stands on the evidence given with it, or none.
        evidence: evidence ?? [],
        reviewer: review.reviewer,
        reviewed: review.reviewed,
      });
    });
    ctx.confirmation.brief(chosen === 'open' ? 'Cleared the verdict' : `Marked the commitment ${chosen}`, target.session.document.uri);
    return chosen;
  });
}
