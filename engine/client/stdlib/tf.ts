import {messagesFor} from "../messages.js";
import {nextTask} from "../next-task.js";

let loading: Promise<typeof import("@tensorflow/tfjs")> | null = null;
let backendStarted: () => void = () => {};
const started = new Promise<void>((resolve) => (backendStarted = resolve));

/**
 * `tf`: TensorFlow.js once a backend has been chosen (started once per page) and its common kernels warmed up, so
 * that the first cells using it do not pay for their compilation in one long task.
 */
export function tf(): Promise<typeof import("@tensorflow/tfjs")> {
  return (loading ??= importInStages().then((m) =>
    m.initTf(messagesFor(document.documentElement.lang), backendStarted)
  ));
}

/**
 * TensorFlow.js's modules took 60–70 ms to evaluate in one task; its core alone, 50–60. Here its ops (with the engine
 * they need), the rest of its core, the cpu backend, layers, then the rest (the wasm backend, gradients, the setup),
 * each in a task of its own, so that none is a long task on a busy two-core machine. The build preloads them all
 * (build/bundle.ts).
 */
async function importInStages() {
  await import("@tensorflow/tfjs-core/dist/ops/ops");
  await nextTask();
  await import("@tensorflow/tfjs-core");
  await nextTask();
  await import("@tensorflow/tfjs-backend-cpu");
  await nextTask();
  await import("@tensorflow/tfjs-layers");
  await nextTask();
  return import("../tf-backend.js");
}

/**
 * Resolves once the backend has started (after `tf()` is called), before the warm-up: what the page waits for before
 * handing modules over, so that cells that only use them (tokenising, posting a training) need not wait.
 */
export const tfBackendStarted = (): Promise<void> => started;

/** The loading started so far, or null: tools and tests read it without starting one. */
export const tfStarted = () => loading;
