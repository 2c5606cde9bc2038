/** The point under the mouse: its image (when the dataset is images), true label and cluster. */
import { useEffect, useRef } from 'react';
import type { ReadyInfo } from '../../state/run';

interface Props {
  index: number;
  /** Position of the card's top-left corner in the plot box. */
  left: number;
  top: number;
  ready: ReadyInfo;
  assignment: Int32Array | null;
}

/** Copies one sample image (0..255, channels last) into a canvas; grey images fill RGB equally. */
function drawImage(canvas: HTMLCanvasElement, ready: ReadyInfo, index: number): void {
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

export function HoverCard({ index, left, top, ready, assignment }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const shape = ready.dataset.image;
  useEffect(() => {
    if (ref.current) drawImage(ref.current, ready, index);
  }, [ready, index]);

  const label = ready.labels?.[index];
  const name = label === undefined ? null : (ready.dataset.classNames?.[label] ?? String(label));
  const cluster = assignment?.[index];
  return (
    <div className="hover-card" data-testid="hover-card" style={{ left, top }} role="tooltip">
      {shape && ready.pixels && <canvas ref={ref} width={shape.width} height={shape.height} className="hover-image" />}
      <div>
        <div>
          <span className="muted">point</span> #{ready.indices[index] ?? index}
        </div>
        {name !== null && (
          <div>
            <span className="muted">label</span> <b>{name}</b>
          </div>
        )}
        <div>
          <span className="muted">cluster</span> <b>{cluster === undefined || cluster < 0 ? '—' : cluster}</b>
        </div>
      </div>
    </div>
  );
}
