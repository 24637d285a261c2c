import {LanguageVariant, SyntaxKind} from "typescript/unstable/ast";
import {createScanner} from "typescript/unstable/ast/scanner";

/** Where a declaration lies in a cell's code: [start, end) offsets. */
export interface Span {
  start: number;
  end: number;
}

/** Tokens after which a type alias goes on past a line break. */
const CONTINUES_AFTER = new Set<SyntaxKind>([
  SyntaxKind.EqualsToken,
  SyntaxKind.BarToken,
  SyntaxKind.AmpersandToken,
  SyntaxKind.CommaToken,
  SyntaxKind.EqualsGreaterThanToken,
  SyntaxKind.LessThanToken,
  SyntaxKind.ExtendsKeyword,
  SyntaxKind.QuestionToken,
  SyntaxKind.ColonToken,
  SyntaxKind.DotToken,
  SyntaxKind.KeyOfKeyword,
  SyntaxKind.TypeOfKeyword,
  SyntaxKind.ReadonlyKeyword,
  SyntaxKind.UniqueKeyword,
  SyntaxKind.InferKeyword
]);

/** Tokens that, first on a line, go on with a type alias. */
const CONTINUES_WITH = new Set<SyntaxKind>([
  SyntaxKind.BarToken,
  SyntaxKind.AmpersandToken,
  SyntaxKind.DotToken,
  SyntaxKind.QuestionToken,
  SyntaxKind.ColonToken,
  SyntaxKind.EqualsGreaterThanToken,
  SyntaxKind.ExtendsKeyword,
  SyntaxKind.GreaterThanToken,
  SyntaxKind.LessThanToken
]);

/** Tokens that end an expression: a `/` after them divides, elsewhere it starts a regular expression. */
const ENDS_EXPRESSION = new Set<SyntaxKind>([
  SyntaxKind.Identifier,
  SyntaxKind.NumericLiteral,
  SyntaxKind.BigIntLiteral,
  SyntaxKind.StringLiteral,
  SyntaxKind.NoSubstitutionTemplateLiteral,
  SyntaxKind.TemplateTail,
  SyntaxKind.RegularExpressionLiteral,
  SyntaxKind.CloseParenToken,
  SyntaxKind.CloseBracketToken,
  SyntaxKind.CloseBraceToken,
  SyntaxKind.ThisKeyword,
  SyntaxKind.SuperKeyword,
  SyntaxKind.TrueKeyword,
  SyntaxKind.FalseKeyword,
  SyntaxKind.NullKeyword
]);

/**
 * The type aliases and interfaces declared at the top level of a cell's code. `courant check` moves them to the
 * page's module level, as the names a cell declares are visible to every other cell: a cell may use a type another
 * declares. Found with TypeScript's scanner (the checker's parser is not in JavaScript): brackets and template
 * literals are followed to know the top level; a type alias ends at its `;`, or at a line break that nothing carries
 * over (an operator ending the line or beginning the next).
 */
export function topLevelTypeDeclarations(code: string): Span[] {
  const scanner = createScanner(true, LanguageVariant.Standard, code);
  const found: Span[] = [];
  const brackets: ("(" | "[" | "{" | "${")[] = [];
  let previous: SyntaxKind | null = null;
  /** The declaration being read: its kind, start, and the depth of `<…>` within a type alias. */
  let open: {kind: "type" | "interface"; start: number; angles: number; end: number} | null = null;

  for (let token = scanner.scan(); token !== SyntaxKind.EndOfFile; token = scanner.scan()) {
    if ((token === SyntaxKind.SlashToken || token === SyntaxKind.SlashEqualsToken) && !ENDS_EXPRESSION.has(previous!))
      token = scanner.reScanSlashToken();
    if (token === SyntaxKind.CloseBraceToken && brackets.at(-1) === "${") {
      token = scanner.reScanTemplateToken(false);
      if (token === SyntaxKind.TemplateTail) brackets.pop();
    }
    const topLevel = brackets.length === 0;
    if (open?.kind === "type" && topLevel && open.angles === 0) {
      const carriedOver = CONTINUES_AFTER.has(previous!) || CONTINUES_WITH.has(token);
      if (token === SyntaxKind.SemicolonToken) {
        found.push({start: open.start, end: scanner.getTokenEnd()});
        open = null;
        previous = token;
        continue;
      }
      if (scanner.hasPrecedingLineBreak() && !carriedOver) {
        found.push({start: open.start, end: open.end});
        open = null;
      }
    }
    const atStatementStart =
      topLevel &&
      (previous === null ||
        previous === SyntaxKind.SemicolonToken ||
        previous === SyntaxKind.CloseBraceToken ||
        scanner.hasPrecedingLineBreak());
    if (!open && atStatementStart && (token === SyntaxKind.TypeKeyword || token === SyntaxKind.InterfaceKeyword)) {
      const kind = token === SyntaxKind.TypeKeyword ? "type" : "interface";
      const start = scanner.getTokenStart();
      token = scanner.scan();
      if (token === SyntaxKind.Identifier) {
        open = {kind, start, angles: 0, end: scanner.getTokenEnd()};
        previous = token;
        continue;
      }
      // `type` as a name (`type(x)`, `type = 4`): the token after it is read as any other, brackets included.
    }
    switch (token) {
      case SyntaxKind.OpenParenToken:
        brackets.push("(");
        break;
      case SyntaxKind.OpenBracketToken:
        brackets.push("[");
        break;
      case SyntaxKind.OpenBraceToken:
        brackets.push("{");
        break;
      case SyntaxKind.TemplateHead:
        brackets.push("${");
        break;
      case SyntaxKind.CloseParenToken:
      case SyntaxKind.CloseBracketToken:
      case SyntaxKind.CloseBraceToken:
        brackets.pop();
        break;
    }
    if (open) {
      open.end = scanner.getTokenEnd();
      if (open.kind === "type" && brackets.length === 0) {
        if (token === SyntaxKind.LessThanToken) open.angles += 1;
        if (token === SyntaxKind.GreaterThanToken) open.angles = Math.max(0, open.angles - 1);
      }
      // An interface ends with the brace that closes its body.
      if (open.kind === "interface" && token === SyntaxKind.CloseBraceToken && brackets.length === 0) {
        found.push({start: open.start, end: open.end});
        open = null;
      }
    }
    previous = token;
  }
  if (open) found.push({start: open.start, end: open.end});
  return found;
}
