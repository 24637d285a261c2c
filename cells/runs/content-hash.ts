/**
 * A 64-bit content hash (two MurmurHash3-style 32-bit lanes), as 16 hex digits: fast, synchronous, the same in
 * Node and the browser. Not cryptographic — it names training inputs, nobody forges them. Each part is prefixed
 * by its kind and length, so `["ab", "c"]` and `["a", "bc"]` differ, and numbers hash by their float64 bits.
 */
export class ContentHash {
  private h1 = 0x9747b28c;
  private h2 = 0x3c6ef372;
  private count = 0;
  private readonly f64 = new Float64Array(1);
  private readonly u32 = new Uint32Array(this.f64.buffer);

  /** Mixes in a string (UTF-16 code units). */
  text(value: string): this {
    this.word(1).word(value.length);
    for (let i = 0; i < value.length; ++i) this.word(value.charCodeAt(i));
    return this;
  }

  /** Mixes in numbers (a typed array or a plain array): their exact float64 bits. */
  numbers(values: ArrayLike<number>): this {
    this.word(2).word(values.length);
    for (let i = 0; i < values.length; ++i) {
      const v = values[i];
      // Small integers (token ids, labels) take one word; anything else its two float64 words.
      if ((v | 0) === v && !Object.is(v, -0)) this.word(3).word(v);
      else {
        this.f64[0] = v;
        this.word(this.u32[0]).word(this.u32[1]);
      }
    }
    return this;
  }

  digest(): string {
    let a = (this.h1 ^ this.count) >>> 0;
    let b = (this.h2 ^ this.count) >>> 0;
    a = (a + b) >>> 0;
    b = (b + a) >>> 0;
    a = fmix(a);
    b = fmix(b);
    a = (a + b) >>> 0;
    b = (b + a) >>> 0;
    return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
  }

  private word(k: number): this {
    this.count = (this.count + 1) >>> 0;
    let k1 = Math.imul(k, 0xcc9e2d51);
    k1 = Math.imul(rotl(k1, 15), 0x1b873593);
    this.h1 = (Math.imul(rotl(this.h1 ^ k1, 13), 5) + 0xe6546b64) | 0;
    let k2 = Math.imul(k, 0x85ebca6b);
    k2 = Math.imul(rotl(k2, 16), 0xc2b2ae35);
    this.h2 = (Math.imul(rotl(this.h2 ^ k2, 17), 9) + 0x7f4a7c15) | 0;
    return this;
  }
}

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Canonical JSON: object keys sorted at every level, so equal data gives equal text whatever the key order. */
export function canonicalJSON(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v) && !ArrayBuffer.isView(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]])
        )
      : v
  );
}
