import * as assert from 'assert';
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { analyze, type Analysis, type Span } from '../../src/engine/index';

// Properties every Analysis must have, whatever the stages find: they are what the editor layer
// and the CLI's users rely on (spans index the text, arrays are sorted for binary search, ids
// resolve, the result survives JSON). Checked on the sample, the fixtures and nasty inputs.

const root = resolve(__dirname, '../../..');
const fixtures = join(root, 'test/engine/fixtures');

const nasty: Array<[name: string, text: string]> = [
  ['empty', ''],
  ['only whitespace', ' \n\t\r\n \u00a0\u2003 \n\n'],
  ['CRLF paragraphs', 'LONDON, March 3 (Wire) -\r\n\r\n"We will win," said Jane Doe, chief executive of Acme Corp.\r\n\r\nShe added: "Soon."\r\n'],
  ['lone CR line ends', 'First line.\rSecond "quoted" line.\rThird.'],
  ['emoji and surrogate pairs', '😀 "Great day 🎉," said Zoë Ångström 👩‍👩‍👧 of 𝒜𝒸𝓂ℯ Inc. in Zürich 🇨🇭.'],
  ['lone surrogates', 'He said "\ud83d" and \udc00 then "Anna Smith\ud800" left.'],
  ['combining marks and zero-width', 'Jose\u0301 Garci\u0301a said \u201cs\u200bure\u201d. The U\u200dN met in Ko\u0308ln.'],
  ['RTL Arabic', 'قال وزير الخارجية «نحن سعداء بالتعاون» في مؤتمر صحفي يوم الاثنين. "Yes," said Ahmed.'],
  ['RTL Hebrew', 'אמר ראש הממשלה "אנחנו נמשיך" בירושלים. \u202eevil override\u202c "Shalom," he said.'],
  ['unbalanced straight quotes', '"He said. "She said, "they said.\n\n"And then, he left'],
  ['unbalanced curly quotes', '\u201cOpen and never closed, said Bob Jones.\n\n\u201dClosed first\u201d \u2018half'],
  ['mixed quotation marks', '\u201eGuten Tag\u201c, sagte Herr Müller. \u00abBonjour\u00bb, dit Marie Curie. \u300cこんにちは\u300d. \u201aja\u2018 \'single\' "dbl\u201d'],
  ['nested quotes', '"She told me \'never say "never" again\'," said Tom Brown.'],
  ['quote mark at the very end', 'The minister said "'],
  ['quote mark at the very start', '"'],
  ['100k unbalanced quote marks', '"'.repeat(50_000) + '\u201c'.repeat(30_000) + '\u00ab'.repeat(20_000)],
  ['200 KB line', 'The Minister of Finance John Smith said "we grow" in Paris, France and at the United Nations; '.repeat(2200)],
  ['NUL bytes', 'Hello\u0000 "world," said Ann.'],
  ['control characters', '\u0001\u0002\u0003\u0007\u001b[31m red \u001b[0m "x," said Y.'],
  ['only punctuation', '.,;:!?()[]{}---...\u2014\u2013"\'\u201c\u201d'],
  ['all caps headline', 'PRESIDENT MEETS PRIME MINISTER IN NEW YORK CITY\nWASHINGTON (AP) - THE TALKS ENDED.'],
  ['capitalised runs', 'Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho. '.repeat(50)],
  ['dateline only', 'BRUSSELS, Jan. 5 (Reuters) -'],
  ['markdown', '# Title\n\n> "Quoted block," she said.\n\n* [Link](http://example.com/"x")\n\n```\ncode "here"\n```'],
];

function spansOf(a: Analysis): Array<[where: string, span: Span]> {
  const spans: Array<[string, Span]> = [];
  if (a.dateline) spans.push(['dateline', a.dateline.span]);
  a.quotes.forEach((q, i) => {
    spans.push([`quotes[${i}].span`, q.span], [`quotes[${i}].content`, q.content]);
    if (q.cue) spans.push([`quotes[${i}].cue`, q.cue]);
    if (q.speakerMention) spans.push([`quotes[${i}].speakerMention`, q.speakerMention]);
  });
  a.entities.forEach((e, i) => e.mentions.forEach((m, j) => spans.push([`entities[${i}].mentions[${j}]`, m])));
  a.keywords.forEach((k, i) => k.mentions.forEach((m, j) => spans.push([`keywords[${i}].mentions[${j}]`, m])));
  a.notes.forEach((n, i) => { if (n.span) spans.push([`notes[${i}].span`, n.span]); });
  return spans;
}

function assertSorted(where: string, spans: Span[]): void {
  for (let i = 1; i < spans.length; i++) {
    const [a, b] = [spans[i - 1], spans[i]];
    assert.ok(a.start < b.start || (a.start === b.start && a.end <= b.end), `${where} not sorted at ${i}: ${JSON.stringify([a, b])}`);
  }
}

function checkInvariants(text: string, a: Analysis): void {
  assert.strictEqual(a.schemaVersion, 1);
  assert.strictEqual(a.textLength, text.length);

  for (const [where, span] of spansOf(a)) {
    assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${where} has non-integer offsets ${JSON.stringify(span)}`);
    assert.ok(span.start >= 0 && span.end <= text.length, `${where} ${JSON.stringify(span)} outside [0, ${text.length}]`);
    const emptyAllowed = where.endsWith('.content');
    assert.ok(emptyAllowed ? span.start <= span.end : span.start < span.end, `${where} is empty or reversed: ${JSON.stringify(span)}`);
  }

  assertSorted('quotes', a.quotes.map(q => q.span));
  for (const q of a.quotes) {
    assert.ok(q.kind === 'quote');
    assert.ok(q.span.start <= q.content.start && q.content.end <= q.span.end, `content ${JSON.stringify(q.content)} outside span ${JSON.stringify(q.span)}`);
  }

  const ids = new Set<string>();
  for (const e of a.entities) {
    assert.ok(e.kind === 'entity');
    assert.ok(!ids.has(e.id), `duplicate entity id ${e.id}`);
    ids.add(e.id);
    assert.ok(['person', 'organization', 'place', 'event'].includes(e.type), `bad type ${e.type}`);
    assert.ok(e.name.length > 0, `entity ${e.id} has an empty name`);
    assert.ok(e.mentions.length > 0, `entity ${e.id} has no mentions`);
    assertSorted(`entity ${e.id} mentions`, e.mentions);
  }
  assertSorted('entities (by first mention)', a.entities.map(e => e.mentions[0]));
  for (const q of a.quotes) {
    if (q.speakerId !== undefined) assert.ok(ids.has(q.speakerId), `speakerId ${q.speakerId} resolves to no entity`);
  }

  for (let i = 1; i < a.keywords.length; i++) {
    assert.ok(a.keywords[i - 1].score >= a.keywords[i].score, `keywords not best first at ${i}`);
  }
  for (const k of a.keywords) {
    assert.ok(k.kind === 'keyword' && k.phrase.length > 0 && Number.isFinite(k.score), `bad keyword ${JSON.stringify(k)}`);
    assertSorted(`keyword ${k.phrase} mentions`, k.mentions);
  }
  for (const n of a.notes) assert.ok(typeof n.message === 'string' && n.message.length > 0, 'note without message');

  // deepStrictEqual tells a missing key from `undefined`, and NaN/Infinity turn into null: so
  // this fails on anything that JSON would silently change.
  assert.deepStrictEqual(JSON.parse(JSON.stringify(a)), a);
}

describe('[invariants] analyze() on any input', () => {
  const inputs: Array<[string, string]> = [
    ['sample article', readFileSync(join(root, 'samples/trend-azerbaijan-serbia.txt'), 'utf8')],
    ...(existsSync(fixtures)
      ? readdirSync(fixtures).filter(f => f.endsWith('.txt')).sort().map((f): [string, string] => [`fixture ${f}`, readFileSync(join(fixtures, f), 'utf8')])
      : []),
    ...nasty,
  ];
  for (const [name, text] of inputs) {
    it(name, () => {
      const analysis = analyze(text);
      checkInvariants(text, analysis);
      assert.deepStrictEqual(analyze(text), analysis, 'not deterministic');
    });
  }

  it('the binary input is reported in notes, not analysed', () => {
    const a = analyze('PK\u0003\u0004\u0000\u0000 "Not a quote," said Nobody.');
    assert.deepStrictEqual([a.quotes.length, a.entities.length, a.keywords.length], [0, 0, 0]);
    assert.ok(a.notes.length > 0);
  });
});

describe('[invariants] the checker itself', () => {
  const text = 'Ann said "hi" to Bob.';
  const good = (): Analysis => ({
    schemaVersion: 1,
    textLength: text.length,
    quotes: [{ kind: 'quote', span: { start: 9, end: 13 }, content: { start: 10, end: 12 }, speakerMention: { start: 0, end: 3 }, speakerId: 'person:ann' }],
    entities: [
      { kind: 'entity', id: 'person:ann', type: 'person', name: 'Ann', aliases: [], mentions: [{ start: 0, end: 3 }] },
      { kind: 'entity', id: 'person:bob', type: 'person', name: 'Bob', aliases: [], mentions: [{ start: 17, end: 20 }] },
    ],
    keywords: [],
    notes: [],
  });
  // [what is broken, how]: each must be caught, so the tests above are not vacuous.
  const broken: Array<[what: string, breakIt: (a: Analysis) => void]> = [
    ['span past the end', a => { a.entities[1].mentions[0].end = text.length + 1; }],
    ['negative start', a => { a.quotes[0].speakerMention = { start: -1, end: 3 }; }],
    ['content outside its quote', a => { a.quotes[0].content = { start: 8, end: 12 }; }],
    ['dangling speakerId', a => { a.quotes[0].speakerId = 'person:nobody'; }],
    ['duplicate entity id', a => { a.entities[1].id = 'person:ann'; }],
    ['entities out of order', a => { a.entities.reverse(); }],
    ['undefined field', a => { a.quotes[0].cue = undefined; }],
    ['wrong textLength', a => { a.textLength = 3; }],
  ];
  it('accepts a good analysis', () => checkInvariants(text, good()));
  for (const [what, breakIt] of broken) {
    it(`rejects ${what}`, () => {
      const a = good();
      breakIt(a);
      assert.throws(() => checkInvariants(text, a));
    });
  }
});
