// The page of the original an offset of a source text is on, from its sidecar's page map
// (`source.pages`, written by Add Source for a PDF): for hovers and exports alike.
import type { SidecarSource } from './format';

/** The page (1-based) a code-point offset of the text is on; undefined without a page map. */
export function pageOf(source: SidecarSource, offset: number): number | undefined {
  const pages = source.pages;
  if (pages === undefined || pages.length === 0) return undefined;
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((pages[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * How a page is cited: "page 4", or "page 4 (printed iv)" when the page prints another
 * number than its place in the PDF (front matter, a report that starts at 12).
 */
export function pageName(source: SidecarSource, page: number): string {
  const printed = source.pageLabels?.[page - 1];
  return printed === undefined || printed === '' || printed === String(page) ? `page ${page}` : `page ${page} (printed ${printed})`;
}

/** How the page a code-point offset is on is cited ("page 2 (printed iv)"); undefined without a page map. */
export function citedPage(source: SidecarSource, offset: number): string | undefined {
  const page = pageOf(source, offset);
  return page === undefined ? undefined : pageName(source, page);
}
