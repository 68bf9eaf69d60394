// Creating SVG elements by hand, for the few places d3's joins are more than needed.

export const SVG_NS = 'http://www.w3.org/2000/svg';

type SvgTag = keyof SVGElementTagNameMap;

/** An SVG element with attributes (never `style`: the page's CSP forbids inline styles). */
export function svgEl<K extends SvgTag>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  return el;
}
