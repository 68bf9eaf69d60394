// The full YAML 1.2 parser (`yaml`), for any sidecar the fast path does not recognise:
// hand-edited layouts, anchors, block scalars, syntax errors.

import { Composer, isAlias, isMap, isPair, isScalar, isSeq, Parser, YAMLParseError, type CST, type Document, type Node } from 'yaml';
import { MAX_ALIAS_COUNT } from './format';
import { MAX_NESTING, type TreeEntry, type TreeNode } from './tree';

export interface OffsetError {
  offset: number;
  message: string;
}

export type YamlTreeResult = { tree: TreeNode; errors: [] } | { tree?: undefined; errors: OffsetError[] };

/** Options shared with write.ts so both read a file the same way. */
export const YAML_OPTIONS = {
  version: '1.2',
  schema: 'core',
  uniqueKeys: true,
  prettyErrors: false,
  strict: true,
} as const;

/** Nodes an alias-heavy document may expand to before conversion gives up. */
const MAX_EXPANDED_NODES = 2_000_000;

export function parseYamlTree(text: string): YamlTreeResult {
  // `parseDocument` in two steps, so the nesting is checked between them: the CST parser
  // keeps its own stack, but composing and converting recurse once or more per level.
  const tokens = [...new Parser().parse(text)];
  const deep = tooDeep(tokens);
  if (deep !== undefined) return { errors: [{ offset: deep, message: nestingMessage('') }] };
  const doc = compose(tokens, text.length);
  if (doc.errors.length > 0) {
    return { errors: doc.errors.map((e) => ({ offset: e.pos[0], message: `YAML syntax: ${firstLine(e.message)}` })) };
  }
  const aliases = firstAlias(doc);
  if (aliases !== undefined) {
    try {
      doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      return { errors: [{ offset: aliases, message: `too many YAML aliases (limit ${MAX_ALIAS_COUNT}): ${reason}` }] };
    }
  }
  if (doc.contents === null)
    return { errors: [{ offset: 0, message: 'the file is empty; expected `marginalia: 2` and an annotations list' }] };
  const budget = { left: MAX_EXPANDED_NODES };
  try {
    return { tree: convert(doc, doc.contents, budget, 0), errors: [] };
  } catch (e) {
    if (e instanceof ConversionError) return { errors: [{ offset: e.offset, message: e.message }] };
    throw e;
  }
}

/** As `parseDocument(text, YAML_OPTIONS)` does it: the first document, and an error if there are more. */
function compose(tokens: CST.Token[], length: number): Document.Parsed {
  const composer = new Composer(YAML_OPTIONS);
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, length)) {
    if (doc === undefined) {
      doc = next;
    } else {
      doc.errors.push(
        new YAMLParseError(
          [next.range[0], next.range[1]],
          'MULTIPLE_DOCS',
          'Source contains multiple documents; please use YAML.parseAllDocuments()',
        ),
      );
      break;
    }
  }
  // compose(…, true) always ends with a document, even for an empty text.
  if (doc === undefined) throw new Error('the YAML composer returned no document');
  return doc;
}

/** The offset of the first map or list nested deeper than MAX_NESTING, walking the CST without recursion. */
function tooDeep(tokens: readonly CST.Token[]): number | undefined {
  const stack: { token: CST.Token; depth: number }[] = [];
  const push = (items: readonly CST.CollectionItem[], depth: number): void => {
    // Children in reverse so they are visited in text order and the first offset is reported.
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i] as CST.CollectionItem;
      if (item.value) stack.push({ token: item.value, depth });
      if (item.key) stack.push({ token: item.key, depth });
    }
  };
  for (let i = tokens.length - 1; i >= 0; i--) stack.push({ token: tokens[i] as CST.Token, depth: 0 });
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { token, depth } = top;
    if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth });
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > MAX_NESTING) return token.offset;
      push(token.items, depth + 1);
    }
  }
  return undefined;
}

function nestingMessage(extra: string): string {
  return `the YAML is nested more than ${MAX_NESTING} levels deep${extra}; Marginalia refuses to read it (a sidecar needs 4)`;
}

class ConversionError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function firstAlias(doc: Document): number | undefined {
  let found: number | undefined;
  const visit = (node: unknown): void => {
    if (found !== undefined) return;
    if (isAlias(node)) found = node.range?.[0] ?? 0;
    else if (isMap(node) || isSeq(node)) for (const item of node.items) visit(item);
    else if (isPair(node)) {
      visit(node.key);
      visit(node.value);
    }
  };
  visit(doc.contents);
  return found;
}

function convert(doc: Document, node: unknown, budget: { left: number }, depth: number): TreeNode {
  if (--budget.left < 0) {
    throw new ConversionError(0, 'the YAML expands to too many nodes (aliases or nesting); refusing to read it');
  }
  if (isAlias(node)) {
    const target = node.resolve(doc);
    if (target === undefined) throw new ConversionError(node.range?.[0] ?? 0, `unresolved alias *${node.source}`);
    // The target takes the alias's place, at its depth.
    return convert(doc, target, budget, depth);
  }
  const offset = (node as Node | null)?.range?.[0] ?? 0;
  // `depth` counts the maps and lists around the node (0 at the top). tooDeep() has
  // checked the text, so only aliases can lead deeper than MAX_NESTING here.
  if ((isSeq(node) || isMap(node)) && depth + 1 > MAX_NESTING) {
    throw new ConversionError(offset, nestingMessage(' once its aliases are expanded'));
  }
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      return { type: 'scalar', value: v, offset };
    }
    throw new ConversionError(offset, `unsupported scalar of type ${typeof v}`);
  }
  if (isSeq(node)) {
    return { type: 'seq', offset, items: node.items.map((item) => convert(doc, item, budget, depth + 1)) };
  }
  if (isMap(node)) {
    const entries: TreeEntry[] = [];
    for (const pair of node.items) {
      const keyNode = pair.key;
      const keyOffset = (keyNode as Node | null)?.range?.[0] ?? offset;
      if (!isScalar(keyNode) || typeof keyNode.value !== 'string') {
        throw new ConversionError(keyOffset, 'keys must be plain words such as `id` or `quote`');
      }
      const value: TreeNode =
        pair.value === null || pair.value === undefined
          ? { type: 'scalar', value: null, offset: keyOffset }
          : convert(doc, pair.value, budget, depth + 1);
      entries.push({ key: keyNode.value, keyOffset, value });
    }
    return { type: 'map', offset, entries };
  }
  if (node === null || node === undefined) return { type: 'scalar', value: null, offset };
  throw new ConversionError(offset, 'unsupported YAML node');
}
