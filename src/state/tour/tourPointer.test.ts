import { describe, expect, it } from 'vitest';
import { METHODS } from '../../core/methods';
import { biggestChange, tourPointer, type TourResult } from './tourPointer';
import { tourSteps, type TourStep } from './tourSteps';

const steps = tourSteps(METHODS);
const step = (id: string): TourStep => steps.find((s) => s.id === id)!;
const digits = [0, 1, 2, 3];

function result(method: string, name: string, family: string, acc: number | null, recall: number[] | null = null, state: TourResult['state'] = 'done'): TourResult {
  return { method, name, family, state, acc, recall: recall ? { classes: digits, recall } : null };
}

const pixels = result('kmeans', 'k-means on pixels', 'Baseline', 0.5334, [0.9, 0.3, 0.6, 0.5]);
const start = result('ae-kmeans', 'AE + k-means', 'Baseline', 0.7141, [0.9, 0.8, 0.6, 0.58]);
const dec = result('dec', 'DEC', 'Pseudo-labelling', 0.7583, [0.92, 0.8, 0.61, 0.81]);
const dcn = result('dcn', 'DCN', 'Structure prior', 0.7069, [0.9, 0.79, 0.6, 0.57]);
const vade = result('vade', 'VaDE', 'Distribution prior', 0.741, [0.9, 0.8, 0.7, 0.6]);

describe('tourPointer', () => {
  it('names the metric that moved, from the results, against the shared start', () => {
    const p = tourPointer(step('dec'), steps, { 'ae-kmeans': start, dec });
    expect(p.text).toContain('DEC lifted ACC from 0.714 to 0.758 over AE + k-means.');
    expect(p).toMatchObject({ metric: 'ACC', final: true });
  });

  it('names the digit whose cluster changed most', () => {
    const p = tourPointer(step('dec'), steps, { 'ae-kmeans': start, dec });
    expect(p.cluster).toBe(3);
    expect(p.text).toContain('The cluster of digit 3 changed most: 58 % → 81 % of its points in one cluster.');
  });

  it('says when a prior lowered ACC, or kept it', () => {
    expect(tourPointer(step('dcn'), steps, { 'ae-kmeans': start, dcn }).text).toContain('DCN lowered ACC from 0.714 to 0.707 over AE + k-means.');
    const same = result('dcn', 'DCN', 'Structure prior', 0.716, [0.9, 0.8, 0.6, 0.58]);
    const p = tourPointer(step('dcn'), steps, { 'ae-kmeans': start, dcn: same });
    expect(p.text).toContain('kept ACC about the same (0.714 → 0.716)');
    expect(p.text).toContain('No digit’s cluster moved');
    expect(p.cluster).toBeNull();
  });

  it('quotes the first step alone, with its weakest digit', () => {
    const p = tourPointer(step('kmeans'), steps, { kmeans: pixels });
    expect(p.text).toBe('k-means on pixels reaches ACC 0.533. Its weakest digit is 1: only 30 % of its points share one cluster.');
    expect(p).toMatchObject({ metric: 'ACC', cluster: 1, final: true });
  });

  it('is not final while the run or its reference still trains', () => {
    const training = { ...dec, state: 'training' as const };
    const p = tourPointer(step('dec'), steps, { 'ae-kmeans': start, dec: training });
    expect(p.text).toBe('DEC is training: ACC 0.758 so far (AE + k-means: 0.714).');
    expect(p.final).toBe(false);
    const waiting = tourPointer(step('dec'), steps, { 'ae-kmeans': { ...start, acc: null, state: 'training' }, dec });
    expect(waiting.text).toContain('AE + k-means is still training');
    expect(waiting.final).toBe(false);
    expect(tourPointer(step('dec'), steps, { dec: { ...dec, acc: null, state: 'training' } })).toMatchObject({ metric: null, final: false });
  });

  it('says when a run failed', () => {
    expect(tourPointer(step('vade'), steps, { vade: { ...vade, state: 'failed' } }).text).toBe('VaDE failed: its run card says why.');
  });

  it('ends on the lesson: the prior that lifted ACC most over the shared start, and why', () => {
    const p = tourPointer(step('lesson'), steps, { kmeans: pixels, 'ae-kmeans': start, dec, dcn, vade });
    expect(p.text).toContain('Learning features lifted ACC from 0.533 (k-means on pixels) to 0.714 (AE + k-means).');
    expect(p.text).toContain('the pseudo-labelling prior lifted it most: DEC 0.758 (+0.044), because');
    expect(p.text).toContain('ACC, best first: DEC 0.758 · VaDE 0.741 · AE + k-means 0.714 · DCN 0.707 · k-means on pixels 0.533.');
    expect(p).toMatchObject({ metric: 'ACC', final: true });
  });

  it('names another prior when it wins', () => {
    const strong = { ...vade, acc: 0.8 };
    expect(tourPointer(step('lesson'), steps, { 'ae-kmeans': start, dec, vade: strong }).text).toContain('the distribution prior lifted it most: VaDE 0.800');
  });

  it('says so when no prior beat the shared start', () => {
    const p = tourPointer(step('lesson'), steps, { 'ae-kmeans': start, dcn });
    expect(p.text).toContain('No prior beat AE + k-means here (best: DCN 0.707)');
  });

  it('marks the lesson as provisional while a run trains', () => {
    const p = tourPointer(step('lesson'), steps, { 'ae-kmeans': start, dec, vade: { ...vade, state: 'training' } });
    expect(p.text).toContain('Still training (numbers so far): VaDE.');
    expect(p.final).toBe(false);
  });
});

describe('biggestChange', () => {
  it('ignores moves under five points', () => {
    expect(biggestChange({ classes: [0, 1], recall: [0.5, 0.54] }, { classes: [0, 1], recall: [0.5, 0.5] })).toBeNull();
    expect(biggestChange({ classes: [0, 1], recall: [0.2, 0.54] }, { classes: [0, 1], recall: [0.5, 0.5] })).toEqual({ digit: 0, from: 0.5, to: 0.2 });
  });
});
