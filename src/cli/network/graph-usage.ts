/** Help for the graph flags every network job takes (options.ts parses them). */
export const GRAPH_USAGE = `  --osm FILE        an OpenStreetMap .osm.pbf extract, or road lines (GeoJSON, GeoParquet, CSV with WKT)
                    with optional highway/class, speed (km/h), maxspeed and oneway columns
  --profile P       walk, bike or drive (classes, speeds and one-ways: README, Travel time)
  --cache-dir DIR   where the built graph is cached (default .siteselect-cache/ beside --osm)
  --no-cache        build the graph afresh and write no cache`;
