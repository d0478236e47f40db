#!/usr/bin/env node
// Development entry: runs the TypeScript sources through tsx, so edits need no rebuild.
// The installed package's `siteselect` is the compiled dist/cli/bin.js.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/bin.ts');
