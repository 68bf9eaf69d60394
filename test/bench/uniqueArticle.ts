// Generated article-like text in which no sentence occurs twice, for benchmarks that must
// not be flattered by caches. article.ts draws every sentence from a dozen templates, so
// 10 MB of it holds about 1,400 distinct sentences and the claims detector, which
// analyses each distinct sentence once per pass, mostly looks its answers up. Here each
// article is assembled from a few hundred slot fillers (organisations, people, places,
// numbers, full and relative dates, controls, topics) in some forty sentence shapes with
// optional clauses, and a sentence already written is drawn again, so every sentence is
// new. Articles have what real ones have: a headline, a byline or a dateline, paragraphs
// of uneven length, now and then a list introduced by a colon or a Markdown heading.
// Seeded, so every run measures the same text.
import { seededRandom } from './article';

const ORG_HEADS = [
  'Nor',
  'Har',
  'Cal',
  'Bri',
  'Mer',
  'Orb',
  'Vex',
  'Tal',
  'Lum',
  'Quin',
  'Sab',
  'Ash',
  'Cor',
  'Del',
  'Fen',
  'Gla',
  'Hel',
  'Ira',
  'Jun',
  'Kel',
  'Mor',
  'Pel',
  'Ros',
  'Sil',
  'Tor',
  'Ves',
  'Wyn',
  'Zan',
];
const ORG_TAILS = ['wind', 'bor', 'loway', 'tel', 'ion', 'ex', 'ara', 'ith', 'ora', 'anth', 'eco', 'ova', 'umbra', 'ford'];
const ORG_KINDS = [
  'Systems',
  'Health',
  'Cloud',
  'Telecom',
  'Labs',
  'Bank',
  'Logistics',
  'Media',
  'Energy',
  'Analytics',
  'Insurance',
  'Payments',
  'Networks',
  'Pharma',
  'Retail',
  'Software',
];
const FIRST = [
  'Dana',
  'Samuel',
  'Priya',
  'Lena',
  'Tomasz',
  'Amara',
  'Jonas',
  'Mei',
  'Rafael',
  'Ingrid',
  'Kwame',
  'Sofia',
  'Hiro',
  'Elena',
  'Marcus',
  'Aisha',
  'Pieter',
  'Lucia',
  'Omar',
  'Greta',
  'Nikhil',
  'Chloe',
  'Mateo',
  'Yara',
  'Felix',
  'Noor',
  'Anton',
  'Ruth',
];
const LAST = [
  'Whitfield',
  'Ortiz',
  'Raman',
  'Vogel',
  'Nowak',
  'Okafor',
  'Lindqvist',
  'Chen',
  'Moreau',
  'Haugen',
  'Mensah',
  'Rossi',
  'Tanaka',
  'Petrova',
  'Keller',
  'Haddad',
  'de Vries',
  'Castillo',
  'Farouk',
  'Brandt',
  'Iyer',
  'Dubois',
  'Alvarez',
  'Nasser',
];
const ROLES = [
  'chief security officer',
  'head of privacy',
  'general counsel',
  'chief executive',
  'a company spokesperson',
  'the director of compliance',
  'vice president of engineering',
  'an analyst at the firm',
  'the data protection officer',
  'chief information officer',
  'head of trust and safety',
  'a senior researcher',
];
const CITIES = [
  'WASHINGTON',
  'LONDON',
  'BERLIN',
  'SINGAPORE',
  'TORONTO',
  'DUBLIN',
  'SAN FRANCISCO',
  'NEW YORK',
  'PARIS',
  'SYDNEY',
  'TOKYO',
  'AMSTERDAM',
  'BRUSSELS',
  'STOCKHOLM',
];
const CONTROLS = [
  'ISO/IEC 27001:2022',
  'ISO 27001',
  'ISO/IEC 27701',
  'SOC 2 Type II',
  'SOC 2',
  'NIST CSF 2.0',
  'NIST SP 800-53',
  'GDPR',
  'HIPAA',
  'PCI DSS',
  'FedRAMP Moderate',
  'FedRAMP High',
  'the EU-US Data Privacy Framework',
  'CSA STAR',
  'the CCPA',
  'CMMC Level 2',
  'the NIS2 Directive',
  'DORA',
  'HITRUST',
  'Cyber Essentials Plus',
];
const ADJECTIVES = [
  'sensitive',
  'regional',
  'archived',
  'encrypted',
  'customer',
  'employee',
  'third-party',
  'legacy',
  'financial',
  'clinical',
  'internal',
  'biometric',
  'anonymised',
  'cross-border',
  'backup',
  'marketing',
  'payment',
  'location',
  'telemetry',
  'support',
];
const NOUNS = [
  'records',
  'access logs',
  'encryption keys',
  'vendor contracts',
  'incident reports',
  'training materials',
  'audit findings',
  'data centres',
  'user accounts',
  'support tickets',
  'source code',
  'medical files',
  'transaction data',
  'device identifiers',
  'cloud workloads',
  'email archives',
  'research datasets',
  'billing systems',
  'network segments',
  'service credentials',
];
const VERBS_DONE = [
  'completed',
  'began',
  'expanded',
  'paused',
  'announced',
  'finished',
  'published',
  'launched',
  'reviewed',
  'scaled back',
  'accelerated',
  'outsourced',
];
const VERBS_WILL = ['publish', 'complete', 'expand', 'audit', 'migrate', 'retire', 'encrypt', 'review', 'consolidate', 'isolate'];
const PROGRAMMES = [
  'audit',
  'certification',
  'migration',
  'review',
  'assessment',
  'rollout',
  'remediation plan',
  'bug bounty',
  'pilot',
  'investigation',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const RELATIVE = [
  'last month',
  'earlier this year',
  'last year',
  'in the coming months',
  'by the end of the year',
  'next quarter',
  'last week',
  'two years ago',
  'over the past decade',
  'this spring',
  'in recent weeks',
  'on Thursday',
  'on Monday',
  'later this year',
];
const ASIDES = [
  'people familiar with the matter said',
  'according to a filing seen by reporters',
  'the company said in a statement',
  'two former employees said',
  'a regulator confirmed',
  'records show',
  'officials said',
  'the report found',
];
const FILLER_OPENINGS = [
  'The weather in',
  'Traffic around',
  'The mood in',
  'Attendance at the briefing in',
  'Coffee queues in',
  'The lobby of the office in',
];
const FILLER_ENDINGS = [
  'was calm before the announcement',
  'thinned out by mid-afternoon',
  'stayed quiet for most of the day',
  'picked up after lunch',
  'was the subject of jokes among the staff',
  'hardly changed during the week',
];

type Random = () => number;

/** Draws from the seeded generator: integers, picks, and the slot fillers built from them. */
class Draw {
  constructor(private readonly random: Random) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.random() * xs.length)] as T;
  }
  org(): string {
    return `${this.pick(ORG_HEADS)}${this.pick(ORG_TAILS)} ${this.pick(ORG_KINDS)}`;
  }
  person(): string {
    return `${this.pick(FIRST)} ${this.pick(LAST)}`;
  }
  /** A city as prose names it ("San Francisco"); CITIES are as datelines write them. */
  city(): string {
    return this.pick(CITIES)
      .toLowerCase()
      .replace(/\b\w/g, (c) => c.toUpperCase());
  }
  topic(): string {
    return `${this.pick(ADJECTIVES)} ${this.pick(NOUNS)}`;
  }
  count(): string {
    const n = this.int(2, 98_000);
    return n >= 1000 ? n.toLocaleString('en-US') : String(n);
  }
  share(): string {
    return `${this.int(2, 97)}${this.chance(0.5) ? ' per cent' : '%'}`;
  }
  money(): string {
    return this.chance(0.5) ? `$${this.int(1, 950)}.${this.int(0, 9)} million` : `€${this.int(2, 90)} billion`;
  }
  fullDate(): string {
    const y = this.int(2012, 2026);
    const m = this.int(0, 11);
    const d = this.int(1, 28);
    switch (this.int(0, 3)) {
      case 0:
        return `${MONTHS[m] as string} ${d}, ${y}`;
      case 1:
        return `${SHORT_MONTHS[m] as string} ${d}, ${y}`;
      case 2:
        return `${d} ${MONTHS[m] as string} ${y}`;
      default:
        return `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    }
  }
  when(): string {
    switch (this.int(0, 5)) {
      case 0:
        return `on ${this.fullDate()}`;
      case 1:
        return `in ${this.pick(MONTHS)} ${this.int(2012, 2026)}`;
      case 2:
        return `in Q${this.int(1, 4)} ${this.int(2015, 2027)}`;
      case 3:
        return `between ${this.pick(MONTHS)} ${this.int(2015, 2020)} and ${this.pick(MONTHS)} ${this.int(2021, 2026)}`;
      default:
        return this.pick(RELATIVE);
    }
  }
}

/** Sentence shapes: claims of every type, attributions, and the plain sentences articles also have. */
const SHAPES: ((w: Draw) => string)[] = [
  (w) => `${w.org()} said ${w.when()} that it had ${w.pick(VERBS_DONE)} its ${w.pick(CONTROLS)} ${w.pick(PROGRAMMES)}.`,
  (w) => `We will ${w.pick(VERBS_WILL)} all ${w.topic()} ${w.when()}, ${w.person()} wrote in a blog post.`,
  (w) => `According to ${w.org()}, no ${w.topic()} ever left its ${w.city()} facilities.`,
  (w) => `"Our goal is to reduce access to ${w.topic()} by ${w.share()}," said ${w.person()}, ${w.pick(ROLES)}.`,
  (w) => `${w.org()} described its ${w.pick(PROGRAMMES)} as industry-leading and said it covers ${w.count()} ${w.topic()}.`,
  (w) => `Analysts noted that the ${w.pick(PROGRAMMES)} of ${w.topic()} began ${w.when()} and cost about ${w.money()}.`,
  (w) => `${w.pick(FILLER_OPENINGS)} ${w.city()} ${w.pick(FILLER_ENDINGS)} ${w.when()}.`,
  (w) => `${w.person()} told reporters that ${w.org()} may hire ${w.count()} engineers ${w.when()}.`,
  (w) => `There is no evidence that ${w.topic()} held by ${w.org()} were accessed by outsiders, ${w.pick(ASIDES)}.`,
  (w) => `Regulators asked ${w.org()} ${w.when()} to explain how its ${w.topic()} comply with ${w.pick(CONTROLS)}.`,
  (w) => `The company stores ${w.topic()} for ${w.int(2, 90)} days and deletes them after a review by ${w.person()}.`,
  (w) => `${w.org()} reported revenue of ${w.money()} for the quarter, up ${w.share()} from a year earlier.`,
  (w) => `The firm never sold ${w.topic()} to advertisers, ${w.person()} said ${w.when()}.`,
  (w) =>
    `It has been certified against ${w.pick(CONTROLS)} since ${w.int(2012, 2025)} and renews the certificate every ${w.int(1, 3)} years.`,
  (w) => `${w.person()}, ${w.pick(ROLES)} at ${w.org()}, said the ${w.pick(PROGRAMMES)} would finish ${w.when()}.`,
  (w) => `Some ${w.count()} customers were affected, ${w.pick(ASIDES)}, and ${w.share()} of them were notified ${w.when()}.`,
  (w) => `We believe ${w.topic()} should stay in the region where they are collected, ${w.person()} argued.`,
  (w) => `The ${w.pick(PROGRAMMES)} was led by ${w.person()} and reviewed by an outside auditor ${w.when()}.`,
  (w) => `${w.org()} plans to open ${w.int(2, 40)} offices ${w.when()} and to move ${w.topic()} to ${w.org()}.`,
  (w) => `Critics say the ${w.pick(PROGRAMMES)} at ${w.org()} was too narrow to cover ${w.topic()}.`,
  (w) => `The meeting with ${w.person()} ran long, and ${w.count()} questions about ${w.topic()} went unanswered.`,
  (w) => `Under ${w.pick(CONTROLS)}, ${w.org()} must report incidents involving ${w.topic()} within ${w.int(24, 96)} hours.`,
  (w) => `${w.org()} denied that ${w.topic()} had been shared with ${w.org()} ${w.when()}.`,
  (w) => `Our ${w.pick(PROGRAMMES)} of ${w.topic()} is among the most thorough in the sector, the ${w.pick(ROLES)} claimed.`,
  (w) => `The filing lists ${w.count()} ${w.topic()} and ${w.count()} ${w.topic()} held at ${w.int(2, 30)} sites.`,
  (w) => `By ${w.pick(MONTHS)} ${w.int(2020, 2028)}, every ${w.topic().replace(/s$/, '')} will be encrypted at rest, ${w.org()} said.`,
  (w) => `${w.person()} joined ${w.org()} ${w.when()} after ${w.int(2, 25)} years at ${w.org()}.`,
  (w) => `It is not clear whether ${w.org()} will meet the ${w.pick(CONTROLS)} deadline ${w.when()}.`,
  (w) => `The review found ${w.count()} weaknesses in ${w.topic()}, of which ${w.int(1, 60)} were rated critical.`,
  (w) => `${w.org()} and ${w.org()} signed a ${w.money()} agreement ${w.when()} covering ${w.topic()}.`,
  (w) => `Employees must complete training on ${w.topic()} every ${w.int(3, 24)} months, the policy says.`,
  (w) => `A spokesperson for ${w.org()} declined to comment on ${w.topic()} ${w.when()}.`,
  (w) => `${w.person()} has said that ${w.org()} complies with ${w.pick(CONTROLS)} and ${w.pick(CONTROLS)}.`,
  (w) => `Investors welcomed the news, and shares of ${w.org()} rose ${w.share()} ${w.when()}.`,
  (w) => `The ${w.city()} office handles ${w.share()} of requests about ${w.topic()}.`,
  (w) => `No ${w.topic()} are transferred outside the European Union without ${w.pick(CONTROLS)} safeguards.`,
];

/** A list item: short, often without a verb, as lists are. */
function listItem(w: Draw): string {
  switch (w.int(0, 3)) {
    case 0:
      return `${w.pick(CONTROLS)} ${w.pick(PROGRAMMES)} of ${w.topic()} (${w.when()})`;
    case 1:
      return `Encrypting ${w.topic()} with keys held by ${w.org()}`;
    case 2:
      return `${w.count()} ${w.topic()} moved to ${w.org()} ${w.when()}`;
    default:
      return `Quarterly reviews of ${w.topic()} by ${w.person()}`;
  }
}

/**
 * About `bytes` characters of articles separated by blank lines, no sentence twice.
 * Deterministic for a seed.
 */
export function generateUniqueArticleText(bytes: number, seed = 7): string {
  const w = new Draw(seededRandom(seed));
  const seen = new Set<string>();
  const sentence = (): string => {
    for (;;) {
      const s = w.pick(SHAPES)(w);
      if (!seen.has(s)) {
        seen.add(s);
        return s;
      }
    }
  };
  const parts: string[] = [];
  let size = 0;
  const push = (text: string): void => {
    parts.push(text, '\n\n');
    size += text.length + 2;
  };
  while (size < bytes) {
    push(`${w.org()} ${w.pick(VERBS_DONE)} ${w.pick(PROGRAMMES)} of ${w.topic()} after ${w.pick(CONTROLS)} review`);
    if (w.chance(0.5)) push(`By ${w.person()}, ${w.pick(ROLES)}`);
    if (w.chance(0.4)) push(`Published on ${w.fullDate()}`);
    const paragraphs = w.int(4, 10);
    for (let p = 0; p < paragraphs && size < bytes; p++) {
      const lead = p === 0 && w.chance(0.4) ? `${w.pick(CITIES)}, ${w.fullDate()} — ` : '';
      if (p > 0 && w.chance(0.08)) push(`## ${w.topic().replace(/^\w/, (c) => c.toUpperCase())} at ${w.org()}`);
      const n = w.int(1, 6);
      const sentences: string[] = [];
      for (let i = 0; i < n; i++) sentences.push(sentence());
      push(lead + sentences.join(' '));
      if (w.chance(0.1)) {
        push(`${w.org()} listed the following ${w.pick(PROGRAMMES)} steps:`);
        const items = w.int(2, 5);
        const lines: string[] = [];
        for (let i = 0; i < items; i++) lines.push(`- ${listItem(w)}`);
        push(lines.join('\n'));
      }
    }
  }
  return parts.join('').slice(0, bytes);
}
