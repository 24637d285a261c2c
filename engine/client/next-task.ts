/**
 * Resolves in a new task (a MessageChannel message: no 4 ms clamp, unlike nested setTimeout), so that work
 * started after it does not extend the current task: the page can paint and handle input in between.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
