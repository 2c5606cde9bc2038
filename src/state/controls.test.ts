import { describe, expect, it } from 'vitest';
import { applyControl, controlDefs } from './controls';
import { defaultSettings, globalSpecs } from './params';
import { FAKE_CATALOG as C, FAKE_DEC } from './testCatalog';

describe('controlDefs', () => {
  it('generates one control per global parameter and per ParamSpec of the method', () => {
    for (const method of C.methods) {
      const s = { ...defaultSettings(C), method: method.id };
      const { global, method: defs } = controlDefs(s, C);
      expect(global.map((d) => d.key)).toEqual(globalSpecs(C).map((g) => g.key));
      expect(defs.map((d) => d.key)).toEqual(method.params.map((p) => p.key));
      for (const [i, p] of method.params.entries()) {
        const d = defs[i];
        expect(d.kind).toBe(p.kind);
        expect(d.label).toBe(p.label);
        expect(d.help).toContain(p.help);
        expect(d.min).toBe(p.min);
        expect(d.max).toBe(p.max);
        if (p.kind === 'enum') expect(d.options?.map((o) => o.value)).toEqual(p.options);
      }
    }
  });

  it("shows the budget's effective value as placeholder, and the override as value", () => {
    const s = { ...defaultSettings(C), params: { alpha: 3 } };
    const byKey = new Map(controlDefs(s, C).method.map((d) => [d.key, d]));
    expect(byKey.get('pretrainEpochs')?.placeholder).toBe('5');
    expect(byKey.get('pretrainEpochs')?.value).toBeNull();
    expect(byKey.get('alpha')?.value).toBe(3);
    const paper = new Map(controlDefs({ ...s, budget: 'paper' }, C).method.map((d) => [d.key, d]));
    expect(paper.get('pretrainEpochs')?.placeholder).toBe('200');
  });

  it('k shows the dataset class count as placeholder', () => {
    const k = controlDefs({ ...defaultSettings(C), dataset: 'blobs' }, C).global.find((d) => d.key === 'k');
    expect(k?.placeholder).toMatch(/^5/);
    expect(k?.nullable).toBe(true);
  });
});

describe('applyControl', () => {
  const s0 = defaultSettings(C);

  it('sets and clears a method override', () => {
    const a = applyControl(s0, C, 'method', 'alpha', '2.5');
    expect(a.error).toBeNull();
    expect(a.settings.params).toEqual({ alpha: 2.5 });
    const b = applyControl(a.settings, C, 'method', 'alpha', '');
    expect(b.settings.params).toEqual({});
  });

  it('rejects invalid values and keeps the settings', () => {
    const r = applyControl(s0, C, 'method', 'alpha', '-4');
    expect(r.error).toMatch(/Alpha: -4 is below the minimum/);
    expect(r.settings).toBe(s0);
    expect(applyControl(s0, C, 'global', 'seed', '').error).toMatch(/required/);
    expect(applyControl(s0, C, 'global', 'sampleSize', '10').error).toMatch(/minimum 100/);
  });

  it('k may be emptied (null = number of classes)', () => {
    const a = applyControl(s0, C, 'global', 'k', '12');
    expect(a.settings.k).toBe(12);
    expect(applyControl(a.settings, C, 'global', 'k', '').settings.k).toBeNull();
  });

  it('changing the method drops the old overrides', () => {
    const a = applyControl({ ...s0, params: { alpha: 2 } }, C, 'global', 'method', 'kmeans');
    expect(a.settings.method).toBe('kmeans');
    expect(a.settings.params).toEqual({});
    expect(FAKE_DEC.params.length).toBeGreaterThan(0);
  });
});
