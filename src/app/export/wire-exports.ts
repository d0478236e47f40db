/** Connects the export buttons to the shown level, the map and the scenario. */
import { byId } from '../dom.ts';
import { shownLevel } from '../state/drill-path.ts';
import type { Workbench } from '../workbench.ts';
import { downloadBlob } from './download.ts';
import { renderExportBar } from './export-bar.ts';
import { pngBlob, svgForExport, svgText } from './map-export.ts';
import { pageReport } from './page-report.ts';
import { pageTradeAreas } from './page-trade-areas.ts';
import { tableCsv, tableGeoJson } from './table-export.ts';

export function wireExports(bench: Workbench): void {
  const shown = () => {
    const f = bench.view();
    if (!f) throw new Error('nothing scored yet');
    return { f, level: shownLevel(f, bench.state.path).level, order: bench.table.shownOrder() };
  };
  const base = (): string => `siteselect-${bench.level}`;
  /** The map as drawn, with the scenario's name beside its title. */
  const exportedMap = (): SVGSVGElement | null => (bench.mapSvg ? svgForExport(bench.mapSvg, bench.state.scenario?.name ?? '') : null);
  renderExportBar(byId('export-bar'), {
    csv: () => {
      const { f, level, order } = shown();
      downloadBlob(new Blob([tableCsv(f, level, order)], { type: 'text/csv' }), `${base()}.csv`);
    },
    geojson: () => {
      const { f, level, order } = shown();
      const polygons = bench.level === 'region' ? bench.mapData?.regions : bench.mapData?.districts;
      downloadBlob(new Blob([JSON.stringify(tableGeoJson(f, level, order, polygons))], { type: 'application/geo+json' }), `${base()}.geojson`);
    },
    svg: () => {
      const svg = exportedMap();
      if (svg) downloadBlob(new Blob([svgText(svg)], { type: 'image/svg+xml' }), `${base()}-map.svg`);
    },
    png: () => {
      const svg = exportedMap();
      if (svg) void pngBlob(svg).then((b) => downloadBlob(b, `${base()}-map.png`));
    },
    report: () => {
      const funnel = bench.levels.funnel;
      const { mapData, state } = bench;
      if (!funnel || !mapData || !state.scenario) throw new Error('nothing scored yet');
      const scenario = state.scenario;
      // The trade areas come from the engine worker, which holds the streets (net, issue 17).
      void pageTradeAreas(bench.engine, funnel).then((areas) => downloadBlob(new Blob([pageReport(mapData, funnel, scenario, areas)], { type: 'text/html' }), `${base()}-report.html`));
    },
  });
}
