// The cue lexicon: which words and phrases make a sentence a claim, of which type, and
// how strongly. Weights are on one scale with the threshold in classify.ts: a cue of
// weight ≥ 1 is enough on its own, weaker ones need company. Each phrase rule names its
// trigger words; cues.ts runs a rule's pattern only on sentences that contain one of
// them, which keeps the detector fast on large documents. Patterns are compiled once and
// linear (no nested quantifiers over overlapping classes).

import type { ClaimType } from '../../model';

/**
 * What a cue is evidence of: `anchor` ties a sentence to someone, `opinion` counts
 * against, `hedge` is reported with the claim, `veto` rules the sentence out.
 */
export type CueRole = ClaimType | 'anchor' | 'opinion' | 'hedge' | 'veto';

export interface CueRule {
  readonly re: RegExp;
  readonly role: CueRole;
  readonly weight: number;
  /**
   * Lower-case words of which at least one must occur for the pattern to be tried.
   * Apostrophes split words ("we’ll" is "we" and "ll"); `#digit` stands for any number,
   * `#year` for 1900–2099, `#three` for a word of three characters starting with a digit
   * (a phone number's "555").
   */
  readonly triggers: readonly string[];
  /** Rejects a match the pattern cannot rule out by itself. */
  readonly accept?: (match: RegExpExecArray, sentence: string) => boolean;
  /** Whether users see the matched words (weak cues show only when nothing else does). */
  readonly shown: boolean;
  /** Weight of a second match of the same rule (default 0: a rule counts once). */
  readonly secondWeight?: number;
  /**
   * A second condition on the sentence's words, checked with the triggers: an -ing word
   * (`gerund`), an -ed/-en/-wn word (`participle`), a capitalised word after the first.
   */
  readonly needs?: 'gerund' | 'participle' | 'capital';
  /** Marks reporting verbs: a sentence with one may gain weight from a named speaker. */
  readonly report?: boolean;
  /** When this matches the cue and the words just before it, the cue is an assertion (habit, not plan). */
  readonly habitual?: RegExp;
  /** When "not" or "never" stands right before the cue, it is a denial: "does not intend to pay". */
  readonly deniedWhenNegated?: boolean;
}

const A = `['’]`;

/** A reporting verb: the sentence gives what a source said, not the writer's own view. */
const REPORTED =
  /\b(?:said|says|told|stated|announced|according\s+to|confirmed|added|wrote|explained|noted|expects|expected|predicted|warned|promised|pledged)\b/i;
const ADVERBS = `(?:(?:also|now|currently|actively|already|still|further|then|soon|always|constantly|continuously|continually|routinely|regularly|really|immediately|quickly|rapidly|finally|officially|publicly|previously|recently|initially|jointly|proactively|aggressively|significantly|substantially|gradually|increasingly|simultaneously)\\s+)*`;

/** Verbs whose progressive ("we are building") announces a result still to come. */
const CHANGE_VERBS = [
  'creating',
  'building',
  'developing',
  'expanding',
  'enhancing',
  'investing',
  'hiring',
  'recruiting',
  'launching',
  'rolling',
  'introducing',
  'implementing',
  'deploying',
  'establishing',
  'adding',
  'increasing',
  'reducing',
  'decreasing',
  'strengthening',
  'upgrading',
  'migrating',
  'moving',
  'opening',
  'improving',
  'preparing',
  'partnering',
  'collaborating',
  'integrating',
  'designing',
  'updating',
  'transitioning',
  'shifting',
  'bolstering',
  'doubling',
  'tripling',
  'growing',
  'training',
  'automating',
  'consolidating',
  'modernizing',
  'modernising',
  'streamlining',
  'revamping',
  'overhauling',
  'extending',
  'finalizing',
  'finalising',
  'pursuing',
  'setting',
  'standing',
  'working',
  'making',
  'putting',
  'bringing',
  'removing',
  'cleaning',
  'pivoting',
  'planning',
  'committing',
  'dedicating',
  'redoubling',
  'ramping',
  'scaling',
  'accelerating',
  'rebuilding',
  'localizing',
  'localising',
  'relocating',
  'phasing',
  'retiring',
  'replacing',
  'starting',
  'beginning',
];
const CHANGE_VERB_PATTERN = CHANGE_VERBS.map((v) => {
  switch (v) {
    case 'rolling':
      return 'rolling\\s+out';
    // "we are starting to see more attacks" reports; "we are starting ISO 27001 certification" plans.
    case 'starting':
    case 'beginning':
      return `${v}(?!\\s+to\\b)`;
    case 'setting':
      return 'setting\\s+up';
    case 'standing':
      return 'standing\\s+up';
    case 'cleaning':
      return 'cleaning\\s+up';
    case 'ramping':
      return 'ramping\\s+up';
    case 'phasing':
      return 'phasing\\s+(?:in|out)';
    case 'working':
      return 'working\\s+(?:on|to|toward|towards|with)';
    default:
      return v;
  }
}).join('|');

/**
 * Verbs in the third person present that state what an organisation does ("stores",
 * "employs"), chosen among those rarely used as plural nouns.
 */
const PRESENT_VERBS = [
  'requires',
  'stores',
  'encrypts',
  'covers',
  'provides',
  'collects',
  'retains',
  'deletes',
  'maintains',
  'employs',
  'operates',
  'owns',
  'hosts',
  'handles',
  'supports',
  'protects',
  'monitors',
  'restricts',
  'allows',
  'enables',
  'prevents',
  'includes',
  'contains',
  'complies',
  'undergoes',
  'conducts',
  'performs',
  'serves',
  'generates',
  'earns',
  'manages',
  'relies',
  'transfers',
  'receives',
  'keeps',
  'detects',
  'notifies',
  'replicates',
  'isolates',
  'segregates',
  'hires',
  'invests',
  'spends',
  'processes',
  'uses',
  'offers',
  'sells',
  'runs',
  'holds',
  'limits',
  'blocks',
  'accesses',
  'transmits',
  'anonymises',
  'anonymizes',
  'pseudonymises',
  'pseudonymizes',
  'certifies',
  'guarantees',
  'ensures',
  'verifies',
  'authenticates',
  'sends',
  'reaches',
  'oversees',
  'pays',
  'boasts',
  'supplies',
  'licenses',
  'deploys',
  'builds',
  'develops',
  'partners',
  'works',
];

const IRREGULAR_PARTICIPLES = new Set([
  'been',
  'done',
  'made',
  'taken',
  'begun',
  'seen',
  'built',
  'grown',
  'won',
  'given',
  'gone',
  'had',
  'become',
  'kept',
  'held',
  'led',
  'paid',
  'sent',
  'spent',
  'brought',
  'bought',
  'told',
  'said',
  'set',
  'put',
  'run',
  'shown',
  'known',
  'written',
  'found',
  'left',
  'met',
  'sold',
  'stood',
  'chosen',
  'cut',
  'hit',
  'lost',
  'shut',
  'split',
  'spread',
  'struck',
  'taught',
  'thrown',
  'understood',
  'withdrawn',
  'undergone',
  'undertaken',
  'overseen',
  'rebuilt',
  'risen',
  'fallen',
  'drawn',
  'driven',
  'broken',
  'frozen',
  'stolen',
  'spoken',
  'gotten',
  'come',
  'laid',
  'let',
  'read',
  'sought',
]);

/** -ed words that are mostly adjectives, not something that happened. */
export const ED_ADJECTIVES: ReadonlySet<string> = new Set([
  'based',
  'focused',
  'committed',
  'dedicated',
  'interested',
  'concerned',
  'advanced',
  'detailed',
  'related',
  'limited',
  'united',
  'needed',
  'required',
  'automated',
  'centralized',
  'centralised',
  'experienced',
  'qualified',
  'talented',
  'skilled',
  'sophisticated',
  'complicated',
  'distributed',
  'trusted',
  'enhanced',
  'integrated',
  'excited',
  'pleased',
  'delighted',
  'thrilled',
  'attuned',
  'informed',
  'educated',
  'supposed',
  'indeed',
  'proceed',
  'exceed',
  'succeed',
  'agreed',
  'biased',
  'varied',
  'tired',
  'naked',
  'wicked',
  'sacred',
  'beloved',
  'aged',
  'crooked',
  'ragged',
  'rugged',
  'wretched',
  'hundred',
  'unprecedented',
  'unlimited',
  'unrelated',
  'unexpected',
  'sustained',
  'gifted',
  'skewed',
  'armed',
  'masked',
  'tailored',
  'dated',
  'named',
  'called',
  'recognized',
  'recognised',
  'embed',
  'speed',
  'breed',
  'greed',
  'shared',
  'blessed',
  'assured',
  'balanced',
  'prepared',
  'determined',
  'devoted',
  'renowned',
  'esteemed',
  'respected',
]);

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const WEEKDAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many|a\\s+few|some';
const TIME_UNITS = 'years?|months?|weeks?|days?|decades?|quarters?|hours?';
const TIME_UNIT_WORDS = 'year years month months week weeks day days decade decades quarter quarters hour hours';

/** Verbs that, after "we", say something about the writer rather than what they do. */
const WE_NON_ACTION = new Set([
  'are',
  'were',
  'have',
  'had',
  'know',
  'knew',
  'believe',
  'think',
  'feel',
  'hope',
  'appreciate',
  'want',
  'need',
  'can',
  'could',
  'may',
  'might',
  'must',
  'should',
  'would',
  'will',
  'shall',
  'view',
  'see',
  'love',
  'like',
  'understand',
  'realise',
  'realize',
  'all',
  'as',
  'agree',
  'look',
  'wish',
  'thank',
  'welcome',
  'invite',
  'encourage',
  'recommend',
  'too',
  'both',
  'ourselves',
  'get',
  'go',
  'try',
  'stretch',
  'face',
  'and',
  'or',
  'am',
  'is',
  'be',
  'do',
  'did',
  'does',
  'also',
  'expect',
  'just',
  'really',
  'often',
  'sometimes',
  'simply',
  'say',
  'mean',
  'care',
  'remain',
  'strive',
  'aspire',
  'trust',
  'recognise',
  'recognize',
  'acknowledge',
  'admit',
  'seem',
  'hear',
  'listen',
  'let',
  'cannot',
  'now',
  'here',
  'there',
]);

function acceptPerfect(m: RegExpExecArray): boolean {
  const w = (m[1] ?? '').toLowerCase();
  if (w === 'to' || w === 'got') return false;
  return IRREGULAR_PARTICIPLES.has(w) || (w.length > 4 && w.endsWith('ed'));
}

function acceptWeAction(m: RegExpExecArray): boolean {
  return !WE_NON_ACTION.has((m[1] ?? '').toLowerCase());
}

const DO_ONES_BEST = /\b(?:do|does|did|doing|done|try|tried|trying|tries)\s+(?:(?:the|our|its|their|my|your|his|her)\s+)?$/i;

/** Not "do our best", which is effort, not a comparison. */
function acceptBest(m: RegExpExecArray, s: string): boolean {
  return !DO_ONES_BEST.test(s.slice(Math.max(0, m.index - 24), m.index));
}

const MONTH_CONTEXT = /\b(?:in|of|since|until|by|last|next|early|late|mid|from|through)\s+$/i;

/** "May" is a month before a day number or after "in", "since"…; otherwise a modal. */
function acceptMonth(m: RegExpExecArray, s: string): boolean {
  if (!m[0].startsWith('May')) return true;
  return /^May\s+\d/.test(s.slice(m.index, m.index + 8)) || MONTH_CONTEXT.test(s.slice(Math.max(0, m.index - 8), m.index));
}

/** "has not made, and will not make, any ransom payment": the refusal goes on from a denial, and is one. */
const NEGATED_WILL = /^(?:will|shall)\s+(?:not|never)\b/i;
const PAST_DENIAL = new RegExp(`\\b(?:has|have|had|did)\\s*(?:not|n${A}t)\\b|\\bnever\\b`, 'i');

/** A setting, not a schedule: "the container was set to allow public access". */
const SETTING = /^set\s+to\s+(?:allow|permit|public|private|anyone|everyone|read|write|true|false|open|on|off|none|default)\b/i;

/** "May" at a sentence start is the modal; mid-sentence and capitalised, the month. */
function acceptHedge(m: RegExpExecArray): boolean {
  return m[0] !== 'May' || m.index === 0;
}

/**
 * Clause openers after which a negation describes something else than what the sentence
 * asserts: "a change they didn’t recognise", "an account that had never been disabled",
 * "because it did not …".
 */
const SUBORDINATE =
  /(?:^|[\s,(“"])(?:who|whom|whose|which|because|although|though|if|unless|whether|when|whenever|after|before|since|while|where|once|so\s+that|even\s+if)\s(?:[^,;:—–()]|\([^()]*\))*$/i;
/** "did not … until March": it happened then. "Without admitting or denying": neither. */
const UNTIL_AFTER = /^[^,;.]{0,80}\buntil\b/i;
/**
 * "… became aware of the breach on 14 January but did not notify the CNIL until 29
 * January": after what was done, "not … until" dates the next step. Opening the sentence
 * ("The company did not notify DFS until November 3") it says what was not done in time.
 */
const AFTER_BUT = /\bbut\s+(?:(?:it|he|she|they|we|the\s+\p{L}+)\s+)?$/iu;
// "Without admitting or denying the findings, X agreed …" says what X agreed to; "X neither
// admitted nor denied the findings" is all the sentence says of X, and keys take it as a denial.
const NOT_A_DENIAL_BEFORE = /\badmitting\s+or\s+$/i;
/** Whether the words right before a match say "without admitting or". */
function admitsNeither(m: RegExpExecArray, s: string): boolean {
  return NOT_A_DENIAL_BEFORE.test(s.slice(Math.max(0, m.index - 30), m.index));
}

/**
 * "that" after a noun opens a relative clause ("a cache mode that had never been used");
 * after these words it opens what was said, found or meant ("confirmed that it did not",
 * "no evidence that", "the claim that it was never breached"), which the sentence asserts.
 */
const THAT_AFTER_WORD = /\b([A-Za-z]+)\s+that\s(?:(?!that\s)[^,;:—–()])*$/;
const REPORTING_BEFORE_THAT = new Set(
  (
    'said says say told tells stated states confirmed confirms confirm found finds find announced announces added adds noted notes ' +
    'restates restated reiterates reiterated specifies stipulates clarifies clarified stressed stresses emphasised emphasises ' +
    'emphasized emphasizes underlined underscored repeated ' +
    'believes believe believed concluded concludes determined determines established establishes showed shows show indicated ' +
    'indicates acknowledged acknowledges admitted admits claimed claims claim insisted insists argued argues explained explains ' +
    'warned warns reported reports alleged alleges agreed agrees accepted accepts denied denies learned learnt discovered ' +
    'realised realized suggests suggested expects expected hopes hoped knew know knows think thinks thought wrote writes ' +
    'maintained maintains contended contends asserted asserts assured assures ensure ensures ensured means meant is was are ' +
    'were be so such now given fact clear sure aware evidence statement assurance assurances news confirmation indication ' +
    'sign signs suggestion allegation allegations view belief finding findings conclusion proof than'
  ).split(' '),
);

/** Whether a cue stands in the sentence's main clause or a reported one, not a subordinate clause. */
function inMainClause(m: RegExpExecArray, s: string): boolean {
  const before = s.slice(Math.max(0, m.index - 60), m.index);
  // A bracketed aside inside the clause ("because the channel of the Encarregado (data
  // protection officer) did not") neither ends it nor counts against its reach.
  if (SUBORDINATE.test(before) || (before.includes(')') && SUBORDINATE.test(s.slice(Math.max(0, m.index - 120), m.index)))) return false;
  const that = THAT_AFTER_WORD.exec(before);
  // "speculation about access that we believe posed no actual risk": the speaker's own denial.
  return (
    that === null ||
    REPORTING_BEFORE_THAT.has((that[1] ?? '').toLowerCase()) ||
    OWN_VIEW_IN_RELATIVE.test(that[0]) ||
    TOLD_SOMEONE_THAT.test(before)
  );
}
/** "has told the authoring agencies that a factory reset does not …": what was said to someone. */
const TOLD_SOMEONE_THAT =
  /\b(?:told|tells|tell|informed|informs|assured|assures|reminded|notified|notifies|warned|warns|advised|advises)\s+(?:[\p{L}’'-]+\s+){1,4}that\s(?:(?!that\s)[^,;:—–()])*$/u;
const OWN_VIEW_IN_RELATIVE = /\bthat\s+(?:we|I)\s+(?:believe|think|know|understand|are\s+confident)\b/i;

/**
 * A negation that judges rather than reports: "That should never have been possible", "it
 * is not acceptable", "this was not good enough".
 */
const JUDGING_BEFORE = /\b(?:should|ought\s+to)\s+$/i;
const JUDGING_AFTER =
  /^\s+(?:(?:acceptable|ok(?:ay)?|fine|appropriate|good\s+enough|the\s+standard\s+we|the\s+first\s+time|(?:an?\s+)?(?:isolated|one-off)\b))/i;
const ENDS_NOT = /(?:not|n['’]t)$/i;
/**
 * A relative clause without "that" after a plural noun: "deleted 212,000 documents it no
 * longer needed" describes the documents; the sentence asserts the deletion.
 */
const ZERO_RELATIVE_BEFORE = /\b(\p{Ll}{3,}[^s\W]s)\s+(?:it|they|we|he|she|you)\s+$/u;

/** A negation that the main clause makes (see SUBORDINATE), or a reported one. */
/** A refusal to say more: "declined to comment", "would not discuss". */
const REFUSAL = /^(?:declined|declines|refused|refuses|would\s+not|wouldn['’]t)\b/i;
/** What was confirmed before it: "confirmed the agency had been notified but …", "said it was aware … but …". */
const CONFIRMED_BEFORE =
  /\b(?:confirm(?:ed|s)|acknowledg(?:ed|es)|verified|said|says|told)\b[^;]*?[\s,”"]but\s+(?:(?:said|says)\s+(?:that\s+)?(?:it|he|she|they|the\s+\p{L}+)\s+)?$/iu;

/**
 * "The NCSC confirmed it had supported the trust but declined to comment further": what
 * the sentence tells is what was confirmed; the refusal after "but" only closes it.
 */
function refusesAfterConfirming(m: RegExpExecArray, s: string): boolean {
  return REFUSAL.test(m[0]) && CONFIRMED_BEFORE.test(s.slice(Math.max(0, m.index - 300), m.index));
}

function acceptDenial(m: RegExpExecArray, s: string): boolean {
  const before = s.slice(Math.max(0, m.index - 30), m.index);
  if (admitsNeither(m, s) || JUDGING_BEFORE.test(before) || refusesAfterConfirming(m, s)) return false;
  const after = s.slice(m.index + m[0].length);
  if (ENDS_NOT.test(m[0]) && JUDGING_AFTER.test(after)) return false;
  const zero = ZERO_RELATIVE_BEFORE.exec(before);
  if (zero !== null && !REPORTING_BEFORE_THAT.has((zero[1] ?? '').toLowerCase())) return false;
  return inMainClause(m, s) && !(UNTIL_AFTER.test(after) && AFTER_BUT.test(s.slice(Math.max(0, m.index - 40), m.index)));
}

/** "False" said of statements by whoever found them so: "making false or misleading claims", "were false when made, according to the SEC". */
const FALSE_WORD = /^(?:false|untrue)$/i;
const ATTRIBUTIVE_AFTER =
  /^\s+(?:(?:or|and)\s+misleading\s+)?(?:claims?|statements?|information|representations?|assurances?|advertising|impressions?)\b/i;
const FINDING = /\b(?:according\s+to|alleges?|alleged|alleging|complaint|found|finds|concluded|determined)\b/i;

function falseAsFinding(m: RegExpExecArray, s: string): boolean {
  if (!FALSE_WORD.test(m[0])) return false;
  return ATTRIBUTIVE_AFTER.test(s.slice(m.index + m[0].length, m.index + m[0].length + 40)) || FINDING.test(s);
}

/** A second clause that says what was done: "… and have cooperated fully". */
const GOES_ON_TO_ACT = /\band\s+(?:we\s+|it\s+|the\s+\p{L}+\s+)?(?:have|has|had|will|are|is|was|were|[a-z]+ed)\b/u;

const WILL_NOT_SAY = /^(?:will|shall)\s+not\s+(?:say|comment|confirm|disclose|specify|discuss|elaborate|speculate)\b/i;

const NEGATED_BEFORE = /\b(?:not|never|n['’]t)\s+(?:yet\s+|already\s+)?$/i;
/** How far before a cue its negation is looked for ("does not yet intend to"). */
const NEGATION_WINDOW = 16;

/** Whether "not" or "never" stands right before `index` of `sentence`: "has not agreed to", "does not intend to". */
export function negatedBefore(sentence: string, index: number): boolean {
  return NEGATED_BEFORE.test(sentence.slice(Math.max(0, index - NEGATION_WINDOW), index));
}

/** What follows "compared with" is a figure of the same subject at another time, not someone else's. */
const OWN_PAST =
  /^\s+(?:(?:about|around|roughly|some|nearly|just|only)\s+)?(?:[$€£]?[\d.,]+\s*(?:%|percent|per\s+cent|million|billion|bn|m|k)?\s+|(?:one|two|three|four|five|six|seven|eight|nine|ten)\s+)?(?:[\p{L}-]+\s+){0,2}?(?:(?:in|during|over|for|at\s+the\s+end\s+of|by)\s+(?:the\s+)?(?:same|previous|prior|last|preceding|first|second|third|fourth|year|quarter|month|period|half|fiscal|(?:19|20)\d\d|H[12]|Q[1-4]|FY)|a\s+year\s+(?:earlier|before|ago)|the\s+(?:previous|prior|last|same|preceding)\s|last\s+(?:year|quarter|month|period)|(?:19|20)\d\d)/iu;

function acceptAgainstOthers(match: RegExpExecArray, sentence: string): boolean {
  return !OWN_PAST.test(sentence.slice(match.index + match[0].length, match.index + match[0].length + 80));
}

/** An obligation taken on in the main clause ("has not agreed to settle" is a denial). */
function acceptObligation(m: RegExpExecArray, s: string): boolean {
  return inMainClause(m, s) && !negatedBefore(s, m.index);
}

type Options = Partial<Pick<CueRule, 'accept' | 'shown' | 'secondWeight' | 'habitual' | 'report' | 'needs' | 'deniedWhenNegated'>>;

function rule(re: RegExp, role: CueRole, weight: number, triggers: string, options: Options = {}): CueRule {
  return { re, role, weight, triggers: triggers.split(/\s+/).filter((t) => t !== ''), shown: true, ...options };
}

const HABIT = /\b(?:always|constantly|continuously|continually|routinely|regularly)\s/i;

/** Phrase cues, tried in this order; each rule adds its weight once per sentence. */
export const CUE_RULES: readonly CueRule[] = [
  // Commitments: promises, plans, goals, work under way.
  rule(
    new RegExp(
      `(?<!\\b(?:free|political|good|ill|own|the|a|at|his|her|their|its|our)\\s)\\b(?:will|shall|${A}ll)\\s+(?!(?:not|never)\\s*(?:[.!?;"”’)]|$))(?:not\\s+|never\\s+)?${ADVERBS}[a-z]+`,
      'gi',
    ),
    'commitment',
    1.5,
    'will shall ll',
    // "will not comment further while the matter is before the Court" refuses to say more (a denial), as "would not comment" does.
    { accept: (m, s) => !(NEGATED_WILL.test(m[0]) && PAST_DENIAL.test(s.slice(0, m.index))) && !WILL_NOT_SAY.test(m[0]) },
  ),
  rule(
    /\b(?:goal|goals|aim|objective|objectives|mission|plan|intention|priority|priorities|ambition|target|commitment|focus)\s+(?:is|are|remains|will\s+be)\s+(?:to|that|on)\b/gi,
    'commitment',
    1.5,
    'goal goals aim objective objectives mission plan intention priority priorities ambition target commitment focus',
  ),
  rule(
    /(?<!\b(?:no|any)\s+(?:(?:current|immediate|further|such|concrete)\s+)?)\b(?:plans?|planning|planned|intends?|intending|intended|aims?|aiming|expects?|expecting|pledged?|pledges|pledging|promised?|promises|promising|vow(?:s|ed)?|commits?|set|seeks?|seeking|prepared|preparing|strives?|striving|trying|tries|continues|continue|continuing|scheduled|poised|on\s+track|determined|working|working\s+hard|work|offering|offers)\s+(?:["“]\s*)?to\s+(?!be\s+(?:a|an|the)\b)[a-z]+|\bgoing\s+(?:["“]\s*)?to\s+(?!(?:be\s+)?(?:a|an|the|his|her|their|its|our|my|your|this|that|these|those|some|any|every|each)\b)[a-z]+/gi,
    'commitment',
    1.5,
    'plan plans planning planned intend intends intending intended aim aims aiming expect expects expecting pledge pledged pledges pledging promise promised promises promising vow vows vowed commit commits going set seek seeks seeking prepared preparing strive strives striving trying tries continue continues continuing scheduled poised track determined working work offering offers',
    {
      // What goes on now rather than what is promised: "is constantly working to", "the
      // Company continues to cooperate with law enforcement", and an effect expected to
      // last ("is likely to continue to have a material impact").
      habitual:
        /\b(?:always|constantly|continuously|continually|routinely|regularly)\s+(?:working|work|trying|striving)\b|(?:^|\s)work\s+to\b|\bcontinues\s+to\b|\bcontinu(?:e|es|ing)\s+to\s+(?:have|cause|be|affect|impact|experience|face|incur|see)\b/i,
      accept: (m) => !SETTING.test(m[0]),
      deniedWhenNegated: true,
    },
  ),
  rule(/\b(?:committed|commitment|dedicated|devoted)\s+to\b/gi, 'commitment', 1.5, 'committed commitment dedicated devoted'),
  // A reported intention: "the company said it would notify …".
  rule(
    // "KHB said it accepted the findings and would complete the measures": the intention
    // may follow what was done, joined by "and".
    /\b(?:said|says|told\s+[\p{L}]+|announced|confirmed|stated|added|promised|pledged|indicated|noted|explained|wrote|agreed|expects?|expected)\s+(?:on\s+\p{Lu}\p{L}+\s+|last\s+\p{L}+\s+|\p{Lu}\p{Ll}+day\s+)?(?:that\s+)?(?:it|they|he|she|we|the\s+\p{L}+|\p{Lu}[\p{L}&-]*(?:\s+\p{Lu}[\p{L}&-]*)?)\s+(?:[^.;:!?"“”]{1,80}?\s+and\s+)?would\s+(?!have\b|be\s+(?:able|happy|glad|pleased)\b)(?:not\s+)?\p{Ll}+/giu,
    'commitment',
    1.5,
    'would',
  ),
  // An obligation someone took on or was put under: "agreed to retain", "requires Target to
  // develop", "ordered companies to make", "has undertaken to certify", "The company must",
  // "it must pay", "the measures must be proven within 30 business days", a requirements
  // document's "MUST", and a subject that carries its own clause ("Departments that accept
  // cards must use"; not "The documents that every bidder must sign", where the clause has it).
  rule(
    /\b(?:agreed|agrees|agree|undertook|undertaken|undertakes|consented|obliged|obligated|requires|require|ordered|orders|directed|directs|mandated|mandates)\s+(?:(?!to\b)[\p{L}’'.-]+\s+){0,3}?to\s+(?!a\b|an\b|the\b|its\b|their\b|this\b|that\b|these\b|those\b)\p{Ll}+|(?:\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:company|firm|bank|provider|vendor|business|group|insurer|operator|retailer)|\b\p{Lu}[\p{L}&-]+|(?<!\b(?:what|how|which|that|when|where|whether|if)\s)\b(?:it|they)|\b(?!(?:you|we|i|what|how|which|that|when|where|whether|if|who|whom|it|they|one|and|or|but|nor|then|so|yet|thus|therefore|also|still)\b)\p{Ll}{2,})\s+(?:also\s+|now\s+|further\s+|still\s+)?(?:must|MUST)\s+(?:also\s+|now\s+|NOT\s+)?(?!have\s+been\b)\p{Ll}+|^(?:[\d.]+\s+)?(?:(?:Each|Every|All|Any|An?|The)\s+)?\p{L}[\p{L}-]*(?:\s+\p{L}[\p{L}-]*){0,2}\s+(?:that|which|who|whose)\s+(?!(?:every|each|the|a|an|our|its|their|his|her|your|all|any|some|we|they|you|he|she|it|I)\s)(?:(?!must\b)[^,;:.!?()])+?\s+(?:also\s+|now\s+|still\s+)?must\s+(?:also\s+|now\s+)?(?!have\s+been\b)\p{Ll}+|\bmust\s+be\s+\p{Ll}+(?:ed|en)\s+(?:within|no\s+later\s+than|before|by\s+(?:the\s+end\b|\d|\p{Lu}\p{Ll}+\.?\s+\d))/gu,
    'commitment',
    1.2,
    'agreed agrees agree undertook undertaken undertakes consented obliged obligated requires require ordered orders directed directs mandated mandates must',
    { accept: acceptObligation },
  ),
  // "is required to", "will be required to", "has been told to report back", "the order
  // bars Acme from misrepresenting": an obligation in the passive, or a prohibition imposed.
  rule(
    /\b(?:is|are|has\s+been|have\s+been|will\s+be)\s+(?:now\s+|also\s+)?(?:required|obliged|obligated|ordered|directed|told|instructed)\s+to\s+\p{Ll}+|\b(?:is|are)\s+(?:now\s+|also\s+)?required\s+(?:for|on|before|when|at)\b|\b(?:bars|barred|prohibits|prohibited|forbids|bans|banned|enjoins|enjoined)\s+(?:(?!from\b)[\p{L}’'.&-]+\s+){1,4}?from\s+\p{Ll}+ing\b/giu,
    'commitment',
    1.2,
    'required obliged obligated ordered directed told instructed bars barred prohibits prohibited forbids bans banned enjoins enjoined',
    {
      accept: acceptObligation,
    },
  ),
  // Something planned and dated: "is scheduled for 2026 Q3", "expect authorization in the
  // first half of 2026", "is targeted for this autumn".
  rule(
    /\b(?:is|are|remains?|now)\s+(?:now\s+|currently\s+|still\s+)?(?:targeted|scheduled|slated|planned|booked|due|set)\s+(?:for|to|in|by|on)\b|\b(?:target|planned|expected|estimated)\s+(?:completion|delivery|implementation|go-live|launch|remediation|closure)\s+date\b|\b(?:is|are)\s+(?:now\s+|still\s+)?expected\s+to\s+(?:finish|complete|conclude|return|resume|reopen|restart|publish|issue|release|launch|open|deliver|be\s+(?:completed|finished|restored|available|published|released|back))\b|\b(?:we|they|it|the\s+company)\s+(?:now\s+)?(?:expects?|anticipates?)\s+(?:to\s+(?:receive|complete|obtain|achieve|finish|launch|publish|be)\b|(?:our|its|their|the|a|an|full|final)?\s*(?:[\p{L}-]+\s+){0,2}(?:authori[sz]ation|certification|approval|completion|report|attestation|audit|launch|release)\b)/giu,
    'commitment',
    1.5,
    'targeted scheduled slated planned booked due set expect expects expected anticipate anticipates target estimated',
  ),
  rule(
    /\b(?:work|works|working|focused|focusing|focus|concentrating|concentrate)\s+on\s+(?:[a-z]+ing\b|(?:these|this|the|a|an|our|its|new|similar|further|more)\b)/gi,
    'commitment',
    1.3,
    'work works working focused focusing focus concentrating concentrate',
  ),
  rule(
    new RegExp(`\\b(?:am|is|are|was|were|${A}re|${A}s|${A}m)\\s+${ADVERBS}(?:${CHANGE_VERB_PATTERN})\\b`, 'gi'),
    'commitment',
    1.0,
    CHANGE_VERBS.join(' '),
    { habitual: HABIT },
  ),
  rule(
    /\b(?:in\s+the\s+(?:coming|next|near)\s+(?:future|days|weeks|months|years|quarters?)|by\s+the\s+end\s+of\s+(?:the|this|next)\s+(?:year|month|quarter|week|decade)|going\s+forward|later\s+this\s+(?:year|month|quarter|week)|next\s+(?:year|month|quarter|week))\b/gi,
    'commitment',
    0.6,
    'coming next near end forward later',
  ),

  // Denials: something did not or does not happen.
  rule(new RegExp(`\\b(?:did|does|do|has|have|had)\\s*(?:not|n${A}t)\\b`, 'gi'), 'denial', 1.2, 'not t', { accept: acceptDenial }),
  rule(/\bnever\b/gi, 'denial', 1.2, 'never', { accept: acceptDenial }),
  // "No customer source code, secrets or build artifacts were accessed.", "No government
  // asked us to weaken our encryption.", "No bank account numbers were in the support system."
  rule(
    /^["“‘]?No\s+(?:[\p{L}\d’'-]+,?\s+){1,8}?(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\p{Ll}+ed|taken|stolen|seen|shown|known|found|lost|hit|affected)\b|^["“‘]?No\s+(?:[\p{L}\d’'-]+,?\s+){1,6}?(?:was|were|is|are)\s+(?:in|on|at|among|inside|within|part\s+of)\s|^["“‘]?No\s+(?!later\b|sooner\b|earlier\b|more\b|less\b|matter\b|doubt\b|wonder\b|one\s+knows\b)(?:[\p{Ll}\p{Lu}’'-]+\s+){1,3}?(?:\p{Ll}{3,}ed|took|made|saw|found|got|gave|sought|won|lost|sent|told|paid|stole|came|broke|knew)\b/gu,
    'denial',
    1.5,
    'no',
  ),
  rule(
    /\bno\s+(?:[a-z]+\s+){0,3}ever\b|\bnot\s+ever\b|(?<=\b(?:that|said|says|confirmed|confirms|stated|insisted|insists)\s|\bthere\s+(?:was|were|is|are|has\s+been|have\s+been)\s)no\s+(?!doubt\b|matter\b|wonder\b|more\b|less\b|longer\b)[a-z]{3,}|\bno\s+(?:[a-z]+\s+){0,2}(?:evidence|risk|risks|indication|sign|signs|proof|access|data|information|intention|intent|plans?|record|records|link|links|connection|basis|truth|merit|role|involvement|knowledge|reason|breach|breaches|incident|incidents|impact|threat|threats|way|longer|one|user|personal|such|instance|instances|compromise|exposure|misuse|request|requests)\b/gi,
    'denial',
    1.2,
    'no not',
    { accept: acceptDenial },
  ),
  rule(
    /\bno\s+(?!doubt\b|matter\b|wonder\b|surprise\b|more\b|less\b|later\b|longer\b|fewer\b|sooner\b|earlier\b|small\b|votes?\b)[a-z]{3,}/gi,
    'denial',
    0.8,
    'no',
    { accept: acceptDenial },
  ),
  rule(
    /\b(?:declined|declines|refused|refuses|would\s+not|wouldn['’]t)\s+to\s+(?:say|comment|confirm|disclose|answer|specify|identify|name|provide|discuss|elaborate)\b|\b(?:would|will)\s+not\s+(?:say|comment|confirm|disclose|specify)\b|\bnone\s+of\b|\b(?:found|find|finds|seen|identified|detected|reported|reports|noted|notes|observed|recorded|saw|sees)\s+(?:nothing|no)\b|\bneither\s+(?:[\p{L}-]+\s+){1,3}?nor\b|^["“]?None\s+(?:of\s+(?:them|these|those|the\s+[\p{L}-]+)\s+)?(?:was|were|has|have|had|is|are)\b|^(?:not\s+(?:covered|included|in\s+scope)|out\s+of\s+scope)\s*:/giu,
    'denial',
    1.2,
    'declined declines refused refuses would wouldn none found find finds seen identified detected reported reports noted notes observed recorded saw sees neither none covered included scope',
    { accept: acceptDenial },
  ),
  rule(
    /\b(?:denied|denies|deny|denying|refuted|refutes|rebutted|disputed|disputes|not\s+true|untrue|false|baseless|unfounded|groundless)\b/gi,
    'denial',
    1.0,
    'denied denies deny denying refuted refutes rebutted disputed disputes true untrue false baseless unfounded groundless',
    { accept: (m, s) => !admitsNeither(m, s) && !falseAsFinding(m, s) },
  ),
  rule(new RegExp(`\\b(?:(?:is|are|was|were)\\s+not|(?:isn|aren|wasn|weren)${A}t)\\b`, 'gi'), 'denial', 1.0, 'not t', {
    accept: acceptDenial,
  }),
  rule(
    new RegExp(
      `\\b(?:will\\s+not|won${A}t|would\\s+not|wouldn${A}t|can\\s*not|can${A}t|could\\s+not|couldn${A}t|nothing|none|neither|nor)\\b`,
      'gi',
    ),
    'denial',
    0.6,
    'not t cannot nothing none neither nor',
  ),
  rule(
    /\bwithout\s+(?:any\s+|their\s+|the\s+|user\s+)?(?:access|evidence|consent|permission|authori[sz]ation|knowledge)\b/gi,
    'denial',
    0.8,
    'without',
  ),

  // Comparisons: superlatives and comparisons with others.
  rule(
    new RegExp(
      `\\b(?:best[- ]in[- ]class|industry[- ]leading|industry[- ]first|world[- ]class|market[- ]leading|first[- ]of[- ]its[- ]kind|world${A}s\\s+(?:top|best|largest|leading|first|biggest|most|only|fastest|safest|strongest)|among\\s+the\\s+(?:most|least|best|largest|biggest|first|leading|few|top|[a-z]+est)\\b|one\\s+of\\s+the\\s+(?:most|least|best|largest|biggest|first|leading|few|only|top|[a-z]+est)\\b|one\\s+of\\s+(?:only\\s+|very\\s+)?(?:a\\s+)?(?:handful|few)\\b|beyond\\s+what|more\\s+than\\s+(?:any|most|many|our|other|its|their)\\b|unlike\\s+(?:many|most|several|other|our|its|their|some|competitors|rivals|peers)\\b|ahead\\s+of\\s+(?:our|its|their|the)?\\s*(?:peers|competitors|rivals|industry|competition)|outperform\\w*|outpac\\w*|unmatched|unparalleled|unrivall?ed|second\\s+to\\s+none|(?:market|industry|global|world)\\s+leader)`,
      'gi',
    ),
    'comparison',
    1.3,
    'best industry world market first among one beyond more unlike ahead outperform outperforms outperformed outperforming outpace outpaces outpaced outpacing unmatched unparalleled unrivaled unrivalled second leader',
  ),
  // "compared with 97% for our competitors"; not a figure set beside its own past ("52% of
  // requests, compared with 55% in the previous period", "… with 54% in 2024-2025").
  rule(/\b(?:compared|relative)\s+(?:to|with)\b/gi, 'comparison', 1.3, 'compared relative', { accept: acceptAgainstOthers }),
  rule(
    // "sells more tickets for small venues than any other platform": the others named after the object.
    /\b(?:better|faster|safer|stronger|cheaper|larger|bigger|greater|higher|lower|smaller|earlier|sooner|quicker|slower|worse|weaker|stricter|tougher|fewer|broader|wider|narrower|tighter|looser|softer|harder|deeper|lighter|heavier|simpler|clearer|more\s+(?:[a-z]+\s+){0,2}?[a-z]+|less\s+(?:[a-z]+\s+){0,2}?[a-z]+)\s+than\s+(?!\d|ever\b|before\b)|\bthan\s+(?:any(?:one)?\s+(?:other|else)|any\s+(?:of\s+(?:the|its|our|their)\b|[a-z]{3,}ed\s+by\b)|(?:all\s+)?(?:its|our|their)\s+(?:rivals|competitors|peers))\b/gi,
    'comparison',
    1.0,
    'than',
  ),
  // "more than twice as fast as the industry median", "three times faster".
  rule(
    /\b(?:twice|three\s+times|four\s+times|five\s+times|ten\s+times|\d+(?:\.\d+)?\s*(?:x|times))\s+(?:as\s+[a-z]+\s+as\b|(?:faster|quicker|more|fewer|better|larger|smaller|higher|lower|cheaper|safer)\b|(?:the|its|their|our)\s+(?:old|previous|former|prior|existing|current|average|national|industry|median|typical|usual)\b)/gi,
    'comparison',
    1.3,
    'twice times x',
  ),
  rule(
    /\bthe\s+(?:first|only)\s+(?:[a-z-]+\s+){0,3}(?:company|companies|platform|app|provider|firm|vendor|service|organi[sz]ation|business|bank|carrier|operator|maker|manufacturer|country|issuer|insurer|retailer|lender|regulator|agency|authority|state|city|hospital|employer|entity|one\s+to)\b(?!\s+(?!to\b|in\b|of\b|on\b|among\b|ever\b|that\b|which\b|worldwide\b|globally\b|anywhere\b)\p{Ll})|\bthe\s+(?:first|only)\s+to\s+(?!(?:know|hear|see|get|learn|receive|read)\b)[a-z]+/giu,
    'comparison',
    1.3,
    'first only',
  ),
  rule(/\bthe\s+best\b/gi, 'comparison', 1.0, 'best', { accept: acceptBest }),
  rule(
    /\bthe\s+(?:most|least)\s+[a-z]+|\bthe\s+(?:largest|biggest|strongest|fastest|highest|lowest|safest|greatest|smallest|oldest|newest|cheapest|widest|deepest|longest|strictest|toughest|leading|busiest|worst|costliest|deadliest|heaviest|steepest|sharpest|weakest)\b/gi,
    'comparison',
    0.8,
    'most least largest biggest strongest fastest highest lowest safest greatest smallest oldest newest cheapest widest deepest longest strictest toughest leading busiest worst costliest deadliest heaviest steepest sharpest weakest',
  ),
  // A record: "the busiest year since the GDPR came into application", "the worst outage ever".
  rule(
    /\b(?:the|our|its|their|the\s+\p{Lu}[\p{L}-]*['’]s)\s+(?:most\s+[a-z]+|[a-z]{2,}est(?<!latest|interest|honest|modest|earnest|request|contest|protest|arrest|harvest|forest|digest))\s+(?:[a-z-]+\s+){0,6}?(?:since|ever|on\s+record|in\s+(?:its|their|our|the\s+[a-z]+['’]s)\s+history)\b|\bthe\s+(?:most\s+[a-z]+|[a-z]{2,}est(?<!latest|interest|honest|modest|earnest|request|contest|protest|arrest|harvest|forest|digest))\s+[a-z-]+\s+(?:that\s+)?(?:an?|any)\s+(?:[\p{L}-]+\s+){0,3}?(?:has|have|had)\s+(?:ever\s+)?(?:disclosed|reported|suffered|seen|recorded|imposed|issued|paid|faced)\b|\bthe\s+(?:most\s+[a-z]+|[a-z]{2,}est(?<!latest|interest|honest|modest|earnest|request|contest|protest|arrest|harvest|forest|digest))\s+(?:[a-z-]+\s+){0,2}?(?:that\s+|which\s+)?(?:the\s+)?(?:\p{Lu}[\p{L}-]+\s+){1,3}(?:has|have|had)\s+(?:ever\s+)?(?:imposed|issued|levied|seen|recorded|handed\s+down|announced|fined)\b|\bthe\s+(?:most\s+[a-z]+|[a-z]{2,}est(?<!latest|interest|honest|modest|earnest|request|contest|protest|arrest|harvest|forest|digest))\s+(?:[a-z-]+\s+){0,2}?in\s+(?:the|its|our|their)\s+(?:category|industry|market|sector|field|space)\b/giu,
    'comparison',
    1.3,
    'since ever record history imposed issued levied seen recorded handed announced fined category industry market sector field space disclosed reported suffered paid faced',
  ),
  rule(
    /\b(?:peers|competitors|rivals|other\s+(?:companies|apps|platforms|providers|firms|vendors|services|tech\s+companies))\b/gi,
    'comparison',
    0.6,
    'peers competitors rivals other',
  ),
  rule(/\bleading\b(?!\s+(?:to|up|the|a|an)\b)/gi, 'comparison', 0.6, 'leading'),

  // Assertions: reported statements, dates, numbers, things done.
  rule(
    /\b(?:according\s+to|in\s+accordance\s+with\s+(?:the|a|its)\s+(?:letter|report|statement|filing)|said|says|stated|told|tells|announced|announces|reported|confirmed|confirms|claimed|explained|explains|noted|wrote|writes|acknowledged|acknowledges|admitted|recogni[sz]ed|disclosed|discloses|revealed|reveals|outlined|informed|remarked|testified|argued|insisted|warned|alleged|asserted|declared|emphasi[sz]ed|stressed|indicated|showed|shows|found|(?:determined|concluded)(?=\s+that\b)|estimated|published|seen\s+by|obtained\s+by|reviewed\s+by|states)\b/gi,
    'assertion',
    0.8,
    'according accordance said says stated told tells announced announces reported confirmed confirms claimed explained explains noted wrote writes acknowledged acknowledges admitted recognised recognized disclosed discloses revealed reveals outlined informed remarked testified argued insisted warned alleged asserted declared emphasised emphasized stressed indicated showed shows found determined concluded estimated published seen obtained reviewed states',
    { accept: (m) => m[0] !== 'States', report: true },
  ),
  rule(
    new RegExp(
      `\\b(?:(?:${MONTHS})(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?\\s+\\d{1,2}|(?:${WEEKDAYS})s?|(?:19|20)\\d{2}s?)\\b`,
      'g',
    ),
    'assertion',
    1.0,
    `#year ${MONTHS.toLowerCase().split('|').join(' ')} ${WEEKDAYS.toLowerCase().split('|').join(' ')} jan feb mar apr jun jul aug sep sept oct nov dec mondays tuesdays wednesdays thursdays fridays saturdays sundays`,
    { accept: acceptMonth },
  ),
  rule(
    new RegExp(
      `\\b(?:(?:last|this|past|previous|earlier\\s+this|over\\s+the\\s+(?:past|last)(?:\\s+(?:${NUMBER_WORDS}|\\d+))?|in\\s+the\\s+(?:past|last)(?:\\s+(?:${NUMBER_WORDS}|\\d+))?)\\s+(?:${TIME_UNITS}|summer|winter|spring|fall|autumn|morning|afternoon|evening|night|weekend)|overnight|(?:\\d+|${NUMBER_WORDS})\\s+(?:${TIME_UNITS})\\s+(?:ago|after|before|later|earlier)|in\\s+the\\s+(?:${TIME_UNITS})\\s+since|yesterday|today|recently|earlier\\s+(?:this|that)\\s+(?:${TIME_UNITS})|since\\s+(?:then|launch|its\\s+launch)|not\\s+the\\s+first\\s+time)\\b`,
      'gi',
    ),
    'assertion',
    1.0,
    // "It is not the first time that …": a precedent, told as the past is; tried on "time",
    // a rarer word than "first".
    `${TIME_UNIT_WORDS} summer winter spring fall autumn morning afternoon evening night weekend overnight yesterday today recently since time`,
  ),
  rule(
    /(?:\b\d[\d,.]*\b(?!\s*(?:am|pm|a\.m|p\.m)\b)|%|\b(?:hundreds?|thousands?|millions?|billions?|trillions?|dozens?|percent|per\s+cent)\b)/gi,
    'assertion',
    0.8,
    '#digit % hundred hundreds thousand thousands million millions billion billions trillion trillions dozen dozens percent cent',
    { accept: (m) => !/^(?:19|20)\d{2}$/.test(m[0]) },
  ),
  // A vote cast: "cast the lone no vote", "voted 4-1 to approve" (a "no" here denies nothing).
  rule(
    /\b(?:cast|casts|casting)\s+(?:the\s+|a\s+)?(?:lone\s+|only\s+|sole\s+|deciding\s+)?(?:no|yes|dissenting|deciding)?\s*votes?\b|\bvoted\s+(?:\d+\s*[-–]\s*\d+|unanimously|against|for|to|no|yes)\b/gi,
    'assertion',
    1.0,
    'cast casts casting voted',
  ),
  rule(
    /\b(?:has|have|had|employs|employed|operates|operated|runs|ran|counts|counted)\s+(?:about|around|roughly|nearly|almost|approximately|more\s+than|over|some|at\s+least|fewer\s+than|only|just)?\s*(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds|thousands|millions|dozens)\b)/gi,
    'assertion',
    1.0,
    'has have had employs employed operates operated runs ran counts counted',
  ),
  rule(
    /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|half|twice|double|triple)\b/gi,
    'assertion',
    0.3,
    'two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty half twice double triple',
    { shown: false },
  ),
  rule(
    new RegExp(
      `\\b(?:has|have|had|${A}ve)\\s+(?:(?:always|also|already|since|not|never|just|now|recently|previously|long|successfully|[a-z]+ly)\\s+)*(?:been\\s+)?([a-z]+)\\b`,
      'gi',
    ),
    'assertion',
    0.6,
    'has have had ve',
    { accept: acceptPerfect },
  ),
  rule(
    /\b(?:is|are|was|were|been|being)\s+(?:(?:also|still|not|already|all|now|currently|[a-z]+ly)\s+)?[a-z]+(?:ed|en|wn)\s+by\b/gi,
    'assertion',
    0.6,
    'by',
    { needs: 'participle' },
  ),
  rule(
    /\b(?:is|are)\s+(?:(?:also|not|only|never|always|still|automatically|routinely|regularly|strictly|fully|[a-z]+ly)\s+)?[a-z]{3,}(?:ed|en)\s+(?:to|by|in|at|for|with|using|within|after|before|on|from|under|only|daily|weekly|monthly|annually)\b/gi,
    'assertion',
    0.6,
    'is are',
    { shown: false, needs: 'participle' },
  ),
  rule(new RegExp(`\\b(?:${PRESENT_VERBS.join('|')})\\b`, 'g'), 'assertion', 0.7, PRESENT_VERBS.join(' ')),
  rule(/\b(?:is|are|was|were)\s+(?:still\s+|now\s+|currently\s+|also\s+|already\s+)?[a-z]+ing\b/gi, 'assertion', 0.5, 'is are was were', {
    shown: false,
    needs: 'gerund',
  }),
  rule(/\b(?:is|are|was|were)\s+(?:the\s+|a\s+|an\s+)?[A-Z][A-Za-z0-9-]*/g, 'assertion', 0.5, 'is are was were', {
    accept: (m) => !/\s(?:I|A)$/.test(m[0]),
    needs: 'capital',
  }),
  rule(
    /(?<!\b(?:when|if|unless|whenever|until|once|as|while|because|so|than)\s)\bwe\s+(?:(?:also|only|still|now|already|currently|regularly|routinely|continuously|constantly|always|never|actively|proactively|immediately|even|recently|quickly|then|first|further|do\s+not|don['’]t)\s+)*([a-z]+)\b/gi,
    'assertion',
    0.8,
    'we',
    { accept: acceptWeAction },
  ),

  // What a security or privacy programme does, as trust pages list it ("All sessions are
  // logged.", "Quarterly third-party penetration test.", "Encryption at rest (AES-256)"):
  // a practice, and how far or how often it applies. Two practices, or a practice with its
  // scope or rhythm, make a claim.
  rule(
    /\b(?:encrypt(?:s|ed|ion)?|(?:AES|RSA|SHA)-?\d+|TLS(?:\s?\d\.\d)?|HSTS|mTLS|multi-factor|two-factor|2FA|MFA|SSO|single\s+sign-on|least[- ]privilege|role-based\s+access|access\s+controls?|audit\s+(?:logs?|trails?)|logged|logging|monitor(?:ed|ing)|penetration\s+test(?:s|ing)?|pen\s*tests?|vulnerability\s+scan(?:s|ning)?|scann(?:ed|ing)|SAST|DAST|code\s+reviews?|peer\s+reviews?|backups?|backed\s+up|snapshots|restore\s+drills?|disaster\s+recovery|incident\s+response|firewalls?|segment(?:ed|ation)|patch(?:es|ed|ing)|key\s+rotation|rotated?|hardware\s+keys?|security\s+keys?|bug\s+bounty|intrusion\s+detection|endpoint\s+detection|EDR|SIEM|anti-?malware|background\s+checks?|security\s+(?:awareness\s+)?training|data\s+minimi[sz]ation|hashed|hashing|salted|tokeni[sz](?:ed|ation)|(?:change|key|vulnerability|patch)\s+management|signature|signed)\b/gi,
    'assertion',
    0.6,
    'encrypt encrypts encrypted encryption aes rsa sha tls hsts mtls multi two 2fa mfa sso single least role access audit logged logging monitored monitoring penetration pen pentest pentests vulnerability scanned scanning sast dast code peer backup backups backed snapshots restore disaster incident firewall firewalls segmented segmentation patches patched patching key rotation rotate rotated hardware security bug intrusion endpoint edr siem antimalware anti background training data hashed hashing salted tokenized tokenised tokenization tokenisation change signature signed',
    { secondWeight: 0.4, shown: false },
  ),
  rule(
    /\b(?:all|every|each)\s+(?!of\s+(?:us|you|them)\b)[\p{L}-]+|\b(?:quarterly|annually|annual|yearly|monthly|weekly|daily|hourly|nightly|continuous(?:ly)?|24\/7|around\s+the\s+clock|at\s+rest|in\s+transit|by\s+default|on\s+every|per\s+(?:year|quarter|month))\b/giu,
    'assertion',
    0.4,
    'all every each quarterly annually annual yearly monthly weekly daily hourly nightly continuous continuously 24 around rest transit default per',
    { shown: false },
  ),
  // Personal data exposed or held: two kinds named make a claim ("names, dates of birth
  // and Social Security numbers").
  rule(
    /\b(?:names?|dates?\s+of\s+birth|birth\s+dates?|addresses|Social\s+Security\s+numbers?|SSNs?|driver['’]?s?\s+licen[cs]e(?:\s+numbers?)?|passport(?:s|\s+numbers?)?|phone\s+numbers?|email\s+addresses|passwords?|PINs?|credit\s+card(?:\s+numbers?)?|card\s+numbers?|bank\s+account(?:\s+numbers?)?|medical\s+record(?:s|\s+numbers?)?|health\s+(?:insurance\s+)?information|diagnos[ie]s|national\s+insurance\s+numbers?|tax\s+(?:file\s+)?numbers?|identity\s+documents?|biometric\s+data|(?:exact\s+)?(?:longitude|latitude|location)s?|account\s+numbers?)\b/gi,
    'assertion',
    0.5,
    'name names date dates birth addresses social ssn ssns driver drivers licence license passport passports phone email password passwords pin pins credit card bank medical health diagnosis diagnoses national tax identity biometric longitude latitude location locations account',
    { secondWeight: 0.5, shown: false },
  ),
  // What an attack did: "an unauthorized third party obtained access", "the attackers
  // exfiltrated", "socially engineered an employee".
  rule(
    /\b(?:unauthori[sz]ed\s+(?:third\s+)?(?:part(?:y|ies)|access|actor)|threat\s+actors?|attackers?|hackers?|intruders?|cybercriminals?|ransomware|malware|phishing|exfiltrat\w+|socially\s+engineered|compromised|breached|cyber-?attack|data\s+breach|security\s+incident|obtained\s+access|gained\s+access|accessed)\b/gi,
    'assertion',
    0.5,
    'unauthorized unauthorised threat attacker attackers hacker hackers intruder intruders cybercriminal cybercriminals ransomware malware phishing exfiltrated exfiltrating exfiltration socially compromised breached cyberattack cyber data security obtained gained accessed',
    { secondWeight: 0.3, shown: false },
  ),
  // What a regulator, court or prosecutor did: "the SEC charged", "adopted recommendations".
  rule(
    /\b(?:charged|fined|sued|sanctioned|penali[sz]ed|reprimanded|imposed|adopted|appointed|issued|filed|awarded|indicted|convicted|arrested|notified|referred|launched|concluded|settled|seeks|sought|opened\s+an?\s+(?:investigation|inquiry|probe)|recommends|recommended)\b/gi,
    'assertion',
    0.6,
    'charged fined sued sanctioned penalised penalized reprimanded imposed adopted appointed issued filed awarded indicted convicted arrested notified referred launched concluded settled seeks sought opened recommends recommended',
  ),
  // Where a product or provider stands against a standard or law, as trust pages put it:
  // "is fully compliant with the CISPE Code", "a HIPAA-compliant platform", "available
  // under NDA on request". What users of this tool read such pages for.
  rule(
    /\b(?:(?:fully\s+|HIPAA-|GDPR-|PCI[- ]DSS-)?compliant|compliance\s+with|conform(?:s|ing)?\s+to|adheres?\s+to|in\s+accordance\s+with|certified|accredited|attested|(?:are|is)\s+audited|(?:available\s+)?(?:up)?on\s+request|under\s+(?:an?\s+)?NDA|per\s+(?:the\s+)?(?:documented|contractual|our)\b)/gi,
    'assertion',
    0.6,
    'compliant fully hipaa gdpr pci compliance conform conforms conforming adhere adheres accordance certified accredited attested audited request upon nda per',
    { secondWeight: 0.3, shown: false },
  ),
  // Work under way: "SROP is in the process of getting ISO27001 certified".
  rule(/\b(?:in\s+the\s+process\s+of|on\s+track\s+(?:to|for))\s+\p{L}+/giu, 'commitment', 1.5, 'process track'),

  // Verbs that attribute a statement to someone without adding to its weight: the
  // speaker found for them does ("Analysts added that …").
  rule(
    /\b(?:say|notes|added|adds|claims|admits|denied|denies|outlines|informs|reports|argues|insists|warns|contended|maintained|maintains|alleges|responded|replied|commented|tweeted|posted|promised|pledged|vowed|suggested|predicted|believes|believed|written|conceded|concedes|explained|recogni[sz]ed|acknowledged)\b/g,
    'anchor',
    0,
    'say notes added adds claims admits denied denies outlines informs reports argues insists warns contended maintained maintains alleges responded replied commented tweeted posted promised pledged vowed suggested predicted believes believed written conceded concedes explained recognised recognized acknowledged',
    { report: true, shown: false },
  ),

  // An organisation named by what it is ("the company") anchors a sentence like a name.
  rule(
    /\b(?:the|this|that|its|our|their)\s+(?:company|firm|group|platform|business|bank|agency|government|regulator|ministry|start-?up|app|service|organi[sz]ation|authority|commission|department|insurer|retailer|carrier|provider|vendor|operator|developer|maker|administration|committee)\b/gi,
    'anchor',
    0.3,
    'company firm group platform business bank agency government regulator ministry startup start app service organisation organization authority commission department insurer retailer carrier provider vendor operator developer maker administration committee',
    { shown: false },
  ),

  // Opinions and feelings count against.
  rule(
    /\b(?:great|amazing|awesome|wonderful|fantastic|terrible|horrible|awful|fun|funny|joy|joyful|happy|sad|lovely|beautiful|incredible|cool|nice|good\s+news|better\s+for\s+everyone|i\s+think|in\s+my\s+opinion|personally|hopefully|unfortunately|fortunately|sadly|luckily|favou?rite)\b/g,
    'opinion',
    -1.0,
    'great amazing awesome wonderful fantastic terrible horrible awful fun funny joy joyful happy sad lovely beautiful incredible cool nice news everyone think opinion personally hopefully unfortunately fortunately sadly luckily favorite favourite',
  ),

  // The author's own view or forecast, not a statement a source made: "In my view",
  // "I suspect", "it remains to be seen", "it is hard to see why".
  rule(
    /\b(?:in\s+my\s+(?:view|opinion|experience)|I\s+(?:think|believe|suspect|expect|guess|doubt|fear|worry|would\s+argue|am\s+(?:not\s+)?(?:convinced|sure|confident))|[Mm]y\s+(?:guess|sense|bet|hunch|view)|remains?\s+to\s+be\s+seen|time\s+will\s+tell|it\s+is\s+(?:hard|difficult|easy|tempting|too\s+early)\s+to\s+(?:see|say|tell|imagine|argue|predict|know|read|believe|overstate|ignore|understand)|looking\s+back|[Ww]hat\s+(?:bothers|bothered|worries|worried|concerns|troubles|strikes|struck|surprises|surprised|puzzles)\s+me)\b/gi,
    'opinion',
    -3.0,
    'view opinion experience think believe suspect expect guess doubt fear worry argue convinced sure confident sense bet hunch seen tell hard difficult easy tempting early looking bothers bothered worries worried concerns troubles strikes struck surprises surprised puzzles',
  ),
  // A hedged forecast ("will likely", "is bound to") in the writer's own voice; a source's
  // hedged plan ("the company said it will likely …") is still reported as one.
  rule(
    /\b(?:will|would)\s+(?:likely|probably|almost\s+certainly|surely|undoubtedly|inevitably|no\s+doubt)\b|\b(?:is|are)\s+(?:likely|unlikely|bound|certain)\s+to\b/gi,
    'opinion',
    -1.5,
    'likely unlikely probably certainly surely undoubtedly inevitably doubt bound certain',
    { accept: (_m, s) => !REPORTED.test(s) },
  ),

  // Contact details (a phone number) and press-release disclaimers.
  rule(
    /(?:\+\d{1,3}[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\b0\d{3,4}\s\d{3}\s\d{3,4}\b|\bundertakes?\s+no\s+(?:obligation|duty)|\bforward-looking\s+statements?\b|\bsafe\s+harbou?r\b|\bduly\s+(?:caused|authori[sz]ed)\b|\bcannot\s+(?:guarantee|assure|promise)\b|\bthere\s+can\s+be\s+no\s+assurance\b|\b(?:does|do)\s+not\s+(?:modify|amend|form\s+part\s+of|constitute)\s+(?:any|a|an|the|our|your|legal|investment|financial|tax|professional)\b|\bfor\s+general\s+information(?:al)?\s+(?:purposes\s+)?only\b|\b(?:agreement|text|version)\s+(?:shall\s+)?prevails?\b|\b(?:text|copy|copies|version|decision|report|document|judgment|judgement|order|transcript|recording|slides|notice)\b[^.;]{0,60}?\b(?:is|are)\s+available\s+(?:on|at|from)\s+(?:the|our|its|their)\s+(?:[\w’'-]+\s+){0,2}?(?:website|web\s?site|web\s?page|portal)\b|\bnot\s+(?:legal|investment|financial)\s+advice\b|\bprovided\s+(?:for\s+information(?:al)?\s+(?:purposes\s+)?only|["“]?as\s+is\b)|\bwithout\s+(?:any\s+)?warrant(?:y|ies)\b|\b(?:does|do)\s+not\s+(?:mean|imply|constitute)\b[^.]{0,60}\bendorse(?:s|d|ment)?\b|\b(?:use|reproduction|distribution)\s+of\s+this\s+(?:advisory|report|document|page|site|website|content|publication|material)\s+is\s+subject\s+to\b|\b(?:edited|condensed)\s+(?:lightly\s+)?(?:and\s+(?:edited|condensed)\s+)?for\s+(?:length|clarity|brevity)\b|\bactual\s+results\s+(?:may|could|might)\s+differ\b|\bnot\s+a\s+solicitation\b|\byou\s+have\s+(?:a|the)\s+right\s+to\b/gi,
    'veto',
    0,
    // A phone number has a group of exactly three digits between separators, whichever
    // form it takes: other numbers (years, amounts, counts) need not try the pattern.
    '#three undertake undertakes forward safe duly cannot assurance modify amend form constitute prevail prevails available advice general provided warranty warranties endorse endorses endorsed endorsement subject edited condensed actual solicitation right',
  ),
  // Web boilerplate and calls to action anywhere in the sentence.
  rule(
    /\b(?:your\s+email\s+address\s+will\s+not\s+be\s+published|required\s+fields\s+are\s+marked|all\s+rights\s+reserved|this\s+(?:site|website)\s+uses\s+cookies|we\s+use\s+cookies|by\s+continuing\s+to\s+(?:browse|use)|subscribe\s+to\s+(?:our|the)\s+newsletter|sign\s+up\s+for\s+(?:our|the)\s+newsletter|(?:previous|next)\s+(?:post|article|story)|posted\s+in|filed\s+under|save\s+my\s+name|notify\s+me\s+of|(?:writing|reporting|editing|additional\s+reporting)\s+by|related\s+(?:articles|posts|stories)|read\s+more|advertisement|sponsored\s+content|skip\s+to\s+(?:main\s+)?content|opens\s+in\s+a\s+new\s+(?:tab|window)|log\s+in\s+to\s+(?:reply|comment)|comments?\s+are\s+closed|copyright\s+(?:\(c\)|\d{4})|\d+\s*min(?:ute)?s?\s+read|(?:originally|first)\s+(?:published|posted|appeared)\s+(?:on|in|at)|(?:media|press)\s+(?:enquiries|inquiries|contacts?|office)|get\s+the\s+latest|delivered\s+(?:straight\s+)?to\s+your\s+inbox|column\s+appears|(?:episode|show|podcast|programme|program|newsletter)\s+is\s+(?:brought\s+to\s+you|sponsored|supported|produced)\s+by|my\s+guests?\s+(?:is|are|today)|suggested\s+citation|(?:live\s+)?webcast\b[^.]{0,80}\bwill\s+be\s+available|replay\s+will\s+be\s+available|this\s+(?:press\s+|news\s+)?release\s+(?:includes|contains|uses|presents|refers\s+to)\s+[^.]{0,80}\bnon-gaap|reconciliations?\s+(?:to|of)\s+the\s+most\s+(?:directly\s+)?comparable|unless\s+otherwise\s+(?:stated|noted|indicated)|registered\s+in\s+england|forward-looking\s+statements|authori[sz]ed\s+for\s+release\s+by|subject\s+to\s+(?:known\s+and\s+unknown\s+)?risks\s+and\s+uncertainties|company\s+(?:no|number)|thank\s+you\s+for\s+(?:the\s+opportunity|reading|your\s+(?:patience|understanding))|can\s+(?:contact|call|email|visit|write\s+to)|you(?:['’]re|\s+are)\s+receiving\s+(?:this|it)|goes\s+out\s+every\s+[a-z]+|(?:get|save|take)\s+\d+\s?%\s+off|(?:organi[sz]ations|customers|users|readers|entities|companies|businesses|agencies|administrators|defenders)\s+(?:are|is)\s+(?:strongly\s+)?(?:encouraged|urged|advised|invited)\s+to|by\s+(?:subscribing|signing\s+up|registering|clicking)|you\s+(?:should|must|can|may|might|will\s+need\s+to|need\s+to)\s|we\s+(?:strongly\s+)?(?:encourage|recommend|urge|advise|remind)\s+(?:you|all|our\s+(?:customers|users|members|patients))|(?:i|we)\s+would\s+(?:strongly\s+)?(?:urge|encourage|recommend|advise)\s+(?:you|all|every|any|anyone|everyone|organi[sz]ations|companies|businesses|firms|people|customers|users|readers)\b|(?:^|[.;]\s*)if\s+you\s+[a-z]+(?![^,]{0,160},\s*(?:we|our|the\s+company)\b)|(?:^|[.;]\s*)(?:i\s+am\s+here\s+(?:today\s+)?to|i\s+want\s+to\s+(?:be\s+(?:clear|precise|direct|honest|transparent)|start|begin|thank|turn)|let\s+me\s+(?:be|start|begin|explain|turn|say)|i\s+know\s+that))\b|©/gi,
    'veto',
    0,
    // Each phrase's rarest word, not its first: "we", "by", "can" and "if" are in most
    // sentences, and the pattern was tried on nearly every one. "if you" needs "you".
    'email required rights forward subject site website cookies encouraged urged advised invited receiving goes off continuing subscribe sign previous next posted filed save notify writing reporting editing related read advertisement sponsored skip opens log comment comments copyright © min minute guest guests brought supported produced citation webcast replay gaap reconciliation reconciliations unless minutes originally first media press latest inbox column registered company thank contact call visit write subscribing signing registering clicking you encourage recommend urge advise remind am want let know authorised authorized',
  ),
  // An earnings call's chrome: the operator's welcome and closing, the transcript's note,
  // the pointer to non-GAAP reconciliations; and an idiom of pride, no denial.
  rule(
    /\b(?:welcome\s+to\s+(?:[\p{L}\p{N}’'-]+\s+){0,8}?(?:earnings|conference|investor)\s+call|listen[- ]only\s+mode|(?:that|this)\s+concludes\s+(?:today['’]s|the|our)\s+(?:[\p{L}-]+\s+){0,2}?(?:call|session|conference|presentation|remarks)\b|transcript\s+(?:has\s+been|was|is)\s+edited|refer\s+to\s+(?:certain\s+)?non-GAAP\s+(?:financial\s+)?measures|turn\s+the\s+call\s+(?:over|back)|could(?:\s+not|n['’]t)\s+be\s+(?:prouder|happier|more\s+(?:proud|pleased|grateful))\b)/giu,
    'veto',
    0,
    'welcome listen concludes transcript non turn prouder happier proud pleased grateful',
  ),
  // Advice to the reader after a condition: "If the interface was ever reachable from the
  // internet, assume the keys are burned and rotate them." A call to action, not a claim.
  rule(
    /^["“‘]?(?:if|when|once|before|after|until|unless|where)\s[^,;]{3,160},\s+(?:assume|check|update|change|reset|rotate|contact|call|enable|disable|install|patch|upgrade|apply|review|remove|revoke|block|restrict|consider|avoid|ensure|keep|report|treat|replace|monitor|freeze|make\s+sure|be\s+sure|do\s+not|don['’]t|look\s+for|watch\s+for)\b/gi,
    'veto',
    0,
    'assume check update change reset rotate contact call enable disable install patch upgrade apply review remove revoke block restrict consider avoid ensure keep report treat replace monitor freeze make sure do don look watch',
  ),
  rule(
    /\b(?:please|let\s+us\s+know|feel\s+free\s+to|don['’]t\s+hesitate|reach\s+out\s+to\s+us|contact\s+us\s+at|click\s+here|sign\s+up\s+(?:here|now|today|for\s+our))\b/gi,
    'veto',
    0,
    'please let feel hesitate reach contact click sign',
  ),
  // The stock phrases of a breach notice: "We take the privacy of our patients seriously",
  // "we sincerely regret any concern this may cause"; not when the sentence goes on to say
  // what was done ("… seriously and have cooperated fully with the authorities").
  rule(
    /\btakes?\s+(?:[\p{L}’'-]+\s+){0,10}?(?:(?:very|extremely|incredibly|most)\s+)?seriously\b|\bregrets?\s+any\s+(?:concern|inconvenience|distress|worry)|\bapologi[sz]es?\s+for\s+any\s+(?:inconvenience|concern|distress|worry)/giu,
    'veto',
    0,
    'seriously regret regrets apologize apologizes apologise apologises',
    { accept: (m, s) => !GOES_ON_TO_ACT.test(s.slice(m.index + m[0].length)) },
  ),

  // Hedges: reported with the claim, not scored.
  rule(
    /\b(?:may|might|could|reportedly|allegedly|possibly|perhaps|probably|likely|unlikely|apparently|purportedly|supposedly|seemingly|presumably|arguably|(?:appears?|appeared|seems?|seemed)\s+to|(?:is|are|was|were)\s+(?:believed|thought|understood|expected)\s+to|it\s+is\s+(?:thought|understood|believed))\b/gi,
    'hedge',
    0,
    'may might could reportedly allegedly possibly perhaps probably likely unlikely apparently purportedly supposedly seemingly presumably arguably appear appears appeared seem seems seemed believed thought understood expected',
    { accept: acceptHedge },
  ),
];

/** Capitalised words that do not name anyone. */
export const NAME_STOPWORDS: ReadonlySet<string> = new Set([
  'I',
  'The',
  'A',
  'An',
  'This',
  'That',
  'These',
  'Those',
  'It',
  'Its',
  'He',
  'She',
  'They',
  'We',
  'Our',
  'His',
  'Her',
  'Their',
  'My',
  'Your',
  'You',
  'In',
  'On',
  'At',
  'As',
  'But',
  'And',
  'Or',
  'If',
  'When',
  'While',
  'Not',
  'All',
  'Both',
  'Also',
  'However',
  'For',
  'With',
  'To',
  'By',
  'From',
  'So',
  'Today',
  'Yesterday',
]);

/** Words that make a sentence first person (an anchor, weak on its own). */
export const FIRST_PERSON: ReadonlySet<string> = new Set(['we', 'our', 'us', 'my', 'ours']);

/** Anchor weights: a named entity, a second one, first person. */
export const NAME_WEIGHT = 0.3;
export const SECOND_NAME_WEIGHT = 0.2;
export const FIRST_PERSON_WEIGHT = 0.2;
/** Irregular simple pasts and was/were/did: something happened (weak, like an -ed word). */
export const IRREGULAR_PASTS: ReadonlySet<string> = new Set([
  'took',
  'began',
  'saw',
  'made',
  'built',
  'grew',
  'won',
  'went',
  'became',
  'gave',
  'sold',
  'bought',
  'brought',
  'led',
  'held',
  'kept',
  'left',
  'met',
  'paid',
  'sent',
  'spent',
  'rose',
  'fell',
  'came',
  'struck',
  'wrote',
  'ran',
  'chose',
  'drew',
  'drove',
  'broke',
  'stole',
  'spoke',
  'withdrew',
  'underwent',
  'undertook',
  'oversaw',
  'sought',
  'taught',
  'told',
  'was',
  'were',
  'did',
]);

/**
 * Words after which a lower-case word in -s reads as a verb in the present ("it stores",
 * "the team watches"): pronouns and singular nouns that name an organisation or a thing
 * it runs. Capitalised names count too (cues.ts).
 */
export const SUBJECT_HEADS: ReadonlySet<string> = new Set([
  'it',
  'he',
  'she',
  'which',
  'who',
  'that',
  'team',
  'company',
  'firm',
  'center',
  'centre',
  'policy',
  'statement',
  'system',
  'platform',
  'service',
  'report',
  'letter',
  'filing',
  'program',
  'programme',
  'process',
  'vendor',
  'provider',
  'app',
  'product',
  'software',
  'tool',
  'agency',
  'government',
  'regulator',
  'ministry',
  'department',
  'unit',
  'organisation',
  'organization',
  'group',
  'bank',
  'board',
  'committee',
  'court',
  'law',
  'rule',
  'standard',
  'contract',
  'agreement',
  'certificate',
  'audit',
  'scope',
  'plan',
  'framework',
  'feature',
  'network',
  'site',
  'website',
  'database',
  'server',
  'staff',
  'office',
  'lab',
  'division',
  'subsidiary',
  'marketplace',
  'registry',
  'portal',
]);

/** Words in -s that are not verbs after a subject. */
export const NOT_PRESENT_VERBS: ReadonlySet<string> = new Set([
  'news',
  'series',
  'always',
  'perhaps',
  'whereas',
  'across',
  'thus',
  'plus',
  'yes',
  'its',
  'hers',
  'ours',
  'theirs',
  'sometimes',
  'afterwards',
  'towards',
  'means',
  'was',
  'has',
  'does',
  'is',
  'this',
  'users',
  'sales',
  'operations',
  'services',
  'systems',
  'products',
  'employees',
  'customers',
  'members',
  'officials',
  'executives',
  'engineers',
  'analysts',
  'partners',
  'shares',
  'results',
  'records',
  'logs',
  'controls',
  'standards',
  'rules',
  'laws',
  'teams',
  'apps',
  'tools',
  'data',
]);

/** A lower-case verb in the present after a subject ("Acme stores", "the team watches"). */
export const PRESENT_AFTER_SUBJECT_WEIGHT = 0.6;

/** A lower-case -ed word: something happened (weak). */
export const PAST_WEIGHT = 0.4;
/** A second verb in the past ("led the case and coordinated it"): a little more of a narrative of acts. */
export const SECOND_PAST_WEIGHT = 0.2;
/** A reported statement whose speaker the sentence names ("Analysts said …"). */
export const ATTRIBUTED_WEIGHT = 0.4;
