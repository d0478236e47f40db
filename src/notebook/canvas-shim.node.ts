/**
 * Plot draws continuous colour legends into a <canvas> and embeds it as a PNG. A server-side DOM
 * has no canvas, so this gives the document's canvas element the little Plot uses — fillStyle,
 * fillRect, toDataURL — over an RGBA pixel buffer, encoded as a real PNG (zlib from fflate).
 */
import { color } from 'd3';
import { zlibSync } from 'fflate';

interface PixelContext {
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
}

const pixels = new WeakMap<object, { width: number; height: number; rgba: Uint8Array }>();

function bufferOf(canvas: { width: number; height: number }): { width: number; height: number; rgba: Uint8Array } {
  let b = pixels.get(canvas);
  if (!b || b.width !== canvas.width || b.height !== canvas.height) {
    b = { width: canvas.width, height: canvas.height, rgba: new Uint8Array(canvas.width * canvas.height * 4) };
    pixels.set(canvas, b);
  }
  return b;
}

/** Patches the canvas element class of a (linkedom) document. */
export function installPixelCanvas(document: { createElement(tag: string): object }): void {
  const proto: object = Object.getPrototypeOf(document.createElement('canvas'));
  Object.defineProperty(proto, 'getContext', {
    configurable: true,
    value(this: { width: number; height: number }, type: string): PixelContext | null {
      return type === '2d' ? pixelContext(this) : null;
    },
  });
  Object.defineProperty(proto, 'toDataURL', {
    configurable: true,
    value(this: { width: number; height: number }): string {
      const b = bufferOf(this);
      return 'data:image/png;base64,' + Buffer.from(encodePng(b.width, b.height, b.rgba)).toString('base64');
    },
  });
}

function pixelContext(canvas: { width: number; height: number }): PixelContext {
  let rgb = [0, 0, 0, 255];
  return {
    get fillStyle() {
      return `rgba(${rgb.join(',')})`;
    },
    set fillStyle(css: string) {
      const c = color(css)?.rgb();
      if (c) rgb = [c.r, c.g, c.b, Math.round(c.opacity * 255)];
    },
    fillRect(x, y, w, h) {
      const b = bufferOf(canvas);
      for (let j = Math.max(0, y); j < Math.min(b.height, y + h); j++) {
        for (let i = Math.max(0, x); i < Math.min(b.width, x + w); i++) b.rgba.set(rgb, (j * b.width + i) * 4);
      }
    },
  };
}

export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const raw = new Uint8Array(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter, no interlace
  const parts = [new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', zlibSync(raw)), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length + 12);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
