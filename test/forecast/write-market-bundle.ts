/** Writes a generated market (synthetic-market.ts) as a bundle folder: demand, network with sales and area, competitors. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Market } from './synthetic-market.ts';

/** `role`: map the sales column to the network's observed role in bundle.json [true]. */
export function writeMarketBundle(market: Market, extra: { far?: boolean; role?: boolean } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fcst-bundle-'));
  const rows = (head: string, n: number, row: (i: number) => (string | number)[]) => [head, ...Array.from({ length: n }, (_, i) => row(i).join(','))].join('\n') + '\n';
  const d = market.demand, o = market.own, c = market.competitors;
  writeFileSync(path.join(dir, 'demand.csv'), rows('id,lon,lat,population', d.lon.length, (i) => [`d${i}`, d.lon[i], d.lat[i], d.weight[i]]));
  const own = rows('id,type,lon,lat,attractiveness,area,sales', o.lon.length, (j) => [market.ids[j], 'branch', o.lon[j], o.lat[j], o.weight[j], market.area[j], market.observed[j]]);
  // An outlet 300 km from every demand point that reports sales: no model can explain it.
  writeFileSync(path.join(dir, 'network.csv'), extra.far ? own + 'FAR,branch,123,33,1,200,5000\n' : own);
  writeFileSync(path.join(dir, 'competitors.csv'), rows('id,brand,lon,lat,attractiveness', c.lon.length, (i) => [`c${i}`, 'rival', c.lon[i], c.lat[i], c.weight[i]]));
  writeFileSync(path.join(dir, 'bundle.json'), JSON.stringify({
    version: 1, name: 'generated market', synthetic: true,
    layers: [
      { layer: 'demand', file: 'demand.csv' },
      { layer: 'network', file: 'network.csv', ...(extra.role === false ? {} : { columns: { observed: 'sales' } }) },
      { layer: 'competitors', file: 'competitors.csv' },
    ],
  }));
  return dir;
}
