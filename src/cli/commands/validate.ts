/**
 * `siteselect validate <bundle-dir> [--json] [--rejects N]`: loads a bundle the way every other
 * command does and reports, per layer file, read / loaded / rejected and the first rejects, and per
 * layer the totals of its numeric columns (to check against a census at once).
 */
import path from 'node:path';
import { BundleError } from '../../errors.ts';
import type { LayerReport, LoadedBundle } from '../../data/layer.ts';
import { layerNoteLines } from '../../data/layer-notes.ts';
import { layerTotals, type LayerTotals } from '../../data/layer-totals.ts';
import { loadBundleDir } from '../../node/load-bundle-dir.ts';
import { locateBundle } from '../../node/bundle-location.ts';
import { formatOutputNumber } from '../../format/number.ts';
import { EXIT_OK, EXIT_USAGE, type Command } from '../command.ts';
import { bundleLabel, printSummary } from '../output.ts';
import { progressBar } from '../progress-bar.ts';
import type { SPEC } from '../usage/validate.ts';

function layerJson(r: LayerReport, limit: number): Record<string, unknown> {
  // the JSON keeps its row, column, reason, value per reject (codes are for the page's languages)
  const rejects = r.rejects.slice(0, limit).map(({ row, column, reason, value }) => ({ row, column, reason, value }));
  return { layer: r.layer, file: r.file, read: r.read, loaded: r.loaded, rejected: r.rejected, rejects, notes: r.notes };
}

function totalsJson(t: LayerTotals): Record<string, unknown> {
  return { layer: t.layer, rows: t.rows, columns: Object.fromEntries(t.columns.map((c) => [c.column, { sum: c.sum, missing: c.missing }])) };
}

function totalsText(totals: LayerTotals[]): string[] {
  const rows = totals.flatMap((t) => t.columns.map((c) => [t.layer, c.column, formatOutputNumber(c.sum), c.missing > 0 ? `(${c.missing} of ${t.rows} rows missing)` : '']));
  if (rows.length === 0) return [];
  const width = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
  return ['', 'totals over loaded rows', ...rows.map((r) => [r[0].padEnd(width[0]), r[1].padEnd(width[1]), r[2].padStart(width[2]), r[3]].join('  ').trimEnd())];
}

function table(bundle: LoadedBundle, limit: number): string[] {
  const rows = bundle.reports.map((r) => [r.layer, r.file, String(r.read), String(r.loaded), String(r.rejected)]);
  const head = ['layer', 'file', 'read', 'loaded', 'rejected'];
  const width = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]): string => cells.map((v, c) => (c >= 2 ? v.padStart(width[c]) : v.padEnd(width[c]))).join('  ').trimEnd();
  const notes = layerNoteLines(bundle.reports);
  const out = [bundleLabel(bundle), '', line(head), ...rows.map(line), ...totalsText(layerTotals(bundle)), ...(notes.length ? ['', 'notes', ...notes.map((n) => `  ${n}`)] : [])];
  for (const r of bundle.reports) {
    if (r.rejected === 0 || limit === 0) continue;
    out.push('', `${r.file}: first ${Math.min(limit, r.rejected)} of ${r.rejected} rejects`);
    for (const j of r.rejects.slice(0, limit)) {
      out.push(`  row ${j.row}${j.column ? `, ${j.column}` : ''}: ${j.reason}${j.value !== undefined ? ` (${JSON.stringify(j.value)})` : ''}`);
    }
  }
  return out;
}

export const command: Command<typeof SPEC> = {
  async run({ bundle: target, values: opts }, io) {
    let bundle: LoadedBundle;
    try {
      const { dir, manifestPath } = await locateBundle(target, io.cwd);
      const bar = progressBar(io);
      bundle = await loadBundleDir(dir, { manifestPath, onProgress: ({ file, fraction }) => bar(`loading ${path.basename(file)}`, fraction) });
    } catch (err) {
      if (!(err instanceof BundleError)) throw err;
      if (opts.json) printSummary(io, true, { ok: false, error: err.message, file: err.file, layers: [] }, () => []);
      else io.stderr(`siteselect validate: ${err.message}\n`);
      return EXIT_USAGE;
    }
    const limit = opts.rejects;
    const summary = { ok: true, name: bundle.name, synthetic: bundle.synthetic, layers: bundle.reports.map((r) => layerJson(r, limit)), totals: layerTotals(bundle).map(totalsJson) };
    printSummary(io, opts.json, summary, () => table(bundle, limit));
    return EXIT_OK;
  },
};
