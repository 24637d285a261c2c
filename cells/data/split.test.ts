import {describe, expect, it} from "vitest";
import {createSentimentDataset} from "./sentiment.js";
import {permutation, trainTestSplit} from "./split.js";

describe("trainTestSplit (scikit-learn semantics)", () => {
  it("reproduces the example of sklearn's documentation (1.4, train_test_split)", () => {
    const X = [
      [0, 1],
      [2, 3],
      [4, 5],
      [6, 7],
      [8, 9]
    ];
    const y = [0, 1, 2, 3, 4];
    const [XTrain, XTest, yTrain, yTest] = trainTestSplit([X, y], {testSize: 0.33, randomState: 42});
    expect(XTrain).toEqual([
      [4, 5],
      [0, 1],
      [6, 7]
    ]);
    expect(XTest).toEqual([
      [2, 3],
      [8, 9]
    ]);
    expect(yTrain).toEqual([2, 0, 3]);
    expect(yTest).toEqual([1, 4]);
  });

  it("takes test = first ceil(0.2·n) of the permutation, train = the rest, in permutation order", () => {
    const {labels} = createSentimentDataset();
    const index = Int32Array.from({length: 640}, (_, i) => i);
    const [train, test, yTrain, yTest] = trainTestSplit([index, labels], {testSize: 0.2, randomState: 42});
    const p = permutation(640, 42);
    expect([...test]).toEqual([...p.slice(0, 128)]);
    expect([...train]).toEqual([...p.slice(128)]);
    expect(yTest).toBeInstanceOf(Int32Array);
    expect([...yTrain]).toEqual([...train].map((i) => labels[i]));
  });

  it("splits without shuffling, train first", () => {
    expect(trainTestSplit([[1, 2, 3, 4]], {testSize: 0.25, shuffle: false})).toEqual([[1, 2, 3], [4]]);
  });

  it("names bad sizes instead of clamping", () => {
    expect(() => trainTestSplit([[1, 2, 3]], {testSize: 1.5})).toThrow(/testSize=1.5/);
    expect(() => trainTestSplit([[1, 2, 3]], {testSize: 0})).toThrow(/testSize/);
    expect(() => trainTestSplit([[1, 2, 3]], {testSize: Number.NaN})).toThrow(/testSize/);
    expect(() => trainTestSplit([[1, 2, 3], [1]], {testSize: 0.5})).toThrow(/arrays\[1\]/);
  });
});
