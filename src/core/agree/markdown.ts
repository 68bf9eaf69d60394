// The agreement report as Markdown: the figures per kind, then every disagreement by
// document, each with both coders' spans, so a team can talk through each one.
import { escapeMarkdown } from '../export/markdownEscape';
import { plural } from '../util/plural';
import type { CodedSpan, LeftOut } from './coders';
import type { AgreementReport, Disagreement, DisagreementType, KindAgreement, PairAgreement } from './study';

/** Three decimals, as agreement figures are published; '—' where a figure is not defined. */
export function figure(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(3);
}

const TYPE_TEXT: Record<DisagreementType, string> = {
  only: 'one coder only',
  span: 'different span',
  label: 'different label',
  'span-label': 'different span and label',
};

export function describeType(type: DisagreementType): string {
  return TYPE_TEXT[type];
}

const QUOTE_LIMIT = 100;

function cell(text: string): string {
  return escapeMarkdown(text, 'table-cell');
}

/** A span as a table cell: its label, its quote (cut), its code-point offsets. */
export function spanText(span: CodedSpan | undefined): string {
  if (span === undefined) return '—';
  const chars = Array.from(span.quote.replace(/\s+/g, ' '));
  const quote = chars.length > QUOTE_LIMIT ? `${chars.slice(0, QUOTE_LIMIT - 1).join('')}…` : chars.join('');
  return `${span.label === '' ? '' : `**${cell(span.label)}** `}“${cell(quote)}” (${span.start}–${span.end})`;
}

function pairName(report: AgreementReport, pair: { a: number; b: number }): string {
  return `${report.coders[pair.a] ?? '?'} × ${report.coders[pair.b] ?? '?'}`;
}

/** One row of the pair figures, as text (the report and the agreement page show the same cells); a column of coders only for three or more. */
export function pairCells(report: AgreementReport, kind: KindAgreement, pair: PairAgreement): string[] {
  return [
    kind.kind,
    ...(report.coders.length > 2 ? [pairName(report, pair)] : []),
    `${pair.spansA} / ${pair.spansB}`,
    figure(pair.exact.f1),
    figure(pair.overlap.precision),
    figure(pair.overlap.recall),
    figure(pair.overlap.f1),
    `${pair.labels.agreed} / ${pair.labels.pairs}`,
    figure(pair.labels.kappa),
  ];
}

function pairRow(report: AgreementReport, kind: KindAgreement, pair: PairAgreement): string {
  return `| ${pairCells(report, kind, pair).map(cell).join(' | ')} |`;
}

function leftOutText(report: AgreementReport): string[] {
  const lines: string[] = [];
  report.leftOut.forEach((left: LeftOut | undefined, i) => {
    if (left === undefined) return;
    const parts = [
      left.suggestions > 0 ? plural(left.suggestions, 'unreviewed suggestion') : '',
      left.dismissed > 0 ? `${left.dismissed} dismissed` : '',
      left.orphaned > 0 ? `${left.orphaned} orphaned` : '',
    ].filter(Boolean);
    if (parts.length > 0) lines.push(`- ${cell(report.coders[i] ?? '?')}: ${parts.join(', ')} left out.`);
  });
  return lines;
}

export interface MarkdownOptions {
  /** Say that suggestions were counted as the coders' own. */
  includeSuggestions?: boolean;
}

export function agreementMarkdown(report: AgreementReport, options: MarkdownOptions = {}): string {
  const out: string[] = [];
  out.push(`# Agreement: ${report.coders.map((c) => escapeMarkdown(c, 'heading')).join(', ')}`, '');
  out.push(
    `${plural(report.documents.length, 'document')} compared${report.documents.length > 0 ? `: ${report.documents.map(cell).join(', ')}` : ''}.`,
    '',
  );
  if (report.unpaired.length > 0) {
    out.push('Not compared (not every coder has them):', '');
    for (const u of report.unpaired) out.push(`- ${cell(u.document)}: only ${u.coders.map(cell).join(', ') || 'nobody'}`);
    out.push('');
  }
  out.push(
    options.includeSuggestions === true
      ? 'Counted: every annotation with a place in the text except dismissed ones, unreviewed suggestions included.'
      : 'Counted: the annotations a person made or reviewed (open, verified, disputed); suggestions no one reviewed, dismissed and orphaned ones are left out.',
  );
  const left = leftOutText(report);
  if (left.length > 0) out.push('', ...left);
  out.push('', '## Figures', '');
  const twoCoders = report.coders.length === 2;
  out.push(
    `| kind |${twoCoders ? '' : ' coders |'} spans${twoCoders ? ` (${cell(report.coders[0] ?? '')} / ${cell(report.coders[1] ?? '')})` : ''} | exact F1 | overlap P | overlap R | overlap F1 | same label | Cohen's κ |`,
    `|---|${twoCoders ? '' : '---|'}---|---:|---:|---:|---:|---|---:|`,
  );
  for (const kind of report.kinds) for (const pair of kind.pairs) out.push(pairRow(report, kind, pair));
  out.push('', "| kind | Krippendorff's α (labels, nominal) | Krippendorff's αᵤ (spans) |", '|---|---:|---:|');
  for (const kind of report.kinds) out.push(`| ${cell(kind.kind)} | ${figure(kind.labelAlpha.alpha)} | ${figure(kind.unitized.alpha)} |`);
  out.push(`| all kinds | | ${figure(report.unitized.alpha)} |`);
  out.push(
    '',
    `Precision and recall take ${cell(report.coders[0] ?? 'the first coder')} as the reference. Overlap: spans that share at least one character, paired one to one. ` +
      "κ and α compare the labels of overlapping pairs (claim type, date value, control id, code); αᵤ compares where the spans lie over the whole text (Krippendorff 2004), documents one after another. '—': not defined (no spans, or no variation).",
  );
  out.push('', `## Disagreements (${report.disagreements.length})`);
  let document: string | undefined;
  for (const d of report.disagreements) {
    if (d.document !== document) {
      document = d.document;
      out.push('', `### ${escapeMarkdown(d.document, 'heading')}`, '');
      out.push(
        `| kind | what |${twoCoders ? '' : ' coders |'} ${twoCoders ? cell(report.coders[0] ?? '') : 'first'} | ${twoCoders ? cell(report.coders[1] ?? '') : 'second'} |`,
      );
      out.push(`|---|---|${twoCoders ? '' : '---|'}---|---|`);
    }
    out.push(disagreementRow(report, d, twoCoders));
  }
  if (report.disagreements.length === 0) out.push('', 'None: the coders marked the same spans with the same labels.');
  return `${out.join('\n')}\n`;
}

function disagreementRow(report: AgreementReport, d: Disagreement, twoCoders: boolean): string {
  const what = d.type === 'only' ? `only ${report.coders[d.spanA ? d.a : d.b] ?? '?'}` : describeType(d.type);
  return `| ${cell(d.kind)} | ${cell(what)} |${twoCoders ? '' : ` ${cell(pairName(report, d))} |`} ${spanText(d.spanA)} | ${spanText(d.spanB)} |`;
}
