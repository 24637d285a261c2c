import * as tf from "@tensorflow/tfjs";
import {setWasmPaths} from "@tensorflow/tfjs-backend-wasm";
import type {Messages} from "./messages.js";

const BACKENDS = ["webgl", "wasm", "cpu"] as const;

/** Freed WebGL textures are kept for reuse up to this many bytes, then deleted (tfjs default: never). */
const WEBGL_TEXTURE_CACHE_BYTES = 256 * 1024 * 1024;

/** A backend whose first step takes longer than this is not measured further: it is too slow to win. */
const PROBE_FIRST_STEP_LIMIT_MS = 300;
const PROBE_BUDGET_MS = 120;

/**
 * Picks the backend. `?backend=webgl|wasm|cpu` forces one. Otherwise each backend that starts runs a short
 * probe — a few steps of a small recurrent computation and its gradient, the shape of the notebook's work —
 * and the fastest wins (on a machine without a GPU, WebGL runs in software and usually loses). The page
 * header shows the choice and the measured times.
 */
export async function initTf(t: Messages): Promise<typeof tf> {
  setWasmPaths(new URL("./wasm/", import.meta.url).href);
  tf.env().set("WEBGL_DELETE_TEXTURE_THRESHOLD", WEBGL_TEXTURE_CACHE_BYTES);
  const forced = new URLSearchParams(location.search).get("backend");
  if (forced) {
    if (!(BACKENDS as readonly string[]).includes(forced)) {
      showBackend(t, `?backend=${forced} is unknown (use ${BACKENDS.join(", ")})`, "", true);
      throw new Error(`unknown backend "${forced}"`);
    }
    if (await start(forced)) {
      showBackend(t, forced, `?backend=${forced}`, false);
      return tf;
    }
    showBackend(t, `${forced} could not start`, "", true);
    throw new Error(`TensorFlow.js: backend ${forced} could not start`);
  }
  const timings: [string, number][] = [];
  for (const name of BACKENDS) {
    if (await start(name)) timings.push([name, probe()]);
  }
  if (!timings.length) {
    showBackend(t, `no backend could start (${BACKENDS.join(", ")})`, "", true);
    throw new Error(`TensorFlow.js: no backend could start (${BACKENDS.join(", ")})`);
  }
  const [best] = [...timings].sort((a, b) => a[1] - b[1])[0];
  await start(best);
  showBackend(t, best, timings.map(([name, ms]) => `${name} ${ms.toFixed(1)} ms`).join(", "), false);
  return tf;
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

/** Median milliseconds of one probe step on the current backend (the first step alone if it is very slow). */
function probe(): number {
  const x = tf.randomNormal([32, 128], 0, 1, "float32", 1);
  const w = tf.randomNormal([128, 128], 0, 0.1, "float32", 2);
  const gradient = tf.grad((kernel: tf.Tensor) => {
    let h = x;
    for (let i = 0; i < 4; ++i) h = tf.tanh(h.matMul(kernel as tf.Tensor2D));
    return h.sum();
  });
  const step = () => {
    const started = performance.now();
    tf.tidy(() => gradient(w).sum().dataSync());
    return performance.now() - started;
  };
  try {
    const first = step();
    if (first > PROBE_FIRST_STEP_LIMIT_MS) return first;
    const times: number[] = [];
    let spent = 0;
    while (spent < PROBE_BUDGET_MS && times.length < 15) {
      const ms = step();
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
  badge.title = why ? `${t.backendWhy}: ${why}` : "";
  badge.classList.toggle("courant-error", isError);
  const detail = document.getElementById("courant-backend-why");
  if (detail) detail.textContent = why ? `(${why})` : "";
}
