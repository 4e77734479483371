import { HASH_BITS, LABEL_COUNT } from './features';
import type { Weights } from './tagger';

const L = LABEL_COUNT;

/** The shipped model as plain data: see encodeModel for the byte layout of `weights`. */
export interface ModelData {
  hashBits: number;
  labelCount: number;
  scale: number;
  transitions: number[];
  /** Base64 of the sparse int8 rows. */
  weights: string;
}

// Own base64 codec: the engine runs where neither Buffer (browser) nor atob's types (ES2022 lib) are available.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i], b = bytes[i + 1] ?? 0, c = bytes[i + 2] ?? 0;
    out += ALPHABET[a >> 2] + ALPHABET[((a & 3) << 4) | (b >> 4)];
    out += i + 1 < bytes.length ? ALPHABET[((b & 15) << 2) | (c >> 6)] : '=';
    out += i + 2 < bytes.length ? ALPHABET[c & 63] : '=';
  }
  return out;
}

export function decodeBase64(text: string): Uint8Array {
  const lookup = new Uint8Array(128);
  for (let i = 0; i < ALPHABET.length; i++) lookup[ALPHABET.charCodeAt(i)] = i;
  let length = (text.length / 4) * 3;
  if (text.endsWith('==')) length -= 2;
  else if (text.endsWith('=')) length -= 1;
  const out = new Uint8Array(length);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n = (lookup[text.charCodeAt(i)] << 18) | (lookup[text.charCodeAt(i + 1)] << 12) |
      (lookup[text.charCodeAt(i + 2)] << 6) | lookup[text.charCodeAt(i + 3)];
    if (o < length) out[o++] = n >> 16;
    if (o < length) out[o++] = (n >> 8) & 255;
    if (o < length) out[o++] = n & 255;
  }
  return out;
}

/**
 * Quantizes weights to int8 (w / scale rounded, |q| < 1 dropped) and stores only non-zero rows:
 * per row, the bucket's distance from the previous row as a varint, a 3-byte mask of the labels
 * present, then one signed byte per present label.
 */
export function encodeModel(rows: Float32Array, transitions: Float32Array, scale: number): ModelData {
  const bytes: number[] = [];
  let previous = -1;
  const buckets = rows.length / L;
  for (let bucket = 0; bucket < buckets; bucket++) {
    let mask = 0;
    const values: number[] = [];
    for (let y = 0; y < L; y++) {
      const q = Math.max(-127, Math.min(127, Math.round(rows[bucket * L + y] / scale)));
      if (q !== 0) {
        mask |= 1 << y;
        values.push(q & 255);
      }
    }
    if (mask === 0) continue;
    let gap = bucket - previous;
    previous = bucket;
    while (gap >= 128) {
      bytes.push((gap & 127) | 128);
      gap >>>= 7;
    }
    bytes.push(gap, mask & 255, (mask >> 8) & 255, (mask >> 16) & 255, ...values);
  }
  return {
    hashBits: HASH_BITS, labelCount: L, scale,
    transitions: Array.from(transitions, t => Math.round(t * 1000) / 1000),
    weights: encodeBase64(Uint8Array.from(bytes)),
  };
}

let nextId = 1;

export function decodeModel(data: ModelData): Weights {
  if (data.hashBits !== HASH_BITS || data.labelCount !== L) throw new Error('name tagger model does not match the feature layout');
  const bytes = decodeBase64(data.weights);
  const rows = new Int8Array((1 << HASH_BITS) * L);
  const present = new Uint32Array((1 << HASH_BITS) >>> 5);
  let bucket = -1;
  for (let i = 0; i < bytes.length; ) {
    let gap = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[i++];
      gap |= (b & 127) << shift;
      if (b < 128) break;
    }
    bucket += gap;
    const mask = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16);
    i += 3;
    for (let y = 0; y < L; y++) if (mask & (1 << y)) rows[bucket * L + y] = (bytes[i++] << 24) >> 24;
    present[bucket >>> 5] |= 1 << (bucket & 31);
  }
  return { rows, scale: data.scale, transitions: Float32Array.from(data.transitions), id: nextId++, present };
}
