// The full YAML 1.2 parser (`yaml`), for any sidecar the fast path does not recognise:
// hand-edited layouts, anchors, block scalars, syntax errors.

import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { MAX_ALIAS_COUNT } from './format';
import type { TreeEntry, TreeNode } from './tree';

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
  const doc = parseDocument(text, YAML_OPTIONS);
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
  if (doc.contents === null) return { errors: [{ offset: 0, message: 'the file is empty; expected `marginalia: 2` and an annotations list' }] };
  const budget = { left: MAX_EXPANDED_NODES };
  try {
    return { tree: convert(doc, doc.contents, budget, 0), errors: [] };
  } catch (e) {
    if (e instanceof ConversionError) return { errors: [{ offset: e.offset, message: e.message }] };
    throw e;
  }
}

class ConversionError extends Error {
  constructor(readonly offset: number, message: string) {
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
  if (--budget.left < 0 || depth > 64) {
    throw new ConversionError(0, 'the YAML expands to too many nodes (aliases or nesting); refusing to read it');
  }
  if (isAlias(node)) {
    const target = node.resolve(doc);
    if (target === undefined) throw new ConversionError(node.range?.[0] ?? 0, `unresolved alias *${node.source}`);
    return convert(doc, target, budget, depth + 1);
  }
  const offset = (node as Node | null)?.range?.[0] ?? 0;
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
      const value: TreeNode = pair.value === null || pair.value === undefined
        ? { type: 'scalar', value: null, offset: keyOffset }
        : convert(doc, pair.value, budget, depth + 1);
      entries.push({ key: keyNode.value, keyOffset, value });
    }
    return { type: 'map', offset, entries };
  }
  if (node === null || node === undefined) return { type: 'scalar', value: null, offset };
  throw new ConversionError(offset, 'unsupported YAML node');
}
