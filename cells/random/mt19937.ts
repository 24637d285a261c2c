/**
 * numpy's legacy `RandomState` (MT19937): integer seeding by `init_genrand`, 32-bit draws, the bounded
 * integer draw of `random_interval` (bit-mask rejection), `permutation`, `random_sample` and `randn`'s normal draws.
 * Source: numpy 1.26, numpy/random/_mt19937.pyx (`_legacy_seeding`), src/mt19937/mt19937.c,
 * src/distributions/distributions.c (`random_interval`), mtrand.pyx (`shuffle`, `permutation`),
 * src/legacy/legacy-distributions.c (`legacy_gauss`).
 */
export class RandomState {
  private readonly mt = new Uint32Array(624);
  private index = 624;
  /** `gauss()`'s second value, until it is drawn. */
  private nextGauss: number | null = null;

  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new RangeError(`randomState must be an integer in [0, 2**32 - 1], got ${seed}`);
    }
    this.mt[0] = seed >>> 0;
    for (let i = 1; i < 624; ++i) {
      const prev = this.mt[i - 1] ^ (this.mt[i - 1] >>> 30);
      // 1812433253 * prev + i, in 32-bit arithmetic
      this.mt[i] = (((((prev & 0xffff0000) >>> 16) * 1812433253) << 16) + (prev & 0x0000ffff) * 1812433253 + i) >>> 0;
    }
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    if (this.index >= 624) this.twist();
    let y = this.mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A double in [0, 1) with 53 random bits (`random_sample`). */
  randomSample(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** A uniform integer in [0, max] by bit-mask rejection (`random_interval`, max < 2**32). */
  interval(max: number): number {
    if (max === 0) return 0;
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    mask >>>= 0;
    let value: number;
    while ((value = (this.nextUint32() & mask) >>> 0) > max);
    return value;
  }

  /** Shuffles in place as `RandomState.shuffle` does for a 1-d array. */
  shuffle<T>(items: T[] | Int32Array): void {
    for (let i = items.length - 1; i > 0; --i) {
      const j = this.interval(i);
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
  }

  /** `RandomState.permutation(n)`. */
  permutation(n: number): Int32Array {
    const result = new Int32Array(n);
    for (let i = 0; i < n; ++i) result[i] = i;
    this.shuffle(result);
    return result;
  }

  /** A standard normal draw (Box–Muller on `randomSample`; not numpy's legacy gauss). */
  normal(): number {
    let u = 0;
    while (u === 0) u = this.randomSample();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.randomSample());
  }

  /**
   * numpy's legacy standard normal (`legacy_gauss`, what `randn` draws): the polar method on `randomSample`, whose
   * second value is kept for the next call.
   */
  gauss(): number {
    if (this.nextGauss !== null) {
      const kept = this.nextGauss;
      this.nextGauss = null;
      return kept;
    }
    let x1: number, x2: number, r2: number;
    do {
      x1 = 2 * this.randomSample() - 1;
      x2 = 2 * this.randomSample() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * Math.log(r2)) / r2);
    this.nextGauss = f * x1;
    return f * x2;
  }

  /** Fills `out` with `normal()` draws, in order (one loop: cheaper than a call per draw before the JIT warms up). */
  fillNormal(out: Float64Array | Float32Array): typeof out {
    for (let i = 0; i < out.length; ++i) out[i] = this.normal();
    return out;
  }

  /** Fills `out` with min + (max − min)·`randomSample()`, in order. */
  fillUniform(out: Float64Array | Float32Array, min: number, max: number): typeof out {
    const scale = max - min;
    for (let i = 0; i < out.length; ++i) out[i] = min + scale * this.randomSample();
    return out;
  }

  private twist() {
    const mt = this.mt;
    // mt[i] from mt[i], mt[i + 1] and mt[i + 397], indices mod 624 split into three loops
    let i = 0;
    for (; i < 227; ++i) {
      const y = (mt[i] & 0x80000000) | (mt[i + 1] & 0x7fffffff);
      mt[i] = mt[i + 397] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    for (; i < 623; ++i) {
      const y = (mt[i] & 0x80000000) | (mt[i + 1] & 0x7fffffff);
      mt[i] = mt[i - 227] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    const y = (mt[623] & 0x80000000) | (mt[0] & 0x7fffffff);
    mt[623] = mt[396] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    this.index = 0;
  }
}
