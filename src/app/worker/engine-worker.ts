/**
 * The engine worker: owns the loaded bundle, the kernel and DuckDB, and runs the funnel. The page
 * never blocks on any of it; it gets back what it draws. DuckDB boots only after the first map is
 * drawn, so opening the page does not wait for it.
 */
import { fetchFileSource, loadBundle, loadLayerFile, parseScenario, runFunnel, weightSensitivity } from '../engine-api.ts';
import type { LoadedBundle } from './engine-types.ts';
import { chooseKernel } from './engine-kernel.ts';
import { huffSurface } from './huff-surface.ts';
import { layerSums } from './layer-sums.ts';
import { inspectFile, readWithProgress, refuseIfTooLarge } from './inspect-file.ts';
import { mapDataOf } from './map-data.ts';
import { outlineSource } from './outline-source.ts';
import type { FromWorker, Reply, Request, ToWorker } from './messages.ts';
import { huffSettingsOf } from './scenario-huff.ts';

/** The pool's workers start now, while the bundle loads; runs wait for the choice. */
const kernelChoice = chooseKernel();
void kernelChoice.then(({ info }) => post({ id: -1, kind: 'kernel', kernel: info }));
let bundle: LoadedBundle = { name: 'empty', synthetic: false, reports: [] };
/** A new run makes the one in progress pointless: it is aborted. */
let running: AbortController | null = null;

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
      running?.abort();
      const controller = new AbortController();
      running = controller;
      const { kernel } = await kernelChoice;
      const funnel = await runFunnel(bundle, scenario, { kernel, onProgress: progress, signal: controller.signal });
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
      progress('sql', 0);
      const totals = await layerSums(layer, Object.keys(request.entry.columns ?? {}));
      if (totals.note) report.notes.push(totals.note);
      return { type: 'layer', report, map: mapDataOf(bundle), sums: totals.sums, sumsBy: totals.by };
    }
    case 'sensitivity': {
      const r = weightSensitivity(request.normalised, request.weights, request.ids, {
        concentration: 50,
        draws: 500,
        seed: 1,
        topK: request.topK,
        combine: request.combine,
      });
      return { type: 'sensitivity', ...r };
    }
    case 'huff': {
      const settings = huffSettingsOf(parseScenario(request.scenario, 'scenario'));
      const { kernel } = await kernelChoice;
      return { type: 'huff', surface: await huffSurface(kernel, bundle, request.lon, request.lat, settings) };
    }
  }
}

/**
 * Requests that read or replace the bundle run one after another, in the order sent, so a layer
 * picked while the sample is still loading lands on top of it, not under it.
 */
let queue: Promise<unknown> = Promise.resolve();
const ORDERED = new Set<Request['type']>(['loadOutline', 'loadBundle', 'loadLayer', 'run']);

self.addEventListener('message', (e: MessageEvent<ToWorker>) => {
  const { id, request } = e.data;
  let work: Promise<Reply>;
  if (ORDERED.has(request.type)) {
    // A run only waits for loads queued before it; it is not queued itself, so a newer run can abort it.
    const before = queue;
    work = before.then(() => handle(id, request));
    if (request.type !== 'run') queue = work.catch(() => undefined);
  } else {
    work = handle(id, request);
  }
  work.then(
    (reply) => post({ id, kind: 'reply', reply }),
    (error: unknown) => post({ id, kind: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
});
