import {setWasmPaths} from "@tensorflow/tfjs-backend-wasm";
import {measureCourant, measureGradientExperiment, measureStock} from "./measure.js";

setWasmPaths(new URL("./wasm/", import.meta.url).href);

/** Runs in the bench page: the longest main-thread task is watched while Courant trains. */
Object.assign(window, {
  async benchCourant(backend: string, epochs: number, kernels: "auto" | "tfjs") {
    let longest = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
    });
    // Only the training loop is watched: model building and data preparation are measured apart.
    const figures = await measureCourant(backend, epochs, kernels, {
      start: () => observer.observe({type: "longtask"}),
      stop: () => observer.disconnect()
    });
    return {...figures, longestTaskMs: longest};
  },
  benchStock: measureStock,
  benchGradients: measureGradientExperiment
});
document.title = "bench ready";
