/** Turning bytes from files and stdin into text the engine can take, or a clear reason why not. */

export type Decoded = { text: string } | { error: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes `bytes` as UTF-8, refusing binary files: a NUL byte never occurs in text, and a
 * decoder that replaced bad bytes with U+FFFD would shift nothing but silently corrupt names.
 * A leading byte-order mark is dropped, as VS Code drops it, so offsets match the editor's.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { error: `binary file (NUL byte at byte ${nul}), skipped` };
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return { error: `not valid UTF-8 (first bad byte at byte ${firstInvalidUtf8(bytes)}), skipped` };
  }
}

/**
 * Byte offset of the first malformed UTF-8 sequence. TextDecoder only says "invalid", so this
 * walks the bytes once to tell the user where to look ('caf\xE9.txt' → byte 3).
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number;
    let min: number;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return i;
}

/**
 * Splits a byte stream into lines without holding more than the current line in memory, so
 * `--jsonl` runs in constant memory over inputs of any size. Splitting on the byte 0x0A is safe
 * in UTF-8 (no multi-byte sequence contains it). Yields each line's bytes without '\n' or a
 * trailing '\r', and its 1-based line number.
 */
export async function* splitLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<{ line: Uint8Array; number: number }> {
  let pending: Uint8Array[] = [];
  let number = 0;
  for await (const chunk of chunks) {
    let from = 0;
    for (let nl = chunk.indexOf(10, from); nl >= 0; nl = chunk.indexOf(10, from)) {
      pending.push(chunk.subarray(from, nl));
      yield { line: trimCr(concat(pending)), number: ++number };
      pending = [];
      from = nl + 1;
    }
    if (from < chunk.length) pending.push(chunk.subarray(from));
  }
  if (pending.length > 0) yield { line: trimCr(concat(pending)), number: ++number };
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

function trimCr(line: Uint8Array): Uint8Array {
  return line.length > 0 && line[line.length - 1] === 13 ? line.subarray(0, line.length - 1) : line;
}
