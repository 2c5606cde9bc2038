import { describe, expect, it } from 'vitest';
import { describeAugment } from './augmentLegend';

const NONE = { rotateDeg: 0, scale: 0, shiftPx: 0, flip: false, brightness: 0, contrast: 0, noise: 0, cutoutPx: 0 };

describe('describeAugment', () => {
  it('names each augmentation a preset uses, and only those', () => {
    expect(describeAugment(NONE)).toBe('unchanged');
    expect(describeAugment({ ...NONE, rotateDeg: 10, scale: 0.1, shiftPx: 2 })).toBe('rotate up to ±10°, zoom ±10 %, shift up to 2 px');
    expect(describeAugment({ ...NONE, flip: true, noise: 0.05, cutoutPx: 16 })).toBe('mirror left–right half the time, Gaussian noise (σ 0.05), a blank 16 × 16 px square');
  });
});
