/**
 * Every candidate row the funnel did not score, with its reason in the page's language: rejected at
 * load (the loader's reason, from its code), outside the study area, or in a district (region) the funnel cut, with
 * that unit's own reason. read − scored rows in all.
 */
import { formatNotKept, levelReasons, type FunnelResult, type LayerReport } from '../engine-api.ts';
import { currentLang, t } from '../i18n/i18n.ts';
import { rejectReasonText } from './reject-reason.ts';

export type UnscoredKind = 'rejected' | 'outside' | 'district' | 'region';

export interface UnscoredRow {
  /** The file the row came from and its 1-based data record number there (0: not known). */
  file: string;
  row: number;
  /** '' for a row rejected without a readable id. */
  id: string;
  kind: UnscoredKind;
  reason: string;
}

export interface UnscoredSummary {
  read: number;
  scored: number;
  rows: UnscoredRow[];
}

/** The candidates' file and record of each loaded row: each file's records in order, less its rejects. */
function loadedRowSources(reports: LayerReport[]): { file: string[]; row: Int32Array } {
  const file: string[] = [];
  const rows: number[] = [];
  for (const r of reports) {
    const rejected = new Set(r.rejects.map((x) => x.row));
    for (let row = 1; row <= r.read; row++) {
      if (rejected.has(row)) continue;
      file.push(r.file);
      rows.push(row);
    }
  }
  return { file, row: Int32Array.from(rows) };
}

/** The candidates read and not scored by the funnel's last run; null without a candidates file. */
export function unscoredRows(funnel: FunnelResult, reports: LayerReport[]): UnscoredSummary | null {
  const files = reports.filter((r) => r.layer === 'candidates');
  if (files.length === 0) return null;
  const lang = currentLang();
  const rows: UnscoredRow[] = [];
  for (const r of files) {
    for (const x of r.rejects) rows.push({ file: r.file, row: x.row, id: x.id ?? '', kind: 'rejected', reason: t('unscored.rejected').replace('{reason}', rejectReasonText(x)) });
  }
  const sources = loadedRowSources(files);
  const at = (index: number): { file: string; row: number } => ({ file: sources.file[index] ?? '', row: sources.row[index] ?? 0 });
  const outside = funnel.outside;
  outside?.ids.forEach((id, k) => {
    const reason = outside.reasons[k] === 'outside every region' ? t('unscored.outsideRegions') : t('unscored.outsideDistricts');
    rows.push({ ...at(outside.index[k]), id, kind: 'outside', reason });
  });
  const unreached = funnel.unreached;
  if (unreached) {
    const districtReasons = levelReasons(funnel, funnel.districts);
    const regionReasons = levelReasons(funnel, funnel.regions);
    const name = (level: FunnelResult['regions'], i: number): string => level.names[i] || level.ids[i];
    unreached.ids.forEach((id, k) => {
      const [d, g] = [unreached.district[k], unreached.region[k]];
      const inDistrict = d >= 0;
      const reason = inDistrict
        ? t('unscored.districtCut').replace('{name}', name(funnel.districts, d)).replace('{reason}', formatNotKept(districtReasons.at(d), lang))
        : g >= 0
          ? t('unscored.regionCut').replace('{name}', name(funnel.regions, g)).replace('{reason}', formatNotKept(regionReasons.at(g), lang))
          : t('unscored.outsideRegions');
      rows.push({ ...at(unreached.index[k]), id, kind: inDistrict ? 'district' : 'region', reason });
    });
  }
  rows.sort((a, b) => (a.file === b.file ? a.row - b.row : files.findIndex((f) => f.file === a.file) - files.findIndex((f) => f.file === b.file)));
  return { read: files.reduce((s, r) => s + r.read, 0), scored: funnel.sites.ids.length, rows };
}
