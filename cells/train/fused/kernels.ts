import {kernelsWasmBase64} from "./kernels-wasm.js";

/** The exports of assembly/kernels.ts; every buffer argument is a byte offset in `memory`. */
export interface KernelExports {
  memory: WebAssembly.Memory;
  gemm(
    a: number,
    sai: number,
    sak: number,
    b: number,
    ldb: number,
    c: number,
    ldc: number,
    m: number,
    k: number,
    n: number,
    accumulate: boolean
  ): void;
  tanhInPlace(x: number, n: number): void;
  multiply(x: number, y: number, out: number, n: number): void;
  broadcastRows(row: number, out: number, rows: number, n: number): void;
  columnSums(x: number, rows: number, n: number, out: number): void;
  transpose(x: number, rows: number, cols: number, out: number): void;
  gatherRows(table: number, ids: number, count: number, n: number, mask: number, period: number, out: number): void;
  scatterAddRows(
    x: number,
    ids: number,
    count: number,
    n: number,
    mask: number,
    period: number,
    table: number,
    scratch: number
  ): void;
  rnnForward(
    states: number,
    masked: number,
    u: number,
    mask: number,
    steps: number,
    batch: number,
    units: number
  ): void;
  rnnBackward(states: number, ut: number, mask: number, dz: number, steps: number, batch: number, units: number): void;
  adam(
    w: number,
    g: number,
    m: number,
    v: number,
    n: number,
    lr: number,
    beta1: number,
    beta2: number,
    oneMinusBeta1: number,
    oneMinusBeta2: number,
    epsilon: number,
    c1: number,
    c2: number
  ): void;
}

let compiled: Promise<WebAssembly.Module | null> | null = null;

function kernelBytes(): Uint8Array<ArrayBuffer> {
  const text = atob(kernelsWasmBase64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; ++i) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** The compiled kernels, or null where WebAssembly or its SIMD extension is missing. Compiled once. */
export function kernelModule(): Promise<WebAssembly.Module | null> {
  return (compiled ??= (async () => {
    if (typeof WebAssembly !== "object") return null;
    const bytes = kernelBytes();
    return WebAssembly.validate(bytes) ? WebAssembly.compile(bytes) : null;
  })());
}

/** A fresh instance with its own memory (one per trainer), or null without WebAssembly SIMD. */
export async function instantiateKernels(): Promise<KernelExports | null> {
  const module = await kernelModule();
  if (!module) return null;
  const instance = await WebAssembly.instantiate(module, {env: {abort: () => {}}});
  return instance.exports as unknown as KernelExports;
}

let shared: KernelExports | null = null;
/** Starts loading the shared instance (for synchronous inference); resolves when it is there (or cannot be). */
export const sharedKernelsReady: Promise<void> = instantiateKernels().then(
  (kernels) => void (shared = kernels),
  () => {}
);

/** The shared instance, if it has loaded. Its memory is laid out anew by each user: use it synchronously. */
export function sharedKernels(): KernelExports | null {
  return shared;
}

/**
 * Lays buffers out in an instance's memory: reserve everything first, then `commit` grows the memory once,
 * so the typed-array views made afterwards stay valid for the instance's life.
 */
export class Arena {
  private end = 64; // offset 0 means "no buffer" to the kernels
  private committed = false;

  constructor(private readonly kernels: KernelExports) {}

  /** Reserves n 4-byte elements, 64-byte aligned; returns the byte offset. */
  reserve(n: number): number {
    if (this.committed) throw new Error("arena already committed");
    const offset = this.end;
    this.end += Math.ceil((Math.max(n, 1) * 4) / 64) * 64;
    return offset;
  }

  commit() {
    const memory = this.kernels.memory;
    const missing = this.end - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / 65536));
    this.committed = true;
  }

  f32(offset: number, n: number): Float32Array {
    return new Float32Array(this.kernels.memory.buffer, offset, n);
  }

  i32(offset: number, n: number): Int32Array {
    return new Int32Array(this.kernels.memory.buffer, offset, n);
  }

  get bytes(): number {
    return this.end;
  }
}
