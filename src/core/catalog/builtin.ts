// The catalog that ships with Marginalia, parsed once. Its YAML is embedded at build
// time (scripts/gen-catalog.mjs) because the core may run where there is no disk.
import { BUILTIN_CATALOG_YAML } from './builtin.generated';
import { parseCatalog } from './load';
import { formatCatalogError, type Catalog } from './types';

export const BUILTIN_CATALOG_SOURCE = 'controls.yaml (built-in)';

let cached: Catalog | undefined;

/** The built-in catalog. An invalid built-in catalog is a build defect, so it throws. */
export function builtinCatalog(): Catalog {
  if (cached) return cached;
  const { catalog, errors } = parseCatalog(BUILTIN_CATALOG_YAML, BUILTIN_CATALOG_SOURCE);
  if (errors.length > 0) {
    throw new Error(`The built-in control catalog is invalid:\n${errors.map(formatCatalogError).join('\n')}`);
  }
  cached = catalog;
  return catalog;
}
