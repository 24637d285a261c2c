/** Names a cell may use without any cell defining them. */

/** Provided by the engine to every cell (see DESIGN.md, "Cell semantics"). */
export const builtins = new Set(["display", "view", "invalidation", "signal", "width", "html", "Plot", "Inputs", "tf"]);

/** Builtins that are per cell (bound to the cell's own output and run), not shared runtime variables. */
export const cellLocalBuiltins = new Set(["display", "view", "signal", "invalidation"]);

const ecmaGlobals = [
  "globalThis", "Infinity", "NaN", "undefined", "eval", "isFinite", "isNaN", "parseFloat", "parseInt",
  "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent", "escape", "unescape",
  "Object", "Function", "Array", "Number", "Boolean", "String", "Symbol", "BigInt", "Date", "RegExp", "Error",
  "AggregateError", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError",
  "Math", "JSON", "Reflect", "Proxy", "Promise", "Map", "Set", "WeakMap", "WeakSet", "WeakRef",
  "FinalizationRegistry", "ArrayBuffer", "SharedArrayBuffer", "DataView", "Atomics", "Intl", "Iterator",
  "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
  "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array", "WebAssembly", "arguments"
];

const browserGlobals = [
  "window", "self", "document", "navigator", "location", "history", "screen", "console", "performance",
  "fetch", "Headers", "Request", "Response", "FormData", "URL", "URLSearchParams", "Blob", "File", "FileReader",
  "setTimeout", "clearTimeout", "setInterval", "clearInterval", "requestAnimationFrame", "cancelAnimationFrame",
  "requestIdleCallback", "cancelIdleCallback", "queueMicrotask", "structuredClone", "atob", "btoa",
  "alert", "confirm", "prompt", "getComputedStyle", "matchMedia", "devicePixelRatio", "innerWidth", "innerHeight",
  "localStorage", "sessionStorage", "indexedDB", "crypto", "caches", "customElements",
  "Worker", "SharedWorker", "MessageChannel", "BroadcastChannel", "EventSource", "WebSocket",
  "AbortController", "AbortSignal", "Event", "EventTarget", "CustomEvent", "KeyboardEvent", "MouseEvent",
  "PointerEvent", "InputEvent", "TextEncoder", "TextDecoder", "ReadableStream", "WritableStream",
  "TransformStream", "CompressionStream", "DecompressionStream", "ImageData", "ImageBitmap", "Image",
  "OffscreenCanvas", "Path2D", "DOMParser", "XMLSerializer", "Node", "Element", "Text", "Comment",
  "DocumentFragment", "NodeList", "ResizeObserver", "IntersectionObserver", "MutationObserver",
  "PerformanceObserver", "createImageBitmap", "Audio", "AudioContext", "Notification", "FontFace", "Option"
];

const globals = new Set([...ecmaGlobals, ...browserGlobals]);
const globalPrefixes = /^(HTML|SVG|WebGL|WebGL2|CSS|DOM|GPU|Intl|Media|Speech|RTC|IDB)/;

export function isKnownGlobal(name: string): boolean {
  return globals.has(name) || globalPrefixes.test(name);
}
