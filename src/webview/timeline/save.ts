// Saving the chart as it is shown (filtered, zoomed): one standalone SVG whose colours
// are the theme's resolved values (a saved file has no VS Code to define var(--vscode-…)),
// and a PNG drawn from that SVG at twice the size.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The properties the stylesheet sets on the chart, copied onto the saved elements. */
const PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-size',
  'font-weight',
  'font-style',
  'visibility',
] as const;

export interface FigureParts {
  title: string;
  summary: string;
  width: number;
  /** Drawn top to bottom, in this order. */
  pieces: SVGSVGElement[];
}

const TITLE_HEIGHT = 44;
const MARGIN = 12;

/** The standalone SVG text of the figure. */
export function figureSvg(parts: FigureParts): { svg: string; width: number; height: number } {
  const body = getComputedStyle(document.body);
  const background = resolvedColour('--vscode-editor-background', body.backgroundColor, '#ffffff');
  const foreground = resolvedColour('--vscode-foreground', body.color, '#333333');
  const fontFamily = body.fontFamily || 'sans-serif';

  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('font-family', fontFamily);
  let y = MARGIN + TITLE_HEIGHT;
  const nested: SVGSVGElement[] = [];
  for (const piece of parts.pieces) {
    const height = Number(piece.getAttribute('height') ?? '0');
    const copy = inlineStyles(piece);
    copy.setAttribute('x', String(MARGIN));
    copy.setAttribute('y', String(y));
    copy.setAttribute('overflow', 'hidden');
    nested.push(copy);
    y += height + 6;
  }
  const width = parts.width + 2 * MARGIN;
  const height = y + MARGIN;
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', background);
  root.append(bg);
  root.append(text(parts.title, MARGIN, MARGIN + 16, foreground, '16', '600'));
  root.append(text(parts.summary, MARGIN, MARGIN + 36, foreground, '12', '400'));
  root.append(...nested);
  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`;
  return { svg, width, height };
}

function text(content: string, x: number, y: number, fill: string, size: string, weight: string): SVGTextElement {
  const el = document.createElementNS(SVG_NS, 'text');
  el.setAttribute('x', String(x));
  el.setAttribute('y', String(y));
  el.setAttribute('fill', fill);
  el.setAttribute('font-size', size);
  el.setAttribute('font-weight', weight);
  el.textContent = content;
  return el;
}

function resolvedColour(variable: string, fallback: string, last: string): string {
  const value = getComputedStyle(document.body).getPropertyValue(variable).trim();
  if (value) return value;
  return fallback && fallback !== 'rgba(0, 0, 0, 0)' ? fallback : last;
}

/**
 * A copy of `source` whose elements carry their computed colours and strokes as
 * attributes. Computed styles are looked up once per distinct chain of classes: the
 * marks share a handful of looks, and 10,000 lookups would take seconds.
 */
function inlineStyles(source: SVGSVGElement): SVGSVGElement {
  const copy = source.cloneNode(true) as SVGSVGElement;
  const cache = new Map<string, [string, string][]>();
  const walk = (from: Element, to: Element, chain: string): void => {
    const key = `${chain}>${from.tagName}.${from.getAttribute('class') ?? ''}`;
    let values = cache.get(key);
    if (!values) {
      const style = getComputedStyle(from);
      values = PROPERTIES.map((name): [string, string] => [name, style.getPropertyValue(name)]).filter(([, v]) => v !== '');
      cache.set(key, values);
    }
    for (const [name, value] of values) to.setAttribute(name, value);
    // Classes stay (no stylesheet travels with the file, so they only name things: `mark`).
    // d3-axis sets a font of its own that the stylesheet overrides; the figure's root font wins instead.
    to.removeAttribute('font-family');
    to.removeAttribute('tabindex');
    const fromChildren = from.children;
    const toChildren = to.children;
    for (let i = 0; i < fromChildren.length; i++) {
      const a = fromChildren[i];
      const b = toChildren[i];
      if (a && b) walk(a, b, key);
    }
  };
  walk(source, copy, '');
  // Hidden parts and the keyboard cursor are the page's state, not the figure's.
  for (const el of Array.from(copy.querySelectorAll('[visibility="hidden"], [data-export="omit"]'))) el.remove();
  return copy;
}

/** The PNG of an SVG text, base64 without the `data:` prefix. */
export async function pngOf(svg: string, width: number, height: number): Promise<string> {
  // Browsers refuse canvases beyond about 16k pixels a side: a very tall chart is drawn smaller.
  const scale = Math.min(2, 16000 / width, 16000 / height);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => {
        resolve();
      };
      image.onerror = () => {
        reject(new Error('the chart could not be drawn as an image'));
      };
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no canvas to draw the image on');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
  } finally {
    URL.revokeObjectURL(url);
  }
}
