// What a catalog entry's card says (the hover over a control, and anything else that
// shows an entry in full), built here from the catalog alone so the editor only lays
// it out and tests can read it without VS Code.
import type { Catalog, CatalogEntry } from './types';

export interface CatalogCard {
  /** The entry's full name, or its id when it has none. */
  title: string;
  /** Short facts shown on one line, in this order, only those the entry has. */
  facts: [label: string, value: string][];
  /** "Earlier versions still cited", when there are any. */
  earlierVersions?: string;
  /** Titles of what a regulator enforces, in the catalog's order of its `enforces` list. */
  enforces: string[];
  scope?: string;
  url?: string;
  id: string;
}

/** The version line: "2022", or "Rev. 5 (2020)" when the year is not the version itself. */
function currentVersion(entry: CatalogEntry): string | undefined {
  const year = entry.year !== undefined && entry.version !== String(entry.year) ? `(${entry.year})` : undefined;
  const text = [entry.version, entry.version !== undefined ? year : undefined].filter(Boolean).join(' ');
  return text === '' ? undefined : text;
}

/**
 * The card of `entry` as `catalog` describes it. A regulator without a version shows
 * the year it was set up as "Established"; an enforced id the catalog does not know
 * (a workspace entry removed since) is shown as the id itself rather than dropped.
 */
export function catalogCard(entry: CatalogEntry, catalog: Catalog): CatalogCard {
  const byId = new Map(catalog.entries.map((e) => [e.id, e]));
  const facts: [string, string | undefined][] = [
    ['Current version', currentVersion(entry)],
    [
      'Established',
      entry.version === undefined && entry.category === 'regulator' && entry.year !== undefined ? String(entry.year) : undefined,
    ],
    ['Year', entry.version === undefined && entry.category !== 'regulator' && entry.year !== undefined ? String(entry.year) : undefined],
    ['Publisher', entry.publisher],
    ['Kind', entry.category],
    ['Jurisdiction', entry.jurisdiction],
  ];
  return {
    title: entry.title ?? entry.id,
    facts: facts.filter((f): f is [string, string] => f[1] !== undefined && f[1] !== ''),
    earlierVersions: entry.earlierVersions.length > 0 ? entry.earlierVersions.join(', ') : undefined,
    enforces: entry.enforces.map((id) => byId.get(id)?.title ?? id),
    scope: entry.scope,
    url: entry.url,
    id: entry.id,
  };
}

/** The card as plain text, one item a line: for tooltips, logs and tests. */
export function cardText(card: CatalogCard): string {
  const lines = [card.title];
  if (card.facts.length > 0) lines.push(card.facts.map(([label, value]) => `${label}: ${value}`).join(' · '));
  if (card.earlierVersions) lines.push(`Earlier versions still cited: ${card.earlierVersions}`);
  if (card.enforces.length > 0) lines.push(`Enforces: ${card.enforces.join('; ')}`);
  if (card.scope) lines.push(card.scope);
  lines.push(`Catalog id: ${card.id}`);
  return lines.join('\n');
}
