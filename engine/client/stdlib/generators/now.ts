/** Observable's `now`: the current time in milliseconds, a new value each time the runtime pulls (every frame). */
export async function* now(): AsyncGenerator<number, never, unknown> {
  while (true) yield Date.now();
}
