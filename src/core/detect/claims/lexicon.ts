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
   * `#year` for 1900–2099.
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
}

const A = `['’]`;
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
];
const CHANGE_VERB_PATTERN = CHANGE_VERBS.map((v) => {
  switch (v) {
    case 'rolling':
      return 'rolling\\s+out';
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

/** "May" at a sentence start is the modal; mid-sentence and capitalised, the month. */
function acceptHedge(m: RegExpExecArray): boolean {
  return m[0] !== 'May' || m.index === 0;
}

type Options = Partial<Pick<CueRule, 'accept' | 'shown' | 'secondWeight' | 'habitual' | 'report' | 'needs'>>;

function rule(re: RegExp, role: CueRole, weight: number, triggers: string, options: Options = {}): CueRule {
  return { re, role, weight, triggers: triggers.split(/\s+/).filter((t) => t !== ''), shown: true, ...options };
}

const HABIT = /\b(?:always|constantly|continuously|continually|routinely|regularly)\s/i;

/** Phrase cues, tried in this order; each rule adds its weight once per sentence. */
export const CUE_RULES: readonly CueRule[] = [
  // Commitments: promises, plans, goals, work under way.
  rule(
    new RegExp(
      `(?<!\\b(?:free|political|good|ill|own|the|a|at|his|her|their|its|our)\\s)\\b(?:will|shall|${A}ll)\\s+(?:not\\s+|never\\s+)?${ADVERBS}[a-z]+`,
      'gi',
    ),
    'commitment',
    1.5,
    'will shall ll',
  ),
  rule(
    /\b(?:goal|goals|aim|objective|objectives|mission|plan|intention|priority|priorities|ambition|target|commitment|focus)\s+(?:is|are|was|remains|will\s+be)\s+(?:to|that|on)\b/gi,
    'commitment',
    1.5,
    'goal goals aim objective objectives mission plan intention priority priorities ambition target commitment focus',
  ),
  rule(
    /\b(?:plans?|planning|planned|intends?|intending|intended|aims?|aiming|expects?|expecting|pledged?|pledges|pledging|promised?|promises|promising|vow(?:s|ed)?|commits?|going|set|seeks?|seeking|prepared|preparing|strives?|striving|trying|tries|continues|continue|continuing|scheduled|poised|on\s+track|determined|working|working\s+hard|work)\s+(?:["“]\s*)?to\s+(?!be\s+(?:a|an|the)\b)[a-z]+/gi,
    'commitment',
    1.5,
    'plan plans planning planned intend intends intending intended aim aims aiming expect expects expecting pledge pledged pledges pledging promise promised promises promising vow vows vowed commit commits going set seek seeks seeking prepared preparing strive strives striving trying tries continue continues continuing scheduled poised track determined working work',
    {
      habitual:
        /\b(?:always|constantly|continuously|continually|routinely|regularly)\s+(?:working|work|trying|striving)\b|(?:^|\s)work\s+to\b/i,
    },
  ),
  rule(/\b(?:committed|commitment|dedicated|devoted)\s+to\b/gi, 'commitment', 1.5, 'committed commitment dedicated devoted'),
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
  rule(new RegExp(`\\b(?:did|does|do|has|have|had)\\s*(?:not|n${A}t)\\b`, 'gi'), 'denial', 1.2, 'not t'),
  rule(/\bnever\b/gi, 'denial', 1.2, 'never'),
  rule(
    /\bno\s+(?:[a-z]+\s+){0,3}ever\b|\bnot\s+ever\b|\bno\s+(?:[a-z]+\s+)?(?:evidence|risk|risks|indication|sign|signs|proof|access|data|information|intention|intent|plans?|record|records|link|links|connection|basis|truth|merit|role|involvement|knowledge|reason|breach|breaches|incident|incidents|impact|threat|threats|way|longer|one|user|personal|such|instance|instances|compromise|exposure|misuse|request|requests)\b/gi,
    'denial',
    1.2,
    'no not',
  ),
  rule(/\bno\s+(?!doubt\b|matter\b|wonder\b|surprise\b)[a-z]{3,}/gi, 'denial', 0.8, 'no'),
  rule(
    /\b(?:denied|denies|deny|denying|refuted|refutes|rebutted|disputed|disputes|not\s+true|untrue|false|baseless|unfounded|groundless)\b/gi,
    'denial',
    1.0,
    'denied denies deny denying refuted refutes rebutted disputed disputes true untrue false baseless unfounded groundless',
  ),
  rule(new RegExp(`\\b(?:(?:is|are|was|were)\\s+not|(?:isn|aren|wasn|weren)${A}t)\\b`, 'gi'), 'denial', 0.8, 'not t'),
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
      `\\b(?:best[- ]in[- ]class|industry[- ]leading|industry[- ]first|world[- ]class|market[- ]leading|first[- ]of[- ]its[- ]kind|world${A}s\\s+(?:top|best|largest|leading|first|biggest|most|only|fastest|safest|strongest)|among\\s+the\\s+(?:most|least|best|largest|biggest|first|leading|few|top|[a-z]+est)\\b|one\\s+of\\s+the\\s+(?:most|least|best|largest|biggest|first|leading|few|only|top|[a-z]+est)\\b|beyond\\s+what|more\\s+than\\s+(?:any|most|many|our|other|its|their)\\b|unlike\\s+(?:many|most|other|our|its|their|some|competitors|rivals|peers)\\b|(?:compared|relative)\\s+(?:to|with)|ahead\\s+of\\s+(?:our|its|their|the)?\\s*(?:peers|competitors|rivals|industry|competition)|outperform\\w*|outpac\\w*|unmatched|unparalleled|unrivall?ed|second\\s+to\\s+none|(?:market|industry|global|world)\\s+leader)`,
      'gi',
    ),
    'comparison',
    1.3,
    'best industry world market first among one beyond more unlike compared relative ahead outperform outperforms outperformed outperforming outpace outpaces outpaced outpacing unmatched unparalleled unrivaled unrivalled second leader',
  ),
  rule(
    /\b(?:better|faster|safer|stronger|cheaper|larger|bigger|greater|higher|lower|smaller|earlier|fewer|more\s+[a-z]+|less\s+[a-z]+)\s+than\s+(?!\d|ever\b|before\b)/gi,
    'comparison',
    1.0,
    'than',
  ),
  rule(
    /\bthe\s+(?:first|only)\s+(?:[a-z-]+\s+){0,3}(?:company|companies|platform|app|provider|firm|vendor|service|organi[sz]ation|business|bank|carrier|operator|maker|manufacturer|country|one\s+to)\b/gi,
    'comparison',
    1.3,
    'first only',
  ),
  rule(/\bthe\s+best\b/gi, 'comparison', 1.0, 'best', { accept: acceptBest }),
  rule(
    /\bthe\s+(?:most|least)\s+[a-z]+|\bthe\s+(?:largest|biggest|strongest|fastest|highest|lowest|safest|greatest|smallest|oldest|newest|cheapest|widest|deepest|longest|strictest|toughest|leading)\b/gi,
    'comparison',
    0.8,
    'most least largest biggest strongest fastest highest lowest safest greatest smallest oldest newest cheapest widest deepest longest strictest toughest leading',
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
    /\b(?:according\s+to|in\s+accordance\s+with\s+(?:the|a|its)\s+(?:letter|report|statement|filing)|said|says|stated|told|tells|announced|announces|reported|confirmed|confirms|claimed|explained|explains|noted|wrote|writes|acknowledged|acknowledges|admitted|recogni[sz]ed|disclosed|discloses|revealed|reveals|outlined|informed|remarked|testified|argued|insisted|warned|alleged|asserted|declared|emphasi[sz]ed|stressed|indicated|showed|shows|found|estimated|published|seen\s+by|obtained\s+by|reviewed\s+by|states)\b/gi,
    'assertion',
    0.8,
    'according accordance said says stated told tells announced announces reported confirmed confirms claimed explained explains noted wrote writes acknowledged acknowledges admitted recognised recognized disclosed discloses revealed reveals outlined informed remarked testified argued insisted warned alleged asserted declared emphasised emphasized stressed indicated showed shows found estimated published seen obtained reviewed states',
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
      `\\b(?:(?:last|this|past|previous|earlier\\s+this|over\\s+the\\s+(?:past|last)(?:\\s+(?:${NUMBER_WORDS}|\\d+))?|in\\s+the\\s+(?:past|last)(?:\\s+(?:${NUMBER_WORDS}|\\d+))?)\\s+(?:${TIME_UNITS}|summer|winter|spring|fall|autumn)|(?:\\d+|${NUMBER_WORDS})\\s+(?:${TIME_UNITS})\\s+(?:ago|after|before|later|earlier)|in\\s+the\\s+(?:${TIME_UNITS})\\s+since|yesterday|today|recently|earlier\\s+(?:this|that)\\s+(?:${TIME_UNITS})|since\\s+(?:then|launch|its\\s+launch))\\b`,
      'gi',
    ),
    'assertion',
    1.0,
    `${TIME_UNIT_WORDS} summer winter spring fall autumn yesterday today recently since`,
  ),
  rule(
    /(?:\b\d[\d,.]*\b(?!\s*(?:am|pm|a\.m|p\.m)\b)|%|\b(?:hundreds?|thousands?|millions?|billions?|trillions?|dozens?|percent|per\s+cent)\b)/gi,
    'assertion',
    0.8,
    '#digit % hundred hundreds thousand thousands million millions billion billions trillion trillions dozen dozens percent cent',
    { accept: (m) => !/^(?:19|20)\d{2}$/.test(m[0]) },
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

  // A sentence that ends in a colon introduces a list or a quotation; what it says is there.
  rule(/:\s*$/g, 'opinion', -0.8, ':', { shown: false }),

  // Opinions and feelings count against.
  rule(
    /\b(?:great|amazing|awesome|wonderful|fantastic|terrible|horrible|awful|fun|funny|joy|joyful|happy|sad|lovely|beautiful|incredible|cool|nice|good\s+news|better\s+for\s+everyone|i\s+think|in\s+my\s+opinion|personally|hopefully|unfortunately|fortunately|sadly|luckily|favou?rite)\b/g,
    'opinion',
    -1.0,
    'great amazing awesome wonderful fantastic terrible horrible awful fun funny joy joyful happy sad lovely beautiful incredible cool nice news everyone think opinion personally hopefully unfortunately fortunately sadly luckily favorite favourite',
  ),

  // Contact details (a phone number) and press-release disclaimers.
  rule(
    /(?:\+\d{1,3}[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\bundertakes?\s+no\s+(?:obligation|duty)|\bforward-looking\s+statements?\b|\bsafe\s+harbou?r\b/gi,
    'veto',
    0,
    '#digit undertake undertakes forward safe',
  ),
  // Web boilerplate and calls to action anywhere in the sentence.
  rule(
    /\b(?:your\s+email\s+address\s+will\s+not\s+be\s+published|required\s+fields\s+are\s+marked|all\s+rights\s+reserved|this\s+(?:site|website)\s+uses\s+cookies|we\s+use\s+cookies|by\s+continuing\s+to\s+(?:browse|use)|subscribe\s+to\s+(?:our|the)\s+newsletter|sign\s+up\s+for\s+(?:our|the)\s+newsletter|(?:previous|next)\s+(?:post|article|story)|posted\s+in|filed\s+under|save\s+my\s+name|notify\s+me\s+of|(?:writing|reporting|editing|additional\s+reporting)\s+by|related\s+(?:articles|posts|stories)|read\s+more|advertisement|sponsored\s+content|skip\s+to\s+(?:main\s+)?content|opens\s+in\s+a\s+new\s+(?:tab|window)|log\s+in\s+to\s+(?:reply|comment)|comments?\s+are\s+closed|copyright\s+(?:\(c\)|\d{4}))\b|©/gi,
    'veto',
    0,
    'email required rights site website cookies continuing subscribe sign previous next posted filed save notify writing reporting editing related read advertisement sponsored skip opens log comment comments copyright ©',
  ),
  rule(
    /\b(?:please|let\s+us\s+know|feel\s+free\s+to|don['’]t\s+hesitate|reach\s+out\s+to\s+us|contact\s+us\s+at|click\s+here|sign\s+up\s+(?:here|now|today|for\s+our))\b/gi,
    'veto',
    0,
    'please let feel hesitate reach contact click sign',
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
/** A reported statement whose speaker the sentence names ("Analysts said …"). */
export const ATTRIBUTED_WEIGHT = 0.4;
