import type {Position} from "./source-position.js";

export type CompileErrorKind = "syntax" | "duplicate" | "cycle" | "undefined" | "assignment" | "import" | "type";

/**
 * A problem found before anything runs, as data: its kind, the names and cells involved, a page position taken
 * from the syntax tree (line 1-based, column 0-based), and its message in the page's language.
 */
export interface CompileError {
  kind: CompileErrorKind;
  message: string;
  line: number;
  column: number;
  /** The names involved: the duplicate, undefined or assigned name; a cycle's names in order. */
  names: string[];
  /** Page lines of the cells involved (the definers of a duplicate; the definer of an assigned name). */
  cells: number[];
  /**
   * What the parser or checker said (syntax, type), the specifier (import), or why (`export`, `inline-statement`
   * for syntax; `builtin` for an assignment to a builtin).
   */
  detail?: string;
}

/** A problem at a position relative to the cell source, before its message is chosen. */
export type CellError = Omit<CompileError, "message" | "line" | "column"> & Position;
