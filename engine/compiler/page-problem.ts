/**
 * A problem with a page as a whole rather than with one of its cells (the page cannot be decoded, its front
 * matter is malformed), at a page position: line 1-based, column 0-based, as for cell errors.
 */
export interface PageProblem {
  kind: "encoding" | "front-matter";
  message: string;
  line: number;
  column: number;
}

/** Thrown where a page problem stops the work at hand (decoding); compilePage turns it back into data. */
export class PageProblemError extends Error {
  constructor(readonly problem: PageProblem) {
    super(problem.message);
    this.name = "PageProblemError";
  }
}
