// Reads `.marginalia/entities.yaml` and says precisely what is wrong with it: each
// problem carries the line and column of the value at fault, and every valid entity is
// kept, so one typo does not undo the rest of the researcher's work.
//
//   marginalia-entities: 1
//   entities:
//     - id: tiktok
//       name: TikTok
//       type: organisation
//       aliases: [Tik Tok, the Chinese-owned social media platform]
//     - {id: shou-zi-chew, name: Shou Zi Chew, type: person, of: tiktok}
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { entityKey } from './key';
import { ENTITY_TYPES, type Entity, type EntityFileProblem, type EntityType } from './types';

export const ENTITIES_FORMAT_KEY = 'marginalia-entities';
export const ENTITIES_FORMAT_VERSION = 1;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_NAME = 200;
const FIELDS = new Set(['id', 'name', 'type', 'aliases', 'of']);

export interface ParsedEntities {
  entities: Entity[];
  problems: EntityFileProblem[];
}

class Reader {
  readonly problems: EntityFileProblem[] = [];
  readonly lines = new LineCounter();
  constructor(readonly source: string) {}

  report(node: Node | null | undefined, message: string, severity: 'error' | 'warning' = 'error'): void {
    const pos = this.lines.linePos(node?.range?.[0] ?? 0);
    this.problems.push({ source: this.source, line: pos.line, column: pos.col, message, severity });
  }
}

function field(map: YAMLMap, name: string): Node | undefined {
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === name);
  return (pair?.value as Node | null | undefined) ?? undefined;
}

function text(r: Reader, node: Node | undefined, what: string): string | undefined {
  if (node === undefined) return undefined;
  if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number')) {
    r.report(node, `${what} must be a string`);
    return undefined;
  }
  const value = String(node.value).trim().replace(/\s+/g, ' ');
  if (value === '' || value.length > MAX_NAME) {
    r.report(node, `${what} must be between 1 and ${MAX_NAME} characters`);
    return undefined;
  }
  return value;
}

function readEntity(r: Reader, map: YAMLMap, index: number): Entity | undefined {
  const label = `entity ${index + 1}`;
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '?';
    if (!FIELDS.has(key)) r.report(pair.key as Node, `${label}: unknown field \`${key}\` (allowed: ${[...FIELDS].join(', ')})`);
  }
  const idNode = field(map, 'id');
  const id = text(r, idNode, `${label}: \`id\``);
  const name = text(r, field(map, 'name'), `${label}: \`name\``);
  if (idNode === undefined) r.report(map, `${label}: \`id\` is required`);
  if (field(map, 'name') === undefined) r.report(map, `${label}: \`name\` is required`);
  if (id !== undefined && !ID.test(id)) {
    r.report(idNode, `${label}: \`id\` must be lower case and hyphenated (like \`tiktok\` or \`shou-zi-chew\`)`);
    return undefined;
  }
  if (id === undefined || name === undefined) return undefined;
  const entity: Entity = { id, name, aliases: [] };
  const typeNode = field(map, 'type');
  const type = text(r, typeNode, `${id}: \`type\``);
  if (type !== undefined) {
    if ((ENTITY_TYPES as readonly string[]).includes(type)) entity.type = type as EntityType;
    else r.report(typeNode, `${id}: \`type\` must be one of ${ENTITY_TYPES.join(', ')}`);
  }
  const aliases = field(map, 'aliases');
  if (aliases !== undefined && !(isScalar(aliases) && aliases.value === null)) {
    if (!isSeq(aliases)) r.report(aliases, `${id}: \`aliases\` must be a list of names`);
    else {
      for (const item of aliases.items) {
        const alias = text(r, item as Node, `${id}: an alias`);
        if (alias !== undefined) entity.aliases.push(alias);
      }
    }
  }
  const of = text(r, field(map, 'of'), `${id}: \`of\``);
  if (of !== undefined) entity.of = of;
  return entity;
}

/** Checks that need every entity: unique ids and keys, `of` naming an organisation of the file. */
function crossCheck(r: Reader, entities: Entity[], nodes: Map<Entity, YAMLMap>): Entity[] {
  const byId = new Map<string, Entity>();
  const byKey = new Map<string, Entity>();
  const kept: Entity[] = [];
  for (const e of entities) {
    const node = nodes.get(e);
    if (byId.has(e.id)) {
      r.report(field(node as YAMLMap, 'id'), `${e.id}: another entity has this id; this one is ignored`);
      continue;
    }
    byId.set(e.id, e);
    kept.push(e);
    for (const name of [e.name, ...e.aliases]) {
      const key = entityKey(name);
      const other = byKey.get(key);
      if (key === '') r.report(node, `${e.id}: "${name}" has no letter or digit`);
      else if (other !== undefined && other !== e) {
        r.report(node, `${e.id}: "${name}" is also a name of ${other.id}; mentions of it go to ${other.id}`, 'warning');
      } else byKey.set(key, e);
    }
  }
  for (const e of kept) {
    if (e.of === undefined) continue;
    const target = byId.get(e.of);
    if (target === undefined)
      r.report(field(nodes.get(e) as YAMLMap, 'of'), `${e.id}: \`of\` names no entity of this file ("${e.of}")`, 'warning');
    else if (target === e) r.report(field(nodes.get(e) as YAMLMap, 'of'), `${e.id}: \`of\` names the entity itself`, 'warning');
  }
  return kept;
}

/** The entities of a file's text; `source` names the file in problems. */
export function parseEntities(textOfFile: string, source: string): ParsedEntities {
  const r = new Reader(source);
  const doc = parseDocument(textOfFile, { lineCounter: r.lines, uniqueKeys: true });
  for (const e of doc.errors) {
    const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
    r.problems.push({ source, line: pos.line, column: pos.col, message: e.message.split('\n')[0] ?? e.message, severity: 'error' });
  }
  if (doc.errors.length > 0) return { entities: [], problems: r.problems };
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { entities: [], problems: r.problems };
  if (!isMap(root)) {
    r.report(root, `the file must be a map with \`${ENTITIES_FORMAT_KEY}: ${ENTITIES_FORMAT_VERSION}\` and \`entities\``);
    return { entities: [], problems: r.problems };
  }
  const version = field(root, ENTITIES_FORMAT_KEY);
  if (version === undefined) r.report(root, `\`${ENTITIES_FORMAT_KEY}: ${ENTITIES_FORMAT_VERSION}\` is missing`, 'warning');
  else if (!isScalar(version) || version.value !== ENTITIES_FORMAT_VERSION) {
    r.report(
      version,
      `this file is \`${ENTITIES_FORMAT_KEY}: ${isScalar(version) ? String(version.value) : '?'}\`; this version of Marginalia reads ${ENTITIES_FORMAT_VERSION}`,
    );
    return { entities: [], problems: r.problems };
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '?';
    if (key !== ENTITIES_FORMAT_KEY && key !== 'entities')
      r.report(pair.key, `unknown key \`${key}\` (allowed: ${ENTITIES_FORMAT_KEY}, entities)`);
  }
  const list = field(root, 'entities');
  if (list === undefined || (isScalar(list) && list.value === null)) return { entities: [], problems: r.problems };
  if (!isSeq(list)) {
    r.report(list, '`entities` must be a list');
    return { entities: [], problems: r.problems };
  }
  const entities: Entity[] = [];
  const nodes = new Map<Entity, YAMLMap>();
  list.items.forEach((item, i) => {
    if (!isMap(item)) {
      r.report(item as Node, `entity ${i + 1} must be a map with \`id\` and \`name\``);
      return;
    }
    const e = readEntity(r, item, i);
    if (e !== undefined) {
      entities.push(e);
      nodes.set(e, item);
    }
  });
  return { entities: crossCheck(r, entities, nodes), problems: r.problems };
}
