import * as tf from "@tensorflow/tfjs";
import {setWasmPaths} from "@tensorflow/tfjs-backend-wasm";
import type {Messages} from "./messages.js";

const BACKENDS = ["webgl", "wasm", "cpu"] as const;

/** Freed WebGL textures are kept for reuse up to this many bytes, then deleted (tfjs default: never). */
const WEBGL_TEXTURE_CACHE_BYTES = 256 * 1024 * 1024;

/**
 * Picks the backend: `?backend=webgl|wasm|cpu` forces one, else the first of webgl → wasm → cpu that
 * initialises. The page header shows the choice.
 */
export async function initTf(t: Messages): Promise<typeof tf> {
  setWasmPaths(new URL("./wasm/", import.meta.url).href);
  tf.env().set("WEBGL_DELETE_TEXTURE_THRESHOLD", WEBGL_TEXTURE_CACHE_BYTES);
  const forced = new URLSearchParams(location.search).get("backend");
  if (forced && !(BACKENDS as readonly string[]).includes(forced)) {
    showBackend(t, `?backend=${forced} is unknown (use ${BACKENDS.join(", ")})`, true);
  }
  const order = forced && (BACKENDS as readonly string[]).includes(forced) ? [forced] : BACKENDS;
  for (const name of order) {
    try {
      if (await tf.setBackend(name)) {
        await tf.ready();
        showBackend(t, tf.getBackend(), false);
        return tf;
      }
    } catch {
      // Try the next one.
    }
  }
  showBackend(t, `no backend could start (${order.join(", ")})`, true);
  throw new Error(`TensorFlow.js: no backend could start (${order.join(", ")})`);
}

function showBackend(t: Messages, text: string, isError: boolean) {
  const badge = document.getElementById("courant-backend");
  if (!badge) return;
  badge.textContent = `${t.backend}: ${text}`;
  badge.dataset.backend = isError ? "" : text;
  badge.classList.toggle("courant-error", isError);
}
