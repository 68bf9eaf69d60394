// A rule is one regular expression run over a window of text, and a builder that turns
// a match into a mention (or rejects it after looking at the wider context).
import type { Mention } from './expression';

/** Kinds of trigger token a window holds; a rule runs only when it can match. */
export const Trigger = {
  Month: 1,
  Weekday: 2,
  Year: 4,
  Numeric: 8,
  Unit: 16,
  Casual: 32,
  Fiscal: 64,
} as const;

export interface Rule {
  /** For debugging and tests. */
  name: string;
  /** Bitwise OR of the triggers that can start a match of this rule. */
  needs: number;
  /** A cheap test a window must pass before `pattern` runs on it: a literal the rule
   * cannot match without. Not global, so it keeps no state. */
  hint?: RegExp;
  /** Global, case-insensitive. */
  pattern: RegExp;
  /** `start` is the match's offset in `text`, the whole document. */
  build(match: RegExpExecArray, start: number, text: string): Mention | undefined;
}
