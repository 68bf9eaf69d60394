// --entities FILE: the entities a researcher listed (the format of
// .marginalia/entities.yaml), shared by `detect` and `export`.
import { parseEntities } from '../core/entities/file';
import type { Entity } from '../core/entities/types';
import { UsageError } from './usage';
import { describeFsError, readDocument, type FileProblem } from './files';

/** The valid entities of `file`; its errors are problems (exit 1), its warnings are printed and the run goes on. */
export async function loadEntitiesFile(file: string, problem: (p: FileProblem) => void, warn: (line: string) => void): Promise<Entity[]> {
  let text: string;
  try {
    text = await readDocument(file);
  } catch (error) {
    throw new UsageError(`--entities ${file}: ${describeFsError(error)}`);
  }
  const { entities, problems } = parseEntities(text, file);
  for (const p of problems) {
    if (p.severity === 'error') problem({ path: `${file}:${p.line}:${p.column}`, message: p.message });
    else warn(`marginalia: ${file}:${p.line}:${p.column}: warning: ${p.message}`);
  }
  return entities;
}
