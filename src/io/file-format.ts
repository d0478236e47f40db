/** The file formats a layer can be read from; bundle.json may name one, else it is detected. */
export const FILE_FORMATS = ['csv', 'tsv', 'geojson', 'parquet', 'arrow', 'gtfs', 'osm-pbf', 'geotiff', 'shapefile', 'xlsx', 'geopackage', 'flatgeobuf'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];
