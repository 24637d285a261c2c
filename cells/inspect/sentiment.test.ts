import * as tf from "@tensorflow/tfjs";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {HIDDEN_STATE_PHRASES} from "../data/sentiment.js";
import {sentimentRnnSpec} from "../models/builders.js";
import {Network} from "../models/network.js";
import {useBackend} from "../testing/backends.js";
import {seedData} from "../testing/seed-data.js";
import {padSequences} from "../text/pad-sequences.js";
import {maxAbsDiff} from "../testing/max-abs-diff.js";
import {sharedKernelsReady} from "../train/fused/kernels.js";
import {hiddenStates, predictSentiment} from "./sentiment.js";

const data = seedData();
let network: Network;
beforeAll(async () => {
  await useBackend("wasm");
  await sharedKernelsReady; // hiddenStates takes the fused kernels once they have loaded
  network = Network.create(sentimentRnnSpec({hiddenSize: 12}), {seed: 3});
});
afterAll(() => network.dispose());

describe("predictions and hidden states", () => {
  const pair = () => ({network, tokenizer: data.tokenizer, maxLength: 20});

  it("aligns each hidden state with its token: pre-padding puts the words last", () => {
    const h = hiddenStates(HIDDEN_STATE_PHRASES[0], pair());
    expect(h.tokens).toEqual([...Array(17).fill(null), "film", "absolument", "fantastique"]);
    expect(h.states.length).toBe(20);
    expect(h.states[0].length).toBe(12);
    h.norms.forEach((n, t) => expect(n).toBeCloseTo(Math.hypot(...h.states[t]), 5));
    // the same states as the network's own forward pass (tfjs's layers), at every step
    const [row] = padSequences(data.tokenizer.textsToSequences([HIDDEN_STATE_PHRASES[0]]), {maxlen: 20});
    const all = tf.tidy(() => network.hiddenStates(tf.tensor2d(row, [1, 20], "int32")).arraySync() as number[][][]);
    all[0].forEach((state, t) => expect(maxAbsDiff(state, h.states[t]), `step ${t}`).toBeLessThanOrEqual(1e-5));
  });

  it("scores a phrase with no known word and says so", () => {
    for (const text of ["", "zzz qqq", "🙂🙂", "<script>alert(1)</script>"]) {
      const p = predictSentiment(text, pair());
      expect(p.score).toBeGreaterThanOrEqual(0);
      expect(p.score).toBeLessThanOrEqual(1);
      expect(p.noKnownWord, text).toBe(true);
    }
    const known = predictSentiment("Film fantastique, zorglub", pair());
    expect(known.noKnownWord).toBe(false);
    expect(known.tokens).toEqual(["film", "fantastique"]);
    expect(known.unknownWords).toEqual(["zorglub"]);
  });

  it("handles a 10 000-character phrase by keeping its last maxLength words", () => {
    const long = "nul ".repeat(2400) + "film fantastique";
    expect(long.length).toBeGreaterThan(9000);
    const p = predictSentiment(long, pair());
    expect(p.tokens.length).toBeLessThanOrEqual(20);
    expect(p.tokens.slice(-2)).toEqual(["film", "fantastique"]);
  });

  it("names a bad argument", () => {
    expect(() => predictSentiment(42 as unknown as string, pair())).toThrow(TypeError);
    expect(() => hiddenStates(null as unknown as string, pair())).toThrow(/text must be a string/);
  });
});
