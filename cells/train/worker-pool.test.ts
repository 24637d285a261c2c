import {describe, expect, it} from "vitest";
import {sentimentRnnSpec} from "../models/builders.js";
import {initialWeights} from "../models/weights.js";
import {seedData} from "../testing/seed-data.js";
import {serveJobs, type JobHandlers, type WorkerScope} from "./worker-host.js";
import {workerJobs} from "./worker-jobs.js";
import {WorkerPool, type WorkerLike} from "./worker-pool.js";
import type {FromWorker, JobRequest, ToWorker} from "./worker-protocol.js";

/**
 * The one seam: a Worker that runs the real worker side (serveJobs and the real job handlers) in this process.
 * Messages are structured-cloned (buffers transferred) and delivered in later tasks, as between threads.
 */
class InProcessWorker implements WorkerLike {
  terminated = false;
  private readonly pageListeners: ((event: MessageEvent<FromWorker>) => void)[] = [];
  private readonly workerListeners: ((event: MessageEvent<ToWorker>) => void)[] = [];

  constructor({handlers, numTensors}: {handlers: JobHandlers; numTensors: () => number | null}) {
    const scope: WorkerScope = {
      postMessage: (message, transfer = []) => this.deliver(message, transfer, this.pageListeners),
      addEventListener: (_type, listener) => void this.workerListeners.push(listener)
    };
    serveJobs(scope, handlers, numTensors);
  }

  postMessage(message: ToWorker, transfer: Transferable[] = []) {
    this.deliver(message, transfer, this.workerListeners);
  }

  addEventListener(type: "message" | "error", listener: (event: never) => void) {
    if (type === "message") this.pageListeners.push(listener as (event: MessageEvent<FromWorker>) => void);
  }

  terminate() {
    this.terminated = true;
  }

  private deliver<T>(message: T, transfer: Transferable[], listeners: ((event: MessageEvent<T>) => void)[]) {
    if (this.terminated) return;
    const data = structuredClone(message, {transfer});
    setTimeout(() => {
      if (!this.terminated) for (const listener of listeners) listener({data} as MessageEvent<T>);
    });
  }
}

/** A worker stuck in a long synchronous step: it takes jobs and never answers, not even an abort. */
const stuck = (): {handlers: JobHandlers; numTensors: () => null} => {
  const never = () => new Promise<never>(() => {});
  return {handlers: {train: never, create: never, gradients: never, timesteps: never}, numTensors: () => null};
};

const tf = {backend: "cpu", wasmPath: ""};
const data = seedData().train;
const spec = sentimentRnnSpec({hiddenSize: 8, embeddingDim: 8});

function trainRequest(options: Partial<JobRequest<"train">["options"]> = {}): {
  request: JobRequest<"train">;
  transfer: Transferable[];
} {
  const rowLength = data.x[0].length;
  const ids = new Int32Array(data.x.length * rowLength);
  data.x.forEach((row, i) => ids.set(row, i * rowLength));
  const labels = Float32Array.from(data.y);
  return {
    request: {
      kind: "train",
      tf,
      spec,
      ids,
      rowLength,
      labels,
      options: {epochs: 50, validationSplit: 0.2, seed: 3, ...options}
    },
    transfer: [ids.buffer, labels.buffer]
  };
}

function makePool(workers: (() => InProcessWorker)[], abortGraceMs = 200) {
  const made: InProcessWorker[] = [];
  const pool = new WorkerPool({
    size: 1,
    abortGraceMs,
    createWorker: () => {
      const worker = (workers[made.length] ?? (() => new InProcessWorker(workerJobs())))();
      made.push(worker);
      return worker;
    }
  });
  return {pool, made};
}

async function until(condition: () => boolean) {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe("WorkerPool (the worker contract, with the real worker side in this process)", () => {
  it("streams a training's epochs on the fused kernels and returns its weights, with no tfjs loaded in the worker", async () => {
    const {pool} = makePool([]);
    const {request, transfer} = trainRequest({epochs: 2});
    const run = pool.run(request, {transfer});
    const items = [];
    let next = await run.next();
    for (; !next.done; next = await run.next()) items.push(next.value);
    expect(items.map((i) => i.type)).toEqual(["started", "epoch", "epoch"]);
    expect(items[0].type === "started" && items[0].place).toEqual({backend: "wasm", trainer: "fused", inWorker: true});
    expect(next.value!.history.loss).toHaveLength(2);
    expect(next.value!.weights.weights.map((w) => w.name)).toEqual(initialWeights(spec, {seed: 3}).map((w) => w.name));
    expect(pool.stats.finished).toEqual([{stepsAfterAbort: 0, numTensors: null}]);
  });

  it("an abort ends the run with an AbortError; the job stops within one batch and its worker is reused", async () => {
    const {pool, made} = makePool([]);
    const controller = new AbortController();
    const {request, transfer} = trainRequest();
    const seen: string[] = [];
    const consume = async () => {
      for await (const item of pool.run(request, {signal: controller.signal, transfer})) {
        seen.push(item.type);
        if (item.type === "epoch") controller.abort();
      }
    };
    const error = await consume().then(
      () => null,
      (e: unknown) => e
    );
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe("AbortError");
    expect(seen).toEqual(["started", "epoch"]);
    await until(() => pool.stats.aborted.length === 1);
    expect(pool.stats.aborted[0].stepsAfterAbort).toBeLessThanOrEqual(1);

    const created = await pool.run({kind: "create", tf, spec, seed: 5}).next();
    expect(created.done && created.value.weights[2].values).toEqual(initialWeights(spec, {seed: 5})[2].values);
    expect(made).toHaveLength(1);
    expect(pool.stats).toMatchObject({created: 1, terminated: 0});
  });

  it("a worker's error reaches the page with its class and message", async () => {
    const {pool} = makePool([]);
    const {request, transfer} = trainRequest({epochs: 0});
    const error = await pool
      .run(request, {transfer})
      .next()
      .then(
        () => null,
        (e: unknown) => e
      );
    expect(error).toBeInstanceOf(RangeError);
    expect((error as RangeError).message).toBe("epochs must be an integer ≥ 1, got 0");
    // the worker is free again
    expect((await pool.run({kind: "create", tf, spec, seed: 1}).next()).done).toBe(true);
  });

  it("a worker that does not acknowledge an abort is terminated and replaced, and the next job runs", async () => {
    const {pool, made} = makePool([() => new InProcessWorker(stuck())], 0);
    const controller = new AbortController();
    const hung = pool.run({kind: "create", tf, spec, seed: 1}, {signal: controller.signal}).next();
    controller.abort();
    await expect(hung).rejects.toMatchObject({name: "AbortError"});
    const next = pool.run({kind: "create", tf, spec, seed: 2}).next();
    await until(() => pool.stats.terminated === 1);
    expect(made[0].terminated).toBe(true);
    expect(made).toHaveLength(2);
    expect((await next).done).toBe(true);
    expect(pool.stats).toMatchObject({created: 2, terminated: 1, replaced: ["create"], aborted: []});
  });

  it("an aborted job that still waits in line never reaches a worker", async () => {
    const {pool} = makePool([]);
    const first = pool.run({kind: "create", tf, spec, seed: 1}).next();
    const controller = new AbortController();
    const queued = pool.run({kind: "create", tf, spec, seed: 2}, {signal: controller.signal}).next();
    controller.abort();
    await expect(queued).rejects.toMatchObject({name: "AbortError"});
    expect((await first).done).toBe(true);
    expect(pool.stats.finished).toHaveLength(1);
    expect(pool.stats.aborted).toHaveLength(0);
  });
});

describe("WorkerPool's line", () => {
  it("gives a free worker to a waiting training before an experiment that came first", async () => {
    const {pool} = makePool([]);
    const heard: string[] = [];
    const first = pool.run({kind: "create", tf, spec, seed: 1}).next();
    const consume = async (job: AsyncGenerator<unknown, unknown>, name: string) => {
      for (let step = await job.next(); ; step = await job.next()) {
        if (!heard.includes(name)) heard.push(name);
        if (step.done) return;
      }
    };
    const experiment = consume(
      pool.run({
        kind: "timesteps",
        tf,
        length: 3,
        options: {inputSize: 4, hiddenSize: 4, numClasses: 2, batchSize: 2, seed: 1}
      }),
      "experiment"
    );
    const {request, transfer} = trainRequest({epochs: 1});
    const training = consume(pool.run(request, {transfer}), "training");
    await first;
    await Promise.all([experiment, training]);
    expect(heard).toEqual(["training", "experiment"]);
  });
});

describe("WorkerPool's later workers", () => {
  it("starts with one worker; the rest, made when `deferRest` says, take the jobs waiting in line", async () => {
    const made: InProcessWorker[] = [];
    let spawnRest!: () => void;
    const pool = new WorkerPool({
      size: 3,
      deferRest: (spawn) => void (spawnRest = spawn),
      createWorker: () => {
        const worker = new InProcessWorker(workerJobs());
        made.push(worker);
        return worker;
      }
    });
    expect([made.length, pool.size, pool.stats.created]).toEqual([1, 1, 1]);

    const long = trainRequest({epochs: 50});
    const first = pool.run(long.request, {transfer: long.transfer});
    await first.next(); // the one worker is busy with it
    const second = trainRequest({epochs: 1});
    let secondDone = false;
    const waiting = (async () => {
      for await (const _ of pool.run(second.request, {transfer: second.transfer}));
      secondDone = true;
    })();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(secondDone).toBe(false); // in line behind the first

    spawnRest();
    expect([made.length, pool.size, pool.stats.created]).toEqual([3, 3, 3]);
    await waiting; // taken by a new worker while the first job still runs
    expect(secondDone).toBe(true);
    await first.return(undefined as never);
  });
});

describe("WorkerPool's low-priority limit", () => {
  it("an experiment waits while a training runs, though a worker is free; another training does not", async () => {
    const pool = new WorkerPool({size: 2, lowPriorityLimit: 1, createWorker: () => new InProcessWorker(workerJobs())});
    const long = trainRequest({epochs: 50});
    const training = pool.run(long.request, {transfer: long.transfer});
    await training.next();
    const heard: string[] = [];
    const experiment = (async () => {
      for await (const _ of pool.run({
        kind: "timesteps",
        tf,
        length: 3,
        options: {inputSize: 4, hiddenSize: 4, numClasses: 2, batchSize: 2, seed: 1}
      }));
      heard.push("experiment");
    })();
    const short = trainRequest({epochs: 1});
    for await (const _ of pool.run(short.request, {transfer: short.transfer}));
    heard.push("second training");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).toEqual(["second training"]); // the experiment still waits: the first training runs

    await training.return(undefined as never); // aborts it: the experiment may start
    await experiment;
    expect(heard).toEqual(["second training", "experiment"]);
  });
});
