import * as Plot from '@observablehq/plot';
import { currentHost } from './context.ts';

/** Plot.plot drawn into the host's document (the page's, or a server-side DOM in Node). */
export function plot(options: Plot.PlotOptions): ReturnType<typeof Plot.plot> {
  return Plot.plot({ ...options, document: currentHost().document });
}
