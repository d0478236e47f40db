/** Every schema that is committed as JSON Schema. Add a line here when you add one. */
import type { ZodType } from 'zod';
import { BundleManifest } from '../src/data/bundle-manifest.ts';
import { Scenario } from '../src/scenario/scenario.ts';
import { OptimizeCurveSummary, OptimizeSummary } from '../src/optimize/summary.ts';
import { ScoreSummary } from '../src/node/score/score-summary.ts';
import { Calibration } from '../src/forecast/calibration.ts';
import { ChannelMixSummary } from '../src/optimize/channel-mix-summary.ts';

export const SCHEMAS: { file: string; title: string; schema: ZodType }[] = [
  { file: 'schemas/bundle.schema.json', title: 'siteselect bundle manifest (bundle.json)', schema: BundleManifest },
  { file: 'schemas/scenario.schema.json', title: 'siteselect scenario (scenario.json)', schema: Scenario },
  { file: 'schemas/optimize-summary.schema.json', title: 'siteselect optimize --json output', schema: OptimizeSummary },
  { file: 'schemas/optimize-curve.schema.json', title: 'siteselect optimize --p FROM..TO --json output', schema: OptimizeCurveSummary },
  { file: 'schemas/score-summary.schema.json', title: 'siteselect score --json output', schema: ScoreSummary },
  { file: 'schemas/channel-mix-summary.schema.json', title: 'siteselect mix --json output', schema: ChannelMixSummary },
  { file: 'schemas/calibration.schema.json', title: 'siteselect calibration (calibration.json, siteselect calibrate --out)', schema: Calibration },
];
