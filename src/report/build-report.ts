/**
 * The funnel as one self-contained HTML report (issue 5): the bundle and whether it is synthetic,
 * the scenario, per level a map and the ranked table, the kept sites criterion by criterion, the
 * best kept site's breakdown (and, when the top scorer is not kept, why), the warnings and the data attribution. Platform-neutral: Plot draws into
 * the `document` given (the page's, or a server-side DOM in Node). No clock, no randomness, no
 * external asset: the same inputs give the same bytes.
 */
import type { LoadedBundle } from '../data/layer.ts';
import { formatNumber } from '../format/number.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { FunnelResult, LevelResult } from '../score/types.ts';
import { basemapCaption } from './basemap-marks.ts';
import { breakdownChart } from './breakdown-chart.ts';
import { formatScore } from './format-score.ts';
import { escapeHtml, figure } from './html.ts';
import { areaLevelMap, MAX_SITE_DOTS, siteLevelMap } from './level-map.ts';
import { renumberClipIds } from './plot-markup.ts';
import { leadSentences, leadSites, type LeadSites } from './lead-site.ts';
import { rankedTable } from './ranked-table.ts';
import { REPORT_CSS } from './report-css.ts';
import { scenarioSummary } from './scenario-summary.ts';
import { shortlistTable } from './shortlist-table.ts';
import { funnelShortlist } from '../score/funnel-shortlist.ts';
import { siteDetailTable } from './site-detail-table.ts';
import { layersTable, warningsList } from './data-notes.ts';
import { outsideTable } from './outside-table.ts';
import { tradeAreaSection, type ReportTradeAreas } from './trade-area-section.ts';
import { optimizeSection } from './optimize-section.ts';
import type { OptimizeCurveSummary } from '../optimize/summary.ts';
import type { ReportForecast } from '../forecast/report-forecast.ts';
import { forecastSection } from './forecast-section.ts';

export interface ReportInput {
  bundle: LoadedBundle;
  scenario: Scenario;
  result: FunnelResult;
  /** The DOM Plot draws into. */
  document: Document;
  /** The bundle manifest's attribution text, when it has one. */
  attribution?: string;
  /** Sites shown criterion by criterion [20]. */
  topN?: number;
  /** Most rows per ranked table [1000]. */
  maxRows?: number;
  /** net: the best kept site's trade areas over the streets (reportTradeAreas), when the bundle has roads. */
  tradeAreas?: ReportTradeAreas;
  /** `optimize --p FROM..TO`'s curve for the "How many outlets" section (src/report/optimize-section.ts). */
  optimizeCurve?: OptimizeCurveSummary;
  /** Forecasts of the kept sites with a calibration (src/report/forecast-section.ts). */
  forecast?: ReportForecast;
}

const LEVELS = [
  { key: 'regions', title: 'Regions' },
  { key: 'districts', title: 'Districts' },
  { key: 'sites', title: 'Sites' },
] as const;

function keptCount(level: LevelResult): number {
  return level.kept.reduce((s, k) => s + k, 0);
}

function levelSection(input: ReportInput, key: 'regions' | 'districts' | 'sites', title: string, maxRows: number): string {
  const { bundle, result, document } = input;
  const level = result[key];
  const above = key === 'districts' ? result.regions : key === 'sites' ? result.districts : undefined;
  const basemap = bundle.basemap?.features ?? [];
  const context = basemap.length ? ` ${basemapCaption(basemap)}` : '';
  if (level.ids.length === 0) return `<section id="level-${key}"><h2>${title}</h2><p>No ${key} were compared (the bundle has no such layer, or nothing reached this level).</p></section>`;
  const map =
    key === 'sites'
      ? figure(siteLevelMap(document, bundle.districts, result.districts, level, basemap), `Sites coloured by score over the kept districts; kept sites are large and outlined${level.ids.length > MAX_SITE_DOTS ? ` (the best ${formatNumber(MAX_SITE_DOTS)} drawn)` : ''}.${context}`)
      : figure(areaLevelMap(document, bundle[key], level, basemap), `${title} compared, coloured by score; kept ones outlined.${context}`);
  return `<section id="level-${key}"><h2>${title}</h2>
<p>${formatNumber(level.ids.length)} compared, ${formatNumber(keptCount(level))} kept.</p>
${map}
${rankedTable(result, level, above, maxRows)}
</section>`;
}

function bestSiteSection(input: ReportInput, topN: number, lead: LeadSites): string {
  const sites = input.result.sites;
  if (sites.ids.length === 0 || sites.criteria.length === 0) return '';
  const kept = funnelShortlist(input.result).slice(0, topN).map((e) => e.site);
  // With nothing kept the breakdown explains the top scorer, and says that it is not kept.
  const shown = lead.kept ?? lead.topNotKept;
  if (!shown) return '';
  const keptNote = lead.kept ? '' : `<p class="note">No site is kept; this is the top-scoring site, not kept: ${escapeHtml(lead.topNotKept?.reason ?? '')}.</p>`;
  const topNote = lead.kept && lead.topNotKept ? `<p class="note">${escapeHtml(leadSentences(lead)[1])}</p>` : '';
  const detail = kept.length
    ? `<section id="top-sites"><h2>The ${kept.length === 1 ? 'kept site' : `best ${formatNumber(kept.length)} kept sites`}, criterion by criterion</h2>
<p class="note">raw: the measure as computed; normalised: 0–1, 1 best, after the criterion's direction; points: its weighted share of the score (the points of a site add up to its score).</p>
${siteDetailTable(sites, kept, input.scenario)}
</section>`
    : '';
  return `${detail}
<section id="breakdown"><h2>Why the ${lead.kept ? 'best kept' : 'top-scoring'} site scores ${escapeHtml(formatScore(shown.score))}: ${escapeHtml(shown.name)}</h2>
${keptNote}${topNote}
${figure(breakdownChart(input.document, sites, shown.site), `Points per criterion of site ${shown.id}.`)}
</section>`;
}

export function buildReport(input: ReportInput): string {
  const { bundle, scenario, result } = input;
  const maxRows = input.maxRows ?? 1000;
  const topN = input.topN ?? 20;
  const title = `Site selection report — ${bundle.name}`;
  const lead = leadSites(result);
  const synthetic = bundle.synthetic ? '<p><span class="synthetic-label">Synthetic data</span> <span class="note">This bundle is generated, not observed: no real places, people or businesses.</span></p>' : '';
  const nav = ['scenario', 'shortlist', ...LEVELS.map((l) => `level-${l.key}`), 'top-sites', 'breakdown', 'warnings', 'data'];
  const navLabels = ['Scenario', 'Shortlist', ...LEVELS.map((l) => l.title), 'Kept sites', 'Breakdown', 'Warnings', 'Data'];
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${synthetic}
<p class="meta">Scenario: ${escapeHtml(scenario.name)} · ${formatNumber(result.regions.ids.length)} regions, ${formatNumber(result.districts.ids.length)} districts, ${formatNumber(result.sites.ids.length)} sites compared · ${formatNumber(keptCount(result.sites))} sites kept</p>
<p id="lead" class="lead">${leadSentences(lead).map(escapeHtml).join(' ')}</p>
<nav><ul>${nav.map((id, k) => `<li><a href="#${id}">${navLabels[k]}</a></li>`).join('')}</ul></nav>
<section id="scenario"><h2>Scenario</h2>
${scenarioSummary(scenario)}
</section>
<section id="shortlist"><h2>Shortlist</h2>
<p>Every site the funnel keeps, best first, with its district and region and its rank in each.</p>
${shortlistTable(result)}
</section>
${LEVELS.map((l) => levelSection(input, l.key, l.title, maxRows)).join('\n')}
${bestSiteSection(input, topN, lead)}
${tradeAreaSection(input.document, input.tradeAreas)}
${optimizeSection(input.document, input.optimizeCurve)}${forecastSection(input.document, input.forecast)}
<section id="warnings"><h2>Warnings</h2>
${warningsList(result)}
</section>
<section id="data"><h2>Data</h2>
${input.attribution ? `<p class="attribution">${escapeHtml(input.attribution)}</p>` : ''}
${bundle.basemap?.attribution ? `<p class="attribution">${escapeHtml(bundle.basemap.attribution)}</p>` : ''}
${layersTable(bundle)}
${outsideTable(result)}
</section>
</main>
</body>
</html>
`;
  return renumberClipIds(html);
}
