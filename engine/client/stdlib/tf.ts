import {messagesFor} from "../messages.js";

let loading: Promise<typeof import("@tensorflow/tfjs")> | null = null;

/** `tf`: TensorFlow.js once a backend has been chosen by measurement (started once per page). */
export function tf(): Promise<typeof import("@tensorflow/tfjs")> {
  return (loading ??= import("../tf-backend.js").then((m) => m.initTf(messagesFor(document.documentElement.lang))));
}

/** The loading started so far, or null: tools and tests read it without starting one. */
export const tfStarted = () => loading;
