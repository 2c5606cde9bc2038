import { describe, expect, it } from 'vitest';
import { CATALOG } from './catalog';
import { controlDefs } from './controls';
import { defaultSettings, globalSpecs, parseConfig, serializeConfig } from './params';

describe('the real catalog', () => {
  it('opens on MNIST-10k with DEC', () => {
    const s = defaultSettings(CATALOG);
    expect(s.dataset).toBe('mnist-10k');
    expect(s.method).toBe('dec');
  });

  it('offers full MNIST and the synthetic sets in the dataset control', () => {
    const dataset = controlDefs(defaultSettings(CATALOG), CATALOG).global.find((d) => d.key === 'dataset');
    expect(dataset?.options?.map((o) => o.value)).toEqual(expect.arrayContaining(['mnist-10k', 'mnist', 'blobs', 'moons', 'circles']));
  });

  for (const method of CATALOG.methods) {
    it(`${method.id}: every ParamSpec yields a control with an effective value`, () => {
      const s = { ...defaultSettings(CATALOG), method: method.id };
      const defs = controlDefs(s, CATALOG).method;
      expect(defs.map((d) => d.key)).toEqual(method.params.map((p) => p.key));
      for (const d of defs) expect(d.placeholder).not.toBe('undefined');
    });

    it(`${method.id}: no parameter key collides with a global one (the link would be ambiguous)`, () => {
      const globals = new Set<string>(globalSpecs(CATALOG).map((g) => g.key));
      for (const p of method.params) expect(globals.has(p.key)).toBe(false);
    });

    it(`${method.id}: overriding every parameter with its default round-trips through the link`, () => {
      const params = Object.fromEntries(method.params.map((p) => [p.key, p.default]));
      const s = { ...defaultSettings(CATALOG), method: method.id, params };
      const back = parseConfig(serializeConfig(s, CATALOG), CATALOG);
      expect(back.errors).toEqual([]);
      expect(back.config).toEqual(s);
    });
  }
});
