import * as assert from 'assert';
import { findLinks } from '../../../src/engine/text/links';
import { analyze } from '../../../src/engine';

const linksOf = (text: string) => findLinks(text).map(span => text.slice(span.start, span.end));

describe('[links] web and e-mail addresses', () => {
  // [text, the addresses found]
  const cases: Array<[text: string, links: string[]]> = [
    ['Visit https://www.mayoclinic.org/about-us?x=1. Then go home.', ['https://www.mayoclinic.org/about-us?x=1']],
    // a Markdown link: the target, not the text
    ['with [Mayo Clinic](https://www.mayoclinic.org) to study', ['https://www.mayoclinic.org']],
    ['(see www.acme.example).', ['www.acme.example']],
    ['Contact: <press@acme.example> or jo.ng@mail.acme.co.uk.', ['press@acme.example', 'jo.ng@mail.acme.co.uk']],
    ['The call can be heard at investors.acmefoods.example, and later.', ['investors.acmefoods.example']],
    // a bracket the address opened stays; one around it goes
    ['(https://en.wikipedia.org/wiki/Mercury_(planet))', ['https://en.wikipedia.org/wiki/Mercury_(planet)']],
    // the scheme's letters only: "30th." is the sentence before it
    ['on the 30th.https://t.co/abc', ['https://t.co/abc']],
    // no addresses: a company named by its domain, abbreviations, numbers, a handle
    ['Amazon.com Inc. rose; the U.S.A. and e.g. a.m. Ph.D. No.5 3.5% St.Louis end.Next', []],
    ['Email Jo@Acme. Or @acme on Twitter.', []],
    ['', []],
  ];
  for (const [text, links] of cases) {
    it(JSON.stringify(text), () => assert.deepStrictEqual(linksOf(text), links));
  }

  it('stays linear on long runs without spaces', () => {
    // each run is read once, however many candidates it holds
    assert.deepStrictEqual(linksOf('a.b'.repeat(200_000)), []);
    assert.strictEqual(findLinks('x@y.example '.repeat(50_000)).length, 50_000);
    assert.deepStrictEqual(linksOf('a.org' + ')'.repeat(100_000)), []);
  });
});

describe('[links] in the analysis', () => {
  const text = 'Brightline Health today announced a study with [Mayo Clinic](https://www.mayoclinic.org). ' +
    'Details are at www.brightline.example/study and from press@brightline.example.\n\n' +
    'The study will run at three sites, and the study team will publish results.';
  const analysis = analyze(text);
  it('takes no keyword from an address', () => {
    const words = analysis.keywords.flatMap(k => k.phrase.toLowerCase().split(/\W+/));
    for (const word of ['https', 'www', 'org', 'mayoclinic', 'brightline.example', 'example', 'press']) {
      assert.ok(!words.includes(word), `${word} in ${JSON.stringify(analysis.keywords.map(k => k.phrase))}`);
    }
    assert.ok(analysis.keywords.some(k => k.phrase === 'study'), 'the topic is still found');
  });
  // capitalised words inside addresses, which the tagger takes for names
  for (const input of ['Read it at https://www.Lumora.example/News today.', 'Questions go to Jordan.Ellis@Lumora.example now.', 'See http://London.example/Paris/Berlin now.']) {
    it(`finds no name inside an address: ${JSON.stringify(input)}`, () => {
      const links = findLinks(input);
      assert.strictEqual(links.length, 1);
      const names = analyze(input).entities.flatMap(e => e.mentions).map(m => input.slice(m.start, m.end));
      assert.deepStrictEqual(names, []);
    });
  }
});
