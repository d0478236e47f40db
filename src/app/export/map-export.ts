/**
 * The map as a standalone SVG file, or rasterised to PNG through a canvas (no server involved).
 * The drawn map already holds its title, legend, scale bar, north arrow and attribution as text;
 * the export adds the scenario's name to the title row.
 */
export function svgForExport(svg: SVGSVGElement, scenarioName: string): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const width = Number(copy.getAttribute('width')) || 640;
  if (scenarioName) {
    const text = document.createElementNS('http://www.w3.org/2000/svg', 'text');
    for (const [k, v] of Object.entries({ class: 'map-scenario', x: width - 10, y: 19, 'text-anchor': 'end', 'font-size': 12, fill: '#444' })) text.setAttribute(k, String(v));
    text.textContent = scenarioName;
    copy.append(text);
  }
  return copy;
}

export function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(copy);
}

export async function pngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const width = Number(svg.getAttribute('width')) || svg.clientWidth;
  const height = Number(svg.getAttribute('height')) || svg.clientHeight;
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw on a canvas, so the map cannot be saved as PNG');
    ctx.fillStyle = 'white';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
