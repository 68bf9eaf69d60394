// The part of a claim's hover that says where else it is reported: "Also in N documents",
// each a link to that version and to a side-by-side comparison, what changed in figures,
// dates and names, and the words that differ from the nearest version.
import * as vscode from 'vscode';
import { describeChange } from '../../core/match/changes';
import { linkBetween } from '../../core/match/claims';
import { wordDiff } from '../../core/match/wordDiff';
import { actions, untrusted, type Link } from '../hoverMarkdown';
import { keyOfTarget, type ClaimMatchesSnapshot } from './claimMatches';

/** Versions listed in a hover; the view lists them all. */
const LISTED_VERSIONS = 8;

/** A file name as a link title: the characters that end or format a link are escaped. */
function title(text: string): string {
  return text.replace(/[\\[\]()*_`<>]/g, (c) => `\\${c}`).replace(/\$\(/g, '\\$(');
}

/** Hover parts for the claim with this lookup key, or none when it is reported nowhere else. */
export function claimMatchParts(snapshot: ClaimMatchesSnapshot, key: string): vscode.MarkdownString[] {
  const n = snapshot.groupOf.get(key);
  const group = n === undefined ? undefined : snapshot.result.groups[n];
  if (!group) return [];
  const self = group.members.find((i) => {
    const c = snapshot.claims[i];
    return c !== undefined && keyOfTarget(c.target) === key;
  });
  if (self === undefined) return [];
  const me = snapshot.claims[self];
  const others = group.members.filter((i) => i !== self && snapshot.claims[i]?.doc !== me?.doc);
  const documents = new Set(others.map((i) => snapshot.claims[i]?.doc));
  const head = untrusted();
  head.appendMarkdown(`$(references) **Also in ${documents.size} other document${documents.size === 1 ? '' : 's'}**`);
  // The nearest versions first (copies, then edits, then paraphrases); a sentence in a hundred
  // press releases lists a few and leaves the rest to the view.
  const versions = others
    .flatMap((i) => {
      const other = snapshot.claims[i];
      return other ? [{ i, other, link: linkBetween(snapshot.result, snapshot.claims, self, i) }] : [];
    })
    .sort((x, y) => (y.link?.score ?? 0) - (x.link?.score ?? 0));
  const links: Link[] = [];
  const details = untrusted();
  let nearest: { i: number; score: number } | undefined;
  for (const { i, other, link } of versions.slice(0, LISTED_VERSIONS)) {
    links.push([title(other.doc), 'marginalia.revealAnnotation', other.target, `Show this version in ${other.doc.replace(/"/g, "'")}`]);
    links.push([
      '$(diff) Compare',
      'marginalia.compareClaimVersions',
      { from: key, to: keyOfTarget(other.target) },
      'Compare the two versions side by side',
    ]);
    details.appendMarkdown(details.value === '' ? '' : '  \n');
    details.appendText(
      `${other.doc}${other.date ? ` (${other.date})` : ''}: ${link ? `${link.kind}${link.changes.length > 0 ? `; ${link.changes.map(describeChange).join(', ')}` : ''}` : 'same group'}`,
    );
    if (link && link.kind !== 'verbatim' && (!nearest || link.score > nearest.score)) nearest = { i, score: link.score };
  }
  if (versions.length > LISTED_VERSIONS)
    links.push([
      `$(list-tree) ${versions.length - LISTED_VERSIONS} more`,
      'marginalia.claimMatches.focus',
      undefined,
      'Every version in the Claims across Documents view',
    ]);
  const parts = [head, actions(links), details];
  const closest = nearest === undefined ? undefined : snapshot.claims[nearest.i];
  if (me && closest) {
    // The words that differ from the nearest other version: struck out here, bold there.
    const diff = untrusted();
    diff.appendMarkdown(`*Against ${title(closest.doc)}:* `);
    for (const piece of wordDiff(me.text, closest.text)) {
      const text = piece.text.trim();
      if (text === '') {
        diff.appendText(' ');
        continue;
      }
      const lead = /^\s/.test(piece.text) ? ' ' : '';
      const tail = /\s$/.test(piece.text) ? ' ' : '';
      diff.appendText(lead);
      if (piece.type === 'removed') diff.appendMarkdown('~~');
      if (piece.type === 'added') diff.appendMarkdown('**');
      diff.appendText(text);
      if (piece.type === 'removed') diff.appendMarkdown('~~');
      if (piece.type === 'added') diff.appendMarkdown('**');
      diff.appendText(tail);
    }
    parts.push(diff);
  }
  return parts;
}
