// Working arrays reused from one call to the next.
//
// Why: a typed array longer than 64 bytes gets its own backing store outside the JavaScript heap,
// about a microsecond apiece to make and later free. analyze() of a 2 KB article made some 30 of
// them (a token's flags, marks, positions...), a tenth of its time. A site that needs a zeroed
// array for the length of one call asks its own Scratch instead: the same buffer comes back at
// every call, cleared, as a view of the requested length.
//
// The caller's contract: the array is dead before the same Scratch is asked again (not returned,
// not kept in a result or a cache). Arrays longer than KEEP_LIMIT are made fresh and not kept, so a
// 5 MB document leaves no megabytes behind, and costs what it did (one allocation in ~100 ms of
// work is nothing there).

const KEEP_LIMIT = 1 << 16;

type Kind = Uint8Array | Int32Array | Uint32Array | Float64Array;

export class Scratch<T extends Kind> {
  private kept: T;

  constructor(private readonly make: (length: number) => T) {
    this.kept = make(0);
  }

  /** A zeroed array of `length` elements, valid until this Scratch is asked again. */
  take(length: number): T {
    if (length > KEEP_LIMIT) return this.make(length);
    let kept = this.kept;
    if (kept.length < length) {
      // grown to a power of two at least 256, so a run of growing articles reallocates rarely
      let size = 256;
      while (size < length) size *= 2;
      this.kept = kept = this.make(size);
    } else {
      kept.fill(0, 0, length);
    }
    return kept.length === length ? kept : (kept.subarray(0, length) as T);
  }
}

export const uint8Scratch = (): Scratch<Uint8Array> => new Scratch(length => new Uint8Array(length));
export const int32Scratch = (): Scratch<Int32Array> => new Scratch(length => new Int32Array(length));
export const uint32Scratch = (): Scratch<Uint32Array> => new Scratch(length => new Uint32Array(length));
export const float64Scratch = (): Scratch<Float64Array> => new Scratch(length => new Float64Array(length));
