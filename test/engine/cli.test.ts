import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { analyze } from '../../src/engine/index';

// Runs the bundled CLI (dist/cli.js) as a user would, on temp files: the bundle is what ships.
const root = resolve(__dirname, '../../..');
const cli = join(root, 'dist/cli.js');
const sample = join(root, 'samples/trend-azerbaijan-serbia.txt');

interface Run { status: number | null; stdout: string; stderr: string }

function run(args: string[], input?: string | Buffer): Run {
  const r = spawnSync(process.execPath, [cli, ...args], { input: input ?? '', encoding: 'utf8', maxBuffer: 256 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function jsonLines(stdout: string): Array<Record<string, unknown>> {
  return stdout.split('\n').filter(line => line !== '').map(line => JSON.parse(line) as Record<string, unknown>);
}

describe('[cli] dist/cli.js', function () {
  let dir: string;
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  before(function () {
    this.timeout(120_000);
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'pipe' });
    dir = mkdtempSync(join(tmpdir(), 'press-lens-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints exactly what analyze() returns for the sample', () => {
    const r = run([sample]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(jsonLines(r.stdout), [JSON.parse(JSON.stringify(analyze(readFileSync(sample, 'utf8'))))]);
  });

  // [file contents, expected textLength]: offsets are UTF-16 units, a BOM is dropped.
  const lengths: Array<[name: string, content: string | Buffer, textLength: number]> = [
    ['ascii.txt', 'He said "yes."', 14],
    ['emoji.txt', 'Fans 😀 cheered.', 16],
    ['bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Hi.')]), 3],
    ['crlf.txt', 'One.\r\n\r\nTwo.', 12],
    ['empty.txt', '', 0],
  ];
  for (const [name, content, textLength] of lengths) {
    it(`reads ${name} as UTF-8 with UTF-16 offsets`, () => {
      const r = run([file(name, content)]);
      assert.strictEqual(r.status, 0, r.stderr);
      const [analysis] = jsonLines(r.stdout);
      assert.strictEqual(analysis.textLength, textLength);
      assert.strictEqual(analysis.schemaVersion, 1);
    });
  }

  it('prints one line per file, in argument order', () => {
    const a = file('a.txt', 'a');
    const b = file('b.txt', 'bb');
    const r = run([b, a, b]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(jsonLines(r.stdout).map(x => x.textLength), [2, 1, 2]);
  });

  // [what is wrong, file bytes or undefined for a missing file, words the message must contain]
  const bad: Array<[what: string, content: Buffer | undefined, message: RegExp]> = [
    ['missing', undefined, /no such file/],
    ['binary', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14]), /binary.*NUL/],
    ['latin1', Buffer.from('caf\xe9 au lait', 'latin1'), /not valid UTF-8.*byte 3/],
    ['truncated-utf8', Buffer.from([0x61, 0xe2, 0x82]), /not valid UTF-8.*byte 1/],
  ];
  for (const [what, content, message] of bad) {
    it(`reports a ${what} file by name, keeps the other results and exits 1`, () => {
      const name = `${what}.txt`;
      const path = content ? file(name, content) : join(dir, name);
      const good = file('good.txt', 'Good.');
      const r = run([good, path, good]);
      assert.strictEqual(r.status, 1);
      assert.deepStrictEqual(jsonLines(r.stdout).map(x => x.textLength), [5, 5]);
      assert.ok(r.stderr.includes(name), r.stderr);
      assert.match(r.stderr, message);
    });
  }

  it('reports a directory given as a file', () => {
    const r = run([dir]);
    assert.strictEqual(r.status, 1);
    assert.match(r.stderr, /directory/);
  });

  it('reads one document from stdin with "-"', () => {
    const r = run(['-'], 'From stdin.');
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(jsonLines(r.stdout)[0].textLength, 11);
  });

  describe('--jsonl', () => {
    it('keeps ids and order, skips blank lines, accepts CRLF', () => {
      const input = '{"id":"b","text":"Two."}\r\n\n{"id":7,"text":"Three."}\n{"text":"x"}';
      const r = run(['--jsonl'], input);
      assert.strictEqual(r.status, 0, r.stderr);
      const out = jsonLines(r.stdout);
      assert.deepStrictEqual(out.map(x => [x.id, x.textLength]), [['b', 4], [7, 6], [4, 1]]);
      assert.deepStrictEqual(Object.keys(out[0]).slice(0, 3), ['id', 'schemaVersion', 'textLength']);
    });

    // [bad line, words the message must contain]; the bad line is line 2 of 3.
    const badLines: Array<[line: string, message: RegExp]> = [
      ['{"id":2,"text":', /:2: bad JSON/],
      ['[1,2]', /:2: expected a JSON object/],
      ['{"id":2}', /:2: missing string field "text"/],
      ['{"id":2,"text":5}', /:2: missing string field "text"/],
    ];
    for (const [line, message] of badLines) {
      it(`names the line of ${line} and keeps the others`, () => {
        const r = run(['--jsonl'], `{"id":1,"text":"a"}\n${line}\n{"id":3,"text":"ccc"}\n`);
        assert.strictEqual(r.status, 1);
        assert.deepStrictEqual(jsonLines(r.stdout).map(x => x.id), [1, 3]);
        assert.match(r.stderr, message);
      });
    }

    it('names a line that is not UTF-8', () => {
      const input = Buffer.concat([Buffer.from('{"id":1,"text":"a"}\n{"id":2,"text":"'), Buffer.from([0xff]), Buffer.from('"}\n')]);
      const r = run(['--jsonl'], input);
      assert.strictEqual(r.status, 1);
      assert.match(r.stderr, /:2: not valid UTF-8/);
      assert.deepStrictEqual(jsonLines(r.stdout).map(x => x.id), [1]);
    });

    it('streams many lines and a long one in order', () => {
      const lines: string[] = [];
      for (let i = 0; i < 3000; i++) lines.push(JSON.stringify({ id: i, text: `Article ${i} said "hello".` }));
      lines.splice(1500, 0, JSON.stringify({ id: 'long', text: 'word '.repeat(200_000) }));
      const r = run(['--jsonl'], lines.join('\n') + '\n');
      assert.strictEqual(r.status, 0, r.stderr);
      const ids = jsonLines(r.stdout).map(x => x.id);
      assert.strictEqual(ids.length, 3001);
      assert.strictEqual(ids[1500], 'long');
      assert.deepStrictEqual(ids.filter(id => id !== 'long'), [...Array(3000).keys()]);
    });

    it('reads JSON Lines from files too, naming file and line', () => {
      const path = file('in.jsonl', '{"id":"x","text":"x"}\noops\n');
      const r = run(['--jsonl', path]);
      assert.strictEqual(r.status, 1);
      assert.deepStrictEqual(jsonLines(r.stdout).map(x => x.id), ['x']);
      assert.ok(r.stderr.includes(`${path}:2:`), r.stderr);
    });
  });

  it('--pretty prints a summary, not JSON', () => {
    const r = run(['--pretty', sample]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /Dateline/);
    assert.match(r.stdout, /Quotes \(\d+\)/);
    assert.ok(r.stdout.includes('trend-azerbaijan-serbia.txt'));
    assert.throws(() => JSON.parse(r.stdout));
  });

  // [arguments, exit code, where the text goes, what it says]
  const usage: Array<[args: string[], status: number, stream: 'stdout' | 'stderr', text: RegExp]> = [
    [['--help'], 0, 'stdout', /Usage: press-lens/],
    [['-h'], 0, 'stdout', /--jsonl/],
    [['--frobnicate'], 2, 'stderr', /unknown option --frobnicate/],
  ];
  for (const [args, status, stream, text] of usage) {
    it(`${args.join(' ')} exits ${status}`, () => {
      const r = run(args);
      assert.strictEqual(r.status, status);
      assert.match(r[stream], text);
    });
  }
});
