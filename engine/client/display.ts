import {Inspector} from "@observablehq/inspector";

/** How a cell's value looks on the page: DOM nodes as they are, tensors as text, the rest inspected. */
export function render(value: unknown, inline: boolean): Node {
  if (value instanceof Node) return value;
  if (isTensorLike(value)) return renderTensor(value);
  if (inline || typeof value === "string") return document.createTextNode(value === undefined ? "" : String(value));
  const element = document.createElement("div");
  new Inspector(element).fulfilled(value);
  return element;
}

interface TensorLike {
  shape: number[];
  dtype: string;
  isDisposed: boolean;
  toString(verbose?: boolean): string;
}

function isTensorLike(value: unknown): value is TensorLike {
  const t = value as TensorLike;
  return (
    !!t &&
    typeof t === "object" &&
    Array.isArray(t.shape) &&
    typeof t.dtype === "string" &&
    typeof (t as any).dataSync === "function"
  );
}

function renderTensor(tensor: TensorLike): Node {
  const pre = document.createElement("pre");
  pre.className = "courant-tensor";
  pre.textContent = tensor.isDisposed
    ? `Tensor ${tensor.dtype} [${tensor.shape.join(", ")}] (disposed)`
    : `Tensor ${tensor.dtype} [${tensor.shape.join(", ")}]\n${tensor.toString().replace(/^Tensor\n/, "")}`;
  return pre;
}
