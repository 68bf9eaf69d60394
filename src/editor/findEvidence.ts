// Find Evidence…: for a commitment, the later claims of the workspace that may show
// whether it was kept (store/evidenceRank.ts), ranked, each with why and the verdict it
// proposes. Picking one confirms it in one action: the commitment gets that verdict and
// the evidence reference, signed; the evidence, when it was a scan's suggestion, is
// accepted in its own document (its own undo step there). Escape rejects them all.

import * as vscode from 'vscode';
import { documentReferenceDate } from '../core/detect';
import { VERDICTS } from '../core/model';
import { evidenceReference } from '../core/sidecar/evidence';
import { claimFacts, rankEvidence, type ClaimFacts, type EvidenceCandidate } from '../core/store/evidenceRank';
import { OffsetMap } from '../core/text/offsets';
import type { CommandContext } from './annotationCommands';
import { acceptLinkedParts, claimTarget } from './claimLinks';
import { registerCommand } from './commands';
import { excerpt } from './display';
import { readSourceText } from './files';
import { describeError } from './log';
import { quickPickResult } from './quickPickResult';
import { annotatedDocuments } from './trees/documents';
import { VERDICT_ICONS } from './verdict';

export const FIND_EVIDENCE_COMMAND = 'marginalia.findEvidence';

/** How much of a closed document is read for its date, when its sidecar records none. */
const DATE_HEAD = 4096;

/** Every claim of the workspace with its facts, documents named by URI. */
async function workspaceFacts(ctx: CommandContext): Promise<ClaimFacts[]> {
  const out: ClaimFacts[] = [];
  const registry = ctx.sessions.entities;
  // A scan may have written sidecars the file watcher has not reported yet.
  await ctx.index.refreshNow();
  for (const doc of await annotatedDocuments(ctx.sessions, ctx.index)) {
    const name = doc.uri.toString();
    try {
      if (doc.session) {
        const text = doc.session.document.getText();
        const published = doc.session.store.published ?? documentReferenceDate(text);
        out.push(...claimFacts(doc.session.store.current(new OffsetMap(text)), name, published, registry));
      } else if (doc.stored) {
        const published = doc.stored.published ?? documentReferenceDate((await readSourceText(doc.uri)).slice(0, DATE_HEAD));
        out.push(...claimFacts(doc.stored.annotations, name, published, registry));
      }
    } catch (error) {
      ctx.log.warn(`Find Evidence: ${vscode.workspace.asRelativePath(doc.uri)} left out: ${describeError(error)}`);
    }
  }
  return out;
}

type Item = vscode.QuickPickItem & { candidate: EvidenceCandidate };

function itemOf(c: EvidenceCandidate): Item {
  const verdict = c.verdict ?? 'open';
  return {
    label: `${VERDICT_ICONS[verdict]} ${c.verdict ?? 'no verdict'} · ${excerpt(c.facts.annotation.quote, 70)}`,
    description: vscode.workspace.asRelativePath(vscode.Uri.parse(c.facts.document)),
    detail: c.reasons.join(' · '),
    candidate: c,
  };
}

/** Accepts the evidence in its own document when a scan stored it as a suggestion. */
async function acceptEvidence(ctx: CommandContext, c: EvidenceCandidate): Promise<void> {
  if (c.facts.annotation.status !== 'suggested') return;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(c.facts.document));
  const session = await ctx.sessions.ready(document);
  if (!session) return;
  const review = await ctx.reviewer.review();
  await ctx.sessions.apply(session, `Accept “${excerpt(c.facts.annotation.quote, 28)}” as evidence`, (tx) => {
    tx.update(c.facts.annotation.id, { status: 'open', reviewer: review.reviewer, reviewed: review.reviewed });
    acceptLinkedParts(tx, session, c.facts.annotation.id, review);
  });
}

const NOT_EVIDENCE: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('close'), tooltip: 'Not evidence: do not propose it again' };

/** The candidates to pick from; each has a button that rejects it, and the list stays open. */
function pickCandidate(
  quote: string,
  ranked: readonly EvidenceCandidate[],
  reject: (c: EvidenceCandidate) => Promise<void>,
): Promise<EvidenceCandidate | undefined> {
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = `Evidence for “${excerpt(quote, 40)}”: pick one to confirm it, ✕ if it is not evidence, Escape for none`;
  pick.placeholder = 'Later statements of the workspace, most likely first';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = ranked.map((c) => ({ ...itemOf(c), buttons: [NOT_EVIDENCE] }));
  pick.onDidTriggerItemButton(async (e) => {
    pick.items = pick.items.filter((i) => i !== e.item);
    await reject(e.item.candidate);
    if (pick.items.length === 0) pick.hide();
  });
  return quickPickResult(pick, (item) => item.candidate);
}

export function registerFindEvidenceCommand(ctx: CommandContext): vscode.Disposable {
  return registerCommand(ctx.log, FIND_EVIDENCE_COMMAND, async (arg, choice) => {
    const target = await claimTarget(ctx, arg, 'put the cursor on an accepted commitment, or pick it in the Commitments view');
    if (!target) return undefined;
    const a = target.claim.annotation;
    const from = target.session.document.uri;
    const corpus = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Marginalia: finding evidence' },
      () => workspaceFacts(ctx),
    );
    const commitment = corpus.find((f) => f.document === from.toString() && f.annotation.id === a.id);
    const referenceOf = (c: EvidenceCandidate): string =>
      evidenceReference(from.path, vscode.Uri.parse(c.facts.document).path, c.facts.annotation.id);
    // Statements the researcher said are not evidence are not proposed again.
    const rejected = new Set(a.rejected ?? []);
    const ranked = (commitment === undefined ? [] : rankEvidence(commitment, corpus, { limit: 5 + rejected.size })).filter(
      (c) => !rejected.has(referenceOf(c)),
    );
    const reject = async (c: EvidenceCandidate): Promise<void> => {
      const current = target.session.store.find(a.id)?.annotation.rejected ?? [];
      await ctx.sessions.apply(target.session, `Not evidence for “${excerpt(a.quote, 28)}”`, (tx) => {
        tx.update(a.id, { rejected: [...current, referenceOf(c)] });
      });
    };
    if (ranked.length === 0) {
      void vscode.window.showInformationMessage(
        `Marginalia: no later statement in the workspace settles “${excerpt(a.quote, 40)}” yet. Set Verdict… records a verdict by hand.`,
      );
      return [];
    }
    let picked: EvidenceCandidate | undefined;
    const rejectIndex = typeof choice === 'object' && choice !== null ? (choice as { reject?: unknown }).reject : undefined;
    if (typeof rejectIndex === 'number') {
      const c = ranked[rejectIndex];
      if (c !== undefined) await reject(c);
      return ranked.filter((x) => x !== c).map((x) => ({ uri: x.facts.document, id: x.facts.annotation.id }));
    }
    if (typeof choice === 'number') picked = ranked[choice];
    else if (choice === undefined) picked = await pickCandidate(a.quote, ranked, reject);
    else
      return ranked.map((c) => ({
        uri: c.facts.document,
        id: c.facts.annotation.id,
        verdict: c.verdict,
        score: c.score,
        reasons: c.reasons,
      }));
    if (picked === undefined) return undefined;
    const verdict =
      picked.verdict ??
      (
        await vscode.window.showQuickPick(
          VERDICTS.map((v) => ({ label: `${VERDICT_ICONS[v]} ${v}`, verdict: v })),
          { title: 'What does it show?' },
        )
      )?.verdict;
    if (verdict === undefined) return undefined;
    const evidenceUri = vscode.Uri.parse(picked.facts.document);
    await acceptEvidence(ctx, picked);
    const review = await ctx.reviewer.review();
    await ctx.sessions.apply(target.session, `Verdict ${verdict} on “${excerpt(a.quote, 28)}”, with evidence`, (tx) => {
      tx.update(a.id, {
        verdict,
        evidence: [referenceOf(picked)],
        reviewer: review.reviewer,
        reviewed: review.reviewed,
      });
    });
    ctx.confirmation.brief(`Marked the commitment ${verdict}, with its evidence`, from);
    return { verdict, evidence: { uri: evidenceUri.toString(), id: picked.facts.annotation.id } };
  });
}
