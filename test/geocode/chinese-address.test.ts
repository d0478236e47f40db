/**
 * Chinese addresses against a small Chinese gazetteer generated here (seeded): 广东省, two cities,
 * six districts, towns, streets and house numbers, a few street names (中山路, 人民路) in both cities.
 * 1 000 addresses are mangled the ways people write them — province, city or the whole prefix
 * dropped, full-width digits, 號 for 号, traditional forms (區, 東 …), spaces — and at least 95 %
 * must land on the very entry they came from. Plus the issue's own examples, by hand.
 */
import { describe, expect, it } from 'vitest';
import { buildGeocoder } from '../../src/geocode/index.ts';
import { compactChinese, parseAdmin } from '../../src/geocode/chinese-address.ts';
import { loadLayerFile } from '../../src/data/load-layer-file.ts';
import type { PointLayer } from '../../src/data/layer.ts';
import { mulberry32 } from '../../src/sensitivity/random.ts';

const CITIES: [string, string[]][] = [
  ['深圳市', ['南山区', '福田区', '罗湖区']],
  ['广州市', ['天河区', '越秀区', '海珠区']],
];
const SYLLABLES = '东南西北华兴龙凤科技园创业新安宝安福民和平长青桂花翠竹莲花梅林香蜜湖滨海沙河学府'.split('');
const SUFFIXES = ['路', '大道', '街', '一路', '二路'];

interface Entry { address: string; lon: number; lat: number; province: string; city: string; district: string; town: string; street: string; number: number }

function gazetteer(): Entry[] {
  const rand = mulberry32(18);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const out: Entry[] = [];
  const seen = new Set<string>();
  for (const [city, districts] of CITIES) {
    for (const district of districts) {
      const streets = new Set<string>(['中山路', '人民路']);
      while (streets.size < 12) streets.add(pick(SYLLABLES) + pick(SYLLABLES) + pick(SUFFIXES));
      for (const street of streets) {
        const town = rand() < 0.5 ? `${pick(SYLLABLES)}${pick(SYLLABLES)}街道` : '';
        for (let k = 0; k < 15; k++) {
          const number = 1 + Math.floor(rand() * 3000);
          const address = `广东省${city}${district}${town}${street}${number}号`;
          if (seen.has(address)) continue;
          seen.add(address);
          out.push({ address, lon: 113 + rand(), lat: 22 + rand(), province: '广东省', city, district, town, street, number });
        }
      }
    }
  }
  return out;
}

const FULL_WIDTH = (s: string): string => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
const TRADITIONAL: [string, string][] = [['号', '號'], ['区', '區'], ['东', '東'], ['华', '華'], ['龙', '龍'], ['广', '廣'], ['园', '園']];

function mangle(e: Entry, rand: () => number): string {
  const drop = Math.floor(rand() * 5); // 0 keep all, 1 no province, 2 no province/city, 3 street only, 4 short names
  let prefix = [e.province, e.city, e.district, e.town];
  if (drop === 1) prefix = [e.city, e.district, e.town];
  if (drop === 2) prefix = [e.district, e.town];
  if (drop === 3) prefix = [];
  if (drop === 4) prefix = [e.city.replace(/市$/, ''), e.district.replace(/区$/, '')];
  let s = prefix.join(rand() < 0.3 ? ' ' : '') + e.street + String(e.number) + '号';
  if (rand() < 0.5) s = FULL_WIDTH(s);
  for (const [from, to] of TRADITIONAL) if (rand() < 0.5) s = s.split(from).join(to);
  if (rand() < 0.2) s = s.replace(/(\d+)/, ' $1 ');
  return s;
}

const entries = gazetteer();
const layer: PointLayer = {
  kind: 'point',
  layer: 'gazetteer',
  ids: entries.map((_, i) => `g${i}`),
  lon: Float64Array.from(entries.map((e) => e.lon)),
  lat: Float64Array.from(entries.map((e) => e.lat)),
  numeric: {},
  text: { address: entries.map((e) => e.address) },
};
const geocoder = buildGeocoder(layer);

describe('Chinese addresses', () => {
  it('parses province / city / district / town / street off a full address', () => {
    expect(parseAdmin(compactChinese('广东省深圳市南山区粤海街道科技园路'))).toEqual({
      parts: { province: '广东省', city: '深圳市', district: '南山区', town: '粤海街道' },
      street: '科技园路',
    });
    expect(parseAdmin(compactChinese('广州市天河区天河路')).parts.city).toBe('广州市');
    expect(compactChinese('科技園路８號')).toBe('科技园路8号');
  });

  it('places the issue’s examples: prefix dropped, 號 for 号', () => {
    const small: PointLayer = { ...layer, ids: ['a', 'b'], lon: Float64Array.of(113.94, 113.95), lat: Float64Array.of(22.54, 22.53), text: { address: ['深圳市南山区深南大道9988号', '广东省深圳市南山区粤海街道科技园路8号'] } };
    const g = buildGeocoder(small);
    const a = g.geocode('深南大道9988号');
    expect(a).toMatchObject({ lon: 113.94, method: 'fuzzy' });
    expect(a?.explanation).toBe('street 深南大道 and number 9988 matched; city, district not given');
    const b = g.geocode('科技园路8號');
    expect(b?.lon).toBe(113.95);
    expect(b?.confidence).toBeCloseTo(0.9, 9);
    const c = g.geocode('深圳南山科技园路８号');
    expect(c?.explanation).toBe('street 科技园路 and number 8 matched; city 深圳市, district 南山区 matched; province, town not given');
    expect(c?.confidence).toBeCloseTo(0.95, 9);
    expect(g.geocode('科技园路9号')).toBeNull();
  });

  it('tells 中山路 in Shenzhen from 中山路 in Guangzhou by the part of the prefix that is given', () => {
    const small: PointLayer = { ...layer, ids: ['sz', 'gz'], lon: Float64Array.of(114, 113), lat: Float64Array.of(22.5, 23.1), text: { address: ['广东省深圳市福田区中山路1号', '广东省广州市越秀区中山路1号'] } };
    const g = buildGeocoder(small);
    expect(g.geocode('广州中山路1号')?.lon).toBe(113);
    expect(g.geocode('福田区中山路１號')?.lon).toBe(114);
    // No prefix at all: two entries fit equally, so the confidence is halved below the floor.
    expect(g.geocode('中山路1号')).toBeNull();
  });

  it('places ≥ 95 % of 1 000 mangled addresses at the entry they came from', () => {
    const rand = mulberry32(2026);
    let right = 0;
    let unplaced = 0;
    for (let i = 0; i < 1000; i++) {
      const k = Math.floor(rand() * entries.length);
      const hit = geocoder.geocode(mangle(entries[k], rand));
      if (hit === null) unplaced++;
      else if (hit.lon === entries[k].lon && hit.lat === entries[k].lat) right++;
    }
    expect(right).toBeGreaterThanOrEqual(950);
    // What is not placed right is left unplaced, not put somewhere else.
    expect(right + unplaced).toBe(1000);
  });

  it('carries the explanation into the candidates layer as geocode_explanation', async () => {
    const csv = 'id,address\nc1,南山区深南大道9988號\n';
    const small: PointLayer = { ...layer, ids: ['a'], lon: Float64Array.of(113.94), lat: Float64Array.of(22.54), text: { address: ['深圳市南山区深南大道9988号'] } };
    const { layer: c } = await loadLayerFile('c.csv', new TextEncoder().encode(csv), { layer: 'candidates', file: 'c.csv' }, { gazetteer: small });
    expect((c as PointLayer).text.geocode_explanation).toEqual(['street 深南大道 and number 9988 matched; district 南山区 matched; city not given']);
  });
});
