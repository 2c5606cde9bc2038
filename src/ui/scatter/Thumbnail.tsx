/** One sample image (0..255, channels last) drawn into a small canvas; grey images fill RGB equally. */
import { useEffect, useRef } from 'react';
import type { ReadyInfo } from '../../state/run';
import { drawPixels } from '../data/PixelsCanvas';

export function drawImage(canvas: HTMLCanvasElement, ready: ReadyInfo, index: number): void {
  const shape = ready.dataset.image;
  const pixels = ready.pixels;
  if (!shape || !pixels) return;
  const size = shape.width * shape.height * shape.channels;
  drawPixels(canvas, pixels.subarray(index * size, (index + 1) * size), shape);
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
