/**
 * Runs in Chromium: the sample bundle through fetchFileSource + loadBundle (same origin), and
 * the GBK/GCJ-02 CSV through loadLayerFile, publishing a summary for test/io/browser-load.test.ts.
 */
import { fetchFileSource } from '../../../src/io/file-source.ts';
import { loadBundle } from '../../../src/data/load-bundle.ts';
import { loadLayerFile } from '../../../src/data/load-layer-file.ts';
import { summarise } from './summary.ts';

const g = globalThis as Record<string, unknown>;
try {
  const bundle = await loadBundle(fetchFileSource(new URL('/data/sample/', location.href).href));
  const bytes = new Uint8Array(await (await fetch('/test/io/fixtures/gcj02-gbk.csv')).arrayBuffer());
  const gbk = await loadLayerFile('gcj02-gbk.csv', bytes, { layer: 'pois', file: 'gcj02-gbk.csv', crs: 'gcj02' });
  g.ioSuite = { bundle: summarise(bundle), gbk: { ids: gbk.layer.ids, report: gbk.report, lon: gbk.layer.kind === 'point' ? Array.from(gbk.layer.lon) : [], names: gbk.layer.kind === 'point' ? gbk.layer.text.name : [] } };
} catch (err) {
  g.ioSuite = { error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
}
