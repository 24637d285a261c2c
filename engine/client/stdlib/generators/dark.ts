import {observe} from "./observe.js";

/** Observable's `dark`: whether the page shows a dark colour scheme, now and when the reader's preference changes. */
export function dark() {
  return observe<boolean>((notify) => {
    let last: boolean | undefined;
    const media = matchMedia("(prefers-color-scheme: dark)");
    const changed = () => {
      const scheme = getComputedStyle(document.body).getPropertyValue("color-scheme").split(/\s+/);
      const isDark = scheme.includes("light") && scheme.includes("dark") ? media.matches : scheme.includes("dark");
      if (isDark !== last) notify((last = isDark));
    };
    changed();
    media.addEventListener("change", changed);
    return () => media.removeEventListener("change", changed);
  });
}
