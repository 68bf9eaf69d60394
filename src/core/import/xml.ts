// Reading XML for the importers (REFI-QDA's project.qde) into a small plain tree, so the
// mapping code walks ordinary objects and the parser stays replaceable.
//
// The parser is saxes, the conformant XML 1.0 + Namespaces parser jsdom is built on: pure
// JavaScript with no Node API or global, so it runs in the CLI, the Node extension host
// and the web worker alike (the browser's own DOMParser does not exist in a web worker).
// It resolves namespaces (QDA-XML elements live in `urn:QDA-XML:project:1.0`, declared
// with or without a prefix), normalises line ends and attribute values and decodes
// character references as the specification says (a memo's `&#13;` stays a CR, a literal
// CRLF becomes LF), rejects what is not well-formed, and neither fetches external entities
// nor expands entities declared in a DTD: a hostile project can read no file and cannot
// blow up. It reports events; this file only stacks them into elements.

import { SaxesParser } from 'saxes';

export interface XmlElement {
  /** Local name, without a prefix. */
  name: string;
  /** Namespace URI; null for an element in no namespace. */
  namespace: string | null;
  /** Unqualified attributes by name (QDA-XML's are all unqualified); namespace declarations left out. */
  attributes: ReadonlyMap<string, string>;
  children: XmlElement[];
  /** The element's own character data (text and CDATA children), not its descendants'. */
  text: string;
  /** 1-based line of the end of the start tag, for messages. */
  line: number;
}

export interface XmlRead {
  root?: XmlElement;
  /** Why the document could not be read: `line:column: message`. */
  errors: string[];
}

/** Parses an XML document; one that is not well-formed gives its first error and no root. */
export function parseXml(text: string): XmlRead {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('opentag', (tag) => {
    const attributes = new Map<string, string>();
    for (const a of Object.values(tag.attributes)) {
      if (a.uri === '') attributes.set(a.local, a.value);
    }
    const el: XmlElement = {
      name: tag.local,
      namespace: tag.uri === '' ? null : tag.uri,
      attributes,
      children: [],
      text: '',
      line: parser.line,
    };
    const parent = stack[stack.length - 1];
    if (parent === undefined) root = el;
    else parent.children.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (t: string): void => {
    const current = stack[stack.length - 1];
    if (current !== undefined) current.text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    // A byte-order mark is the encoding's, not the document's (decoders usually drop it).
    parser.write(text.startsWith('\uFEFF') ? text.slice(1) : text).close();
  } catch (error) {
    return { errors: [error instanceof Error ? error.message : String(error)] };
  }
  return root === undefined ? { errors: ['no root element'] } : { root, errors: [] };
}
