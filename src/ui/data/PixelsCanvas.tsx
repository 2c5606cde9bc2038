/** One image from raw pixels (0..255, channels last; grey fills R, G and B) on a small canvas. */
import { useEffect, useRef } from 'react';
import type { ImageShape } from '../../core/data/dataset';

export function drawPixels(canvas: HTMLCanvasElement, pixels: Uint8Array, shape: ImageShape): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const { width, height, channels } = shape;
  const img = ctx.createImageData(width, height);
  for (let p = 0; p < width * height; p++) {
    for (let c = 0; c < 3; c++) img.data[4 * p + c] = channels === 1 ? pixels[p] : pixels[p * 3 + c];
    img.data[4 * p + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
}

export function PixelsCanvas({ pixels, shape, className, title }: { pixels: Uint8Array; shape: ImageShape; className?: string; title?: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current) drawPixels(ref.current, pixels, shape);
  }, [pixels, shape]);
  return <canvas ref={ref} width={shape.width} height={shape.height} className={className} title={title} />;
}
