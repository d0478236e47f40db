/**
 * Report (the funnel) and score (scoreSites) follow one rule for a weighted context term whose
 * layer the bundle lacks: the term is left out of the score with the same warning, never scored 0.
 * The sample city without its districts layer; its scenario weights the district score 0.5.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedBundle } from '../../src/data/layer.ts';
import { loadBundleDir } from '../../src/node/load-bundle-dir.ts';
import { parseScenario, type Scenario } from '../../src/scenario/scenario.ts';
import { runFunnel } from '../../src/score/funnel.ts';
import { scoreSites } from '../../src/score/score-sites.ts';
import { useDatabase } from '../helpers/database.ts';

const testDb = useDatabase();

const sample = join(new URL('../../', import.meta.url).pathname, 'data', 'sample');
const WARNING = "the scenario weights the district score (funnel.context.district 0.5) but the bundle has no districts layer: the term is left out of every site's score";

let bundle: LoadedBundle;
let scenario: Scenario;
beforeAll(async () => {
  const full = await loadBundleDir(sample);
  bundle = { ...full, districts: undefined };
  scenario = parseScenario(JSON.parse(readFileSync(join(sample, 'scenario.json'), 'utf8')), 'scenario.json');
}, 60_000);

describe('a district context weight on a bundle without districts', () => {
  it('is left out, with one warning, by the funnel and by batch scoring alike', async () => {
    if (!bundle.candidates) throw new Error('the sample has candidates');
    const funnel = await runFunnel(bundle, scenario, { database: testDb() });
    const sites = await scoreSites(bundle, scenario, bundle.candidates, { database: testDb() });
    for (const level of [funnel.sites, sites]) {
      expect(level.criteria.map((c) => c.name)).not.toContain('context_district');
      expect(level.criteria.map((c) => c.name)).toContain('context_region');
      // the rescaled weights still add up to 1: the best site's points sum to its score
      const best = level.rank.indexOf(1);
      expect(level.criteria.reduce((s, c) => s + c.contribution[best], 0)).toBeCloseTo(level.score[best], 9);
    }
    expect(funnel.warnings).toContain(WARNING);
    expect(sites.warnings).toContain(WARNING);
  }, 120_000);
});
