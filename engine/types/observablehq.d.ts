// The Observable runtime, inspector and inputs ship without TypeScript types; this is the part Courant uses.

declare module "@observablehq/runtime" {
  export interface Observer {
    pending?(): void;
    fulfilled?(value: unknown, name?: string | null): void;
    rejected?(error: unknown, name?: string | null): void;
  }
  export class Variable {
    define(name: string | null, inputs: string[], definition: (...args: any[]) => unknown): Variable;
    delete(): void;
  }
  export class Module {
    variable(observer?: Observer | boolean): Variable;
    value(name: string): Promise<unknown>;
  }
  export class Runtime {
    constructor(builtins?: Record<string, unknown>, global?: (name: string) => unknown);
    module(): Module;
    dispose(): void;
  }
  export class RuntimeError extends Error {
    input?: string;
  }
}

declare module "@observablehq/inspector" {
  export class Inspector {
    constructor(element: Element);
    fulfilled(value: unknown, name?: string): void;
    rejected(error: unknown, name?: string): void;
    pending(): void;
  }
}

declare module "@observablehq/inputs" {
  type Input<T = unknown> = HTMLElement & {value: T};
  interface Options {
    label?: string | Node;
    value?: unknown;
    [option: string]: unknown;
  }
  export function range(extent?: [number, number], options?: Options & {step?: number}): Input<number>;
  export function text(options?: Options & {placeholder?: string}): Input<string>;
  export function textarea(options?: Options & {placeholder?: string; rows?: number}): Input<string>;
  // A Map's keys are the labels shown, its values what the input gives.
  export function select<K, V>(data: Map<K, V>, options?: Options): Input<V>;
  export function select<T>(data: Iterable<T>, options?: Options): Input<T>;
  export function radio<K, V>(data: Map<K, V>, options?: Options): Input<V>;
  export function radio<T>(data: Iterable<T>, options?: Options): Input<T>;
  export function checkbox<K, V>(data: Map<K, V>, options?: Options): Input<V[]>;
  export function checkbox<T>(data: Iterable<T>, options?: Options): Input<T[]>;
  export function toggle(options?: Options): Input<boolean>;
  export function button(content?: unknown, options?: Options & {reduce?: (value: any) => any}): Input<any>;
  export function number(extent?: [number, number], options?: Options & {step?: number}): Input<number>;
  export function table(data: unknown[], options?: Options): Input<unknown[]>;
  export function bind<T extends HTMLElement>(target: T, source: HTMLElement): T;
}

// `import url from "./x.ts?worker"`: bundled as a Web Worker script by Courant's build; the URL of the script.
declare module "*?worker" {
  const url: string;
  export default url;
}
