import {RandomState} from "./mt19937.js";

/**
 * Keras's default initialisers, computed in JavaScript from a seeded generator so that building a model
 * is fast on every backend (tfjs's orthogonal runs a QR on the backend: 52–107 s on software WebGL) and
 * reproducible with a seed. Sources: keras/initializers/initializers.py (Keras 2.15).
 */

/** `RandomUniform(-0.05, 0.05)`: Keras's Embedding default. */
export function uniform(size: number, rng: RandomState, min = -0.05, max = 0.05): Float32Array {
  return rng.fillUniform(new Float32Array(size), min, max) as Float32Array;
}

/** `GlorotUniform`: U(-limit, limit), limit = sqrt(6 / (fanIn + fanOut)). */
export function glorotUniform(fanIn: number, fanOut: number, rng: RandomState): Float32Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  return uniform(fanIn * fanOut, rng, -limit, limit);
}

/**
 * `Orthogonal` for a rows×cols matrix: QR of a standard normal matrix, Q's columns signed by diag(R).
 * Modified Gram–Schmidt yields R with a positive diagonal, which is exactly that sign correction.
 */
export function orthogonal(rows: number, cols: number, rng: RandomState): Float32Array {
  const tall = rows >= cols;
  const [m, n] = tall ? [rows, cols] : [cols, rows];
  // columns of an m×n normal matrix, in float64
  const q: Float64Array[] = [];
  for (let j = 0; j < n; ++j) {
    q.push(rng.fillNormal(new Float64Array(m)) as Float64Array);
  }
  for (let j = 0; j < n; ++j) {
    const v = q[j];
    for (let k = 0; k < j; ++k) subtractProjection(v, q[k], m);
    let norm = 0;
    for (let i = 0; i < m; ++i) norm += v[i] * v[i];
    norm = Math.sqrt(norm);
    for (let i = 0; i < m; ++i) v[i] /= norm;
  }
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; ++r) {
    for (let c = 0; c < cols; ++c) out[r * cols + c] = tall ? q[c][r] : q[r][c];
  }
  return out;
}

/** v ← v − (u·v)·u for a unit vector u (two passes, four lanes each: the hot loop of a 256×256 init). */
function subtractProjection(v: Float64Array, u: Float64Array, m: number) {
  let d0 = 0,
    d1 = 0,
    d2 = 0,
    d3 = 0;
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    d0 += u[i] * v[i];
    d1 += u[i + 1] * v[i + 1];
    d2 += u[i + 2] * v[i + 2];
    d3 += u[i + 3] * v[i + 3];
  }
  for (; i < m; ++i) d0 += u[i] * v[i];
  const dot = d0 + d1 + (d2 + d3);
  for (i = 0; i < m; ++i) v[i] -= dot * u[i];
}
