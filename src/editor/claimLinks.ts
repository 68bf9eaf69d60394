// A claim's links in the editor: stored when a claim is accepted (what the hover showed),
// shown in the hover, and added or removed by hand (Link to…, Unlink…). A link names an
// annotation by id. The dates and controls a person links, or accepts a claim with after
// the hover listed them, are accepted with it, signed alike: the person saw them, and a
// register built from reviewed annotations needs them.

import * as vscode from 'vscode';
import { LINK_ROLES, LINK_TARGET_KIND, type DetectionLink, type LinkRole } from '../core/model';
import type { Annotation } from '../core/sidecar/format';
import type { StoreTransaction, TrackedAnnotation } from './annotationStore';
import { registerCommand } from './commands';
import type { CommandContext } from './annotationCommands';
import type { Review } from './reviewer';
import { excerpt, KIND_ICONS } from './display';
import type { DocumentSession, Suggestion } from './session';
import { resolveTarget } from './targets';

export const LINK_COMMANDS = {
  link: 'marginalia.linkClaim',
  unlink: 'marginalia.unlinkClaim',
} as const;

export const ROLE_TITLES: Readonly<Record<LinkRole, string>> = { about: 'About', due: 'Due', when: 'When' };
const ROLE_HELP: Readonly<Record<LinkRole, string>> = {
  about: 'a control the claim is about',
  due: 'its deadline or target: by when it is to happen',
  when: 'when it happened or was said',
};

/** The stored annotation of `kind` at exactly [start, end), not dismissed or orphaned. */
function storedAt(session: DocumentSession, kind: string, start: number, end: number): TrackedAnnotation | undefined {
  return session.store.tracked.find(
    (t) => t.annotation.kind === kind && t.anchor.start === start && t.anchor.end === end && !t.anchor.orphaned,
  );
}

/**
 * The id a link to a detection uses: the annotation at its span (accepted now when it was
 * only a suggestion), or one stored for it now, accepted; undefined when it was dismissed.
 */
function idForDetection(
  tx: StoreTransaction,
  session: DocumentSession,
  target: DetectionLink['target'],
  review: Review,
): string | undefined {
  const stored = storedAt(session, target.kind, target.start, target.end);
  if (stored) return acceptStored(tx, stored, review);
  return tx.addDetection(target, 'open', review).id;
}

function acceptStored(tx: StoreTransaction, stored: TrackedAnnotation, review: Review): string | undefined {
  const a = stored.annotation;
  if (a.status === 'dismissed') return undefined;
  if (a.status === 'suggested') tx.update(a.id, { status: 'open', reviewer: review.reviewer, reviewed: review.reviewed });
  return a.id;
}

/** The same for a suggestion: its stored id, or its detection's. */
function idForSuggestion(tx: StoreTransaction, session: DocumentSession, s: Suggestion, review: Review): string | undefined {
  if (s.storedId !== undefined) {
    const stored = session.store.find(s.storedId);
    return stored === undefined ? undefined : acceptStored(tx, stored, review);
  }
  const d = s.detection;
  return d === undefined || d.kind === 'claim' ? undefined : idForDetection(tx, session, d, review);
}

/** Adds links of `role` from the claim `claimId` to `ids`, keeping those it has. */
function addLinks(tx: StoreTransaction, session: DocumentSession, claimId: string, role: LinkRole, ids: readonly string[]): void {
  const claim = session.store.find(claimId)?.annotation;
  if (!claim) return;
  const have = claim[role] ?? [];
  const next = [...have, ...ids.filter((id) => !have.includes(id) && id !== claimId)];
  if (next.length > have.length) tx.update(claimId, { [role]: next });
}

/** Stores the links inferred for a claim just accepted as `claimId`, accepting their targets with it. */
export function storeInferredLinks(
  tx: StoreTransaction,
  session: DocumentSession,
  claimId: string,
  links: readonly DetectionLink[],
  review: Review,
): void {
  for (const role of LINK_ROLES) {
    const ids = links
      .filter((l) => l.role === role)
      .map((l) => idForDetection(tx, session, l.target, review))
      .filter((id): id is string => id !== undefined);
    if (ids.length > 0) addLinks(tx, session, claimId, role, ids);
  }
}

/**
 * Accepts, signed alike, the parts a stored claim links to that are still suggestions:
 * a claim a scan stored links its parts, and its hover promised that accepting it
 * accepts them.
 */
export function acceptLinkedParts(tx: StoreTransaction, session: DocumentSession, claimId: string, review: Review): void {
  const claim = session.store.find(claimId)?.annotation;
  if (!claim) return;
  for (const role of LINK_ROLES) {
    for (const id of claim[role] ?? []) {
      const part = session.store.find(id);
      if (part) acceptStored(tx, part, review);
    }
  }
}

/** One line per role for a hover: the linked annotations' quotes and labels, or what is wrong with a link. */
export function describeStoredLinks(session: DocumentSession, claim: Annotation): [string, string][] {
  const out: [string, string][] = [];
  for (const role of LINK_ROLES) {
    const ids = claim[role];
    if (ids === undefined || ids.length === 0) continue;
    const parts = ids.map((id) => {
      const t = session.store.find(id);
      if (!t) return `${id} (missing from the sidecar)`;
      const a = t.annotation;
      const notes = [a.label, a.status === 'suggested' ? 'suggestion, not reviewed' : undefined, t.anchor.orphaned ? 'orphaned' : undefined]
        .filter((x): x is string => x !== undefined)
        .join(', ');
      return `“${excerpt(t.anchor.quote, 40)}”${notes === '' ? '' : ` (${notes})`}`;
    });
    out.push([ROLE_TITLES[role], parts.join('; ')]);
  }
  return out;
}

/** The same for links inferred for a suggested claim. */
export function describeInferredLinks(links: readonly DetectionLink[]): [string, string][] {
  return LINK_ROLES.flatMap((role): [string, string][] => {
    const mine = links.filter((l) => l.role === role);
    if (mine.length === 0) return [];
    return [
      [
        ROLE_TITLES[role],
        mine
          .map((l) => `“${excerpt(l.target.text, 40)}”${l.target.kind === 'date' && l.target.value ? ` (${l.target.value})` : ''}`)
          .join('; '),
      ],
    ];
  });
}

/**
 * The claim annotation a claim command acts on: the one named, or the claim under the
 * cursor; `missing` is said when there is none.
 */
export async function claimTarget(
  ctx: CommandContext,
  arg: unknown,
  missing = 'put the cursor on an accepted claim (accept a suggested one first), or pick it in the Annotations view',
): Promise<{ session: DocumentSession; claim: TrackedAnnotation } | undefined> {
  const target = await resolveTarget(ctx.sessions, arg);
  const claim =
    target?.annotation?.annotation.kind === 'claim'
      ? target.annotation
      : target?.annotationsHere.find((t) => t.annotation.kind === 'claim');
  if (!target || !claim) {
    void vscode.window.showInformationMessage(`Marginalia: ${missing}.`);
    return undefined;
  }
  return { session: target.session, claim };
}

interface Candidate {
  kind: string;
  start: number;
  end: number;
  text: string;
  label?: string;
  stored?: TrackedAnnotation;
  suggestion?: Suggestion;
}

/** Dates and controls a claim may link to, nearest first: stored annotations and suggestions. */
function candidates(session: DocumentSession, claim: TrackedAnnotation): Candidate[] {
  const out: Candidate[] = [];
  for (const t of session.store.tracked) {
    const a = t.annotation;
    if ((a.kind !== 'date' && a.kind !== 'control') || a.status === 'dismissed' || a.status === 'suggested' || t.anchor.orphaned) continue;
    out.push({
      kind: a.kind,
      start: t.anchor.start,
      end: t.anchor.end,
      text: t.anchor.quote,
      ...(a.label ? { label: a.label } : {}),
      stored: t,
    });
  }
  for (const s of session.suggestions) {
    if (s.kind !== 'date' && s.kind !== 'control') continue;
    const d = s.detection;
    const label = d?.kind === 'date' ? d.value : d?.kind === 'control' ? (d.controlId ?? d.id) : undefined;
    out.push({ kind: s.kind, start: s.start, end: s.end, text: s.text, ...(label ? { label } : {}), suggestion: s });
  }
  const at = claim.anchor;
  const distance = (c: Candidate): number => (c.end <= at.start ? at.start - c.end : c.start >= at.end ? c.start - at.end : 0);
  return out.sort((x, y) => distance(x) - distance(y) || x.start - y.start);
}

/** Preset answers for Link to…, for keybindings, tasks and tests: the target's span or id, and the role. */
interface LinkPreset {
  target?: { id?: string; start?: number; end?: number; kind?: string };
  role?: LinkRole;
}

function isLinkRole(v: unknown): v is LinkRole {
  return typeof v === 'string' && (LINK_ROLES as readonly string[]).includes(v);
}

async function linkClaim(ctx: CommandContext, arg: unknown, presetArg: unknown): Promise<string | undefined> {
  const found = await claimTarget(ctx, arg);
  if (!found) return undefined;
  const { session, claim } = found;
  const preset: LinkPreset = typeof presetArg === 'object' && presetArg !== null ? presetArg : {};
  const all = candidates(session, claim);
  let chosen: Candidate | undefined;
  if (preset.target !== undefined) {
    const p = preset.target;
    chosen = all.find((c) =>
      p.id !== undefined
        ? c.stored?.annotation.id === p.id || c.suggestion?.storedId === p.id
        : c.start === p.start && c.end === p.end && (p.kind === undefined || c.kind === p.kind),
    );
    if (!chosen) throw new Error(`no date or control to link at ${JSON.stringify(p)}`);
  } else {
    const doc = session.document;
    type Item = vscode.QuickPickItem & { candidate: Candidate };
    const items: Item[] = all.map((c) => ({
      label: `$(${KIND_ICONS[c.kind] ?? 'tag'}) ${excerpt(c.text, 60)}`,
      description: `${c.kind}${c.label ? ` ${c.label}` : ''}${c.suggestion ? ' · suggestion' : ''}`,
      detail: `line ${doc.positionAt(c.start).line + 1}`,
      candidate: c,
    }));
    if (items.length === 0) {
      void vscode.window.showInformationMessage('Marginalia: this document has no dates or controls to link to.');
      return undefined;
    }
    chosen = (
      await vscode.window.showQuickPick(items, {
        title: `Link “${excerpt(claim.anchor.quote, 40)}” to…`,
        placeHolder: 'A date or control, nearest first (a suggestion linked is accepted)',
        matchOnDescription: true,
      })
    )?.candidate;
  }
  if (!chosen) return undefined;
  let role: LinkRole | undefined = chosen.kind === 'control' ? 'about' : isLinkRole(preset.role) ? preset.role : undefined;
  if (preset.role !== undefined && LINK_TARGET_KIND[preset.role] !== chosen.kind)
    throw new Error(`a ${chosen.kind} cannot be linked as ${preset.role}`);
  if (role === undefined) {
    role = (
      await vscode.window.showQuickPick(
        (['due', 'when'] as const).map((r) => ({ label: ROLE_TITLES[r], description: ROLE_HELP[r], role: r })),
        { title: `“${excerpt(chosen.text, 40)}” is the claim’s…` },
      )
    )?.role;
  }
  if (!role) return undefined;
  const target = chosen;
  const linkRole = role;
  // Linking a suggestion accepts it: the person chose it.
  const review = await ctx.reviewer.review();
  const { result } = await ctx.sessions.apply(
    session,
    `Link “${excerpt(claim.anchor.quote, 28)}” to “${excerpt(target.text, 28)}”`,
    (tx) => {
      const id = target.stored?.annotation.id ?? (target.suggestion ? idForSuggestion(tx, session, target.suggestion, review) : undefined);
      if (id === undefined) throw new Error('that date or control was dismissed; accept it again first');
      addLinks(tx, session, claim.annotation.id, linkRole, [id]);
      return id;
    },
  );
  ctx.confirmation.brief(`Linked (${ROLE_TITLES[linkRole].toLowerCase()}) “${excerpt(target.text, 28)}”`, session.document.uri);
  return result;
}

async function unlinkClaim(ctx: CommandContext, arg: unknown, presetArg: unknown): Promise<number | undefined> {
  const found = await claimTarget(ctx, arg);
  if (!found) return undefined;
  const { session, claim } = found;
  const a = claim.annotation;
  const links = LINK_ROLES.flatMap((role) => (a[role] ?? []).map((id) => ({ role, id })));
  if (links.length === 0) {
    void vscode.window.showInformationMessage('Marginalia: this claim has no links.');
    return 0;
  }
  let chosen: { role: LinkRole; id: string }[] | undefined;
  if (typeof presetArg === 'object' && presetArg !== null && typeof (presetArg as { id?: unknown }).id === 'string') {
    const id = (presetArg as { id: string }).id;
    chosen = links.filter((l) => l.id === id);
  } else {
    const picks = await vscode.window.showQuickPick(
      links.map((l) => {
        const t = session.store.find(l.id);
        return {
          label: `${ROLE_TITLES[l.role]}: ${t ? `“${excerpt(t.anchor.quote, 50)}”` : l.id}`,
          description: t ? `${t.annotation.kind}${t.annotation.label ? ` ${t.annotation.label}` : ''}` : 'missing from the sidecar',
          link: l,
        };
      }),
      { title: `Unlink from “${excerpt(a.quote, 40)}”`, canPickMany: true },
    );
    chosen = picks?.map((p) => p.link);
  }
  if (!chosen || chosen.length === 0) return 0;
  const drop = chosen;
  await ctx.sessions.apply(
    session,
    `Unlink ${drop.length === 1 ? 'a link' : `${drop.length} links`} of “${excerpt(a.quote, 28)}”`,
    (tx) => {
      const fields: Partial<Annotation> = {};
      for (const role of LINK_ROLES) {
        const have = a[role] ?? [];
        const kept = have.filter((id) => !drop.some((d) => d.role === role && d.id === id));
        if (kept.length !== have.length) fields[role] = kept;
      }
      tx.update(a.id, fields);
    },
  );
  ctx.confirmation.brief(`Removed ${drop.length === 1 ? 'a link' : `${drop.length} links`}`, session.document.uri);
  return drop.length;
}

export function registerLinkCommands(ctx: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(ctx.log, LINK_COMMANDS.link, (arg, preset) => linkClaim(ctx, arg, preset)),
    registerCommand(ctx.log, LINK_COMMANDS.unlink, (arg, preset) => unlinkClaim(ctx, arg, preset)),
  ];
}
