// The annotated edition's one stylesheet. Highlights are told apart by shape as well as
// colour (a claim underlined, a date double-underlined, a control boxed, a codebook code
// dotted; a suggestion hatched with a dashed line), so the edition reads on a
// black-and-white printout and for readers who do not see the colours. Margin notes are
// floats pulled into the right margin from where their annotation starts, so each sits
// beside its line; on a narrow screen they fall back in line under it.

import { CLAIM_TYPES } from '../model';
import { TIMELINE_COLOURS } from '../timeline/svg';

/** Colours of the highlights: claim types and dates as on the timeline; controls indigo; codebook kinds neutral. */
const CONTROL_COLOUR = '#4B4FC4';
const CODE_COLOUR = '#6B6B6B';

/** `#RRGGBB` at `alpha`, as `rgba()`: a tint that darkens where highlights overlap. */
function tint(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

function kindRules(): string {
  const rules: string[] = [];
  const colours: [string, string][] = [
    ['.m-claim', TIMELINE_COLOURS.claim],
    ...CLAIM_TYPES.map((t): [string, string] => [`.m-claim.c-${t}`, TIMELINE_COLOURS[t]]),
    ['.m-date', TIMELINE_COLOURS.date],
    ['.m-control', CONTROL_COLOUR],
    ['.m-code', CODE_COLOUR],
  ];
  for (const [selector, colour] of colours) {
    rules.push(
      `${selector} { --hl: ${colour}; --hl-bg: ${tint(colour, 0.16)}; --hl-hatch: ${tint(colour, 0.3)}; }`,
      `.note${selector.replace(/\.m-/g, '.k-')} { border-left-color: ${colour}; }`,
    );
  }
  return rules.join('\n');
}

export function editionStyle(): string {
  return `
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #ffffff; --muted: #555555; --rule: #d5d5d5; --note-bg: #f7f7f5;
  --margin: 17rem; --gap: 2rem; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; padding: 1.5rem 1.5rem 4rem; max-width: 66rem; color: var(--fg); background: var(--bg);
  font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .4rem; }
a { color: #0b57a4; }
.edition-header { border-bottom: 2px solid var(--fg); padding-bottom: .8rem; margin-bottom: 1rem; }
.edition-header p { margin: .25rem 0; }
.meta, .doc-meta { color: var(--muted); font-size: .9rem; }
.toc ol { padding-left: 1.4rem; margin: .3rem 0; }
.legend { font-size: .9rem; border: 1px solid var(--rule); border-radius: 4px; padding: .4rem .8rem; margin: 1rem 0; }
.legend h2 { font-size: 1rem; margin: .2rem 0 .3rem; }
.legend ul { list-style: none; padding: 0; margin: .2rem 0; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; }
.legend p { margin: .3rem 0; }

/* The source text: its spaces and line ends kept as they are. */
.text { white-space: pre-wrap; overflow-wrap: anywhere; font: 1.02rem/1.75 Georgia, "Times New Roman", serif;
  margin-right: calc(var(--margin) + var(--gap)); tab-size: 4; }
.text::after { content: ""; display: block; clear: both; }

/* Highlights: --hl is the kind's colour (kind rules below). */
.hl { color: inherit; background-color: var(--hl-bg); padding: 0; border-radius: 2px;
  text-decoration-line: underline; text-decoration-color: var(--hl); text-decoration-thickness: 2px;
  text-decoration-style: solid; text-underline-offset: .22em; text-decoration-skip-ink: none; }
.hl.m-date { text-decoration-style: double; text-decoration-thickness: 1.5px; text-underline-offset: .3em; }
.hl.m-control { text-decoration-line: none; box-shadow: inset 0 0 0 1.5px var(--hl); }
.hl.m-code { text-decoration-style: dotted; text-decoration-thickness: 2.5px; text-underline-offset: .38em; }
/* A suggestion: hatched, dashed, lighter: machine output nobody reviewed. */
.hl.s-suggested { background-color: transparent;
  background-image: repeating-linear-gradient(135deg, var(--hl-hatch) 0 2px, transparent 2px 5px);
  text-decoration-style: dashed; }
.hl.m-control.s-suggested { box-shadow: none; outline: 1.5px dashed var(--hl); outline-offset: -1px; }
.hl.s-dismissed { text-decoration-line: underline line-through; text-decoration-style: solid; background-color: transparent;
  background-image: none; color: var(--muted); }
/* The annotation's number on its first piece: drawn by the stylesheet, so copying the text gives the source. */
.hl[data-n]::before { content: attr(data-n); font: 600 .62rem/1 system-ui, sans-serif; vertical-align: super;
  color: var(--hl); margin-right: 1px; display: inline-block; text-decoration: none; }
.hl.s-verified[data-n]::before { content: attr(data-n) "\\2713"; }
.hl.s-disputed[data-n]::before { content: attr(data-n) "!"; }
.hl.s-suggested[data-n]::before { content: attr(data-n) "?"; }
.hl.s-dismissed[data-n]::before { content: attr(data-n) "\\2715"; }
${kindRules()}

/* Margin notes, each beside the line where its annotation starts. */
.text > .note { float: right; clear: right; width: var(--margin); margin: 0 calc(-1 * (var(--margin) + var(--gap))) .3rem 0; }
.note { white-space: normal; font: .78rem/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  background: var(--note-bg); border-left: 4px solid ${CODE_COLOUR}; padding: .2rem .45rem; border-radius: 0 3px 3px 0;
  overflow-wrap: anywhere; }
.note p { margin: 0; }
.note .nh { font-weight: 600; }
.note sup { font-size: .75rem; vertical-align: baseline; font-weight: 700; }
.note sup::after { content: " "; }
.badge { display: inline-block; font-size: .62rem; line-height: 1.3; font-weight: 600; text-transform: uppercase; letter-spacing: .03em;
  padding: 0 .3rem; border-radius: 3px; border: 1px solid currentColor; }
.badge.st-verified { color: #0a6b2c; }
.badge.st-disputed { color: #a4001d; border-width: 2px; }
.badge.st-open { color: #444444; }
.badge.st-dismissed { color: #666666; text-decoration: line-through; }
.badge.st-suggested { color: #7a4b00; border-style: dashed; }
.note.s-suggested { background: repeating-linear-gradient(135deg, #fbf6ea 0 4px, #ffffff 4px 8px); border-left-style: dashed; }
.note .why { font-style: italic; color: #6b4300; }
.note .who { color: var(--muted); }
.note .note-text { white-space: pre-wrap; margin-top: .15rem; border-top: 1px solid var(--rule); padding-top: .1rem; }
.note q, .orphans q { quotes: "\\201C" "\\201D"; }

.document { margin-top: 2.5rem; }
.document > header { border-bottom: 1px solid var(--rule); margin-bottom: 1rem; }
.document > header h2 { margin-bottom: .2rem; overflow-wrap: anywhere; }
.orphans { margin-right: calc(var(--margin) + var(--gap)); border-top: 1px dashed var(--rule); margin-top: 1.5rem; }
.orphans ul { padding-left: 0; list-style: none; }
.orphans li { margin: .6rem 0; }
.orphans blockquote { margin: 0 0 .3rem; padding-left: .8rem; border-left: 3px solid var(--rule); white-space: pre-wrap;
  font-family: Georgia, "Times New Roman", serif; }
.orphans .note { max-width: 36rem; }

figure.timeline-figure { margin: .5rem 0; overflow-x: auto; }
figure.timeline-figure svg { max-width: 100%; height: auto; display: block; background: #ffffff; }
figcaption { font-size: .85rem; color: var(--muted); margin-top: .3rem; }

table.register { border-collapse: collapse; width: 100%; font-size: .85rem; }
table.register th, table.register td { border: 1px solid var(--rule); padding: .25rem .4rem; text-align: left; vertical-align: top; }
table.register thead th { background: var(--note-bg); }
table.register tr.overdue td:first-child { color: #a4001d; font-weight: 700; }
table.register tr.suggestion td { font-style: italic; }
table.register tr.suggestion { background: repeating-linear-gradient(135deg, #fbf6ea 0 4px, transparent 4px 8px); }
.register-note { color: var(--muted); font-size: .85rem; }

@media (max-width: 52rem) {
  .text, .orphans { margin-right: 0; }
  .text > .note { float: none; display: block; width: auto; margin: .4rem 0 .6rem 1.5rem; }
}

@media (prefers-color-scheme: dark) {
  :root { --fg: #e8e8e8; --bg: #161616; --muted: #b0b0b0; --rule: #444444; --note-bg: #222222; }
  a { color: #8ab8ff; }
  .note.s-suggested { background: repeating-linear-gradient(135deg, #2a2519 0 4px, #1d1d1d 4px 8px); }
  .badge.st-verified { color: #6fd18f; } .badge.st-disputed { color: #ff7f8f; } .badge.st-open { color: #cccccc; }
  .badge.st-suggested { color: #f0c060; } .note .why { color: #f0c060; }
  table.register tr.suggestion { background: repeating-linear-gradient(135deg, #2a2519 0 4px, transparent 4px 8px); }
}

@page { margin: 14mm 12mm; }
@media print {
  :root { --fg: #000000; --bg: #ffffff; --muted: #444444; --note-bg: #f4f4f4; --margin: 54mm; --gap: 5mm; }
  html { font-size: 9.5pt; }
  body { max-width: none; padding: 0; }
  .text { font-size: 10pt; line-height: 1.6; }
  .text > .note { float: right; clear: right; display: block; width: var(--margin);
    margin: 0 calc(-1 * (var(--margin) + var(--gap))) 1.5mm 0; }
  .text, .orphans { margin-right: calc(var(--margin) + var(--gap)); }
  .note { font-size: 7pt; break-inside: avoid; }
  .text > .note { margin-bottom: 1mm; }
  .document { break-before: page; margin-top: 0; }
  .toc a, .note a, table.register a { color: inherit; text-decoration: none; }
  table.register { font-size: 7.5pt; }
  table.register thead { display: table-header-group; }
  table.register tr, figure.timeline-figure { break-inside: avoid; }
  figure.timeline-figure { overflow: visible; }
  h2, h3 { break-after: avoid; }
}
`.trimStart();
}
