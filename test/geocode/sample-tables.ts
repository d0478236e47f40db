/** Reads the committed sample's gazetteer and candidates for the geocoder tests. */
import { readFileSync } from 'node:fs';
import type { PointLayer } from '../../src/data/layer.ts';
import { readCsvText } from '../../src/io/read-csv.ts';

const sampleDir = new URL('../../data/sample/', import.meta.url);

function table(file: string): Record<string, string[]> {
  const raw = readCsvText(file, readFileSync(new URL(file, sampleDir), 'utf8'));
  return Object.fromEntries(raw.columns.map((c) => [c, raw.values[c].map((v) => String(v ?? ''))]));
}

export function sampleGazetteer(): PointLayer {
  const t = table('gazetteer.csv');
  return {
    kind: 'point',
    layer: 'gazetteer',
    ids: t.id,
    lon: Float64Array.from(t.lon, Number),
    lat: Float64Array.from(t.lat, Number),
    numeric: {},
    text: { address: t.address, street: t.street, number: t.number },
  };
}

export function sampleCandidateAddresses(): { ids: string[]; addresses: string[] } {
  const t = table('candidates.csv');
  return { ids: t.id, addresses: t.address };
}
