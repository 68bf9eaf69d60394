// Sync points: the starts of lines that follow a blank line. No mention of a control
// spans a blank line, and both block splitting and the outline of scope.ts read it as
// blank, so what is found after a sync point does not depend on what came before it.
// Windows of the text that controls are matched or confirmed in start and end at them
// (controlWindow.ts, controlSplice.ts, and confirmControls in controls.ts).

/** A blank line: a line break, spaces or tabs, a line break. Both block splitting and the outline of scope.ts read it as blank. */
const BLANK_LINE = /\n[ \t]*\r?\n/g;
const BLANK_LINE_AT = /\n[ \t]*\r?\n/y;

/**
 * The first position at or after `pos` that starts a line following a blank line which
 * itself starts at or after `pos`; the text's length when there is none.
 */
export function syncAfter(text: string, pos: number): number {
  if (pos <= 0) return 0;
  BLANK_LINE.lastIndex = pos;
  const m = BLANK_LINE.exec(text);
  return m ? m.index + m[0].length : text.length;
}

/** The last position at or before `pos` that starts a line following a blank line; 0 when there is none. */
export function syncBefore(text: string, pos: number): number {
  if (pos >= text.length) return text.length;
  // The blank line ends with the line break just before the returned position.
  for (let lf = text.lastIndexOf('\n', pos - 1); lf > 0; lf = text.lastIndexOf('\n', lf - 1)) {
    const prev = text.lastIndexOf('\n', lf - 1);
    if (prev < 0) return 0;
    BLANK_LINE_AT.lastIndex = prev;
    if (BLANK_LINE_AT.test(text) && BLANK_LINE_AT.lastIndex === lf + 1) return lf + 1;
  }
  return 0;
}
