// "The Commission found …" after "the European Commission", "the Department's findings"
// after "the Connecticut Insurance Department", "the Privacy Commissioner" after "the
// Privacy Commissioner for Personal Data (PCPD)": a definite description that shortens a
// body's or a law's name to its head noun, keeping some of its words or none, names what
// the document last named with that head.
//
// The scan records every capitalised head noun (headMentions), on the text alone, so it
// is cached and spliced after an edit like the rest of a scan. The document decides
// (resolveHeads): a head inside a detected name is an antecedent, and so is one in the
// bracket right after a name ("(Privacy Commissioner)"); a definite one ("the …"), or one
// that keeps some of the name's words ("Insurance Department Fines …"), names the last
// antecedent of that head when that name ends in those words; any other (a body the
// catalog does not know, "the Public Utilities Commission", "the Board of Directors",
// "Commissioner Kellerman") ends the antecedent's reach, since what follows may mean it;
// a bare head that is neither ("Commission fines …" in a headline) says nothing.
import type { ControlDetection } from '../model';

export interface HeadMention {
  /** Where the description starts, after "the": "Commission", "Privacy Commissioner". */
  readonly start: number;
  readonly end: number;
  /** The head noun: "Commission". */
  readonly head: string;
  /** Written after "the", not followed by "of …"/"for …": it may shorten a name. */
  readonly definite: boolean;
  /** Neither definite nor a name of its own ("Commission fines …" in a headline, "Board members"): it says nothing. */
  readonly bare: boolean;
}

/** Head nouns of regulators' and laws' names that documents shorten them to. */
const HEADS =
  /\b(?:Commission|Commissioner|Department|Authority|Agency|Board|Bureau|Office|Regulator|Council|Ministry|Bank|Center|Centre|Inspectorate|Ombudsman|Act|Law|Ordinance|Regulation|Regulations|Directive|Code|Directions|Rule|Rules|Guideline|Guidelines|Circular|Bill|Framework|Standard|Programme|Program)\b/g;
/** A capitalised word right before: "European " of "European Commission". */
const CAPITALISED_BEFORE = /(?:^|[^\p{L}\p{N}’'.-])(\p{Lu}[\p{L}’'.-]*)[ \u00a0]$/u;
/** "the", or "the new": "The new Agency is an autonomous body". */
const THE_BEFORE = /(?:^|[^\p{L}])[Tt]he[ \u00a0](?:new[ \u00a0])?$/u;
/**
 * A name that goes on: "Board of Directors", "Commissioner for Personal Data", "Office of …";
 * not a date after it ("notified the Commission on August 11").
 */
const NAME_GOES_ON =
  /^[ \u00a0](?:of|for|on)[ \u00a0](?:the[ \u00a0])?(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)\p{Lu}/u;
/** A person after a title: "Commissioner Kellerman". */
const NAME_AFTER = /^[ \u00a0]\p{Lu}\p{Ll}/u;
/** How many capitalised words a shortened name may keep before its head. */
const MAX_MODIFIERS = 3;

/** Every capitalised head noun of `text`, with the capitalised words before it. */
export function headMentions(text: string): HeadMention[] {
  const out: HeadMention[] = [];
  HEADS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HEADS.exec(text)) !== null) {
    const end = m.index + m[0].length;
    let start = m.index;
    for (let k = 0; k < MAX_MODIFIERS; k++) {
      const before = CAPITALISED_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
      if (before === null || before[1] === 'The') break;
      start -= (before[1] as string).length + 1;
    }
    const after = text.slice(end, end + 24);
    const goesOn = NAME_GOES_ON.test(after) || NAME_AFTER.test(after);
    const modified = start < m.index;
    const definite = THE_BEFORE.test(text.slice(Math.max(0, start - 9), start)) && !goesOn;
    out.push({ start, end, head: m[0], definite, bare: !definite && !modified && !goesOn });
  }
  return out;
}

/** "(", "(“" or "(the “": the bracket that gives a name its short form. */
const BRACKET_OPEN = /^[ \u00a0]?\((?:[“"‘']?|(the)[ \u00a0][“"‘'])$/;

const BRACKET_CLOSE = /^[”"’']?\)/;

/**
 * Whether a term defined with "the" ("(the “Agency”)") is the name's own short form: its
 * head shortens the name, or the name has no English head to differ from it ("Agencia
 * de Protección de Datos Personales"). After "the Information Technology Act, 2000" the
 * "Directions" a sentence defines are what the sentence is about, not the Act.
 */
function definesItsOwn(name: string, words: string): boolean {
  return shortens(name, words) || !ANY_HEAD.test(name);
}

/**
 * Heads a document gives to a body the catalog does not know, in that body's own bracket:
 * "Qimam Bank (“Qimam” or “the Bank”)". "The Bank" is then that body throughout, never a
 * bank the catalog names later (the central bank that supervises it).
 */
const OWN_DEFINITION = /\((?:[^()\r\n]{0,60}?\bor\s+)?[“"‘]the[ \u00a0](\p{Lu}\p{Ll}+)[”"’]\)/gu;

/** HEADS without its global state: anywhere in a name, or as a whole word. */
const ANY_HEAD = new RegExp(HEADS.source);
const HEAD_WORD = new RegExp(`^${HEADS.source}$`);

function headsOwnedElsewhere(document: string, names: readonly ControlDetection[]): Set<string> {
  const owned = new Set<string>();
  OWN_DEFINITION.lastIndex = 0;
  for (let m = OWN_DEFINITION.exec(document); m !== null; m = OWN_DEFINITION.exec(document)) {
    const head = m[1] as string;
    if (!HEAD_WORD.test(head)) continue;
    const at = m.index;
    if (!names.some((n) => n.end <= at && at - n.end <= 1)) owned.add(head);
  }
  return owned;
}

/**
 * What may follow a name's head noun in the name: its end, a bracket or a comma ("National
 * Data Protection Authority (ANPD)"), or what it is of or for ("Privacy Commissioner for
 * Personal Data", and in French, Spanish, Italian or Portuguese names, whose head comes
 * first: "Commission d’accès à l’information", "Commission nationale de l’informatique"),
 * or its year ("Telecommunications (Security) Act 2021");
 * not a possessive ("the European Commission's Standard Contractual Clauses" names the
 * clauses).
 */
const AFTER_HEAD =
  /^(?:$|\s*[(,]|\s+(?:of|for|on)\s|\s+(?:19|20)\d\d(?!\d)|\s+(?:d[’']|(?:de|du|des|del|della|dei|da|do|dos|nationale?|fédérale?)\s))/;

/** Whether `words` ends the head of `name`, as whole words: "Privacy Commissioner" in "Privacy Commissioner for Personal Data". */
function shortens(name: string, words: string): boolean {
  let at = name.indexOf(words);
  while (at >= 0) {
    const before = at === 0 ? '' : name.charAt(at - 1);
    if (!/[\p{L}\p{N}]/u.test(before) && AFTER_HEAD.test(name.slice(at + words.length))) return true;
    at = name.indexOf(words, at + 1);
  }
  return false;
}

/** A short form in brackets, in the name or right after it: "Federal Trade Commission (FTC)". */
const SHORT_FORM_END = /\(\s*[“"‘']?\p{Lu}[\p{Lu}\p{N}&.-]+[”"’']?\s*\)$/u;
const SHORT_FORM_AFTER = /^[ \u00a0]?\(\s*[“"‘']?\p{Lu}[\p{Lu}\p{N}&.-]+[”"’']?\s*\)/u;

function givesShortForm(document: string, name: ControlDetection): boolean {
  return SHORT_FORM_END.test(name.text) || SHORT_FORM_AFTER.test(document.slice(name.end, name.end + 16));
}

const GOES_ON = /^[ \u00a0](?:of|for|on)[ \u00a0](?:the[ \u00a0])?[\p{L}\p{N}]+/u;

/**
 * Whether the name `h` heads goes on ("of …") otherwise than `antecedent`'s name does after
 * the same head, and not into a name of the same entry (`following`, the next detection):
 * "the Office of the PDPC" after "the Office of the Personal Data Protection Committee
 * (PDPC)" is that Office again.
 */
function namesAnother(
  document: string,
  h: HeadMention,
  antecedent: ControlDetection | undefined,
  following: ControlDetection | undefined,
): boolean {
  const next = GOES_ON.exec(document.slice(h.end, h.end + 40));
  if (next === null || antecedent === undefined) return next !== null;
  if (following !== undefined && following.id === antecedent.id && following.start > h.end && following.start < h.end + next[0].length)
    return false;
  return !antecedent.text.replace(/\u00a0/g, ' ').includes(`${h.head}${next[0].replace(/\u00a0/g, ' ')}`);
}

/**
 * The detections the shortened names of `heads` add to `names` (the document's name
 * detections, sorted by start, never overlapping), sorted by start.
 */
export function resolveHeads(document: string, heads: readonly HeadMention[], names: readonly ControlDetection[]): ControlDetection[] {
  const added: ControlDetection[] = [];
  const last = new Map<string, ControlDetection | undefined>();
  // The last antecedent of each head named without a short form of its own: a writer who
  // gives one ("the Federal Trade Commission (FTC)") goes on with it ("the FTC"), so "the
  // Commission" after it in the European Commission's release still means the Commission.
  const plain = new Map<string, ControlDetection | undefined>();
  // The words each name was given in a bracket: "Agencia de Protección de Datos Personales
  // (the “Agency”)" is "the Agency" from then on, though its name has no such word.
  const defined = new Map<ControlDetection, string>();
  const owned = headsOwnedElsewhere(document, names);
  let k = 0;
  for (const h of heads) {
    while (k < names.length && (names[k] as ControlDetection).end <= h.start) k++;
    const around = names[k];
    if (around !== undefined && around.start <= h.start && h.end <= around.end) {
      // A head inside an identifier ("Rule 10b-5") names no body.
      if (around.controlId === undefined) {
        last.set(h.head, around);
        if (!givesShortForm(document, around)) plain.set(h.head, around);
      }
      continue;
    }
    if (around !== undefined && around.start < h.end) continue;
    // The short name a bracket gives the name before it: "the Privacy Commissioner for
    // Personal Data (Privacy Commissioner)".
    const previous = k > 0 ? (names[k - 1] as ControlDetection) : undefined;
    const opening = previous === undefined ? null : BRACKET_OPEN.exec(document.slice(previous.end, h.start));
    if (
      previous !== undefined &&
      previous.controlId === undefined &&
      opening !== null &&
      BRACKET_CLOSE.test(document.slice(h.end, h.end + 3)) &&
      (opening[1] === undefined || definesItsOwn(previous.text, document.slice(h.start, h.end)))
    ) {
      last.set(h.head, previous);
      defined.set(previous, document.slice(h.start, h.end));
      added.push({ kind: 'control', start: h.start, end: h.end, text: document.slice(h.start, h.end), id: previous.id });
      continue;
    }
    if (owned.has(h.head)) continue;
    const words = document.slice(h.start, h.end);
    let antecedent = last.get(h.head);
    const named = plain.get(h.head);
    if (
      antecedent !== undefined &&
      named !== undefined &&
      named !== antecedent &&
      givesShortForm(document, antecedent) &&
      shortens(named.text, words)
    )
      antecedent = named;
    // "Insurance Department Fines …" in a headline after "Connecticut Insurance Department":
    // a name's own words, fewer of them, still name it.
    // A head alone that goes on is a name of its own ("the Bill of Rights", "the Department
    // of Justice"), unless it goes on as the antecedent's name does ("the Act on the
    // Protection of …" after the APPI's name).
    if (
      (h.definite || (!h.bare && (words !== h.head || !namesAnother(document, h, antecedent, around)))) &&
      antecedent !== undefined &&
      (shortens(antecedent.text, words) || (h.definite && defined.get(antecedent) === words))
    ) {
      added.push({ kind: 'control', start: h.start, end: h.end, text: words, id: antecedent.id });
    } else if (!h.bare) {
      last.set(h.head, undefined);
      plain.set(h.head, undefined);
    }
  }
  return added;
}
