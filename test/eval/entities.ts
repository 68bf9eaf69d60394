// Scores who claims' speakers resolve to (src/core/entities/inDocument.ts) against keys
// made by hand (test/eval/entities/*.entities.yaml): for each speaker mention the claim
// detector finds, the entity is right when its key equals the key of one of the names
// keyed, or when none is keyed and none is given.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { DocumentDetector } from '../../src/core/detect';
import { entityKey } from '../../src/core/entities/key';
import { resolveSpeakers, unspokenControlSpans } from '../../src/core/entities/inDocument';
import type { ClaimDetection } from '../../src/core/model';

export interface EntityKeyItem {
  at: number;
  speaker: string;
  entity: string[] | null;
}

export interface EntityScore {
  judged: number;
  right: number;
  /** Keyed mentions the detector no longer gives (moved, or another speaker). */
  unmatched: number;
  errors: string[];
}

/** `documents` maps a key's document name (`shared:NAME`, `samples:NAME` or a file name) to its text. */
export function scoreEntityFile(keyFile: string, read: (name: string) => string): EntityScore {
  const keys = parse(fs.readFileSync(keyFile, 'utf8')) as { documents: Record<string, EntityKeyItem[]> };
  const score: EntityScore = { judged: 0, right: 0, unmatched: 0, errors: [] };
  for (const [name, items] of Object.entries(keys.documents)) {
    const text = read(name);
    const detector = new DocumentDetector();
    const detections = detector.detect(text);
    const claims = detections.filter((d): d is ClaimDetection => d.kind === 'claim');
    const controls = unspokenControlSpans(detections);
    const resolved = resolveSpeakers(text, claims, undefined, controls);
    for (const item of items) {
      const i = claims.findIndex((c) => c.start === item.at);
      if (i < 0 || claims[i]?.speaker !== item.speaker) {
        score.unmatched++;
        score.errors.push(`${name}@${item.at}: the detector no longer gives the speaker "${item.speaker}"`);
        continue;
      }
      score.judged++;
      const got = resolved[i];
      const right =
        item.entity === null ? got === undefined : got !== undefined && item.entity.some((n) => entityKey(n) === entityKey(got));
      if (right) score.right++;
      else
        score.errors.push(
          `${name}@${item.at}: "${item.speaker}" → ${got === undefined ? 'no entity' : `"${got}"`}, keyed ${JSON.stringify(item.entity)}`,
        );
    }
  }
  return score;
}

/** Reads a key's document: `shared:NAME` from the shared corpus, `samples:NAME` from samples/corpus, else from `folder`. */
export function entityDocumentReader(repository: string, sharedCorpus: string | undefined, folder?: string): (name: string) => string {
  return (name) => {
    const [where, file] = name.includes(':') ? (name.split(':', 2) as [string, string]) : ['', name];
    const dir = where === 'shared' ? sharedCorpus : where === 'samples' ? path.join(repository, 'samples', 'corpus') : folder;
    if (dir === undefined) throw new Error(`no folder for ${name}`);
    return fs.readFileSync(path.join(dir, file), 'utf8').replace(/^\uFEFF/, '');
  };
}
