// Generates article-like English text for benchmarks: news and corporate-statement
// sentences with claims, dates and control mentions in realistic proportions, from a
// seeded generator so every run measures the same text.

export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMPANIES = ['Northwind', 'Harbor Data Systems', 'Calloway Health', 'Bright Ledger', 'Meridian Cloud', 'Orbis Telecom'];
const PEOPLE = ['Dana Whitfield', 'Samuel Ortiz', 'Priya Raman', 'Lena Vogel', 'Tomasz Nowak'];
const CONTROLS = [
  'ISO/IEC 27001:2022',
  'SOC 2 Type II',
  'NIST CSF 2.0',
  'GDPR',
  'HIPAA',
  'PCI DSS',
  'FedRAMP Moderate',
  'NIST SP 800-53',
  'the EU-US Data Privacy Framework',
  'CSA STAR',
];
const DATES = [
  'last month',
  'on Thursday',
  'in March',
  'June 27',
  'earlier this year',
  'by the end of the year',
  'in the coming months',
  'Q3 2024',
  'between September 2021 and January 2022',
  'in 2021',
  'Jun 10, 2020',
  'last year',
];
const TOPICS = [
  'user data',
  'access logs',
  'backup copies',
  'encryption keys',
  'vendor contracts',
  'incident reports',
  'employee training',
  'audit findings',
];

const TEMPLATES: ((pick: <T>(xs: readonly T[]) => T) => string)[] = [
  (p) => `${p(COMPANIES)} said ${p(DATES)} that it had completed its ${p(CONTROLS)} audit.`,
  (p) => `We will publish our ${p(CONTROLS)} report ${p(DATES)}.`,
  (p) => `According to ${p(COMPANIES)}, no ${p(TOPICS)} ever left the company's own data centres.`,
  (p) => `"Our goal is to reduce access to ${p(TOPICS)} across regions," ${p(PEOPLE)} said.`,
  (p) => `The company described its programme as industry-leading and said it goes beyond what many peers do for ${p(TOPICS)}.`,
  (p) => `Analysts noted that the review of ${p(TOPICS)} began ${p(DATES)} and is still under way.`,
  (_p) => `The weather in the city was mild, and the conference hall filled slowly before noon.`,
  (p) => `Several people asked about ${p(TOPICS)} during the meeting, and the discussion ran long.`,
  (p) => `${p(PEOPLE)} told reporters that the firm may expand its team ${p(DATES)}.`,
  (p) => `There is no evidence that ${p(TOPICS)} were accessed by anyone outside the company.`,
  (p) => `Regulators have asked ${p(COMPANIES)} to explain how it complies with ${p(CONTROLS)}.`,
  (_p) => `It was a long afternoon, and many of those present left before the end of the session.`,
];

/** About `bytes` characters of paragraphs separated by blank lines. */
export function generateArticleText(bytes: number, seed = 42): string {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    if (random() < 0.08) {
      const heading = `${pick(COMPANIES)} and ${pick(TOPICS)}`;
      parts.push(heading, '\n\n');
      size += heading.length + 2;
    }
    const sentences = 3 + Math.floor(random() * 4);
    const paragraph: string[] = [];
    for (let i = 0; i < sentences; i++)
      paragraph.push((TEMPLATES[Math.floor(random() * TEMPLATES.length)] as (p: typeof pick) => string)(pick));
    const text = paragraph.join(' ');
    parts.push(text, '\n\n');
    size += text.length + 2;
  }
  return parts.join('').slice(0, bytes);
}
