/** `siteselect territories`' work: the bundle read, territories and conflicts computed (src/optimize), the polygons written as GeoJSON when asked. Node only. */
import path from 'node:path';
import type { TerritoryOptions, TerritoryResult } from '../optimize/territories.ts';
import { bundleTerritoryPolygons, territoriesFromBundle } from '../optimize/territories-from-bundle.ts';
import { writeFileAtomically } from './atomic-file.ts';
import { locateBundle } from './bundle-location.ts';
import { loadBundleDir } from './load-bundle-dir.ts';
import { refuseOverwritingInputs } from './output-guard.ts';

/** `bundle` and `out` as given (relative to `cwd`); returns the territories and the full path written, if any. */
export async function runTerritories(bundleArg: string, out: string | undefined, cwd: string, options: TerritoryOptions): Promise<{ result: TerritoryResult; out?: string }> {
  const { dir, manifestPath } = await locateBundle(bundleArg, cwd);
  const file = out === undefined ? undefined : path.resolve(cwd, out);
  await refuseOverwritingInputs({ bundle: { dir, manifestPath }, outputs: { '--out': file } });
  const bundle = await loadBundleDir(dir, { manifestPath });
  const result = territoriesFromBundle(bundle, options);
  if (file) await writeFileAtomically(file, JSON.stringify({ type: 'FeatureCollection', features: bundleTerritoryPolygons(bundle, result) }) + '\n');
  return { result, ...(file ? { out: file } : {}) };
}
