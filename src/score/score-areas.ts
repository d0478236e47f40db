/** Scores the polygons of one level (regions or districts) with the areal forms of the criteria. */
import { ArealEvaluator } from '../criteria/evaluate-areal.ts';
import type { BundleInputs } from '../criteria/inputs.ts';
import type { PolygonLayer } from '../data/layer.ts';
import type { Database } from '../db/database.ts';
import type { LevelCut } from '../scenario/scenario.ts';
import { scoreLevel } from './score-level.ts';
import { levelCriteria, type Progress } from './level-criteria.ts';
import type { LevelResult } from './types.ts';

/** `units`: the polygon indices compared (all, or those inside the kept parents); `parent` per unit; scored in `db`. */
export async function scoreAreas(
  db: Database,
  inputs: BundleInputs,
  polygons: PolygonLayer,
  level: 'region' | 'district',
  units: Int32Array,
  parent: Int32Array,
  cut: LevelCut,
  progress: Progress,
): Promise<LevelResult> {
  const evaluator = new ArealEvaluator(inputs, polygons, level);
  const pick = (column: Float64Array) => Float64Array.from(units, (u) => column[u]);
  const criteria = await levelCriteria(inputs.scenario, level, (spec) => evaluator.evaluate(spec), pick, progress);
  return scoreLevel(db, {
    level,
    ids: Array.from(units, (u) => polygons.ids[u]),
    names: Array.from(units, (u) => polygons.names[u]),
    parent,
    criteria,
    combine: inputs.scenario.combine,
    keepRule: { topK: cut.topK, minScore: cut.minScore },
  });
}

/** A level with no units (its layer is missing). */
export function emptyLevel(level: LevelResult['level']): LevelResult {
  return { level, ids: [], names: [], parent: new Int32Array(0), score: new Float64Array(0), rank: new Int32Array(0), kept: new Uint8Array(0), criteria: [], combine: 'sum', keepRule: {} };
}
