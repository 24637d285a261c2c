/**
 * Resolves in a new task, so that long computations split into pieces let the page paint and handle input
 * (and abort signals) in between. A MessageChannel message where there is one (no 4 ms clamp), else setTimeout.
 */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel === "undefined") return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
