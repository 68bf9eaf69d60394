// Finds the cues of one sentence. One pass over its characters hashes each word and looks
// the hash up in a table of trigger words, noting on the way the word-level cues (names,
// first person, -ed verbs); only the phrase rules whose triggers occurred are then run.
// Most rules never run on most sentences, and the pass allocates no string per word,
// which is what keeps the detector linear and fast on large documents.
//
// A hash collision can only make a rule run on a sentence that lacks its trigger; the
// rule's own pattern then decides, so collisions cost time, never correctness.

import {
  CUE_RULES,
  ED_ADJECTIVES,
  FIRST_PERSON,
  FIRST_PERSON_WEIGHT,
  IRREGULAR_PASTS,
  NAME_STOPWORDS,
  NAME_WEIGHT,
  negatedBefore,
  NOT_PRESENT_VERBS,
  PAST_WEIGHT,
  SECOND_PAST_WEIGHT,
  PRESENT_AFTER_SUBJECT_WEIGHT,
  SECOND_NAME_WEIGHT,
  SUBJECT_HEADS,
  type CueRole,
} from './lexicon';

export type { CueRole } from './lexicon';

export interface CueHit {
  readonly role: CueRole;
  readonly weight: number;
  /** Offset of the cue in the sentence. */
  readonly index: number;
  readonly text: string;
  /** Whether the cue is worth showing to the user (weak cues show only when alone). */
  readonly shown: boolean;
  /** A reporting verb ("said", "according to"). */
  readonly report: boolean;
}

const RULE_LIMIT = 64;
if (CUE_RULES.length > RULE_LIMIT) throw new Error(`at most ${RULE_LIMIT} cue rules fit the trigger masks`);

const TABLE_BITS = 14;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
/** Rule bit masks by hash slot: rules 0–31 and 32–63. */
const slotLow = new Int32Array(TABLE_MASK + 1);
const slotHigh = new Int32Array(TABLE_MASK + 1);
/** Slots of words that need a closer look: SPECIAL_NAME (a name stopword or first person), SPECIAL_PAST. */
const slotSpecial = new Uint8Array(TABLE_MASK + 1);
const SPECIAL_NAME = 1;
const SPECIAL_PAST = 2;
const SPECIAL_HEAD = 4;

function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ lowerCode(word.charCodeAt(i)), 0x01000193);
  return h & TABLE_MASK;
}

function lowerCode(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
}

let digitLow = 0;
let digitHigh = 0;
let yearLow = 0;
let yearHigh = 0;
let percentLow = 0;
let percentHigh = 0;
let threeLow = 0;
let threeHigh = 0;

CUE_RULES.forEach((r, i) => {
  const low = i < 32 ? 1 << i : 0;
  const high = i >= 32 ? 1 << (i - 32) : 0;
  for (const t of r.triggers) {
    if (t === '#digit') {
      digitLow |= low;
      digitHigh |= high;
    } else if (t === '#year') {
      yearLow |= low;
      yearHigh |= high;
    } else if (t === '#three') {
      threeLow |= low;
      threeHigh |= high;
    } else if (t === '%') {
      percentLow |= low;
      percentHigh |= high;
    } else {
      const slot = hashWord(t);
      slotLow[slot] = (slotLow[slot] as number) | low;
      slotHigh[slot] = (slotHigh[slot] as number) | high;
    }
  }
});
for (const w of [...NAME_STOPWORDS, ...FIRST_PERSON]) {
  const slot = hashWord(w);
  slotSpecial[slot] = (slotSpecial[slot] as number) | SPECIAL_NAME;
}
for (const w of IRREGULAR_PASTS) {
  const slot = hashWord(w);
  slotSpecial[slot] = (slotSpecial[slot] as number) | SPECIAL_PAST;
}
for (const w of SUBJECT_HEADS) {
  const slot = hashWord(w);
  slotSpecial[slot] = (slotSpecial[slot] as number) | SPECIAL_HEAD;
}

/** Rules that also need a word of some shape, as bit masks over the rules. */
function needsMask(need: 'gerund' | 'participle' | 'capital'): [number, number] {
  let low = 0;
  let high = 0;
  CUE_RULES.forEach((r, i) => {
    if (r.needs !== need) return;
    if (i < 32) low |= 1 << i;
    else high |= 1 << (i - 32);
  });
  return [low, high];
}
const [gerundLow, gerundHigh] = needsMask('gerund');
const [participleLow, participleHigh] = needsMask('participle');
const [capitalLow, capitalHigh] = needsMask('capital');

/** Symbols that trigger rules by themselves. */
const PERCENT = 0x25;
const COPYRIGHT = 0xa9;
const COPYRIGHT_SLOT = hashWord('©');

/** How far before a cue a habitual adverb still governs it ("is constantly working to"). */
const HABITUAL_WINDOW = 16;
/** Matches of one rule a sentence reports: enough to show, bounded for speed. */
const MAX_HITS_PER_RULE = 3;

function isWordCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/**
 * Appends the cues of `sentence` to `hits`, ignoring text before `from` (a feeling that
 * opens the sentence). Hedges, boilerplate and calls to action are cues too, of roles
 * `hedge` and `veto`.
 */
export function findCues(sentence: string, hits: CueHit[], from = 0): void {
  let low = 0;
  let high = 0;
  let names = 0;
  let firstPerson = false;
  let pasts = 0;
  let atStart = true;
  let gerund = false;
  let participle = false;
  let capitalised = false;
  // Whether the previous word can be the subject of a verb in -s, and whether one was found.
  let subject = false;
  let present = false;
  const n = sentence.length;
  let i = from;
  while (i < n) {
    const c = sentence.charCodeAt(i);
    if (!isWordCode(c)) {
      if (c === PERCENT) {
        low |= percentLow;
        high |= percentHigh;
      } else if (c === COPYRIGHT) {
        low |= slotLow[COPYRIGHT_SLOT] as number;
        high |= slotHigh[COPYRIGHT_SLOT] as number;
      }
      // Punctuation ends a subject: "Acme, which …" is not "Acme which".
      if (c !== 0x20 && c !== 0x27 && c !== 0x2019) subject = false;
      i++;
      continue;
    }
    const start = i;
    if (c <= 0x39) {
      while (i < n && isWordCode(sentence.charCodeAt(i))) i++;
      low |= digitLow;
      high |= digitHigh;
      const c1 = sentence.charCodeAt(start + 1);
      if (i - start === 4 && ((c === 0x31 && c1 === 0x39) || (c === 0x32 && c1 === 0x30))) {
        low |= yearLow;
        high |= yearHigh;
      } else if (i - start === 3) {
        low |= threeLow;
        high |= threeHigh;
      }
      atStart = false;
      subject = false;
      continue;
    }
    let h = 0x811c9dc5;
    while (i < n) {
      const d = sentence.charCodeAt(i);
      if (!isWordCode(d)) break;
      h = Math.imul(h ^ lowerCode(d), 0x01000193);
      i++;
    }
    const slot = h & TABLE_MASK;
    low |= slotLow[slot] as number;
    high |= slotHigh[slot] as number;
    const capital = c <= 0x5a;
    const len = i - start;
    const last = sentence.charCodeAt(i - 1);
    const beforeLast = sentence.charCodeAt(i - 2);
    const wasSubject = subject;
    subject = false;
    if (capital) {
      if (!atStart) capitalised = true;
      const special = ((slotSpecial[slot] as number) & SPECIAL_NAME) !== 0 ? sentence.slice(start, i) : undefined;
      const stopword = special !== undefined && NAME_STOPWORDS.has(special);
      if (!stopword && !(len === 1 && c === 0x49)) subject = true;
      else if (((slotSpecial[slot] as number) & SPECIAL_HEAD) !== 0 && SUBJECT_HEADS.has(sentence.slice(start, i).toLowerCase()))
        subject = true;
      if ((len === 1 && c === 0x49) || (special !== undefined && FIRST_PERSON.has(special.toLowerCase()))) {
        firstPerson = true;
      } else if (!atStart && names < 2 && !stopword) {
        // Anchors are never shown, so the name itself is not kept.
        hits.push({
          role: 'anchor',
          weight: names === 0 ? NAME_WEIGHT : SECOND_NAME_WEIGHT,
          index: start,
          text: '',
          shown: false,
          report: false,
        });
        names++;
      }
    } else {
      const special = slotSpecial[slot] as number;
      if ((special & SPECIAL_HEAD) !== 0 && SUBJECT_HEADS.has(sentence.slice(start, i))) subject = true;
      if (
        wasSubject &&
        !present &&
        len >= 4 &&
        last === 0x73 &&
        beforeLast !== 0x73 &&
        beforeLast !== 0x75 &&
        beforeLast !== 0x69 &&
        beforeLast !== 0x27 &&
        beforeLast !== 0x2019
      ) {
        const word = sentence.slice(start, i);
        if (!NOT_PRESENT_VERBS.has(word)) {
          hits.push({ role: 'assertion', weight: PRESENT_AFTER_SUBJECT_WEIGHT, index: start, text: word, shown: false, report: false });
          present = true;
        }
      }
      if ((special & SPECIAL_NAME) !== 0 && !firstPerson && FIRST_PERSON.has(sentence.slice(start, i))) {
        firstPerson = true;
      } else if ((special & SPECIAL_PAST) !== 0 && pasts < 2 && IRREGULAR_PASTS.has(sentence.slice(start, i))) {
        hits.push({
          role: 'assertion',
          weight: pasts === 0 ? PAST_WEIGHT : SECOND_PAST_WEIGHT,
          index: start,
          text: sentence.slice(start, i),
          shown: false,
          report: false,
        });
        pasts++;
      }
      if (len >= 5) {
        // -ed, -en, -wn: a participle; -ing: a gerund or progressive.
        if ((last === 0x64 && beforeLast === 0x65) || (last === 0x6e && (beforeLast === 0x65 || beforeLast === 0x77))) {
          participle = true;
          if (pasts < 2 && last === 0x64) {
            const word = sentence.slice(start, i);
            if (!ED_ADJECTIVES.has(word)) {
              hits.push({
                role: 'assertion',
                weight: pasts === 0 ? PAST_WEIGHT : SECOND_PAST_WEIGHT,
                index: start,
                text: word,
                shown: false,
                report: false,
              });
              pasts++;
            }
          }
        } else if (last === 0x67 && beforeLast === 0x6e && sentence.charCodeAt(i - 3) === 0x69) {
          gerund = true;
        }
      }
    }
    atStart = false;
  }
  if (firstPerson) hits.push({ role: 'anchor', weight: FIRST_PERSON_WEIGHT, index: 0, text: '', shown: false, report: false });
  // Rules that need a word of some shape the sentence lacks are switched off.
  if (!gerund) {
    low &= ~gerundLow;
    high &= ~gerundHigh;
  }
  if (!participle) {
    low &= ~participleLow;
    high &= ~participleHigh;
  }
  if (!capitalised) {
    low &= ~capitalLow;
    high &= ~capitalHigh;
  }

  for (let r = 0; r < CUE_RULES.length; r++) {
    const bit = r < 32 ? low & (1 << r) : high & (1 << (r - 32));
    if (bit === 0) continue;
    runRule(r, sentence, hits, from);
  }
}

function runRule(r: number, sentence: string, hits: CueHit[], from: number): void {
  const rule = CUE_RULES[r];
  if (rule === undefined) return;
  rule.re.lastIndex = from;
  let count = 0;
  let m: RegExpExecArray | null;
  while (count < MAX_HITS_PER_RULE && (m = rule.re.exec(sentence)) !== null) {
    if (m[0].length === 0) {
      rule.re.lastIndex++;
      continue;
    }
    if (rule.accept !== undefined && !rule.accept(m, sentence)) continue;
    const habitual =
      rule.habitual !== undefined && rule.habitual.test(sentence.slice(Math.max(0, m.index - HABITUAL_WINDOW), m.index + m[0].length));
    const denied = rule.deniedWhenNegated === true && negatedBefore(sentence, m.index);
    const weight = count === 0 ? rule.weight : count === 1 ? (rule.secondWeight ?? 0) : 0;
    hits.push({
      role: denied ? 'denial' : habitual ? 'assertion' : rule.role,
      weight,
      index: m.index,
      text: m[0],
      shown: rule.shown,
      report: rule.report === true,
    });
    count++;
  }
}

/** Whether a sentence reports what someone said. */
export function hasReport(hits: readonly CueHit[]): boolean {
  for (const h of hits) if (h.report) return true;
  return false;
}

/** Whether a sentence's cues include boilerplate or a call to action. */
export function hasVeto(hits: readonly CueHit[]): boolean {
  for (const h of hits) if (h.role === 'veto') return true;
  return false;
}

/** The hedges among `hits`, lower-cased, each once. */
export function hedgesOf(hits: readonly CueHit[]): string[] {
  const out: string[] = [];
  for (const h of hits) {
    if (h.role !== 'hedge') continue;
    const text = h.text.toLowerCase().replace(/\s+/g, ' ');
    if (!out.includes(text)) out.push(text);
  }
  return out;
}
