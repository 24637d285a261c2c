// AssemblyScript: the fused kernels of the lean SimpleRNN training step, compiled to WebAssembly SIMD by
// `npm run build:kernels` (the binary is committed as ../kernels-wasm.ts). Every argument named like a
// buffer is a byte offset in this module's memory, laid out by ../arena.ts; matrices are row-major f32.

// ---- matrix product -------------------------------------------------------------------------------

/**
 * C = (accumulate ? C : 0) + A·B for A of M×K, B of K×N (row stride ldb), C of M×N (row stride ldc).
 * A is read through strides, element (i, k) at a + 4·(i·sai + k·sak): (sai, sak) = (K, 1) is A, (1, M) is Aᵀ.
 * 4×8 register blocks: 8 f32x4 accumulators, each A element splat once per k.
 */
export function gemm(a: usize, sai: i32, sak: i32, b: usize, ldb: i32, c: usize, ldc: i32, m: i32, k: i32, n: i32, accumulate: bool): void {
  const stepA = <usize>sak << 2;
  const rowA = <usize>sai << 2;
  const stepB = <usize>ldb << 2;
  const rowC = <usize>ldc << 2;
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    const ar = a + <usize>i * rowA;
    const cr = c + <usize>i * rowC;
    let j = 0;
    for (; j + 8 <= n; j += 8) {
      let c00 = f32x4.splat(0), c01 = f32x4.splat(0), c10 = f32x4.splat(0), c11 = f32x4.splat(0);
      let c20 = f32x4.splat(0), c21 = f32x4.splat(0), c30 = f32x4.splat(0), c31 = f32x4.splat(0);
      let pa = ar;
      let pb = b + (<usize>j << 2);
      for (let kk = 0; kk < k; ++kk) {
        const b0 = v128.load(pb);
        const b1 = v128.load(pb, 16);
        let s = f32x4.splat(load<f32>(pa));
        c00 = f32x4.add(c00, f32x4.mul(s, b0));
        c01 = f32x4.add(c01, f32x4.mul(s, b1));
        s = f32x4.splat(load<f32>(pa + rowA));
        c10 = f32x4.add(c10, f32x4.mul(s, b0));
        c11 = f32x4.add(c11, f32x4.mul(s, b1));
        s = f32x4.splat(load<f32>(pa + 2 * rowA));
        c20 = f32x4.add(c20, f32x4.mul(s, b0));
        c21 = f32x4.add(c21, f32x4.mul(s, b1));
        s = f32x4.splat(load<f32>(pa + 3 * rowA));
        c30 = f32x4.add(c30, f32x4.mul(s, b0));
        c31 = f32x4.add(c31, f32x4.mul(s, b1));
        pa += stepA;
        pb += stepB;
      }
      const pc = cr + (<usize>j << 2);
      storePair(pc, c00, c01, accumulate);
      storePair(pc + rowC, c10, c11, accumulate);
      storePair(pc + 2 * rowC, c20, c21, accumulate);
      storePair(pc + 3 * rowC, c30, c31, accumulate);
    }
    for (; j + 4 <= n; j += 4) {
      let c0 = f32x4.splat(0), c1 = f32x4.splat(0), c2 = f32x4.splat(0), c3 = f32x4.splat(0);
      let pa = ar;
      let pb = b + (<usize>j << 2);
      for (let kk = 0; kk < k; ++kk) {
        const b0 = v128.load(pb);
        c0 = f32x4.add(c0, f32x4.mul(f32x4.splat(load<f32>(pa)), b0));
        c1 = f32x4.add(c1, f32x4.mul(f32x4.splat(load<f32>(pa + rowA)), b0));
        c2 = f32x4.add(c2, f32x4.mul(f32x4.splat(load<f32>(pa + 2 * rowA)), b0));
        c3 = f32x4.add(c3, f32x4.mul(f32x4.splat(load<f32>(pa + 3 * rowA)), b0));
        pa += stepA;
        pb += stepB;
      }
      const pc = cr + (<usize>j << 2);
      storeOne(pc, c0, accumulate);
      storeOne(pc + rowC, c1, accumulate);
      storeOne(pc + 2 * rowC, c2, accumulate);
      storeOne(pc + 3 * rowC, c3, accumulate);
    }
    for (; j < n; ++j) for (let r = 0; r < 4; ++r) dot(a, rowA, stepA, b, stepB, c, rowC, i + r, j, k, accumulate);
  }
  for (; i < m; ++i) for (let j = 0; j < n; ++j) dot(a, rowA, stepA, b, stepB, c, rowC, i, j, k, accumulate);
}

// @ts-ignore: decorator
@inline function storePair(p: usize, x: v128, y: v128, accumulate: bool): void {
  if (accumulate) {
    x = f32x4.add(x, v128.load(p));
    y = f32x4.add(y, v128.load(p, 16));
  }
  v128.store(p, x);
  v128.store(p, y, 16);
}

// @ts-ignore: decorator
@inline function storeOne(p: usize, x: v128, accumulate: bool): void {
  v128.store(p, accumulate ? f32x4.add(x, v128.load(p)) : x);
}

function dot(a: usize, rowA: usize, stepA: usize, b: usize, stepB: usize, c: usize, rowC: usize, i: i32, j: i32, k: i32, accumulate: bool): void {
  let s: f32 = 0;
  let pa = a + <usize>i * rowA;
  let pb = b + (<usize>j << 2);
  for (let kk = 0; kk < k; ++kk) {
    s += load<f32>(pa) * load<f32>(pb);
    pa += stepA;
    pb += stepB;
  }
  const p = c + <usize>i * rowC + (<usize>j << 2);
  store<f32>(p, accumulate ? load<f32>(p) + s : s);
}

// ---- element-wise -----------------------------------------------------------------------------------

/** tanh in f32x4: Eigen's rational approximation (odd degree 13 over even degree 6), a few ulp from tanh. */
// @ts-ignore: decorator
@inline function tanh4(x: v128): v128 {
  const clamped = f32x4.max(f32x4.min(x, f32x4.splat(7.90531110763549805)), f32x4.splat(-7.90531110763549805));
  const x2 = f32x4.mul(clamped, clamped);
  let p = f32x4.add(f32x4.mul(x2, f32x4.splat(-2.76076847742355e-16)), f32x4.splat(2.00018790482477e-13));
  p = f32x4.add(f32x4.mul(p, x2), f32x4.splat(-8.60467152213735e-11));
  p = f32x4.add(f32x4.mul(p, x2), f32x4.splat(5.12229709037114e-8));
  p = f32x4.add(f32x4.mul(p, x2), f32x4.splat(1.48572235717979e-5));
  p = f32x4.add(f32x4.mul(p, x2), f32x4.splat(6.37261928875436e-4));
  p = f32x4.add(f32x4.mul(p, x2), f32x4.splat(4.89352455891786e-3));
  p = f32x4.mul(p, clamped);
  let q = f32x4.add(f32x4.mul(x2, f32x4.splat(1.19825839466702e-6)), f32x4.splat(1.18534705686654e-4));
  q = f32x4.add(f32x4.mul(q, x2), f32x4.splat(2.268434632439e-3));
  q = f32x4.add(f32x4.mul(q, x2), f32x4.splat(4.89352518554385e-3));
  const tiny = f32x4.lt(f32x4.abs(x), f32x4.splat(0.0004));
  return v128.bitselect(x, f32x4.div(p, q), tiny);
}

/** x ← tanh(x) for n floats. */
export function tanhInPlace(x: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const p = x + (<usize>i << 2);
    v128.store(p, tanh4(v128.load(p)));
  }
  for (; i < n; ++i) {
    const p = x + (<usize>i << 2);
    store<f32>(p, f32x4.extract_lane(tanh4(f32x4.splat(load<f32>(p))), 0));
  }
}

/** out = x ⊙ y for n floats (out may be x or y). */
export function multiply(x: usize, y: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    v128.store(out + o, f32x4.mul(v128.load(x + o), v128.load(y + o)));
  }
  for (; i < n; ++i) {
    const o = <usize>i << 2;
    store<f32>(out + o, load<f32>(x + o) * load<f32>(y + o));
  }
}

/** Each of `rows` rows of `out` (width n) ← `row`. */
export function broadcastRows(row: usize, out: usize, rows: i32, n: i32): void {
  const bytes = <usize>n << 2;
  for (let r = 0; r < rows; ++r) memory.copy(out + <usize>r * bytes, row, bytes);
}

/** out[j] = Σ_r x[r, j] for `rows` rows of width n. */
export function columnSums(x: usize, rows: i32, n: i32, out: usize): void {
  memory.fill(out, 0, <usize>n << 2);
  const bytes = <usize>n << 2;
  for (let r = 0; r < rows; ++r) addInPlace(out, x + <usize>r * bytes, n);
}

/** dst ← dst + src for n floats. */
function addInPlace(dst: usize, src: usize, n: i32): void {
  let j = 0;
  for (; j + 4 <= n; j += 4) {
    const o = <usize>j << 2;
    v128.store(dst + o, f32x4.add(v128.load(dst + o), v128.load(src + o)));
  }
  for (; j < n; ++j) {
    const o = <usize>j << 2;
    store<f32>(dst + o, load<f32>(dst + o) + load<f32>(src + o));
  }
}

/** out (cols×rows) ← xᵀ for x of rows×cols. */
export function transpose(x: usize, rows: i32, cols: i32, out: usize): void {
  for (let r = 0; r < rows; ++r) {
    for (let c = 0; c < cols; ++c) store<f32>(out + (<usize>(c * rows + r) << 2), load<f32>(x + (<usize>(r * cols + c) << 2)));
  }
}

// ---- embedding --------------------------------------------------------------------------------------

/**
 * out[r] = table[ids[r]] ⊙ mask[r mod period] for `count` rows of width n (mask = 0: no mask). With rows in
 * time-major order (r = t·B + b) and period B, the mask is per sample, the same at every step (Keras).
 */
export function gatherRows(table: usize, ids: usize, count: i32, n: i32, mask: usize, period: i32, out: usize): void {
  const bytes = <usize>n << 2;
  for (let r = 0; r < count; ++r) {
    const src = table + <usize>load<i32>(ids + (<usize>r << 2)) * bytes;
    const dst = out + <usize>r * bytes;
    if (mask) multiply(src, mask + <usize>(r % period) * bytes, dst, n);
    else memory.copy(dst, src, bytes);
  }
}

/** table[ids[r]] += x[r] ⊙ mask[r mod period]: the embedding gradient as a scatter-add (`scratch`: n floats). */
export function scatterAddRows(x: usize, ids: usize, count: i32, n: i32, mask: usize, period: i32, table: usize, scratch: usize): void {
  const bytes = <usize>n << 2;
  for (let r = 0; r < count; ++r) {
    const dst = table + <usize>load<i32>(ids + (<usize>r << 2)) * bytes;
    let src = x + <usize>r * bytes;
    if (mask) {
      multiply(src, mask + <usize>(r % period) * bytes, scratch, n);
      src = scratch;
    }
    addInPlace(dst, src, n);
  }
}

// ---- SimpleRNN (tanh) over time-major states [T, B, H] ----------------------------------------------

/**
 * Forward pass in place: `states` holds P_t = x_t·W + b on entry and h_t on return, with
 * h_0 = tanh(P_0), h_t = tanh(P_t + (h_{t−1}⊙m)·U). `masked` receives h_t⊙m (unused when mask = 0:
 * then `masked` must be `states`).
 */
export function rnnForward(states: usize, masked: usize, u: usize, mask: usize, steps: i32, batch: i32, units: i32): void {
  const size = batch * units;
  const bytes = <usize>size << 2;
  for (let t = 0; t < steps; ++t) {
    const h = states + <usize>t * bytes;
    if (t > 0) gemm(masked + <usize>(t - 1) * bytes, units, 1, u, units, h, units, batch, units, units, true);
    tanhInPlace(h, size);
    if (mask) multiply(h, mask, masked + <usize>t * bytes, size);
  }
}

/**
 * Backpropagation through time: with dh = ∂L/∂h_{T−1} in `dz` + (T−1)·B·H, leaves dz_t = ∂L/∂(pre-activation at t)
 * for every t in `dz` [T, B, H]: dz_t = dh_t ⊙ (1 − h_t²), dh_{t−1} = (dz_t·Uᵀ) ⊙ m. `ut` is Uᵀ.
 */
export function rnnBackward(states: usize, ut: usize, mask: usize, dz: usize, steps: i32, batch: i32, units: i32): void {
  const size = batch * units;
  const bytes = <usize>size << 2;
  for (let t = steps - 1; t >= 0; --t) {
    const g = dz + <usize>t * bytes;
    if (t < steps - 1) {
      gemm(g + bytes, units, 1, ut, units, g, units, batch, units, units, false);
      if (mask) multiply(g, mask, g, size);
    }
    tanhGrad(states + <usize>t * bytes, g, size);
  }
}

/** g ← g ⊙ (1 − h²). */
function tanhGrad(h: usize, g: usize, n: i32): void {
  const one = f32x4.splat(1);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    const hv = v128.load(h + o);
    v128.store(g + o, f32x4.mul(v128.load(g + o), f32x4.sub(one, f32x4.mul(hv, hv))));
  }
  for (; i < n; ++i) {
    const o = <usize>i << 2;
    const hv = load<f32>(h + o);
    store<f32>(g + o, load<f32>(g + o) * (1 - hv * hv));
  }
}

// ---- Adam, as tf.train.adam computes it -------------------------------------------------------------

/**
 * m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²; w ← w − lr · (m / c1) / (√(v / c2) + ε), with c1 = 1 − β1^t and
 * c2 = 1 − β2^t (tfjs's AdamOptimizer, operation for operation; 1 − β is passed as tfjs rounds it).
 */
export function adam(w: usize, g: usize, m: usize, v: usize, n: i32, lr: f32, beta1: f32, beta2: f32, oneMinusBeta1: f32, oneMinusBeta2: f32, epsilon: f32, c1: f32, c2: f32): void {
  const b1 = f32x4.splat(beta1), b2 = f32x4.splat(beta2);
  const a1 = f32x4.splat(oneMinusBeta1), a2 = f32x4.splat(oneMinusBeta2);
  const k1 = f32x4.splat(c1), k2 = f32x4.splat(c2), eps = f32x4.splat(epsilon), rate = f32x4.splat(-lr);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    const gv = v128.load(g + o);
    const mv = f32x4.add(f32x4.mul(v128.load(m + o), b1), f32x4.mul(gv, a1));
    const vv = f32x4.add(f32x4.mul(v128.load(v + o), b2), f32x4.mul(f32x4.mul(gv, gv), a2));
    v128.store(m + o, mv);
    v128.store(v + o, vv);
    const step = f32x4.div(f32x4.div(mv, k1), f32x4.add(f32x4.sqrt(f32x4.div(vv, k2)), eps));
    v128.store(w + o, f32x4.add(f32x4.mul(step, rate), v128.load(w + o)));
  }
  for (; i < n; ++i) {
    const o = <usize>i << 2;
    const gv = load<f32>(g + o);
    const mv = load<f32>(m + o) * beta1 + gv * oneMinusBeta1;
    const vv = load<f32>(v + o) * beta2 + gv * gv * oneMinusBeta2;
    store<f32>(m + o, mv);
    store<f32>(v + o, vv);
    store<f32>(w + o, (mv / c1) / (Mathf.sqrt(vv / c2) + epsilon) * -lr + load<f32>(w + o));
  }
}
