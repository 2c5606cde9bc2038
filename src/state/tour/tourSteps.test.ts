import { describe, expect, it } from 'vitest';
import { METHODS } from '../../core/methods';
import type { ParamSpec } from '../../core/methods/types';
import { runToDrop, TOUR_ANCHOR, tourSpec, tourSteps } from './tourSteps';

describe('tourSteps', () => {
  it('tells the survey story with the methods registered here, ending on the lesson', () => {
    expect(tourSteps(METHODS).map((s) => s.id)).toEqual(['kmeans', 'ae-kmeans', 'dec', 'dcn', 'vade', 'imsat', 'scan', 'lesson']);
  });

  it('goes on to the augmentation and neighbourhood priors once their methods exist', () => {
    const withThem = [...METHODS, { id: 'imsat' }, { id: 'scan' }];
    expect(tourSteps(withThem).map((s) => s.id)).toEqual(['kmeans', 'ae-kmeans', 'dec', 'dcn', 'vade', 'imsat', 'scan', 'lesson']);
  });

  it('leaves out a step whose method is missing', () => {
    expect(tourSteps(METHODS.filter((m) => m.id !== 'dcn')).map((s) => s.id)).not.toContain('dcn');
  });
});

describe('runToDrop', () => {
  it('keeps the shared start and drops the oldest other run', () => {
    expect(runToDrop(['kmeans', TOUR_ANCHOR, 'dec', 'dcn'])).toBe('kmeans');
    expect(runToDrop([TOUR_ANCHOR, 'dec', 'dcn', 'vade'])).toBe('dec');
    expect(runToDrop([TOUR_ANCHOR])).toBeNull();
  });
});

describe('tourSpec', () => {
  const param = (key: string, label = key): ParamSpec => ({ key, label, help: '', kind: 'int', default: 1 });
  const dec = { id: 'dec', params: [param('arch'), param('pretrainEpochs'), param('maxIter', 'Max clustering steps')] };
  const dcn = { id: 'dcn', params: [param('arch'), param('pretrainEpochs'), param('clusterEpochs')] };
  const kmeans = { id: 'kmeans', params: [param('maxIter', 'Max iterations')] };
  const methods = [dec, dcn, kmeans];

  it('carries the first run’s budget, k and the parameters the method has too', () => {
    const carry = [{ method: 'dec', budget: 'paper' as const, k: 12, params: { arch: 'small', pretrainEpochs: 3, maxIter: 200 } }];
    expect(tourSpec(dcn, carry, methods)).toEqual({ method: 'dcn', budget: 'paper', k: 12, params: { arch: 'small', pretrainEpochs: 3 } });
  });

  it('does not carry a parameter that only shares the key (another meaning)', () => {
    const carry = [{ method: 'dec', budget: 'quick' as const, k: null, params: { maxIter: 200 } }];
    expect(tourSpec(kmeans, carry, methods).params).toEqual({});
  });

  it('keeps a run of the same method as it was', () => {
    const own = { method: 'dcn', budget: 'quick' as const, k: null, params: { clusterEpochs: 1 } };
    const carry = [{ method: 'dec', budget: 'quick' as const, k: null, params: { arch: 'small' } }, own];
    const spec = tourSpec(dcn, carry, methods);
    expect(spec).toEqual(own);
    expect(spec.params).not.toBe(own.params);
  });

  it("adds a step's short settings under the quick budget only, the carried ones winning", () => {
    const quick = [{ method: 'dec', budget: 'quick' as const, k: null, params: { arch: 'small', pretrainEpochs: 3 } }];
    expect(tourSpec(dcn, quick, methods, { clusterEpochs: 1, pretrainEpochs: 9 }).params).toEqual({ clusterEpochs: 1, arch: 'small', pretrainEpochs: 3 });
    const paper = [{ ...quick[0], budget: 'paper' as const }];
    expect(tourSpec(dcn, paper, methods, { clusterEpochs: 1 }).params).toEqual({ arch: 'small', pretrainEpochs: 3 });
  });

  it('starts from defaults with nothing to carry', () => {
    expect(tourSpec(dcn, [], methods)).toEqual({ method: 'dcn', budget: 'quick', k: null, params: {} });
  });
});
