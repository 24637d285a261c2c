import type {CompileError} from "./compile-error.js";

type Data = Omit<CompileError, "message" | "line" | "column">;

const list = (lines: number[], and: string) =>
  lines.length < 2 ? String(lines[0] ?? "") : `${lines.slice(0, -1).join(", ")} ${and} ${lines.at(-1)}`;

/** Compile errors in the page's language (front matter `lang`), as the engine's runtime messages are. */
const messages: Record<"en" | "fr", (e: Data) => string> = {
  en(e) {
    const [name] = e.names;
    switch (e.kind) {
      case "syntax":
        if (e.detail === "export") {
          return "a cell cannot export; its top-level declarations are already visible to the other cells";
        }
        if (e.detail === "inline-statement") return "an inline ${…} cell must be one expression";
        return e.detail ?? "syntax error";
      case "duplicate":
        return `${name} is defined more than once (cells at lines ${e.cells.join(", ")})`;
      case "cycle":
        return `circular definition: ${[...e.names, e.names[0]].join(" → ")}`;
      case "undefined":
        return `${name} is not defined by any cell`;
      case "assignment":
        return `cannot assign to ${name}: it is defined by ${
          e.detail === "builtin" ? "the engine (a builtin)" : `the cell at line ${e.cells[0]}`
        }; declare a new name instead`;
      case "import":
        return `"${e.detail}" is a Node.js built-in module: page code runs in the browser and cannot import it`;
      case "type":
        return e.detail ?? "type error";
    }
  },
  fr(e) {
    const [name] = e.names;
    switch (e.kind) {
      case "syntax":
        if (e.detail === "export") {
          return "une cellule n'exporte rien : ses déclarations sont déjà visibles des autres cellules";
        }
        if (e.detail === "inline-statement") return "une cellule ${…} dans le texte doit être une seule expression";
        return `erreur de syntaxe : ${e.detail ?? "?"}`;
      case "duplicate":
        return `${name} est défini plusieurs fois (cellules des lignes ${list(e.cells, "et")})`;
      case "cycle":
        return `définition circulaire : ${[...e.names, e.names[0]].join(" → ")}`;
      case "undefined":
        return `${name} n'est défini par aucune cellule`;
      case "assignment":
        return `impossible d'affecter ${name} : ${
          e.detail === "builtin"
            ? "c'est une valeur fournie par le moteur"
            : `ce nom est défini par la cellule de la ligne ${e.cells[0]}`
        } ; déclarez plutôt un nouveau nom`;
      case "import":
        return (
          `« ${e.detail} » est un module intégré de Node.js : le code d'une page s'exécute dans le navigateur ` +
          "et ne peut pas l'importer"
        );
      case "type":
        return `erreur de type : ${e.detail ?? "?"}`;
    }
  }
};

export function compileMessage(error: Data, lang: string | undefined): string {
  return (lang?.toLowerCase().startsWith("fr") ? messages.fr : messages.en)(error);
}
