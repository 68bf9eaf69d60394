// A REFI-QDA project coded in another tool, written as QualCoder and NVivo write them
// (their own GUIDs and users, a code hierarchy, a `Sources/` folder with byte-order marks,
// full-text or cut-off selection names, code points or UTF-16 units), imported into the
// documents it was made on, one of which was edited since: what can be placed is, with
// its codes, users and memos in the right fields; everything else is reported with where
// it came from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { placeAnnotations } from '../../../src/core/import/place';
import { readRefiQda, type RefiQdaRead } from '../../../src/core/import/refiQda';
import { matchRefiSources, type RefiQdaDocument } from '../../../src/core/import/refiQdaSources';
import type { Annotation } from '../../../src/core/sidecar/format';
import { emptySidecar } from '../../../src/core/store/sync';
import { esc, guid, span, zipProject, type Counting } from './qdpx';

// ---- The project, as QualCoder would write it --------------------------------------------

const INTERVIEW =
  'Interview with Dana, 3 March 2024\r\n\r\n' +
  'Q: Why did you stop? 🤔\r\n' +
  'A: Honestly the fees were too high 💸 and the forms took hours.\r\n' +
  'Q: Would you go back?\r\n' +
  'A: Only if they promise to cut the fees. I trust my bank more than them. I keep my word.\r\n';

/** The interview as it is on disk now: a title added, one sentence reworded since the coding. */
const INTERVIEW_NOW = 'Transcript (cleaned)\r\n' + INTERVIEW.replace('the forms took hours', 'the paperwork took ages');

const ANA = guid(0xa1);
const BEN = guid(0xb2);
const CODE = {
  barriers: guid(0x100),
  financial: guid(0x101),
  fees: guid(0x102),
  time: guid(0x103),
  emotion: guid(0x110),
  trust: guid(0x120),
  claim: guid(0x130),
  commitment: guid(0x131),
  promise: guid(0x132),
};

interface Sel {
  quote: string;
  codes?: string[];
  user?: string;
  coder?: string;
  date?: string;
  name?: string;
  memo?: string;
  noteRef?: string;
  positions?: [number, number];
  counting?: Counting;
}

function selection(text: string, s: Sel, n: number): string {
  const [start, end] = s.positions ?? span(text, s.quote, s.counting ?? 'code points');
  const user = s.user ?? ANA;
  const date = s.date ?? '2024-03-05T10:00:00Z';
  const codings = (s.codes ?? [])
    .map(
      (c, i) =>
        `<Coding guid="${guid(0x9000 + n * 10 + i)}" creatingUser="${s.coder ?? user}" creationDateTime="2024-03-06T09:00:00Z">\n<CodeRef targetGUID="${c}" />\n</Coding>\n`,
    )
    .join('');
  return (
    `<PlainTextSelection guid="${guid(0x8000 + n)}" startPosition="${start}" endPosition="${end}" name="${esc(s.name ?? s.quote)}" creatingUser="${user}" creationDateTime="${date}">\n` +
    (s.memo === undefined ? '' : `<Description>${esc(s.memo)}</Description>\n`) +
    codings +
    (s.noteRef === undefined ? '' : `<NoteRef targetGUID="${s.noteRef}" />\n`) +
    '</PlainTextSelection>\n'
  );
}

const FOCUS =
  '👩‍💻 Moderator: Welcome 🎉🎉\r\nP1: The app crashed twice during onboarding, which was frustrating.\r\nP2: Support answered within a day.\r\n';
const T3 = 'Third transcript.\nThe survey link expired before I could answer.\n';
const NOTES = 'Shared notes: the pilot ran for six weeks.\n';

function project(): Uint8Array {
  const interview: Sel[] = [
    { quote: 'the fees were too high 💸', codes: [CODE.fees], memo: 'Main reason\r\ngiven', noteRef: guid(0x700) },
    { quote: 'the forms took hours', codes: [CODE.time, CODE.emotion] },
    { quote: 'I trust my bank more than them', codes: [CODE.trust], user: BEN },
    // The same span and code by a second coder: a sidecar has one annotation for it.
    { quote: 'I trust my bank more than them', codes: [CODE.trust], user: ANA, date: '2024-03-07T08:00:00Z' },
    { quote: 'promise to cut the fees', codes: [CODE.commitment, CODE.promise] },
    { quote: 'Why did you stop?', memo: 'Ask the follow-up in May' },
    { quote: 'I keep my word', codes: [CODE.barriers], coder: BEN },
    { quote: 'gone', codes: [CODE.trust], positions: [5000, 5004] },
    { quote: 'Honestly', codes: [guid(0xdead)] },
  ];
  const focus: Sel[] = [
    // NVivo: UTF-16 positions, names cut with an ellipsis, upper-case GUIDs.
    {
      quote: 'The app crashed twice during onboarding, which was frustrating.',
      name: 'The app crashed twice during...',
      codes: [CODE.time.toUpperCase()],
      counting: 'utf-16',
      user: BEN.toUpperCase(),
    },
    { quote: 'Support answered within a day.', codes: [CODE.trust.toUpperCase()], counting: 'utf-16', user: BEN.toUpperCase() },
  ];
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="Dropout study.qda" origin="QualCoder 3.6" creationDateTime="2024-03-01T08:00:00Z" xmlns="urn:QDA-XML:project:1.0">
<Users>
<User guid="${ANA}" name="ana" />
<User guid="${BEN}" name="Ben Okafor" />
</Users>
<CodeBook>
<Codes>
<Code guid="${CODE.barriers}" name="Barriers" isCodable="true" color="#FF0000">
<Description>Why people stop</Description>
<Code guid="${CODE.financial}" name="Financial" isCodable="false">
<Code guid="${CODE.fees}" name="fees" isCodable="true" />
</Code>
<Code guid="${CODE.time}" name="time" isCodable="true" />
</Code>
<Code guid="${CODE.emotion}" name="Emotion" isCodable="true" />
<Code guid="${CODE.trust}" name="Trust" isCodable="true" />
<Code guid="${CODE.claim}" name="claim" isCodable="false">
<Code guid="${CODE.commitment}" name="Commitment" isCodable="true" />
<Code guid="${CODE.promise}" name="Promise" isCodable="true" />
</Code>
</Codes>
</CodeBook>
<Cases>
<Case guid="${guid(0x600)}" name="Dana"><SourceRef targetGUID="${guid(0x200)}" /></Case>
</Cases>
<Sources>
<TextSource richTextPath="internal://${guid(0x200)}.docx" plainTextPath="internal://${guid(0x201)}.txt" creatingUser="${ANA}" creationDateTime="2024-03-02T08:00:00Z" guid="${guid(0x200)}" name="interview.docx">
${interview.map((s, n) => selection(INTERVIEW, s, n)).join('')}<Coding guid="${guid(0x9999)}" creatingUser="${ANA}"><CodeRef targetGUID="${CODE.emotion}" /></Coding>
<NoteRef targetGUID="${guid(0x701)}" />
</TextSource>
<TextSource plainTextPath="internal://${guid(0x210).toUpperCase()}.txt" guid="${guid(0x210).toUpperCase()}" name="Focus Group 1">
${focus.map((s, n) => selection(FOCUS, s, 100 + n)).join('')}</TextSource>
<TextSource guid="${guid(0x220)}" name="Transcript 3">
<PlainTextContent>${esc(T3)}</PlainTextContent>
${selection(T3, { quote: 'The survey link expired', codes: [CODE.barriers] }, 200)}</TextSource>
<TextSource guid="${guid(0x230)}" name="notes.txt" plainTextPath="internal://${guid(0x230)}.txt">
${selection(NOTES, { quote: 'six weeks', codes: [CODE.time] }, 300)}</TextSource>
<PictureSource guid="${guid(0x240)}" name="whiteboard.png" path="internal://${guid(0x240)}.png">
<PictureSelection guid="${guid(0x241)}" firstX="1" firstY="1" secondX="20" secondY="20"><Coding guid="${guid(0x242)}"><CodeRef targetGUID="${CODE.trust}" /></Coding></PictureSelection>
</PictureSource>
</Sources>
<Notes>
<Note guid="${guid(0x700)}" name="Price list" creatingUser="${ANA}" creationDateTime="2024-03-05T11:00:00Z"><PlainTextContent>Check the price list</PlainTextContent></Note>
<Note guid="${guid(0x701)}" creatingUser="${BEN}" creationDateTime="2024-03-08T12:00:00Z">
<PlainTextContent>Date checked against the calendar</PlainTextContent>
<PlainTextSelection guid="${guid(0x702)}" startPosition="${span(INTERVIEW, '3 March 2024', 'code points')[0]}" endPosition="${span(INTERVIEW, '3 March 2024', 'code points')[1]}" />
</Note>
<Note guid="${guid(0x703)}" name="Journal, week 1" creatingUser="${ANA}" creationDateTime="2024-03-09T12:00:00Z" plainTextPath="internal://${guid(0x703)}.txt"><Description /></Note>
</Notes>
<Description>A dropout study</Description>
</Project>
`;
  return zipProject(
    qde,
    {
      [`Sources/${guid(0x201)}.txt`]: INTERVIEW,
      [`Sources/${guid(0x210).toUpperCase()}.txt`]: FOCUS,
      [`Sources/${guid(0x230)}.txt`]: NOTES,
      [`Sources/${guid(0x703)}.txt`]: 'Started coding.',
    },
    { bom: true },
  );
}

/** The documents on disk: the interview edited, the focus group under another name with LF, notes twice. */
const DOCUMENTS: RefiQdaDocument[] = [
  { path: 'transcripts/interview.txt', text: INTERVIEW_NOW },
  { path: 'groups/focus group 1.md', text: FOCUS.replace(/\r\n/g, '\n') },
  { path: 'transcripts/t3.txt', text: T3 },
  { path: 'a/notes.txt', text: NOTES },
  { path: 'b/notes.txt', text: NOTES },
  { path: 'other.txt', text: 'Nothing to do with it.' },
];

function read(): RefiQdaRead {
  return readRefiQda(project(), 'study.qdpx');
}

function placed(path: string): { annotations: Annotation[]; unplaced: ReturnType<typeof placeAnnotations>['unplaced'] } {
  const r = read();
  const { matches } = matchRefiSources(r.sources, DOCUMENTS);
  const doc = DOCUMENTS.find((d) => d.path === path);
  assert.ok(doc);
  const incoming = matches.filter((m) => m.document === doc).flatMap((m) => m.source.incoming);
  const result = placeAnnotations(incoming, doc.text, emptySidecar(path));
  return { annotations: result.sidecar.annotations, unplaced: result.unplaced };
}

function cpSlice(text: string, a: Annotation): string {
  return Array.from(text).slice(a.start, a.end).join('');
}

test('REFI-QDA import: sources are matched by path, file name, title or text; ambiguity is reported, not guessed', () => {
  const r = read();
  assert.equal(r.name, 'Dropout study.qda');
  assert.equal(r.software, 'QualCoder 3.6');
  const { matches, unmatched } = matchRefiSources(r.sources, DOCUMENTS);
  assert.deepEqual(
    matches.map((m) => [m.source.name, m.document.path, m.by]),
    [
      // QualCoder names a Word source by its .docx; its plain text is the .txt on disk.
      ['interview.docx', 'transcripts/interview.txt', 'name'],
      // NVivo's title, another case, a Markdown file, LF where the project has CRLF.
      ['Focus Group 1', 'groups/focus group 1.md', 'name'],
      ['Transcript 3', 'transcripts/t3.txt', 'content'],
    ],
  );
  assert.equal(unmatched.length, 1);
  assert.match(unmatched[0]?.origin ?? '', /^study\.qdpx: project\.qde:\d+ \(TextSource "notes\.txt"\)$/);
  assert.match(
    unmatched[0]?.reason ?? '',
    /its name and its text fit 2 documents \(a\/notes\.txt, b\/notes\.txt\): which one is meant is not certain; its 1 coding\(s\) are not imported/,
  );
});

test('REFI-QDA import: codes become kinds and labels, users reviewers and authors, memos and notes notes', () => {
  const { annotations, unplaced } = placed('transcripts/interview.txt');
  const byQuote = (q: string, kind?: string): Annotation => {
    const found = annotations.filter((a) => a.quote === q && (kind === undefined || a.kind === kind));
    assert.equal(found.length, 1, `${q} ${kind ?? ''}: ${found.length}`);
    return found[0] as Annotation;
  };
  // Every placed quote is where its offsets say, in the edited document, in code points.
  for (const a of annotations) assert.equal(cpSlice(INTERVIEW_NOW, a), a.quote, a.quote);

  // Barriers > Financial > fees: the kind is the top-level code, the path below it the label.
  const fees = byQuote('the fees were too high 💸');
  assert.deepEqual(
    [fees.kind, fees.label, fees.status, fees.origin, fees.reviewer, fees.reviewed, fees.author, fees.created, fees.note, fees.tags],
    [
      'Barriers',
      'Financial > fees',
      'open',
      'manual',
      'ana',
      '2024-03-06T09:00:00Z',
      'ana',
      '2024-03-05T10:00:00Z',
      'Main reason\r\ngiven\n\nCheck the price list',
      undefined,
    ],
  );
  // A top-level code coded directly: a kind without a label.
  const trust = byQuote('I trust my bank more than them');
  assert.deepEqual([trust.kind, trust.label, trust.reviewer, trust.author], ['Trust', undefined, 'Ben Okafor', 'Ben Okafor']);
  // Two codes of the kind claim: the first a valid claim type (lower-cased), the other a tag.
  const promise = byQuote('promise to cut the fees');
  assert.deepEqual([promise.kind, promise.label, promise.tags], ['claim', 'commitment', ['Promise']]);
  // The coding's user is the reviewer; the selection's the author.
  const word = byQuote('I keep my word');
  assert.deepEqual([word.kind, word.label, word.reviewer, word.author], ['Barriers', undefined, 'Ben Okafor', 'ana']);
  // A memo on an uncoded span, and QualCoder's annotation note: notes.
  const memo = byQuote('Why did you stop?');
  assert.deepEqual([memo.kind, memo.note, memo.status, memo.reviewer], ['note', 'Ask the follow-up in May', 'open', 'ana']);
  const dated = byQuote('3 March 2024');
  assert.deepEqual(
    [dated.kind, dated.note, dated.author, dated.created],
    ['note', 'Date checked against the calendar', 'Ben Okafor', '2024-03-08T12:00:00Z'],
  );
  assert.equal(annotations.length, 6);

  // The reworded sentence: both of its codings (two kinds) are reported, not guessed.
  assert.equal(unplaced.length, 2);
  for (const u of unplaced) {
    assert.equal(u.quote, 'the forms took hours');
    assert.match(u.origin, /^study\.qdpx: project\.qde:\d+ \(selection in "interview\.docx"\)$/);
    assert.match(u.reason, /not in the source/);
  }
});

test("REFI-QDA import: UTF-16 positions (NVivo) are recognised by the selections' names, emoji and CRLF before them", () => {
  const { annotations, unplaced } = placed('groups/focus group 1.md');
  assert.deepEqual(unplaced, []);
  const text = FOCUS.replace(/\r\n/g, '\n');
  assert.deepEqual(
    annotations.map((a) => [a.kind, a.label, a.quote, cpSlice(text, a), a.reviewer]),
    [
      [
        'Barriers',
        'time',
        'The app crashed twice during onboarding, which was frustrating.',
        'The app crashed twice during onboarding, which was frustrating.',
        'Ben Okafor',
      ],
      ['Trust', undefined, 'Support answered within a day.', 'Support answered within a day.', 'Ben Okafor'],
    ],
  );
  const t3 = placed('transcripts/t3.txt');
  assert.deepEqual(
    t3.annotations.map((a) => [a.kind, a.quote, a.start, a.end]),
    [['Barriers', 'The survey link expired', 18, 41]],
  );
});

test('REFI-QDA import: what has no place in a sidecar is reported with where it is', () => {
  const problems = read().problems.map((p) => `${p.origin.replace(/project\.qde:\d+/, 'project.qde:N')} | ${p.reason}`);
  const has = (origin: RegExp, reason: RegExp): void => {
    assert.ok(
      problems.some((p) => origin.test(p.split(' | ')[0] ?? '') && reason.test(p.split(' | ')[1] ?? '')),
      `${String(origin)} ${String(reason)}\n${problems.join('\n')}`,
    );
  };
  has(/\(selection in "interview\.docx"\)$/, /positions 5000–5004 lie outside the source's text/);
  has(/\(selection in "interview\.docx"\)$/, /the code 00000000-dead-4000-8000-00000000dead, which is not in the codebook; not imported/);
  has(/\(selection in "interview\.docx"\)$/, /the same span coded as Trust again by ana: kept as one annotation, reviewed by Ben Okafor/);
  has(/\(coding of "interview\.docx" as a whole\)$/, /codes the whole source/);
  has(/\(PictureSource "whiteboard\.png"\)$/, /1 selection\(s\) or transcript\(s\) of a picture/);
  has(/\(note "Journal, week 1"\)$/, /a memo that is not attached to a text selection/);
  has(/\(Cases\)$/, /1 cases: a sidecar has no cases/);
  assert.equal(problems.length, 7, problems.join('\n'));
  for (const p of problems) assert.match(p, /^study\.qdpx: project\.qde:N \(/);
});

test('REFI-QDA import: ATLAS.ti counts a CRLF as one character; without names that is assumed for its projects', () => {
  const text = 'Line one\r\nLine two has the 🔑 key\r\nLine three\r\n';
  const qde = (origin: string, withNames: boolean): string => `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="${origin}">
<CodeBook><Codes><Code guid="${guid(1)}" name="Key" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="${guid(2)}" name="doc" plainTextPath="internal://${guid(2)}.txt">
${['the 🔑 key', 'Line three'].map((q, n) => selection(text, { quote: q, codes: [guid(1)], counting: 'crlf as one', ...(withNames ? {} : { name: '' }) }, n)).join('')}</TextSource></Sources>
</Project>`;
  const quotes = (origin: string, withNames: boolean): string[] => {
    const r = readRefiQda(zipProject(qde(origin, withNames), { [`sources/${guid(2)}.txt`]: text }), 'p.qdpx');
    assert.deepEqual(r.problems, []);
    return r.sources.flatMap((s) => s.incoming.map((i) => i.quote));
  };
  assert.deepEqual(quotes('ATLAS.ti 23.2', false), ['the 🔑 key', 'Line three']);
  // Another tool writing the same positions (QualCoder's "MAXQDA line endings"): the names tell.
  assert.deepEqual(quotes('QualCoder 3.6', true), ['the 🔑 key', 'Line three']);
  // Without names, a tool that does not say otherwise counts code points and a CRLF as two.
  assert.notDeepEqual(quotes('QualCoder 3.6', false), ['the 🔑 key', 'Line three']);
});

test('REFI-QDA import: a file that is no project says so', () => {
  assert.match(readRefiQda(new Uint8Array([1, 2, 3]), 'x.qdpx').problems[0]?.reason ?? '', /neither a \.qdpx \(a zip\) nor a \.qde/);
  assert.match(readRefiQda(zipProject('<a/>', {}), 'x.qdpx').problems[0]?.reason ?? '', /its root element is a, not Project/);
  assert.match(
    readRefiQda(zipProject('<Project xmlns="urn:QDA-XML:project:1.0"><Users>', {}), 'x.qdpx').problems[0]?.reason ?? '',
    /not well-formed XML/,
  );
  assert.match(readRefiQda(zipSync({ 'a.txt': strToU8('a') }), 'x.qdpx').problems[0]?.reason ?? '', /the zip holds no project\.qde/);
  // An entity declared in a DTD is not expanded (no entity bombs, no external files): refused.
  const dtd = '<!DOCTYPE Project [<!ENTITY x "xxxxxxxxxx">]><Project xmlns="urn:QDA-XML:project:1.0" name="&x;"/>';
  const r = readRefiQda(zipProject(dtd, {}), 'x.qdpx');
  assert.equal(r.name, undefined);
  assert.match(r.problems[0]?.reason ?? '', /not well-formed XML: 1:\d+: undefined entity/);
});
