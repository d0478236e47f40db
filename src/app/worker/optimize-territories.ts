/**
 * One territories run for the map's territory layer: on the bundle the engine worker holds (sent
 * with the request), gives every own outlet its nearest demand (territoriesFromBundle) and posts the territory
 * polygons cut to the study area.
 */
import { bundleTerritoryPolygons, territoriesFromBundle, type LoadedBundle } from '../engine-api.ts';
import type { FromTerritoryWorker } from '../map/territory-layer.ts';

const post = (m: FromTerritoryWorker): void => self.postMessage(m);

self.addEventListener(
  'message',
  (e: MessageEvent<{ bundle: LoadedBundle }>) => {
    (async () => {
      const bundle = e.data.bundle;
      const result = territoriesFromBundle(bundle, { tradeRadius: 1000 });
      post({ kind: 'territories', features: bundleTerritoryPolygons(bundle, result) });
    })().catch((error: unknown) => post({ kind: 'error', message: error instanceof Error ? error.message : String(error) }));
  },
  { once: true },
);
