// A saved web page made into a text source: its bytes decoded as the page declares, its
// main text (htmlText.ts), and the provenance its sidecar keeps (original, hash, title,
// author, published date, URL, when it was saved).
import { documentReferenceDate } from '../detect';
import { sha256HexOfBytes } from '../sidecar/sha256';
import { htmlText } from './htmlText';
import { SourceRefused, type MadeSource } from './pdfSource';

/** What windows-1252 has at 0x80–0x9F (where ISO 8859-1 has control characters); 0 where it has nothing. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** The labels the WHATWG Encoding standard reads as windows-1252 (Node's TextDecoder reads them as ISO 8859-1). */
const CP1252_LABELS = new Set([
  'windows-1252',
  'cp1252',
  'x-cp1252',
  'latin1',
  'iso-8859-1',
  'iso8859-1',
  'l1',
  'ascii',
  'us-ascii',
  'iso_8859-1',
  'cp819',
  'ibm819',
]);

function decodeCp1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b));
    out += String.fromCharCode(...chunk);
  }
  return out;
}

/** The page's text from its bytes: a byte-order mark, else the charset its head declares, else UTF-8. */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // The charset is declared in ASCII within the first kilobytes (HTML's prescan reads 1024 bytes; pages overrun it).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
  if (declared && CP1252_LABELS.has(declared.toLowerCase())) return decodeCp1252(bytes);
  if (declared) {
    try {
      return new TextDecoder(declared.toLowerCase()).decode(bytes);
    } catch {
      // An unknown label: UTF-8, as browsers do.
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}

export function sourceFromHtml(bytes: Uint8Array, original: string, today: string): MadeSource {
  const { text, info } = htmlText(decodeHtml(bytes));
  if (text === '') throw new SourceRefused('no article text found in it (only navigation, forms or scripts?)');
  const published = info.published ?? documentReferenceDate(text);
  return {
    text,
    provenance: {
      ...(published === undefined ? {} : { published }),
      original,
      originalSha256: sha256HexOfBytes(bytes),
      originalType: 'html',
      ...(info.title === undefined ? {} : { title: info.title }),
      added: today,
      ...(info.author === undefined ? {} : { author: info.author }),
      ...(info.url === undefined ? {} : { url: info.url }),
      ...(info.retrieved === undefined ? {} : { retrieved: info.retrieved }),
    },
    pageCount: 0,
    leftOut: [],
  };
}
