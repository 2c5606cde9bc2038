import { describe, expect, it } from 'vitest';
import { normaliseRowsInPlace } from './hostRows';
import { confidentPerClass, softRetrieval, textProbabilities, textPseudoLabels } from './textGuidance';

const unit = (rows: number[][]) => normaliseRowsInPlace(Float32Array.from(rows.flat()), rows[0].length);

// Three texts along the axes of 3-d space; five images near one axis each.
const texts = unit([
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
]);
const images = unit([
  [0.9, 0.1, 0],
  [0.1, 0.8, 0.1],
  [0, 0.2, 0.9],
  [0.6, 0.5, 0],
  [0.95, 0, 0.05],
]);

describe('text guidance', () => {
  it('gives each image its nearest text, with a softmax probability as confidence', () => {
    const { labels, confidence } = textPseudoLabels(images, texts, 3, 0.1);
    expect([...labels]).toEqual([0, 1, 2, 0, 0]);
    // The ambiguous image (0.6, 0.5, 0) is the least sure; all are valid probabilities.
    expect(Math.min(...confidence)).toBe(confidence[3]);
    for (const c of confidence) expect(c).toBeGreaterThan(1 / 3);
    for (const c of confidence) expect(c).toBeLessThanOrEqual(1);
  });

  it('has rows that sum to one, sharper at a lower temperature', () => {
    const soft = textProbabilities(images, texts, 3, 1);
    const sharp = textProbabilities(images, texts, 3, 0.01);
    for (let i = 0; i < 5; i++) expect(soft[i * 3] + soft[i * 3 + 1] + soft[i * 3 + 2]).toBeCloseTo(1, 5);
    expect(sharp[0]).toBeGreaterThan(soft[0]);
    expect(sharp[0]).toBeGreaterThan(0.999);
  });

  it('keeps the most confident share of every pseudo-class, at least one each', () => {
    const pl = textPseudoLabels(images, texts, 3, 0.1);
    const keep = confidentPerClass(pl, 3, 0.5);
    // Class 0 has images 0, 3, 4: round(1.5) = 2 kept, the ambiguous image 3 dropped.
    expect([...keep]).toEqual([1, 1, 1, 0, 1]);
    expect(() => confidentPerClass(pl, 3, 0)).toThrow(/share/);
  });

  it('retrieves a text counterpart: the nearest text at a low temperature, a blend at a high one', () => {
    const hard = softRetrieval(images, texts, 3, 0.005);
    expect(Array.from(hard.slice(0, 3)).map((v) => Math.round(v * 1000) / 1000)).toEqual([1, 0, 0]);
    expect(Array.from(hard.slice(6, 9)).map((v) => Math.round(v * 1000) / 1000)).toEqual([0, 0, 1]);
    const blend = softRetrieval(images, texts, 3, 10);
    // Nearly uniform weights: every coordinate near 1/3.
    for (const v of blend.slice(0, 3)) expect(v).toBeGreaterThan(0.3);
    expect(() => softRetrieval(images, new Float32Array(0), 3, 0.1)).toThrow(/no texts/);
  });
});
