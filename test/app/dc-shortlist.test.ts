/**
 * The page's shortlist equals `siteselect report --json`'s on a real city: Washington, DC (the
 * test/fixtures/dc manifest over ../shared/data/dc, open data) with the bank-branch scenario. The
 * built site is served with a `dc/` folder beside it holding the fixture's manifest (file names
 * made local) and links to the shared files — nothing is copied into the repository — and opened
 * with ?bundle=./dc/.
 */
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runReport } from '../report/run-cli.ts';
import { serveWorkbench, type WorkbenchHost } from './page-helpers.ts';

const fixture = path.join(repoRoot, 'test/fixtures/dc');
const scenarioFile = path.join(repoRoot, 'test/fixtures/dc-bank-scenario.json');
const root = mkdtempSync(path.join(tmpdir(), 'siteselect-dc-page-'));
let host: WorkbenchHost;

/** The built site copied beside a dc/ bundle folder whose files link to the fixture's. */
function withDcBundle(site: string): string {
  cpSync(site, root, { recursive: true });
  const dc = path.join(root, 'dc');
  mkdirSync(dc);
  const manifest = JSON.parse(readFileSync(path.join(fixture, 'bundle.json'), 'utf8')) as { layers: { file: string }[] };
  for (const layer of manifest.layers) {
    const source = path.resolve(fixture, layer.file);
    layer.file = path.basename(source);
    try {
      symlinkSync(source, path.join(dc, layer.file));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e; // a file feeding two layers
    }
  }
  writeFileSync(path.join(dc, 'bundle.json'), JSON.stringify(manifest));
  symlinkSync(scenarioFile, path.join(dc, 'scenario.json'));
  return root;
}

beforeAll(async () => {
  host = await serveWorkbench({ prepare: withDcBundle });
}, 180_000);

afterAll(async () => {
  await host?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('shortlist = report on the DC manifest (built site, Chromium)', () => {
  it("lists the same sites, in the same order, with the same scores, as siteselect report --json's shortlist", async () => {
    const report = await runReport(['--bundle', 'test/fixtures/dc', '--scenario', 'test/fixtures/dc-bank-scenario.json', '--out', '/dev/null', '--json', '--threads', '1']);
    expect(report.code).toBe(0);
    const reported = (JSON.parse(report.stdout) as { shortlist: { id: string; score: number }[] }).shortlist;
    expect(reported.length).toBe(20); // the scenario keeps 20 sites
    const { page } = await host.open({ path: '?bundle=./dc/' });
    await page.click('#tab-shortlist');
    const shown = await page.$$eval('.shortlist .shortlist-table tbody tr', (trs) =>
      trs.map((tr) => ({ id: (tr as HTMLElement).dataset.id ?? '', score: Number(tr.querySelector('.sl-score')?.textContent) })),
    );
    expect(shown).toEqual(reported.map((e) => ({ id: e.id, score: e.score })));
    await page.close();
  }, 180_000);
});
