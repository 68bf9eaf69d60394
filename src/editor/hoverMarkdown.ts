// The two kinds of Markdown a hover is made of: links to Marginalia's own commands, in a
// string trusted for those commands only, and everything else (document text, notes,
// labels) untrusted. Shared by the hover of an annotation or suggestion and the part that
// lists a claim's other versions.
import * as vscode from 'vscode';

/** The commands a hover's links may run; nothing else, and never from text a sidecar or document supplies. */
export const HOVER_COMMANDS = [
  'marginalia.acceptSuggestion',
  'marginalia.dismissSuggestion',
  'marginalia.setDocumentDate',
  'marginalia.editNote',
  'marginalia.setStatus',
  'marginalia.deleteAnnotation',
  'marginalia.linkClaim',
  'marginalia.unlinkClaim',
  'marginalia.setVerdict',
  'marginalia.revealAnnotation',
  'marginalia.setSpeakerEntity',
  'marginalia.findEvidence',
  'marginalia.compareClaimVersions',
  // The Claims across Documents view, where a claim in many documents has all its versions.
  'marginalia.claimMatches.focus',
  'marginalia.openOriginal',
] as const;

type HoverCommand = (typeof HOVER_COMMANDS)[number];

export type Link = [title: string, command: HoverCommand, argument: unknown, tooltip: string];

/** Links to Marginalia's own commands, in a string trusted for those commands only; titles and arguments are Marginalia's, never a document's text. */
export function actions(links: readonly Link[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
  md.supportHtml = false;
  // Parentheses are legal in a URI component but end a Markdown link (a file named "report (1).txt").
  const encode = (value: unknown): string =>
    encodeURIComponent(JSON.stringify([value]))
      .replace(/\(/g, '%28')
      .replace(/\)/g, '%29');
  md.appendMarkdown(
    links.map(([title, command, argument, tooltip]) => `[${title}](command:${command}?${encode(argument)} "${tooltip}")`).join(' · '),
  );
  return md;
}

export function untrusted(): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}
