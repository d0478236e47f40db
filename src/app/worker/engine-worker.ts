/**
 * The engine worker: owns the loaded bundle, the kernel and DuckDB, and runs the funnel. The page
 * never blocks on any of it; it gets back what it draws. DuckDB boots only after the first map is
 * drawn, so opening the page does not wait for it.
 */
import { createKernel, fetchFileSource, loadBundle, loadLayerFile, parseScenario, runFunnel } from '../engine-api.ts';
import type { LoadedBundle } from './engine-types.ts';
import { huffSurface } from './huff-surface.ts';
import { inspectFile, readWithProgress, refuseIfTooLarge } from './inspect-file.ts';
import { mapDataOf } from './map-data.ts';
import { outlineSource } from './outline-source.ts';
import type { FromWorker, Reply, Request, ToWorker } from './messages.ts';
import { huffSettingsOf } from './scenario-huff.ts';

const kernel = createKernel();
let bundle: LoadedBundle = { name: 'empty', synthetic: false, reports: [] };

function post(message: FromWorker): void {
  self.postMessage(message);
}

async function handle(id: number, request: Request): Promise<Reply> {
  const progress = (stage: string, fraction: number): void => post({ id, kind: 'progress', stage, fraction });
  switch (request.type) {
    case 'loadOutline': {
      const outline = await loadBundle(outlineSource(fetchFileSource(request.baseUrl)));
      return { type: 'map', map: mapDataOf(outline) };
    }
    case 'loadBundle': {
      bundle = await loadBundle(fetchFileSource(request.baseUrl), { onProgress: (p) => progress(p.file, p.fraction) });
      return { type: 'map', map: mapDataOf(bundle) };
    }
    case 'run': {
      const scenario = parseScenario(request.scenario, 'scenario');
      const start = performance.now();
      const funnel = await runFunnel(bundle, scenario, { kernel, onProgress: progress });
      return { type: 'funnel', funnel, millis: performance.now() - start };
    }
    case 'inspect': {
      refuseIfTooLarge(request.file);
      const bytes = await readWithProgress(request.file, progress);
      return { type: 'inspection', inspection: await inspectFile(request.file.name, bytes, request.layer) };
    }
    case 'loadLayer': {
      refuseIfTooLarge(request.file);
      const bytes = await readWithProgress(request.file, progress);
      progress('parse', 0);
      const { layer, report } = await loadLayerFile(request.file.name, bytes, request.entry, { gazetteer: bundle.gazetteer });
      progress('parse', 1);
      bundle = { ...bundle, [layer.layer]: layer, reports: [...bundle.reports.filter((r) => r.layer !== layer.layer), report] };
      const sums: Record<string, number> = {};
      for (const [name, column] of Object.entries(layer.numeric)) {
        let s = 0;
        for (const v of column) if (Number.isFinite(v)) s += v;
        sums[name] = s;
      }
      return { type: 'layer', report, map: mapDataOf(bundle), sums };
    }
    case 'huff': {
      const settings = huffSettingsOf(parseScenario(request.scenario, 'scenario'));
      return { type: 'huff', surface: await huffSurface(kernel, bundle, request.lon, request.lat, settings) };
    }
  }
}

self.addEventListener('message', (e: MessageEvent<ToWorker>) => {
  const { id, request } = e.data;
  handle(id, request).then(
    (reply) => post({ id, kind: 'reply', reply }),
    (error: unknown) => post({ id, kind: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
});
