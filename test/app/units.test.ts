/**
 * The workbench's pure parts in Node: table order, URL state, scenario edits, CSV writing, the
 * refusal of files too large, and the dictionaries (every English key has a 中文 label).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario, type LevelResult } from '../../src/app/engine-api.ts';
import { csvText } from '../../src/io/csv-write.ts';
import { en } from '../../src/app/i18n/en.ts';
import { zh } from '../../src/app/i18n/zh.ts';
import { rejectsCsv } from '../../src/app/panels/layer-report.ts';
import { rejectReason } from '../../src/reject-reason.ts';
import { levelWeights, setMaxRent, setTopK, setWeight } from '../../src/app/state/scenario-edit.ts';
import { decodeUrlState, encodeUrlState } from '../../src/app/state/state-url.ts';
import { orderUnits, unitsUnder } from '../../src/app/table/table-order.ts';
import { MAX_FILE_BYTES, refuseIfTooLarge } from '../../src/app/worker/inspect-file.ts';

/** Four units under two parents; ranks by score 90 > 70 > 50 > 10. */
const level: LevelResult = {
  level: 'district',
  ids: ['a', 'b', 'c', 'd'],
  names: ['Delta', 'alpha', 'Charlie', 'bravo'],
  parent: Int32Array.from([0, 1, 0, 0]),
  score: Float64Array.from([50, 90, 10, 70]),
  rank: Int32Array.from([3, 1, 4, 2]),
  kept: Uint8Array.from([1, 1, 0, 0]),
  criteria: [],
};

describe('table order', () => {
  it('filters by parent and orders by rank, name and kept', () => {
    expect([...unitsUnder(level, 0)]).toEqual([0, 2, 3]);
    const under0 = unitsUnder(level, 0);
    expect([...orderUnits(level, under0, { key: 'rank', descending: false })]).toEqual([3, 0, 2]);
    expect([...orderUnits(level, under0, { key: 'score', descending: false })]).toEqual([2, 0, 3]);
    expect([...orderUnits(level, unitsUnder(level, -1), { key: 'name', descending: false })]).toEqual([1, 3, 2, 0]);
    expect([...orderUnits(level, under0, { key: 'kept', descending: true })]).toEqual([0, 3, 2]);
  });
});

describe('URL state', () => {
  it('round-trips a scenario, the path and the layers through the hash', () => {
    const scenario = parseScenario(JSON.parse(readFileSync(new URL('../../data/sample/scenario.json', import.meta.url), 'utf8')));
    const state = { lang: 'zh' as const, scenario, region: 'R2', district: 'D7', selected: 'S1', toggles: { pois: true } };
    const hash = encodeUrlState(state);
    expect(hash).toMatch(/^#s=[A-Za-z0-9_-]+$/);
    expect(decodeUrlState(hash)).toEqual(JSON.parse(JSON.stringify(state)));
    expect(decodeUrlState('#s=not-deflate')).toBeNull();
    expect(decodeUrlState('')).toBeNull();
  });
});

describe('scenario edits', () => {
  const scenario = parseScenario(JSON.parse(readFileSync(new URL('../../data/sample/scenario.json', import.meta.url), 'utf8')));
  it('sets a weight at one level only and keeps the others', () => {
    const edited = setWeight(scenario, 'demand', 'district', 0);
    expect(levelWeights(edited, 'district').demand).toBe(0);
    expect(levelWeights(edited, 'region').demand).toBe(scenario.criteria.find((c) => c.id === 'demand')?.weight);
    expect(parseScenario(edited).criteria[0].levels).toEqual({ district: 0 });
  });
  it('sets and clears funnel cuts and the rent limit, staying valid', () => {
    expect(setTopK(scenario, 'regions', undefined).funnel.regions.topK).toBeUndefined();
    expect(setTopK(scenario, 'regions', 2).funnel.regions.topK).toBe(2);
    expect(setMaxRent(scenario, undefined).constraints.maxAttribute).toBeUndefined();
    expect(parseScenario(setMaxRent(scenario, 40)).constraints.maxAttribute).toEqual({ rent: 40 });
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvText(['a', 'b'], [['x,y', 'say "hi"'], ['line\nbreak', 3]])).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",3\r\n');
  });
  it('writes rejects as row, id, column, reason, value', () => {
    const report = {
      layer: 'pois' as const, file: 'p.csv', read: 3, loaded: 1, rejected: 2, notes: [],
      rejects: [{ row: 2, column: 'lon', ...rejectReason('missing-coordinate'), id: 'P2' }, { row: 3, column: 'lat', ...rejectReason('latitude-range', { latitude: 95 }), value: '95' }],
    };
    expect(rejectsCsv(report)).toBe('row,id,column,reason,value\r\n2,P2,lon,missing coordinate,\r\n3,,lat,latitude 95 is outside ±90,95\r\n');
  });
});

describe('files too large for the browser', () => {
  it('are refused with a sentence naming the file and the way out', () => {
    expect(() => refuseIfTooLarge({ name: 'demand.csv', size: MAX_FILE_BYTES })).not.toThrow();
    expect(() => refuseIfTooLarge({ name: 'huge.csv', size: MAX_FILE_BYTES + 1 })).toThrow(/^huge\.csv is 536,870,913 bytes, more than the 512 MB .*command line/);
  });
});

describe('dictionaries', () => {
  it('中文 has every English key and no extra one', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    expect(Object.entries(zh).filter(([, v]) => v.trim() === '')).toEqual([]);
  });
});
