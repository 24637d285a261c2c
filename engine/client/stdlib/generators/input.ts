import {observe} from "./observe.js";

/** Observable's `Generators.input(element)`: the element's value now and after each of its input events. */
export function input(element: Element) {
  return observe<unknown>((change) => {
    const event = eventOf(element);
    const inputted = () => change(valueOf(element));
    element.addEventListener(event, inputted);
    const value = valueOf(element);
    if (value !== undefined) change(value);
    return () => element.removeEventListener(event, inputted);
  });
}

function valueOf(element: Element): unknown {
  const e = element as HTMLInputElement & {selectedOptions: HTMLCollectionOf<HTMLOptionElement>};
  switch (e.type as string) {
    case "range":
    case "number":
      return e.valueAsNumber;
    case "date":
      return e.valueAsDate;
    case "checkbox":
      return e.checked;
    case "file":
      return e.multiple ? e.files : e.files?.[0];
    case "select-multiple":
      return Array.from(e.selectedOptions, (o) => o.value);
    default:
      return e.value;
  }
}

function eventOf(element: Element): string {
  switch ((element as HTMLInputElement).type) {
    case "button":
    case "submit":
    case "checkbox":
      return "click";
    case "file":
      return "change";
    default:
      return "input";
  }
}
