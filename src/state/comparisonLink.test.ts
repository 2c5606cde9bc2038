import { describe, expect, it } from 'vitest';
import { parseComparison, serializeComparison } from './comparisonLink';
import { defaultSettings, parseConfig, sharedOf, specOf, type RunSpec } from './params';
import { FAKE_CATALOG as C } from './testCatalog';

const spec = (over: Partial<RunSpec> = {}): RunSpec => ({ method: 'dec', budget: 'quick', k: null, params: {}, ...over });

describe('comparison links', () => {
  it('a one-run link reads and writes as a plain settings link', () => {
    const hash = 'dataset=blobs&seed=3&alpha=2';
    const parsed = parseComparison(hash, C);
    expect(parsed.errors).toEqual([]);
    expect(parsed.specs).toHaveLength(1);
    const plain = parseConfig(hash, C).config;
    expect(parsed.shared).toEqual(sharedOf(plain));
    expect(parsed.specs[0]).toEqual(specOf(plain));
    expect(serializeComparison(parsed.shared, parsed.specs, C)).toBe(hash);
  });

  it('round-trips several runs, each with its own method, budget, k and parameters', () => {
    const shared = { ...sharedOf(defaultSettings(C)), dataset: 'blobs', seed: 9 };
    const specs = [
      spec({ params: { alpha: 2 } }),
      spec({ method: 'kmeans', params: { restarts: 3 } }),
      spec(), // DEC with every default: still written (the method makes the run)
      spec({ budget: 'paper', k: 7, params: { encoder: 'cnn' } }),
    ];
    const hash = serializeComparison(shared, specs, C);
    expect(hash).toBe('dataset=blobs&seed=9&alpha=2&r2.method=kmeans&r2.restarts=3&r3.method=dec&r4.method=dec&r4.budget=paper&r4.k=7&r4.encoder=cnn');
    const back = parseComparison(hash, C);
    expect(back.errors).toEqual([]);
    expect(back.shared).toEqual(shared);
    expect(back.specs).toEqual(specs);
  });

  it('reports what it ignores, naming the run, and keeps the rest', () => {
    const parsed = parseComparison('seed=2&r2.method=kmeans&r2.seed=5&r2.alpha=1&r3.method=nope&r9.method=dec', C);
    expect(parsed.shared.seed).toBe(2);
    expect(parsed.specs.map((s) => s.method)).toEqual(['dec', 'kmeans', 'dec']);
    expect(parsed.errors.join('\n')).toMatch(/r2\.seed.*shared by every run/);
    expect(parsed.errors.join('\n')).toMatch(/Run 2: Unknown parameter 'alpha' for k-means/);
    expect(parsed.errors.join('\n')).toMatch(/Run 3: Method: unknown value 'nope'/);
    expect(parsed.errors.join('\n')).toMatch(/r9\.method.*at most 4 runs/);
  });

  it('orders runs by their number, whatever the order in the link', () => {
    const parsed = parseComparison('r3.method=dec&r3.alpha=3&r2.method=kmeans', C);
    expect(parsed.specs.map((s) => s.method)).toEqual(['dec', 'kmeans', 'dec']);
    expect(parsed.specs[2].params).toEqual({ alpha: 3 });
  });
});
