// The IndexedDB feature store, on fake-indexeddb (Node has no IndexedDB): what a reload finds,
// which entries are evicted, and that a new worker's cache reads the store instead of computing.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createFeatureCache, type FeatureView } from '../external/knowledge';
import { indexedDbFeatureStore } from './featureStore';

const view = (seed: number, n = 6, dim = 4): FeatureView => ({ features: Float32Array.from({ length: n * dim }, (_, i) => seed + i / 10), dim });
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('indexedDbFeatureStore', () => {
  it('gives back what was put, and keeps only the four most recent views', async () => {
    for (let i = 0; i < 5; i++) {
      await indexedDbFeatureStore.put(`key ${i}`, view(i));
      await tick(2); // distinct timestamps: age decides which goes
    }
    expect(await indexedDbFeatureStore.get('key 0')).toBeNull();
    for (let i = 1; i < 5; i++) {
      const got = await indexedDbFeatureStore.get(`key ${i}`);
      expect(got?.dim).toBe(4);
      expect(Array.from(got!.features)).toEqual(Array.from(view(i).features));
    }
  });

  it('lets a fresh cache (a reloaded page) find features without computing them again', async () => {
    let computed = 0;
    const compute = async (): Promise<FeatureView> => {
      computed++;
      return view(42);
    };
    const first = await createFeatureCache(indexedDbFeatureStore).get('reload', compute, () => {});
    await tick(20); // the cache writes without making the run wait
    const again = await createFeatureCache(indexedDbFeatureStore).get('reload', compute, () => {});
    expect(computed).toBe(1);
    expect(Array.from(again.features)).toEqual(Array.from(first.features));
  });
});
