// A brat standoff reader written from brat's documentation (standoff.html and
// configuration.html), not from its code, to read the export as brat would: the
// annotation.conf with its sections, macros and shortcuts, the .ann lines, and the checks
// brat's annotation validation makes (types and attribute values declared, texts matching
// their spans, references resolving, and "any entity overlap not specifically allowed in
// an <OVERLAP> setting" reported as an error).

type OverlapSpec = 'contain' | 'equal' | 'cross';

interface OverlapRule {
  arg1: Set<string>;
  arg2: Set<string>;
  allows: Set<OverlapSpec>;
}

export interface BratConf {
  entities: Set<string>;
  /** Attribute name → the types it may attach to, and its values (none: a binary flag). */
  attributes: Map<string, { args: Set<string>; values: Set<string> | undefined }>;
  overlaps: OverlapRule[];
  problems: string[];
}

export interface BratEntity {
  id: string;
  type: string;
  spans: [number, number][];
  text: string;
  line: number;
}

export interface BratDocument {
  entities: Map<string, BratEntity>;
  /** Entity id → attribute name → value (`true` for a flag). */
  attributes: Map<string, Map<string, string | true>>;
  /** Entity id → note. */
  notes: Map<string, string>;
  problems: string[];
}

const ANY = '<ANY>';

/** Types named by a `|`-separated list, `<ENTITY>` (every entity type) or `<ANY>`. */
function typeList(spec: string, entities: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const t of spec.split('|').map((x) => x.trim())) {
    if (t === '<ENTITY>') entities.forEach((e) => out.add(e));
    else out.add(t);
  }
  return out;
}

/** `Key:value, Key:value` → pairs, as relation and attribute definitions write them. */
function keyValues(text: string): [string, string][] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((p) => p !== '')
    .map((p) => {
      const at = p.indexOf(':');
      return [p.slice(0, at), p.slice(at + 1)];
    });
}

export function parseConf(text: string): BratConf {
  const conf: BratConf = { entities: new Set(), attributes: new Map(), overlaps: [], problems: [] };
  const macros = new Map<string, string>();
  const relationLines: string[] = [];
  let section = '';
  for (const raw of text.split(/\r?\n/)) {
    if (/^\s*(#|$)/.test(raw)) continue;
    const header = /^\[(\w+)\]\s*$/.exec(raw);
    if (header !== null) {
      section = header[1] ?? '';
      continue;
    }
    const macro = /^(<[A-Z-]+>)=(.*)$/.exec(raw.trim());
    if (macro !== null) {
      macros.set(macro[1] ?? '', macro[2] ?? '');
      continue;
    }
    // Macros are textual replacement wherever they appear.
    let line = raw;
    for (const [name, value] of macros) line = line.split(name).join(value);
    const trimmed = line.trim();
    if (/^-+$/.test(trimmed)) continue;
    switch (section) {
      case 'entities': {
        // `!Type` is a grouping in the hierarchy, not a type to annotate with.
        if (!trimmed.startsWith('!')) conf.entities.add(trimmed);
        break;
      }
      case 'relations':
        relationLines.push(trimmed);
        break;
      case 'attributes': {
        const [name = '', rest = ''] = trimmed.split(/\s+(.*)/s);
        const kv = new Map(keyValues(rest));
        const arg = kv.get('Arg');
        if (arg === undefined) conf.problems.push(`attribute ${name} has no Arg`);
        const values = kv.get('Value');
        conf.attributes.set(name, {
          args: new Set((arg ?? '').split('|')),
          values: values === undefined ? undefined : new Set(values.split('|')),
        });
        break;
      }
      case 'events':
        break;
      default:
        conf.problems.push(`line outside a section: ${raw}`);
    }
  }
  // Relations after the entities are known, for the <ENTITY> shortcut.
  for (const line of relationLines) {
    const [name = '', rest = ''] = line.split(/\s+(.*)/s);
    if (name !== '<OVERLAP>') continue;
    const kv = new Map(keyValues(rest));
    const arg1 = kv.get('Arg1');
    const arg2 = kv.get('Arg2');
    const spec = kv.get('<OVL-TYPE>');
    if (arg1 === undefined || arg2 === undefined || spec === undefined) {
      conf.problems.push(`incomplete <OVERLAP> rule: ${line}`);
      continue;
    }
    const allows = new Set<OverlapSpec>();
    for (const s of spec.split('|')) {
      if (s === ANY) ['contain', 'equal', 'cross'].forEach((x) => allows.add(x as OverlapSpec));
      else if (s === 'contain' || s === 'equal' || s === 'cross') allows.add(s);
      else conf.problems.push(`unknown <OVL-TYPE> ${s}`);
    }
    conf.overlaps.push({ arg1: typeList(arg1, conf.entities), arg2: typeList(arg2, conf.entities), allows });
  }
  return conf;
}

function codePoints(text: string): string[] {
  return Array.from(text);
}

/** Reads a .ann against its .txt: each line's grammar, spans, texts and references. */
export function parseAnn(ann: string, txt: string): BratDocument {
  const doc: BratDocument = { entities: new Map(), attributes: new Map(), notes: new Map(), problems: [] };
  const cps = codePoints(txt);
  const pending: { line: number; kind: 'A' | '#'; target: string; name: string; value: string | true }[] = [];
  ann.split('\n').forEach((line, i) => {
    const n = i + 1;
    if (line === '') return;
    const id = line.split('\t')[0] ?? '';
    if (/^T\d+$/.test(id)) {
      const m = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/.exec(line);
      if (m === null) {
        doc.problems.push(`${n}: not a text-bound annotation line`);
        return;
      }
      const spans = (m[3] ?? '').split(';').map((s) => s.split(' ').map(Number) as [number, number]);
      for (const [s, e] of spans) {
        if (!(s < e && e <= cps.length)) doc.problems.push(`${n}: span ${s} ${e} is empty or past the end`);
        else if (/[\n\r]/.test(cps.slice(s, e).join(''))) doc.problems.push(`${n}: span ${s} ${e} holds a line break`);
      }
      for (let k = 1; k < spans.length; k++) {
        if ((spans[k]?.[0] ?? 0) < (spans[k - 1]?.[1] ?? 0)) doc.problems.push(`${n}: fragments out of order`);
      }
      const text = m[4] ?? '';
      // The text column repeats the spanned text; fragments are joined by a space.
      if (spans.map(([s, e]) => cps.slice(s, e).join('')).join(' ') !== text) doc.problems.push(`${n}: text does not match the span`);
      if (doc.entities.has(id)) doc.problems.push(`${n}: duplicate id ${id}`);
      doc.entities.set(id, { id, type: m[2] ?? '', spans, text, line: n });
    } else if (/^A\d+$/.test(id)) {
      const m = /^A\d+\t(\S+) (T\d+)(?: (\S+))?$/.exec(line);
      if (m === null) doc.problems.push(`${n}: not an attribute line`);
      else pending.push({ line: n, kind: 'A', name: m[1] ?? '', target: m[2] ?? '', value: m[3] ?? true });
    } else if (/^#\d+$/.test(id)) {
      const m = /^#\d+\tAnnotatorNotes (T\d+)\t(.*)$/.exec(line);
      if (m === null) doc.problems.push(`${n}: not a note line`);
      else pending.push({ line: n, kind: '#', name: 'AnnotatorNotes', target: m[1] ?? '', value: m[2] ?? '' });
    } else {
      doc.problems.push(`${n}: unexpected annotation ${id}`);
    }
  });
  for (const p of pending) {
    if (!doc.entities.has(p.target)) {
      doc.problems.push(`${p.line}: refers to ${p.target}, which is not there`);
      continue;
    }
    if (p.kind === '#') doc.notes.set(p.target, p.value === true ? '' : p.value);
    else {
      const attrs = doc.attributes.get(p.target) ?? new Map<string, string | true>();
      if (attrs.has(p.name)) doc.problems.push(`${p.line}: ${p.target} has ${p.name} twice`);
      attrs.set(p.name, p.value);
      doc.attributes.set(p.target, attrs);
    }
  }
  return doc;
}

function extent(e: BratEntity): [number, number] {
  return [e.spans[0]?.[0] ?? 0, e.spans[e.spans.length - 1]?.[1] ?? 0];
}

function sharesCharacters(a: BratEntity, b: BratEntity): boolean {
  return a.spans.some(([s1, e1]) => b.spans.some(([s2, e2]) => s1 < e2 && s2 < e1));
}

/**
 * The validation brat's documentation describes, of one document against the conf:
 * undeclared entity types and attribute values, attributes on types they do not take, and
 * every pair of overlapping entities whose overlap no <OVERLAP> rule allows (`contain`:
 * Arg1 inside Arg2; `equal` and `cross` between Arg1 and Arg2 in either order).
 */
export function verify(doc: BratDocument, conf: BratConf): string[] {
  const errors = [...conf.problems, ...doc.problems];
  for (const e of doc.entities.values()) {
    if (!conf.entities.has(e.type)) errors.push(`${e.line}: entity type ${e.type} is not declared`);
  }
  for (const [target, attrs] of doc.attributes) {
    const type = doc.entities.get(target)?.type ?? '';
    for (const [name, value] of attrs) {
      const def = conf.attributes.get(name);
      if (def === undefined) errors.push(`${target}: attribute ${name} is not declared`);
      else {
        if (!def.args.has(type) && !def.args.has('<ENTITY>') && !def.args.has(ANY))
          errors.push(`${target}: ${name} cannot attach to ${type}`);
        if (def.values === undefined ? value !== true : value === true || !def.values.has(value))
          errors.push(`${target}: ${name} value ${String(value)} is not declared`);
      }
    }
  }
  const allowed = (how: OverlapSpec, t1: string, t2: string): boolean =>
    conf.overlaps.some((r) => r.allows.has(how) && r.arg1.has(t1) && r.arg2.has(t2));
  const list = [...doc.entities.values()].sort((a, b) => extent(a)[0] - extent(b)[0]);
  list.forEach((a, i) => {
    for (const b of list.slice(i + 1)) {
      if (extent(b)[0] >= extent(a)[1]) break;
      if (!sharesCharacters(a, b)) continue;
      const [as, ae] = extent(a);
      const [bs, be] = extent(b);
      const same =
        a.spans.length === b.spans.length &&
        a.spans.every(([s, e], k) => {
          const other = b.spans[k];
          return other !== undefined && other[0] === s && other[1] === e;
        });
      let ok: boolean;
      let what: string;
      if (same) {
        ok = allowed('equal', a.type, b.type) || allowed('equal', b.type, a.type);
        what = 'equal';
      } else if (bs <= as && ae <= be) {
        ok = allowed('contain', a.type, b.type);
        what = `${a.type} inside ${b.type}`;
      } else if (as <= bs && be <= ae) {
        ok = allowed('contain', b.type, a.type);
        what = `${b.type} inside ${a.type}`;
      } else {
        ok = allowed('cross', a.type, b.type) || allowed('cross', b.type, a.type);
        what = 'crossing';
      }
      if (!ok) errors.push(`${a.id} and ${b.id} overlap (${what}) and no <OVERLAP> rule allows it`);
    }
  });
  return errors;
}
