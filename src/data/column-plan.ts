/**
 * Which source column feeds which role of a layer: the manifest's `columns` map first, then the
 * common names (detect-columns.ts). A mapped column that does not exist is a whole-file error.
 */
import { BundleError } from '../errors.ts';
import type { ColumnRef, LayerEntry } from './bundle-manifest.ts';
import type { LayerName } from './layer.ts';
import type { RawTable } from '../io/raw-table.ts';
import { detectLonLat, detectRoleColumn, detectWkt } from './detect-columns.ts';

export const NUMERIC_ROLES = new Set([
  'population', 'weight', 'attractiveness', 'rent', 'floor_area', 'households', 'workers', 'income', 'growth', 'area', 'opened', 'capacity', 'observed',
]);
export const TEXT_ROLES = new Set(['brand', 'type', 'category', 'mode', 'address', 'region', 'district', 'name']);

/** Roles looked up by common name when the manifest does not map them. */
const AUTO_ROLES: Record<LayerName, string[]> = {
  regions: ['population'],
  districts: ['population'],
  demand: ['population'],
  competitors: ['brand', 'type'],
  network: ['type'],
  pois: ['category'],
  transit: ['mode'],
  candidates: ['address', 'rent', 'floor_area'],
  gazetteer: ['address'],
};

export interface RolePlan {
  role: string;
  ref: ColumnRef;
  kind: 'numeric' | 'text' | 'infer';
}

export interface ColumnPlan {
  id?: string;
  /** A constant id (a one-row file such as a city outline). */
  idValue?: string;
  /** Polygon layers: names column or constant. Point layers carry name as a text role. */
  name?: ColumnRef;
  lon?: string;
  lat?: string;
  wkt?: string;
  roles: RolePlan[];
  /** Source columns kept under their own names. */
  passthrough: string[];
  notes: string[];
}

/** The two notes below that only say which column was taken for a role: how the file was read, not a problem. */
const COLUMN_CHOICE_NOTE = /^column '[^']*' used as \w+$|^coordinates from columns '[^']*', '[^']*'$/;

/** Whether `note` is one of planColumns' column choices (validate lists them; a batch run need not repeat them for every bundle layer). */
export function isColumnChoiceNote(note: string): boolean {
  return COLUMN_CHOICE_NOTE.test(note);
}

export function planColumns(raw: RawTable, entry: LayerEntry, isPolygonLayer: boolean): ColumnPlan {
  const mapped = { ...(entry.columns ?? {}) };
  const has = new Set(raw.columns);
  for (const [role, ref] of Object.entries(mapped)) {
    if (typeof ref === 'string' && !has.has(ref)) {
      throw new BundleError(
        raw.file,
        `${raw.file} has no column '${ref}' for "${role}" (its columns are ${raw.columns.slice(0, 12).join(', ')}${raw.columns.length > 12 ? ', …' : ''}); fix columns.${role} in bundle.json.`,
      );
    }
  }
  const notes: string[] = [];
  const columnOf = (role: string): string | undefined => {
    const ref = mapped[role];
    return typeof ref === 'string' ? ref : undefined;
  };
  const auto = (role: string): void => {
    if (mapped[role] !== undefined) return;
    const found = detectRoleColumn(raw.columns, role);
    if (found !== undefined && !Object.values(mapped).includes(found)) {
      mapped[role] = found;
      notes.push(`column '${found}' used as ${role}`);
    }
  };
  auto('id');
  auto('name');
  for (const role of AUTO_ROLES[entry.layer]) auto(role);

  const idRef = mapped.id;
  const plan: ColumnPlan = { id: columnOf('id'), roles: [], passthrough: [], notes };
  if (idRef !== undefined && typeof idRef !== 'string') plan.idValue = String(idRef.value);
  if (raw.geometry === undefined) {
    const sample = (c: string): unknown => raw.values[c].find((v) => v !== null && v !== '');
    plan.wkt = columnOf('wkt') ?? (mapped.lon === undefined ? detectWkt(raw.columns, sample) : undefined);
    if (plan.wkt === undefined && !isPolygonLayer) {
      const lon = columnOf('lon');
      const lat = columnOf('lat');
      const found = lon !== undefined && lat !== undefined ? { lon, lat } : detectLonLat(raw.columns);
      if (found !== null) {
        plan.lon = found.lon;
        plan.lat = found.lat;
        if (lon === undefined) notes.push(`coordinates from columns '${found.lon}', '${found.lat}'`);
      }
    }
  }
  for (const [role, ref] of Object.entries(mapped)) {
    if (role === 'id' || role === 'lon' || role === 'lat' || role === 'wkt') continue;
    if (role === 'name' && isPolygonLayer) {
      plan.name = ref;
      continue;
    }
    plan.roles.push({ role, ref, kind: NUMERIC_ROLES.has(role) ? 'numeric' : TEXT_ROLES.has(role) ? 'text' : 'infer' });
  }
  const used = new Set<string>([plan.id, plan.lon, plan.lat, plan.wkt].filter((c): c is string => c !== undefined));
  for (const ref of Object.values(mapped)) if (typeof ref === 'string') used.add(ref);
  const roleNames = new Set(plan.roles.map((r) => r.role));
  plan.passthrough = raw.columns.filter((c) => !used.has(c) && !roleNames.has(c));
  return plan;
}
