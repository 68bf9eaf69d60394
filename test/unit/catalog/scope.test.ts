import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ContextMentions, compileContext } from '../../../src/core/catalog/contextWindow';
import { isLookAlike, isQualified, Outline } from '../../../src/core/catalog/scope';

function outline(text: string): Outline {
  return new Outline(text, 0, text.length);
}

/** The section around the first occurrence of `needle`, as text. */
function sectionOf(text: string, needle: string): string {
  const { start, end } = outline(text).section(text.indexOf(needle));
  return text.slice(start, end);
}

test('sections start at Markdown headings, setext headings, thematic breaks and lone title lines', () => {
  const md = '# One\n\nalpha\n\n## Two\n\nbeta\n\nThree\n=====\n\ngamma\n\n---\n\ndelta\n';
  assert.equal(sectionOf(md, 'alpha'), '# One\n\nalpha\n\n');
  assert.equal(sectionOf(md, 'beta'), '## Two\n\nbeta\n\n');
  assert.equal(sectionOf(md, 'gamma'), 'Three\n=====\n\ngamma\n\n');
  assert.equal(sectionOf(md, 'delta'), '---\n\ndelta\n');
  const plain = 'Opening paragraph, with a clause.\n\nAccess Control Findings\n\nThe first finding.\n';
  assert.equal(sectionOf(plain, 'first'), 'Access Control Findings\n\nThe first finding.\n');
});

test('sentences, list items and lines inside a paragraph are not headings', () => {
  const text = 'A lone sentence ends here.\n\n- Short item\n\nTwo lines\nof one paragraph\n\nend';
  assert.equal(sectionOf(text, 'end'), text);
});

test('a region is the paragraph, or the whole list when items are separated by blank lines', () => {
  const text = 'Intro paragraph.\n\n- one\n\n- two\n  continued\n\n- three\n\nAfter the list.\n';
  const o = outline(text);
  const region = (needle: string): string => {
    const r = o.region(text.indexOf(needle));
    return text.slice(r.start, r.end);
  };
  assert.equal(region('two'), '- one\n\n- two\n  continued\n\n- three');
  assert.equal(region('Intro'), 'Intro paragraph.');
  assert.equal(region('After'), 'After the list.');
  // A list right under its lead-in line is one paragraph with it.
  const tight = 'Controls tested:\n- AC-2\n- IA-2\n\n- SC-28\n';
  const r = outline(tight).region(tight.indexOf('SC-28'));
  assert.equal(tight.slice(r.start, r.end), tight.trimEnd());
});

test('CRLF documents have the same outline', () => {
  const text = '# One\r\n\r\nalpha\r\n\r\n# Two\r\n\r\n- beta\r\n\r\n- gamma\r\n';
  assert.equal(sectionOf(text, 'alpha'), '# One\r\n\r\nalpha\r\n\r\n');
  const r = outline(text).region(text.indexOf('gamma'));
  assert.equal(text.slice(r.start, r.end), '- beta\r\n\r\n- gamma');
});

test('roads, journeys and numbered things are look-alikes; control prose is not', () => {
  const at = (text: string, id: string): boolean => {
    const start = text.indexOf(id);
    return isLookAlike(text, start, start + id.length);
  };
  for (const [text, id] of [
    ['she drove north on CA-1 toward the coast', 'CA-1'],
    ['take Highway CA-1', 'CA-1'],
    ['traffic on Route SC-7 was light', 'SC-7'],
    ['the view from CA-1 northbound', 'CA-1'],
    ['heading south along CA-1', 'CA-1'],
    ['the model AC-2 charger', 'AC-2'],
    ['see Figure A.5.1 below', 'A.5.1'],
    ['firmware A1.2 is old', 'A1.2'],
    ['NIST CSF lists no PR.AC-8', 'AC-8'],
  ] as const) {
    assert.ok(at(text, id), text);
  }
  for (const [text, id] of [
    ['based on AC-2 and IA-2', 'AC-2'],
    ['we rely on IA-2 for sign-in', 'IA-2'],
    ['control CA-1 applies', 'CA-1'],
    ['**SC-28** (Protection of Information at Rest)', 'SC-28'],
    ['all users (IA-2).', 'IA-2'],
  ] as const) {
    assert.ok(!at(text, id), text);
  }
});

test('qualified identifiers have an enhancement or a third level', () => {
  assert.ok(isQualified('AC-2(1)'));
  assert.ok(isQualified('AC-02 (01)'));
  assert.ok(isQualified('A.9.2.3'));
  assert.ok(!isQualified('CA-1'));
  assert.ok(!isQualified('A.5.15'));
  assert.ok(!isQualified('A1.2'));
});

test('context mentions answer range questions and keep number boundaries', () => {
  const context = compileContext(['NIST', '800-53']);
  const text = 'Call 800-53-1234. NIST says so; SP 800-53 too.';
  const m = new ContextMentions(text, context, 0, text.length);
  assert.ok(!m.within(0, text.indexOf('.')), 'a phone number does not name SP 800-53');
  assert.ok(m.within(0, text.indexOf(' says')));
  assert.ok(!m.within(text.indexOf('IST'), text.indexOf('SP')), 'a mention cut by the range does not count');
  assert.ok(m.within(text.indexOf('SP'), text.length));
  assert.ok(!new ContextMentions(text, undefined, 0, text.length).within(0, text.length));
});
