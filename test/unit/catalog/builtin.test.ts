import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinCatalog } from '../../../src/core/catalog/builtin';
import { BUILTIN_CATALOG_YAML } from '../../../src/core/catalog/builtin.generated';
import { parseCatalog } from '../../../src/core/catalog/load';

const ROOT = process.env.MARGINALIA_ROOT ?? join(__dirname, '..', '..', '..', '..');

const REQUIRED_IDS = [
  'iso-27001',
  'iso-27002',
  'iso-27017',
  'iso-27018',
  'iso-27701',
  'iso-22301',
  'iso-42001',
  'soc-1',
  'soc-2',
  'soc-3',
  'nist-csf',
  'nist-sp-800-53',
  'nist-sp-800-171',
  'nist-privacy-framework',
  'fedramp',
  'govramp',
  'fisma',
  'cmmc',
  'csa-star',
  'csa-ccm',
  'pci-dss',
  'hipaa',
  'hitrust',
  'gdpr',
  'ccpa',
  'coppa',
  'cis-controls',
  'cyber-essentials',
  'sox',
  'eu-ai-act',
  'dora',
  'nis2',
  'cloud-act',
  'eu-us-dpf',
  'privacy-shield',
  'sccs',
  'apec-cbpr',
  'cfius',
];

test('the generated module embeds controls.yaml as it is on disk', () => {
  const onDisk = readFileSync(join(ROOT, 'src', 'core', 'catalog', 'controls.yaml'), 'utf8');
  assert.equal(BUILTIN_CATALOG_YAML, onDisk, 'run `node scripts/gen-catalog.mjs`');
});

test('the catalog embedded as JSON is the one load.ts reads from controls.yaml', () => {
  const { catalog } = parseCatalog(BUILTIN_CATALOG_YAML, 'controls.yaml');
  // JSON leaves out keys whose value is undefined, which readers treat as absent anyway.
  assert.deepEqual(builtinCatalog(), JSON.parse(JSON.stringify(catalog)));
});

test('the built-in catalog is valid and has at least 40 entries', () => {
  const { errors } = parseCatalog(BUILTIN_CATALOG_YAML, 'controls.yaml');
  assert.deepEqual(errors, []);
  assert.ok(builtinCatalog().entries.length >= 40, `${builtinCatalog().entries.length} entries`);
});

test('every required standard, law and regulator is in the built-in catalog', () => {
  const ids = new Set(builtinCatalog().entries.map((e) => e.id));
  for (const id of REQUIRED_IDS) assert.ok(ids.has(id), `missing ${id}`);
});

/** The ids answer keys use for regulators and the laws they enforce (the keying convention). */
const REGULATOR_IDS = (
  'sec ftc fcc cfpb finra cisa nist ico oaic edpb edps enisa cnil fca apra asic accc eba esma eiopa nydfs cppa aicpa ' +
  'pci-ssc ie-dpc ca-opc nz-opc nl-ap it-garante es-aepd de-bfdi no-datatilsynet hhs-ocr hhs us-ny-ag us-ca-ag hipaa ' +
  'ccpa pecr sec-cyber-disclosure-rules eprivacy-directive privacy-act-1988 australian-privacy-principles ' +
  'ftc-safeguards-rule circia bipa dsa dma'
).split(' ');

test('the regulators of the keying convention and the laws they enforce are in the built-in catalog', () => {
  const byId = new Map(builtinCatalog().entries.map((e) => [e.id, e]));
  for (const id of REGULATOR_IDS) assert.ok(byId.has(id), `missing ${id}`);
  for (const e of byId.values()) {
    for (const target of e.enforces) {
      const t = byId.get(target);
      assert.ok(t, `${e.id} enforces unknown ${target}`);
      // A body enforces texts (laws, rules, standards), not other bodies.
      assert.ok(t.category !== 'regulator' && t.category !== 'standards-body', `${e.id} enforces the body ${target}`);
    }
    if (e.enforces.length > 0) assert.ok(e.category === 'regulator' || e.category === 'standards-body', `${e.id} is no body`);
  }
});

/** Bodies (regulators, standards bodies) rather than texts: no version, and a year only where it was checked. */
const isBody = (category: string | undefined): boolean => category === 'regulator' || category === 'standards-body';

test('every built-in entry is complete', () => {
  for (const e of builtinCatalog().entries) {
    for (const field of ['title', 'publisher', 'category', 'scope', 'url'] as const) {
      assert.ok(e[field], `${e.id}: no ${field}`);
    }
    assert.match(e.url ?? '', /^https?:\/\//, `${e.id}: url`);
    if (isBody(e.category)) {
      // A body's year is the year it was set up; left out where it could not be checked.
      assert.ok(e.year === undefined || (e.year >= 1800 && e.year <= 2026), `${e.id}: year ${e.year}`);
      assert.ok(e.jurisdiction, `${e.id}: no jurisdiction`);
    } else {
      assert.ok(e.version, `${e.id}: no version`);
      // Laws may be old (the False Claims Act is of 1863); standards and programmes are not.
      const earliest = e.category === 'law' ? 1800 : 1970;
      assert.ok(e.year !== undefined && e.year >= earliest && e.year <= 2026, `${e.id}: year ${e.year}`);
    }
    // The European Commission is a regulator only where it acts as one, so its names
    // are all ambiguous; every other entry has a name that counts wherever it stands.
    if (e.id === 'european-commission') assert.ok(e.ambiguousAliases.length > 0 && e.context.length > 0);
    else assert.ok(e.aliases.length > 0, `${e.id}: no plain alias`);
  }
});

test('SOC Type I and II reports are aliases of the SOC entries, CSF versions of nist-csf', () => {
  const byId = new Map(builtinCatalog().entries.map((e) => [e.id, e]));
  assert.ok(byId.get('soc-2')?.aliases.includes('SOC 2 Type II'));
  assert.ok(byId.get('soc-2')?.aliases.includes('SOC 2 Type I'));
  assert.ok(byId.get('soc-1')?.aliases.includes('SOC 1 Type II'));
  const csf = byId.get('nist-csf');
  assert.ok(csf);
  assert.equal(csf.version, '2.0');
  assert.ok(csf.earlierVersions.includes('1.1'));
});

test('every pattern belongs to a catalog entry', () => {
  const ids = new Set(builtinCatalog().entries.map((e) => e.id));
  for (const p of builtinCatalog().patterns) assert.ok(ids.has(p.framework), `${p.id} -> ${p.framework}`);
});
