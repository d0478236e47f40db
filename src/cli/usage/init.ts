/** `siteselect init`'s options and help, apart from the command so that `--help` loads nothing else. */
import { defineCommand } from '../help-text.ts';

export const SPEC = defineCommand({
  name: 'init',
  usage: ['<data-folder> [--out FILE] [--yes] [--force] [--name NAME]', '--osm CITY.osm.pbf [--own-brand NAME] [--population FILE] [options]'],
  about: `
Reads every data file in the folder (CSV/TSV, GeoJSON, Parquet, Arrow, GTFS, GeoTIFF, Shapefile,
GeoPackage, Excel, FlatGeobuf), proposes which file feeds which layer and which columns feed which
roles (lon/lat, id, name, population/人口, brand/品牌, type, mode, category, address), prints the
proposal, and writes it as a bundle manifest for you to edit.`,
  operand: 'folder',
  options: {
    out: {
      kind: 'text', value: 'FILE', shown: '<data-folder>/bundle.json, with --osm beside the extract',
      help: 'where to write the manifest; file paths in it are relative to its folder, so it may live outside a read-only data folder',
    },
    yes: { kind: 'flag', short: 'y', help: 'write without asking' },
    force: { kind: 'flag', help: 'overwrite an existing manifest (never a data file it names)' },
    name: { kind: 'text', value: 'NAME', help: "the bundle's name", shown: "the folder's (extract's) name" },
    osm: { kind: 'text', value: 'CITY.osm.pbf', heading: 'From an OpenStreetMap extract:', help: 'build every layer from this extract, reading it by tag (below); name no folder' },
    'own-brand': { kind: 'text', value: 'NAME', with: 'osm', help: 'your brand, as OSM spells it in brand, operator or name (case ignored)' },
    population: { kind: 'text', value: 'FILE', with: 'osm', help: "the demand layer's file (a population raster or table) instead of buildings" },
    'admin-levels': { kind: 'list', value: 'R,D', with: 'osm', help: 'admin_level of regions and districts', shown: 'the coarsest with ≥ 2 whole areas, then the next with more' },
  },
  after: `
With --osm, the layers read by tag:
  regions, districts   administrative boundaries of the chosen admin_level, relations assembled
                       into polygons (boundaries the extract cuts are rejected on load)
  network, competitors amenity=bank|atm; the banks whose brand, operator or name holds --own-brand
                       go in the network layer, the others in competitors
  pois, transit        shops, restaurants, pharmacies …; bus stops, stations (mode from the tags)
  demand               --population FILE when given, else building floor area
                       (footprint × building:levels): a proxy, stated in the proposal

Then: siteselect validate <manifest> shows what loads (when the data lies outside the manifest's
folder, list the data folder in SITESELECT_DATA_ROOTS).`,
  exit: `0 written (or nothing, when not confirmed), 2 bad usage, an existing manifest without
--force, or no file recognised as a layer.`,
});
