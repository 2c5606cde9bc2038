import { describe, expect, it } from 'vitest';
import { defaultSettings, parseConfig, serializeConfig, toRunConfig, type Settings } from './params';
import { FAKE_CATALOG as C } from './testCatalog';

describe('parseConfig / serializeConfig', () => {
  it('an empty hash gives the defaults: MNIST-10k, DEC, no errors', () => {
    const { config, errors } = parseConfig('', C);
    expect(errors).toEqual([]);
    expect(config).toEqual(defaultSettings(C));
    expect(config.dataset).toBe('mnist-10k');
    expect(config.method).toBe('dec');
    expect(config.k).toBeNull();
    expect(config.sampleSize).toBe(5000);
    expect(serializeConfig(config, C)).toBe('');
  });

  it('carries class names (comma-separated, trimmed) in the link, and the run config gets them', () => {
    const { config, errors } = parseConfig('classes=zero%2C%20one%20%2C%2C%20two', C);
    expect(errors).toEqual([]);
    expect(config.classNames).toEqual(['zero', 'one', 'two']);
    expect(serializeConfig(config, C)).toBe('classes=zero%2C%20one%2C%20two');
    expect(toRunConfig(config).classNames).toEqual(['zero', 'one', 'two']);
    expect(parseConfig('classes=%20%2C', C).config.classNames).toBeUndefined();
  });

  it('round-trips every kind of value, and only non-defaults are written', () => {
    const s: Settings = {
      ...defaultSettings(C),
      dataset: 'blobs',
      seed: 42,
      backend: 'wasm',
      budget: 'paper',
      k: 7,
      retention: 0.3,
      sampleSize: 2000,
      snapshotEveryMs: 250,
      projection: 'pca',
      params: { alpha: 0.5, lr: 3e-8, encoder: 'cnn', idec: true, pretrainEpochs: 0 },
    };
    const hash = serializeConfig(s, C);
    expect(hash).not.toContain('method=');
    const back = parseConfig(`#${hash}`, C);
    expect(back.errors).toEqual([]);
    expect(back.config).toEqual(s);
  });

  it('round-trips the projection settings; an empty t-SNE learning rate means auto', () => {
    const s: Settings = { ...defaultSettings(C), projection: 'tsne', umapNeighbors: 30, umapMinDist: 0.5, tsnePerplexity: 12.5, tsneLearningRate: 200, tsneIterations: 500 };
    const hash = serializeConfig(s, C);
    expect(hash).toBe('projection=tsne&umapNeighbors=30&umapMinDist=0.5&tsnePerplexity=12.5&tsneLearningRate=200&tsneIterations=500');
    expect(parseConfig(hash, C).config).toEqual(s);
    expect(parseConfig('tsneLearningRate=', C).config.tsneLearningRate).toBeNull();
    expect(parseConfig('tsnePerplexity=1', C).errors[0]).toMatch(/t-SNE perplexity: 1 is below the minimum 2/);
    expect(Object.keys(toRunConfig(s)).filter((k) => /umap|tsne|projection/.test(k))).toEqual([]);
  });

  it('writes method params in the order the method declares them', () => {
    const a = serializeConfig({ ...defaultSettings(C), params: { idec: true, alpha: 2 } }, C);
    const b = serializeConfig({ ...defaultSettings(C), params: { alpha: 2, idec: true } }, C);
    expect(a).toBe('alpha=2&idec=true');
    expect(b).toBe(a);
  });

  it('round-trips random settings', () => {
    for (let i = 0; i < 50; i++) {
      const s: Settings = {
        ...defaultSettings(C),
        seed: (i * 7919) % 100000,
        k: i % 3 === 0 ? null : 2 + (i % 20),
        sampleSize: 100 + i * 37,
        params: i % 2 ? { alpha: 0.01 + i / 7, idec: i % 4 === 1 } : {},
      };
      expect(parseConfig(serializeConfig(s, C), C).config).toEqual(s);
    }
  });
});

describe('bad links fall back field by field, with a message naming the problem', () => {
  const cases: [string, keyof Settings | string, RegExp][] = [
    ['method=nope', 'method', /Method: unknown value 'nope'/],
    ['dataset=cifar', 'dataset', /Dataset: unknown value 'cifar'/],
    ['seed=abc', 'seed', /Seed: 'abc' is not an integer/],
    ['seed=-1', 'seed', /below the minimum/],
    ['k=1', 'k', /Clusters \(k\): 1 is below the minimum 2/],
    ['sampleSize=1e9', 'sampleSize', /not an integer/],
    ['backend=metal', 'backend', /Backend: unknown value 'metal'/],
    ['alpha=1000', 'alpha', /Alpha: 1000 is above the maximum 100/],
    ['alpha=NaN', 'alpha', /Alpha: 'NaN' is not a number/],
    ['idec=maybe', 'idec', /IDEC: 'maybe' is not true or false/],
    ['encoder=resnet', 'encoder', /Encoder: unknown value 'resnet'/],
    ['bogus=1', 'bogus', /Unknown parameter 'bogus' for DEC/],
  ];
  for (const [hash, field, message] of cases) {
    it(`#${hash}`, () => {
      const { config, errors } = parseConfig(`#${hash}&budget=paper`, C);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(message);
      const defaults = defaultSettings(C) as unknown as Record<string, unknown>;
      const got = config as unknown as Record<string, unknown>;
      if (field in defaults) expect(got[field]).toEqual(defaults[field]);
      else expect(config.params[field]).toBeUndefined();
      // The valid part of the link still applies.
      expect(config.budget).toBe('paper');
    });
  }

  it("a param of another method is reported, since it would be silently dropped", () => {
    const { config, errors } = parseConfig('#method=kmeans&alpha=2&restarts=3', C);
    expect(config.method).toBe('kmeans');
    expect(config.params).toEqual({ restarts: 3 });
    expect(errors).toEqual([expect.stringMatching(/Unknown parameter 'alpha' for k-means/)]);
  });

  it('survives garbage without throwing', () => {
    for (const h of ['#%E0%A4%A', '#&&&', '#=', '#seed', '#k=', '#a=b=c', '#%']) {
      const { config } = parseConfig(h, C);
      expect(config.method).toBe('dec');
    }
    expect(parseConfig('#k=', C).config.k).toBeNull();
    expect(parseConfig('#%E0%A4%A', C).errors[0]).toMatch(/could not decode/);
  });
});

describe('toRunConfig', () => {
  it('drops the UI-only projection and copies params', () => {
    const s = { ...defaultSettings(C), params: { alpha: 2 } };
    const r = toRunConfig(s);
    expect('projection' in r).toBe(false);
    expect(r.params).toEqual({ alpha: 2 });
    expect(r.params).not.toBe(s.params);
  });
});
