#!/usr/bin/env node
// The `courant` command: its code is TypeScript, run through tsx's loader.
import {register} from "tsx/esm/api";

register();
await import("./cli.ts");
