/**
 * Writes the committed JSON Schemas from the zod declarations (the single source of truth).
 * `--check` fails (exit 1) when a committed schema is stale, so CI catches drift.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { SCHEMAS } from './schema-list.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');
let stale = 0;
for (const { file, schema, title } of SCHEMAS) {
  const json = { title, ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) };
  const text = JSON.stringify(json, null, 2) + '\n';
  const path = `${root}/${file}`;
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (current === text) continue;
  if (check) {
    console.error(`${file} is stale: run \`npm run gen:schemas\` and commit the result.`);
    stale++;
  } else {
    writeFileSync(path, text);
    console.log(`wrote ${file}`);
  }
}
process.exitCode = stale ? 1 : 0;
