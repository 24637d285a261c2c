/**
 * Tasks without setTimeout's 4 ms clamp (nested timeouts are clamped): MessageChannel messages, one channel for
 * the page, run in the order they were posted. Work started in one does not extend the current task, so the page
 * can paint and handle input in between.
 */
const callbacks: (() => void)[] = [];
let channel: MessageChannel | null = null;

/** Runs `callback` in a task of its own, after those posted before it. */
export function postTask(callback: () => void) {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => callbacks.shift()?.();
  }
  callbacks.push(callback);
  channel.port2.postMessage(null);
}

/** Resolves in a new task. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => postTask(resolve));
}
