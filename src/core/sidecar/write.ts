// Writing a sidecar. New files get the canonical layout (render.ts). Existing files are
// edited in place: the `yaml` Document API locates the nodes, and only the text of nodes
// whose value changed is replaced, so comments, blank lines and formatting a person wrote
// anywhere else survive byte for byte, and a git diff shows only real changes.

import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { FORMAT_VERSION, normaliseSidecar, type Annotation, type Sidecar } from './format';
import { parseSidecar } from './read';
import { annotationFields, renderAnnotation, renderSource, renderValue, sourceFields, type FieldValue } from './render';
import { LineIndex } from '../text/lines';
import { YAML_OPTIONS } from './yaml-tree';
import { longestIncreasingSubsequence } from '../util/subsequence';

/** The canonical text of a sidecar: annotations sorted by position, fixed key order. */
export function serializeSidecar(sidecar: Sidecar): string {
  const s = normaliseSidecar(sidecar);
  const head = `marginalia: ${FORMAT_VERSION}\nsource:\n${renderSource(s.source, '  ')}`;
  if (s.annotations.length === 0) return `${head}annotations: []\n`;
  return `${head}annotations:\n${s.annotations.map((a) => renderAnnotation(a, '  ', '    ')).join('')}`;
}

/**
 * The old file's text changed to hold `sidecar`, touching only what changed. Falls back to
 * `serializeSidecar` (losing the person's comments) only when the old layout is one the
 * patcher does not handle or its result would not read back as `sidecar`; both are
 * checked, so the fallback can cost formatting but never data.
 * Throws when the old text is not valid YAML: the store must not write over a file a
 * person is in the middle of fixing.
 */
export function updateSidecarText(oldYamlText: string, sidecar: Sidecar): string {
  return patchSidecarText(oldYamlText, sidecar) ?? serializeSidecar(sidecar);
}

/** The in-place edit of updateSidecarText, or undefined where it would need the fallback. */
export function patchSidecarText(oldYamlText: string, sidecar: Sidecar): string | undefined {
  const doc = parseDocument(oldYamlText, YAML_OPTIONS);
  const first = doc.errors[0];
  if (first !== undefined) {
    const at = new LineIndex(oldYamlText).position(first.pos[0]);
    throw new Error(
      `cannot update the sidecar in place: its YAML does not parse at ${at.line}:${at.column}: ${first.message.split('\n')[0]}`,
    );
  }
  const target = normaliseSidecar(sidecar);
  const root = doc.contents;
  if (!isMap(root) || root.flow) return undefined;
  const p = new Patcher(oldYamlText);
  const version = pairOf(root, 'marginalia');
  const source = pairOf(root, 'source');
  const annotations = pairOf(root, 'annotations');
  if (version === undefined || source === undefined) return undefined;
  p.setField(version, 'marginalia', FORMAT_VERSION);
  if (!isMap(source.value) || !p.patchMap(source.value, sourceFields(target.source))) {
    p.replaceValueBlock(source, `\n${renderSource(target.source, '  ')}`);
  }
  if (annotations === undefined) {
    p.insertLines(p.text.length, renderAnnotationsKey(target.annotations));
  } else {
    p.patchAnnotations(annotations, target.annotations);
  }
  const out = p.apply();
  if (out === undefined) return undefined;
  const back = parseSidecar(out, 'patched sidecar');
  if (back.sidecar === undefined || !back.writable) return undefined;
  return canonicalJson(normaliseSidecar(back.sidecar)) === canonicalJson(target) ? out : undefined;
}

function renderAnnotationsKey(list: readonly Annotation[]): string {
  if (list.length === 0) return 'annotations: []\n';
  return `annotations:\n${list.map((a) => renderAnnotation(a, '  ', '    ')).join('')}`;
}

function canonicalJson(s: Sidecar): string {
  return JSON.stringify(s, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(o)
          .sort()
          .map((k) => [k, o[k]]),
      );
    }
    return v;
  });
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key);
}

function range(node: unknown): [number, number, number] | undefined {
  const r = (node as Node | null | undefined)?.range;
  return r ?? undefined;
}

interface Edit {
  from: number;
  to: number;
  text: string;
  order: number;
}

function sameValue(node: unknown, v: FieldValue): boolean {
  if (Array.isArray(v)) {
    return isSeq(node) && node.items.length === v.length && node.items.every((item, i) => isScalar(item) && item.value === v[i]);
  }
  return isScalar(node) && node.value === v;
}

class Patcher {
  private readonly edits: Edit[] = [];
  private order = 0;
  private readonly eol: string;

  constructor(readonly text: string) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
  }

  private replace(from: number, to: number, text: string): void {
    // Text moved from elsewhere in a CRLF file already has its CRs: convert only bare LFs.
    this.edits.push({ from, to, text: this.eol === '\n' ? text : text.replace(/\r?\n/g, this.eol), order: this.order++ });
  }

  /** Inserts whole lines at a line start, adding the missing final newline of the file first. */
  insertLines(at: number, lines: string): void {
    const needsBreak = at === this.text.length && at > 0 && !this.text.endsWith('\n');
    this.replace(at, at, needsBreak ? `\n${lines}` : lines);
  }

  lineStart(pos: number): number {
    return this.text.lastIndexOf('\n', pos - 1) + 1;
  }

  /** The start of the line after the one holding pos - 1 (pos itself when it already is one). */
  lineEndAfter(pos: number): number {
    if (pos > 0 && this.text.charCodeAt(pos - 1) === 10) return pos;
    const nl = this.text.indexOf('\n', pos);
    return nl === -1 ? this.text.length : nl + 1;
  }

  private onlySpacesBefore(pos: number): boolean {
    return /^ *$/.test(this.text.slice(this.lineStart(pos), pos));
  }

  private pairEnd(pair: Pair): number {
    const v = range(pair.value);
    const k = range(pair.key) as [number, number, number];
    return this.lineEndAfter(v === undefined ? k[2] : Math.max(v[1], v[2]));
  }

  /** Sets a scalar or list value, replacing only the value's own text. */
  setField(pair: Pair, key: string, v: FieldValue): void {
    if (sameValue(pair.value, v)) return;
    const rendered = renderValue(key, v);
    const val = pair.value;
    const r = range(val);
    const simpleScalar = isScalar(val) && r !== undefined && r[0] < r[1] && val.type !== 'BLOCK_LITERAL' && val.type !== 'BLOCK_FOLDED';
    const flowCollection = (isSeq(val) || isMap(val)) && val.flow && r !== undefined;
    if (simpleScalar || flowCollection) {
      this.replace(r[0], r[1], rendered);
      return;
    }
    this.replaceValueBlock(pair, ` ${rendered}`);
  }

  /** Replaces everything from the end of the key to the end of its value with `:` + text. */
  replaceValueBlock(pair: Pair, afterColon: string): void {
    const keyEnd = (range(pair.key) as [number, number, number])[1];
    const r = range(pair.value);
    // An empty value (`key:` alone) has a zero-length range right after the colon.
    const end = this.lineEndAfter(r === undefined || r[1] <= keyEnd + 1 ? keyEnd : r[1]);
    const body = afterColon.endsWith('\n') ? afterColon : `${afterColon}\n`;
    const atEof = !this.text.slice(keyEnd, end).endsWith('\n');
    this.replace(keyEnd, end, `:${atEof ? body.slice(0, -1) : body}`);
  }

  /**
   * Brings a block map's fields to `desired` (in key order): changed values replaced,
   * removed fields' lines deleted, new fields inserted after the field that precedes them
   * in key order. False when the map's layout needs a whole rewrite instead.
   */
  patchMap(map: YAMLMap, desired: readonly [string, FieldValue | undefined][]): boolean {
    if (map.flow || map.items.length === 0) return false;
    const pairs = new Map<string, Pair>();
    for (const pair of map.items) {
      if (!isScalar(pair.key) || typeof pair.key.value !== 'string' || range(pair.key) === undefined) return false;
      pairs.set(pair.key.value, pair);
    }
    const firstKey = range((map.items[0] as Pair).key) as [number, number, number];
    const indent = ' '.repeat(firstKey[0] - this.lineStart(firstKey[0]));
    const planned: (() => void)[] = [];
    let insertAt: number | undefined;
    for (const [key, v] of desired) {
      const pair = pairs.get(key);
      if (pair !== undefined) {
        const keyStart = (range(pair.key) as [number, number, number])[0];
        const end = this.pairEnd(pair);
        if (v === undefined) {
          if (!this.onlySpacesBefore(keyStart)) return false;
          planned.push(() => {
            this.replace(this.lineStart(keyStart), end, '');
          });
        } else {
          planned.push(() => {
            this.setField(pair, key, v);
          });
        }
        insertAt = end;
      } else if (v !== undefined) {
        if (insertAt === undefined) return false;
        const at = insertAt;
        planned.push(() => {
          this.insertLines(at, `${indent}${key}: ${renderValue(key, v)}\n`);
        });
      }
    }
    for (const step of planned) step();
    return true;
  }

  patchAnnotations(pair: Pair, desired: readonly Annotation[]): void {
    const seq = pair.value;
    if (!isSeq(seq) || seq.flow || seq.items.length === 0 || !seq.items.every((i) => isMap(i))) {
      const body = desired.length === 0 ? ' []' : `\n${desired.map((a) => renderAnnotation(a, '  ', '    ')).join('')}`;
      this.replaceValueBlock(pair, body);
      return;
    }
    this.patchItems(seq as YAMLSeq<YAMLMap>, desired);
  }

  private patchItems(seq: YAMLSeq<YAMLMap>, desired: readonly Annotation[]): void {
    interface Old {
      map: YAMLMap;
      id: string;
      from: number;
      to: number;
    }
    const old: Old[] = [];
    for (const map of seq.items) {
      const idPair = pairOf(map, 'id');
      const r = range(map);
      if (idPair === undefined || !isScalar(idPair.value) || typeof idPair.value.value !== 'string' || r === undefined) {
        throw new Error('sidecar patch: an annotation without an id in a file that validated');
      }
      let dash = r[0] - 1;
      while (dash >= 0 && this.text.charCodeAt(dash) === 32) dash--;
      if (this.text.charCodeAt(dash) !== 45 || !this.onlySpacesBefore(dash)) {
        throw new Error('sidecar patch: annotation list item without its dash');
      }
      old.push({ map, id: idPair.value.value, from: this.lineStart(dash), to: this.lineEndAfter(Math.max(r[1], r[2])) });
    }
    const firstOld = old[0] as Old;
    const firstDash = this.text.indexOf('-', firstOld.from);
    const dashIndent = ' '.repeat(firstDash - firstOld.from);
    const keyIndent = ' '.repeat((range(firstOld.map) as [number, number, number])[0] - firstOld.from);

    const wantedIndex = new Map(desired.map((a, i) => [a.id, i]));
    const kept = old.filter((o) => wantedIndex.has(o.id));
    const stationary = longestIncreasingSubsequence(kept.map((o) => wantedIndex.get(o.id) as number)).map((i) => kept[i] as Old);
    const stationaryIds = new Set(stationary.map((o) => o.id));
    const oldById = new Map(old.map((o) => [o.id, o]));

    for (const o of old) if (!stationaryIds.has(o.id)) this.replace(o.from, o.to, '');
    for (const o of stationary) {
      const a = desired[wantedIndex.get(o.id) as number] as Annotation;
      if (!this.patchMap(o.map, annotationFields(a))) this.replace(o.from, o.to, renderAnnotation(a, dashIndent, keyIndent));
    }
    // Everything that is not stationary goes right after the stationary item before it.
    let bucket = '';
    let bucketAt = stationary.length > 0 ? (stationary[0] as Old).from : firstOld.from;
    const flush = (): void => {
      if (bucket !== '') this.insertLines(bucketAt, bucket);
      bucket = '';
    };
    for (const a of desired) {
      const o = oldById.get(a.id);
      if (o !== undefined && stationaryIds.has(a.id)) {
        flush();
        bucketAt = o.to;
      } else if (o !== undefined) {
        bucket += this.movedText(o, a) ?? renderAnnotation(a, dashIndent, keyIndent);
      } else {
        bucket += renderAnnotation(a, dashIndent, keyIndent);
      }
    }
    flush();
  }

  /** An item's own text, comments included, with its fields patched, for moving it. */
  private movedText(o: { map: YAMLMap; from: number; to: number }, a: Annotation): string | undefined {
    const sub = new Patcher(this.text);
    if (!sub.patchMap(o.map, annotationFields(a))) return undefined;
    return sub.applyWithin(o.from, o.to);
  }

  private sorted(): Edit[] {
    return [...this.edits].sort((x, y) => x.from - y.from || x.to - x.from - (y.to - y.from) || x.order - y.order);
  }

  applyWithin(from: number, to: number): string | undefined {
    let out = '';
    let cursor = from;
    for (const e of this.sorted()) {
      if (e.from < from || e.to > to) continue;
      if (e.from < cursor) return undefined;
      out += this.text.slice(cursor, e.from) + e.text;
      cursor = e.to;
    }
    return out + this.text.slice(cursor, to);
  }

  apply(): string | undefined {
    return this.applyWithin(0, this.text.length);
  }
}
