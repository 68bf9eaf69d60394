// Set Verdict…: whether a commitment was kept. A person's decision, signed and dated like
// a status, undoable; it settles the commitment in the register and the Commitments view.

import * as vscode from 'vscode';
import { VERDICTS, type Verdict } from '../core/model';
import type { CommandContext } from './annotationCommands';
import { registerCommand } from './commands';
import { excerpt } from './display';
import { resolveTarget } from './targets';

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

export function registerVerdictCommand(ctx: CommandContext): vscode.Disposable {
  return registerCommand(ctx.log, VERDICT_COMMAND, async (arg, verdictArg) => {
    const target = await resolveTarget(ctx.sessions, arg);
    const claim =
      target?.annotation?.annotation.kind === 'claim'
        ? target.annotation
        : target?.annotationsHere.find((t) => t.annotation.kind === 'claim');
    if (!target || !claim) {
      void vscode.window.showInformationMessage(
        'Marginalia: put the cursor on an accepted commitment, or pick it in the Commitments view.',
      );
      return undefined;
    }
    const a = claim.annotation;
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
    if (chosen === undefined || chosen === current) return chosen;
    const review = await ctx.reviewer.review();
    await ctx.sessions.apply(target.session, `Verdict ${chosen} on “${excerpt(a.quote, 28)}”`, (tx) => {
      tx.update(a.id, { verdict: chosen === 'open' ? undefined : chosen, reviewer: review.reviewer, reviewed: review.reviewed });
    });
    ctx.confirmation.brief(chosen === 'open' ? 'Cleared the verdict' : `Marked the commitment ${chosen}`, target.session.document.uri);
    return chosen;
  });
}
