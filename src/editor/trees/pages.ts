// The page of the original a view row is on, for a text made from a PDF: the same citation
// ("page 2 (printed iv)") the hover and the exports give.
import type { SidecarSource } from '../../core/sidecar/format';
import { citedPage } from '../../core/sidecar/pages';
import { OffsetMap } from '../../core/text/offsets';

/**
 * The page of each offset, for a text with a page map; offsets in code points, or in UTF-16
 * units of `text` when it is given (an open document). Nothing for any other text.
 */
export function pagesOf(source: SidecarSource | undefined, text?: string): (offset: number) => { page?: string } {
  if (source?.pages === undefined) return () => ({});
  const map = text === undefined ? undefined : new OffsetMap(text);
  return (offset) => {
    const page = citedPage(source, map === undefined ? offset : map.toCodePoint(offset));
    return page === undefined ? {} : { page };
  };
}

/** "p. 2", short for a row's description. */
export function shortPage(page: string): string {
  return page.replace(/^page /, 'p. ');
}
