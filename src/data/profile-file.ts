/**
 * One data file read as a table to propose its layer and column roles (src/data/propose-bundle.ts):
 * the same for `siteselect init` on a folder and for several files dropped on the page.
 */
import { geometryKind, proposeBundle, type BundleProposal, type FileProfile } from './propose-bundle.ts';
import { resolveFormat } from '../io/detect-format.ts';
import { readTable } from '../io/read-table.ts';
import type { CompanionReader } from '../io/read-shapefile.ts';

/** Sidecar and note files that are never a layer of their own. */
const SIDECAR = /\.(dbf|prj|cpg|shx|sbn|sbx|qix|xml|md|pdf|html?|json\.schema|aux\.xml|ovr|lock)$|^(readme|sources|license|licence)(\.[a-z]+)?$|^bundle\.json$|^\./i;

export function isSidecarFile(name: string): boolean {
  return SIDECAR.test(name);
}

/** `file` is the path written into the proposal; `name` the file's own name (its format comes from it). */
export async function profileFile(file: string, name: string, bytes: Uint8Array, companion?: CompanionReader): Promise<FileProfile> {
  const { format } = resolveFormat(name, bytes);
  // Which layer is not known yet; any point layer reads the same columns.
  const table = await readTable(name, bytes, { layer: 'pois' }, { companion });
  return { file, format, rows: table.rowCount, geometry: geometryKind(table), columns: table.columns, table };
}

export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

/**
 * Several files at once (a drop on the page): each read as a table, a Shapefile's .dbf/.prj/.cpg
 * taken from the same set, then one proposal; files that do not read are listed with why.
 */
export async function proposeFiles(files: NamedBytes[]): Promise<{ proposal: BundleProposal; unreadable: { file: string; reason: string }[] }> {
  const byName = new Map(files.map((f) => [f.name.toLowerCase(), f.bytes]));
  const profiles: FileProfile[] = [];
  const unreadable: { file: string; reason: string }[] = [];
  for (const f of files) {
    if (isSidecarFile(f.name)) continue;
    const stem = f.name.replace(/\.[^.]*$/, '.').toLowerCase();
    const companion = (ext: string): Promise<Uint8Array | undefined> => Promise.resolve(byName.get(stem + ext.toLowerCase()));
    try {
      profiles.push(await profileFile(f.name, f.name, f.bytes, companion));
    } catch (err) {
      unreadable.push({ file: f.name, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  return { proposal: proposeBundle(profiles), unreadable };
}
