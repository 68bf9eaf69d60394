// Context tests: where a framework counts as named near a mention. The boundaries a
// context needs at its start are checked outside its regex (nextMention); they must
// hold exactly as the look-behind they replaced did.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  compileContext,
  ContextMentions,
  contextIn,
  hasContext,
  nextMention,
  WindowWords,
  WordGate,
} from '../../../src/core/catalog/contextWindow';
import { builtinMatcher } from '../../../src/core/detect';
import { warmUpMatcher } from '../../../src/core/detect/controls';

const nist = compileContext(['NIST SP 800-53', 'SP 800-53']) as RegExp;

test('a context counts only where no letter, digit or running number comes before it', () => {
  const named = (text: string): boolean => contextIn(nist, text, 0, text.length);
  assert.equal(named('Under NIST SP 800-53 we test.'), true);
  assert.equal(named('(SP 800-53)'), true);
  assert.equal(named('xSP 800-53'), false, 'glued to a word');
  assert.equal(named('_SP 800-53'), false);
  assert.equal(named('+SP 800-53'), false);
  assert.equal(named('9SP 800-53'), false);
  assert.equal(named('éSP 800-53'), false, 'glued to a letter outside ASCII');
  assert.equal(named('𝐀SP 800-53'), false, 'glued to a letter outside the Basic Multilingual Plane');
  assert.equal(named('😀SP 800-53'), true, 'an emoji is no letter');
  assert.equal(named('SP 800-53-1234'), false, 'a number running on after it');
  assert.equal(named('xSP 800-53 and SP 800-53'), true, 'a later mention still counts after a refused one');
  const gdpr = compileContext(['GDPR', 'Datenschutz']) as RegExp;
  const inText = (text: string): boolean => contextIn(gdpr, text, 0, text.length);
  assert.equal(inText('the GDPR’s rules'), true, 'a quotation mark after it');
  assert.equal(inText('GDPR\u00a0rules'), true, 'a non-breaking space after it');
  assert.equal(inText('GDPRé'), false, 'glued to a letter outside ASCII after it');
  assert.equal(inText('GDPR𝐀'), false, 'glued to a letter outside the Basic Multilingual Plane after it');
  assert.equal(inText('Datenschutzbehörde'), false, 'a longer word');
  assert.equal(inText('GDPR_x'), false);
  assert.equal(inText('GDPR😀'), true, 'an emoji is no letter');
});

test('a context whose phrase starts outside the Basic Multilingual Plane is looked for past a refused place', () => {
  // Stepping one code unit on lands inside the surrogate pair, where a u-flag regex finds
  // the same refused mention again: it once looped for ever.
  const lock = compileContext(['🔒Lock Standard']) as RegExp;
  const refusedThenFound = 'v1-🔒Lock Standard, then 🔒Lock Standard';
  assert.equal(contextIn(lock, 'v1-🔒Lock Standard', 0, 18), false, 'a number runs on into it after "v1-"');
  assert.equal(contextIn(lock, refusedThenFound, 0, refusedThenFound.length), true);
  assert.equal(contextIn(lock, 'é🔒Lock Standard', 0, 16), false, 'glued to a letter before it');
  const kanji = compileContext(['𠮷野家']) as RegExp;
  assert.equal(contextIn(kanji, '株式会社𠮷野家', 0, '株式会社𠮷野家'.length), false);
  assert.equal(contextIn(kanji, '株式会社𠮷野家 and 𠮷野家', 0, '株式会社𠮷野家 and 𠮷野家'.length), true);
});

test('contexts tolerate runs of spacing and line breaks between words, as aliases do', () => {
  const text = 'Our controls follow NIST  SP\n800-53 throughout.';
  assert.equal(contextIn(nist, text, 0, text.length), true);
});

test('a window is read as a text of its own; mentions over the whole text see what is before them', () => {
  const text = '12-SP 800-53 applies.';
  // From offset 3 the window starts at "SP": nothing before it within the window.
  assert.equal(contextIn(nist, text, 3, text.length), true);
  const mentions = new ContextMentions(text, nist, 3, text.length);
  assert.equal(mentions.within(3, text.length), false, 'over the whole text, "12-" runs on into it');
  assert.equal(hasContext('AC-2 under NIST SP 800-53.', 0, 4, nist), true);
});

test('warming the matcher up compiles every context test, a few per step', () => {
  const steps = warmUpMatcher(builtinMatcher(), 10);
  let yielded = 0;
  let r = steps.next();
  for (; !r.done; r = steps.next()) yielded++;
  assert.ok(r.value > 100, `${r.value} context tests`);
  assert.equal(yielded, Math.floor(r.value / 10));
});

test('a context factored on shared beginnings finds what the plain alternation of its phrases finds', async () => {
  const fc = (await import('fast-check')).default;
  const { phraseSource } = await import('../../../src/core/catalog/contextWindow');
  const { builtinCatalog } = await import('../../../src/core/catalog/builtin');
  const phrases = [...new Set(builtinCatalog().entries.flatMap((e) => [...e.context, ...e.aliases]))].filter((p) => p.trim() !== '');
  /** The same test written the plain way: every phrase, longest first, with the same boundaries. */
  const plain = (chosen: readonly string[]): RegExp => {
    const sources = [...new Set(chosen.map(phraseSource).filter((s): s is string => s !== undefined))].sort((a, b) => b.length - a.length);
    return new RegExp(
      `(?<![\\p{L}\\p{N}_+]|\\d[-./\\u2010-\\u2015])(?:${sources.join('|')})(?![\\p{L}\\p{N}_]|[-.\\u2010-\\u2015]\\d)`,
      'giu',
    );
  };
  const starts = (re: RegExp, text: string): number[] => {
    const out: number[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      out.push(m.index);
      re.lastIndex = m.index + Math.max(1, m[0].length);
    }
    return out;
  };
  const phrase = fc.constantFrom(...phrases);
  const piece = fc.oneof(
    phrase,
    phrase.map((p) => p.split(' ').slice(0, -1).join(' ')),
    phrase.map((p) => p.toUpperCase()),
    phrase.map((p) => p.slice(0, Math.max(1, p.length - 2))),
    phrase.map((p) => `x${p}`),
    phrase.map((p) => p.replace(/ /g, '  ')),
    fc.constantFrom(' ', ', ', '. ', '\n', '-', '12-', 'the '),
  );
  fc.assert(
    fc.property(fc.array(phrase, { minLength: 1, maxLength: 40 }), fc.array(piece, { maxLength: 12 }), (some, pieces) => {
      // With the first words of each phrase as phrases of their own, most share beginnings.
      const chosen = some.flatMap((p) => {
        const words = p.split(' ');
        return words.length > 1 ? [p, words.slice(0, Math.ceil(words.length / 2)).join(' ')] : [p];
      });
      const text = pieces.join(' ');
      const factored = compileContext(chosen) as RegExp;
      assert.equal(contextIn(factored, text, 0, text.length), plain(chosen).test(text), text);
      const found = new ContextMentions(text, factored, 0, text.length);
      for (const s of starts(plain(chosen), text)) assert.ok(found.within(s, text.length), `${s} in ${text}`);
    }),
    { numRuns: 300 },
  );
});

test('the words gate never turns away a window in which the regex finds its context', () => {
  // Soundness is all that matters: the gate only spares regex runs (and their compiling).
  const pool = [
    'New',
    'York',
    'NY',
    'State',
    'of',
    'Attorney',
    'General',
    "General's",
    'Office',
    'SP',
    '800-53',
    'Ärztekammer',
    'ſtate',
    'Σ',
    '2026',
    'x',
  ];
  const word = fc.constantFrom(...pool);
  const cased = fc
    .tuple(word, fc.constantFrom('same', 'upper', 'lower'))
    .map(([w, c]) => (c === 'upper' ? w.toUpperCase() : c === 'lower' ? w.toLowerCase() : w));
  const gap = fc.constantFrom(' ', '  ', '\n', '-', '', ', ', '\u00a0', '’');
  const phrase = fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' '));
  const text = fc.array(fc.tuple(cased, gap), { maxLength: 14 }).map((parts) => parts.map(([w, g]) => w + g).join(''));
  fc.assert(
    fc.property(fc.array(phrase, { minLength: 1, maxLength: 4 }), text, (phrases, t) => {
      const context = compileContext(phrases) as RegExp;
      const global = new RegExp(context.source, `${context.flags}g`);
      global.lastIndex = 0;
      const found = nextMention(global, t) !== null;
      if (found) assert.equal(new WindowWords(t, 0, t.length).mayHold(context), true, `${JSON.stringify(phrases)} in ${JSON.stringify(t)}`);
      assert.equal(contextIn(context, t, 0, t.length), found, 'contextIn gives what the regex alone gives');
    }),
    { numRuns: 3000 },
  );
});

test('a gate over many entries admits a window only where one of their phrases has all its words', () => {
  const gate = WordGate.of(['New York', 'State of New York', 'Texas']) as WordGate;
  assert.equal(new WindowWords('the office in new york said', 0, 27).mayHold(gate), true);
  assert.equal(new WindowWords('a new state law in York', 0, 23).mayHold(gate), true, 'words may stand apart: it is only a gate');
  assert.equal(new WindowWords('the state of Ohio', 0, 17).mayHold(gate), false);
  assert.equal(WordGate.of(['§', 'New York']), undefined, 'a phrase with no word cannot be gated');
});
