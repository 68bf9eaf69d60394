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

/** The whole stream as one text (a document piped in): UTF-8, without a BOM. */
export async function readAll(chunks: AsyncIterable<Uint8Array | string>, what = 'standard input'): Promise<string> {
  const parts: string[] = [];
  for await (const text of decoded(chunks, what)) parts.push(text);
  const text = parts.join('');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
