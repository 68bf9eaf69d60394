// Who says things in a corpus: organisations and people, each with one name and the
// other names it goes by. Read from a workspace's `.marginalia/entities.yaml`.

export const ENTITY_TYPES = ['organisation', 'person'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface Entity {
  /** Lower case and hyphenated, unique in the file. */
  id: string;
  name: string;
  type?: EntityType;
  aliases: string[];
  /** For a person: the id of the organisation they speak for. */
  of?: string;
}

/** A problem in an entities file, located (1-based line and column). */
export interface EntityFileProblem {
  source: string;
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
}

export function formatEntityProblem(p: EntityFileProblem): string {
  return `${p.source}:${p.line}:${p.column}: ${p.severity}: ${p.message}`;
}
