// How the catalog tests read what the detectors find: each control as `id:text`, with an
// identifier's control id as `id/controlId:text`, on the text alone or as a whole
// document decides it (names defined or owned elsewhere, shortened names).
import assert from 'node:assert/strict';
import { builtinCatalog } from '../../../src/core/catalog/builtin';
import { compileControlMatcher, detectControls, type ControlMatcher } from '../../../src/core/detect/controls';
import { DocumentDetector } from '../../../src/core/detect';
import type { ControlDetection } from '../../../src/core/model';

export const matcher = compileControlMatcher(builtinCatalog());

function withId(d: ControlDetection): string {
  return `${d.id}${d.controlId ? `/${d.controlId}` : ''}:${d.text}`;
}

/** Controls on the text alone, as `id/controlId:text`. */
export function found(text: string, m: ControlMatcher = matcher): string[] {
  return detectControls(text, m).map(withId);
}

function documentControls(text: string): ControlDetection[] {
  return new DocumentDetector(matcher).detect(text).flatMap((d) => (d.kind === 'control' ? [d] : []));
}

/** Controls as a whole document decides them, as `id:text`. */
export function documentFound(text: string): string[] {
  return documentControls(text).map((d) => `${d.id}:${d.text}`);
}

/** As documentFound, with an identifier's control id: `id/controlId:text`. */
export function documentFoundWithIds(text: string): string[] {
  return documentControls(text).map(withId);
}

export function assertIncludes(got: string[], wants: string[]): void {
  for (const want of wants) assert.ok(got.includes(want), `${want}: ${got.join(' | ')}`);
}
