import type {Node} from "acorn";
import {ancestor} from "acorn-walk";
import type {Position} from "./source-position.js";

/** A name a cell uses but does not declare: an input of the cell (or an error, if it assigns to it). */
export interface Reference {
  name: string;
  /** Offset in the analysed code. */
  start: number;
  /** Where the name is written: in the analysed code, then (analyzeCell) in the cell's source. */
  position: Position;
  /** True when the cell assigns to the name (`x = …`, `x++`, `for (x of …)`). */
  assigned: boolean;
}

type AnyNode = Node & Record<string, any>;

const FUNCTION = /^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression)$/;
const PATTERN = /^(ObjectPattern|ArrayPattern|RestElement|AssignmentPattern|Property)$/;

/**
 * Free references of `root`: identifiers that no enclosing scope within `root` declares.
 * `root` is a Program, or the wrapper function of a generator cell (whose own scope counts as top level).
 */
export function findReferences(root: Node): Reference[] {
  const scopes = new Map<AnyNode, Set<string>>();
  const references: Reference[] = [];

  function declaredIn(scope: AnyNode): Set<string> {
    let names = scopes.get(scope);
    if (!names) scopes.set(scope, (names = collectDeclarations(scope)));
    return names;
  }

  function isDeclared(name: string, ancestors: AnyNode[]): boolean {
    for (let i = ancestors.length - 2; i >= 0; --i) {
      if (declaredIn(ancestors[i]).has(name)) return true;
    }
    return false;
  }

  function visit(node: AnyNode, ancestors: AnyNode[], assigned: boolean) {
    if (isDeclared(node.name, ancestors)) return;
    const position = node.loc ? {line: node.loc.start.line, column: node.loc.start.column} : {line: 1, column: 0};
    references.push({name: node.name, start: node.start, position, assigned});
  }

  // acorn-walk calls VariablePattern for identifiers in binding positions (its types omit it).
  const visitors = {
    Identifier(node: Node, _state: unknown, ancestors: Node[]) {
      const parent = ancestors[ancestors.length - 2] as AnyNode | undefined;
      visit(node as AnyNode, ancestors as AnyNode[], parent?.type === "UpdateExpression");
    },
    VariablePattern(node: Node, _state: unknown, ancestors: Node[]) {
      // Binding positions are declarations, except the targets of assignments.
      if (isAssignmentTarget(ancestors as AnyNode[])) visit(node as AnyNode, ancestors as AnyNode[], true);
    }
  };
  ancestor(root, visitors as Parameters<typeof ancestor>[1]);
  return references;
}

function isAssignmentTarget(ancestors: AnyNode[]): boolean {
  let child = ancestors[ancestors.length - 1];
  for (let i = ancestors.length - 2; i >= 0; --i) {
    const node = ancestors[i];
    if (PATTERN.test(node.type)) {
      if (node.type === "AssignmentPattern" && node.right === child) return false;
      child = node;
      continue;
    }
    if (node.type === "AssignmentExpression") return node.left === child;
    if (node.type === "ForInStatement" || node.type === "ForOfStatement") return node.left === child;
    return false;
  }
  return false;
}

/** Names declared directly by a scope node (var declarations are hoisted to their function). */
function collectDeclarations(node: AnyNode): Set<string> {
  const names = new Set<string>();
  const add = (pattern: AnyNode | null) => pattern && boundNames(pattern, names);
  if (FUNCTION.test(node.type)) {
    if (node.type === "FunctionExpression" && node.id) add(node.id);
    if (node.type !== "ArrowFunctionExpression") names.add("arguments");
    node.params.forEach(add);
    if (node.body.type === "BlockStatement") {
      collectLexical(node.body.body, names);
      collectVars(node.body, names);
    }
  } else if (node.type === "Program") {
    collectLexical(node.body, names);
    collectVars(node, names);
  } else if (node.type === "BlockStatement" || node.type === "StaticBlock") {
    collectLexical(node.body, names);
  } else if (node.type === "SwitchStatement") {
    for (const c of node.cases) collectLexical(c.consequent, names);
  } else if (node.type === "ForStatement") {
    if (node.init?.type === "VariableDeclaration") node.init.declarations.forEach((d: AnyNode) => add(d.id));
  } else if (node.type === "ForInStatement" || node.type === "ForOfStatement") {
    if (node.left.type === "VariableDeclaration") node.left.declarations.forEach((d: AnyNode) => add(d.id));
  } else if (node.type === "CatchClause") {
    add(node.param);
  } else if (node.type === "ClassExpression" || node.type === "ClassDeclaration") {
    if (node.id) add(node.id);
  }
  return names;
}

/** let, const, class, function and import declarations among a list of statements. */
export function collectLexical(statements: AnyNode[], names: Set<string>): Set<string> {
  for (const identifier of lexicalIdentifiers(statements)) names.add(identifier.name);
  return names;
}

/** The identifier nodes that let, const, class, function and import declarations bind, in source order. */
export function lexicalIdentifiers(statements: AnyNode[]): AnyNode[] {
  const identifiers: AnyNode[] = [];
  for (const statement of statements) {
    if (statement.type === "VariableDeclaration") {
      for (const declarator of statement.declarations) boundIdentifiers(declarator.id, identifiers);
    } else if ((statement.type === "FunctionDeclaration" || statement.type === "ClassDeclaration") && statement.id) {
      identifiers.push(statement.id);
    } else if (statement.type === "ImportDeclaration") {
      for (const specifier of statement.specifiers) identifiers.push(specifier.local);
    }
  }
  return identifiers;
}

/** `var` declarations anywhere below `node`, not inside nested functions. */
function collectVars(node: AnyNode, names: Set<string>) {
  const visit = (child: unknown): void => {
    if (!child || typeof child !== "object") return;
    if (Array.isArray(child)) return child.forEach(visit);
    const n = child as AnyNode;
    if (typeof n.type !== "string") return;
    if (n !== node && FUNCTION.test(n.type)) return;
    if (n.type === "VariableDeclaration" && n.kind === "var") {
      for (const declarator of n.declarations) boundNames(declarator.id, names);
    }
    for (const key in n) if (key !== "type" && key !== "start" && key !== "end" && key !== "loc") visit(n[key]);
  };
  visit(node.type === "Program" ? node.body : node.body);
}

export function boundNames(pattern: AnyNode, names: Set<string>): Set<string> {
  for (const identifier of boundIdentifiers(pattern, [])) names.add(identifier.name);
  return names;
}

function boundIdentifiers(pattern: AnyNode, found: AnyNode[]): AnyNode[] {
  switch (pattern.type) {
    case "Identifier":
      found.push(pattern);
      break;
    case "ObjectPattern":
      for (const p of pattern.properties) boundIdentifiers(p.type === "RestElement" ? p : p.value, found);
      break;
    case "ArrayPattern":
      for (const e of pattern.elements) if (e) boundIdentifiers(e, found);
      break;
    case "RestElement":
      boundIdentifiers(pattern.argument, found);
      break;
    case "AssignmentPattern":
      boundIdentifiers(pattern.left, found);
      break;
  }
  return found;
}
