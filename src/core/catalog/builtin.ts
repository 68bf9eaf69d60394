// The catalog that ships with Marginalia. It is embedded at build time
// (scripts/gen-catalog.mjs) because the core may run where there is no disk.
import { BUILTIN_CATALOG_JSON } from './builtin.generated';
import type { Catalog } from './types';

export const BUILTIN_CATALOG_SOURCE = 'controls.yaml (built-in)';

let cached: Catalog | undefined;

/**
 * The built-in catalog. It was parsed and checked by load.ts when the extension was
 * built (scripts/gen-catalog.mjs fails the build on an invalid catalog), so here it is
 * only read back from JSON: a few milliseconds, where parsing the YAML took 0.1-0.3 s in
 * every process and worker thread.
 */
export function builtinCatalog(): Catalog {
  cached ??= JSON.parse(BUILTIN_CATALOG_JSON) as Catalog;
  return cached;
}
