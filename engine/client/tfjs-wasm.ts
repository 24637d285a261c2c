/**
 * What pages and workers get for `@tensorflow/tfjs-backend-wasm` (the build resolves it here): the package, with its
 * Slice and Unpack kernels replaced by ones that read their input through a view of the wasm heap. The package's
 * copy the whole input out of the heap at every call (`readSync`) to take a part of it: a recurrent layer unstacks
 * its input into one slice per time step, so a SimpleRNN's forward pass over T steps copied its input T times —
 * two thirds of the essay's forward pass on the page.
 */
import {
  getKernel,
  getKernelsForBackend,
  registerKernel,
  slice_util,
  unregisterKernel,
  util,
  type KernelConfig,
  type KernelFunc,
  type SliceAttrs,
  type TensorInfo,
  type UnpackAttrs
} from "@tensorflow/tfjs-core";
import type {BackendWasm} from "@tensorflow/tfjs-backend-wasm";

export * from "@tensorflow/tfjs-backend-wasm";

type TypedArray = Float32Array | Int32Array | Uint8Array;

/** The package's own kernel, kept for string tensors (they live in JavaScript, not in the heap). */
const packageSlice = getKernel("Slice", "wasm")!.kernelFunc;

/** `x[begin : begin + size]`, copied from the heap to the heap. */
function slice(args: {inputs: {x: TensorInfo}; attrs: SliceAttrs; backend: BackendWasm}): TensorInfo {
  const {
    inputs: {x},
    attrs,
    backend
  } = args;
  if (x.dtype === "string") return packageSlice(args as unknown as Parameters<KernelFunc>[0]) as TensorInfo;
  const [begin, size] = slice_util.parseSliceParams(x, attrs.begin, attrs.size);
  const out = backend.makeOutput(size, x.dtype);
  // Views taken after makeOutput: making room may grow the heap, which detaches views taken before.
  copyBlock(backend.typedArrayFromHeap(x) as TypedArray, x.shape, begin, size, backend.typedArrayFromHeap(out));
  return out;
}

/** The tensors along `axis`, each a slice of the input without that axis. */
function unpack(args: {inputs: {value: TensorInfo}; attrs: UnpackAttrs; backend: BackendWasm}): TensorInfo[] {
  const {
    inputs: {value},
    attrs,
    backend
  } = args;
  const rank = value.shape.length;
  const axis = attrs.axis < 0 ? attrs.axis + rank : attrs.axis;
  const outShape = value.shape.filter((_, i) => i !== axis);
  const begin = new Array<number>(rank).fill(0);
  const size = value.shape.slice();
  size[axis] = 1;
  return Array.from({length: value.shape[axis]}, (_, i) => {
    begin[axis] = i;
    const {dataId, dtype} = slice({inputs: {x: value}, attrs: {begin, size}, backend});
    return {dataId, dtype, shape: outShape};
  });
}

/** Copies the block of `source` (of `shape`) at `begin` of `size` into `target`, one innermost row at a time. */
function copyBlock(source: TypedArray, shape: number[], begin: number[], size: number[], target: TypedArray): void {
  const total = util.sizeFromShape(size);
  if (total === 0) return;
  if (slice_util.isSliceContinous(shape, begin, size)) {
    const offset = slice_util.computeFlatOffset(begin, util.computeStrides(shape));
    target.set(source.subarray(offset, offset + total));
    return;
  }
  const rank = shape.length;
  const strides = util.computeStrides(shape);
  const row = size[rank - 1];
  const index = new Array<number>(rank - 1).fill(0);
  for (let written = 0; written < total; written += row) {
    let offset = begin[rank - 1];
    for (let d = 0; d < rank - 1; ++d) offset += (begin[d] + index[d]) * strides[d];
    target.set(source.subarray(offset, offset + row), written);
    for (let d = rank - 2; d >= 0 && ++index[d] === size[d]; --d) index[d] = 0;
  }
}

function replace(config: KernelConfig) {
  unregisterKernel(config.kernelName, config.backendName);
  registerKernel(config);
}

replace({kernelName: "Slice", backendName: "wasm", kernelFunc: slice as unknown as KernelFunc});
replace({kernelName: "Unpack", backendName: "wasm", kernelFunc: unpack as unknown as KernelFunc});

/*
 * Kernel setup. tfjs sets up every kernel of a backend when it starts (here, ~150 lookups of wasm functions, in the
 * same task as the module's instantiation: the page's longest task at load, traced). Here they are set up together
 * by `setUpKernels` (the page calls it in a task of its own) or on the first kernel call. All together, not each on
 * its own first call: some kernels call others directly (Transpose, Concat…), not through the registry.
 */
const setups: ((backend: BackendWasm) => void)[] = [];
let setUpFor: BackendWasm | null = null;

/** Sets up every wasm kernel for `backend` (a backend started again anew is set up again). */
export function setUpKernels(backend: BackendWasm): void {
  if (setUpFor === backend) return;
  for (const setup of setups) setup(backend);
  setUpFor = backend;
}

for (const config of getKernelsForBackend("wasm")) {
  const {kernelFunc, setupFunc} = config;
  if (setupFunc) setups.push(setupFunc as (backend: BackendWasm) => void);
  replace({
    ...config,
    setupFunc: undefined,
    kernelFunc: ((args: Parameters<KernelFunc>[0]) => {
      setUpKernels(args.backend as BackendWasm);
      return kernelFunc(args);
    }) as KernelFunc
  });
}
