import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {compileKernels, kernelModule as kernelModulePath, kernelModuleText} from "../../../build/compile-kernels.js";
import {RandomState} from "../../random/mt19937.js";
import {Arena, instantiateKernels, type KernelExports} from "./kernels.js";

async function kernels(): Promise<KernelExports> {
  const k = await instantiateKernels();
  if (!k) throw new Error("Node has WebAssembly SIMD: the kernels must load");
  return k;
}

function randomValues(n: number, rng: RandomState): Float32Array {
  return Float32Array.from({length: n}, () => rng.randomSample() - 0.5);
}

describe("fused kernels (WebAssembly SIMD)", () => {
  it("the committed binary is the compiler's output for the committed source", async () => {
    expect(readFileSync(kernelModulePath, "utf8")).toBe(kernelModuleText(await compileKernels()));
  }, 60_000);

  it("gemm equals the naive product for A and Aᵀ, with and without accumulation, on sizes that hit every tail", async () => {
    const k = await kernels();
    const rng = new RandomState(1);
    for (const [m, kk, n] of [
      [32, 128, 128],
      [7, 5, 13],
      [1, 1, 1],
      [4, 9, 8],
      [5, 3, 4],
      [640, 100, 100]
    ]) {
      for (const transposed of [false, true]) {
        const arena = new Arena(k);
        const [pa, pb, pc] = [arena.reserve(m * kk), arena.reserve(kk * n), arena.reserve(m * n)];
        arena.commit();
        const a = arena.f32(pa, m * kk);
        a.set(randomValues(m * kk, rng));
        arena.f32(pb, kk * n).set(randomValues(kk * n, rng));
        const start = randomValues(m * n, rng);
        arena.f32(pc, m * n).set(start);
        const at = (i: number, j: number) => (transposed ? a[j * m + i] : a[i * kk + j]);
        const b = arena.f32(pb, kk * n);
        for (const accumulate of [false, true]) {
          arena.f32(pc, m * n).set(start);
          if (transposed) k.gemm(pa, 1, m, pb, n, pc, n, m, kk, n, accumulate);
          else k.gemm(pa, kk, 1, pb, n, pc, n, m, kk, n, accumulate);
          const c = arena.f32(pc, m * n);
          let worst = 0;
          for (let i = 0; i < m; ++i) {
            for (let j = 0; j < n; ++j) {
              let s = accumulate ? start[i * n + j] : 0;
              for (let q = 0; q < kk; ++q) s += at(i, q) * b[q * n + j];
              worst = Math.max(worst, Math.abs(s - c[i * n + j]));
            }
          }
          expect(worst, `${m}×${kk}×${n} transposed=${transposed} accumulate=${accumulate}`).toBeLessThan(
            1e-5 * Math.sqrt(kk)
          );
        }
      }
    }
  });

  it("tanh is within 4e-7 (a few float32 ulp near ±1) of Math.tanh from −20 to 20, odd, and saturates", async () => {
    const k = await kernels();
    const n = 40_003;
    const arena = new Arena(k);
    const p = arena.reserve(n);
    arena.commit();
    const x = arena.f32(p, n);
    const inputs = Float32Array.from({length: n}, (_, i) => -20 + (40 * i) / (n - 1));
    x.set(inputs);
    k.tanhInPlace(p, n);
    let worst = 0;
    for (let i = 0; i < n; ++i) worst = Math.max(worst, Math.abs(x[i] - Math.tanh(inputs[i])));
    expect(worst).toBeLessThan(4e-7);
    for (let i = 0; i < n; ++i) expect(x[i] + x[n - 1 - i]).toBe(0);
    expect(x[0]).toBeCloseTo(-1, 6);
    x.set([1e-5, -3e-4, Number.NaN].map(Math.fround).concat(Array(n - 3).fill(0)));
    k.tanhInPlace(p, 3);
    expect(Array.from(x.subarray(0, 2))).toEqual([Math.fround(1e-5), Math.fround(-3e-4)]);
    expect(x[2]).toBeNaN();
  });

  it("gathers masked embedding rows and scatter-adds their gradient back, repeated ids summed", async () => {
    const k = await kernels();
    const arena = new Arena(k);
    const [table, ids, mask, out, grad, scratch] = [
      arena.reserve(4 * 3),
      arena.reserve(4),
      arena.reserve(2 * 3),
      arena.reserve(4 * 3),
      arena.reserve(4 * 3),
      arena.reserve(3)
    ];
    arena.commit();
    arena.f32(table, 12).set([0, 1, 2, 10, 11, 12, 20, 21, 22, 30, 31, 32]);
    arena.i32(ids, 4).set([3, 1, 3, 0]); // rows r = t·2 + b: mask row r mod 2
    arena.f32(mask, 6).set([1, 0, 2, 0.5, 1, 0]);
    k.gatherRows(table, ids, 4, 3, mask, 2, out);
    expect(Array.from(arena.f32(out, 12))).toEqual([30, 0, 64, 5, 11, 0, 30, 0, 64, 0, 1, 0]);
    arena.f32(out, 12).fill(1);
    k.scatterAddRows(out, ids, 4, 3, mask, 2, grad, scratch);
    expect(Array.from(arena.f32(grad, 12))).toEqual([0.5, 1, 0, 0.5, 1, 0, 0, 0, 0, 2, 0, 4]);
  });
});
