/**
 * Smaller SVG paths for the report. d3-geo writes polygon outlines with three decimals and keeps
 * every vertex, even many within one pixel (real tract boundaries: megabytes). Rounding to a tenth
 * of a pixel and dropping a vertex that rounds onto the one before changes nothing visible.
 */

/** One path's data made of M/L/Z commands (what geo marks write); anything else is returned as is. */
export function compactPath(d: string): string {
  if (!/^[MLZ0-9.,\-e]*$/.test(d)) return d;
  const out: string[] = [];
  let last = '';
  for (const [, command, x, y] of d.matchAll(/([MLZ])(?:(-?[\d.]+(?:e-?\d+)?),(-?[\d.]+(?:e-?\d+)?))?/g)) {
    if (command === 'Z') {
      out.push('Z');
      last = '';
      continue;
    }
    const point = `${round(Number(x))},${round(Number(y))}`;
    if (command === 'L' && point === last) continue;
    out.push(command + point);
    last = point;
  }
  return out.join('');
}

function round(v: number): string {
  const r = Math.round(v * 10) / 10;
  return String(r === 0 ? 0 : r); // no "-0"
}

/** Every `d="…"` attribute of a piece of SVG markup, compacted. */
export function compactPaths(markup: string): string {
  return markup.replace(/ d="([^"]*)"/g, (_, d: string) => ` d="${compactPath(d)}"`);
}
