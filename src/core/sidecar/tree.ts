// A plain tree of the parsed YAML with the text offset of every node, so validation can
// point at line:column whichever parser produced it (the fast one in fast-parse.ts or
// the full `yaml` one in yaml-tree.ts).

export type Scalar = string | number | boolean | null;

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

/** Offset → 1-based line and column; built once per text, each lookup O(log lines). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] as number) + 1 };
  }
}

export function describeNode(node: TreeNode): string {
  if (node.type === 'map') return 'a mapping';
  if (node.type === 'seq') return 'a list';
  const v = node.value;
  if (v === null) return 'nothing (null)';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'number') return `the number ${v}`;
  return `the boolean ${v}`;
}
