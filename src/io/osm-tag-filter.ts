/**
 * Which OSM features feed a layer: tag key → accepted values ([] = any value); a feature matches
 * when any one key does (bundle.json's `osmTags`). The own-brand test splits one brand's banks
 * (the network layer) from everyone else's (competitors).
 */
import type { OsmTags } from './osm-pbf-decode.ts';

export type OsmTagFilter = Record<string, string[]>;

export function matchTags(tags: OsmTags, filter: OsmTagFilter): { key: string; value: string } | null {
  for (const [key, values] of Object.entries(filter)) {
    const v = tags[key];
    if (v !== undefined && (values.length === 0 || values.includes(v))) return { key, value: v };
  }
  return null;
}

export function describeFilter(filter: OsmTagFilter): string {
  return Object.entries(filter).map(([k, v]) => `${k}=${v.length ? v.join('|') : '*'}`).join(' or ');
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/** The brand a feature trades under: `brand`, else `operator`, else its `name`. */
export function osmBrand(tags: OsmTags): string {
  return tags.brand ?? tags.operator ?? tags.name ?? '';
}

/** `brand`, `operator` or `name` holds the own brand (case and accents ignored: "Banrisul Agência Centro"). */
export function isOwnBrand(tags: OsmTags, ownBrand: string): boolean {
  const own = fold(ownBrand);
  return own !== '' && [tags.brand, tags.operator, tags.name].some((v) => v !== undefined && fold(v).includes(own));
}
