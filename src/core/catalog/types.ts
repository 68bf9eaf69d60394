// The shapes of the controls catalog once parsed: the built-in one and a workspace's
// own share them, so a user entry can extend or replace a built-in one field by field.

export type CatalogCategory =
  | 'standard'
  | 'framework'
  | 'certification'
  | 'attestation'
  | 'law'
  | 'regulation'
  | 'regulator'
  | 'standards-body'
  | 'programme'
  | 'agreement';

export const CATALOG_CATEGORIES: readonly CatalogCategory[] = [
  'standard',
  'framework',
  'certification',
  'attestation',
  'law',
  'regulation',
  'regulator',
  'standards-body',
  'programme',
  'agreement',
];

/** Where a catalog item was written, so later messages can point back at it. */
export interface SourceRef {
  source: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface CatalogEntry {
  /** Lower-case, hyphenated (`iso-27001`). */
  id: string;
  title?: string;
  publisher?: string;
  category?: CatalogCategory;
  /** The current version as its publisher writes it (`2022`, `2.0`, `Rev. 5`). */
  version?: string;
  year?: number;
  earlierVersions: string[];
  scope?: string;
  url?: string;
  /** Where it sits ("United States (federal)", "Ireland", "International"). */
  jurisdiction?: string;
  /**
   * For a regulator: ids of the catalog entries it enforces or issues (`sec` →
   * `sec-cyber-disclosure-rules`, `sox`). Every id names an entry of the same catalog
   * or, in a workspace catalog, of the built-in one.
   */
  enforces: string[];
  /** Spellings that name this entry wherever they occur. */
  aliases: string[];
  /** Spellings that name it only when `context` (or another alias) is close by. */
  ambiguousAliases: string[];
  /** Words that, nearby, make an ambiguous alias or control identifier count. */
  context: string[];
  origin: SourceRef;
}

/**
 * What to call an entry where space is short (a tree row, a table cell): its first
 * alias, the usual short name ("ISO/IEC 27001", "SOC 2"); titles run to a hundred
 * characters.
 */
export function shortName(entry: Pick<CatalogEntry, 'title' | 'aliases'>): string | undefined {
  return entry.aliases[0] ?? entry.title;
}

export interface ControlPattern {
  id: string;
  /** Catalog id of the entry this identifier belongs to. */
  framework: string;
  description?: string;
  /** JavaScript regular-expression source, compiled without flags. */
  regex: string;
  requiresContext: boolean;
  context: string[];
  /** `AC-02(01)` is reported as `AC-2(1)`. */
  stripLeadingZeros: boolean;
  origin: SourceRef;
}

export interface Catalog {
  entries: CatalogEntry[];
  patterns: ControlPattern[];
}

export interface CatalogError {
  source: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
}

/** `controls.yaml:12:5: entry 'foo': ...`, the form editors and terminals link. */
export function formatCatalogError(error: CatalogError): string {
  return `${error.source}:${error.line}:${error.column}: ${error.message}`;
}
