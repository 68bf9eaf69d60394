import * as vscode from 'vscode';
import { catalogCard } from '../core/catalog/card';
import type { Catalog, CatalogEntry } from '../core/catalog/types';
import type { ClaimDetection, ControlDetection, DateDetection } from '../core/model';
import type { Annotation } from '../core/sidecar/format';
import { resolveEvidence } from '../core/sidecar/evidence';
import { describeInferredLinks, describeStoredLinks } from './claimLinks';
import { rangeOf } from './decorations';
import { KIND_ICONS, STATUS_ICONS } from './display';
import type { DocumentSession, SessionRegistry, Suggestion } from './session';
import { speakerText } from './speakerEntity';
import type { EntityRegistry } from '../core/entities/registry';
import { actions, untrusted, type Link } from './hoverMarkdown';
import { keyOfTarget, type ClaimMatches } from './match/claimMatches';
import { claimMatchParts } from './match/matchHover';
import { pageName } from '../core/sidecar/pages';
import { pageOfOffset } from './sources/openOriginal';

/** How long a hover waits for the workspace's claims to be matched before it shows without them. */
const MATCH_WAIT_MS = 400;

/** What each style in the editor means, for the hovers, the status bar and the walkthrough. */
export const LEGEND =
  'Suggestions are underlined: claims dotted, dates dashed, controls boxed. Annotations you accepted or made are shaded, with a gutter mark; ✓ verified, ! disputed.';

/**
 * Hovers that look things up: a control's catalog card, what a date resolves to and
 * against which reference, why a sentence is a claim; and act: Accept / Dismiss a
 * suggestion, Set Document Date for an unresolved date, note and status of an annotation.
 * Text from documents, catalogs and sidecars (notes, labels) is rendered in untrusted
 * Markdown; the links are in a separate Markdown string trusted for Marginalia's own
 * commands only, so a shared file can never add a link that runs anything.
 */
export class MarginaliaHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly sessions: SessionRegistry,
    private readonly catalog: () => Catalog,
    private readonly matches?: ClaimMatches,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.ProviderResult<vscode.Hover> {
    const session = this.sessions.ensure(document);
    if (!session) return undefined;
    const offset = document.offsetAt(position);
    const uri = document.uri.toString();
    const annotations = session.store.tracked
      .filter(
        (t) =>
          !t.anchor.orphaned &&
          t.annotation.status !== 'dismissed' &&
          t.annotation.status !== 'suggested' &&
          t.anchor.start <= offset &&
          offset < t.anchor.end,
      )
      .sort((a, b) => a.anchor.end - a.anchor.start - (b.anchor.end - b.anchor.start));
    // Innermost first: a control inside a claim sentence shows its card above the claim.
    const hits = session.suggestions.filter((d) => d.start <= offset && offset < d.end).sort((a, b) => a.end - a.start - (b.end - b.start));
    const parts: vscode.MarkdownString[] = [];
    // Each item: what it is in one line, what can be done with it, then the details: the
    // actions stay in view however long a catalog card is.
    for (const t of annotations) {
      const a = { ...t.annotation, start: t.anchor.start, end: t.anchor.end };
      const [head, ...details] = describeAnnotation(a, this.catalog(), session.entityRegistry);
      const links: Link[] = [
        ['$(edit) Edit Note…', 'marginalia.editNote', { uri, id: a.id }, 'Add or change the note'],
        ['$(tag) Set Status…', 'marginalia.setStatus', { uri, id: a.id }, 'Open, verified, disputed or dismissed'],
        ['$(trash) Delete', 'marginalia.deleteAnnotation', { uri, id: a.id }, 'Delete it (Marginalia: Undo brings it back)'],
      ];
      const linkParts: vscode.MarkdownString[] = [];
      if (a.kind === 'claim') {
        links.push([
          '$(link) Link to…',
          'marginalia.linkClaim',
          { uri, id: a.id },
          'Link a date (due, when) or a control (about) to this claim',
        ]);
        if (a.speaker !== undefined || a.entity !== undefined)
          links.push([
            '$(person) Speaker…',
            'marginalia.setSpeakerEntity',
            { uri, id: a.id },
            'Who the speaker is: an entity, a new name, or no one',
          ]);
        if (a.label === 'commitment')
          links.push([
            '$(law) Set Verdict…',
            'marginalia.setVerdict',
            { uri, id: a.id },
            'Was it kept? Kept, broken, disputed or unverifiable',
          ]);
        if (a.label === 'commitment' && a.verdict === undefined)
          links.push([
            '$(search) Find Evidence…',
            'marginalia.findEvidence',
            { uri, id: a.id },
            'Later statements of the workspace that may show whether it was kept',
          ]);
        const shown = a.evidence?.[0] === undefined ? undefined : resolveEvidence(document.uri.path, a.evidence[0]);
        if (shown)
          links.push([
            '$(go-to-file) Open Evidence',
            'marginalia.revealAnnotation',
            { uri: document.uri.with({ path: shown.path }).toString(), id: shown.id },
            'Show the annotation that shows the verdict',
          ]);
        const stored = describeStoredLinks(session, a);
        if (stored.length > 0) {
          links.push(['$(debug-disconnect) Unlink…', 'marginalia.unlinkClaim', { uri, id: a.id }, 'Remove links of this claim']);
          const md = untrusted();
          fieldLine(md, stored);
          linkParts.push(md);
        }
      }
      parts.push(head as vscode.MarkdownString, actions(links), ...linkParts, ...details);
    }
    for (const s of hits) {
      const { head, body } = this.describe(s, session);
      const target = s.storedId !== undefined ? { uri, id: s.storedId } : { uri, start: s.start, end: s.end, kind: s.kind };
      const links: Link[] = [
        ['$(check) Accept', 'marginalia.acceptSuggestion', target, 'Keep it as an annotation, recorded as reviewed by you'],
        ['$(close) Dismiss', 'marginalia.dismissSuggestion', target, 'Reject it; it will not be suggested again'],
      ];
      const d = s.detection;
      if (d?.kind === 'date' && d.value === undefined)
        links.push([
          '$(calendar) Set Document Date…',
          'marginalia.setDocumentDate',
          { uri },
          'The date relative dates in this document resolve against',
        ]);
      parts.push(head, actions(links));
      if (d?.kind === 'claim') {
        // What accepting it stores with it.
        const inferred = describeInferredLinks(session.linksOf(d));
        if (inferred.length > 0) {
          const md = untrusted();
          md.appendMarkdown('*Accepting it also accepts, as its parts:* ');
          fieldLine(md, inferred);
          parts.push(md);
        }
      }
      if (body.value !== '') parts.push(body);
    }
    const first = annotations[0]?.anchor ?? hits[0];
    if (!first) return undefined;
    const range = rangeOf(document, first);
    const page = originalPage(session, document, first.start, first.end - first.start);
    if (page) parts.unshift(page);
    // The innermost claim here: where else it is reported is looked up across the workspace.
    const claim = annotations.find((t) => t.annotation.kind === 'claim');
    const live = hits.find((s) => s.kind === 'claim');
    const key =
      claim !== undefined
        ? keyOfTarget({ uri, id: claim.annotation.id })
        : live !== undefined
          ? keyOfTarget(live.storedId !== undefined ? { uri, id: live.storedId } : { uri, start: live.start, end: live.end })
          : undefined;
    if (key === undefined || !this.matches) return new vscode.Hover([...parts, legend()], range);
    return this.withMatches(this.matches, key, parts).then((all) => new vscode.Hover([...all, legend()], range));
  }

  /** The parts with the claim's other versions after them; without them when the workspace takes long to match. */
  private async withMatches(matches: ClaimMatches, key: string, parts: vscode.MarkdownString[]): Promise<vscode.MarkdownString[]> {
    const late = new Promise<undefined>((resolve) => {
      setTimeout(() => {
        resolve(undefined);
      }, MATCH_WAIT_MS);
    });
    const snapshot = (await Promise.race([matches.ready(), late])) ?? matches.current;
    return snapshot ? [...parts, ...claimMatchParts(snapshot, key)] : parts;
  }

  /** A suggestion's title line (with what it is: a suggestion, not reviewed) and its details. */
  describe(s: Suggestion, session: DocumentSession): { head: vscode.MarkdownString; body: vscode.MarkdownString } {
    const head = untrusted();
    const body = untrusted();
    const d = s.detection;
    if (d) {
      switch (d.kind) {
        case 'control':
          describeControl(head, body, d, this.catalog());
          break;
        case 'date':
          describeDate(head, body, d);
          break;
        case 'claim':
          describeClaim(head, body, d, speakerText(d.speaker, session.entityOf(d), session.entityRegistry));
          break;
      }
    } else {
      head.appendMarkdown(`$(${KIND_ICONS[s.kind] ?? 'tag'}) **`);
      head.appendText(s.kind);
      head.appendMarkdown('**');
    }
    head.appendMarkdown(`  \n$(lightbulb) *${s.storedId !== undefined ? 'Suggestion stored by a scan' : 'Suggestion'}, not reviewed yet*`);
    return { head, body };
  }
}

/** Where in the original PDF this is (a text made by Add Source): its page, and a link that opens it there. */
function originalPage(
  session: DocumentSession,
  document: vscode.TextDocument,
  offset: number,
  length: number,
): vscode.MarkdownString | undefined {
  const source = session.store.source;
  if (source.original === undefined || source.pages === undefined) return undefined;
  const page = pageOfOffset(source, document.getText(), offset);
  if (page === undefined) return undefined;
  const links = actions([
    [
      `$(file-pdf) ${pageName(source, page).replace(/^p/, 'P')} of ${source.original.replace(/[\\[\]()*_`<>]/g, (c) => `\\${c}`)}`,
      'marginalia.openOriginal',
      { uri: document.uri.toString(), offset, length },
      'Open the original at this page, with this text marked',
    ],
  ]);
  return links;
}

function legend(): vscode.MarkdownString {
  const md = untrusted();
  md.appendMarkdown('*');
  md.appendText(LEGEND);
  md.appendMarkdown('*');
  return md;
}

/** An accepted or manual annotation: what it is, its status and who decided it; the researcher's note apart, untrusted. */
function describeAnnotation(a: Annotation, catalog: Catalog, entities: EntityRegistry): vscode.MarkdownString[] {
  const head = untrusted();
  head.appendMarkdown(`${STATUS_ICONS[a.status]} **Annotation** · `);
  head.appendText(`${a.kind}${a.label ? `: ${a.label}` : ''} · ${a.status}`);
  const md = untrusted();
  const entry = a.kind === 'control' ? catalog.entries.find((e) => e.id === a.label) : undefined;
  if (entry?.title) field(md, 'Control', entry.title);
  if (a.verdict !== undefined) field(md, 'Verdict', `${a.verdict} (whether the commitment was kept)`);
  if (a.evidence !== undefined && a.evidence.length > 0) field(md, 'Evidence', a.evidence.join(', '));
  field(md, 'Speaker', speakerText(a.speaker, a.entity, entities));
  if (a.tags && a.tags.length > 0) field(md, 'Tags', a.tags.join(', '));
  const made =
    a.origin === 'manual'
      ? `made by ${a.author ?? 'hand'}${a.created ? ` on ${a.created.slice(0, 10)}` : ''}`
      : `suggested by Marginalia${a.reviewer || a.reviewed ? `, ${a.status === 'open' ? 'accepted' : `marked ${a.status}`} by ${a.reviewer ?? 'an unnamed reviewer'}${a.reviewed ? ` on ${a.reviewed.slice(0, 10)}` : ''}` : ''}`;
  md.appendMarkdown(md.value === '' ? '*' : '\n\n*');
  md.appendText(made);
  md.appendMarkdown('*');
  const parts = [head, md];
  if (a.note) {
    // The note is the researcher's Markdown, rendered untrusted: no command links, no HTML.
    const note = untrusted();
    note.appendMarkdown(a.note.replace(/\$\(/g, '\\$('));
    parts.push(note);
  }
  return parts;
}

function field(md: vscode.MarkdownString, label: string, value: string | undefined): void {
  if (value === undefined || value === '') return;
  md.appendMarkdown(`\n\n**${label}:** `);
  md.appendText(value);
}

/** Several short fields on one line, "**A:** x · **B:** y", so a card stays short. */
function fieldLine(md: vscode.MarkdownString, fields: readonly [string, string | undefined][]): void {
  const present = fields.filter((f): f is [string, string] => f[1] !== undefined && f[1] !== '');
  if (present.length === 0) return;
  md.appendMarkdown(md.value === '' ? '' : '\n\n');
  present.forEach(([label, value], i) => {
    md.appendMarkdown(`${i > 0 ? ' · ' : ''}**${label}:** `);
    md.appendText(value);
  });
}

function describeControl(head: vscode.MarkdownString, body: vscode.MarkdownString, d: ControlDetection, catalog: Catalog): void {
  const entry: CatalogEntry | undefined = catalog.entries.find((e) => e.id === (d.framework ?? d.id));
  head.appendMarkdown('$(shield) ');
  if (d.controlId) {
    head.appendMarkdown('Control ');
    head.appendMarkdown(`\`${d.controlId.replace(/`/g, '')}\` of `);
  }
  head.appendMarkdown('**');
  head.appendText(entry?.title ?? d.id);
  head.appendMarkdown('**');
  if (!entry) return;
  const card = catalogCard(entry, catalog);
  fieldLine(body, card.facts);
  if (card.earlierVersions) field(body, 'Earlier versions still cited', card.earlierVersions);
  if (card.enforces.length > 0) field(body, 'Enforces', card.enforces.join('; '));
  if (card.scope) {
    body.appendMarkdown('\n\n');
    body.appendText(card.scope);
  }
  body.appendMarkdown('\n\n');
  if (card.url && /^https:\/\//.test(card.url)) body.appendMarkdown(`[Official page](${encodeURI(card.url)}) · `);
  body.appendMarkdown(`*Catalog id* \`${card.id}\``);
}

function describeDate(head: vscode.MarkdownString, body: vscode.MarkdownString, d: DateDetection): void {
  head.appendMarkdown('$(calendar) **Date** ');
  if (d.value === undefined) {
    head.appendMarkdown('*unresolved*');
  } else {
    head.appendMarkdown(`\`${d.value}\``);
    if (d.endValue !== undefined) head.appendMarkdown(` to \`${d.endValue}\``);
  }
  fieldLine(body, [
    ['Stated', d.stated.join(', ')],
    ['Implied', d.implied.join(', ')],
  ]);
  if (d.relative || d.implied.length > 0) {
    if (d.reference !== undefined) field(body, 'Resolved against', `${d.reference} (the document's date)`);
    else if (d.value === undefined)
      body.appendMarkdown(
        '\n\nThe document has no date of its own, so this relative date is left unresolved: set the document date to resolve it.',
      );
  }
}

function describeClaim(head: vscode.MarkdownString, body: vscode.MarkdownString, d: ClaimDetection, speaker: string | undefined): void {
  head.appendMarkdown(`$(comment-discussion) **Claim: ${d.type}**`);
  head.appendMarkdown(` (confidence ${Math.round(d.confidence * 100)}%)`);
  fieldLine(body, [['Speaker', speaker]]);
  if (d.cues.length > 0) field(body, 'Why', d.cues.map((c) => `“${c}”`).join(', '));
  if (d.hedges.length > 0) field(body, 'Hedged by', d.hedges.map((h) => `“${h}”`).join(', '));
}
