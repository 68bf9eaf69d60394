// A plain tree of the parsed YAML with the text offset of every node, so validation can
// point at line:column whichever parser produced it (the fast one in fast-parse.ts or
// the full `yaml` one in yaml-tree.ts).

export type Scalar = string | number | boolean | null;

/**
 * How deep maps and lists may nest (the top level is 1) before a sidecar is refused. A
 * sidecar needs 3 (top level, annotations, an annotation) and 4 with tags. The limit
 * keeps the parsers' and the converter's recursion far from the stack's end, wherever
 * they are called from, so deep input gets a located error instead of a RangeError.
 */
export const MAX_NESTING = 64;

export interface TreeScalar {
  type: 'scalar';
  value: Scalar;
  offset: number;
}

export interface TreeEntry {
  key: string;
  keyOffset: number;
  value: TreeNode;
}

export interface TreeMap {
  type: 'map';
  entries: TreeEntry[];
  offset: number;
}

export interface TreeSeq {
  type: 'seq';
  items: TreeNode[];
  offset: number;
}

export type TreeNode = TreeScalar | TreeMap | TreeSeq;

export function describeNode(node: TreeNode): string {
  if (node.type === 'map') return 'a mapping';
  if (node.type === 'seq') return 'a list';
  const v = node.value;
  if (v === null) return 'nothing (null)';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'number') return `the number ${v}`;
  return `the boolean ${v}`;
}
