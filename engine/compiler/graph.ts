import type {CompileErrorKind} from "./compile-error.js";
import {builtins, isKnownGlobal} from "./globals.js";
import type {Reference} from "./references.js";
import type {Position} from "./source-position.js";

/** What the graph checks need to know of a cell. */
export interface GraphCell {
  id: string;
  line: number;
  outputs: string[];
  /** Where each output is declared, in the cell's source (missing for a cell that did not parse). */
  declarations?: Map<string, Position>;
  references: Reference[];
}

/** A graph problem on one cell, naming the variables involved, at a position in the cell's source. */
export interface GraphError {
  cellId: string;
  kind: Exclude<CompileErrorKind, "syntax" | "import" | "type">;
  names: string[];
  /** Page lines of the cells involved. */
  cells: number[];
  detail?: string;
  position: Position;
}

export interface CellGraph {
  /** Per cell id: the names it reads from other cells or builtins, in first-use order. */
  inputs: Map<string, string[]>;
  errors: GraphError[];
}

/** Resolves inputs and finds duplicate definitions, unknown names, foreign assignments and cycles. */
export function analyzeGraph(cells: GraphCell[]): CellGraph {
  const definers = new Map<string, GraphCell[]>();
  for (const cell of cells) {
    for (const name of cell.outputs) definers.set(name, [...(definers.get(name) ?? []), cell]);
  }
  const errors: GraphError[] = [];
  const inputs = new Map<string, string[]>();

  for (const [name, cellsDefining] of definers) {
    if (cellsDefining.length < 2) continue;
    const lines = cellsDefining.map((c) => c.line);
    for (const cell of cellsDefining) {
      const position = cell.declarations?.get(name) ?? {line: 1, column: 0};
      errors.push({cellId: cell.id, kind: "duplicate", names: [name], cells: lines, position});
    }
  }

  for (const cell of cells) {
    const names: string[] = [];
    for (const ref of cell.references) {
      const definer = definers.get(ref.name)?.[0];
      const isBuiltin = builtins.has(ref.name);
      const at = {cellId: cell.id, names: [ref.name], position: ref.position};
      if (ref.assigned && (definer || isBuiltin)) {
        const by = definer ? {cells: [definer.line]} : {cells: [], detail: "builtin"};
        errors.push({...at, kind: "assignment", ...by});
      } else if (!definer && !isBuiltin && !isKnownGlobal(ref.name)) {
        errors.push({...at, kind: "undefined", cells: []});
      }
      if ((definer || isBuiltin) && !names.includes(ref.name)) names.push(ref.name);
    }
    inputs.set(cell.id, names);
  }

  for (const cycle of findCycles(cells, definers, inputs)) {
    const names = cycle.flatMap((c) => c.outputs.filter((n) => cycle.some((d) => inputs.get(d.id)!.includes(n))));
    for (const cell of cycle) {
      // Point at the reference that closes the cycle in this cell.
      const name = inputs.get(cell.id)!.find((n) => definers.get(n)?.some((d) => d !== cell && cycle.includes(d)))!;
      const position = cell.references.find((r) => r.name === name)!.position;
      errors.push({cellId: cell.id, kind: "cycle", names, cells: cycle.map((c) => c.line), position});
    }
  }
  return {inputs, errors};
}

/** Strongly connected components of more than one cell (Tarjan), in cell order. */
function findCycles(
  cells: GraphCell[],
  definers: Map<string, GraphCell[]>,
  inputs: Map<string, string[]>
): GraphCell[][] {
  const index = new Map<GraphCell, number>();
  const low = new Map<GraphCell, number>();
  const stack: GraphCell[] = [];
  const onStack = new Set<GraphCell>();
  const cycles: GraphCell[][] = [];
  let counter = 0;

  const upstream = (cell: GraphCell) =>
    inputs
      .get(cell.id)!
      .flatMap((name) => definers.get(name) ?? [])
      .filter((c) => c !== cell);

  function connect(cell: GraphCell) {
    index.set(cell, counter);
    low.set(cell, counter++);
    stack.push(cell);
    onStack.add(cell);
    for (const next of upstream(cell)) {
      if (!index.has(next)) {
        connect(next);
        low.set(cell, Math.min(low.get(cell)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(cell, Math.min(low.get(cell)!, index.get(next)!));
      }
    }
    if (low.get(cell) === index.get(cell)) {
      const component: GraphCell[] = [];
      let member: GraphCell;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== cell);
      if (component.length > 1) cycles.push(component.sort((a, b) => cells.indexOf(a) - cells.indexOf(b)));
    }
  }
  for (const cell of cells) if (!index.has(cell)) connect(cell);
  return cycles;
}
