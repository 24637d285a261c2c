import {messagesFor, type Messages} from "./messages.js";
import {inputValue} from "./observe.js";
import {type Domain, formatUrlValue, readUrlValue, type UrlNote} from "./url-state.js";

/** The second argument of `view(input, options)`. */
export interface ViewOptions {
  /** Bind the input to `?url=…`: read before the first run, written back (replaceState) as it changes. */
  url?: string;
}

/**
 * `view(input, {url: key})`: the input takes its value from `?key=` now — before `view` reads it, so the first
 * run already sees it — fitted to the input's domain, and writes every change back to the address. The key is
 * written at once too, defaults included, so the address always describes what is on screen. Returns the note
 * to show when the address held something the input cannot take, else null.
 */
export function bindToUrl(input: Element, options: ViewOptions | undefined): HTMLElement | null {
  const key = options?.url;
  if (key === undefined) return null;
  if (typeof key !== "string" || key === "") {
    throw new TypeError(`view(input, {url}): url must be a non-empty string, got ${JSON.stringify(key)}`);
  }
  const domain = domainOf(input);
  const reading = readUrlValue(key, new URLSearchParams(location.search).get(key), domain, inputValue(input));
  setInputValue(input, reading.value);
  writeToUrl(key, inputValue(input));
  const note = reading.note ? noteElement(reading.note, messagesFor(document.documentElement.lang)) : null;
  input.addEventListener("input", () => {
    writeToUrl(key, inputValue(input));
    note?.remove(); // the note was about the address as loaded; the reader has moved on
  });
  return note;
}

/** What values the input can hold, read from its controls (Observable Inputs or plain elements). */
function domainOf(input: Element): Domain {
  const fields = "input, select, textarea";
  const controls = input.matches(fields) ? [input] : [...input.querySelectorAll(fields)];
  const select = controls.find((c): c is HTMLSelectElement => c instanceof HTMLSelectElement);
  if (select && !select.multiple) {
    return {kind: "options", values: choiceValues(input, [...select.options], (o) => (select.selectedIndex = o.index))};
  }
  const inputs = controls.filter((c): c is HTMLInputElement => c instanceof HTMLInputElement);
  const radios = inputs.filter((c) => c.type === "radio");
  if (radios.length && radios.length === controls.length) {
    return {kind: "options", values: choiceValues(input, radios, (r) => (r.checked = true))};
  }
  // Inputs.range holds a number box and a slider: the box has the untransformed bounds.
  const number = inputs.find((c) => c.type === "number") ?? inputs.find((c) => c.type === "range");
  if (number) return {kind: "number", ...numberBounds(number)};
  if (typeof inputValue(input) === "boolean") return {kind: "boolean"};
  const textTypes = ["text", "search", "email", "url", "tel", "password"];
  const [only] = controls;
  const isText = only instanceof HTMLTextAreaElement || textTypes.includes((only as HTMLInputElement).type);
  if (controls.length === 1 && isText) {
    return {kind: "text"};
  }
  throw new TypeError("view(input, {url}) binds a range, number, select, radio, toggle or text input, not this one");
}

function numberBounds(control: HTMLInputElement): {min: number; max: number; step: number | null} {
  const bound = (text: string, otherwise: number) =>
    text !== "" && Number.isFinite(Number(text)) ? Number(text) : otherwise;
  const step = control.getAttribute("step");
  return {
    min: bound(control.min, -Infinity),
    max: bound(control.max, Infinity),
    // HTML's default step for number and range is 1; "any" lifts it.
    step: step === null ? 1 : step === "any" ? null : bound(step, 1) || null
  };
}

/**
 * The value each choice gives the input. Observable Inputs keep their data out of the DOM (an option's value is
 * its index), so each choice is picked in turn and the input's own value read; then the selection is restored.
 * This runs before `view` listens to the input, so nothing downstream sees it.
 */
function choiceValues<T extends HTMLOptionElement | HTMLInputElement>(
  input: Element,
  choices: T[],
  pick: (choice: T) => void
): unknown[] {
  const initial = choices.find((c) => (c instanceof HTMLOptionElement ? c.selected : c.checked));
  const values: unknown[] = [];
  for (const choice of choices) {
    if (choice.disabled) continue;
    pick(choice);
    choice.dispatchEvent(new Event("input", {bubbles: true}));
    values.push(inputValue(input));
  }
  if (initial) {
    pick(initial);
    initial.dispatchEvent(new Event("input", {bubbles: true}));
  }
  return values;
}

/** Sets the input as its own `value` setter would (Observable Inputs define one), else its control. */
function setInputValue(input: Element, value: unknown) {
  if (inputValue(input) === value) return;
  if (input instanceof HTMLInputElement && input.type === "checkbox") input.checked = Boolean(value);
  else if ("value" in input) (input as {value: unknown}).value = value;
  else {
    const control = input.querySelector("input, select, textarea");
    if (control) setInputValue(control, value);
  }
}

function writeToUrl(key: string, value: unknown) {
  const url = new URL(location.href);
  const text = formatUrlValue(value);
  if (text === null) url.searchParams.delete(key);
  else url.searchParams.set(key, text);
  if (url.href !== location.href) history.replaceState(history.state, "", url);
}

function noteElement(note: UrlNote, t: Messages): HTMLElement {
  const element = document.createElement("p");
  element.className = "courant-note courant-url-note";
  element.setAttribute("role", "status");
  element.dataset.urlNote = note.key;
  element.dataset.reason = note.reason;
  // An address can hold anything: show a bounded excerpt of what it held.
  const raw = note.raw.length > 40 ? `${note.raw.slice(0, 40)}…` : note.raw;
  element.textContent = t.urlNote[note.reason](`?${note.key}=${raw}`, String(formatUrlValue(note.value)));
  return element;
}
