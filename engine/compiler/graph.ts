import {builtins, isKnownGlobal} from "./globals.js";
import type {Reference} from "./references.js";

/** What the graph checks need to know of a cell. */
export interface GraphCell {
  id: string;
  line: number;
  outputs: string[];
  references: Reference[];
}

/** A graph problem on one cell, naming the variable involved. */
export interface GraphError {
  cellId: string;
  name: string;
  message: string;
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
    const lines = cellsDefining.map((c) => c.line).join(", ");
    for (const cell of cellsDefining) {
      errors.push({cellId: cell.id, name, message: `${name} is defined more than once (cells at lines ${lines})`});
    }
  }

  for (const cell of cells) {
    const names: string[] = [];
    for (const ref of cell.references) {
      const definer = definers.get(ref.name)?.[0];
      const isBuiltin = builtins.has(ref.name);
      if (ref.assigned && (definer || isBuiltin)) {
        const where = definer ? `the cell at line ${definer.line}` : "the engine (a builtin)";
        errors.push({cellId: cell.id, name: ref.name, message: `cannot assign to ${ref.name}: it is defined by ${where}; declare a new name instead`});
      } else if (!definer && !isBuiltin && !isKnownGlobal(ref.name)) {
        errors.push({cellId: cell.id, name: ref.name, message: `${ref.name} is not defined by any cell`});
      }
      if ((definer || isBuiltin) && !names.includes(ref.name)) names.push(ref.name);
    }
    inputs.set(cell.id, names);
  }

  for (const cycle of findCycles(cells, definers, inputs)) {
    const names = cycle.flatMap((c) => c.outputs.filter((n) => cycle.some((d) => inputs.get(d.id)!.includes(n))));
    const message = `circular definition: ${[...names, names[0]].join(" → ")}`;
    for (const cell of cycle) {
      // Point at the reference that closes the cycle in this cell.
      const name = inputs.get(cell.id)!.find((n) => definers.get(n)?.some((d) => d !== cell && cycle.includes(d)))!;
      errors.push({cellId: cell.id, name, message});
    }
  }
  return {inputs, errors};
}

/** Strongly connected components of more than one cell (Tarjan), in cell order. */
function findCycles(cells: GraphCell[], definers: Map<string, GraphCell[]>, inputs: Map<string, string[]>): GraphCell[][] {
  const index = new Map<GraphCell, number>();
  const low = new Map<GraphCell, number>();
  const stack: GraphCell[] = [];
  const onStack = new Set<GraphCell>();
  const cycles: GraphCell[][] = [];
  let counter = 0;

  const upstream = (cell: GraphCell) =>
    inputs.get(cell.id)!.flatMap((name) => definers.get(name) ?? []).filter((c) => c !== cell);

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
