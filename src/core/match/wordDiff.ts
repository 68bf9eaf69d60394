// Two versions of a statement word by word, for a hover or a report: what stayed, what
// was taken out, what was put in (jsdiff's word diff, whitespace kept with the words).
import { diffWords } from 'diff';

export interface DiffPiece {
  type: 'same' | 'removed' | 'added';
  text: string;
}

export function wordDiff(before: string, after: string): DiffPiece[] {
  return diffWords(before, after).map((c) => ({ type: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}
