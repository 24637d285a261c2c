/**
 * What pages and workers get for `@tensorflow/tfjs` (the build aliases it here): the union package without its
 * converter and data packages, which nothing in Courant uses — core with its gradients and chained ops, layers,
 * and the cpu backend. The webgl backend (~40 % of tfjs's code) is registered but loaded only when it is started:
 * where WebAssembly SIMD is, the page takes wasm and never needs it (the wasm backend is imported where it is
 * started). Unlike the union package, `tf.webgl` and the webgl backend's classes are not among the exports.
 */
import "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-core/dist/register_all_gradients";
import "@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops";
import {env, registerBackend, version_core} from "@tensorflow/tfjs-core";
import {version_cpu} from "@tensorflow/tfjs-backend-cpu";
import {version_layers} from "@tensorflow/tfjs-layers";

export * from "@tensorflow/tfjs-core";
export * from "@tensorflow/tfjs-layers";
export * from "@tensorflow/tfjs-backend-cpu";

/** Freed WebGL textures are kept for reuse up to this many bytes, then deleted (tfjs default: never). */
const WEBGL_TEXTURE_CACHE_BYTES = 256 * 1024 * 1024;

// The priority tfjs gives webgl. Importing the package registers its kernels (and its own factory, which tfjs
// ignores: this one came first).
registerBackend(
  "webgl",
  async () => {
    const {MathBackendWebGL} = await import("@tensorflow/tfjs-backend-webgl");
    env().set("WEBGL_DELETE_TEXTURE_THRESHOLD", WEBGL_TEXTURE_CACHE_BYTES);
    return new MathBackendWebGL();
  },
  2
);

export const version = {
  "tfjs-core": version_core,
  "tfjs-backend-cpu": version_cpu,
  "tfjs-layers": version_layers,
  tfjs: version_core
};
