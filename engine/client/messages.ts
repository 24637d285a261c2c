/** The engine's few words on the page, in the page's language (front matter `lang`). */
const messages = {
  en: {
    blocked: (what: string) => `blocked by an error in ${what}`,
    cellAt: (line: number) => `the cell at line ${line}`,
    line: (line: number, column?: number) => (column === undefined ? `line ${line}` : `line ${line}:${column + 1}`),
    backend: "backend",
    backendWhy: "measured per step",
    running: "running"
  },
  fr: {
    blocked: (what: string) => `bloqué par une erreur dans ${what}`,
    cellAt: (line: number) => `la cellule de la ligne ${line}`,
    line: (line: number, column?: number) => (column === undefined ? `ligne ${line}` : `ligne ${line}:${column + 1}`),
    backend: "backend",
    backendWhy: "mesuré par pas",
    running: "calcul en cours"
  }
};

export type Messages = (typeof messages)["en"];

export function messagesFor(lang: string | undefined): Messages {
  return lang?.startsWith("fr") ? messages.fr : messages.en;
}
