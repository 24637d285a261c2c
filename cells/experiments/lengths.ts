/**
 * The §8 experiment's sequence lengths as a reader types them (`10, 20, 50, 100`): decimal integers only
 * (`0x10`, `1e2`, `12.5` refused), separated by commas, spaces or semicolons, and bounded so that one entry
 * cannot start minutes of work.
 */
export const LENGTH_LIMITS = {count: 20, min: 1, max: 500} as const;

export type LengthsError =
  | {reason: "empty"}
  | {reason: "too-many"; count: number}
  | {reason: "not-an-integer"; token: string}
  | {reason: "out-of-range"; token: string};

export type ParsedLengths = {lengths: number[]; error: null} | {lengths: null; error: LengthsError};

export function parseLengths(text: string): ParsedLengths {
  const fail = (error: LengthsError): ParsedLengths => ({lengths: null, error});
  const tokens = text.split(/[\s,;]+/).filter(Boolean);
  if (!tokens.length) return fail({reason: "empty"});
  if (tokens.length > LENGTH_LIMITS.count) return fail({reason: "too-many", count: tokens.length});
  const lengths: number[] = [];
  for (const token of tokens) {
    if (!/^\d+$/.test(token)) return fail({reason: "not-an-integer", token});
    const length = Number(token);
    if (length < LENGTH_LIMITS.min || length > LENGTH_LIMITS.max) return fail({reason: "out-of-range", token});
    lengths.push(length);
  }
  return {lengths, error: null};
}

/** The essay's words for a refused list (it is in French). */
export function lengthsErrorFr(error: LengthsError): string {
  const {count, min, max} = LENGTH_LIMITS;
  const rule = `des entiers entre ${min} et ${max}, au plus ${count}, séparés par des virgules, des espaces ou des points-virgules`;
  const quoted = (token: string) => `« ${token.length > 24 ? `${token.slice(0, 24)}…` : token} »`;
  switch (error.reason) {
    case "empty":
      return `Aucune longueur : donnez ${rule}.`;
    case "too-many":
      return `${error.count} longueurs, c'est trop : ${count} au plus, pour que l'expérience reste rapide.`;
    case "not-an-integer":
      return `${quoted(error.token)} n'est pas un entier décimal : donnez ${rule}.`;
    case "out-of-range":
      return `${quoted(error.token)} sort des bornes : chaque longueur doit être comprise entre ${min} et ${max}.`;
  }
}
