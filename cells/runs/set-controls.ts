/** A control to set: found by its label's exact text, given the value its input should take. */
export interface ControlValue {
  label: string;
  value: unknown;
}

/**
 * Sets page controls as a reader would: the input's `value`, then a bubbling `input` event (Observable Inputs
 * listen for it, and so does an address binding). Controls are `form`s or inputs whose `<label>` reads `label`.
 * All values are set before any event is sent, so dependent cells see one change. Returns the labels not found.
 */
export function setControls(root: ParentNode, controls: readonly ControlValue[]): string[] {
  const missing: string[] = [];
  const changed: Element[] = [];
  for (const {label, value} of controls) {
    const input = findControl(root, label);
    if (!input) {
      missing.push(label);
      continue;
    }
    if ((input as unknown as {value: unknown}).value === value) continue;
    (input as unknown as {value: unknown}).value = value;
    changed.push(input);
  }
  for (const input of changed) input.dispatchEvent(new Event("input", {bubbles: true}));
  return missing;
}

function findControl(root: ParentNode, label: string): Element | null {
  for (const element of root.querySelectorAll("label")) {
    if (element.textContent?.trim() !== label) continue;
    const form = element.closest("form");
    if (form) return form;
    const id = element.htmlFor;
    const target = id ? document.getElementById(id) : element.querySelector("input, select, textarea");
    if (target) return target;
  }
  return null;
}
