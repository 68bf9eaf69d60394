// Anchoring W3C selectors the way a Web Annotation client does, with Apache Annotator:
// its text-quote matcher over plain-text chunks (as a PDF or text viewer hands it text),
// and its DOM matcher over a jsdom document whose text is split into several text nodes
// (as a browser page is). Both report UTF-16 offsets; they are turned into code points
// here, which is what the W3C model's TextPositionSelector counts.

import { textQuoteSelectorMatcher, type Chunk, type Chunker, type TextQuoteSelector } from '@apache-annotator/selector';
import { createTextQuoteSelectorMatcher } from '@apache-annotator/dom';
import { JSDOM } from 'jsdom';
import { OffsetMap } from '../../../src/core/text/offsets';

export interface Span {
  start: number;
  end: number;
}

class TextChunk implements Chunk<string> {
  constructor(
    readonly data: string,
    readonly offset: number,
  ) {}
}

/** The text as consecutive chunks, each a line or at most `size` code units, never cutting a surrogate pair. */
function chunksOf(text: string, size: number): TextChunk[] {
  const chunks: TextChunk[] = [];
  let start = 0;
  let current = '';
  for (const ch of text) {
    current += ch;
    if (ch === '\n' || current.length >= size) {
      chunks.push(new TextChunk(current, start));
      start += current.length;
      current = '';
    }
  }
  if (current !== '' || chunks.length === 0) chunks.push(new TextChunk(current, start));
  return chunks;
}

class TextChunker implements Chunker<TextChunk> {
  private index = 0;

  constructor(private readonly chunks: readonly TextChunk[]) {}

  get currentChunk(): TextChunk {
    return this.chunks[this.index] as TextChunk;
  }

  nextChunk(): TextChunk | null {
    if (this.index + 1 >= this.chunks.length) return null;
    this.index++;
    return this.currentChunk;
  }

  previousChunk(): TextChunk | null {
    if (this.index === 0) return null;
    this.index--;
    return this.currentChunk;
  }

  precedesCurrentChunk(chunk: TextChunk): boolean {
    return chunk.offset < this.currentChunk.offset;
  }
}

/** Every place Apache Annotator's text-quote matcher finds the selector, in code points. */
export async function anchorInText(text: string, selector: TextQuoteSelector, chunkSize = 40): Promise<Span[]> {
  const map = new OffsetMap(text);
  const spans: Span[] = [];
  for await (const m of textQuoteSelectorMatcher(selector)(new TextChunker(chunksOf(text, chunkSize)))) {
    spans.push({ start: map.toCodePoint(m.startChunk.offset + m.startIndex), end: map.toCodePoint(m.endChunk.offset + m.endIndex) });
  }
  return spans;
}

/** A jsdom page holding the text in a `<pre>`, one text node per line, as a browser shows a text file. */
export class TextPage {
  private readonly dom: JSDOM;
  private readonly pre: HTMLPreElement;
  private readonly map: OffsetMap;

  constructor(readonly text: string) {
    this.dom = new JSDOM('<!DOCTYPE html><html><body><pre></pre></body></html>');
    const document = this.dom.window.document;
    this.pre = document.querySelector('pre') as HTMLPreElement;
    for (const line of text.split(/(?<=\n)/)) this.pre.appendChild(document.createTextNode(line));
    this.map = new OffsetMap(text);
  }

  /** Every place Apache Annotator's DOM matcher finds the selector, in code points. */
  async anchor(selector: TextQuoteSelector): Promise<Span[]> {
    const window = this.dom.window;
    // The DOM package reads `document`, `Node` and `NodeFilter` as globals, as in a browser.
    const globals = globalThis as Record<string, unknown>;
    const names = ['document', 'Node', 'NodeFilter'] as const;
    const saved = names.map((n) => globals[n]);
    globals['document'] = window.document;
    globals['Node'] = window.Node;
    globals['NodeFilter'] = window.NodeFilter;
    try {
      const spans: Span[] = [];
      for await (const range of createTextQuoteSelectorMatcher(selector)(this.pre)) {
        const before = window.document.createRange();
        before.setStart(this.pre, 0);
        before.setEnd(range.startContainer, range.startOffset);
        const start = before.toString().length;
        spans.push({ start: this.map.toCodePoint(start), end: this.map.toCodePoint(start + range.toString().length) });
      }
      return spans;
    } finally {
      names.forEach((n, i) => {
        globals[n] = saved[i];
      });
    }
  }
}
