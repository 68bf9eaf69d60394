// Reads a catalog file (the built-in one or a workspace's) and says precisely what is
// wrong with it: each problem carries the file, line and column of the value at fault,
// and every entry or pattern that is valid is kept, so one typo does not switch off
// the rest of a user's catalog.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { checkPattern } from './patternSafety';
import { aliasCollisionKey, tokenize } from './tokens';
import {
  CATALOG_CATEGORIES,
  type Catalog,
  type CatalogCategory,
  type CatalogEntry,
  type CatalogError,
  type ControlPattern,
  type SourceRef,
} from './types';

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ID_LENGTH = 64;
const MAX_ALIAS_LENGTH = 200;
const MAX_TEXT_LENGTH = 2000;

const ENTRY_FIELDS = new Set([
  'id',
  'title',
  'publisher',
  'category',
  'version',
  'year',
  'earlier_versions',
  'scope',
  'url',
  'jurisdiction',
  'enforces',
  'aliases',
  'ambiguous_aliases',
  'context',
]);
const PATTERN_FIELDS = new Set(['id', 'framework', 'description', 'regex', 'requires_context', 'context', 'strip_leading_zeros']);

export interface ParseCatalogOptions {
  /** Entry ids defined elsewhere (the built-in catalog) that patterns may refer to. */
  knownIds?: Iterable<string>;
}

/** Thrown inside one item's reading to drop that item; always recorded first. */
class ItemInvalid extends Error {}

class Reader {
  readonly errors: CatalogError[] = [];
  private readonly lines = new LineCounter();

  constructor(
    readonly text: string,
    readonly source: string,
  ) {}

  get lineCounter(): LineCounter {
    return this.lines;
  }

  ref(node: Node | null | undefined, fallback?: Node | null): SourceRef {
    const offset = node?.range?.[0] ?? fallback?.range?.[0] ?? 0;
    const pos = this.lines.linePos(offset);
    return { source: this.source, line: pos.line, column: pos.col };
  }

  error(at: SourceRef, message: string): void {
    this.errors.push({ source: at.source, line: at.line, column: at.column, message });
  }

  /** Records the problem and abandons the current item. */
  fail(at: SourceRef, message: string): never {
    this.error(at, message);
    throw new ItemInvalid(message);
  }
}

function pairKey(pair: Pair): string | undefined {
  return isScalar(pair.key) && typeof pair.key.value === 'string' ? pair.key.value : undefined;
}

function fieldNode(map: YAMLMap, name: string): Node | undefined {
  for (const pair of map.items) {
    if (pairKey(pair) === name) return (pair.value as Node | null) ?? undefined;
  }
  return undefined;
}

class ItemReader {
  constructor(
    private readonly r: Reader,
    private readonly map: YAMLMap,
    private readonly label: string,
  ) {}

  at(node: Node | undefined): SourceRef {
    return this.r.ref(node, this.map);
  }

  fail(node: Node | undefined, message: string): never {
    return this.r.fail(this.at(node), `${this.label}: ${message}`);
  }

  unknownFields(allowed: ReadonlySet<string>): void {
    for (const pair of this.map.items) {
      const key = pairKey(pair);
      if (key === undefined || !allowed.has(key)) {
        const shown = key ?? String(isScalar(pair.key) ? pair.key.value : pair.key);
        this.r.error(
          this.r.ref(pair.key as Node, this.map),
          `${this.label}: unknown field \`${shown}\` (allowed: ${[...allowed].join(', ')})`,
        );
      }
    }
  }

  string(name: string, required: boolean, max = MAX_TEXT_LENGTH): string | undefined {
    const node = fieldNode(this.map, name);
    if (node === undefined || (isScalar(node) && node.value === null)) {
      if (required) this.fail(undefined, `\`${name}\` is required`);
      return undefined;
    }
    if (!isScalar(node) || typeof node.value !== 'string') this.fail(node, `\`${name}\` must be a string`);
    const value = node.value.trim();
    if (value.length === 0) this.fail(node, `\`${name}\` must not be empty`);
    if (value.length > max) this.fail(node, `\`${name}\` is longer than ${max} characters`);
    return value;
  }

  /** A version may be written unquoted; keep the digits as written (`2.0`, not `2`). */
  version(name: string): string | undefined {
    const node = fieldNode(this.map, name);
    if (node === undefined || (isScalar(node) && node.value === null)) return undefined;
    if (!isScalar(node)) this.fail(node, `\`${name}\` must be a string`);
    const raw = typeof node.value === 'number' ? (node.source ?? String(node.value)) : node.value;
    if (typeof raw !== 'string' || raw.trim() === '') this.fail(node, `\`${name}\` must be a non-empty string`);
    return raw.trim();
  }

  versions(name: string): string[] {
    const node = fieldNode(this.map, name);
    if (node === undefined || (isScalar(node) && node.value === null)) return [];
    if (!isSeq(node)) this.fail(node, `\`${name}\` must be a list`);
    return node.items.map((item) => {
      const n = item as Node;
      if (!isScalar(n)) this.fail(n, `each of \`${name}\` must be a string`);
      const raw = typeof n.value === 'number' ? (n.source ?? String(n.value)) : n.value;
      if (typeof raw !== 'string' || raw.trim() === '') this.fail(n, `each of \`${name}\` must be a non-empty string`);
      return raw.trim();
    });
  }

  stringList(name: string, max = MAX_TEXT_LENGTH): { values: string[]; nodes: Node[] } {
    const node = fieldNode(this.map, name);
    if (node === undefined || (isScalar(node) && node.value === null)) return { values: [], nodes: [] };
    if (!isSeq(node)) this.fail(node, `\`${name}\` must be a list of strings`);
    const values: string[] = [];
    const nodes: Node[] = [];
    for (const item of node.items) {
      const n = item as Node;
      if (!isScalar(n) || (typeof n.value !== 'string' && typeof n.value !== 'number')) {
        this.fail(n, `each of \`${name}\` must be a string`);
      }
      const value = (typeof n.value === 'number' ? (n.source ?? String(n.value)) : n.value).trim();
      if (value.length === 0) this.fail(n, `\`${name}\` has an empty item`);
      if (value.length > max) this.fail(n, `an item of \`${name}\` is longer than ${max} characters`);
      values.push(value);
      nodes.push(n);
    }
    return { values, nodes };
  }

  integer(name: string, min: number, max: number): number | undefined {
    const node = fieldNode(this.map, name);
    if (node === undefined || (isScalar(node) && node.value === null)) return undefined;
    if (!isScalar(node) || typeof node.value !== 'number' || !Number.isInteger(node.value)) {
      this.fail(node, `\`${name}\` must be a whole number`);
    }
    const value = node.value;
    if (value < min || value > max) this.fail(node, `\`${name}\` must be between ${min} and ${max}`);
    return value;
  }

  boolean(name: string): boolean | undefined {
    const node = fieldNode(this.map, name);
    if (node === undefined || (isScalar(node) && node.value === null)) return undefined;
    if (!isScalar(node) || typeof node.value !== 'boolean') this.fail(node, `\`${name}\` must be true or false`);
    return node.value;
  }

  node(name: string): Node | undefined {
    return fieldNode(this.map, name);
  }
}

function readId(item: ItemReader): string {
  const id = item.string('id', true, MAX_ID_LENGTH) as string;
  if (!ID_RE.test(id)) item.fail(item.node('id'), '`id` must be lower-case and hyphenated (like `iso-27001`)');
  return id;
}

function checkAliasText(item: ItemReader, alias: string, node: Node, field: string): void {
  if (!tokenize(alias).some((t) => t.kind !== 'punct')) {
    item.fail(node, `${field} '${alias}' has no letter or digit`);
  }
}

/**
 * An entry that claimed a spelling. Two entries may share one when at least one lists
 * it as ambiguous ("Datatilsynet" is Denmark's and Norway's authority; "Data Protection
 * Act 2018" the UK's by default, Ireland's near Ireland): the detector then gives it to
 * the entry whose context stands nearest. Two plain aliases of one spelling collide.
 */
interface AliasOwner {
  entry: string;
  ambiguous: boolean;
}

/** An entry's `enforces` list, kept with its nodes until every id of the file is known. */
interface EnforcesList {
  entry: CatalogEntry;
  label: string;
  ids: { id: string; node: Node }[];
}

function readEnforces(r: Reader, item: ItemReader, label: string): { id: string; node: Node }[] {
  const { values, nodes } = item.stringList('enforces', MAX_ID_LENGTH);
  const out: { id: string; node: Node }[] = [];
  values.forEach((id, i) => {
    const node = nodes[i] as Node;
    // A bad reference is reported and left out; the regulator itself is still worth having.
    if (!ID_RE.test(id))
      r.error(item.at(node), `${label}: \`enforces\` '${id}' is not a catalog id (lower-case and hyphenated, like \`gdpr\`)`);
    else if (out.some((o) => o.id === id)) r.error(item.at(node), `${label}: \`enforces\` lists '${id}' twice`);
    else out.push({ id, node });
  });
  return out;
}

function readEntry(
  r: Reader,
  map: YAMLMap,
  index: number,
  aliasOwners: Map<string, AliasOwner[]>,
  seenIds: Set<string>,
  enforcesLists: EnforcesList[],
  knownIds: ReadonlySet<string>,
): CatalogEntry {
  const idNode = fieldNode(map, 'id');
  const provisional = isScalar(idNode) && typeof idNode.value === 'string' ? `entry '${idNode.value}'` : `entry ${index + 1}`;
  const item = new ItemReader(r, map, provisional);
  item.unknownFields(ENTRY_FIELDS);
  const id = readId(item);

  const categoryText = item.string('category', false);
  if (categoryText !== undefined && !(CATALOG_CATEGORIES as readonly string[]).includes(categoryText)) {
    item.fail(item.node('category'), `\`category\` must be one of ${CATALOG_CATEGORIES.join(', ')}`);
  }
  const url = item.string('url', false);
  if (url !== undefined && !/^https?:\/\/\S+$/.test(url)) item.fail(item.node('url'), '`url` must be an http(s) address');

  const enforces = readEnforces(r, item, `entry '${id}'`);
  const aliases = item.stringList('aliases', MAX_ALIAS_LENGTH);
  const ambiguous = item.stringList('ambiguous_aliases', MAX_ALIAS_LENGTH);
  const context = item.stringList('context', MAX_ALIAS_LENGTH);
  // An entry extending a known one (a workspace adding what a built-in regulator
  // enforces) already has its names.
  if (aliases.values.length + ambiguous.values.length === 0 && !knownIds.has(id)) {
    item.fail(undefined, 'an entry needs at least one of `aliases` or `ambiguous_aliases`');
  }
  if (ambiguous.values.length > 0 && aliases.values.length + context.values.length === 0) {
    item.fail(item.node('ambiguous_aliases'), '`ambiguous_aliases` need `context` words (or plain `aliases`) to be recognised by');
  }
  const entry: CatalogEntry = {
    id,
    title: item.string('title', false),
    publisher: item.string('publisher', false),
    category: categoryText as CatalogCategory | undefined,
    version: item.version('version'),
    year: item.integer('year', 1800, 2100),
    earlierVersions: item.versions('earlier_versions'),
    scope: item.string('scope', false),
    url,
    jurisdiction: item.string('jurisdiction', false, MAX_ALIAS_LENGTH),
    enforces: enforces.map((e) => e.id),
    aliases: aliases.values,
    ambiguousAliases: ambiguous.values,
    context: context.values,
    origin: r.ref(map),
  };
  if (seenIds.has(id)) item.fail(item.node('id'), 'duplicate id (an earlier entry has it)');

  // Checked last, so that an entry rejected for another reason claims none of its aliases.
  const claimed = new Map<string, { key: string; ambiguous: boolean }>();
  const all = [
    ...aliases.values.map((v, i) => ({ v, n: aliases.nodes[i] as Node, field: 'alias', isAmbiguous: false })),
    ...ambiguous.values.map((v, i) => ({ v, n: ambiguous.nodes[i] as Node, field: 'ambiguous alias', isAmbiguous: true })),
  ];
  for (const { v, n, field, isAmbiguous } of all) {
    checkAliasText(item, v, n, field);
    // Within one entry only a true repetition is a mistake: "ISO 27001" beside "ISO27001"
    // documents how the name is written even though both match the same text.
    const spelling = v.replace(/\s+/g, ' ');
    if (claimed.has(spelling)) item.fail(n, `${field} '${v}' is listed twice`);
    const key = aliasCollisionKey(v);
    for (const owner of aliasOwners.get(key) ?? []) {
      // Two entries may share a spelling when at least one of them lists it as ambiguous:
      // the detector then picks by context, a plain alias being the reading by default.
      if (owner.entry === id || owner.ambiguous || isAmbiguous) continue;
      item.fail(n, `${field} '${v}' is already an alias of entry '${owner.entry}'`);
    }
    claimed.set(spelling, { key, ambiguous: isAmbiguous });
  }
  const mine = new Map<string, boolean>();
  for (const { key, ambiguous: a } of claimed.values()) mine.set(key, (mine.get(key) ?? true) && a);
  for (const [key, a] of mine) aliasOwners.set(key, [...(aliasOwners.get(key) ?? []), { entry: id, ambiguous: a }]);
  seenIds.add(id);
  if (enforces.length > 0) enforcesLists.push({ entry, label: `entry '${id}'`, ids: enforces });
  return entry;
}

function readPattern(r: Reader, map: YAMLMap, index: number, entryIds: ReadonlySet<string>): ControlPattern {
  const idNode = fieldNode(map, 'id');
  const label = isScalar(idNode) && typeof idNode.value === 'string' ? `pattern '${idNode.value}'` : `pattern ${index + 1}`;
  const item = new ItemReader(r, map, label);
  item.unknownFields(PATTERN_FIELDS);
  const id = readId(item);
  const framework = item.string('framework', true, MAX_ID_LENGTH) as string;
  if (!entryIds.has(framework)) {
    item.fail(item.node('framework'), `\`framework\` '${framework}' is not the id of any catalog entry`);
  }
  const regex = item.string('regex', true) as string;
  const verdict = checkPattern(regex);
  if (!verdict.ok) item.fail(item.node('regex'), `\`regex\` refused: ${verdict.reason}`);
  const requiresContext = item.boolean('requires_context') ?? false;
  const context = item.stringList('context', MAX_ALIAS_LENGTH).values;
  return {
    id,
    framework,
    description: item.string('description', false),
    regex,
    requiresContext,
    context,
    stripLeadingZeros: item.boolean('strip_leading_zeros') ?? false,
    origin: r.ref(map),
  };
}

function readSection<T>(r: Reader, root: YAMLMap, name: string, read: (map: YAMLMap, index: number) => T): T[] {
  const node = fieldNode(root, name);
  if (node === undefined || (isScalar(node) && node.value === null)) return [];
  if (!isSeq(node)) {
    r.error(r.ref(node, root), `\`${name}\` must be a list`);
    return [];
  }
  const out: T[] = [];
  node.items.forEach((raw, index) => {
    const itemNode = raw as Node;
    if (!isMap(itemNode)) {
      r.error(r.ref(itemNode, node), `${name} item ${index + 1} must be a mapping of fields`);
      return;
    }
    try {
      out.push(read(itemNode, index));
    } catch (err) {
      if (!(err instanceof ItemInvalid)) throw err;
    }
  });
  return out;
}

/**
 * Parses and validates a catalog file. Invalid entries and patterns are left out and
 * reported; valid ones are kept. `sourceName` is the name shown in messages.
 */
export function parseCatalog(
  yamlText: string,
  sourceName: string,
  options: ParseCatalogOptions = {},
): { catalog: Catalog; errors: CatalogError[] } {
  const r = new Reader(yamlText, sourceName);
  const doc = parseDocument(yamlText, { lineCounter: r.lineCounter, prettyErrors: false, uniqueKeys: true });
  for (const e of doc.errors) {
    const pos = r.lineCounter.linePos(e.pos[0]);
    r.error({ source: sourceName, line: pos.line, column: pos.col }, `YAML: ${e.message.split('\n')[0]}`);
  }
  const empty = { catalog: { entries: [], patterns: [] }, errors: r.errors };
  if (doc.errors.length > 0) return empty;
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return empty;
  if (!isMap(root)) {
    r.error(r.ref(root), 'a catalog file must be a mapping with `entries` (and optionally `patterns`)');
    return empty;
  }
  for (const pair of root.items) {
    const key = pairKey(pair);
    if (key !== 'entries' && key !== 'patterns') {
      r.error(r.ref(pair.key, root), `unknown top-level field \`${key ?? '?'}\` (allowed: entries, patterns)`);
    }
  }

  const aliasOwners = new Map<string, AliasOwner[]>();
  const seen = new Set<string>();
  const enforcesLists: EnforcesList[] = [];
  const knownIds = new Set(options.knownIds ?? []);
  const entries = readSection(r, root, 'entries', (map, index) => readEntry(r, map, index, aliasOwners, seen, enforcesLists, knownIds));

  const entryIds = new Set<string>([...seen, ...knownIds]);
  // Checked once every entry is read, so a regulator may come before the laws it enforces.
  for (const list of enforcesLists) {
    const kept: string[] = [];
    for (const { id, node } of list.ids) {
      if (id === list.entry.id) r.error(r.ref(node), `${list.label}: an entry cannot enforce itself`);
      else if (!entryIds.has(id)) r.error(r.ref(node), `${list.label}: \`enforces\` '${id}' is not the id of any catalog entry`);
      else kept.push(id);
    }
    list.entry.enforces = kept;
  }
  const patternIds = new Set<string>();
  const patterns = readSection(r, root, 'patterns', (map, index) => {
    const pattern = readPattern(r, map, index, entryIds);
    if (patternIds.has(pattern.id)) {
      r.fail(r.ref(fieldNode(map, 'id'), map), `pattern '${pattern.id}': duplicate id (an earlier pattern has it)`);
    }
    patternIds.add(pattern.id);
    return pattern;
  });

  r.errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { catalog: { entries, patterns }, errors: r.errors };
}
