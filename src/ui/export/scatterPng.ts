/**
 * The main scatter plot as a PNG: its canvas as drawn (at the screen's pixel density), laid on
 * white, since the canvas itself is transparent and would look black in some viewers.
 */
import { canvasBlob } from './canvasBlob';

/** The canvas ScatterPanel draws into. */
export function findScatterCanvas(): HTMLCanvasElement | null {
  return document.querySelector<HTMLCanvasElement>('canvas[data-testid="scatter"]');
}

export async function scatterPng(canvas: HTMLCanvasElement): Promise<Blob> {
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('2-D canvas is not available');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(canvas, 0, 0);
  return canvasBlob(out);
}
