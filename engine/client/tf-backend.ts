import * as tf from "@tensorflow/tfjs";
import {setWasmPaths, type BackendWasm} from "@tensorflow/tfjs-backend-wasm";
import type {Messages} from "./messages.js";
import {nextTask} from "./next-task.js";
import {setUpKernels} from "./tfjs-wasm.js";

/*
 * Picks the page's TensorFlow.js backend without holding the page. `?backend=webgl|wasm|cpu` forces one. Where
 * WebAssembly SIMD is there, wasm is taken without measuring: the heavy work (training, gradients) runs on the
 * fused kernels in workers, and wasm serves the page's small tfjs work well. Otherwise a probe measures each
 * backend that starts — a few steps of a small recurrent computation and its gradient, each step in a task of its
 * own — and the fastest wins; the result is remembered across reloads, keyed by what decides it (the browser and
 * the GPU). The page header shows the choice and why.
 */

const BACKENDS = ["webgl", "wasm", "cpu"] as const;

/** A backend whose first step takes longer than this is not measured further: it is too slow to win. */
const PROBE_FIRST_STEP_LIMIT_MS = 300;
const PROBE_BUDGET_MS = 120;
const REMEMBERED = "courant.tf-backend";
/** Renderers that draw WebGL in software: WebGL there always loses to wasm, so it is not even probed. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** A tiny module using a v128 instruction: it validates only where WebAssembly SIMD is supported. */
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11
]);

/** Picks and starts the backend (`onStarted` is told then), then warms the wasm kernels; tf, ready for cells. */
export async function initTf(t: Messages, onStarted: () => void = () => {}): Promise<typeof tf> {
  setWasmPaths(new URL("./wasm/", import.meta.url).href);
  const forced = new URLSearchParams(location.search).get("backend");
  if (forced) {
    if (!(BACKENDS as readonly string[]).includes(forced)) {
      showBackend(t, `?backend=${forced} is unknown (use ${BACKENDS.join(", ")})`, "", true);
      throw new Error(`unknown backend "${forced}"`);
    }
    if (await start(forced)) {
      showBackend(t, forced, `?backend=${forced}`, false);
      onStarted();
      return tf;
    }
    showBackend(t, `${forced} could not start`, "", true);
    throw new Error(`TensorFlow.js: backend ${forced} could not start`);
  }
  if (hasWasmSimd() && (await start("wasm"))) {
    showBackend(t, "wasm", "WebAssembly SIMD", false);
    onStarted();
    await warmUp();
    return tf;
  }
  const renderer = gpuRenderer();
  const key = `${navigator.userAgent}\n${renderer}`;
  const remembered = recall(key);
  if (remembered && (await start(remembered.backend))) {
    showBackend(t, remembered.backend, `${t.backendWhy}: ${remembered.timings} (remembered)`, false);
    onStarted();
    return tf;
  }
  const timings: [string, number][] = [];
  for (const name of BACKENDS) {
    if (name === "webgl" && SOFTWARE_RENDERER.test(renderer)) continue;
    if (await start(name)) timings.push([name, await probe()]);
  }
  if (!timings.length) {
    showBackend(t, `no backend could start (${BACKENDS.join(", ")})`, "", true);
    throw new Error(`TensorFlow.js: no backend could start (${BACKENDS.join(", ")})`);
  }
  const [best] = [...timings].sort((a, b) => a[1] - b[1])[0];
  await start(best);
  const measured = timings.map(([name, ms]) => `${name} ${ms.toFixed(1)} ms`).join(", ");
  remember(key, {backend: best, timings: measured});
  showBackend(t, best, `${t.backendWhy}: ${measured}`, false);
  onStarted();
  return tf;
}

function hasWasmSimd(): boolean {
  try {
    return typeof WebAssembly === "object" && WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

/** The GPU's renderer string, or "" without WebGL (the context is released at once). */
function gpuRenderer(): string {
  try {
    const gl = document.createElement("canvas").getContext("webgl");
    if (!gl) return "";
    const info = gl.getExtension("WEBGL_debug_renderer_info");
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension("WEBGL_lose_context")?.loseContext();
    return renderer;
  } catch {
    return "";
  }
}

interface Remembered {
  backend: string;
  timings: string;
}

function recall(key: string): Remembered | null {
  try {
    const stored = JSON.parse(localStorage.getItem(REMEMBERED) ?? "null") as ({key: string} & Remembered) | null;
    return stored?.key === key && (BACKENDS as readonly string[]).includes(stored.backend) ? stored : null;
  } catch {
    return null;
  }
}

function remember(key: string, choice: Remembered) {
  try {
    localStorage.setItem(REMEMBERED, JSON.stringify({key, ...choice}));
  } catch {
    // storage may be full or disabled: the probe runs again next time
  }
}

async function start(name: string): Promise<boolean> {
  try {
    if (!(await tf.setBackend(name))) return false;
    await tf.ready();
    return true;
  } catch {
    return false;
  }
}

/**
 * The wasm backend compiles each of its functions on first call: the first cell to multiply matrices paid
 * ~40 ms more than the next. The kernels' setup, then a few small ops of the common kernels, each in a task of its own,
 * take that cost in small pieces before the cells that use `tf` run (cells that only use modules go on meanwhile).
 */
async function warmUp() {
  const steps: (() => unknown)[] = [
    () => setUpKernels(tf.backend() as BackendWasm),
    // Seeded normal draws run in JavaScript: enough of them for the engine to optimise the generator.
    () => tf.randomNormal([64, 64], 0, 1, "float32", 1).dispose(),
    () =>
      tf.tidy(() =>
        tf
          .ones([2, 8])
          .matMul(tf.ones([8, 8]))
          .dataSync()
      ),
    // Enough multiplying for the engine to optimise the matrix kernels (wasm code starts unoptimised): a first
    // recurrent forward pass on the page ran at about half speed.
    () =>
      tf.tidy(() => {
        const kernel = tf.fill([128, 128], 0.01);
        let h = tf.ones([32, 128]);
        for (let step = 0; step < 8; ++step) h = h.matMul(kernel).add(h).tanh();
        return h.dataSync();
      }),
    () =>
      tf.tidy(() =>
        tf
          .ones([2, 8])
          .add(tf.ones([8]))
          .tanh()
          .sigmoid()
          .relu()
          .dataSync()
      ),
    () => tf.tidy(() => tf.ones([2, 3, 4]).slice([0, 0, 0], [1, 2, 4]).reshape([8]).mean().dataSync()),
    () =>
      tf.tidy(() =>
        tf
          .softmax(tf.ones([2, 4]))
          .concat(tf.ones([2, 4]), 1)
          .transpose()
          .arraySync()
      )
  ];
  for (const step of steps) {
    await nextTask();
    step();
  }
}

/** Median milliseconds of one probe step on the current backend (the first step alone if it is very slow). */
async function probe(): Promise<number> {
  const x = tf.randomNormal([32, 128], 0, 1, "float32", 1);
  const w = tf.randomNormal([128, 128], 0, 0.1, "float32", 2);
  const gradient = tf.grad((kernel: tf.Tensor) => {
    let h = x;
    for (let i = 0; i < 4; ++i) h = tf.tanh(h.matMul(kernel as tf.Tensor2D));
    return h.sum();
  });
  // Each step in a task of its own: the probe never holds the page in one piece.
  const step = async () => {
    await nextTask();
    const started = performance.now();
    tf.tidy(() => gradient(w).sum().dataSync());
    return performance.now() - started;
  };
  try {
    const first = await step();
    if (first > PROBE_FIRST_STEP_LIMIT_MS) return first;
    const times: number[] = [];
    let spent = 0;
    while (spent < PROBE_BUDGET_MS && times.length < 15) {
      const ms = await step();
      times.push(ms);
      spent += ms;
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  } catch {
    return Infinity;
  } finally {
    x.dispose();
    w.dispose();
  }
}

function showBackend(t: Messages, name: string, why: string, isError: boolean) {
  const badge = document.getElementById("courant-backend");
  if (!badge) return;
  badge.textContent = `${t.backend}: ${name}`;
  badge.dataset.backend = isError ? "" : name;
  badge.title = why;
  badge.classList.toggle("courant-error", isError);
  const detail = document.getElementById("courant-backend-why");
  if (detail) detail.textContent = why ? `(${why})` : "";
}
