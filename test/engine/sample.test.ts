import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, type Analysis, type Entity } from '../../src/engine/index';

// What a reader of the bundled sample must see (issue #2, "The sample"). These expectations live
// in the test, never in the engine: the engine is general and knows nothing of this article.
const SAMPLE = path.resolve(__dirname, '../../../samples/trend-azerbaijan-serbia.txt');

describe('[sample] trend-azerbaijan-serbia.txt reads right', () => {
  const text = fs.readFileSync(SAMPLE, 'utf8');
  const analysis: Analysis = analyze(text);
  const slice = (span: { start: number; end: number }) => text.slice(span.start, span.end);
  const entity = (type: Entity['type'], name: string) => analysis.entities.find(e => e.type === type && e.name === name);

  it('finds the dateline: place Baku, date 2024-12-23, source Trend', () => {
    const dateline = analysis.dateline;
    assert.ok(dateline, 'no dateline');
    assert.match(slice(dateline.span), /^BAKU, Azerbaijan, December 23/);
    assert.strictEqual(dateline.place, 'Baku');
    assert.strictEqual(dateline.date, '2024-12-23');
    assert.strictEqual(dateline.source, 'Trend');
  });

  it('finds three direct quotes, each one span from opening to closing mark', () => {
    assert.strictEqual(analysis.quotes.length, 3);
    for (const quote of analysis.quotes) {
      assert.strictEqual(text[quote.span.start], '"');
      assert.strictEqual(text[quote.span.end - 1], '"');
    }
    assert.deepStrictEqual(analysis.quotes.map(q => q.cue && slice(q.cue)), ['said', 'added', 'concluded']);
  });

  it('attributes all three quotes to Jeyhun Bayramov', () => {
    const bayramov = entity('person', 'Jeyhun Bayramov');
    assert.ok(bayramov, 'no person Jeyhun Bayramov');
    for (const quote of analysis.quotes) {
      assert.strictEqual(quote.speakerId, bayramov.id);
      assert.ok(quote.speakerMention && slice(quote.speakerMention) === 'he');
    }
  });

  it('knows the people, with roles and aliases', () => {
    const bayramov = entity('person', 'Jeyhun Bayramov');
    assert.ok(bayramov);
    assert.ok(bayramov.aliases.includes('Bayramov'));
    assert.strictEqual(bayramov.role, 'Minister of Foreign Affairs of Azerbaijan');
    assert.strictEqual(bayramov.mentions.length, 3);
    const djuric = entity('person', 'Marko Djuric');
    assert.ok(djuric, 'no person Marko Djuric');
    assert.strictEqual(djuric.role, 'Serbian Foreign Minister');
    assert.deepStrictEqual(analysis.entities.filter(e => e.type === 'person').map(e => e.name).sort(), ['Jeyhun Bayramov', 'Marko Djuric']);
  });

  it('knows the organizations', () => {
    for (const name of ['Trend', 'Strategic Partnership Council', 'Intergovernmental Commission on Trade and Economic Cooperation']) {
      assert.ok(entity('organization', name), `no organization ${name}`);
    }
  });

  it('knows the places, every mention', () => {
    for (const name of ['Azerbaijan', 'Serbia']) {
      const place = entity('place', name);
      assert.ok(place, `no place ${name}`);
      // every whole-word occurrence ("Serbian" is not one)
      const occurrences = text.match(new RegExp(`\\b${name}\\b`, 'g')) ?? [];
      assert.strictEqual(place.mentions.length, occurrences.length, `${name} mentions`);
    }
    assert.ok(entity('place', 'Baku'), 'no place Baku');
  });

  it('knows the events', () => {
    assert.ok(entity('event', 'COP29'), 'no event COP29');
    assert.ok(entity('event', 'EXPO-2027'), 'no event EXPO-2027');
  });

  it('ranks topic keywords an editor would tag near the top', () => {
    const top = analysis.keywords.slice(0, 10).map(k => k.phrase.toLowerCase());
    const wanted = ['renewable energy', 'energy security', 'climate diplomacy', 'visa-free regime'];
    const found = wanted.filter(w => top.includes(w));
    assert.ok(found.length >= 3, `top keywords ${JSON.stringify(top)} hold only ${JSON.stringify(found)}`);
    for (const keyword of analysis.keywords) assert.ok(keyword.mentions.length > 0);
  });
});
