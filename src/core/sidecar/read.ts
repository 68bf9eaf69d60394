// Reading a sidecar: size guard, YAML parsing (fast path, then the full parser), and
// validation of every field with the line and column of the offending node.

import { CLAIM_TYPES, STATUSES, VERDICTS, type Origin } from '../model';
import { OffsetMap } from '../text/offsets';
import { fastParseTree } from './fast-parse';
import {
  ANNOTATION_ID,
  ANNOTATION_KEYS,
  EVIDENCE_REFERENCE,
  FORMAT_VERSION,
  LINK_ROLES,
  LINK_TARGET_KIND,
  LINKING_KIND,
  type LinkRole,
  MAX_SIDECAR_CHARS,
  ORIGINAL_TYPES,
  READABLE_VERSIONS,
  SOURCE_KEYS,
  TOP_KEYS,
  type Annotation,
  type Sidecar,
  type SidecarError,
  type SidecarSource,
} from './format';
import { migrateV1Annotation, type MigrationCounts } from './migrate';
import { LineIndex } from '../text/lines';
import { describeNode, type TreeMap, type TreeNode } from './tree';
import { parseYamlTree } from './yaml-tree';

export interface ParseResult {
  /** Present when the file could be read well enough to show; may be partial when there are errors. */
  sidecar?: Sidecar;
  errors: SidecarError[];
  /**
   * What is odd but readable, and does not stop the file being written: a claim linked
   * to an id no annotation of the file has (say, after a git merge kept the link and
   * dropped its target), or to an annotation of another kind than the link's role takes.
   */
  warnings?: SidecarError[];
  /**
   * False whenever there is any error: the store must not write this file again until a
   * person has fixed it, or it would overwrite what they wrote with its own reading of it.
   */
  writable: boolean;
  /**
   * The file was written in an older version of the format and read as the current one
   * (see migrate.ts): what changed meaning. The file itself is rewritten only when
   * Marginalia next writes it.
   */
  migrated?: { from: number } & MigrationCounts;
}

const ORIGINS: readonly Origin[] = ['detected', 'manual'];
const SHA256 = /^[0-9a-f]{64}$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})?)?$/;
/** Keys starting with `x-` are extensions: read past, kept in place when the file is updated. */
const EXTENSION_KEY = /^x-/;

/**
 * Parses and validates a sidecar. `fileName` only labels the errors. When `sourceText`
 * is given, offsets are also checked against its length in code points. Never throws:
 * whatever the text, the result is a sidecar or located errors.
 */
export function parseSidecar(yamlText: string, fileName: string, sourceText?: string): ParseResult {
  try {
    return parseSidecarOrThrow(yamlText, fileName, sourceText);
  } catch (e) {
    // Deep nesting and the other known hazards are reported with their place by the
    // parsers; this is the last guard (say, a stack overflow when called from deep in
    // another stack). A caller that gets an exception might write over the file; with
    // an error it shows the problem and leaves the file alone (writable is false).
    const reason = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return fail(fileName, 1, 1, `Marginalia could not read this file (${reason}); please report this as a bug`);
  }
}

function parseSidecarOrThrow(yamlText: string, fileName: string, sourceText: string | undefined): ParseResult {
  if (yamlText.length > MAX_SIDECAR_CHARS) {
    const mb = (MAX_SIDECAR_CHARS / 1024 / 1024).toFixed(0);
    return fail(fileName, 1, 1, `the file is larger than ${mb} MB; Marginalia refuses to read it`);
  }
  const lines = new LineIndex(yamlText);
  let tree = fastParseTree(yamlText);
  if (tree === undefined) {
    const parsed = parseYamlTree(yamlText);
    if (parsed.tree === undefined) {
      const errors = parsed.errors.map((e) => ({ file: fileName, ...lines.position(e.offset), message: e.message }));
      return { errors, writable: false };
    }
    tree = parsed.tree;
  }
  const v = new Validator(fileName, lines, sourceText === undefined ? undefined : new OffsetMap(sourceText).codePointLength);
  const sidecar = v.sidecar(tree);
  const result: ParseResult = { sidecar, errors: v.errors, writable: v.errors.length === 0 };
  if (v.warnings.length > 0) result.warnings = v.warnings;
  if (sidecar !== undefined && v.version !== FORMAT_VERSION) {
    const counts: MigrationCounts = { suggestions: 0, reviewed: 0 };
    sidecar.annotations = sidecar.annotations.map((a) => migrateV1Annotation(a, counts));
    result.migrated = { from: v.version, ...counts };
  }
  return result;
}

function fail(file: string, line: number, column: number, message: string): ParseResult {
  return { errors: [{ file, line, column, message }], writable: false };
}

class Validator {
  readonly errors: SidecarError[] = [];
  readonly warnings: SidecarError[] = [];
  /** The version the file declares (valid once sidecar() returned a sidecar). */
  version = FORMAT_VERSION as number;

  constructor(
    private readonly file: string,
    private readonly lines: LineIndex,
    private readonly sourceLength: number | undefined,
  ) {}

  private error(offset: number, message: string): void {
    this.errors.push({ file: this.file, ...this.lines.position(Math.max(0, offset)), message });
  }

  private warning(offset: number, message: string): void {
    this.warnings.push({ file: this.file, ...this.lines.position(Math.max(0, offset)), message });
  }

  sidecar(root: TreeNode): Sidecar | undefined {
    if (root.type !== 'map') {
      this.error(root.offset, `expected a mapping with \`marginalia: ${FORMAT_VERSION}\`, found ${describeNode(root)}`);
      return undefined;
    }
    const fields = this.fields(root, TOP_KEYS, 'the top level');
    const version = fields.get('marginalia');
    if (version === undefined) {
      this.error(root.offset, `missing \`marginalia: ${FORMAT_VERSION}\` (the format version)`);
      return undefined;
    }
    if (version.type === 'scalar' && typeof version.value === 'string' && READABLE_VERSIONS.map(String).includes(version.value.trim())) {
      this.error(version.offset, `the format version is a number: write \`marginalia: ${version.value.trim()}\` without quotes`);
      return undefined;
    }
    if (version.type !== 'scalar' || typeof version.value !== 'number' || !READABLE_VERSIONS.includes(version.value)) {
      const found = version.type === 'scalar' ? String(version.value) : describeNode(version);
      const newer = version.type === 'scalar' && typeof version.value === 'number' && version.value > FORMAT_VERSION;
      this.error(
        version.offset,
        `unsupported format version ${found}: this Marginalia reads versions ${READABLE_VERSIONS.join(' and ')}${newer ? '; update the extension' : ''}`,
      );
      return undefined;
    }
    this.version = version.value;
    const source = this.source(fields.get('source'), root.offset);
    const annotations = this.annotations(fields.get('annotations'));
    if (source === undefined) return undefined;
    return { marginalia: FORMAT_VERSION, source, annotations };
  }

  /** The known fields of a map; reports unknown keys (typos) except `x-` extensions. */
  private fields(map: TreeMap, known: readonly string[], where: string): Map<string, TreeNode> {
    const out = new Map<string, TreeNode>();
    for (const e of map.entries) {
      if (known.includes(e.key)) out.set(e.key, e.value);
      else if (!EXTENSION_KEY.test(e.key)) {
        this.error(e.keyOffset, `unknown field \`${e.key}\` in ${where} (known: ${known.join(', ')}; extensions start with x-)`);
      }
    }
    return out;
  }

  private source(node: TreeNode | undefined, rootOffset: number): SidecarSource | undefined {
    if (node === undefined) {
      this.error(rootOffset, 'missing `source:` with the annotated `file`');
      return undefined;
    }
    if (node.type !== 'map') {
      this.error(node.offset, `\`source\` must be a mapping with \`file\`, found ${describeNode(node)}`);
      return undefined;
    }
    const f = this.fields(node, SOURCE_KEYS, '`source`');
    const file = this.string(f.get('file'), 'source.file', node.offset, true);
    if (file === undefined) return undefined;
    const out: SidecarSource = { file };
    const sha256 = this.sourceString(f, 'sha256', node.offset, SHA256, 'must be 64 lower-case hexadecimal digits');
    if (sha256 !== undefined) out.sha256 = sha256;
    const published = this.sourceString(f, 'published', node.offset, DATE, 'must be a date written YYYY-MM-DD');
    if (published !== undefined) out.published = published;
    this.provenance(f, node.offset, out);
    return out;
  }

  /** An optional string field of `source`, checked against `shape` when one is given. */
  private sourceString(f: Map<string, TreeNode>, key: keyof SidecarSource, at: number, shape?: RegExp, must?: string): string | undefined {
    const value = this.string(f.get(key), `source.${key}`, at, false);
    if (value === undefined || shape === undefined || shape.test(value)) return value;
    this.error(f.get(key)?.offset ?? at, `\`${key}\` ${must ?? 'is not valid'}`);
    return undefined;
  }

  /** Where a text made by Add Source came from: the original, its hash and type, title, dates, address, page map. */
  private provenance(f: Map<string, TreeNode>, at: number, out: SidecarSource): void {
    const DAY = 'must be a date written YYYY-MM-DD';
    const fields = {
      original: this.sourceString(f, 'original', at),
      originalSha256: this.sourceString(f, 'originalSha256', at, SHA256, 'must be 64 lower-case hexadecimal digits'),
      title: this.sourceString(f, 'title', at),
      added: this.sourceString(f, 'added', at, DATE, DAY),
      author: this.sourceString(f, 'author', at),
      url: this.sourceString(f, 'url', at),
      retrieved: this.sourceString(f, 'retrieved', at, DATE, DAY),
    };
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key as keyof typeof fields] = value;
    const type = this.sourceString(f, 'originalType', at);
    if (type !== undefined) {
      const known = ORIGINAL_TYPES.find((t) => t === type);
      if (known) out.originalType = known;
      else this.error(f.get('originalType')?.offset ?? at, `\`originalType\` must be one of ${ORIGINAL_TYPES.join(', ')}, found "${type}"`);
    }
    this.pageMap(f, at, out);
    for (const key of ['pageLabels', 'headers', 'footers'] as const) {
      const list = this.perPage(f, key, out.pages?.length);
      if (list !== undefined) out[key] = list;
    }
  }

  /** `pages`: where each page starts in the text. */
  private pageMap(f: Map<string, TreeNode>, at: number, out: SidecarSource): void {
    const pages = f.get('pages');
    if (pages === undefined || (pages.type === 'scalar' && pages.value === null)) return;
    const starts: number[] = [];
    if (pages.type === 'seq')
      for (const item of pages.items) {
        if (item.type === 'scalar' && typeof item.value === 'number' && Number.isSafeInteger(item.value) && item.value >= 0)
          starts.push(item.value);
        else break;
      }
    const valid =
      pages.type === 'seq' &&
      starts.length === pages.items.length &&
      starts[0] === 0 &&
      starts.every((s, i) => i === 0 || s >= (starts[i - 1] as number));
    if (valid) out.pages = starts;
    else
      this.error(
        pages.offset,
        '`pages` must be a list of whole numbers, from 0 and ascending: where each page starts in the text, in characters',
      );
  }

  /** A list of strings with one entry per page of the page map (`pageLabels`, `headers`, `footers`). */
  private perPage(
    f: Map<string, TreeNode>,
    key: 'pageLabels' | 'headers' | 'footers',
    pageCount: number | undefined,
  ): string[] | undefined {
    const node = f.get(key);
    if (node === undefined || (node.type === 'scalar' && node.value === null)) return undefined;
    const out: string[] = [];
    if (node.type === 'seq')
      for (const item of node.items) if (item.type === 'scalar' && typeof item.value === 'string') out.push(item.value);
    if (node.type !== 'seq' || out.length !== node.items.length) {
      this.error(node.offset, `\`${key}\` must be a list of strings, one per page ("" for a page without one)`);
      return undefined;
    }
    if (pageCount === undefined || out.length !== pageCount) {
      this.error(
        node.offset,
        `\`${key}\` has ${out.length} entries but \`pages\` ${pageCount === undefined ? 'is missing' : `lists ${pageCount} pages`}: it needs one entry per page`,
      );
      return undefined;
    }
    return out;
  }

  private annotations(node: TreeNode | undefined): Annotation[] {
    if (node === undefined || (node.type === 'scalar' && node.value === null)) return [];
    if (node.type !== 'seq') {
      this.error(node.offset, `\`annotations\` must be a list, found ${describeNode(node)}`);
      return [];
    }
    const out: Annotation[] = [];
    const seen = new Map<string, number>();
    for (const item of node.items) {
      const a = this.annotation(item);
      if (a === undefined) continue;
      const first = seen.get(a.id);
      if (first !== undefined) {
        const where = this.lines.position(first);
        this.error(item.offset, `duplicate id \`${a.id}\` (first used at line ${where.line}); ids must be unique`);
        continue;
      }
      seen.set(a.id, item.offset);
      out.push(a);
    }
    this.checkLinks(out, node);
    return out;
  }

  private annotation(node: TreeNode): Annotation | undefined {
    if (node.type !== 'map') {
      this.error(
        node.offset,
        `each annotation must be a mapping with id, kind, quote, start, end, origin and status; found ${describeNode(node)}`,
      );
      return undefined;
    }
    const before = this.errors.length;
    const f = this.fields(node, ANNOTATION_KEYS, 'an annotation');
    const at = node.offset;
    const id = this.string(f.get('id'), 'id', at, true);
    if (id !== undefined && !ANNOTATION_ID.test(id))
      this.error(f.get('id')?.offset ?? at, `id \`${id}\` must be 1–64 letters, digits, '-' or '_'`);
    const kind = this.string(f.get('kind'), 'kind', at, true);
    if (kind !== undefined && (kind.length === 0 || /[\r\n]/.test(kind)))
      this.error(f.get('kind')?.offset ?? at, '`kind` must be a non-empty single-line word');
    const label = this.string(f.get('label'), 'label', at, false);
    if (kind === 'claim' && label !== undefined && !(CLAIM_TYPES as readonly string[]).includes(label)) {
      this.error(f.get('label')?.offset ?? at, `claim label \`${label}\` must be one of ${CLAIM_TYPES.join(', ')}`);
    }
    const quote = this.string(f.get('quote'), 'quote', at, true);
    if (quote === '') this.error(f.get('quote')?.offset ?? at, '`quote` must not be empty');
    const prefix = this.string(f.get('prefix'), 'prefix', at, false) ?? '';
    const suffix = this.string(f.get('suffix'), 'suffix', at, false) ?? '';
    const start = this.offset(f.get('start'), 'start', at);
    const end = this.offset(f.get('end'), 'end', at);
    const orphaned = this.boolean(f.get('orphaned'), 'orphaned');
    const origin = this.oneOf(f.get('origin'), 'origin', ORIGINS, at);
    const status = this.oneOf(f.get('status'), 'status', STATUSES, at);
    const verdictNode = f.get('verdict');
    const verdict = verdictNode === undefined ? undefined : this.oneOf(verdictNode, 'verdict', VERDICTS, at);
    if (verdict !== undefined && kind !== undefined && kind !== LINKING_KIND)
      this.error(
        verdictNode?.offset ?? at,
        `only a claim has a verdict (whether it was kept): \`verdict\` is not allowed on a \`${kind}\` annotation`,
      );
    const evidence = this.evidence(f.get('evidence'), kind);
    const rejected = this.evidence(f.get('rejected'), kind, 'rejected');
    const reviewer = this.string(f.get('reviewer'), 'reviewer', at, false);
    const reviewed = this.dateTime(f.get('reviewed'), 'reviewed', at);
    const note = this.string(f.get('note'), 'note', at, false);
    const tags = this.tags(f.get('tags'));
    const links = LINK_ROLES.map((role) => [role, this.links(f.get(role), role, id, kind)] as const);
    const author = this.string(f.get('author'), 'author', at, false);
    const created = this.dateTime(f.get('created'), 'created', at);
    if (start !== undefined && end !== undefined) {
      if (end < start) this.error(f.get('end')?.offset ?? at, `end ${end} is before start ${start}`);
      else if (this.sourceLength !== undefined && !orphaned && end > this.sourceLength) {
        this.error(
          f.get('end')?.offset ?? at,
          `end ${end} is past the end of the source (${this.sourceLength} characters); mark it \`orphaned: true\` or fix the offsets`,
        );
      }
    }
    if (
      this.errors.length > before ||
      id === undefined ||
      kind === undefined ||
      quote === undefined ||
      start === undefined ||
      end === undefined ||
      origin === undefined ||
      status === undefined
    ) {
      return undefined;
    }
    const a: Annotation = { id, kind, quote, prefix, suffix, start, end, origin, status: status };
    if (label !== undefined) a.label = label;
    const speaker = this.string(f.get('speaker'), 'speaker', at, false);
    if (speaker !== undefined) a.speaker = speaker;
    const entity = this.string(f.get('entity'), 'entity', at, false);
    if (entity !== undefined) a.entity = entity;
    for (const [role, ids] of links) if (ids !== undefined && ids.length > 0) a[role] = ids;
    if (orphaned) a.orphaned = true;
    if (verdict !== undefined) a.verdict = verdict;
    if (evidence !== undefined && evidence.length > 0) a.evidence = evidence;
    if (rejected !== undefined && rejected.length > 0) a.rejected = rejected;
    if (reviewer !== undefined) a.reviewer = reviewer;
    if (reviewed !== undefined) a.reviewed = reviewed;
    if (note !== undefined) a.note = note;
    if (tags !== undefined && tags.length > 0) a.tags = tags;
    if (author !== undefined) a.author = author;
    if (created !== undefined) a.created = created;
    return a;
  }

  private string(node: TreeNode | undefined, name: string, mapOffset: number, required: boolean): string | undefined {
    if (node === undefined) {
      if (required) this.error(mapOffset, `missing required field \`${name}\``);
      return undefined;
    }
    if (node.type === 'scalar' && typeof node.value === 'string') return node.value;
    if (!required && node.type === 'scalar' && node.value === null) return undefined;
    const hint = node.type === 'scalar' && node.value !== null ? ` (quote it: "${String(node.value)}")` : '';
    this.error(node.offset, `\`${name}\` must be a string, found ${describeNode(node)}${hint}`);
    return undefined;
  }

  private dateTime(node: TreeNode | undefined, name: string, mapOffset: number): string | undefined {
    const value = this.string(node, name, mapOffset, false);
    if (value !== undefined && !DATE_TIME.test(value))
      this.error(node?.offset ?? mapOffset, `\`${name}\` must be an ISO 8601 date-time such as 2026-01-01T09:30:00Z`);
    return value;
  }

  private offset(node: TreeNode | undefined, name: string, mapOffset: number): number | undefined {
    if (node === undefined) {
      this.error(mapOffset, `missing required field \`${name}\``);
      return undefined;
    }
    if (node.type === 'scalar' && typeof node.value === 'number' && Number.isSafeInteger(node.value) && node.value >= 0) {
      return node.value;
    }
    this.error(node.offset, `\`${name}\` must be a whole number of characters (0 or more), found ${describeNode(node)}`);
    return undefined;
  }

  private boolean(node: TreeNode | undefined, name: string): boolean {
    if (node === undefined || (node.type === 'scalar' && node.value === null)) return false;
    if (node.type === 'scalar' && typeof node.value === 'boolean') return node.value;
    this.error(node.offset, `\`${name}\` must be true or false, found ${describeNode(node)}`);
    return false;
  }

  private oneOf<T extends string>(node: TreeNode | undefined, name: string, allowed: readonly T[], mapOffset: number): T | undefined {
    const s = this.string(node, name, mapOffset, true);
    if (s === undefined) return undefined;
    if ((allowed as readonly string[]).includes(s)) return s as T;
    this.error(node?.offset ?? mapOffset, `\`${name}\` must be one of ${allowed.join(', ')}, found \`${s}\``);
    return undefined;
  }

  /** A claim's links of one role: a list of other annotations' ids, each once. */
  private links(node: TreeNode | undefined, role: LinkRole, own: string | undefined, kind: string | undefined): string[] | undefined {
    if (node === undefined || (node.type === 'scalar' && node.value === null)) return undefined;
    const target = LINK_TARGET_KIND[role];
    if (node.type !== 'seq') {
      this.error(node.offset, `\`${role}\` must be a list of ${target} annotation ids such as [k3x9m2pq], found ${describeNode(node)}`);
      return undefined;
    }
    if (kind !== undefined && kind !== LINKING_KIND && node.items.length > 0) {
      this.error(node.offset, `only a claim links to ${target}s: \`${role}\` is not allowed on a \`${kind}\` annotation`);
      return undefined;
    }
    const out: string[] = [];
    for (const item of node.items) {
      const text = item.type === 'scalar' ? item.value : undefined;
      if (typeof text !== 'string' || !ANNOTATION_ID.test(text)) {
        const hint = typeof text === 'number' ? ` (quote it: "${String(text)}")` : '';
        this.error(
          item.offset,
          `each \`${role}\` link must be an annotation id (1–64 letters, digits, '-' or '_'), found ${describeNode(item)}${hint}`,
        );
      } else if (text === own) {
        this.error(item.offset, `annotation \`${text}\` links to itself in \`${role}\``);
      } else if (out.includes(text)) {
        this.error(item.offset, `\`${text}\` is listed twice in \`${role}\``);
      } else {
        out.push(text);
      }
    }
    return out;
  }

  /** Links to ids the file lacks, or to annotations of the wrong kind: warnings, as a merge can leave them. */
  private checkLinks(annotations: readonly Annotation[], list: TreeNode): void {
    if (list.type !== 'seq') return;
    const byId = new Map(annotations.map((a) => [a.id, a]));
    const nodeOf = new Map<string, TreeNode>();
    for (const item of list.items) {
      if (item.type !== 'map') continue;
      const id = item.entries.find((e) => e.key === 'id')?.value;
      if (id?.type === 'scalar' && typeof id.value === 'string') nodeOf.set(id.value, item);
    }
    for (const a of annotations) {
      for (const role of LINK_ROLES) {
        for (const target of a[role] ?? []) {
          const node = nodeOf.get(a.id);
          const at = (node?.type === 'map' ? node.entries.find((e) => e.key === role)?.value.offset : undefined) ?? node?.offset ?? 0;
          const found = byId.get(target);
          const wanted = LINK_TARGET_KIND[role];
          if (found === undefined)
            this.warning(at, `claim \`${a.id}\` links (\`${role}\`) to \`${target}\`, which no annotation of this file has`);
          else if (found.kind !== wanted)
            this.warning(
              at,
              `claim \`${a.id}\` links (\`${role}\`) to \`${target}\`, a \`${found.kind}\` annotation; \`${role}\` takes ${wanted}s`,
            );
        }
      }
    }
  }

  /** A commitment's evidence (or the evidence rejected): a list of `PATH#ID` references, each once. */
  private evidence(node: TreeNode | undefined, kind: string | undefined, key: 'evidence' | 'rejected' = 'evidence'): string[] | undefined {
    if (node === undefined || (node.type === 'scalar' && node.value === null)) return undefined;
    if (node.type !== 'seq') {
      this.error(node.offset, `\`${key}\` must be a list such as ["2026/update.txt#k3x9m2pq"], found ${describeNode(node)}`);
      return undefined;
    }
    if (kind !== undefined && kind !== LINKING_KIND && node.items.length > 0) {
      this.error(node.offset, `only a claim has evidence: \`${key}\` is not allowed on a \`${kind}\` annotation`);
      return undefined;
    }
    const out: string[] = [];
    for (const item of node.items) {
      const text = item.type === 'scalar' ? item.value : undefined;
      if (typeof text !== 'string' || !EVIDENCE_REFERENCE.test(text))
        this.error(
          item.offset,
          `each piece of evidence must be PATH#ID (a source beside this file, or #ID in it), found ${describeNode(item)}`,
        );
      else if (out.includes(text)) this.error(item.offset, `\`${text}\` is listed twice in \`${key}\``);
      else out.push(text);
    }
    return out;
  }

  private tags(node: TreeNode | undefined): string[] | undefined {
    if (node === undefined || (node.type === 'scalar' && node.value === null)) return undefined;
    if (node.type !== 'seq') {
      this.error(node.offset, `\`tags\` must be a list such as [privacy, follow-up], found ${describeNode(node)}`);
      return undefined;
    }
    const out: string[] = [];
    for (const item of node.items) {
      if (item.type === 'scalar' && typeof item.value === 'string') out.push(item.value);
      else this.error(item.offset, `each tag must be a string, found ${describeNode(item)}`);
    }
    return out;
  }
}
