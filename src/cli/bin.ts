#!/usr/bin/env node
// The `siteselect` executable of the installed package (compiled to dist/cli/bin.js).
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
