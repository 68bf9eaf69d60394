import * as vscode from 'vscode';
import type { Catalog, CatalogEntry } from '../core/catalog/types';
import type { ClaimDetection, ControlDetection, DateDetection, Detection } from '../core/model';
import type { Annotation } from '../core/sidecar/format';
import { rangeOf } from './decorations';
import type { SessionRegistry } from './session';

/**
 * Hovers that look things up: a control's catalog card, what a date resolves to and
 * against which reference, why a sentence is a claim. Text from documents and catalogs
 * is appended as plain text: hovers never run commands or render HTML from them.
 */
export class MarginaliaHoverProvider implements vscode.HoverProvider {
  constructor(private readonly sessions: SessionRegistry, private readonly catalog: () => Catalog) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const session = this.sessions.ensure(document);
    if (!session) return undefined;
    const offset = document.offsetAt(position);
    const annotations = session.store.tracked
      .filter((t) => !t.anchor.orphaned && t.annotation.status !== 'dismissed' && t.anchor.start <= offset && offset < t.anchor.end)
      .map((t) => ({ ...t.annotation, start: t.anchor.start, end: t.anchor.end }));
    // Innermost first: a control inside a claim sentence shows its card above the claim.
    const hits = session.suggestions
      .filter((d) => d.start <= offset && offset < d.end)
      .sort((a, b) => (a.end - a.start) - (b.end - b.start));
    const parts = [...annotations.map((a) => describeAnnotation(a, this.catalog())), ...hits.map((d) => this.describe(d))];
    const first = annotations[0] ?? hits[0];
    if (!first) return undefined;
    return new vscode.Hover(parts, rangeOf(document, first));
  }

  describe(d: Detection): vscode.MarkdownString {
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = false;
    md.supportHtml = false;
    switch (d.kind) {
      case 'control': describeControl(md, d, this.catalog()); break;
      case 'date': describeDate(md, d); break;
      case 'claim': describeClaim(md, d); break;
    }
    md.appendMarkdown('\n\n---\n\n$(lightbulb) *Suggestion, not yet accepted*');
    return md;
  }
}

/** An accepted or manual annotation: what it is, its status, and the researcher's note. */
function describeAnnotation(a: Annotation, catalog: Catalog): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = false;
  md.supportHtml = false;
  const icon = a.status === 'verified' ? '$(pass)' : a.status === 'disputed' ? '$(warning)' : '$(note)';
  md.appendMarkdown(`${icon} **Annotation** · `);
  md.appendText(`${a.kind}${a.label ? `: ${a.label}` : ''} · ${a.status}`);
  const entry = a.kind === 'control' ? catalog.entries.find((e) => e.id === a.label) : undefined;
  if (entry?.title) field(md, 'Control', entry.title);
  field(md, 'Speaker', a.speaker);
  if (a.note) {
    // The note is the researcher's Markdown, rendered untrusted: no command links, no HTML.
    md.appendMarkdown('\n\n---\n\n');
    md.appendMarkdown(a.note.replace(/\$\(/g, '\\$('));
  }
  const meta = [a.author, a.created?.slice(0, 10), a.origin].filter(Boolean).join(' · ');
  if (meta) {
    md.appendMarkdown('\n\n*');
    md.appendText(meta);
    md.appendMarkdown('*');
  }
  return md;
}

function field(md: vscode.MarkdownString, label: string, value: string | undefined): void {
  if (value === undefined || value === '') return;
  md.appendMarkdown(`\n\n**${label}:** `);
  md.appendText(value);
}

function describeControl(md: vscode.MarkdownString, d: ControlDetection, catalog: Catalog): void {
  const entry: CatalogEntry | undefined = catalog.entries.find((e) => e.id === (d.framework ?? d.id));
  md.appendMarkdown('$(shield) ');
  if (d.controlId) {
    md.appendMarkdown('Control ');
    md.appendMarkdown(`\`${d.controlId.replace(/`/g, '')}\` of `);
  }
  md.appendMarkdown('**');
  md.appendText(entry?.title ?? d.id);
  md.appendMarkdown('**');
  if (!entry) return;
  field(md, 'Publisher', entry.publisher);
  const current = [entry.version, entry.year !== undefined && entry.version !== String(entry.year) ? `(${entry.year})` : undefined].filter(Boolean).join(' ');
  field(md, 'Current version', current);
  if (entry.earlierVersions.length > 0) field(md, 'Earlier versions still cited', entry.earlierVersions.join(', '));
  field(md, 'Kind', entry.category);
  if (entry.scope) {
    md.appendMarkdown('\n\n');
    md.appendText(entry.scope);
  }
  if (entry.url && /^https:\/\//.test(entry.url)) md.appendMarkdown(`\n\n[Official page](${encodeURI(entry.url)})`);
  md.appendMarkdown(`\n\n*Catalog id* \`${entry.id}\``);
}

function describeDate(md: vscode.MarkdownString, d: DateDetection): void {
  md.appendMarkdown('$(calendar) **Date** ');
  if (d.value === undefined) {
    md.appendMarkdown('*unresolved*');
  } else {
    md.appendMarkdown(`\`${d.value}\``);
    if (d.endValue !== undefined) md.appendMarkdown(` to \`${d.endValue}\``);
  }
  if (d.stated.length > 0) field(md, 'Stated', d.stated.join(', '));
  if (d.implied.length > 0) field(md, 'Implied', d.implied.join(', '));
  if (d.relative || d.implied.length > 0) {
    if (d.reference !== undefined) field(md, 'Resolved against', `${d.reference} (the document's date)`);
    else if (d.value === undefined) md.appendMarkdown('\n\nThe document has no date of its own, so this relative date is left unresolved.');
  }
}

function describeClaim(md: vscode.MarkdownString, d: ClaimDetection): void {
  md.appendMarkdown(`$(comment-discussion) **Claim: ${d.type}**`);
  md.appendMarkdown(` (confidence ${Math.round(d.confidence * 100)}%)`);
  field(md, 'Speaker', d.speaker);
  if (d.cues.length > 0) field(md, 'Why', d.cues.map((c) => `“${c}”`).join(', '));
  if (d.hedges.length > 0) field(md, 'Hedged by', d.hedges.map((h) => `“${h}”`).join(', '));
}
