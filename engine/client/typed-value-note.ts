import type {Messages} from "./messages.js";
import {inputValue} from "./observe.js";

/**
 * A number typed into a control that cannot take it — out of its bounds, between its steps, not a number — is
 * refused by the control, which keeps its value (Observable Inputs stop the event). This note says so beside the
 * control, and goes away once what is typed is accepted. Null for an input with no number box.
 */
export function typedValueNote(input: Element, t: Messages): HTMLElement | null {
  const box = input.matches("input[type=number]") ? input : input.querySelector("input[type=number]");
  if (!(box instanceof HTMLInputElement)) return null;
  const note = document.createElement("p");
  note.className = "courant-note courant-typed-note";
  note.setAttribute("role", "status");
  note.dataset.typedNote = "";
  note.hidden = true;
  const update = () => {
    const {badInput, rangeOverflow, rangeUnderflow, stepMismatch} = box.validity;
    note.hidden = !(badInput || rangeOverflow || rangeUnderflow || stepMismatch);
    if (note.hidden) return;
    const step = box.step && box.step !== "any" && box.step !== "1" ? box.step : null;
    const bounds = t.bounds(box.min || "−∞", box.max || "+∞", step);
    note.textContent = t.typedValue(box.value, bounds, String(inputValue(input)));
  };
  // Captured: the control stops the input event of a value it refuses.
  input.addEventListener("input", update, true);
  input.addEventListener("change", update, true);
  return note;
}
