/** Runs `siteselect report …` in-process, capturing its output (shared by the report tests). */
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export async function runReport(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['report', ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTTY: false, cwd: repoRoot });
  return { code, stdout, stderr };
}

/** The HTML of `<section id="…">` up to its closing tag (sections do not nest). */
export function section(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}"`);
  if (start < 0) return '';
  return html.slice(start, html.indexOf('</section>', start));
}

/** The body rows of `<table id="…">`. */
export function tableRows(html: string, id: string): string[] {
  const start = html.indexOf(`<table id="${id}"`);
  if (start < 0) return [];
  const table = html.slice(start, html.indexOf('</table>', start));
  const body = table.slice(table.indexOf('<tbody>'));
  return body.split('<tr').slice(1);
}
