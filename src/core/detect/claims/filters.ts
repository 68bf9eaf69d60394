// Sentences that are never claims whatever cues they hold: questions, calls to action,
// fragments too short to assert anything, and sentences that voice a feeling or a hope
// rather than assert. (Boilerplate and mid-sentence calls to action are `veto` cues in
// the lexicon, found in the same pass as the other cues.)
import { isDigitCode } from '../../catalog/tokens';
import { DATE_LINE, UPDATE_LABEL } from '../dates/dateLine';

const CALL_TO_ACTION_START =
  /^(?:please|kindly|click|tap|subscribe|sign\s+up|register\s+(?:now|here|today)|join\s+us|follow\s+us|contact\s+us|email\s+us|call\s+us|visit\s+(?:our|us|the)|learn\s+more|read\s+more|find\s+out\s+more|download\s+(?:the|our)|share\s+(?:this|on)|leave\s+a|don['’]t\s+(?:forget|miss|hesitate)|let\s+us\s+know|get\s+in\s+touch|check\s+out|stay\s+tuned|see\s+also|tell\s+us|reach\s+out|feel\s+free)\b/i;
/** A sentence that opens by voicing a feeling, a hope or thanks. */
const FEELING =
  /^["“]?(?:(?:and|but|so|again|finally|also),?\s+)?(?:(?:we|i)(?:\s+(?:are|am|were|was|remain|continue\s+to\s+be)|['’](?:re|m))?\s+(?:(?:so|very|really|truly|deeply|extremely|also|all|always|incredibly|particularly|especially|most|sincerely|genuinely|greatly|still)\s+)*(?:hope|hoping|hoped|appreciate|appreciated|love|loved|thank|thankful|grateful|regret|regrets|apologi[sz]e|apologi[sz]es|excited|thrilled|delighted|proud|happy|glad|pleased|honou?red|looking\s+forward|look\s+forward|wish|humbled|sorry|sad|saddened|disappointed|welcome|eager|optimistic|confident)|thank\s+you|thanks|congratulations|congrats)\b/i;

/** After a feeling, what follows these may still be a claim ("excited to share that we will"). */
const COMPLEMENT = /\b(?:that|to\s+(?:announce|share|report|confirm|say|introduce|unveil|launch|welcome|reveal))\b/gi;

export type Veto = 'question' | 'call-to-action' | 'too-short' | 'instruction' | 'lead-in' | 'chrome' | 'author-note';

/**
 * Verbs that, opening a sentence, make it an instruction to the reader ("Provide the
 * bridge letter.", "Call the help desk."): rarely nouns at a sentence start, unlike
 * "Review" or "Support".
 */
const INSTRUCTION =
  /^(?:provide|explain|describe|confirm|submit|clarify|specify|attach|send|identify|indicate|verify|contact|call|visit|click|download|install|enable|disable|configure|make\s+sure|remember|consider|avoid|check|try|see|read|learn|find|tell|ask|join|follow|sign|register|apply|refer|go|do\s+not|don['’]t|watch|beware|be\s+(?:cautious|careful|alert|wary|vigilant|on\s+the\s+lookout)|report\s+(?:any|suspicious|it|them|scams?|fraud|phishing)|keep\s+an\s+eye|(?:change|reset|update|monitor|freeze)\s+your)\b/i;
/**
 * Mitigations an advisory addresses to its reader ("Upgrade the appliances …", "Treat any
 * appliance exposed … as compromised") and a policy's rules ("Never run a payroll against a
 * real account.", "Email security@… or …"), only opening a sentence with a capital: in lower
 * case they go on from a lead-in ("failed to take the following measures: • rotate its keys").
 */
const MITIGATION =
  /^(?:Upgrade|Patch|Rotate|Rebuild|Restrict|Isolate|Harden|Revoke|Enforce|Prioriti[sz]e|(?:Treat|Exercise|Block|Separate|Segment|Require|Remove|Limit|Mail|File)\s+(?:your|all|any|every|each|the|it|them|these|those|a|an)|Never\s+(?!before\b)[a-z]+(?<![^s]s|ed)|Stop\s+as\s+soon\s+as|Email\s+(?:us\b|[\w.+-]+@))\b/;

/**
 * A sentence that ends in a colon introduces a list or a quotation ("As the company
 * explains:", "Redfern has told us it will:"); what it announces is in what follows.
 */
const LEAD_IN_END = /:["'”’)\]\s]*$/u;
/** Menu and cookie-bar items run into a sentence: "Accept all | Reject | Settings". */
const PIPES = /\s\|\s[^|]*\s\|\s/u;
/**
 * A legal notice's options, a label in capitals and what to do: "EXCLUDE YOURSELF — Get no
 * payment.", "OBJECT — Tell the Court …". Not a dateline ("WASHINGTON — The FTC said").
 */
const OPTION_LABEL =
  /^(?:\p{Lu}{2,}\s+){0,3}\p{Lu}{2,}\s*[—–-]\s*(?:Get|Tell|Ask|Submit|File|Send|Mail|Keep|Give|Remain|Stay|Do|Go|Write|Call|Receive)\b/u;
/** A footnote: "¹ ENISA, ETL methodology, version 2.1, 12.07.2026." */
const FOOTNOTE = /^[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]/;
/** A court case's caption: "In re Larkspur Diagnostics Data Security Incident Litigation, Case No. …". */
const CASE_CAPTION = /^In\s+re\s+\p{Lu}/u;
/**
 * A citation standing as a sentence: "Bell Atlantic Corp. v. Twombly, 550 U.S. 544, 570
 * (2007).", "Remijas v. Neiman Marcus Grp., LLC, 794 F.3d 688, 693 (7th Cir.", "815 ILCS 530/20.".
 */
const CITATION =
  /^(?:(?:see|cf\.)(?:,?\s+e\.g\.,?|\s+also)?\s+)?\p{Lu}[^;:]{0,80}?\sv\.\s+\p{Lu}[^;:]{0,80}?,\s+\d{1,4}\s+[\p{Lu}][\p{L}.\d ]{0,12}\s\d{1,5}\b|^\d{1,4}\s+[A-Z][A-Za-z.]{1,8}\s+\d[\d/.()a-z-]*\.?\s*$/u;
/**
 * A postal address standing as a sentence: "888 First Street, N.E.", "Av. Isidora
 * Goyenechea 3162, piso 9, Las Condes, Santiago, Chile." A number, a street word, and no
 * lower-case word of four letters or more but a floor's, which nearly every claim has.
 */
const ADDRESS_WORD =
  /\b(?:Street|St\.|Avenue|Ave\.|Av\.|Avenida|Road|Rd\.|Boulevard|Blvd\.|Lane|Drive|Plaza|Square|Suite|Floor|piso|P\.?\s?O\.?\s+Box|Rue|Straße|Strasse|Calle)(?![\p{L}])/u;
const LONG_LOWER_WORD = /(?<![\p{L}])(?!(?:piso|andar|floor|suite)(?![\p{L}]))\p{Ll}{4,}/u;
function isAddress(sentence: string): boolean {
  return /\d/.test(sentence) && ADDRESS_WORD.test(sentence) && !LONG_LOWER_WORD.test(sentence);
}
/** A question put as a heading, without its mark: "What changes on 1 January 2026", "What we still do not know". */
const QUESTION_HEADING = /^(?:What|How|Why|When|Where|Who|Which)\s[^.!?:;,\r\n]{0,70}$/;
/** A signature: "/s/ Rashida K. Bellweather, Senior Counsel". */
const SIGNATURE = /(?:^|\s)\/s\/\s/;
/** A place's opening hours: "City Hall hours: Monday–Friday, 8:30 a.m. – 4:30 p.m.". */
const PLACE_HOURS = /^(?:\p{Lu}[\p{L}’'-]*\s+){1,3}hours\s*:/u;

/** A letter's salutation: "Dear <<First Name>> <<Last Name>>,", "Dear Parents and Guardians,". */
const SALUTATION = /^(?:Dear|Hi|Hello)\s[^.!?\r\n]{0,80},\s*$/;
/** Someone's question reported: "Councilmember Haddad asked why the backups had not prevented the outage." */
const REPORTED_QUESTION =
  /^(?:\p{Lu}[\p{L}’'.-]*\s+){1,4}(?:\([^)\r\n]{1,40}\)\s+)?asked\s+(?:why|whether|if|how|when|what|who|which)\b(?![^,;]*,\s+and\s)/u;
/** A footer's or byline's links between middle dots: "© 2026 Acme · Privacy · Terms · Cookie settings". */
const MIDDLE_DOTS = /\s·\s[^·]*\s·\s/u;
/**
 * The page describing itself, naming its source, or a forum's furniture: "This post
 * explains what happened", "Source: status.example.com", "Mod note: …", a contact
 * block's labels ("Hours: Monday – Friday, 8:30 a.m. – 4:30 p.m.", "Phone: …"), and the
 * acknowledgement of country that Australian public bodies print on every page; and a
 * story's correction notice ("Correction, 22 January, 16:05: An earlier version …").
 */
const PAGE_NOTE =
  /^(?:(?:(?:office|opening|business|lobby)\s+)?hours|phone|tel(?:ephone)?|fax|e-?mail|address|location|deadlines?)\s*:|^(?:\[(?:photo|image|picture|video|graphic|chart|illustration)\b|(?:this|the\s+following)\s+(?:post|page|article|blog|update|document|notice|section|FAQ|guide)\s+(?:explains|describes|sets\s+out|outlines|summari[sz]es|covers|answers|lists|walks)\b|(?:sources?|via|mod(?:erator)?\s+note|editor['’]s\s+note)\s*:|(?:correction|clarification)\s*[,:(])/i;
/**
 * The document naming its own parts: "The table lists each country…", "The FISA rows below therefore cover…", "The following
 * disclosure is provided pursuant to Item 106", "Because …, this page sets out how we…";
 * and a definition of its own terms: "“Data produced” means …". (What a whole report covers,
 * "This report covers the work of the Office from April 1, 2025", is its scope: a claim.)
 */
const SELF_DESCRIPTION =
  /^(?:this\s+(?:section|page|table|chart|list|appendix|annex)|the\s+following\s+(?:report|disclosure|section|summary|overview|statement|page|document|table|chart|list|appendix|annex)|the\s+(?:[\p{L}\d-]+\s+)?(?:tables?|charts?|figures?|rows?|columns?|graph)\s+(?:below|above)|the\s+(?:table|chart|figure|graph))\s+(?:below\s+|above\s+)?(?:therefore\s+|also\s+|only\s+)?(?:covers?|lists?|shows?|sets\s+out|describes?|explains?|summari[sz]es?|includes?|contains?|presents?|gives?|breaks?\s+down|(?:is|are)\s+(?:provided|presented|given|made|organi[sz]ed))\b|^["“‘][^"”’\r\n]{1,40}["”’]\s+(?:means|refers\s+to|includes)\b/iu;
const SELF_DESCRIPTION_INSIDE =
  /,\s+this\s+(?:page|post|report|document|article|section)\s+(?:sets\s+out|explains|describes|outlines|summari[sz]es|covers)\b/i;
/** Tried only where "Traditional" occurs: it is the one phrase not anchored at the start, and every sentence passes here. */
const COUNTRY_ACKNOWLEDGEMENT = /\backnowledges?\s+the\s+Traditional\s+(?:Custodians|Owners)\b/i;
/**
 * A page's own date line: "Published Oct. 16, 2025, 5:42 p.m. ET | Updated …", "Last
 * reviewed: 2 March 2026", a report's "GAO-26-107342 Published: Sep 17, 2026.", "Publicly
 * Released: Sep 24, 2026.".
 */
const PAGE_DATE_LINE =
  /^(?:[|•·]\s*)?(?:[A-Z]{2,}[A-Z\d]*-[\d-]*\d\s+)?(?:(?:first|last|publicly)\s+)?(?:(?:published|updated|posted|reviewed|modified)(?:\s+(?:on|at))?:?|(?:released|issued)(?:\s+on|:))\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)/i;
/** An update's heading, a date and time alone: "Thursday, November 12, 4:15 p.m.", "12 November 2026, 09:30 GMT", "As at 30 June 2026.". */
const DATE_ONLY_LINE = new RegExp(
  `^${UPDATE_LABEL}(?:as\\s+(?:at|of)\\s+)?${DATE_LINE}(?:\\s*[–—-]\\s*\\d{1,2}[:.]\\d{2}\\s*(?:[ap]\\.?m\\.?)?)?[.:]?\\s*$`,
  'i',
);
/**
 * A linked headline that ends in its date instead of a full stop, as lists of related
 * stories print them: "… sign a cooperation protocol (02/10/2025)", "… for small
 * hospitals  Aug. 4, 2025", "… by Orchard Vine Retail (12 Jun 2026)", "Blog: … · 9 February 2026".
 */
const MONTH_NAME = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const LINK_DATE_END = new RegExp(
  '(?:' +
    [
      `\\((?:(?:updated|published|posted)\\s+)?\\d{1,2}\\s+${MONTH_NAME}\\s+\\d{4}\\)`,
      `\\s[·•|]\\s+(?:\\d{1,2}\\s+${MONTH_NAME}\\s+\\d{4}|${MONTH_NAME}\\s+\\d{1,2},\\s+\\d{4})`,
      `\\s[–—-]\\s+(?:(?:posted|published|updated)(?:\\s+on)?:?\\s+)?(?:\\d{1,2}\\s+${MONTH_NAME}\\s+\\d{4}|${MONTH_NAME}\\s+\\d{1,2},\\s+\\d{4})`,
      '\\(\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\)',
      `\\(${MONTH_NAME}\\s+(?:\\d{1,2},\\s+)?\\d{4}\\)`,
      `\\s{2,}${MONTH_NAME}\\s+\\d{1,2},\\s+\\d{4}`,
      `\\s{2,}\\d{1,2}\\s+${MONTH_NAME}\\s+\\d{4}`,
    ].join('|') +
    ')\\s*$',
  'i',
);
/**
 * A note about the author or the page itself: "Jane Doe covers security.", "John Roe is a
 * senior reporter at …", "Originally published on …".
 */
const AUTHOR_NOTE =
  /^(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}(?:covers|reports\s+on|writes\s+about|is\s+(?:a|an|the)\s+(?:(?:senior|staff|freelance|contributing|technology|security|cybersecurity|privacy|investigative|data|deputy|chief|managing|news|business|political|legal|health)\s+)*(?:reporter|writer|editor|correspondent|journalist|contributor|columnist|author))\b|^(?:originally|first)\s+(?:published|posted|appeared)\b|^(?:reposted|republished|reprinted)\s+(?:with|by|from|under)\b/u;

/** Words in a sentence below which it cannot be a claim. */
const MIN_WORDS = 3;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0;
}

function isClosing(c: number): boolean {
  // " ' ” ’ ) ] and spaces
  return c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0x29 || c === 0x5d || isSpace(c);
}

/** Ends with a question mark, possibly inside closing quotes or brackets. */
function isQuestion(s: string): boolean {
  let i = s.length - 1;
  while (i > 0 && isClosing(s.charCodeAt(i))) i--;
  return s.charCodeAt(i) === 0x3f;
}

function hasMinWords(s: string): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = isSpace(s.charCodeAt(i));
    if (!space && !inWord && ++words >= MIN_WORDS) return true;
    inWord = !space;
  }
  return false;
}

/**
 * A lead-in long enough to state something before its list: "On 23 September 2026, the
 * Privacy Commissioner served an enforcement notice on Kingsridge under section 50(1) of
 * the PDPO, directing it to …, including by:". Short ones ("Tamarack must:", "The
 * determination requires Brightgum to:") leave what they say to the items.
 */
const STATING_LEAD_IN_WORDS = 20;
function statesOnItsOwn(sentence: string): boolean {
  let words = 0;
  for (let i = 0; i < sentence.length; i++) if (sentence.charCodeAt(i) === 0x20 && ++words >= STATING_LEAD_IN_WORDS) return true;
  return false;
}

/** Why a sentence is not a claim whatever its cues, or undefined. */
export function vetoOf(sentence: string): Veto | undefined {
  if (isQuestion(sentence)) return 'question';
  if (!hasMinWords(sentence)) return 'too-short';
  if (CALL_TO_ACTION_START.test(sentence)) return 'call-to-action';
  if (INSTRUCTION.test(sentence) || MITIGATION.test(sentence)) return 'instruction';
  if (LEAD_IN_END.test(sentence.length > 8 ? sentence.slice(sentence.length - 8) : sentence) && !statesOnItsOwn(sentence)) return 'lead-in';
  // A row of a Markdown table starts and ends with a pipe; a footer's links only start with one.
  if ((sentence.charCodeAt(0) !== 0x7c || !sentence.trimEnd().endsWith('|')) && PIPES.test(sentence)) return 'chrome';
  if (MIDDLE_DOTS.test(sentence)) return 'chrome';
  if (OPTION_LABEL.test(sentence) || CASE_CAPTION.test(sentence) || FOOTNOTE.test(sentence)) return 'chrome';
  // Each tried only where the word it needs occurs: vetoOf reads every sentence.
  if ((sentence.includes(' v. ') || isDigitCode(sentence.charCodeAt(0))) && CITATION.test(sentence)) return 'chrome';
  if ((sentence.startsWith('Dear ') || sentence.startsWith('Hi ') || sentence.startsWith('Hello ')) && SALUTATION.test(sentence))
    return 'chrome';
  if (sentence.includes('hours') && PLACE_HOURS.test(sentence)) return 'author-note';
  if (isAddress(sentence) || (sentence.includes('/s/') && SIGNATURE.test(sentence))) return 'chrome';
  if (QUESTION_HEADING.test(sentence)) return 'chrome';
  if (sentence.includes(' asked ') && REPORTED_QUESTION.test(sentence)) return 'question';
  if (PAGE_NOTE.test(sentence) || (sentence.includes('Traditional') && COUNTRY_ACKNOWLEDGEMENT.test(sentence))) return 'author-note';
  if (SELF_DESCRIPTION.test(sentence) || SELF_DESCRIPTION_INSIDE.test(sentence)) return 'author-note';
  if (PAGE_DATE_LINE.test(sentence) || DATE_ONLY_LINE.test(sentence)) return 'chrome';
  if (LINK_DATE_END.test(sentence.length > 40 ? sentence.slice(sentence.length - 40) : sentence)) return 'chrome';
  if (AUTHOR_NOTE.test(sentence)) return 'author-note';
  if (sentence.includes('should') && RECOMMENDATION.test(sentence)) return 'instruction';
  return undefined;
}

/**
 * What someone ought to do, said in the writer's own voice: "EU member states should
 * enforce …", "Quillfield believes Congress should set …". A recommendation, not a
 * claim; unlike "should have" (a failing found), one reported ("the EDPB said the fine
 * should reflect …"), or an expectation ("letters should arrive by January 30").
 */
const RECOMMENDATION =
  /^(?!(?:\S+\s+){0,8}?(?:said|says|say|found|finds|concluded|concludes|ruled|ordered|told|stated|argued|argues|wrote|writes|added|warned|warns|noted|agreed|agrees|decided|decides|determined|determines)\b)(?:[\p{L}\p{N}’'.()-]+[^\S\r\n]+){1,8}?should[^\S\r\n]+(?!have\b|not[^\S\r\n]+have\b|never[^\S\r\n]+have\b|be[^\S\r\n]+(?:noted|aware)\b|(?:arrive|reach|resume|return|finish|last|appear)\b)\p{Ll}/u;

/**
 * A transcript's time stamp, speaker label and stage directions before what is said:
 * "[03:42] TEODORA: ", "[23:13] TEODORA: [pause] ", "DANA WHITLOCK: ", "A: ". The label
 * is no part of the claim (its figures are no figures), and what follows it is judged
 * as a sentence of its own.
 */
const SPEAKER_LABEL =
  /^(?:\[\d{1,2}(?::\d{2}){1,2}\][^\S\r\n]*)?(?:\p{Lu}[\p{Lu}'’.-]*(?:[^\S\r\n]+\p{Lu}[\p{Lu}'’.-]*){0,3}:[^\S\r\n]+)?(?:\[[\p{Ll} ]{2,24}\][^\S\r\n]*)*/u;

/** Where what a transcript's speaker says starts in `sentence` (0 without a label). */
export function afterSpeakerLabel(sentence: string): number {
  const c = sentence.charCodeAt(0);
  // Only a bracket or a capital can open a label, and a name's label has its colon early.
  if (c !== 0x5b && !(c >= 0x41 && c <= 0x5a)) return 0;
  if (c !== 0x5b) {
    const colon = sentence.indexOf(':', 1);
    if (colon < 0 || colon >= 48) return 0;
  }
  return SPEAKER_LABEL.exec(sentence)?.[0].length ?? 0;
}

/**
 * For a sentence that opens with a feeling, the offset from which cues still count (after
 * "that" / "to announce"), or the sentence length when nothing after it can be a claim;
 * 0 when the sentence does not open with a feeling.
 */
export function claimStartAfterFeeling(sentence: string): number {
  const f = FEELING.exec(sentence);
  if (f === null) return 0;
  COMPLEMENT.lastIndex = f[0].length;
  const c = COMPLEMENT.exec(sentence);
  return c === null ? sentence.length : c.index + c[0].length;
}
