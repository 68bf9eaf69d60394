// pdf.js expects the browser's DOMMatrix, ImageData and Path2D at load (for rendering,
// which reading text never does) and, in Node, loads a native canvas module for them. Where
// they are missing, small stand-ins are installed instead. Loaded only where globals are
// Marginalia's own (the CLI's process, a PDF worker), never in a shared extension host.

/** A 2D affine matrix with the few operations pdf.js calls outside rendering. */
class AffineMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  constructor(init?: readonly number[]) {
    if (init && init.length >= 6)
      [this.a, this.b, this.c, this.d, this.e, this.f] = init as [number, number, number, number, number, number];
  }

  multiplySelf(m: AffineMatrix): this {
    const { a, b, c, d, e, f } = this;
    this.a = a * m.a + c * m.b;
    this.b = b * m.a + d * m.b;
    this.c = a * m.c + c * m.d;
    this.d = b * m.c + d * m.d;
    this.e = a * m.e + c * m.f + e;
    this.f = b * m.e + d * m.f + f;
    return this;
  }

  preMultiplySelf(m: AffineMatrix): this {
    const copy = new AffineMatrix([m.a, m.b, m.c, m.d, m.e, m.f]).multiplySelf(this);
    [this.a, this.b, this.c, this.d, this.e, this.f] = [copy.a, copy.b, copy.c, copy.d, copy.e, copy.f];
    return this;
  }

  translateSelf(x = 0, y = 0): this {
    return this.multiplySelf(new AffineMatrix([1, 0, 0, 1, x, y]));
  }

  scaleSelf(x = 1, y = x): this {
    return this.multiplySelf(new AffineMatrix([x, 0, 0, y, 0, 0]));
  }

  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    const { a, b, c, d, e, f } = this;
    this.a = d / det;
    this.b = -b / det;
    this.c = -c / det;
    this.d = a / det;
    this.e = (c * f - d * e) / det;
    this.f = (b * e - a * f) / det;
    return this;
  }
}

class Placeholder {}

const globals = globalThis as Record<string, unknown>;
if (globals['DOMMatrix'] === undefined) globals['DOMMatrix'] = AffineMatrix;
if (globals['ImageData'] === undefined) globals['ImageData'] = Placeholder;
if (globals['Path2D'] === undefined) globals['Path2D'] = Placeholder;

export {};
