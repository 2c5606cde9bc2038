/**
 * Test-only stand-in for the browser's image decoder: decodes encodePng's PNGs and places them
 * in the size × size square by fitRect, nearest neighbour, padding left transparent (0, 0, 0, 0)
 * as a cleared OffscreenCanvas would. Rejects anything else, like a browser on a damaged file.
 */
import type { DecodeImage } from '../ingest';
import { fitRect } from '../pixels';
import { decodePng } from './pngDecode';

export function resampleInto(
  src: { width: number; height: number; rgba: Uint8ClampedArray },
  size: number,
  fit: 'letterbox' | 'crop',
): Uint8ClampedArray {
  const r = fitRect(src.width, src.height, size, fit);
  const out = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < r.dh; y++) {
    // Sample at the centre of each destination pixel.
    const sy = r.sy + Math.min(r.sh - 1, Math.floor(((y + 0.5) * r.sh) / r.dh));
    for (let x = 0; x < r.dw; x++) {
      const sx = r.sx + Math.min(r.sw - 1, Math.floor(((x + 0.5) * r.sw) / r.dw));
      const from = (sy * src.width + sx) * 4;
      out.set(src.rgba.subarray(from, from + 4), ((r.dy + y) * size + r.dx + x) * 4);
    }
  }
  return out;
}

export const fakeDecode: DecodeImage = async (item, size, fit) => resampleInto(decodePng(item.bytes), size, fit);
