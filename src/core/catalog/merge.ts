// A workspace catalog refines the built-in one rather than replacing it: an entry with
// a built-in id overrides the fields it sets and adds its aliases and context words;
// a new id adds an entry; a pattern with a built-in pattern's id replaces it. Lists
// (aliases, context, earlier versions, what a regulator enforces) are joined.
import { aliasCollisionKey } from './tokens';
import type { Catalog, CatalogEntry, ControlPattern } from './types';

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

function mergeEntry(base: CatalogEntry, over: CatalogEntry): CatalogEntry {
  return {
    id: base.id,
    title: over.title ?? base.title,
    publisher: over.publisher ?? base.publisher,
    category: over.category ?? base.category,
    version: over.version ?? base.version,
    year: over.year ?? base.year,
    earlierVersions: union(base.earlierVersions, over.earlierVersions),
    scope: over.scope ?? base.scope,
    url: over.url ?? base.url,
    jurisdiction: over.jurisdiction ?? base.jurisdiction,
    enforces: union(base.enforces, over.enforces),
    aliases: union(base.aliases, over.aliases),
    ambiguousAliases: union(base.ambiguousAliases, over.ambiguousAliases),
    context: union(base.context, over.context),
    origin: over.origin,
  };
}

/**
 * The built-in catalog refined by a user's. Where a user alias is also a built-in
 * alias of another entry, the user's reading wins: the alias moves to the user's entry.
 */
export function mergeCatalogs(builtin: Catalog, user: Catalog): Catalog {
  const byId = new Map<string, CatalogEntry>();
  for (const e of builtin.entries) byId.set(e.id, e);
  for (const e of user.entries) {
    const base = byId.get(e.id);
    byId.set(e.id, base ? mergeEntry(base, e) : e);
  }

  const userAliasOwner = new Map<string, string>();
  for (const e of user.entries) {
    for (const a of [...e.aliases, ...e.ambiguousAliases]) userAliasOwner.set(aliasCollisionKey(a), e.id);
  }
  const keep = (owner: string) => (alias: string) => {
    const claimant = userAliasOwner.get(aliasCollisionKey(alias));
    return claimant === undefined || claimant === owner;
  };
  const entries = [...byId.values()].map((e) => ({
    ...e,
    aliases: e.aliases.filter(keep(e.id)),
    ambiguousAliases: e.ambiguousAliases.filter(keep(e.id)),
  }));

  const patterns = new Map<string, ControlPattern>();
  for (const p of builtin.patterns) patterns.set(p.id, p);
  for (const p of user.patterns) patterns.set(p.id, p);
  return { entries, patterns: [...patterns.values()] };
}
