/**
 * PNG bytes of a sample image for the cluster archive, drawn exactly as the thumbnails are (one
 * reused off-screen canvas) and encoded by the browser, which does it off the main thread.
 */
import type { SamplePng } from '../../state/exports/clusterZip';
import type { ReadyInfo } from '../../state/run';
import { drawImage } from '../scatter/Thumbnail';
import { canvasBlob } from './canvasBlob';

export function samplePngEncoder(ready: ReadyInfo): SamplePng {
  const shape = ready.dataset.image;
  if (!shape || !ready.pixels) return async () => null;
  const canvas = document.createElement('canvas');
  canvas.width = shape.width;
  canvas.height = shape.height;
  return async (samplePos) => {
    drawImage(canvas, ready, samplePos);
    const blob = await canvasBlob(canvas);
    return new Uint8Array(await blob.arrayBuffer());
  };
}
