/**
 * A coordinate system written as WKT (a Shapefile's .prj, a GeoPackage's gpkg_spatial_ref_sys
 * definition) → the system siteselect converts from, or the name of one it does not.
 */
/** WGS84 degrees, web-mercator metres, or a name siteselect does not convert (WKT 1 or 2). */
export function crsOfWkt(prj: string): 'wgs84' | 'epsg3857' | { unknown: string } {
  const wkt = prj.replace(/\s+/g, ' ');
  if (/^PROJ(CS|CRS)\[/i.test(wkt.trim())) {
    if (/Mercator_Auxiliary_Sphere|Pseudo[-_ ]Mercator|EPSG","3857"|Popular Visualisation/i.test(wkt)) return 'epsg3857';
    return { unknown: /^PROJ(?:CS|CRS)\["([^"]+)"/i.exec(wkt.trim())?.[1] ?? 'a projected system' };
  }
  // Geographic systems whose datum lies within about a metre of WGS84.
  if (/WGS[_ ]?(19)?84|CGCS[_ ]?2000|China_Geodetic_Coordinate_System_2000|NAD[_ ]?(19)?83|ETRS[_ ]?(19)?89|GRS[_ ]?(19)?80/i.test(wkt)) return 'wgs84';
  return { unknown: /^GEOG(?:CS|CRS)\["([^"]+)"/i.exec(wkt.trim())?.[1] ?? 'an unrecognised system' };
}
