/** One sample image (0..255, channels last) drawn into a small canvas; grey images fill RGB equally. */
import { useEffect, useRef } from 'react';
import type { ReadyInfo } from '../../state/run';

export function drawImage(canvas: HTMLCanvasElement, ready: ReadyInfo, index: number): void {
  const shape = ready.dataset.image;
  const pixels = ready.pixels;
  const ctx = canvas.getContext('2d');
  if (!shape || !pixels || !ctx) return;
  const { width, height, channels } = shape;
  const size = width * height * channels;
  const src = pixels.subarray(index * size, (index + 1) * size);
  const img = ctx.createImageData(width, height);
  for (let p = 0; p < width * height; p++) {
    for (let c = 0; c < 3; c++) img.data[4 * p + c] = channels === 1 ? src[p] : src[p * 3 + c];
    img.data[4 * p + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
}

export function Thumbnail({ ready, index, className, title }: { ready: ReadyInfo; index: number; className: string; title?: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current) drawImage(ref.current, ready, index);
  }, [ready, index]);
  const shape = ready.dataset.image;
  if (!shape || !ready.pixels) return null;
  return <canvas ref={ref} width={shape.width} height={shape.height} className={className} title={title} />;
}
