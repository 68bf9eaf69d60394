// Choosing among overlapping candidates: the longest wins, then the earlier rule, so
// "between September 2021 and January 2022" beats its parts and "June 27" beats "June".
import type { Mention } from './expression';

interface Candidate {
  m: Mention;
  /** Position in the rule order, for ties. */
  i: number;
}

/** Longest first among candidates that overlap one another (a small set). */
function selectCluster(cluster: Candidate[], out: Mention[]): void {
  if (cluster.length === 1) {
    out.push((cluster[0] as Candidate).m);
    return;
  }
  cluster.sort((a, b) => b.m.end - b.m.start - (a.m.end - a.m.start) || a.i - b.i);
  const kept: Mention[] = [];
  for (const { m } of cluster) {
    if (!kept.some((k) => k.start < m.end && m.start < k.end)) kept.push(m);
  }
  kept.sort((a, b) => a.start - b.start);
  out.push(...kept);
}

export function selectMentions(candidates: readonly Mention[]): Mention[] {
  // Most windows hold a single candidate: nothing to choose, so none of the sorting and
  // clustering below, whose small arrays added up over thousands of windows.
  if (candidates.length === 1) {
    const only = candidates[0] as Mention;
    return only.end > only.start ? [only] : [];
  }
  const sorted = candidates
    .map((m, i) => ({ m, i }))
    .filter((c) => c.m.end > c.m.start)
    .sort((a, b) => a.m.start - b.m.start || a.i - b.i);
  const out: Mention[] = [];
  let cluster: Candidate[] = [];
  let reach = -1;
  for (const c of sorted) {
    if (cluster.length > 0 && c.m.start >= reach) {
      selectCluster(cluster, out);
      cluster = [];
    }
    cluster.push(c);
    reach = Math.max(reach, c.m.end);
  }
  if (cluster.length > 0) selectCluster(cluster, out);
  return out;
}
