// Evidence references (`PATH#ID`, sidecar-format.md): made from the places of a
// commitment and of the annotation that shows its verdict, and resolved back. Paths are
// `/`-separated and relative to the folder of the commitment's document, as `source.file`
// is relative to its sidecar's folder.

import { EVIDENCE_REFERENCE } from './format';

/** The path of `target` relative to the folder `fromDir` (both absolute, `/`-separated). */
export function relativePath(fromDir: string, target: string): string {
  const from = fromDir.split('/').filter((p) => p !== '');
  const to = target.split('/').filter((p) => p !== '');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** The reference from a document at `fromPath` to annotation `id` of the document at `targetPath` (absolute paths). */
export function evidenceReference(fromPath: string, targetPath: string, id: string): string {
  if (fromPath === targetPath) return `#${id}`;
  const dir = fromPath.slice(0, fromPath.lastIndexOf('/'));
  return `${relativePath(dir, targetPath)}#${id}`;
}

/** Where a reference points, from a document at `fromPath`: the target's absolute path and the id; undefined for a malformed one. */
export function resolveEvidence(fromPath: string, reference: string): { path: string; id: string } | undefined {
  const m = EVIDENCE_REFERENCE.exec(reference);
  if (!m) return undefined;
  const id = m[2] as string;
  if (m[1] === undefined) return { path: fromPath, id };
  const parts = fromPath.split('/').slice(0, -1);
  for (const p of m[1].split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return { path: parts.join('/') || '/', id };
}
