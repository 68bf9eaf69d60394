// One entity per name across a corpus: a name listed in the workspace's entities file
// (as its name or an alias) is that entity; any other name is an entity of its own,
// shared by every spelling with the same key ("Tik Tok" and "TikTok").
import { entityKey } from './key';
import type { Entity, EntityType } from './types';

export interface ResolvedEntity {
  /** The listed entity's id, or the key of an unlisted name: equal across documents for the same entity. */
  id: string;
  /** The listed name, or the name as given. */
  name: string;
  type?: EntityType;
  /** Whether the entities file lists it. */
  listed: boolean;
  /** For a listed person: the organisation they speak for, resolved. */
  of?: { id: string; name: string };
}

export class EntityRegistry {
  private readonly byKey = new Map<string, Entity>();
  private readonly byId = new Map<string, Entity>();

  constructor(readonly entities: readonly Entity[] = []) {
    for (const e of entities) {
      this.byId.set(e.id, e);
      for (const name of [e.name, ...e.aliases]) {
        const key = entityKey(name);
        // The first entity to claim a name keeps it, as parseEntities warns.
        if (key !== '' && !this.byKey.has(key)) this.byKey.set(key, e);
      }
    }
  }

  /** The listed entity a name refers to, if any. */
  listed(name: string): Entity | undefined {
    return this.byKey.get(entityKey(name));
  }

  /** The entity a name refers to; undefined for a name with no letter or digit. */
  resolve(name: string): ResolvedEntity | undefined {
    const e = this.listed(name);
    if (e !== undefined) {
      const of = e.of === undefined ? undefined : this.byId.get(e.of);
      return {
        id: e.id,
        name: e.name,
        listed: true,
        ...(e.type === undefined ? {} : { type: e.type }),
        ...(of === undefined ? {} : { of: { id: of.id, name: of.name } }),
      };
    }
    const key = entityKey(name);
    return key === '' ? undefined : { id: key, name: name.trim(), listed: false };
  }

  /** Names of the listed organisations and their aliases, for finding mentions in a text. */
  organisationNames(): string[] {
    return this.entities.filter((e) => e.type !== 'person').flatMap((e) => [e.name, ...e.aliases]);
  }

  isPerson(name: string): boolean {
    return this.listed(name)?.type === 'person';
  }
}
