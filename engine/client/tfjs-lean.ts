/**
 * What pages and workers get for `@tensorflow/tfjs` (the build aliases it here): the union package without its
 * converter and data packages, which nothing in Courant uses — core with its gradients and chained ops, layers,
 * and the cpu and webgl backends (the wasm backend is imported where it is started).
 */
import "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-core/dist/register_all_gradients";
import "@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops";
import {version_core} from "@tensorflow/tfjs-core";
import {version_cpu} from "@tensorflow/tfjs-backend-cpu";
import {version_webgl} from "@tensorflow/tfjs-backend-webgl";
import {version_layers} from "@tensorflow/tfjs-layers";

export * from "@tensorflow/tfjs-core";
export * from "@tensorflow/tfjs-layers";
export * from "@tensorflow/tfjs-backend-cpu";
export * from "@tensorflow/tfjs-backend-webgl";

export const version = {
  "tfjs-core": version_core,
  "tfjs-backend-cpu": version_cpu,
  "tfjs-backend-webgl": version_webgl,
  "tfjs-layers": version_layers,
  tfjs: version_core
};
