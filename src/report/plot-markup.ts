/**
 * A Plot chart (drawn into any DOM: the page's, or a server-side one in Node) as inline markup for
 * a self-contained HTML file. Inline SVG in HTML needs no namespace declaration, so the xmlns
 * attributes (the only URLs Plot writes) are dropped: the report holds no http(s) address at all.
 */
import * as Plot from '@observablehq/plot';
import { compactPaths } from './compact-path.ts';

export type PlotOptions = Plot.PlotOptions;

export function plotMarkup(document: Document, options: PlotOptions): string {
  const chart = Plot.plot({ ...options, document });
  return compactPaths(chart.outerHTML.replace(/\s+xmlns(:\w+)?="[^"]*"/g, ''));
}

/**
 * Plot numbers its clip paths with a counter global to the process; renumbered per report so the
 * same inputs give the same bytes however many reports were drawn before.
 */
export function renumberClipIds(html: string): string {
  const ids = new Map<string, string>();
  return html.replace(/plot-clip-\d+/g, (id) => {
    let next = ids.get(id);
    if (next === undefined) ids.set(id, (next = `report-clip-${ids.size + 1}`));
    return next;
  });
}
