/**
 * buildReport in a real page: the tiny bundle from memory, the funnel, and the report drawn into
 * the page's own document (Plot's legend through the browser's canvas). Read by report-browser.test.ts.
 */
import { loadBundle } from '../../../src/data/load-bundle.ts';
import { memoryFileSource } from '../../../src/io/file-source.ts';
import { buildReport } from '../../../src/report/build-report.ts';
import { parseScenario } from '../../../src/scenario/scenario.ts';
import { runFunnel } from '../../../src/score/funnel.ts';
import { openBrowserDatabase } from '../../../src/db/duckdb-browser.ts';
import { tinyBundleFiles } from '../tiny-bundle.ts';

async function main(): Promise<{ html: string; bestId: string; bestScore: number }> {
  const files = tinyBundleFiles();
  const encoder = new TextEncoder();
  const bundle = await loadBundle(memoryFileSource(new Map(Object.entries(files).map(([name, text]) => [name, encoder.encode(text)]))));
  const scenario = parseScenario(JSON.parse(files['scenario.json']));
  const database = await openBrowserDatabase();
  const result = await runFunnel(bundle, scenario, { database }).finally(() => database.close());
  const html = buildReport({ bundle, scenario, result, document, attribution: 'Made by hand' });
  const best = Array.from(result.sites.ids.keys()).sort((a, b) => result.sites.rank[a] - result.sites.rank[b])[0];
  return { html, bestId: result.sites.ids[best], bestScore: result.sites.score[best] };
}

main().then(
  (result) => Object.assign(globalThis, { reportPage: result }),
  (error: unknown) => Object.assign(globalThis, { reportPage: { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) } }),
);
