import type { Tokens } from './tokenize';
import type { Segment } from './sentences';

// Binary searches over the sorted token and segment arrays, shared by the stages.

/** Index of the first token ending after `offset` (tokens sorted by start). */
export function tokenAt(tokens: Tokens, offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.ends[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * tokenAt(tokens, offset) when `hint` is known not to pass the answer (the token index of an
 * earlier offset): gallops forward from the hint, so quotations taken in text order each touch
 * a few nearby tokens instead of halving a million-token array from its ends. Falls back to the
 * full search when the hint is past the answer.
 */
export function tokenAtFrom(tokens: Tokens, offset: number, hint: number): number {
  const n = tokens.length;
  if (hint <= 0 || hint > n || tokens.ends[hint - 1] > offset) return tokenAt(tokens, offset);
  // every token before lo ends at or before offset; hi is n or a token ending after it
  let lo = hint;
  let hi = hint;
  for (let step = 1; hi < n && tokens.ends[hi] <= offset; step *= 2) {
    lo = hi + 1;
    hi = Math.min(hint + step, n);
  }
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.ends[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the segment (or span, sorted by start) containing `offset`, or of the last one starting before it. */
export function segmentAt(segments: ReadonlyArray<Pick<Segment, 'start'>>, offset: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

/** Index of the first token whose start is >= offset (binary search). */
export function firstTokenFrom(tokens: Tokens, offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens.starts[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
