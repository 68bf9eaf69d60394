// Where things are in a document, in UTF-16 offsets, without copying its text.

import type * as vscode from 'vscode';

/** The document's length; offsetAt of its end rather than getText().length, which copies the whole text. */
export function documentLength(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}

/** The offsets from the first to the last visible character of the editor, or undefined when nothing is visible. */
export function visibleSpan(editor: vscode.TextEditor): [number, number] | undefined {
  const ranges = editor.visibleRanges;
  const first = ranges[0];
  const last = ranges[ranges.length - 1];
  if (!first || !last) return undefined;
  return [editor.document.offsetAt(first.start), editor.document.offsetAt(last.end)];
}
