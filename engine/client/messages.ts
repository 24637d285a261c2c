import type {UrlNoteReason} from "./url-state.js";

/** The engine's few words on the page, in the page's language (front matter `lang`). */
const messages = {
  en: {
    blocked: (what: string) => `blocked by an error in ${what}`,
    cellAt: (line: number) => `the cell at line ${line}`,
    line: (line: number, column?: number) => (column === undefined ? `line ${line}` : `line ${line}:${column + 1}`),
    backend: "backend",
    backendWhy: "measured per step",
    // Errors: the page's banner, errors thrown after a cell's run, the dev loop guard.
    pageErrors: "This page has errors",
    dismiss: "Dismiss",
    afterRun: (line: number) => `the cell at line ${line}, after its run`,
    noCell: "uncaught, and thrown by no cell's code that Courant can tell",
    loopTooLong: (line: number, seconds: number) =>
      `the loop at line ${line} kept the page busy for more than ${seconds} s, so Courant stopped it (dev loop guard). ` +
      "Make it shorter, or let it await now and then.",
    running: "running",
    // A number typed into a control that cannot take it (the control keeps its value).
    typedValue: (typed: string, bounds: string, kept: string) =>
      `“${typed}” is not accepted here (${bounds}): the value stays ${kept}.`,
    bounds: (min: string, max: string, step: string | null) => `${min} to ${max}${step ? `, in steps of ${step}` : ""}`,
    // `view(input, {url})`: why the control does not hold what the address says (`query` is `?key=raw`).
    urlNote: {
      clamped: (query: string, value: string) => `${query} is outside this control's range: ${value} is used instead.`,
      rounded: (query: string, value: string) => `${query} falls between this control's steps: rounded to ${value}.`,
      "nearest-option": (query: string, value: string) =>
        `${query} is not one of the choices: the nearest, ${value}, is used.`,
      "not-a-number": (query: string, value: string) =>
        `${query} is not a decimal number: the default, ${value}, is used.`,
      "not-an-option": (query: string, value: string) =>
        `${query} is not one of the choices: the default, ${value}, is used.`,
      "not-a-boolean": (query: string, value: string) =>
        `${query} is neither true nor false: the default, ${value}, is used.`
    } satisfies Record<UrlNoteReason, (query: string, value: string) => string>
  },
  fr: {
    blocked: (what: string) => `bloqué par une erreur dans ${what}`,
    cellAt: (line: number) => `la cellule de la ligne ${line}`,
    line: (line: number, column?: number) => (column === undefined ? `ligne ${line}` : `ligne ${line}:${column + 1}`),
    backend: "backend",
    backendWhy: "mesuré par pas",
    pageErrors: "Cette page comporte des erreurs",
    dismiss: "Fermer",
    afterRun: (line: number) => `la cellule de la ligne ${line}, après son exécution`,
    noCell: "non interceptée, et levée par aucun code de cellule que Courant sache reconnaître",
    loopTooLong: (line: number, seconds: number) =>
      `la boucle de la ligne ${line} a occupé la page plus de ${seconds} s : Courant l'a arrêtée (garde des boucles, dev). ` +
      "Raccourcissez-la, ou faites-lui attendre (await) de temps en temps.",
    running: "calcul en cours",
    typedValue: (typed: string, bounds: string, kept: string) =>
      `« ${typed} » n'est pas accepté ici (${bounds}) : la valeur reste ${kept}.`,
    bounds: (min: string, max: string, step: string | null) =>
      `de ${min} à ${max}${step ? `, par pas de ${step}` : ""}`,
    urlNote: {
      clamped: (query: string, value: string) => `${query} sort des bornes de ce contrôle : ${value} est retenu.`,
      rounded: (query: string, value: string) => `${query} tombe entre deux pas de ce contrôle : arrondi à ${value}.`,
      "nearest-option": (query: string, value: string) =>
        `${query} ne fait pas partie des choix : le plus proche, ${value}, est retenu.`,
      "not-a-number": (query: string, value: string) =>
        `${query} n'est pas un nombre décimal : la valeur par défaut, ${value}, est retenue.`,
      "not-an-option": (query: string, value: string) =>
        `${query} ne fait pas partie des choix : la valeur par défaut, ${value}, est retenue.`,
      "not-a-boolean": (query: string, value: string) =>
        `${query} n'est ni true ni false : la valeur par défaut, ${value}, est retenue.`
    } satisfies Record<UrlNoteReason, (query: string, value: string) => string>
  }
};

export type Messages = (typeof messages)["en"];

export function messagesFor(lang: string | undefined): Messages {
  return lang?.startsWith("fr") ? messages.fr : messages.en;
}
