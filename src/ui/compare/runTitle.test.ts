import { describe, expect, it } from 'vitest';
import { FAKE_DEC } from '../../state/testCatalog';
import { comparisonTitles, runTitle, specChanges } from './runTitle';
import { FAKE_KMEANS } from '../../state/testCatalog';

const spec = { method: 'dec', budget: 'quick' as const, k: null, params: {} };

describe('run titles', () => {
  it('name the method, then what the run sets apart from the defaults', () => {
    expect(runTitle(spec, FAKE_DEC)).toBe('DEC');
    expect(runTitle({ ...spec, k: 20, params: { alpha: 2 } }, FAKE_DEC)).toBe('DEC · k 20, Alpha 2');
  });

  it('say what a duplicate changed, with the value it had', () => {
    expect(specChanges({ ...spec, params: { alpha: 2 } }, { ...spec, params: { alpha: 1 } }, FAKE_DEC, FAKE_DEC)).toEqual(['Alpha: 2 (was 1)']);
    expect(specChanges({ ...spec, params: {} }, { ...spec, params: { alpha: 1 } }, FAKE_DEC, FAKE_DEC)).toEqual(['Alpha: default (was 1)']);
    expect(specChanges(spec, spec, FAKE_DEC, FAKE_DEC)).toEqual([]);
    expect(specChanges({ ...spec, method: 'kmeans' }, spec, undefined, FAKE_DEC)).toEqual(['method: kmeans (was DEC)']);
  });

  it('in a comparison, name only what tells a run apart from another run of its method', () => {
    const find = (id: string) => (id === 'dec' ? FAKE_DEC : FAKE_KMEANS);
    const shared = { pretrainEpochs: 3 };
    const titles = comparisonTitles(
      [
        { ...spec, params: { ...shared, alpha: 1 } },
        { ...spec, params: { ...shared, alpha: 2 } },
        { ...spec, method: 'kmeans', params: { restarts: 4 } },
        { ...spec, params: { ...shared, alpha: 2 } },
      ],
      find,
    );
    expect(titles).toEqual(['DEC · Alpha 1', 'DEC · Alpha 2', 'k-means', 'DEC · Alpha 2']);
    expect(comparisonTitles([spec, spec], find)).toEqual(['DEC (run 1)', 'DEC (run 2)']);
  });
});
