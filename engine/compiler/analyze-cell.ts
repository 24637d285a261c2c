import {Parser, type Node} from "acorn";
import {collectLexical, findReferences, type Reference} from "./references.js";
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
}

export interface CellAnalysis {
  /** Names the cell declares at top level, in source order. */
  outputs: string[];
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
export function analyzeCell({code, generator}: Transpiled): CellAnalysis {
  const program = parse(code) as AnyNode;
  const root: AnyNode = generator ? program.body[0] : program;
  const statements: AnyNode[] = generator ? root.body.body : root.body;
  const bodyStart = generator ? root.body.start + 1 : 0;
  const bodyEnd = generator ? root.body.end - 1 : code.length;

  for (const statement of statements) {
    if (/^Export/.test(statement.type)) throw problem(code, statement, "A cell cannot export; its top-level declarations are already visible to the other cells.");
  }

  const imports = statements.filter((s) => s.type === "ImportDeclaration").map(toImport);
  const outputs = [...collectLexical(statements, new Set())];
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
    references: findReferences(root),
    imports,
    expression,
    async: !generator && hasTopLevelAwait(root),
    generator,
    body
  };
}

function parse(code: string): Node {
  try {
    return Parser.parse(code, {ecmaVersion: "latest", sourceType: "module", allowAwaitOutsideFunction: true});
  } catch (error) {
    const e = error as SyntaxError & {loc?: {line: number; column: number}};
    throw new CellSyntaxError({message: e.message.replace(/ \(\d+:\d+\)$/, ""), line: e.loc?.line ?? 1, column: e.loc?.column ?? 0});
  }
}

function problem(code: string, node: AnyNode, message: string): CellSyntaxError {
  const before = code.slice(0, node.start).split("\n");
  return new CellSyntaxError({message, line: before.length, column: before[before.length - 1].length});
}

function toImport(node: AnyNode): CellImport {
  return {
    source: node.source.value,
    specifiers: node.specifiers.map((s: AnyNode) => ({
      imported: s.type === "ImportDefaultSpecifier" ? "default"
        : s.type === "ImportNamespaceSpecifier" ? "*"
        : s.imported.type === "Literal" ? s.imported.value : s.imported.name,
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
