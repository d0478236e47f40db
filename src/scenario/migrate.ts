/**
 * Old scenario files keep loading. Version 0 (files with no `version`) was the first shape:
 * `{ name?, weights: { <criterion kind>: weight }, radius?, topK?: { regions?, districts?, sites? } }`
 * — one criterion per kind with default parameters and one radius for all.
 */
import { BundleError } from '../errors.ts';
import { CRITERION_KINDS } from './criterion-spec.ts';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Takes parsed JSON of any known version to the current version's shape (not yet validated). */
export function migrateScenario(json: unknown, file: string): unknown {
  if (!isObject(json)) throw new BundleError(file, `${file}: a scenario must be a JSON object; open it and check it holds { "version": 1, … }.`);
  const version = json.version ?? 0;
  if (version === 0) return migrateV0(json, file);
  return json;
}

/** Kinds whose site form takes a radius. */
const WITH_RADIUS = new Set(['demand', 'competition', 'agglomeration', 'access', 'coverage_gap']);

function migrateV0(old: Json, file: string): Json {
  const weights = old.weights;
  if (!isObject(weights)) throw new BundleError(file, `${file}: weights: a version-0 scenario needs "weights": { kind: number }; add it or save the file as version 1.`);
  const criteria = Object.entries(weights).map(([kind, weight]) => {
    if (!(CRITERION_KINDS as readonly string[]).includes(kind)) {
      throw new BundleError(file, `${file}: weights.${kind}: unknown criterion (known: ${CRITERION_KINDS.join(', ')}); rename or remove it.`);
    }
    const criterion: Json = { id: kind, kind, weight };
    if (kind === 'attribute') criterion.column = 'rent';
    if (kind === 'attribute') criterion.direction = 'lower';
    if (old.radius !== undefined && WITH_RADIUS.has(kind)) criterion.radius = old.radius;
    return criterion;
  });
  const topK = isObject(old.topK) ? old.topK : {};
  const cut = (k: unknown) => (k === undefined ? {} : { topK: k });
  return {
    version: 1,
    name: typeof old.name === 'string' && old.name !== '' ? old.name : 'migrated scenario',
    criteria,
    funnel: { regions: cut(topK.regions), districts: cut(topK.districts), sites: cut(topK.sites ?? 20) },
  };
}
