/// <reference lib="webworker" />
import {serveJobs} from "./worker-host.js";
import {workerJobs} from "./worker-jobs.js";

/** The pooled worker's script (see worker-pool.ts for the page's side, worker-jobs.ts for what it does). */
const {handlers, numTensors} = workerJobs();
serveJobs(self as unknown as DedicatedWorkerGlobalScope, handlers, numTensors);
