import {setWasmPaths} from "@tensorflow/tfjs-backend-wasm";
import {measureCourant, measureGradientExperiment, measureStock} from "./measure.js";

setWasmPaths(new URL("./wasm/", import.meta.url).href);

/** Runs in the bench page: the longest main-thread task is watched while Courant trains. */
Object.assign(window, {
  async benchCourant(backend: string, epochs: number) {
    let longest = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
    });
    observer.observe({type: "longtask", buffered: false});
    const figures = await measureCourant(backend, epochs);
    observer.disconnect();
    return {...figures, longestTaskMs: longest};
  },
  benchStock: measureStock,
  benchGradients: measureGradientExperiment
});
document.title = "bench ready";
