// What a block's claims depend on beyond the block itself: the document's byline (who
// "we" is) and, for a bullet item, whether the text that introduces its list is about
// plans (so "Build best-in-class security infrastructure" is a commitment).

export interface Byline {
  author?: string;
  organisation?: string;
}

const BYLINE_LEAD = /^(?:by|written\s+by|posted\s+by|reporting\s+by|reported\s+by|story\s+by|words\s+by|text\s+by)\s+/i;
const BYLINE_PARTS = /\s*(?:[,|;]|\s[-–—]\s)\s*/;
/** Byline parts that describe the author's job, not the organisation. */
const NOT_ORGANISATION =
  /\b(?:writer|reporter|editor|correspondent|contributor|staff|columnist|desk|intern|freelance|senior|junior|author|guest|updated|published|posted)\b|\d|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/i;

/** A job title: "Head of Engineering at Tailspin" names the organisation after "at". */
const ROLE =
  /\b(?:head|chief|officer|director|manager|engineer|president|vp|lead|founder|co-founder|ceo|cto|ciso|cso|coo|cfo|architect|researcher|analyst|scientist|counsel|partner|principal|fellow|specialist|advocate|evangelist|strategist)\b/i;
const AT_ORGANISATION = /\s(?:at|@)\s+(\p{Lu}.*)$/u;

/** Author and organisation named by a byline block ("By V. Jay La Rosa, Global Security, TikTok"). */
export function parseByline(text: string): Byline {
  const parts = text
    .replace(BYLINE_LEAD, '')
    .split(BYLINE_PARTS)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const out: Byline = {};
  const author = parts[0];
  if (author !== undefined) out.author = author.replace(AT_ORGANISATION, '').trim();
  for (const part of parts.length >= 2 ? parts.slice(1).reverse() : parts) {
    const at = AT_ORGANISATION.exec(part);
    if (at !== null) {
      out.organisation = (at[1] as string).trim();
      break;
    }
  }
  const last = parts[parts.length - 1];
  if (
    out.organisation === undefined &&
    parts.length >= 2 &&
    last !== undefined &&
    /^\p{Lu}/u.test(last) &&
    !NOT_ORGANISATION.test(last) &&
    !ROLE.test(last)
  ) {
    out.organisation = last;
  }
  return out;
}

const PLAN_CONTEXT =
  /\b(?:roadmap|road\s+map|plans?|planned|planning|goals?|targets?|priorit(?:y|ies)|commitments?|pillars?|objectives?|initiatives?|next\s+steps|going\s+forward|looking\s+ahead|(?:the\s+)?(?:year|months)\s+ahead|focus\s+areas?|focus\s+(?:for|in)\b|areas\s+of\s+focus|strateg(?:y|ies)|agenda|milestones?|action\s+items?|required\s+actions?|actions?\s+required|(?:corrective|remedial)\s+(?:actions?|measures)|will|we['’]ll|intend|aim|pledges?|promises?)\b/i;

/** Whether the text introducing a list says the list is about plans. */
export function introducesPlans(text: string): boolean {
  return PLAN_CONTEXT.test(text);
}

/**
 * A lead-in whose sentence each item of the list completes with a verb: "Redfern has told
 * us it will:", "In 2026, we will:", "The company agreed to:".
 */
// "Under the order, Tavora will be:" then "• required to…", "• prohibited from…".
const MODAL_LEAD_IN =
  /\b(?:(?:will|shall|would)(?:\s+also)?\s+be|will|shall|must|would|(?:agreed|agrees|commits?|committed|undertakes?|undertook|pledged?|promised?|plans?|intends?|(?:is|are)\s+(?:required|expected|going))\s+to)\s*:["'”’)\]\s]*$/i;

/**
 * A lead-in ending in "to:" whose sentence commits someone or puts them under an order
 * ("will be required to:", "The determination requires Brightgum to:", "agreed to a
 * series of undertakings, including to:", "directed the firm to, within 60 days:"),
 * unlike "the company failed to:".
 */
// The colon may be left out: "BaFin has ordered the bank to" above numbered items.
const TO_LEAD_IN = /\b(?:to|including\s+by)(?:,[^,:\r\n]{1,80},?)?\s*:?["'”’)\]\s]*$/i;
const COMMITTING =
  /\b(?:will|shall|must|agreed|agrees|undertook|undertaken|undertakes|undertakings?|committed|commits|pledged|promised|expects?|requires?|requiring|orders?|ordered|ordering|directs?|directed|directing|instructs?|instructed|instructing|obliges?|(?:is|are|be|been|being|was|were)\s+(?:required|obliged|obligated|ordered|directed|expected))\b/i;

/** A list of links: "Related", "Related posts", "Read more", "More from …", "See also". */
const LINKS_HEADING =
  /^\s*(?:related(?:\s+[\p{L}-]+){0,2}|(?:useful|quick|other|external)\s+links|(?:more\s+|other\s+|additional\s+)?resources|downloads|read\s+(?:more|next|also)|more\s+(?:from|on|in|stories|news|coverage)\b.*|further\s+reading|see\s+also|recommended(?:\s+for\s+you)?|popular|most\s+(?:read|popular)|you\s+may\s+also\s+like|also\s+read)\s*:?\s*$/iu;
/** The writer's own forecasts: "My predictions, for the record:", "What I expect:". */
const PREDICTIONS_LEAD_IN = /\b(?:predictions?|predict|forecasts?|my\s+bets?|guesses|what\s+I\s+expect|I\s+expect)\b[^:]*:["'”’)\]\s]*$/i;

/**
 * Advice to the reader: "OCR recommends that covered entities take the following steps:",
 * "We urge customers to:". Not when someone takes the advice on ("agreed to implement the
 * following recommendations:").
 */
const ADVICE_LEAD_IN =
  /\b(?:recommends?|recommended|recommending|recommendations|urges?|urged|urging|encourages?|encouraged|encouraging|advises?|advised|advising|suggests?|tips|best\s+practices)\b[^:]*:["'”’)\]\s]*$/i;

/**
 * A regulator's recommendations to the organisation it investigated, named: "We
 * recommended that Kestrelmoor:". Unlike advice to readers ("OCR recommends that
 * covered entities:"), each item is what that organisation is to do, which a report of
 * findings holds it to.
 */
// "recommended that the custodians and the Clinic:" names whom, in a few words.
const RECOMMENDED_TO_LEAD_IN = /\brecommended\s+that\s+(?:[\p{L}’'&.-]+\s+){0,6}?[\p{L}’'&.-]+\s*:["'”’)\]\s]*$/u;

/** Whether the items of a list under this block are no claims: links to other pages, the writer's own forecasts, advice. */
export function introducesNoClaims(text: string): boolean {
  const end = text.length > 160 ? text.slice(text.length - 160) : text;
  if (LINKS_HEADING.test(text) || PREDICTIONS_LEAD_IN.test(end)) return true;
  return ADVICE_LEAD_IN.test(end) && !COMMITTING.test(end) && !RECOMMENDED_TO_LEAD_IN.test(end);
}

/**
 * The terms of a settlement or order, item by item: "Under the proposed settlement:" then
 * "• class members could claim up to $6,000 each;".
 */
const TERMS_LEAD_IN =
  /\b(?:under|as\s+part\s+of)\s+(?:the|its|their|this|that)\s+(?:proposed\s+|final\s+|revised\s+|tentative\s+|preliminary\s+)?(?:settlement|order|consent\s+(?:order|decree|agreement)|decree|agreement|deal|undertakings?|terms)(?:\s+(?:terms|agreement))?(?:,[^:,]{0,60})?\s*:["'”’)\]\s]*$/i;

/**
 * A lead-in whose items each complete a finding or an allegation about its subject: "Our
 * investigation found that Kestrelmoor:", "The states allege that Halverdale:", "We found
 * that … In particular, the company:". Each item ("• had no process for …;") is what the
 * regulator says was so.
 */
const FINDING_VERBS = 'found|finds|concluded|concludes|determined|determines|alleges?|alleged|established|establishes';
const FINDINGS_LEAD_IN = new RegExp(
  `\\b(?:${FINDING_VERBS})\\b[^:]{0,200}:["'”’)\\]\\s]*$|\\b(?:in\\s+particular|specifically|among\\s+other\\s+things),?\\s+(?:the\\s+)?[\\p{L}’'&.-]+(?:\\s+[\\p{L}’'&.-]+){0,3}\\s*:["'”’)\\]\\s]*$`,
  'iu',
);
const FINDING_VERB = new RegExp(`\\b(?:${FINDING_VERBS})\\b`, 'i');

/** Whether a list's lead-in makes each item a finding about its subject (see FINDINGS_LEAD_IN). */
export function leadsIntoFindings(text: string): boolean {
  const end = text.length > 240 ? text.slice(text.length - 240) : text;
  const m = FINDINGS_LEAD_IN.exec(end);
  if (m === null) return false;
  // "In particular, the company:" reports a finding only after one.
  return FINDING_VERB.test(m[0]) || FINDING_VERB.test(end);
}

/**
 * Measures named as what follows, in a sentence that imposes them: "Garam Lab must carry
 * out the following corrective orders:", "The Commission ordered the following measures:".
 */
const FOLLOWING_LEAD_IN =
  /\bthe\s+following\s+(?:[\p{L}-]+\s+){0,2}?(?:orders?|measures|actions|steps|obligations|conditions|requirements|remedies|undertakings|commitments)\s*:["'”’)\]\s]*$/iu;

/** Plans named as what follows: "The Board has approved the following objectives for the coming year:". */
const PLANS_LEAD_IN =
  /\bthe\s+following\s+(?:[\p{L}-]+\s+){0,2}?(?:objectives|goals|targets|priorities|plans)\b[^:.;]{0,60}:["'”’)\]\s]*$/iu;

/**
 * A lead-in that leaves each item to say what its subject does or does not do: "We do:",
 * "We do not:", "Brindle never:", "The vendor did not:". Trust pages and FAQs list their
 * practices so.
 */
const STATEMENT_LEAD_IN =
  /(?:^|[^\p{L}])(?:[Ww]e|[Ii]t|[Tt]hey|[Tt]he\s+\p{Ll}+|\p{Lu}[\p{L}&.-]+)\s+(?:(?:also|always|currently)\s+)?(do|does|did|do\s+not|does\s+not|did\s+not|don[’']t|doesn[’']t|didn[’']t|never)\s*:["'”’)\]\s]*$/u;

/** What the items under a statement lead-in (STATEMENT_LEAD_IN) say: a practice or its denial. */
export function statementLeadIn(text: string): 'assertion' | 'denial' | undefined {
  const end = text.length > 80 ? text.slice(text.length - 80) : text;
  const m = STATEMENT_LEAD_IN.exec(end);
  if (m === null) return undefined;
  return /not|n[’']t|never/i.test(m[1] ?? '') ? 'denial' : 'assertion';
}

/** Whether a list's lead-in leaves each item to say what will be done. */
export function leadsIntoCommitments(text: string): boolean {
  const end = text.length > 80 ? text.slice(text.length - 80) : text;
  if (MODAL_LEAD_IN.test(end) || TERMS_LEAD_IN.test(end) || RECOMMENDED_TO_LEAD_IN.test(end)) return true;
  if (PLANS_LEAD_IN.test(text.length > 160 ? text.slice(text.length - 160) : text)) return true;
  if (FOLLOWING_LEAD_IN.test(end)) return COMMITTING.test(leadInSentence(text));
  if (!TO_LEAD_IN.test(end)) return false;
  // The committing words of the lead-in's own sentence.
  return COMMITTING.test(leadInSentence(text));
}

/** The lead-in's own sentence: its last, at most 240 characters back. */
function leadInSentence(text: string): string {
  // The last sentence's end is a stop before a capital: "Boutiques Marelle inc. to:" is one sentence.
  const from = Math.max(0, text.length - 240);
  let start = from;
  SENTENCE_END.lastIndex = from;
  for (let m = SENTENCE_END.exec(text); m !== null && m.index < text.length - 2; m = SENTENCE_END.exec(text)) start = m.index + 1;
  return text.slice(start);
}
const SENTENCE_END = /[.!?][”’"')\]]*\s+(?=[\p{Lu}“"‘([])/gu;

const LOWER_START = /^\p{Ll}/u;

/** Whether a bullet item goes on from its lead-in ("delete the records within 30 days;"). */
export function continuesLeadIn(sentence: string): boolean {
  return LOWER_START.test(sentence) || isImperative(sentence) || DEADLINE_THEN_VERB.test(sentence);
}

/** Whether a plan's item says what to do: "Build …", or its deadline first, then the verb ("By November 19, identify …"). */
export function isPlanAction(sentence: string): boolean {
  return isImperative(sentence) || DEADLINE_THEN_VERB.test(sentence);
}

const HYPHENATED_FIRST_WORD = /^\p{L}+(?:-\p{L}+)?/u;

/** An item that goes on from its heading with a verb: "• reach Maturity Level Two by June 2027;", not "• review of access". */
export function lowerCaseAction(sentence: string): boolean {
  const m = HYPHENATED_FIRST_WORD.exec(sentence);
  return m !== null && LOWER_START.test(m[0]) && IMPERATIVE_VERBS.has(m[0]) && !/^\s+of\b/.test(sentence.slice(m.index + m[0].length));
}

/**
 * An item that opens with its deadline, then goes on as the lead-in left it: "Within 60
 * days of the date of this decision, send …", "By 11:59 p.m. EST on Thursday, November 19,
 * 2026, identify …" (a time's colon is part of the deadline).
 */
const DEADLINE_THEN_VERB = /^(?:within|by|no\s+later\s+than|before|on\s+or\s+before)\s(?:[^;:]|:(?=\d)){1,80}?,\s+\p{Ll}/iu;

/** Verbs that open an imperative plan item ("Build …", "Expand …"). */
const IMPERATIVE_VERBS = new Set([
  'build',
  'reach',
  'finish',
  're-test',
  'retest',
  'create',
  'develop',
  'expand',
  'hire',
  'recruit',
  'launch',
  'open',
  'release',
  'partner',
  'champion',
  'invest',
  'improve',
  'increase',
  'reduce',
  'strengthen',
  'establish',
  'implement',
  'deploy',
  'introduce',
  'provide',
  'publish',
  'ensure',
  'enhance',
  'protect',
  'secure',
  'support',
  'make',
  'offer',
  'continue',
  'deliver',
  'conduct',
  'complete',
  'adopt',
  'achieve',
  'bring',
  'add',
  'grow',
  'train',
  'test',
  'validate',
  'audit',
  'review',
  'share',
  'engage',
  'collaborate',
  'commit',
  'remove',
  'migrate',
  'move',
  'store',
  'encrypt',
  'limit',
  'restrict',
  'require',
  'appoint',
  'form',
  'set',
  'roll',
  'upgrade',
  'update',
  'extend',
  'accelerate',
  'prioritize',
  'prioritise',
  'double',
  'triple',
  'cut',
  'eliminate',
  'give',
  'help',
  'empower',
  'enable',
  'maintain',
  'modernize',
  'modernise',
  'simplify',
  'streamline',
  'standardize',
  'standardise',
  'certify',
  'obtain',
  'pursue',
  'join',
  'lead',
  'drive',
  'foster',
  'promote',
  'advance',
  'deepen',
  'broaden',
  'design',
  'host',
  'fund',
  'localize',
  'localise',
  'isolate',
  'separate',
  'minimize',
  'minimise',
  'expand',
  'scale',
  'stand',
  'work',
  'keep',
  'invite',
  'welcome',
  'consolidate',
  'retire',
  'replace',
  'close',
  'fix',
  'put',
  'post',
  'lower',
  'raise',
  // The measures an order or settlement requires ("• Centralize its logs …").
  'stop',
  'cease',
  'refrain',
  'pay',
  'comply',
  'centralize',
  'centralise',
  'delete',
  'destroy',
  'purge',
  'monitor',
  'notify',
  'designate',
  'submit',
  'segment',
  'patch',
  'document',
  'retain',
  'rotate',
  'revise',
  'assess',
  'evaluate',
  'investigate',
  'inventory',
  'tighten',
  'harden',
  'disable',
  'enforce',
]);

const FIRST_WORD = /^[\p{L}]+/u;

/** Whether a bullet item opens with an imperative verb. */
export function isImperative(sentence: string): boolean {
  const m = FIRST_WORD.exec(sentence);
  return m !== null && IMPERATIVE_VERBS.has(m[0].toLowerCase()) && m[0].charAt(0) === m[0].charAt(0).toUpperCase();
}
