/**
 * One optimisation run on the bundle the engine worker holds (sent with the request), builds the problem with
 * problemFromBundle and solves it with optimize, posting the stages as progress. HiGHS loads its
 * wasm from this origin (a Vite asset), never from a CDN.
 */
import type { Highs } from 'highs';
import highsWasmUrl from 'highs/runtime?url';
import { objectiveCurve, optimize, parseScenario, problemFromBundle, summariseCurve } from '../engine-api.ts';
import type { FromOptimizeWorker, OptimizeRunRequest } from './optimize-messages.ts';

function post(message: FromOptimizeWorker): void {
  self.postMessage(message);
}

const loadSolver = async (): Promise<Highs> => {
  const mod = await import('highs');
  return mod.default({ locateFile: () => highsWasmUrl });
};

async function run(request: OptimizeRunRequest): Promise<void> {
  const bundle = request.bundle;
  const scenario = request.scenario === null ? undefined : parseScenario(request.scenario, 'scenario');
  post({ kind: 'progress', stage: 'distances', fraction: 0 });
  const problem = problemFromBundle(bundle, {
    model: request.model,
    p: request.p,
    radius: request.radius,
    scenario,
    includeNetwork: request.includeNetwork,
  });
  const opts = { method: request.method, loadSolver, onProgress: (p: { stage: string; fraction: number }) => post({ kind: 'progress', stage: p.stage, fraction: p.fraction }) };
  if (request.curve && request.model !== 'lscp') {
    const curve = await objectiveCurve(problem, 1, request.p, opts);
    post({ kind: 'result', result: curve.points[curve.points.length - 1].result, curve: summariseCurve(curve, problem) });
    return;
  }
  post({ kind: 'result', result: await optimize(problem, opts) });
}

self.addEventListener(
  'message',
  (e: MessageEvent<OptimizeRunRequest>) => {
    run(e.data).catch((error: unknown) => post({ kind: 'error', message: error instanceof Error ? error.message : String(error) }));
  },
  { once: true },
);
