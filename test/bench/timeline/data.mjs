// Synthetic timelines for the bench and the screenshots: spread over ten years and 30
// documents, with every precision, role, status and claim type, several speakers and
// controls. Seeded, so two runs draw the same chart.
import { createRequire } from 'node:module';

// The benchmarks' seeded generator (test/bench/article.ts), compiled by `npm run bench`.
const { seededRandom } = createRequire(import.meta.url)('../../../out/test/bench/article.js');

const DOCS = [
  'acme',
  'globex',
  'initech',
  'umbrella',
  'hooli',
  'stark',
  'wayne',
  'tyrell',
  'cyberdyne',
  'aperture',
  'soylent',
  'wonka',
  'vandelay',
  'oceanic',
  'massive-dynamic',
  'gringotts',
  'monarch',
  'dunder-mifflin',
  'pied-piper',
  'blue-sun',
  'virtucon',
  'nakatomi',
  'octan',
  'zorg',
  'weyland',
  'yoyodyne',
  'buynlarge',
  'kramerica',
  'sterling-cooper',
  'rekall',
];
const SPEAKERS = [
  ['the company', 'Acme Corp'],
  ['Jane Doe', 'Acme Corp'],
  ['a spokesperson', ''],
  ['the regulator', 'Data Protection Board'],
  ['CEO Rafael Ortiz', 'Globex'],
  ['the minister', 'Ministry of Digital Affairs'],
  ['Dr. Mei Chen', ''],
  ['the auditors', 'KPMG'],
  ['the board', 'Initech'],
  ['officials', ''],
  ['the vendor', 'Hooli'],
  ['a whistleblower', ''],
];
const CONTROLS = [
  'ISO/IEC 27001',
  'SOC 2',
  'NIST CSF',
  'GDPR',
  'FedRAMP',
  'CFIUS',
  'PCI DSS',
  'HIPAA',
  'AC-2(1)',
  'CC6.1',
  'NIS2',
  'DORA',
  'CIS Controls',
  'ISO/IEC 27701',
  'SOX',
];
const CLAIM_TYPES = ['commitment', 'assertion', 'denial', 'comparison'];
const VERBS = [
  'will complete',
  'has finished',
  'denies missing',
  'expects to pass',
  'is ahead of peers on',
  'will publish',
  'never failed',
  'plans to renew',
];
const OBJECTS = [
  'the certification audit',
  'its incident report',
  'the encryption rollout',
  'the data-retention review',
  'a penetration test',
  'the supplier assessment',
  'its breach notification',
  'multi-factor sign-in for all staff',
];

const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

/** A date of the given precision inside 2016–2025: value, from, to. */
function dateOf(rand, precision) {
  const start = Date.UTC(2016, 0, 1);
  const t = start + Math.floor(rand() * 3652) * DAY;
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (precision) {
    case 'year':
      return { value: String(y), from: `${y}-01-01`, to: `${y}-12-31` };
    case 'quarter': {
      const q = Math.floor(m / 3);
      return { value: `${y}-Q${q + 1}`, from: iso(Date.UTC(y, q * 3, 1)), to: iso(Date.UTC(y, q * 3 + 3, 0)) };
    }
    case 'month':
      return { value: iso(t).slice(0, 7), from: iso(Date.UTC(y, m, 1)), to: iso(Date.UTC(y, m + 1, 0)) };
    case 'week': {
      const monday = t - ((d.getUTCDay() + 6) % 7) * DAY;
      // ISO 8601: the week belongs to the year of its Thursday.
      const thursday = new Date(monday + 3 * DAY);
      const wy = thursday.getUTCFullYear();
      const week = 1 + Math.floor((thursday.getTime() - Date.UTC(wy, 0, 1)) / (7 * DAY));
      return {
        value: `${wy}-W${String(week).padStart(2, '0')}`,
        from: iso(monday),
        to: iso(monday + 6 * DAY),
      };
    }
    case 'range': {
      const end = t + (20 + Math.floor(rand() * 200)) * DAY;
      return { value: `${iso(t).slice(0, 7)}/${iso(end).slice(0, 7)}`, from: iso(t), to: iso(end), precision: 'month' };
    }
    default:
      return { value: iso(t), from: iso(t), to: iso(t) };
  }
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];

function precisionOf(rand) {
  const r = rand();
  return r < 0.5 ? 'day' : r < 0.7 ? 'month' : r < 0.8 ? 'quarter' : r < 0.88 ? 'year' : r < 0.94 ? 'week' : 'range';
}

function statusOf(rand) {
  const r = rand();
  return r < 0.45 ? 'suggested' : r < 0.75 ? 'open' : r < 0.9 ? 'verified' : 'disputed';
}

/** `count` timeline items (TimelineItem, src/core/timeline/types.ts). */
export function syntheticItems(count, seed = 42) {
  const rand = seededRandom(seed);
  const items = [];
  for (let i = 0; i < count; i++) {
    const doc = `reports/${String(i % 30).padStart(2, '0')}-${DOCS[i % 30]}-statement.txt`;
    const claim = rand() < 0.62;
    const claimType = claim ? pick(rand, CLAIM_TYPES) : undefined;
    const role = !claim ? 'mentioned' : claimType === 'commitment' && rand() < 0.7 ? 'due' : 'made';
    const precision = precisionOf(rand);
    const date = dateOf(rand, precision);
    const [speaker, entity] = claim && rand() < 0.8 ? pick(rand, SPEAKERS) : ['', ''];
    const controls = [];
    if (claim) {
      const n = Math.floor(rand() * 3.2);
      for (let c = 0; c < n; c++) {
        const control = pick(rand, CONTROLS);
        if (!controls.includes(control)) controls.push(control);
      }
    }
    const status = statusOf(rand);
    const documentDate = role === 'made' && rand() < 0.3;
    const dateText = documentDate
      ? date.from
      : pick(rand, ['by the end of', 'in', 'since', 'no later than', 'during', 'as of']) + ' ' + date.value;
    const quote = claim
      ? `${speaker || 'The report'} ${pick(rand, VERBS)} ${pick(rand, OBJECTS)}${controls.length ? ` under ${controls.join(' and ')}` : ''} ${dateText}.`
      : dateText;
    const item = {
      key: `${doc}#a${i}#${role}#0`,
      doc,
      annotationId: `a${i}`,
      kind: claim ? 'claim' : 'date',
      role,
      status,
      value: date.value,
      from: date.from,
      to: date.to,
      precision: date.precision ?? (precision === 'range' ? 'month' : precision),
      quote,
      dateText,
      speaker,
      entity,
      controls,
      start: i * 40,
      end: i * 40 + quote.length,
    };
    if (claimType) item.claimType = claimType;
    if (claimType === 'commitment' && status !== 'suggested' && rand() < 0.4)
      item.verdict = pick(rand, ['kept', 'broken', 'disputed', 'unverifiable']);
    if (documentDate) item.documentDate = true;
    items.push(item);
  }
  return items;
}

/** The page's data message for `count` items. */
export function dataMessage(count, seed = 42) {
  return {
    type: 'data',
    timeline: { items: syntheticItems(count, seed), undated: Math.round(count / 200), documents: 30 },
    title: `Timeline: ${count.toLocaleString('en-US')} synthetic items`,
    today: '2025-06-15',
  };
}

/**
 * The sidecars `items` come from, as the extension reads them: per document, a claim with
 * a `due` or `when` link to its date (one standing on its document's date gets a `when`
 * link too: the synthetic documents have no date of their own), or a date on its own.
 * buildTimeline (core) makes one mark per item from them.
 */
export function sidecarsOf(items) {
  const byDoc = new Map();
  for (const item of items) {
    const doc = byDoc.get(item.doc) ?? { path: item.doc, annotations: [] };
    byDoc.set(item.doc, doc);
    const base = { quote: item.quote, prefix: '', suffix: '', start: item.start, end: item.end, origin: 'detected', status: item.status };
    const date = { ...base, id: `d-${item.annotationId}`, kind: 'date', label: item.value, quote: item.dateText };
    if (item.kind === 'date') {
      doc.annotations.push({ ...date, id: item.annotationId });
      continue;
    }
    const claim = { ...base, id: item.annotationId, kind: 'claim', label: item.claimType, speaker: item.speaker || undefined };
    claim[item.role === 'due' ? 'due' : 'when'] = [date.id];
    doc.annotations.push(date, claim);
  }
  return [...byDoc.values()].map((d) => ({
    path: d.path,
    sidecar: { marginalia: 2, source: { file: d.path }, annotations: d.annotations },
  }));
}
