import {createSentimentDataset} from "../data/sentiment.js";
import {trainTestSplit} from "../data/split.js";
import {padSequences} from "../text/pad-sequences.js";
import {Tokenizer} from "../text/tokenizer.js";

/** The seed's §5 preparation: tokenizer (1000 words), pre-padding to 20, split 80/20 with random_state 42. */
export function seedData(maxLength = 20) {
  const {texts, labels} = createSentimentDataset();
  const tokenizer = new Tokenizer({numWords: 1000}).fitOnTexts(texts);
  const X = padSequences(tokenizer.textsToSequences(texts), {maxlen: maxLength});
  const [xTrain, xTest, yTrain, yTest] = trainTestSplit<ArrayLike<number>[] | Int32Array>([X, labels], {
    testSize: 0.2,
    randomState: 42
  });
  return {
    tokenizer,
    maxLength,
    train: {x: xTrain as Int32Array[], y: yTrain as Int32Array},
    test: {x: xTest as Int32Array[], y: yTest as Int32Array}
  };
}
