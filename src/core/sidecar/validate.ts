// Whether an annotation may be stored, by the very rules a sidecar is read with: it is
// written alone into a sidecar and read back. Writers ask before they change anything, so
// nothing a person types can make a file Marginalia would then refuse to read.

import { FORMAT_VERSION, type Annotation } from './format';
import { parseSidecar } from './read';
import { serializeSidecar } from './write';

/** The reader's complaints about `a`, without file positions; empty when it may be stored. */
export function annotationProblems(a: Annotation): string[] {
  let text: string;
  try {
    text = serializeSidecar({ marginalia: FORMAT_VERSION, source: { file: 'check' }, annotations: [a] });
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
  return parseSidecar(text, 'check').errors.map((e) => e.message);
}
