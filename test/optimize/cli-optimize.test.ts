/**
 * `siteselect optimize` on the SF instance through the dispatcher (in-process, captured output):
 * the --json object parses, matches the committed JSON Schema and the reference optimum; bad input
 * exits 2 with a message naming the file or flag.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OptimizeSummary } from '../../src/optimize/summary.ts';
import { REPO, runOptimize, SF_COLS } from './cli-run.ts';
import { bruteForce, objectives, readSfDense, SF_COSTS } from './sf-reference.ts';

const COLS = SF_COLS;
const run = runOptimize;

type JsonSchema = { type?: string | string[]; enum?: unknown[]; anyOf?: JsonSchema[]; properties?: Record<string, JsonSchema>; required?: string[]; additionalProperties?: boolean; items?: JsonSchema; minimum?: number; maximum?: number };

/** The subset of JSON Schema the committed file uses: type, enum, anyOf, properties/required, items, min/max. */
function violations(value: unknown, schema: JsonSchema, at = '$'): string[] {
  if (schema.anyOf) return schema.anyOf.some((s) => violations(value, s, at).length === 0) ? [] : [`${at}: matches no alternative`];
  const out: string[] = [];
  const t = schema.type;
  const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  const types = t === undefined ? undefined : Array.isArray(t) ? t : [t];
  if (types && !types.some((x) => x === actual || (x === 'number' && actual === 'integer'))) return [`${at}: ${actual}, expected ${types.join(' or ')}`];
  if (schema.enum && !schema.enum.includes(value)) out.push(`${at}: ${String(value)} not in enum`);
  if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) out.push(`${at}: below ${schema.minimum}`);
  if (typeof value === 'number' && schema.maximum !== undefined && value > schema.maximum) out.push(`${at}: above ${schema.maximum}`);
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => out.push(...violations(v, schema.items!, `${at}[${i}]`)));
  if (types?.includes('object') && value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    for (const r of schema.required ?? []) if (!(r in obj)) out.push(`${at}.${r}: missing`);
    for (const [k, v] of Object.entries(obj)) {
      const sub = schema.properties?.[k];
      if (sub) out.push(...violations(v, sub, `${at}.${k}`));
      else if (schema.additionalProperties === false) out.push(`${at}.${k}: not allowed`);
    }
  }
  return out;
}

const schema = JSON.parse(readFileSync(path.join(REPO, 'schemas', 'optimize-summary.schema.json'), 'utf8')) as JsonSchema;

describe('siteselect optimize --json on SF', () => {
  it('MCLP p = 4, S = 5 000 m: a schema-valid object with the true optimum', async () => {
    const { code, out, err } = await run(['--model', 'mclp', '--p', '4', '--radius', '5000', '--costs', SF_COSTS, ...COLS, '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const json: unknown = JSON.parse(out);
    expect(violations(json, schema)).toEqual([]);
    const s = OptimizeSummary.parse(json);
    const ref = readSfDense();
    const brute = bruteForce(16, 4, (set) => objectives.mclp(ref, set, 5000), true);
    expect(s.objective).toBeCloseTo(brute.best, 6);
    expect(s.exact).toBe(true);
    expect(s.gap).toBe(0);
    expect(s.selected).toHaveLength(4);
    expect(s.coverage_pct).toBeCloseTo((100 * brute.best) / ref.w.reduce((a, b) => a + b, 0), 9);
    expect(typeof s.mean_distance).toBe('number');
    expect([s.demand_points, s.facilities, s.rejected_rows]).toEqual([205, 16, 0]);
  });

  it('the schema check itself rejects a wrong object', () => {
    expect(violations({ model: 'nope', exact: 'yes' }, schema).length).toBeGreaterThan(2);
  });

  it('p-median with --fixed keeps the fixed store and lists it', async () => {
    const { code, out } = await run(['--model', 'pmedian', '--p', '3', '--fixed', 'Store_16', '--costs', SF_COSTS, ...COLS, '--json']);
    expect(code).toBe(0);
    const s = OptimizeSummary.parse(JSON.parse(out));
    expect(s.selected).toContain('Store_16');
    expect(s.fixed).toEqual(['Store_16']);
    expect(s.selected).toHaveLength(4);
    expect(s.coverage_pct).toBeNull();
  });

  it('prints a readable summary without --json', async () => {
    const { code, out } = await run(['--model', 'lscp', '--radius', '5000', '--costs', SF_COSTS, ...COLS]);
    expect(code).toBe(0);
    expect(out).toMatch(/^lscp: exact/);
    expect(out).toMatch(/coverage 100\.00 %/);
  });
});

describe('siteselect optimize: bad input exits 2 with a message that says what to fix', () => {
  it.each([
    ['unknown model', ['--model', 'nearest', '--p', '4', '--costs', SF_COSTS, ...COLS], /--model must be one of mclp, lscp, pmedian, pcenter, huff/],
    ['no radius for mclp', ['--model', 'mclp', '--p', '4', '--costs', SF_COSTS, ...COLS], /needs a service radius: give --radius METRES/],
    ['non-numeric p', ['--model', 'mclp', '--p', 'four', '--radius', '5000', '--costs', SF_COSTS, ...COLS], /--p needs a whole number, got 'four'/],
    ['missing file', ['--model', 'mclp', '--p', '4', '--radius', '5000', '--costs', 'no/such.csv', ...COLS], /cannot read .*no\/such\.csv/],
    ['missing weight column', ['--model', 'mclp', '--p', '4', '--radius', '5000', '--costs', SF_COSTS, ...COLS.slice(0, 6), '--weight-col', 'pop'], /has no column 'pop' for the weight.*--weight-col/],
    ['unknown fixed id', ['--model', 'pmedian', '--p', '2', '--fixed', 'Store_99', '--costs', SF_COSTS, ...COLS], /fixed site 'Store_99'/],
    ['no input', ['--model', 'pmedian', '--p', '2'], /give exactly one input: --bundle DIR or --costs FILE/],
    ['unknown flag', ['--model', 'pmedian', '--p', '2', '--frobnicate'], /unknown option --frobnicate; see siteselect optimize --help/],
  ])('%s', async (_label, args, message) => {
    const { code, err } = await run(args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it('--help prints the usage and exits 0', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/--origin-col/);
  });
});

describe('siteselect optimize --bundle (the committed sample city)', () => {
  it('MCLP keeps the own network open, adds p sites, and its objective is the weight within the radius', async () => {
    const { loadBundleDir } = await import('../../src/node/load-bundle-dir.ts');
    const { haversine } = await import('../../src/geo/haversine.ts');
    const { code, out, err } = await run(['--model', 'mclp', '--p', '3', '--radius', '1000', '--bundle', 'data/sample', '--json']);
    // The sample's 20 candidate addresses missing from its gazetteer are named and counted.
    expect(err).toMatch(/^20 row\(s\) of candidates\.csv skipped:\n/);
    expect(code).toBe(0);
    const s = OptimizeSummary.parse(JSON.parse(out));
    expect(s.rejected_rows).toBe(20);
    const bundle = await loadBundleDir(path.join(REPO, 'data', 'sample'));
    const network = bundle.network!;
    const candidates = bundle.candidates!;
    const demand = bundle.demand!;
    expect(s.fixed).toEqual(network.ids.map((id) => `own:${id}`));
    expect(s.selected.filter((id) => id.startsWith('own:'))).toHaveLength(network.ids.length);
    const chosen = s.selected.filter((id) => !id.startsWith('own:'));
    expect(chosen).toHaveLength(3);
    // Recount the objective from the loaded layers with haversine.
    const sites: [number, number][] = [
      ...network.ids.map((_, k): [number, number] => [network.lon[k], network.lat[k]]),
      ...chosen.map((id): [number, number] => {
        const j = candidates.ids.indexOf(id);
        return [candidates.lon[j], candidates.lat[j]];
      }),
    ];
    let covered = 0;
    const w = demand.numeric.population;
    for (let i = 0; i < demand.ids.length; i++) {
      if (sites.some(([lon, lat]) => haversine(lon, lat, demand.lon[i], demand.lat[i]) <= 1000)) covered += w ? w[i] : 1;
    }
    expect(s.objective).toBeCloseTo(covered, 6);
    expect(s.bound!).toBeGreaterThanOrEqual(s.objective);
  });
});
