/**
 * The bundle manifest (`bundle.json`): which file feeds which layer, and how its columns map onto
 * the layer's roles. Declared once: the type, the runtime validation and (through
 * scripts/gen-schemas.ts) the committed JSON Schema all come from this.
 */
import { z } from 'zod';
import { FILE_FORMATS } from '../io/file-format.ts';
import { LAYER_NAMES } from './layer.ts';

export const CRS_NAMES = ['wgs84', 'gcj02', 'bd09', 'epsg3857'] as const;
export type CrsName = (typeof CRS_NAMES)[number];

/** A role is fed by a source column, or set to one constant for every row of the file. */
export const ColumnRef = z.union([
  z.string().min(1),
  z.object({ value: z.union([z.string(), z.number()]) }).strict(),
]);
export type ColumnRef = z.infer<typeof ColumnRef>;

export const LayerEntry = z
  .object({
    layer: z.enum(LAYER_NAMES),
    /** Path relative to the folder holding bundle.json. */
    file: z.string().min(1),
    /** Detected from the file name when absent. */
    format: z.enum(FILE_FORMATS).optional(),
    /** Text encoding of CSV/TSV; detected (UTF-8, UTF-8 with BOM, else GB18030) when absent. */
    encoding: z.enum(['utf-8', 'gbk', 'gb18030']).optional(),
    /** Coordinate system of the input; converted to WGS84 on load. */
    crs: z.enum(CRS_NAMES).optional(),
    /**
     * Role → source column (or constant). Roles: id, name, lon, lat, wkt, and the layer's own
     * (brand, attractiveness, type, category, mode, weight, address, population …). Unmapped
     * source columns are kept under their own names. The network layer's `observed` role is the
     * outlets' measured performance (sales, deposits, customers) that `siteselect calibrate` fits.
     */
    columns: z.record(z.string(), ColumnRef).optional()
      .describe('Role → source column (or { "value": constant }). Roles: id, name, lon, lat, wkt and the layer\'s own (brand, attractiveness, type, category, mode, weight, address, population …); on the network layer, observed = the measured performance (sales, deposits, customers) that siteselect calibrate fits.'),
    /** Demand polygons: reduce each to its centroid (default) or keep the polygon as well. */
    polygons: z.enum(['centroid']).optional(),
    /** OSM extracts: which features to take, by tag (key → accepted values; [] = any value). */
    osmTags: z.record(z.string(), z.array(z.string())).optional(),
    /** OSM extracts: the own brand (matched in brand, operator or name): network keeps only its features, other layers drop them. */
    osmOwnBrand: z.string().min(1).optional(),
    /** GeoTIFF rasters: the 1-based band to read [1]. */
    band: z.number().int().min(1).optional(),
    /** GeoTIFF rasters: the role the band's values feed [population]. */
    bandRole: z.string().min(1).optional(),
    /** GeoTIFF rasters: each cell as its centre point [points], or as its square (demand keeps the squares as its areas; the points stay at the centres, the totals the same). */
    cells: z.enum(['points', 'polygons']).optional(),
    /** Excel workbooks: the sheet to read by name [the first sheet]. */
    sheet: z.string().min(1).optional(),
    /** GeoPackages: the feature table to read by name [the only one, else required]. */
    table: z.string().min(1).optional(),
  })
  .strict();
export type LayerEntry = z.infer<typeof LayerEntry>;

export const BundleManifest = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1),
    name: z.string().min(1),
    /** True for generated data; shown wherever the bundle is shown. */
    synthetic: z.boolean().default(false),
    attribution: z.string().optional(),
    /** Default input CRS for every file that does not name its own. */
    crs: z.enum(CRS_NAMES).default('wgs84'),
    layers: z.array(LayerEntry).min(1),
    /**
     * The street network for travel times (DESIGN §12): an OpenStreetMap .osm.pbf extract, or road
     * lines (GeoJSON / GeoParquet / CSV with WKT) with optional highway, speed, maxspeed and oneway
     * columns. Path relative to bundle.json; read only when a network distance is asked for.
     */
    roads: z.object({ file: z.string().min(1) }).strict().optional(),
    /**
     * Context drawn under the data on every map (page, exports, report): water, parks, roads,
     * railways as GeoJSON lines and polygons. Each feature's class comes from its `kind` property
     * (water, park, road, rail; others drawn as plain lines). Never scored; path relative to bundle.json.
     */
    basemap: z.object({
      file: z.string().min(1),
      /** Where the basemap comes from, printed beside the map (e.g. "© OpenStreetMap contributors"). */
      attribution: z.string().optional(),
      /** The property naming each feature's class [kind]. */
      kindProperty: z.string().min(1).default('kind'),
    }).strict().optional(),
  })
  .strict();
export type BundleManifest = z.infer<typeof BundleManifest>;
