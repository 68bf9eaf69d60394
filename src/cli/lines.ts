// Lines of a stream (standard input), read as the consumer asks for them: the stream is
// pulled a chunk at a time, so a producer faster than the CLI is held back by the pipe
// instead of filling memory. UTF-8, a line ends at "\n" ("\r\n" too); the last line needs
// no newline. A line spanning many chunks is joined once, not chunk by chunk.

/** Thrown when the input is not UTF-8 text. */
export class InputNotText extends Error {
  override readonly name = 'InputNotText';
}

/** The text of a chunk stream decoded as UTF-8 (a BOM at the start dropped), strictly. */
async function* decoded(chunks: AsyncIterable<Uint8Array | string>, what: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    const rest = decoder.decode();
    if (rest !== '') yield rest;
  } catch (error) {
    if (error instanceof TypeError) throw new InputNotText(`${what} is not valid UTF-8 text`);
    throw error;
  }
}

/** Every line of the stream, without its line end; `\r` before `\n` dropped. */
export async function* readLines(chunks: AsyncIterable<Uint8Array | string>, what = 'standard input'): AsyncGenerator<string> {
  let pieces: string[] = [];
  let first = true;
  for await (let text of decoded(chunks, what)) {
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = text === '';
    }
    let from = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
      pieces.push(text.slice(from, nl));
      const line = pieces.length === 1 ? (pieces[0] as string) : pieces.join('');
      pieces = [];
      yield line.endsWith('\r') ? line.slice(0, -1) : line;
      from = nl + 1;
    }
    if (from < text.length) pieces.push(text.slice(from));
  }
  if (pieces.length > 0) {
    const line = pieces.join('');
    yield line.endsWith('\r') ? line.slice(0, -1) : line;
  }
}

/** A line of a record stream that is not UTF-8 text. */
export interface NotTextLine {
  notText: true;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Every line of the stream, as readLines gives them, except that each line is decoded on
 * its own: a line that is not UTF-8 text comes as a NotTextLine and the lines after it
 * are still read. For streams of records (JSON Lines), where one bad record must not
 * cost the others. A line end ("\n", byte 0x0A) never occurs inside a UTF-8 sequence, so
 * the bytes are split into lines before they are decoded.
 */
export async function* readRecordLines(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string | NotTextLine> {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pieces: Uint8Array[] = [];
  let first = true;
  const decode = (bytes: Uint8Array): string | NotTextLine => {
    let line = bytes;
    if (first) {
      first = false;
      if (UTF8_BOM.every((b, i) => line[i] === b)) line = line.subarray(3);
    }
    if (line.length > 0 && line[line.length - 1] === 0x0d) line = line.subarray(0, line.length - 1);
    try {
      return decoder.decode(line);
    } catch (error) {
      if (error instanceof TypeError) return { notText: true };
      throw error;
    }
  };
  const joined = (last: Uint8Array): Uint8Array => {
    if (pieces.length === 0) return last;
    const all = new Uint8Array(pieces.reduce((n, p) => n + p.length, last.length));
    let at = 0;
    for (const p of [...pieces, last]) {
      all.set(p, at);
      at += p.length;
    }
    pieces = [];
    return all;
  };
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    let from = 0;
    for (let nl = bytes.indexOf(0x0a); nl !== -1; nl = bytes.indexOf(0x0a, from)) {
      yield decode(joined(bytes.subarray(from, nl)));
      from = nl + 1;
    }
    if (from < bytes.length) pieces.push(bytes.slice(from));
  }
  if (pieces.length > 0) yield decode(joined(new Uint8Array(0)));
}

/** The whole stream as one text (a document piped in): UTF-8, without a BOM. */
export async function readAll(chunks: AsyncIterable<Uint8Array | string>, what = 'standard input'): Promise<string> {
  const parts: string[] = [];
  for await (const text of decoded(chunks, what)) parts.push(text);
  const text = parts.join('');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
