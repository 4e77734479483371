import * as assert from 'assert';
import { scanTokens } from '../../../src/engine/text/tokenize';
import { detectStructure, parseDate, titleCase } from '../../../src/engine/stages/structure';

function structureOf(text: string) {
  return detectStructure(text, scanTokens(text));
}

function slice(text: string, span: { start: number; end: number } | undefined): string | undefined {
  return span ? text.slice(span.start, span.end) : undefined;
}

describe('[structure] dateline', () => {
  // input, dateline text, place, date, source, body starts with
  const cases: Array<[input: string, span: string | undefined, place?: string, date?: string, source?: string, body?: string]> = [
    [' date 2024-12-23 TALLINN, Ruritania, December 23. Two countries met, said Jo Ng, an official, Acme News reports.',
      'TALLINN, Ruritania, December 23', 'Tallinn', '2024-12-23', 'Acme News', 'Two countries'],
    ['WASHINGTON (Reuters) - The Senate voted on Tuesday.', 'WASHINGTON (Reuters) -', 'Washington', undefined, 'Reuters', 'The Senate'],
    ['LONDON, March 3 (AP) — Britain said.', 'LONDON, March 3 (AP) —', 'London', undefined, 'AP', 'Britain'],
    ['NEW YORK--(BUSINESS WIRE)--Acme Corp. today announced', 'NEW YORK--(BUSINESS WIRE)--', 'New York', undefined, 'Business Wire', 'Acme Corp.'],
    ['SAN FRANCISCO, Calif., Jan. 5, 2024 /PRNewswire/ -- Acme today announced',
      'SAN FRANCISCO, Calif., Jan. 5, 2024 /PRNewswire/ --', 'San Francisco', '2024-01-05', 'PRNewswire', 'Acme today'],
    ['SOCCER - HOSTS WIN , VISITORS LOSE .\nJo Ng\nAL-AIN , United Arab Emirates 1996-12-06\nThe hosts began',
      'AL-AIN , United Arab Emirates 1996-12-06', 'Al-Ain', '1996-12-06', undefined, 'The hosts'],
    ['Washington (Reuters) - Lawmakers agreed.', 'Washington (Reuters) -', 'Washington', undefined, 'Reuters', 'Lawmakers'],
    // a year-less dateline under a header dated early January belongs to the year before
    ['Date: 2025-01-02\nOSLO, December 31 — Snow fell.', 'OSLO, December 31 —', 'Oslo', '2024-12-31', undefined, 'Snow fell'],
    ['December 31, 2024\nHeadline here\nOSLO, Jan. 2 - Snow.', 'OSLO, Jan. 2 -', 'Oslo', '2025-01-02', undefined, 'Snow'],
    ['ST. LOUIS, Monday, May 5, 2025 -- Rain.', 'ST. LOUIS, Monday, May 5, 2025 --', 'St. Louis', '2025-05-05', undefined, 'Rain'],
    ['RIVERTON, Ohio (June 2, 2026) – Mayor Jo Ng said.', 'RIVERTON, Ohio (June 2, 2026) –', 'Riverton', '2026-06-02', undefined, 'Mayor Jo Ng'],
    ['Riverton, Ohio (June 2, 2026) — Mayor Jo Ng said.', 'Riverton, Ohio (June 2, 2026) —', 'Riverton', '2026-06-02', undefined, 'Mayor Jo Ng'],
    ['CHICAGO, IL – October 5, 2026 – Acme today announced', 'CHICAGO, IL – October 5, 2026 –', 'Chicago', '2026-10-05', undefined, 'Acme today'],
    // Markdown emphasis around it: the marks are left out of the span
    ['# Fellows named\n\n**LONDON, 12 June 2026** – The foundation said.', 'LONDON, 12 June 2026', 'London', '2026-06-12', undefined, 'The foundation'],
    ['# Fellows named\n\n**BOSTON, MA — January 20, 2026** — The foundation said.', 'BOSTON, MA — January 20, 2026', 'Boston', '2026-01-20', undefined, 'The foundation'],
    ['_London, June 12, 2026_ -- The foundation said.', 'London, June 12, 2026', 'London', '2026-06-12', undefined, 'The foundation'],
    ['**LONDON** – Prices rose.', 'LONDON', 'London', undefined, undefined, 'Prices'],
    // a known place and a date as the whole line
    ['Commission proposes rules\n\nBrussels, 14 May 2026\n\nThe Commission proposed.', 'Brussels, 14 May 2026', 'Brussels', '2026-05-14', undefined, 'The Commission'],
    // not datelines
    ['Acme Labs, 14 May 2026\n\nThe firm said.', undefined],
    ['**Important** – Prices rose.', undefined],
    ['NATO, Russia and China agreed on Monday.', undefined],
    ['Acme Corp. (ACME) said on Monday that sales rose.', undefined],
    ['SOCCER - HOSTS WIN , VISITORS LOSE .', undefined],
    // a dash alone after capitals is a headline unless the capitals name a known place
    ['PRESS DIGEST - Ruritania - Aug 29 .', undefined],
    ['LONDON - Prices rose.', 'LONDON -', 'London', undefined, undefined, 'Prices'],
    ['The minister said on Monday that talks would go on.', undefined],
    ['', undefined],
  ];
  for (const [input, span, place, date, source, body] of cases) {
    it(JSON.stringify(input.slice(0, 60)), () => {
      const s = structureOf(input);
      assert.strictEqual(slice(input, s.dateline?.span), span);
      if (!span) return;
      assert.strictEqual(s.dateline?.place, place);
      assert.strictEqual(s.dateline?.date, date);
      assert.strictEqual(s.dateline?.source, source);
      assert.ok(input.slice(s.bodyStart).startsWith(body!), `body starts with ${JSON.stringify(input.slice(s.bodyStart, s.bodyStart + 20))}`);
    });
  }
});

describe('[structure] source credit span', () => {
  const cases: Array<[input: string, credit: string | undefined]> = [
    ['TALLINN, Ruritania, December 23. Two countries met, said Jo Ng, Acme News reports.', 'Acme News'],
    ['PARIS, May 1 (AFP) - Strikes spread.', 'AFP'],
    ['OSLO, May 1 - The agency reports.', undefined],
    ['Growth slowed, the Ministry reported.', undefined],
    ['Growth slowed, Acme Wire reported citing officials.', 'Acme Wire'],
    // a credit verb is found by its length (7-8 letters), first letter and then its lower case
    ['Growth slowed, Trend informs.', 'Trend'],
    ['Growth slowed, Trend Informed.', 'Trend'],
    ['Growth slowed, ACME WIRE REPORTS.', 'ACME WIRE'],
    ['Growth slowed, Acme Wire ŕeports.', undefined],
    ['Growth slowed, Acme Wire reporting.', undefined],
    ['Growth slowed, Acme Wire 2024-05.', undefined],
  ];
  for (const [input, credit] of cases) {
    it(JSON.stringify(input), () => assert.strictEqual(slice(input, structureOf(input).credit), credit));
  }
});

describe('[structure] headers and boilerplate', () => {
  const release = [
    'FOR IMMEDIATE RELEASE', 'EMBARGOED UNTIL 10:00 GMT, May 2', 'Acme launches widget',
    'BOSTON, May 2, 2023 -- Acme said it will ship.', '', 'More story here.', '', 'About Acme',
    'Acme makes things.', '', 'Media Contact:', 'Jo Ng, jo@example.com', '',
  ].join('\n');
  const cases: Array<[input: string, headers: string[], boilerplate: string[]]> = [
    [release, ['FOR IMMEDIATE RELEASE', 'EMBARGOED UNTIL 10:00 GMT, May 2'],
      ['About Acme\nAcme makes things.\n\nMedia Contact:\nJo Ng, jo@example.com']],
    [' date 2024-12-23 TALLINN, Ruritania, December 23. Text.', ['date 2024-12-23'], []],
    ['Source: Acme Wire\nBy Jo Ng\nOSLO, May 1 - Text.', ['Source: Acme Wire', 'By Jo Ng'], []],
    ['Friday, May 2, 2025\n2025-05-02\nOSLO, May 1 - Text.', ['Friday, May 2, 2025', '2025-05-02'], []],
    ['May 2 was sunny.', [], []],
    ['OSLO, May 1 - Story.\n\nMore story.\n\n###\n\nNotes to editors.', [], ['###\n\nNotes to editors.']],
    ['OSLO, May 1 - Story.\n\n-30-', [], ['-30-']],
    ['OSLO, May 1 - Story.\n\nMedia contacts: Jo Ng\n+1 555 0100\n\nStory again.', [], ['Media contacts: Jo Ng\n+1 555 0100']],
    ['OSLO, May 1 - Story.\n\nForward-Looking Statements\nThis release has risks.', [], ['Forward-Looking Statements\nThis release has risks.']],
    ['Story about the budget.\n\nBy the way, more.', [], []],
    ['OSLO, May 1 - Story.\n\nSOURCE Acme Robotics\n\nStory again.', [], ['SOURCE Acme Robotics']],
    ['OSLO, May 1 - Story.\n\nMedia Relations: Jo Ng', [], ['Media Relations: Jo Ng']],
    ['OSLO, May 1 - Story.\n\nNotes to editors\nAcme was founded in 1990.', [], ['Notes to editors\nAcme was founded in 1990.']],
    ['OSLO, May 1 - Story.\n\nThe source said so.\n\nSource of funds: loans.', [], []],
    ['OSLO, May 1 - Story.\n\nAbout the deal: it is large.', [], []],
    // a byline under the headline, a wire story's staff credit at the end
    ['Floods hit Ruritania\n\nBy Jo Ng\n\nOSLO (Acme Wire) - Story.\n\n(Reporting by Jo Ng; Editing by Al Roe)',
      ['By Jo Ng'], ['(Reporting by Jo Ng; Editing by Al Roe)']],
    ['OSLO, May 1 - Story.\n\nReporting by Jo Ng in Oslo\n\nStory again.', [], ['Reporting by Jo Ng in Oslo']],
    ['OSLO, May 1 - Story.\n\nReporting by journalists has changed.', [], []],
    // Markdown: a heading, a line in bold
    ['OSLO, May 1 - Story.\n\n### About Acme\n\nAcme makes things.', [], ['### About Acme\n\nAcme makes things.']],
    ['OSLO, May 1 - Story.\n\n**Media contact:** Jo Ng\n\nStory again.', [], ['**Media contact:** Jo Ng']],
    ['OSLO, May 1 - Story.\n\n* About 40 people came.', [], []],
    ['OSLO, May 1 - Story.\n\n*For more information, visit acme.example.*', [], ['*For more information, visit acme.example.*']],
    ['OSLO, May 1 - Story.\n\nThis interview has been edited for length and clarity.', [], ['This interview has been edited for length and clarity.']],
    ['OSLO, May 1 - Story.\n\nTo learn more, visit acme.example.', [], ['To learn more, visit acme.example.']],
    ['OSLO, May 1 - Story.\n\nTo learn the results, wait.', [], []],
  ];
  for (const [input, headers, boilerplate] of cases) {
    it(JSON.stringify(input.slice(0, 50)), () => {
      const s = structureOf(input);
      assert.deepStrictEqual(s.headers.map(h => slice(input, h)), headers);
      assert.deepStrictEqual(s.boilerplate.map(b => slice(input, b)), boilerplate);
    });
  }
});

describe('[structure] helpers', () => {
  const dates: Array<[input: string, parts: [number | undefined, number, number] | undefined]> = [
    ['2024-12-23', [2024, 12, 23]],
    ['Dec. 23, 2024', [2024, 12, 23]],
    ['23 December 2024', [2024, 12, 23]],
    ['December 23', [undefined, 12, 23]],
    ['Friday, May 2', [undefined, 5, 2]],
    ['may 2', undefined],
    ['2024-13-01', undefined],
  ];
  for (const [input, parts] of dates) {
    it(`parseDate ${JSON.stringify(input)}`, () => {
      const d = parseDate(scanTokens(input), 0);
      assert.deepStrictEqual(d ? [d.year, d.month, d.day] : undefined, parts);
    });
  }
  const names: Array<[string, string]> = [['TALLINN', 'Tallinn'], ['AL-AIN', 'Al-Ain'], ['NEW YORK', 'New York'], ["O'HARE", "O'Hare"], ['Tallinn', 'Tallinn']];
  for (const [input, expected] of names) it(`titleCase ${input}`, () => assert.strictEqual(titleCase(input), expected));
});

describe('[structure] a transcript\'s speaker labels', () => {
  it('finds the labels at the start of a line, not capitals elsewhere', () => {
    const text = 'MS. LEAVITT: Good afternoon.\n\nQ: When will it start?\n\nSECRETARY RUBIO: Today. NATO: not now.\nThe NATO summit: soon.';
    const labels = detectStructure(text, scanTokens(text)).labels.map(l => text.slice(l.start, l.end));
    assert.deepStrictEqual(labels, ['MS. LEAVITT:', 'Q:', 'SECRETARY RUBIO:']);
  });
});
