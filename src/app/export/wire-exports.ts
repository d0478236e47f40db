/** Connects the export buttons to the shown level, the map and the scenario. */
import { byId } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import { shownLevel } from '../state/drill-path.ts';
import type { Workbench } from '../workbench.ts';
import { downloadBlob } from './download.ts';
import { renderExportBar } from './export-bar.ts';
import { htmlReport } from './html-report.ts';
import { pngBlob, svgText } from './map-export.ts';
import { tableCsv, tableGeoJson } from './table-export.ts';

export function wireExports(bench: Workbench): void {
  const shown = () => {
    const f = bench.view();
    if (!f) throw new Error('nothing scored yet');
    return { f, level: shownLevel(f, bench.state.path).level, order: bench.table.shownOrder() };
  };
  const base = (): string => `siteselect-${bench.level}`;
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
      if (bench.mapSvg) downloadBlob(new Blob([svgText(bench.mapSvg)], { type: 'image/svg+xml' }), `${base()}-map.svg`);
    },
    png: () => {
      if (bench.mapSvg) void pngBlob(bench.mapSvg).then((b) => downloadBlob(b, `${base()}-map.png`));
    },
    report: () => {
      const { level, order } = shown();
      const html = htmlReport({
        bundleName: bench.mapData?.name ?? '',
        synthetic: bench.mapData?.synthetic ?? false,
        levelTitle: t(`level.${bench.level}`),
        level,
        order,
        scenario: bench.state.scenario!,
        map: bench.mapSvg,
      });
      downloadBlob(new Blob([html], { type: 'text/html' }), `${base()}-report.html`);
    },
  });
}
