import { once } from 'events';
import { readFile } from 'fs/promises';
import { createReadStream } from 'fs';
import { analyze, type Analysis } from '../engine/index';
import { decodeText, splitLines } from './input';
import { formatPretty } from './pretty';

const USAGE = `Usage: press-lens [--pretty] FILE...
       press-lens --jsonl [--pretty] [FILE...] < input.jsonl

Annotates news articles and press releases: dateline, direct quotes and their speakers,
people, organizations, places, events and topic keywords.

  FILE...    UTF-8 text files; prints one Analysis as JSON per file, one per line, in order.
             "-" reads one document from stdin (also the default when stdin is not a terminal).
  --jsonl    Reads JSON Lines {"id": ..., "text": "..."} from the FILEs, or stdin if none, and
             writes {"id": ..., ...Analysis} per line, in order, streaming. A line without "id"
             gets its line number as id. Blank lines are skipped.
  --pretty   Prints a readable summary instead of JSON.
  --help     Shows this help.

Offsets are UTF-16 code units into the text, end exclusive (a UTF-8 byte-order mark is dropped
first, as editors do). Inputs that cannot be read (missing, binary, not UTF-8, bad JSON) are
reported on stderr by name and line; the others are still printed, and the exit code is 1.
Exit code 2: bad usage.
`;

interface Options {
  jsonl: boolean;
  pretty: boolean;
  inputs: string[];
}

/** Set when any input failed; the exit code says so after everything else was printed. */
let failed = false;

function fail(where: string, message: string): void {
  failed = true;
  process.stderr.write(`press-lens: ${where}: ${message}\n`);
}

function parseArgs(argv: string[]): Options | string {
  const options: Options = { jsonl: false, pretty: false, inputs: [] };
  let onlyFiles = false;
  for (const arg of argv) {
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) options.inputs.push(arg);
    else if (arg === '--') onlyFiles = true;
    else if (arg === '--jsonl') options.jsonl = true;
    else if (arg === '--pretty') options.pretty = true;
    else if (arg === '--help' || arg === '-h') return 'help';
    else return `unknown option ${arg}`;
  }
  return options;
}

/** Writes with backpressure, so a slow reader of stdout keeps our memory constant. */
async function write(chunk: string): Promise<void> {
  if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
}

/** The engine is not expected to throw, but one bad document must not cost the others. */
function analyzeSafely(where: string, text: string): Analysis | undefined {
  try {
    return analyze(text);
  } catch (error) {
    fail(where, `analysis failed: ${(error as Error).message}`);
    return undefined;
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function describeReadError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT': return 'no such file';
    case 'EISDIR': return 'is a directory, not a file';
    case 'EACCES': return 'permission denied';
    default: return error.message;
  }
}

async function runFile(file: string, pretty: boolean): Promise<void> {
  const name = file === '-' ? '<stdin>' : file;
  let bytes: Uint8Array;
  try {
    bytes = file === '-' ? await readStdin() : await readFile(file);
  } catch (error) {
    fail(name, describeReadError(error as NodeJS.ErrnoException));
    return;
  }
  const decoded = decodeText(bytes);
  if ('error' in decoded) return fail(name, decoded.error);
  const analysis = analyzeSafely(name, decoded.text);
  if (!analysis) return;
  await write(pretty ? formatPretty(name, decoded.text, analysis) + '\n' : JSON.stringify(analysis) + '\n');
}

async function runJsonl(file: string, pretty: boolean): Promise<void> {
  const name = file === '-' ? '<stdin>' : file;
  const stream = file === '-' ? process.stdin : createReadStream(file);
  try {
    for await (const { line, number } of splitLines(stream as AsyncIterable<Uint8Array>)) {
      const where = `${name}:${number}`;
      const decoded = decodeText(line);
      if ('error' in decoded) { fail(where, decoded.error.replace(', skipped', ', line skipped')); continue; }
      if (decoded.text.trim() === '') continue;
      const record = parseRecord(decoded.text);
      if (typeof record === 'string') { fail(where, record); continue; }
      const id = record.id === undefined ? number : record.id;
      const analysis = analyzeSafely(`${where} (id ${JSON.stringify(id)})`, record.text);
      if (!analysis) continue;
      await write(pretty
        ? formatPretty(`${name} id ${JSON.stringify(id)}`, record.text, analysis) + '\n'
        : JSON.stringify({ id, ...analysis }) + '\n');
    }
  } catch (error) {
    fail(name, describeReadError(error as NodeJS.ErrnoException));
  }
}

/** A JSON Lines record, or what is wrong with it. */
function parseRecord(line: string): { id?: unknown; text: string } | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `bad JSON, line skipped (${(error as Error).message})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object {"id", "text"}, line skipped';
  const record = value as { id?: unknown; text?: unknown };
  if (typeof record.text !== 'string') return 'missing string field "text", line skipped';
  return { id: record.id, text: record.text };
}

async function main(): Promise<void> {
  // `press-lens ... | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(failed ? 1 : 0);
    throw error;
  });
  const options = parseArgs(process.argv.slice(2));
  if (options === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  if (typeof options === 'string') {
    process.stderr.write(`press-lens: ${options}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options.inputs.length === 0) {
    if (process.stdin.isTTY) {
      process.stderr.write(USAGE);
      process.exitCode = 2;
      return;
    }
    options.inputs.push('-');
  }
  for (const input of options.inputs) {
    if (options.jsonl) await runJsonl(input, options.pretty);
    else await runFile(input, options.pretty);
  }
  if (failed) process.exitCode = 1;
}

main().catch(error => {
  process.stderr.write(`press-lens: ${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
