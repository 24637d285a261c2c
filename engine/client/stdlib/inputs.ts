export * as Inputs from "@observablehq/inputs";
