import type {Messages} from "./messages.js";

/**
 * The page's error banner, at the top of the page: errors that belong to no cell (broken front matter, an
 * uncaught error no cell's code threw). Dismissable; a later error brings it back. Test hooks: `data-page-error`
 * on the banner, `data-page-error-item` on each entry (`data-count` when it repeated), `data-page-error-dismiss`.
 */
export class ErrorBanner {
  private banner: HTMLElement | null = null;
  private list: HTMLUListElement | null = null;
  private readonly items = new Map<string, HTMLLIElement>();

  constructor(
    private readonly parent: HTMLElement,
    private readonly t: Messages
  ) {}

  add(message: string, detail?: string) {
    const key = `${message}\n${detail ?? ""}`;
    const existing = this.items.get(key);
    if (existing) {
      // A timer that keeps throwing gives one entry with a count, not a flood.
      const count = Number(existing.dataset.count ?? 1) + 1;
      existing.dataset.count = String(count);
      existing.querySelector(".courant-page-error-count")!.textContent = ` ×${count}`;
    } else {
      const item = document.createElement("li");
      item.dataset.pageErrorItem = "";
      item.append(message);
      if (detail) {
        const where = document.createElement("span");
        where.className = "courant-where";
        where.textContent = ` — ${detail}`;
        item.append(where);
      }
      const count = document.createElement("span");
      count.className = "courant-page-error-count";
      item.append(count);
      this.items.set(key, item);
      this.ensureBanner().append(item);
    }
    this.banner!.hidden = false;
  }

  /** Hides the banner and forgets its entries. */
  dismiss() {
    this.items.clear();
    this.list?.replaceChildren();
    if (this.banner) this.banner.hidden = true;
  }

  private ensureBanner(): HTMLUListElement {
    if (this.list) return this.list;
    const banner = document.createElement("section");
    banner.className = "courant-page-error";
    banner.dataset.pageError = "";
    banner.setAttribute("role", "alert");
    const head = document.createElement("div");
    head.className = "courant-page-error-head";
    const title = document.createElement("strong");
    title.textContent = this.t.pageErrors;
    const dismiss = document.createElement("button");
    dismiss.type = "button";
    dismiss.dataset.pageErrorDismiss = "";
    dismiss.textContent = this.t.dismiss;
    dismiss.addEventListener("click", () => this.dismiss());
    head.append(title, dismiss);
    this.list = document.createElement("ul");
    banner.append(head, this.list);
    this.parent.prepend(banner);
    this.banner = banner;
    return this.list;
  }
}
