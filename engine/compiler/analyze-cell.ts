import {Parser, type Node} from "acorn";
import {findReferences, lexicalIdentifiers, type Reference} from "./references.js";
import type {Position} from "./source-position.js";
import {CellSyntaxError, type Transpiled} from "./transpile-cell.js";

type AnyNode = Node & Record<string, any>;

export interface ImportSpecifier {
  /** `default`, `*` (namespace) or the exported name. */
  imported: string;
  local: string;
}

export interface CellImport {
  source: string;
  specifiers: ImportSpecifier[];
  /** Where the quoted specifier is written, in the cell's source. */
  position?: Position;
  /** Where the import declaration starts, in the cell's source. */
  start?: Position;
}

export interface CellAnalysis {
  /** Names the cell declares at top level, in source order. */
  outputs: string[];
  /** Where each output is declared, in the cell's source. */
  declarations: Map<string, Position>;
  /** Free references, their positions in the cell's source. */
  references: Reference[];
  imports: CellImport[];
  /** The cell is a single expression whose value is displayed. */
  expression: boolean;
  /** Top-level await: the body becomes an async function. */
  async: boolean;
  generator: boolean;
  /** The JavaScript of the body, without its import declarations. */
  body: string;
}

/** Declarations, free references, imports and shape of a transpiled cell. */
export function analyzeCell({code, generator, toSource = (p) => p}: Transpiled): CellAnalysis {
  const program = parse(code, toSource) as AnyNode;
  const at = (node: AnyNode): Position => toSource({line: node.loc!.start.line, column: node.loc!.start.column});
  const root: AnyNode = generator ? program.body[0] : program;
  const statements: AnyNode[] = generator ? root.body.body : root.body;
  const bodyStart = generator ? root.body.start + 1 : 0;
  const bodyEnd = generator ? root.body.end - 1 : code.length;

  for (const statement of statements) {
    if (/^Export/.test(statement.type)) throw new CellSyntaxError({detail: "export", ...at(statement)});
  }

  const imports = statements
    .filter((s) => s.type === "ImportDeclaration")
    .map((node) => ({...toImport(node), position: at(node.source), start: at(node)}));
  const declarations = new Map<string, Position>();
  for (const identifier of lexicalIdentifiers(statements))
    if (!declarations.has(identifier.name)) declarations.set(identifier.name, at(identifier));
  const outputs = [...declarations.keys()];
  const expression = statements.length === 1 && statements[0].type === "ExpressionStatement";

  let body = "";
  let cursor = bodyStart;
  for (const statement of statements) {
    if (statement.type !== "ImportDeclaration") continue;
    body += code.slice(cursor, statement.start);
    cursor = statement.end;
  }
  body += code.slice(cursor, bodyEnd);
  if (expression) {
    const expr = statements[0].expression;
    body = `return (\n${code.slice(expr.start, expr.end)}\n);`;
  }

  return {
    // A generator cell streams its yielded values; its declarations stay private.
    outputs: generator ? [] : outputs,
    declarations,
    references: findReferences(root).map((reference) => ({...reference, position: toSource(reference.position)})),
    imports,
    expression,
    async: !generator && hasTopLevelAwait(root),
    generator,
    body
  };
}

/** How a cell's JavaScript is parsed (a module whose top level may await), here and by the loop guard. */
export const CELL_PARSE_OPTIONS = {
  ecmaVersion: "latest",
  sourceType: "module",
  allowAwaitOutsideFunction: true,
  locations: true
} as const;

function parse(code: string, toSource: (position: Position) => Position): Node {
  try {
    return Parser.parse(code, CELL_PARSE_OPTIONS);
  } catch (error) {
    const e = error as SyntaxError & {loc?: {line: number; column: number}};
    const position = toSource({line: e.loc?.line ?? 1, column: e.loc?.column ?? 0});
    throw new CellSyntaxError({detail: e.message.replace(/ \(\d+:\d+\)$/, ""), ...position});
  }
}

function toImport(node: AnyNode): CellImport {
  return {
    source: node.source.value,
    specifiers: node.specifiers.map((s: AnyNode) => ({
      imported:
        s.type === "ImportDefaultSpecifier"
          ? "default"
          : s.type === "ImportNamespaceSpecifier"
            ? "*"
            : s.imported.type === "Literal"
              ? s.imported.value
              : s.imported.name,
      local: s.local.name
    }))
  };
}

function hasTopLevelAwait(root: AnyNode): boolean {
  let found = false;
  const visit = (value: unknown): void => {
    if (found || !value || typeof value !== "object") return;
    if (Array.isArray(value)) return value.forEach(visit);
    const node = value as AnyNode;
    if (typeof node.type !== "string") return;
    if (/Function/.test(node.type)) return;
    if (node.type === "AwaitExpression" || (node.type === "ForOfStatement" && node.await)) {
      found = true;
      return;
    }
    for (const key in node) if (key !== "loc") visit(node[key]);
  };
  visit(root.body);
  return found;
}
