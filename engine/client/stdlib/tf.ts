import {messagesFor} from "../messages.js";

let loading: Promise<typeof import("@tensorflow/tfjs")> | null = null;
let backendStarted: () => void = () => {};
const started = new Promise<void>((resolve) => (backendStarted = resolve));

/**
 * `tf`: TensorFlow.js once a backend has been chosen (started once per page) and its common kernels warmed up, so
 * that the first cells using it do not pay for their compilation in one long task.
 */
export function tf(): Promise<typeof import("@tensorflow/tfjs")> {
  return (loading ??= import("../tf-backend.js").then((m) =>
    m.initTf(messagesFor(document.documentElement.lang), backendStarted)
  ));
}

/**
 * Resolves once the backend has started (after `tf()` is called), before the warm-up: what the page waits for before
 * handing modules over, so that cells that only use them (tokenising, posting a training) need not wait.
 */
export const tfBackendStarted = (): Promise<void> => started;

/** The loading started so far, or null: tools and tests read it without starting one. */
export const tfStarted = () => loading;
