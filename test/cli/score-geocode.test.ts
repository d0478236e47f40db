/**
 * Address candidates through `siteselect score`: the sample city's candidates.csv (addresses only)
 * geocodes exactly for ≥ 98 % of its rows (it has 2 000 rows, 20 deliberately unmatched: 99 %), and a
 * mangled copy (seeded: case, abbreviations, full-width digits, a one-letter typo) still places ≥ 90 %,
 * each output row saying how it was placed and with what confidence, at the clean copy's position.
 */
import { mulberry32 } from '../../src/sensitivity/random.ts';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScoreSummary } from '../../src/node/score/score-summary.ts';
import { readCsvRows, runScore } from './run-score.ts';

const repo = new URL('../../', import.meta.url).pathname;
const sample = join(repo, 'data', 'sample');
const temp = mkdtempSync(join(tmpdir(), 'score-geocode-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));


const ABBREVIATIONS: [RegExp, string][] = [
  [/\bStreet\b/, 'St.'], [/\bRoad\b/, 'Rd'], [/\bAvenue\b/, 'Ave'], [/\bBoulevard\b/, 'Blvd'], [/\bLane\b/, 'Ln'],
  [/\bNorthwest\b/, 'NW'], [/\bNortheast\b/, 'NE'], [/\bSouthwest\b/, 'SW'], [/\bSoutheast\b/, 'SE'], [/\bDrive\b/, 'Dr'],
];

/** Full-width digits: '0' U+0030 → '０' U+FF10. */
const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** Replaces one letter (not the first) of the longest word with another letter. */
function typo(s: string, rnd: () => number): string {
  const words = s.split(' ');
  let w = 0;
  for (let i = 1; i < words.length; i++) if (words[i].length > words[w].length) w = i;
  const word = words[w];
  if (word.length < 5) return s;
  const at = 1 + Math.floor(rnd() * (word.length - 1));
  const letter = 'abcdefghijklmnopqrstuvwxyz'[Math.floor(rnd() * 26)];
  words[w] = word.slice(0, at) + (letter === word[at].toLowerCase() ? 'x' : letter) + word.slice(at + 1);
  return words.join(' ');
}

function mangle(address: string, rnd: () => number): string {
  let a = address;
  if (rnd() < 0.5) a = rnd() < 0.5 ? a.toUpperCase() : a.toLowerCase();
  if (rnd() < 0.6) for (const [re, short] of ABBREVIATIONS) a = a.replace(re, short);
  if (rnd() < 0.4) a = fullWidth(a);
  if (rnd() < 0.5) a = typo(a, rnd);
  return a;
}

describe('siteselect score geocodes address candidates', () => {
  it('places ≥ 98 % of the sample candidates exactly, and ≥ 90 % of a mangled copy', async () => {
    const clean = await runScore(temp, '--bundle', sample, '--candidates', join(sample, 'candidates.csv'), '--out', 'clean.csv', '--json');
    expect(clean.code, clean.stderr).toBe(0);
    const s = ScoreSummary.parse(JSON.parse(clean.stdout));
    expect(s.read).toBe(2000);
    expect(s.geocoded_exact / s.read).toBeGreaterThanOrEqual(0.98);
    expect(s.scored + s.rejected).toBe(s.read);

    const rnd = mulberry32(20261128);
    const source = readCsvRows(join(sample, 'candidates.csv'));
    const mangled: Record<string, string>[] = source.map((row) => ({ ...row, address: mangle(row.address, rnd) }));
    const changed = mangled.filter((row, i) => row.address !== source[i].address).length;
    expect(changed).toBeGreaterThan(1500); // most rows really are altered
    const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
    writeFileSync(join(temp, 'mangled.csv'), 'id,address,rent,floor_area,visibility\n' +
      mangled.map((r) => [r.id, quote(r.address), r.rent, r.floor_area, r.visibility].join(',')).join('\n') + '\n');
    const m = await runScore(temp, '--bundle', sample, '--candidates', 'mangled.csv', '--out', 'mangled-out.csv', '--json');
    expect(m.code, m.stderr).toBe(0);
    const ms = ScoreSummary.parse(JSON.parse(m.stdout));
    expect(ms.read).toBe(2000);
    expect(ms.scored + ms.rejected).toBe(ms.read);
    expect((ms.geocoded_exact + ms.geocoded_fuzzy) / ms.read).toBeGreaterThanOrEqual(0.9);
    expect(ms.geocoded_fuzzy).toBeGreaterThan(0);

    const out = readCsvRows(join(temp, 'mangled-out.csv'));
    const cleanOut = new Map(readCsvRows(join(temp, 'clean.csv')).map((r) => [r.id, r]));
    let samePlace = 0;
    for (const row of out) {
      expect(['exact', 'fuzzy']).toContain(row.placed_by);
      const confidence = Number(row.geocode_confidence);
      if (row.placed_by === 'exact') expect(confidence).toBe(1);
      else expect(confidence > 0 && confidence < 1, `${row.id} ${confidence}`).toBe(true);
      const c = cleanOut.get(row.id);
      if (c && c.lon === row.lon && c.lat === row.lat) samePlace++;
    }
    // nearly every placed mangled address lands where its clean spelling does
    expect(samePlace / out.length).toBeGreaterThanOrEqual(0.97);
    const rejects = readCsvRows(join(temp, 'mangled-out.rejects.csv'));
    expect(rejects).toHaveLength(ms.rejected);
    for (const r of rejects) expect(r.reason).toMatch(/address not found in the gazetteer|below the minimum/);
    expect(readFileSync(join(temp, 'mangled-out.csv'), 'utf8').split('\n')[0]).toMatch(/placed_by.*geocode_confidence/);
  });
});
