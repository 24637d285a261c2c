/** The seed notebook's synthetic sentiment dataset (§5, `create_sentiment_dataset`). */

export const POSITIVE_TEXTS = [
  "Ce film est absolument fantastique, je le recommande vivement",
  "J'ai adoré ce livre, une histoire captivante du début à la fin",
  "Excellent service, personnel très sympathique et professionnel",
  "Produit de qualité exceptionnelle, très satisfait de mon achat",
  "Une expérience merveilleuse, je reviendrai sans hésiter",
  "Superbe performance, les acteurs sont brillants",
  "Un chef-d'œuvre, vraiment impressionnant",
  "Service client au top, problème résolu rapidement",
  "Qualité irréprochable, conforme à la description",
  "Je suis ravi de cette découverte, un vrai coup de cœur"
] as const;

export const NEGATIVE_TEXTS = [
  "Film décevant, je me suis ennuyé du début à la fin",
  "Très mauvaise expérience, service déplorable",
  "Produit de mauvaise qualité, ne correspond pas à la description",
  "Je suis très déçu, je ne recommande absolument pas",
  "Perte de temps et d'argent, à éviter",
  "Service client inexistant, aucune réponse à mes questions",
  "Qualité médiocre, très en dessous de mes attentes",
  "Histoire ennuyeuse et prévisible, sans intérêt",
  "Arnaque totale, ne faites pas la même erreur que moi",
  "Catastrophique, je regrette mon achat"
] as const;

/** The seed's new phrases for §5 predictions and §6 hidden states. */
export const TEST_PHRASES = [
  "Ce produit est vraiment excellent, je le recommande",
  "Très déçu de cet achat, qualité médiocre",
  "Pas mal mais peut mieux faire",
  "Une catastrophe totale, à éviter absolument",
  "Superbe expérience, service impeccable"
] as const;

export const HIDDEN_STATE_PHRASES = ["Film absolument fantastique", "Très mauvais produit décevant"] as const;

export interface SentimentDataset {
  texts: string[];
  /** 1 = positive, 0 = negative. */
  labels: Int32Array;
}

/** Positives then negatives, then `texts.extend(texts)` five times: 20 × 2⁵ = 640 examples. */
export function createSentimentDataset(doublings = 5): SentimentDataset {
  if (!Number.isInteger(doublings) || doublings < 0 || doublings > 16)
    throw new RangeError(`doublings must be an integer in [0, 16], got ${doublings}`);
  let texts: string[] = [...POSITIVE_TEXTS, ...NEGATIVE_TEXTS];
  let labels: number[] = [...POSITIVE_TEXTS.map(() => 1), ...NEGATIVE_TEXTS.map(() => 0)];
  for (let i = 0; i < doublings; ++i) {
    texts = texts.concat(texts);
    labels = labels.concat(labels);
  }
  return {texts, labels: Int32Array.from(labels)};
}

/** `np.bincount(labels)`. */
export function bincount(labels: ArrayLike<number>): number[] {
  const counts: number[] = [];
  for (let i = 0; i < labels.length; ++i) counts[labels[i]] = (counts[labels[i]] ?? 0) + 1;
  return Array.from(counts, (c) => c ?? 0);
}
