/**
 * Hot update of a page in `courant dev`: the new prose replaces the old while every cell element that still
 * exists (same id, i.e. same source) is moved over with its output and state; then the page's new script runs
 * and patches the running graph (page.ts), so that only new or changed cells run.
 */

/** Replaces `main`'s content by `next`'s, keeping the existing cell elements in place of their placeholders. */
export function morphMain(main: Element, next: Element): void {
  for (const placeholder of [...next.querySelectorAll(".courant-cell[id]")]) {
    const existing = main.querySelector(`#${CSS.escape(placeholder.id)}`);
    if (existing) placeholder.replaceWith(existing);
  }
  const banner = main.querySelector(":scope > [data-page-error]"); // the page's error banner is no prose
  main.replaceChildren(...next.childNodes);
  if (banner) main.prepend(banner);
}

let updates = 0;

/** Fetches the page's new HTML, morphs it in, then runs its new script (which patches the running page). */
export async function hotUpdate(path: string, script: string): Promise<void> {
  const response = await fetch(path, {cache: "no-store"});
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  const next = new DOMParser().parseFromString(await response.text(), "text/html");
  const main = document.querySelector("main");
  const nextMain = next.querySelector("main");
  if (!main || !nextMain) throw new Error(`${path} has no <main>`);
  document.title = next.title;
  morphMain(main, nextMain);
  // A new URL each time: after an undo, the script is one the browser already ran, and a module runs only once.
  const url = new URL(script, location.href);
  url.searchParams.set("update", String(++updates));
  await import(/* @vite-ignore */ url.href);
}
