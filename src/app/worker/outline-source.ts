/**
 * A view of a bundle's files whose manifest names only the regions and districts: loading it takes
 * a fraction of a second, so the first map is drawn before the demand, the gazetteer and the
 * geocoding of candidates are done.
 */
import type { FileSource } from '../engine-api.ts';

const OUTLINE_LAYERS = new Set(['regions', 'districts']);

export function outlineSource(source: FileSource, manifestPath = 'bundle.json'): FileSource {
  return {
    exists: (path) => source.exists(path),
    async readFile(path) {
      const bytes = await source.readFile(path);
      if (path !== manifestPath) return bytes;
      const manifest = JSON.parse(new TextDecoder().decode(bytes)) as { layers?: { layer: string }[] };
      const layers = (manifest.layers ?? []).filter((l) => OUTLINE_LAYERS.has(l.layer));
      // A bundle without polygons has no outline; the full load draws its first map instead.
      if (layers.length === 0) return bytes;
      return new TextEncoder().encode(JSON.stringify({ ...manifest, layers }));
    },
  };
}
