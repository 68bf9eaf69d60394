// Who a claim's speaker is: shown in the hover ("the company → TikTok"), set by hand with
// Set Speaker Entity… (an entity the entities file lists or the workspace's claims name,
// a new name, or none), and the entities file opened (created with an example) by Edit
// Entities. A person's decision on a stored claim, undoable like any edit.

import * as vscode from 'vscode';
import { entityKey } from '../core/entities/key';
import type { EntityRegistry } from '../core/entities/registry';
import type { CommandContext } from './annotationCommands';
import { claimTarget } from './claimLinks';
import { registerCommand } from './commands';
import { excerpt } from './display';
import { quickPickResult } from './quickPickResult';
import { annotatedDocuments } from './trees/documents';
import type { WorkspaceEntities } from './workspaceEntities';

export const SPEAKER_ENTITY_COMMAND = 'marginalia.setSpeakerEntity';
export const EDIT_ENTITIES_COMMAND = 'marginalia.editEntities';

/**
 * "the company → TikTok": the words the text used and the entity they are, by its listed
 * name; one of them when they are the same name; with the organisation a listed person
 * speaks for.
 */
export function speakerText(speaker: string | undefined, entity: string | undefined, registry: EntityRegistry): string | undefined {
  if (entity === undefined) return speaker;
  const resolved = registry.resolve(entity);
  const name = resolved?.name ?? entity;
  const of = resolved?.of === undefined ? '' : ` (${resolved.of.name})`;
  if (speaker === undefined || entityKey(speaker) === entityKey(name)) return `${name}${of}`;
  return `${speaker} → ${name}${of}`;
}

const TEMPLATE = `# Who speaks in this workspace's documents: one entry per organisation or person, with
# the other names the documents use for them. Marginalia resolves each claim's speaker
# to one of these (a name or alias, compared without case, spaces, accents or a legal
# form such as Inc.), so "Tik Tok" and "TikTok" are one entity in the views, the hover
# and the register. Every field but id and name is optional. See docs/entities.md.
marginalia-entities: 1
entities:
  - id: example-corp
    name: Example Corp
    type: organisation
    aliases: [Example, the Example group]
  # - {id: jane-doe, name: Jane Doe, type: person, of: example-corp}
`;

/** Names to offer: the listed entities, then those the workspace's claims name, each once. */
async function knownNames(ctx: CommandContext, registry: EntityRegistry): Promise<{ name: string; detail: string }[]> {
  const out = new Map<string, { name: string; detail: string }>();
  for (const e of registry.entities) {
    out.set(entityKey(e.name), {
      name: e.name,
      detail: [e.type, e.aliases.length > 0 ? `also ${e.aliases.join(', ')}` : ''].filter(Boolean).join(' · '),
    });
  }
  for (const doc of await annotatedDocuments(ctx.sessions, ctx.index)) {
    const list = doc.session ? doc.session.store.tracked.map((t) => t.annotation) : (doc.stored?.annotations ?? []);
    for (const a of list) {
      if (a.entity === undefined) continue;
      const name = registry.resolve(a.entity)?.name ?? a.entity;
      const key = entityKey(name);
      if (!out.has(key)) out.set(key, { name, detail: `named in ${vscode.workspace.asRelativePath(doc.uri)}` });
    }
  }
  return [...out.values()];
}

export function registerSpeakerEntityCommands(ctx: CommandContext, entities: WorkspaceEntities): vscode.Disposable[] {
  return [
    registerCommand(ctx.log, SPEAKER_ENTITY_COMMAND, async (arg, nameArg) => {
      const target = await claimTarget(ctx, arg);
      if (!target) return undefined;
      const a = target.claim.annotation;
      const registry = entities.registry;
      let chosen: string | null | undefined = typeof nameArg === 'string' ? nameArg.trim() || null : undefined;
      if (chosen === undefined) {
        type Item = vscode.QuickPickItem & { name: string | null };
        const known = await knownNames(ctx, registry);
        const base: Item[] = [
          ...known.map((k) => ({ label: `$(person) ${k.name}`, description: k.detail, name: k.name })),
          { label: '$(circle-slash) No one', description: 'the speaker names no entity', name: null },
        ];
        const pick = vscode.window.createQuickPick<Item>();
        pick.title = `Who is ${a.speaker === undefined ? 'the speaker' : `“${excerpt(a.speaker, 30)}”`} in “${excerpt(a.quote, 30)}”?`;
        pick.placeholder = 'Pick an entity, or type a name';
        pick.items = base;
        pick.onDidChangeValue((value) => {
          const typed = value.trim();
          const exists = known.some((k) => entityKey(k.name) === entityKey(typed));
          pick.items =
            typed === '' || exists
              ? base
              : [{ label: `$(add) ${typed}`, description: 'a new entity', name: typed, alwaysShow: true }, ...base];
        });
        chosen = await quickPickResult(pick, (item) => item.name);
      }
      if (chosen === undefined) return undefined;
      const entity = chosen ?? undefined;
      if (entity === a.entity) return entity ?? '';
      await ctx.sessions.apply(target.session, `Speaker of “${excerpt(a.quote, 28)}”`, (tx) => {
        tx.update(a.id, { entity });
      });
      ctx.confirmation.brief(
        entity === undefined ? 'Cleared the speaker entity' : `Speaker: ${speakerText(a.speaker, entity, registry) ?? entity}`,
        target.session.document.uri,
      );
      return entity ?? '';
    }),
    registerCommand(ctx.log, EDIT_ENTITIES_COMMAND, async () => {
      const uri = entities.fileFor(vscode.window.activeTextEditor?.document.uri);
      if (uri === undefined) {
        void vscode.window.showInformationMessage('Marginalia: open a folder first; its entities file is .marginalia/entities.yaml.');
        return undefined;
      }
      try {
        await vscode.workspace.fs.stat(uri);
      } catch {
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(TEMPLATE));
      }
      await vscode.window.showTextDocument(uri);
      return uri.toString();
    }),
  ];
}
