import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createExternalKnowledge, createFeatureCache, type FeatureStore, type FeatureView } from './knowledge';
import type { AssetSource, FeatureExtractor, ImageRows } from './types';

/** An extractor that counts its calls: feature i of image r is r + i (so the rows can be checked). */
function countingExtractor(dim = 3, textEncoder = false): FeatureExtractor & { calls: number } {
  const e: FeatureExtractor & { calls: number } = {
    id: 'fake@1',
    name: 'Fake backbone',
    provenance: 'made up for a test',
    dim,
    calls: 0,
    async extract(images, report) {
      e.calls++;
      await new Promise((r) => setTimeout(r, 5));
      report(images.n, images.n, 'fake features');
      return Float32Array.from({ length: images.n * dim }, (_, j) => Math.floor(j / dim) + (j % dim));
    },
  };
  if (textEncoder) e.textEncoder = async () => ({ id: 'fake-text', embed: async (t) => new Float32Array(t.length * dim) });
  return e;
}

function images(n = 4): ImageRows {
  return { x: tf.zeros([n, 2 * 2 * 3]) as tf.Tensor2D, n, width: 2, height: 2, channels: 3 };
}

function memoryStore(): FeatureStore & { puts: number; map: Map<string, FeatureView> } {
  const map = new Map<string, FeatureView>();
  const s = {
    map,
    puts: 0,
    get: async (key: string) => map.get(key) ?? null,
    put: async (key: string, v: FeatureView) => {
      s.puts++;
      map.set(key, v);
    },
  };
  return s;
}

const bundled: AssetSource = { kind: 'bundled' };
const noReport = (): void => undefined;

describe('external knowledge', () => {
  it('computes a feature view once per dataset: a second run with the same cache does not recompute', async () => {
    const e = countingExtractor();
    const cache = createFeatureCache();
    const img = images();
    const make = (datasetKey: string) => createExternalKnowledge({ datasetKey, images: img, source: bundled, cache, extractors: (id) => (id === e.id ? e : undefined) });
    const a = await make('data-a').featureView(e.id, noReport);
    expect(a.dim).toBe(3);
    expect(Array.from(a.features.slice(3, 6))).toEqual([1, 2, 3]);
    const again = await make('data-a').featureView(e.id, noReport);
    expect(again.features).toBe(a.features);
    expect(e.calls).toBe(1);
    await make('data-b').featureView(e.id, noReport);
    expect(e.calls, 'another dataset key computes its own').toBe(2);
    img.x.dispose();
  });

  it('shares one computation between concurrent callers, and both see its progress', async () => {
    const e = countingExtractor();
    const img = images();
    const k = createExternalKnowledge({ datasetKey: 'd', images: img, source: bundled, extractors: () => e });
    const heard: string[] = [];
    const [a, b] = await Promise.all([k.featureView(e.id, () => heard.push('a')), k.featureView(e.id, () => heard.push('b'))]);
    expect(a.features).toBe(b.features);
    expect(e.calls).toBe(1);
    expect(heard.sort()).toEqual(['a', 'b']);
    img.x.dispose();
  });

  it('a caller whose report throws (its run stopped) stops waiting; the others get the view, computed once', async () => {
    const e = countingExtractor();
    const img = images();
    const cache = createFeatureCache();
    const k = createExternalKnowledge({ datasetKey: 'd', images: img, source: bundled, cache, extractors: () => e });
    const stopped = k.featureView(e.id, () => {
      throw new Error('the run was stopped');
    });
    const waiting = k.featureView(e.id, noReport);
    await expect(stopped).rejects.toThrow('the run was stopped');
    await expect(waiting).resolves.toMatchObject({ dim: 3 });
    await k.featureView(e.id, noReport);
    expect(e.calls).toBe(1);
    img.x.dispose();
  });

  it('keeps views in the persistent store: a fresh page (new memory cache) reads them back', async () => {
    const e = countingExtractor();
    const store = memoryStore();
    const img = images();
    const opts = { datasetKey: 'd', images: img, source: bundled, extractors: () => e };
    await createExternalKnowledge({ ...opts, cache: createFeatureCache(store) }).featureView(e.id, noReport);
    await new Promise((r) => setTimeout(r, 0));
    expect(store.puts).toBe(1);
    const reread = await createExternalKnowledge({ ...opts, cache: createFeatureCache(store) }).featureView(e.id, noReport);
    expect(e.calls).toBe(1);
    expect(reread.dim).toBe(3);
    // Another model source is the same key for an extractor whose features do not depend on it
    // (a bundled one) …
    const remote = { kind: 'remote', baseUrl: 'https://example.org/m/' } as const;
    await createExternalKnowledge({ ...opts, source: remote, cache: createFeatureCache(store) }).featureView(e.id, noReport);
    expect(e.calls).toBe(1);
    // … and another key for one whose features do (CLIP: which files).
    e.usesSource = true;
    await createExternalKnowledge({ ...opts, source: remote, cache: createFeatureCache(store) }).featureView(e.id, noReport);
    expect(e.calls).toBe(2);
    img.x.dispose();
  });

  it('a computation outlives its stopped run: the run’s data may be freed while another run waits on it', async () => {
    // An extractor that reads the pixels after a pause, as a real one does batch by batch.
    const e: FeatureExtractor = {
      id: 'reads-late@1',
      name: 'Late reader',
      provenance: 'test',
      dim: 1,
      async extract(images, report) {
        report(0, images.n, 'start');
        await new Promise((r) => setTimeout(r, 20));
        const sums = tf.sum(images.x, 1);
        const out = Float32Array.from((await sums.data()) as Float32Array);
        sums.dispose();
        return out;
      },
    };
    const cache = createFeatureCache();
    const before = tf.memory().numTensors;
    const first = images();
    const stopped = createExternalKnowledge({ datasetKey: 'd', images: first, source: bundled, cache, extractors: () => e }).featureView(e.id, () => {
      throw new Error('the run was stopped');
    });
    await expect(stopped).rejects.toThrow('stopped');
    first.x.dispose(); // the stopped run's data freed (the hub's last reference went)
    const second = images();
    const view = await createExternalKnowledge({ datasetKey: 'd', images: second, source: bundled, cache, extractors: () => e }).featureView(e.id, noReport);
    expect(Array.from(view.features)).toEqual([0, 0, 0, 0]);
    second.x.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a failing store only means nothing is kept', async () => {
    const e = countingExtractor();
    const broken: FeatureStore = { get: () => Promise.reject(new Error('no IndexedDB')), put: () => Promise.reject(new Error('disk full')) };
    const img = images();
    const view = await createExternalKnowledge({ datasetKey: 'd', images: img, source: bundled, cache: createFeatureCache(broken), extractors: () => e }).featureView(e.id, noReport);
    expect(view.features.length).toBe(12);
    img.x.dispose();
  });

  it('a failed extraction is not cached: the next call tries again', async () => {
    const e = countingExtractor();
    const real = e.extract.bind(e);
    e.extract = async (...args) => {
      if (e.calls === 0) {
        e.calls++;
        throw new Error('out of memory');
      }
      return real(...args);
    };
    const img = images();
    const k = createExternalKnowledge({ datasetKey: 'd', images: img, source: bundled, extractors: () => e });
    await expect(k.featureView(e.id, noReport)).rejects.toThrow('out of memory');
    await expect(k.featureView(e.id, noReport)).resolves.toMatchObject({ dim: 3 });
    img.x.dispose();
  });

  it('says clearly what is missing: an unknown extractor, data that are not images, no text encoder', async () => {
    const e = countingExtractor();
    const img = images();
    const k = createExternalKnowledge({ datasetKey: 'd', images: img, source: bundled, extractors: (id) => (id === e.id ? e : undefined), classNames: ['cat'] });
    await expect(k.featureView('nope', noReport)).rejects.toThrow("no feature extractor 'nope'");
    await expect(k.textEncoder!(e.id, noReport)).rejects.toThrow('has no text encoder');
    expect(k.classNames).toEqual(['cat']);
    const notImages = createExternalKnowledge({ datasetKey: 'd', images: null, source: bundled, extractors: () => e });
    await expect(notImages.featureView(e.id, noReport)).rejects.toThrow('not images');
    const withText = countingExtractor(3, true);
    const t = await createExternalKnowledge({ datasetKey: 'd', images: img, source: bundled, extractors: () => withText }).textEncoder!(withText.id, noReport);
    expect((await t.embed(['a', 'b'])).length).toBe(6);
    img.x.dispose();
  });
});
