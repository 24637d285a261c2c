import {LAYER_KINDS} from "../models/layer-kinds.js";
import {englishExpectation, type TokenizerExpectation} from "../text/tokenizer-json.js";
import type {LayerExpectation, UploadFacts} from "./upload-error.js";

/** The reader's sentence for each refused upload, in the page's language (the RNN essay is French). */
export type UploadLanguage = "fr" | "en";

type Messages = {[K in UploadFacts["kind"]]: (facts: Extract<UploadFacts, {kind: K}>) => string};

const LAYER_KIND_NAMES = Object.keys(LAYER_KINDS).join(", ");

const layerExpectations: Record<UploadLanguage, Record<LayerExpectation, string>> = {
  fr: {
    "positive-integer": "un entier ≥ 1",
    rate: "un nombre dans [0, 1)",
    activation: "une activation du notebook (linear, tanh, relu, sigmoid, softmax)",
    boolean: "true ou false",
    true: "true",
    false: "false ou absent",
    string: "une chaîne",
    "channels-last": "channels_last",
    "known-shape": "une forme d'entrée entièrement connue, comme [null, 20]",
    "input-rank-1": "une séquence d'indices, de forme [longueur]",
    "input-rank-2": "une suite de vecteurs, de forme [longueur, dimension]"
  },
  en: {
    "positive-integer": "an integer ≥ 1",
    rate: "a number in [0, 1)",
    activation: "one of the notebook's activations (linear, tanh, relu, sigmoid, softmax)",
    boolean: "true or false",
    true: "true",
    false: "false or absent",
    string: "a string",
    "channels-last": "channels_last",
    "known-shape": "a fully known input shape, such as [null, 20]",
    "input-rank-1": "a sequence of indices, of shape [length]",
    "input-rank-2": "a sequence of vectors, of shape [length, dimension]"
  }
};

const tokenizerExpectations: Record<UploadLanguage, Record<TokenizerExpectation, string>> = {
  fr: {
    json: "du JSON valide",
    object: "un objet JSON",
    "positive-integer": "un entier positif",
    "positive-integer-key": "des clés entières positives",
    "non-negative-integer": "un entier ≥ 0",
    "non-negative-integer-or-null": "un entier ≥ 0 ou null",
    string: "une chaîne",
    "non-empty-string": "une chaîne non vide",
    "string-or-null": "une chaîne ou null",
    boolean: "true ou false",
    "inverse-of-word-index": "le mot que word_index associe à cet indice"
  },
  en: englishExpectation
};

const list = (names: string[]) => names.map((n) => `« ${n} »`).join(", ");
const englishList = (names: string[]) => names.map((n) => `"${n}"`).join(", ");
const shape = (dims: number[]) => `[${dims.join(", ")}]`;
const frNumber = (n: number) => new Intl.NumberFormat("fr-FR").format(n);
const enNumber = (n: number) => new Intl.NumberFormat("en-US").format(n);

const fr: Messages = {
  "not-json": ({file, detail}) => `« ${file} » n'est pas un fichier JSON lisible (${detail}).`,
  "not-model": ({file, field}) =>
    `« ${file} » n'est pas un modèle TensorFlow.js au format layers : « ${field} » manque ou est mal formé.`,
  "not-sequential": ({file, className}) =>
    `« ${file} » décrit un modèle ${className} ; seuls les modèles Sequential du notebook se rechargent ici.`,
  "model-json-count": ({jsonFiles, chosen}) =>
    jsonFiles.length === 0
      ? `Aucun fichier .json parmi les fichiers du modèle (${list(chosen)}) : choisissez le .json du modèle avec son .bin.`
      : `Plusieurs fichiers .json parmi les fichiers du modèle (${list(jsonFiles)}) : choisissez un seul .json, celui du modèle, avec son .bin.`,
  "layer-kind": ({file, layer, className}) =>
    `La couche « ${layer} » de « ${file} » est de type ${className}, qui n'est pas une couche du notebook (${LAYER_KIND_NAMES}).`,
  "layer-config": ({file, layer, field, expected, actual}) =>
    `La couche « ${layer} » de « ${file} » est invalide : « ${field} » devrait être ${layerExpectations.fr[expected]}, ` +
    `trouvé : ${actual ?? "rien"}.`,
  "weights-dtype": ({file, weight, dtype}) =>
    `Le poids « ${weight} » de « ${file} » est stocké en ${dtype} : seuls les poids float32 non quantifiés se rechargent ici.`,
  "missing-weight": ({file, layer, weight}) =>
    `« ${file} » ne déclare pas le poids « ${weight} » de la couche « ${layer} ».`,
  "unexpected-weight": ({file, weight}) =>
    `« ${file} » déclare un poids « ${weight} » qu'aucune couche du modèle n'utilise.`,
  shape: ({file, weight, expected, actual}) =>
    `Le poids « ${weight} » de « ${file} » a la forme ${shape(actual)}, alors que sa couche demande ${shape(expected)}.`,
  "missing-weights": ({file, missing, chosen}) =>
    `Il manque le fichier de poids ${list(missing)}, que nomme « ${file} » : choisissez-le en même temps que le .json ` +
    `(fichiers choisis : ${list(chosen)}).`,
  "weights-length": ({file, weightFiles, expected, actual}) =>
    `Les poids ${list(weightFiles)} font ${frNumber(actual)} octets, mais « ${file} » en annonce ${frNumber(expected)} : ` +
    `ce fichier .bin est tronqué ou n'est pas celui de ce modèle.`,
  "weights-values": ({file, weight, index, value}) =>
    `Le poids « ${weight} » (fichier de poids de « ${file} ») contient une valeur non finie (${value} à la position ` +
    `${frNumber(index)}) : le fichier .bin est corrompu.`,
  "not-sentiment-model": ({file, layers, outputShape}) =>
    `« ${file} » n'est pas un modèle de sentiment du notebook : il faut une couche Embedding en tête, une SimpleRNN et ` +
    `un seul score par phrase (ce modèle : ${layers.join(" → ")}, sortie ${shape(outputShape)}).`,
  tokenizer: ({file, field, expected, actual}) =>
    `Le tokenizer « ${file} » est invalide : « ${field} » devrait être ${tokenizerExpectations.fr[expected]}, ` +
    `trouvé : ${actual ?? "rien"}.`,
  vocabulary: ({file, tokenizerFile, inputDim, index, word}) =>
    `Le vocabulaire du modèle « ${file} » (input_dim = ${frNumber(inputDim)}) est trop petit pour le tokenizer ` +
    `« ${tokenizerFile} » : le mot « ${word} » y a l'indice ${frNumber(index)}. Ce tokenizer n'est pas celui de ce modèle.`
};

const en: Messages = {
  "not-json": ({file, detail}) => `"${file}" is not valid JSON (${detail}).`,
  "not-model": ({file, field}) => `"${file}" is not a TensorFlow.js layers model: "${field}" is missing or malformed.`,
  "not-sequential": ({file, className}) =>
    `"${file}" describes a ${className} model; only the notebook's Sequential models can be loaded here.`,
  "model-json-count": ({jsonFiles, chosen}) =>
    jsonFiles.length === 0
      ? `No .json file among the model's files (${englishList(chosen)}): choose the model's .json together with its .bin.`
      : `Several .json files among the model's files (${englishList(jsonFiles)}): choose only the model's .json, with its .bin.`,
  "layer-kind": ({file, layer, className}) =>
    `Layer "${layer}" of "${file}" is a ${className}, which is not one of the notebook's layers (${LAYER_KIND_NAMES}).`,
  "layer-config": ({file, layer, field, expected, actual}) =>
    `Layer "${layer}" of "${file}" is invalid: "${field}" should be ${layerExpectations.en[expected]}, got ${actual ?? "nothing"}.`,
  "weights-dtype": ({file, weight, dtype}) =>
    `Weight "${weight}" of "${file}" is stored as ${dtype}: only unquantized float32 weights can be loaded here.`,
  "missing-weight": ({file, layer, weight}) => `"${file}" declares no weight "${weight}" for layer "${layer}".`,
  "unexpected-weight": ({file, weight}) => `"${file}" declares a weight "${weight}" that no layer of the model uses.`,
  shape: ({file, weight, expected, actual}) =>
    `Weight "${weight}" of "${file}" has shape ${shape(actual)}, but its layer needs ${shape(expected)}.`,
  "missing-weights": ({file, missing, chosen}) =>
    `The weights file ${englishList(missing)} named by "${file}" is missing: choose it together with the .json ` +
    `(chosen: ${englishList(chosen)}).`,
  "weights-length": ({file, weightFiles, expected, actual}) =>
    `The weights ${englishList(weightFiles)} hold ${enNumber(actual)} bytes, but "${file}" describes ${enNumber(expected)}: ` +
    `the .bin file is truncated or belongs to another model.`,
  "weights-values": ({file, weight, index, value}) =>
    `Weight "${weight}" (weights of "${file}") holds a non-finite value (${value} at position ${enNumber(index)}): ` +
    `the .bin file is corrupt.`,
  "not-sentiment-model": ({file, layers, outputShape}) =>
    `"${file}" is not one of the notebook's sentiment models: it needs an Embedding first, a SimpleRNN and one score per ` +
    `phrase (this model: ${layers.join(" → ")}, output ${shape(outputShape)}).`,
  tokenizer: ({file, field, expected, actual}) =>
    `Tokenizer "${file}" is invalid: "${field}" should be ${tokenizerExpectations.en[expected]}, got ${actual ?? "nothing"}.`,
  vocabulary: ({file, tokenizerFile, inputDim, index, word}) =>
    `The vocabulary of model "${file}" (input_dim = ${enNumber(inputDim)}) is too small for tokenizer "${tokenizerFile}": ` +
    `the word "${word}" has index ${enNumber(index)}. This tokenizer does not belong to this model.`
};

const messages: Record<UploadLanguage, Messages> = {fr, en};

export function uploadMessage(facts: UploadFacts, lang: UploadLanguage): string {
  return (messages[lang][facts.kind] as (facts: UploadFacts) => string)(facts);
}

/** A page's `lang` (front matter, `document.documentElement.lang`) → the messages' language. */
export function uploadLanguage(lang: string | null | undefined): UploadLanguage {
  return lang?.toLowerCase().startsWith("fr") ? "fr" : "en";
}
