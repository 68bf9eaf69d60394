// Looking at the words around a candidate, in the full text, so a window's edge never
// hides the context a rule needs.

const WORD_BEFORE = /([A-Za-z][A-Za-z'’.-]*)[\s\u00A0]+$/;

/** The word just before `index` (separated by spaces only), or '' at a boundary. */
export function wordBefore(text: string, index: number): string {
  const from = Math.max(0, index - 24);
  const m = WORD_BEFORE.exec(text.slice(from, index));
  return m?.[1] ?? '';
}

/** The word just after `index` (after spaces only), or ''. */
export function wordAfter(text: string, index: number): string {
  const m = /^[\s\u00A0]+([A-Za-z][A-Za-z'’-]*)/.exec(text.slice(index, index + 24));
  return m?.[1] ?? '';
}

/** "since at least 2023", "through at least March": a bound on a time, not a count. */
export function afterBoundAtLeast(text: string, index: number): boolean {
  return /\b(?:since|until|till|through|from|by|before)[\s\u00A0]+at[\s\u00A0]+least[\s\u00A0]+$/i.test(
    text.slice(Math.max(0, index - 30), index),
  );
}

export function charBefore(text: string, index: number): string {
  return index > 0 ? text.charAt(index - 1) : '';
}

/** After a sentence end, or at a line start after an optional list bullet. */
const SENTENCE_START = /(?:^|[.!?…]["'”’)]?\s+|[\r\n][^\S\r\n]*(?:[-*•·–][^\S\r\n]+)?)$/;

/** The text of the clause before `index`, back to the sentence start (at most 120 chars). */
export function clauseBefore(text: string, index: number): string {
  const from = Math.max(0, index - 120);
  const head = text.slice(from, index);
  let cut = 0;
  const re = /[.!?;\r\n]\s/g;
  for (let m = re.exec(head); m; m = re.exec(head)) {
    // "began at about 6:40 p.m. ET on Monday": an abbreviation's point ends no clause.
    if (head[m.index] === '.' && ABBREVIATION_END.test(head.slice(Math.max(0, m.index - 6), m.index))) continue;
    cut = m.index + m[0].length;
  }
  return head.slice(cut);
}

const ABBREVIATION_END = /(?:\b[ap]\.m|\b[A-Z]\.[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|No|Nos|approx|vs))$/;

export function atSentenceStart(text: string, index: number): boolean {
  return SENTENCE_START.test(text.slice(Math.max(0, index - 8), index));
}

// A request in the present for something to be done: "the motion asks the court to hold a
// hearing in October".
const FUTURE_CUE =
  /\b(?:(?:asks|requests|urges|seeks|wants)\s+(?:[a-z]+\s+){0,3}?to\s+(?!the\b|an?\b|its\b|our\b|their\b|this\b|that\b|these\b|those\b|his\b|her\b)[a-z]{3,}|will|would|shall|must(?!\s+have\b)|won[’']?t|going\s+to|plans?\s+to|planning\s+to|planned|expects?\s+to|expected\s+to|scheduled|set\s+to|due\s+(?:by|on|in|for)|upcoming|intends?\s+to|aims?\s+to|hopes?\s+to|next|coming|deadline|falls\s+on)\b|[’']ll\b/i;

/** Words that put a clause in the past: "last issued in February", "was found on Monday". */
const PAST_CUE =
  /\b(?:was|were|had|did|last|ago|previously|earlier|began|started|happened|occurred|discovered|detected|issued|found|posted|published|said|told|announced|reported|confirmed|notified)\b/i;

const ASIDE = /\([^()\r\n]{0,80}\)/g;
/** A pronoun or a name, then its verb: "we sent", "Brightlane notified"; not "the updated rules". */
const SUBJECT_THEN_VERB = /^[\s,]*(?:we|they|it|he|she|I|\p{Lu}[\p{L}’'-]+)\s+\p{Ll}+/u;

/** The clause after `index`, to the sentence's end (at most 100 chars). */
function clauseAfter(text: string, index: number): string {
  const tail = text.slice(index, index + 100);
  const stop = /[.!?;\r\n](?:\s|$)/.exec(tail);
  return stop ? tail.slice(0, stop.index) : tail;
}

/**
 * A timetable in the present just before the date: "the committee meets in May", "the
 * rule takes effect on 1 July", "registers due by 31 March"; or a bound still ahead:
 * "has postponed surgeries through at least Friday".
 */
const SCHEDULED_JUST_BEFORE =
  /\b(?:meets?|starts?|begins?|opens?|closes?|expires?|appl(?:y|ies)|ends?|launch(?:es)?|resumes?|takes?\s+effect|comes?\s+into\s+(?:force|effect)|enters?\s+into\s+force|kicks?\s+(?:off|in)|due|is\s+due|are\s+due|(?:through|until|till)\s+at\s+least)\s*$/i;

/**
 * Whether the clause around a date speaks of the future, so an incomplete date ("in
 * December", "on Friday", "By June 30, accounts will require…") is the next occurrence
 * rather than the last one. The words nearest before it decide first, back to a comma
 * ("…by 2026, and our report, last issued in February" is past); then the rest of the
 * sentence after it; then the whole clause before it; then, if `undecidedIsFuture` (a
 * list item under a lead-in that speaks of the future), whether that clause is past.
 */
export function futureClause(text: string, index: number, end = index, undecidedIsFuture = false): boolean {
  return clauseTense(text, index, end, undecidedIsFuture) === 'future';
}

/**
 * futureClause's reading in three ways: 'undecided' when nothing in the clause speaks of
 * the past or the future (the caller then takes the nearer occurrence, see resolve.ts).
 */
export function clauseTense(text: string, index: number, end = index, undecidedIsFuture = false): 'past' | 'future' | 'undecided' {
  const before = clauseBefore(text, index);
  // "Update, Oct. 7: This story has been updated…": a label that dates an addition says
  // nothing of the tense; whatever its note says, the nearer occurrence is meant.
  if (NOTE_LABEL.test(before)) return 'undecided';
  // Back to the last comma, or the end of a quotation: “… we are not going to,” she said on Tuesday.
  const near = before.slice(Math.max(clauseComma(before), lastQuoteEnd(before)) + 1);
  // "If you have not received a letter by December 4, call …": a condition's deadline,
  // whatever the tense inside the condition.
  if (CONDITION.test(near) && (/\bby\s*$/i.test(near) || /^by\b/i.test(text.slice(index, end)))) return 'undecided';
  // "fees charged on Monday and Tuesday": the second of a pair is read where the first is.
  const pair = PAIRED_BEFORE.exec(near);
  if (pair)
    return clauseTense(
      text,
      index - (near.length - pair.index),
      index - (near.length - pair.index) + (pair[1] ?? '').length,
      undecidedIsFuture,
    );
  // "Carrier ordered to encrypt every stored key by June 30": the deadline of the act
  // ordered, however long ago the order was made; not where the act itself is told as past.
  if (
    INFINITIVE_BEFORE.test(near) &&
    (DEADLINE_END.test(near) || DEADLINE_START.test(text.slice(index, end))) &&
    !ACT_TOLD_AS_PAST.test(near)
  )
    return 'undecided';
  // "claims accepted until December 31" under promises made: a deadline still ahead.
  const boundAhead = undecidedIsFuture && DEADLINE_START.test(text.slice(index, end));
  if ((!boundAhead && pastParticipleBefore(near)) || PAST_RELATIVE_BEFORE.test(near)) return 'past';
  if (FUTURE_CUE.test(near)) return 'future';
  // A deadline set ("gave the plaintiffs until June 12 to file", "has until Friday to
  // respond"): however long ago it was set, the nearer occurrence is meant.
  if ((DEADLINE_BOUND.test(near) || DEADLINE_START.test(text.slice(index, end))) && DEADLINE_TASK.test(text.slice(end, end + 24)))
    return 'undecided';
  const scheduled = SCHEDULED_JUST_BEFORE.exec(near);
  // "the rule applies from 1 July" is a timetable, "which began to apply on August 18" past.
  if (scheduled) {
    const lead = near.slice(0, scheduled.index);
    if (PAST_AUXILIARY.test(lead)) return 'past';
    // "kept delivering files through at least September" tells how long it went on; "has
    // postponed surgeries through at least Friday" sets a bound still ahead.
    if (AT_LEAST_BOUND.test(scheduled[0]) && !PRESENT_PERFECT.test(lead) && hasPastVerb(lead)) return 'past';
    return 'future';
  }
  if (PAST_CUE.test(near)) return 'past';
  // The verb nearest the date decides before the rest of the sentence: "it moved the
  // service in May and will require…" is last May.
  // Under a lead-in that looks ahead ("In 2026 we will:"), an -ed word is an adjective
  // ("• present a revised strategy in the autumn"), not the item's tense.
  if (!undecidedIsFuture && hasPastVerb(near)) return 'past';
  // A bracketed aside tells nothing of the clause's tense: "In August, a company (we’ll
  // call it Company A) reported …".
  const after = clauseAfter(text, end).replace(ASIDE, (aside) => ' '.repeat(aside.length));
  // The first verb after it decides: "On Monday, counsel told the OAG that the company
  // would contest the suit" is last Monday.
  const futureAfter = FUTURE_CUE.exec(after);
  const pastAfter = PAST_CUE.exec(after);
  if (futureAfter !== null && (pastAfter === null || futureAfter.index < pastAfter.index)) return 'future';
  if (pastAfter !== null) return 'past';
  // "It did not meet that deadline, and on February 3 we sent …": the verb right after
  // the date tells before a cue in an earlier clause does.
  if (!undecidedIsFuture && futureAfter === null) {
    const subjectThenVerb = SUBJECT_THEN_VERB.exec(after);
    if (subjectThenVerb !== null && hasPastVerb(subjectThenVerb[0])) return 'past';
  }
  if (FUTURE_CUE.test(before)) return 'future';
  if (PAST_CUE.test(before)) return 'past';
  if (undecidedIsFuture) return 'future';
  // A verb in the past tense anywhere in the clause: "the committee met in May".
  return hasPastVerb(before) || hasPastVerb(after) ? 'past' : 'undecided';
}

/** An act ordered or promised, told in the infinitive, right before its deadline: "ordered to encrypt every stored key ". */
const INFINITIVE_BEFORE =
  /\b(?:ordered|required|directed|instructed|obliged|told|asked|agreed|promised|pledged|undertook|committed)\s+(?:[\p{L}’'-]+\s+){0,3}?to\s+\p{Ll}{2,}\b[^.;:!?]{0,80}$/u;
const DEADLINE_END = /\b(?:by|before|until|no\s+later\s+than)\s*$/i;
/** The ordered act told as done or missed: "had been ordered to …", "failed to …". */
const ACT_TOLD_AS_PAST = /\b(?:had|failed|missed|did\s+not|didn[’']t|never)\b/i;

const CONDITION = /^\s*(?:if|unless)\s[^;:]*$/i;
/** A weekday or month right before, joined by "and" or "or": "on Monday and ". */
const PAIRED_BEFORE =
  /\b((?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)s?)\s+(?:and|or|&)\s+$/;
/**
 * A relative clause in the past right before the date: "plans to assess the features it
 * introduced in June" tells when the features came, whatever the sentence plans.
 */
const PAST_RELATIVE_BEFORE = /\b(?:it|we|they|he|she|which|who)\s+(?:had\s+)?\p{Ll}{3,}ed\s+(?:(?:in|on|during|at)\s*)?$/u;

/**
 * A past participle on a noun right before the date: "a credit for all fees charged on 24
 * November" is a day gone by, whatever the sentence promises. Not after an auxiliary ("will
 * be charged on"), nor the participles of plans ("the upgrade planned for March").
 */
const PARTICIPLE_BEFORE = /(?:^|\s)([\p{L}’']+)\s+(\p{Ll}{3,}ed)\s+(?:(?:on|in|at|during)\s*)?$/u;
const NOT_ON_A_NOUN =
  /^(?:be|been|being|is|are|was|were|am|will|would|shall|should|may|might|must|can|could|to|get|gets|got|have|has|had|not|never|also|already|then|and|or|but|who|which|that|it|they|we|he|she|you|i)$/i;
const PLAN_PARTICIPLES =
  /^(?:planned|scheduled|expected|slated|targeted|proposed|intended|required|needed|anticipated|projected|forecasted|mandated|demanded)$/i;

/** A name before the participle ("Acme fixed on Monday") is a subject, not a noun it qualifies. */
const CAPITAL_START = /^\p{Lu}/u;
/** PARTICIPLE_BEFORE needs two words: read only the end of a long clause. */
const PARTICIPLE_REACH = 48;

function pastParticipleBefore(near: string): boolean {
  const m = PARTICIPLE_BEFORE.exec(near.length > PARTICIPLE_REACH ? near.slice(near.length - PARTICIPLE_REACH) : near);
  if (m === null) return false;
  return !NOT_ON_A_NOUN.test(m[1] ?? '') && !PLAN_PARTICIPLES.test(m[2] ?? '') && !CAPITAL_START.test(m[1] ?? '');
}

/** Where the last quotation in `s` closes (its closing mark), or -1. */
/**
 * A note's label before its date: "Update, ", "UPDATE (", "Correction — ", "Editor's note, ".
 * Not dateLine.ts's UPDATE_LABEL, which heads an update log's sections and takes no comma.
 */
const NOTE_LABEL = /^\s*(?:update[ds]?|correction|editor['’]s\s+note|clarification)\s*[,:(—–-]?\s*$/i;

/** "to a new, separately hosted platform": a comma between adjectives after "a", inside one phrase… */
const ADJECTIVE_COMMA = /\b(?:a|an)\s+[a-z]+$/i;
/** …unless a clause starts after it ("to a vendor, which then"). */
const CLAUSE_AFTER_COMMA =
  /^\s*(?:which|who|whom|whose|that|and|but|or|so|while|when|where|as|after|before|then|because|although|though|if|until)\b/i;

/** The last comma of `s` that may end a clause (-1 for none). */
function clauseComma(s: string): number {
  let i = s.lastIndexOf(', ');
  while (i > 0 && ADJECTIVE_COMMA.test(s.slice(Math.max(0, i - 40), i)) && !CLAUSE_AFTER_COMMA.test(s.slice(i + 1, i + 16))) {
    i = s.lastIndexOf(', ', i - 1);
  }
  return i;
}

function lastQuoteEnd(s: string): number {
  return Math.max(s.lastIndexOf('” '), s.lastIndexOf('" '));
}

/** The bound of a deadline right before the date, and the task it is set for right after. */
const DEADLINE_BOUND = /\b(?:until|till|by|before)\s*$/i;
/** The same bound as the first word of the date's own text ("until June 12"). */
const DEADLINE_START = /^(?:until|till|by|before)\s/i;
const DEADLINE_TASK = /^,?\s+to\s+[a-z]{3,}\b/;

/** A bound that may still run ("through at least"), and a present perfect before it ("has postponed"). */
const AT_LEAST_BOUND = /\bat\s+least\s*$/i;
const PRESENT_PERFECT = /\b(?:has|have|['’]ve)\s+(?:[a-z]+ly\s+)?(?:been\s+)?[a-z]+(?:ed|en)\b/i;
/** A past auxiliary right before a timetable's verb: "began to apply", "was due". */
const PAST_AUXILIARY = /\b(?:was|were|had|did|began|begun|started|came|ceased)\s+(?:to\s+)?$/i;

/** Past tenses: regular ones in -ed, and the irregular ones news prose uses most. */
const PAST_VERB =
  /\b(?:[a-z]{3,}ed|met|took|made|came|went|told|saw|lost|paid|sent|kept|held|left|led|won|gave|got|brought|bought|fell|rose|hit|spent|sold|stole|wrote|became|chose|knew|thought|caught|ran|struck|set\s+up|shut|put|cut|let|quit|sought|spoke|broke|froze|drove|flew|grew|drew|threw|wore|swore|hid|built|meant|felt|heard|found|said)\b/i;

/** A participle after a present "is" or "are" is no past: "the hearing is listed for 23
 * June", "the audit is scheduled for May". */
const PRESENT_PASSIVE = /\b(?:is|are|am|be|being)\s+(?:[a-z]+ly\s+)?$/i;
const PAST_VERBS = new RegExp(PAST_VERB.source, 'gi');

/** A prefix that keeps a hyphenated verb a verb: "re-opened", "co-founded". */
const VERB_PREFIX = /(?:^|[^\p{L}])(?:re|co|pre|un|de|mis|over|under|out)-$/iu;

function hasPastVerb(s: string): boolean {
  if (!PAST_VERB.test(s)) return false;
  PAST_VERBS.lastIndex = 0;
  for (let m = PAST_VERBS.exec(s); m; m = PAST_VERBS.exec(s)) {
    // "future-dated requirements", "risk-based": a compound adjective, not a verb.
    if (s.charCodeAt(m.index - 1) === 0x2d && !VERB_PREFIX.test(s.slice(Math.max(0, m.index - 7), m.index))) continue;
    if (!PRESENT_PASSIVE.test(s.slice(Math.max(0, m.index - 24), m.index))) return true;
  }
  return false;
}

/**
 * Whether a list's lead-in speaks of what is to come: "We will:", "Next steps, due by
 * June:", or promises, however long ago made: "Among the steps the bank promised on
 * Wednesday:" lists what it is yet to do.
 */
export function futureLeadIn(leadIn: string): boolean {
  const end = leadIn.trimEnd();
  if (!end.endsWith(':')) return false;
  const tail = end.length > 160 ? end.slice(end.length - 160) : end;
  return FUTURE_CUE.test(tail) || PROMISE_CUE.test(tail);
}

const PROMISE_CUE =
  /\b(?:promised|promises|pledged|pledges|vowed|vows|committed\s+to|commits\s+to|undertook\s+to|undertakes\s+to|agreed\s+to)\b/i;
