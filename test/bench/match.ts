// Matching claims across documents (core/match): 10,000 claims in 500 documents, a third
// of them copies, edits or merges of claims elsewhere, the rest unique sentences of
// generated news prose (no repeated templates, which would flatter the index).
// Figures only, printed beside their aims: no assertions.
import { matchClaims, type ClaimText } from '../../src/core/match/claims';
import { splitBlocks } from '../../src/core/text/blocks';
import { splitSentences } from '../../src/core/text/sentences';
import { generateArticleText, seededRandom } from './article';
import { detectAll } from '../../src/core/detect';
import { generateUniqueArticleText } from './uniqueArticle';

function row(what: string, ms: number, aim: number, extra = ''): void {
  const verdict = ms <= aim ? 'within aim' : `${(ms / aim).toFixed(1)}× the aim`;
  console.log(
    `${what.padEnd(56)} ${`${ms.toFixed(0)} ms`.padStart(9)}   aim ${`${aim} ms`.padStart(8)}   ${verdict}${extra ? `   ${extra}` : ''}`,
  );
}

function sentences(count: number): string[] {
  const out: string[] = [];
  const text = generateUniqueArticleText(count * 160, 11);
  for (const block of splitBlocks(text)) for (const s of splitSentences(block.text)) if (s.text.length > 40) out.push(s.text);
  return out.slice(0, count);
}

/** A copy as reposts make them: a word dropped, a figure changed, or two sentences merged. */
function edit(text: string, other: string, random: () => number): string {
  const r = random();
  if (r < 0.3) return text;
  if (r < 0.6) return text.replace(/\b\d+(?:\.\d+)?\b/, (n) => String(Number(n) * 10));
  if (r < 0.85) return text.replace(/\s\S+\s/, ' ');
  return `${text.replace(/[.!?]$/, '')}, and ${other.charAt(0).toLowerCase()}${other.slice(1)}`;
}

export function benchMatch(): void {
  console.log('\n== claims across documents (core/match) ==');
  for (const total of [1_000, 10_000]) {
    const random = seededRandom(5);
    const originals = sentences(Math.ceil((total * 2) / 3));
    const claims: ClaimText[] = originals.map((text, i) => ({ doc: `doc-${i % 500}.txt`, id: `o${i}`, text }));
    while (claims.length < total) {
      const i = Math.floor(random() * originals.length);
      const j = Math.floor(random() * originals.length);
      claims.push({
        doc: `copy-${claims.length % 500}.txt`,
        id: `c${claims.length}`,
        text: edit(originals[i] ?? '', originals[j] ?? '', random),
      });
    }
    matchClaims(claims.slice(0, 200));
    const started = performance.now();
    const result = matchClaims(claims);
    const ms = performance.now() - started;
    const kinds = ['verbatim', 'edited', 'paraphrase'].map((k) => `${k} ${result.links.filter((l) => l.kind === k).length}`).join(', ');
    row(
      `match ${total.toLocaleString('en')} claims in 500 + 500 documents`,
      ms,
      total === 10_000 ? 3000 : 500,
      `${result.groups.length} groups; ${kinds}`,
    );
  }
  // Boilerplate: articles made of a few hundred sentence templates, as a press office's
  // releases repeat their "About us" and forward-looking statements. Most claims are copies
  // or near-copies of many others; the hover waits for this build.
  const claims: ClaimText[] = [];
  for (let d = 0; d < 8; d++) {
    const text = generateArticleText(d === 0 ? 600 * 1024 : 60_000, d);
    for (const c of detectAll(text, { kinds: ['claim'] }))
      claims.push({ doc: `release-${d}.txt`, id: `${c.start}`, text: c.text, start: c.start });
  }
  const started = performance.now();
  const result = matchClaims(claims);
  const ms = performance.now() - started;
  const distinct = new Set(claims.map((c) => c.text)).size;
  row(
    `match ${claims.length.toLocaleString('en')} boilerplate claims (${distinct} wordings) in 8 documents`,
    ms,
    3000,
    `${result.groups.length} groups, largest ${result.groups[0]?.members.length ?? 0}; ${result.links.length} links stored`,
  );
}
