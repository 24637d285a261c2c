import {describe, expect, it} from "vitest";
import {bincount, createSentimentDataset, NEGATIVE_TEXTS, POSITIVE_TEXTS} from "./sentiment.js";

describe("the seed's sentiment dataset", () => {
  it("doubles the 20 sentences five times: 640 examples, 320 of each label, in the seed's order", () => {
    const {texts, labels} = createSentimentDataset();
    expect(texts.length).toBe(640);
    expect(bincount(labels)).toEqual([320, 320]);
    expect(texts[0]).toBe(POSITIVE_TEXTS[0]);
    expect(texts[10]).toBe(NEGATIVE_TEXTS[0]);
    expect(texts[20 * 17 + 3]).toBe(POSITIVE_TEXTS[3]);
    expect(labels[20 * 31 + 19]).toBe(0);
  });
});
