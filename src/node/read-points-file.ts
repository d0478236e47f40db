/** A points file a command was given (CSV, GeoJSON, Parquet …), its rejects told through `note`. Node only. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BundleError } from '../errors.ts';
import type { PointLayer } from '../data/layer.ts';
import { loadLayerFile } from '../data/load-layer-file.ts';

export async function readPointsFile(flag: string, file: string, cwd: string, note: (text: string) => void): Promise<PointLayer> {
  const full = path.resolve(cwd, file);
  const bytes = await readFile(full).catch((err: NodeJS.ErrnoException) => {
    throw new BundleError(file, `${file} (${flag}) cannot be read (${err.code ?? err.message}); check the path.`, { cause: err });
  });
  const { layer, report } = await loadLayerFile(file, new Uint8Array(bytes), { layer: 'candidates', file });
  if (layer.kind !== 'point') throw new BundleError(file, `${file} (${flag}) holds polygons; give points (lon/lat columns, WKT points or GeoJSON Points).`);
  if (report.rejected > 0) {
    const first = report.rejects.slice(0, 5).map((r) => `  ${file} row ${r.row} (${r.column}): ${r.reason}`);
    note(`${report.rejected} of ${report.read} rows of ${file} rejected:\n${first.join('\n')}${report.rejected > 5 ? '\n  …' : ''}\n`);
  }
  return layer;
}
