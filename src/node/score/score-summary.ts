/**
 * The machine-readable result of `siteselect score --json`, declared once: the zod schema gives
 * the type, the runtime check and the committed schemas/score-summary.schema.json.
 * Always read = scored + rejected, and scored = placed by coordinates + geocoded exact + fuzzy.
 */
import { z } from 'zod';

const Count = z.number().int().min(0);

export const ScoreSummary = z
  .object({
    ok: z.boolean(),
    bundle: z.string(),
    synthetic: z.boolean(),
    scenario: z.string(),
    /** The candidate file as named in the rejects (the bundle's candidates layer when none given). */
    candidates: z.string(),
    read: Count,
    scored: Count,
    rejected: Count,
    /** Of the rejected, rows outside every region of the bundle (every district when it has no regions): placed but not compared. */
    outside: Count,
    /** Rows placed by their own coordinates. */
    placed_by_coordinates: Count,
    geocoded_exact: Count,
    geocoded_fuzzy: Count,
    /** Rows written to `out` (all scored, or the shortlist). */
    written: Count,
    out: z.string(),
    format: z.enum(['csv', 'geojson', 'parquet']),
    rejects: z.string(),
    top_per: z.object({ group: z.enum(['region', 'district', 'all']), n: z.number().int().min(1), min_spacing: z.number().min(0) }).strict().nullable(),
    sensitivity: z.object({ draws: Count, concentration: z.number().positive(), seed: Count, top_k: z.number().int().min(1) }).strict().nullable(),
    /** The first rows written, best first; kept = false (with the constraint it fails, if any) for a site the scenario does not keep. */
    top: z.array(z.object({ rank: z.number().int().min(1), id: z.string(), name: z.string(), score: z.number().min(0).max(100), kept: z.boolean(), excluded_by: z.string() }).strict()),
    warnings: z.array(z.string()),
    seconds: z.number().min(0),
  })
  .strict();
export type ScoreSummary = z.infer<typeof ScoreSummary>;
