/**
 * A small colour-image set where the class is a pattern's orientation, not its colours or
 * position: horizontal stripes, vertical stripes, or a checkerboard, each image with two random
 * colours, a random period (8–16 px) and a random phase. Pixel distances see mostly the colours (k-means on
 * pixels is near chance); a pretrained backbone's filters see the orientation. Seeded (tests).
 */
import type { Dataset } from '../../data/dataset';
import { createRng } from '../../rng';

export const STRIPE_CLASSES = ['horizontal', 'vertical', 'checkerboard'] as const;

export function stripesDataset(n: number, size = 32, seed = 1): Dataset {
  const rng = createRng(seed);
  const dim = size * size * 3;
  const x = new Float32Array(n * dim);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % STRIPE_CLASSES.length;
    labels[i] = c;
    const a = [rng.next(), rng.next(), rng.next()];
    const b = [rng.next(), rng.next(), rng.next()];
    const period = 8 + rng.int(9);
    const phaseX = rng.int(period);
    const phaseY = rng.int(period);
    for (let y = 0; y < size; y++) {
      for (let xx = 0; xx < size; xx++) {
        const bandY = Math.floor((y + phaseY) / (period / 2)) % 2;
        const bandX = Math.floor((xx + phaseX) / (period / 2)) % 2;
        const on = c === 0 ? bandY : c === 1 ? bandX : bandX ^ bandY;
        const colour = on ? a : b;
        const o = i * dim + (y * size + xx) * 3;
        x[o] = colour[0];
        x[o + 1] = colour[1];
        x[o + 2] = colour[2];
      }
    }
  }
  return {
    id: 'stripes',
    name: 'Stripes (test)',
    n,
    dim,
    x,
    labels,
    classNames: [...STRIPE_CLASSES],
    numClasses: STRIPE_CLASSES.length,
    image: { width: size, height: size, channels: 3 },
  };
}
