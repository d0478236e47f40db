/** The help text of `siteselect init`, apart from the command so that `--help` loads nothing else. */
export const USAGE = `Usage: siteselect init <data-folder> [--out FILE] [--yes] [--force] [--name NAME]
       siteselect init --osm CITY.osm.pbf [--own-brand NAME] [--population FILE]
                       [--admin-levels REGION[,DISTRICT]] [--out FILE] [--yes] [--force] [--name NAME]

Reads every data file in the folder (CSV/TSV, GeoJSON, Parquet, Arrow, GTFS, GeoTIFF, Shapefile,
GeoPackage, Excel, FlatGeobuf), proposes which file feeds which layer and which columns feed which
roles (lon/lat, id, name, population/人口, brand/品牌, type, mode, category, address), prints the
proposal, and writes it as a bundle manifest for you to edit.

Options:
  --out FILE   where to write the manifest [<data-folder>/bundle.json]; file paths in it are relative
               to its folder, so it may live outside a read-only data folder
  --yes        write without asking
  --force      overwrite an existing manifest
  --name NAME  the bundle's name [the folder's name]

With --osm, the bundle is built from one OpenStreetMap extract, every layer reading it by tag:
  regions, districts   administrative boundaries of the chosen admin_level, relations assembled
                       into polygons (boundaries the extract cuts are rejected on load)
  network, competitors amenity=bank|atm; --own-brand NAME puts the banks whose brand, operator or
                       name holds NAME in the network layer, the others in competitors
  pois, transit        shops, restaurants, pharmacies …; bus stops, stations (mode from the tags)
  demand               --population FILE (a population raster or table) when given, else building
                       floor area (footprint × building:levels): a proxy, stated in the proposal
  --own-brand NAME     your brand, as OSM spells it in brand, operator or name (case ignored)
  --population FILE    the demand layer's file instead of buildings
  --admin-levels R,D   admin_level of regions and districts [the coarsest with ≥ 2 whole areas,
                       then the next with more]
  The manifest goes beside the extract [<extract folder>/bundle.json] unless --out says where.

Then: siteselect validate <manifest> shows what loads (when the data lies outside the manifest's
folder, list the data folder in SITESELECT_DATA_ROOTS).`;
