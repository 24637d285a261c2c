export * as d3 from "d3";
