/**
 * `siteselect report --bundle DIR [--scenario FILE] [--out report.html]`: runs the funnel and writes
 * one self-contained HTML file (src/node/html-report.ts); prints what it holds.
 */
import { formatScore } from '../../report/format-score.ts';
import { leadSentences, leadSites, type SiteMention } from '../../report/lead-site.ts';
import { funnelShortlist } from '../../score/funnel-shortlist.ts';
import { writeHtmlReport } from '../../node/html-report.ts';
import { EXIT_OK, type Command } from '../command.ts';
import { printNotes, printSummary } from '../output.ts';
import { progressBar } from '../progress-bar.ts';
import type { SPEC } from '../usage/report.ts';

export const command: Command<typeof SPEC> = {
  async run({ bundle: bundleArg, values: v }, io) {
    const request = { bundle: bundleArg, scenario: v.scenario, out: v.out, topN: v.top, maxRows: v.rows, threads: v.threads, curve: v.curve, calibration: v.calibration };
    const { out, bytes, bundle, scenario, result } = await writeHtmlReport(request, io.cwd, v.quiet ? () => {} : progressBar(io));
    const sites = result.sites;
    const lead = leadSites(result);
    const mention = (m: SiteMention): { id: string; name: string; score: number } => ({ id: m.id, name: m.name, score: Number(formatScore(m.score)) });
    const kept = (k: Uint8Array): number => k.reduce((s, x) => s + x, 0);
    const summary = {
      ok: true, out, bytes, bundle: bundle.name, synthetic: bundle.synthetic, scenario: scenario.name,
      regions: { compared: result.regions.ids.length, kept: kept(result.regions.kept) },
      districts: { compared: result.districts.ids.length, kept: kept(result.districts.kept) },
      sites: { compared: sites.ids.length, kept: kept(sites.kept), outside: result.outside?.ids.length ?? 0 },
      shortlist: funnelShortlist(result).map((e) => ({ id: e.id, region: e.region, district: e.district, score: Number(formatScore(e.score)), rank: e.rank })),
      best: lead.kept && mention(lead.kept),
      topNotKept: lead.topNotKept && { ...mention(lead.topNotKept), reason: lead.topNotKept.reason },
      warnings: result.warnings ?? [],
    };
    if (!v.quiet) printNotes(io, 'report', summary.warnings);
    printSummary(io, v.json, summary, () => [
      `wrote ${out} (${Math.ceil(summary.bytes / 1024)} KB)`,
      `${summary.regions.compared} regions (${summary.regions.kept} kept), ${summary.districts.compared} districts (${summary.districts.kept} kept), ${summary.sites.compared} sites (${summary.sites.kept} kept)${summary.sites.outside ? `; ${summary.sites.outside} candidates outside the study area, not compared` : ''}`,
      ...leadSentences(lead),
    ]);
    return EXIT_OK;
  },
};
