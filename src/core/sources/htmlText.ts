// A saved web page's main text as a reader sees it: @mozilla/readability (Firefox's Reader
// View) finds the article in a DOM that linkedom builds from the HTML (both plain
// JavaScript: Node, browsers and Web Workers alike, where DOMParser is missing), leaving
// out navigation, cookie banners, "related stories" and footers. Headings, paragraphs,
// list items and table rows each become a paragraph of the text. What the page says of
// itself — title, author, published date, canonical URL, and the address and date a
// browser or SingleFile noted when saving it — is read before Readability changes the DOM.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { readerText } from './pdfText';

export interface HtmlInfo {
  title?: string;
  author?: string;
  /** `YYYY-MM-DD`. */
  published?: string;
  /** The page's own address: its canonical URL, else where it was saved from. */
  url?: string;
  /** When it was saved, `YYYY-MM-DD`, where the saving tool noted it. */
  retrieved?: string;
  siteName?: string;
}

export interface HtmlText {
  /** Paragraphs separated by a blank line, the title first; '' when no main text was found. */
  text: string;
  info: HtmlInfo;
}

/** A date in any form a page gives one (ISO 8601 mostly) as `YYYY-MM-DD`. */
function isoDay(value: string | null | undefined): string | undefined {
  const m = value ? /(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const parsed = value ? Date.parse(value) : NaN;
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString().slice(0, 10);
}

function clean(value: string | null | undefined): string | undefined {
  const s = value ? readerText(value).replace(/\s+/g, ' ').trim() : '';
  return s === '' ? undefined : s;
}

interface MinimalElement extends MinimalNode {
  tagName: string;
  childNodes: ArrayLike<MinimalNode>;
  getAttribute(name: string): string | null;
}
interface MinimalNode {
  nodeType: number;
  textContent: string | null;
}
interface MinimalDocument {
  querySelector(selector: string): MinimalElement | null;
  querySelectorAll(selector: string): ArrayLike<MinimalElement>;
  body: MinimalElement | null;
}

function meta(document: MinimalDocument, ...selectors: string[]): string | undefined {
  for (const s of selectors) {
    const value = clean(document.querySelector(s)?.getAttribute('content'));
    if (value) return value;
  }
  return undefined;
}

/** The page's own metadata: meta tags, the canonical link, JSON-LD, and the comment a saving tool left. */
function infoOf(html: string, document: MinimalDocument): HtmlInfo {
  const info: HtmlInfo = {};
  // Chrome and IE: <!-- saved from url=(0042)https://… -->; SingleFile: url: … / saved date: …
  const savedFrom = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html)?.[1];
  const singleFile = /<!--\s*Page saved with SingleFile[\s\S]*?url:\s*(\S+)[\s\S]*?saved date:\s*([^\n]+?)\s*(?:\n|-->)/i.exec(html);
  let ld: Record<string, unknown> = {};
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const parsed: unknown = JSON.parse(script.textContent ?? '');
      const item = (Array.isArray(parsed) ? parsed[0] : parsed) as unknown;
      if (item && typeof item === 'object') ld = { ...(item as Record<string, unknown>), ...ld };
    } catch {
      // A page's broken JSON-LD says nothing: the meta tags still may.
    }
  }
  const ldString = (k: string): string | undefined => (typeof ld[k] === 'string' ? clean(ld[k]) : undefined);
  const ldAuthor = ld['author'];
  const title =
    meta(document, 'meta[property="og:title"]', 'meta[name="twitter:title"]') ??
    ldString('headline') ??
    clean(document.querySelector('title')?.textContent);
  const author =
    meta(document, 'meta[name="author"]', 'meta[property="article:author"]') ??
    (ldAuthor && typeof ldAuthor === 'object' && 'name' in ldAuthor && typeof ldAuthor.name === 'string'
      ? clean(ldAuthor.name)
      : undefined);
  const published = isoDay(
    meta(
      document,
      'meta[property="article:published_time"]',
      'meta[name="date"]',
      'meta[itemprop="datePublished"]',
      'meta[name="dc.date"]',
    ) ??
      ldString('datePublished') ??
      document.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime'),
  );
  const url =
    clean(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
    meta(document, 'meta[property="og:url"]') ??
    singleFile?.[1] ??
    savedFrom;
  const retrieved = isoDay(singleFile?.[2]);
  const siteName = meta(document, 'meta[property="og:site_name"]');
  if (title) info.title = title;
  if (author) info.author = author;
  if (published) info.published = published;
  if (url && /^https?:\/\//i.test(url)) info.url = url;
  if (retrieved) info.retrieved = retrieved;
  if (siteName) info.siteName = siteName;
  return info;
}

const BLOCKS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'FIGCAPTION',
  'CAPTION',
  'DT',
  'DD',
  'TR',
  'DIV',
  'SECTION',
  'ARTICLE',
  'UL',
  'OL',
  'TABLE',
  'TBODY',
  'THEAD',
  'FIGURE',
  'DL',
]);
// Readability keeps a navigation or a sidebar where it cannot tell them apart: never text to annotate.
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'FORM', 'NAV', 'ASIDE']);

/** The article's blocks in order, each one paragraph: a table row's cells joined by " | ", a list item after "- ". */
function blocksOf(root: MinimalElement): string[] {
  const out: string[] = [];
  let current = '';
  const flush = (): void => {
    const text = readerText(current).replace(/\s+/g, ' ').trim();
    if (text !== '') out.push(text);
    current = '';
  };
  const walk = (node: MinimalElement): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        current += child.textContent ?? '';
        continue;
      }
      if (child.nodeType !== 1) continue;
      const element = child as unknown as MinimalElement;
      const tag = element.tagName.toUpperCase();
      if (SKIPPED.has(tag)) continue;
      // A footnote's mark ("…2025.¹" as <sup><a href="#fn1">1</a></sup>) is not the text's: it would glue a figure to the word before.
      if (
        tag === 'SUP' &&
        /^\s*\[?\w{1,4}\]?\s*$/.test(element.textContent ?? '') &&
        /href="#/.test(String((element as unknown as { innerHTML?: string }).innerHTML))
      )
        continue;
      if (tag === 'BR') {
        current += ' ';
        continue;
      }
      if (tag === 'TR') {
        flush();
        const cells = Array.from(element.childNodes)
          .filter((c) => c.nodeType === 1)
          .map((c) =>
            readerText(c.textContent ?? '')
              .replace(/\s+/g, ' ')
              .trim(),
          );
        current = cells.join(' | ');
        flush();
        continue;
      }
      if (tag === 'TD' || tag === 'TH') {
        current += ` ${child.textContent ?? ''} `;
        continue;
      }
      if (BLOCKS.has(tag)) {
        flush();
        if (tag === 'LI') current = '- ';
        walk(element);
        flush();
      } else walk(element);
    }
  };
  walk(root);
  flush();
  return out.filter((b) => b !== '-');
}

/** Below this many characters of main text, a page has no article to annotate. */
const MIN_ARTICLE_CHARS = 80;

export function htmlText(html: string): HtmlText {
  const { document } = parseHTML(html) as unknown as { document: MinimalDocument };
  const info = infoOf(html, document);
  // Readability takes the document apart: it reads a copy.
  const { document: copy } = parseHTML(html) as unknown as { document: unknown };
  // Readability's types name the DOM's Document, which the core compiles without (lint
  // sees no such type, the compiler sees lib.dom's): linkedom's document is one.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- see above
  const article = new Readability(copy as never, { keepClasses: false }).parse();
  if (!article?.content) return { text: '', info };
  const byline = clean(article.byline);
  if (!info.author && byline) info.author = byline;
  if (!info.published && article.publishedTime) {
    const day = isoDay(article.publishedTime);
    if (day) info.published = day;
  }
  const { document: content } = parseHTML(`<!DOCTYPE html><html><body>${article.content}</body></html>`) as unknown as {
    document: MinimalDocument;
  };
  const blocks = content.body ? blocksOf(content.body) : [];
  // Less than a sentence or two: the page has no article (a login page, an index of links).
  if (blocks.join(' ').length < MIN_ARTICLE_CHARS) return { text: '', info };
  // The title heads the text unless the article starts with its own heading.
  const heading = clean(content.querySelector('h1, h2')?.textContent);
  const title = info.title ?? clean(article.title);
  if (title && blocks[0] !== heading && blocks[0] !== title) blocks.unshift(title);
  return { text: blocks.length > 0 ? `${blocks.join('\n\n')}\n` : '', info };
}
