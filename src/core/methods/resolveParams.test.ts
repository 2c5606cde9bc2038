import { describe, expect, it } from 'vitest';
import { resolveParams } from './resolveParams';
import type { Method } from './types';

const method: Method = {
  id: 'toy',
  name: 'Toy',
  family: 'baseline',
  paper: '-',
  summary: '-',
  card: { equation: '-', steps: ['-', '-', '-'], failureMode: '-' },
  params: [
    { key: 'epochs', label: 'Epochs', help: '-', kind: 'int', default: 200, min: 0, max: 1000 },
    { key: 'lr', label: 'LR', help: '-', kind: 'float', default: 0.01, min: 1e-5, max: 1 },
    { key: 'arch', label: 'Arch', help: '-', kind: 'enum', default: 'paper', options: ['paper', 'small'] },
    { key: 'flag', label: 'Flag', help: '-', kind: 'bool', default: false },
  ],
  presets: { quick: { epochs: 20, arch: 'small' } },
  create: () => {
    throw new Error('not used');
  },
};

describe('resolveParams', () => {
  it('layers defaults ← preset ← overrides', () => {
    expect(resolveParams(method, 'paper', {})).toEqual({ params: { epochs: 200, lr: 0.01, arch: 'paper', flag: false }, errors: [] });
    expect(resolveParams(method, 'quick', {}).params).toEqual({ epochs: 20, lr: 0.01, arch: 'small', flag: false });
    expect(resolveParams(method, 'quick', { epochs: 7, flag: true }).params).toMatchObject({ epochs: 7, arch: 'small', flag: true });
  });

  it('rejects each bad override with a message naming key, value and what is allowed, and uses the default', () => {
    const cases: [string, number | string | boolean, RegExp][] = [
      ['epochs', 2000, /epochs.*\[0, 1000\].*2000/],
      ['epochs', 2.5, /epochs.*integer.*2\.5/],
      ['lr', 'fast', /lr.*number.*"fast"/],
      ['lr', Number.NaN, /lr.*number/],
      ['arch', 'huge', /arch.*paper, small.*"huge"/],
      ['flag', 1, /flag.*true or false.*1/],
    ];
    for (const [key, value, pattern] of cases) {
      const { params, errors } = resolveParams(method, 'quick', { [key]: value });
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(pattern);
      expect(params[key]).toEqual(method.params.find((p) => p.key === key)!.default);
    }
  });

  it('reports unknown keys and does not add them', () => {
    const { params, errors } = resolveParams(method, 'paper', { epoch: 3 });
    expect(errors[0]).toMatch(/no parameter epoch/);
    expect('epoch' in params).toBe(false);
  });

  it('accepts boundary values', () => {
    expect(resolveParams(method, 'paper', { epochs: 0, lr: 1 }).errors).toEqual([]);
  });
});
