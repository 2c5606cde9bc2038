import { describe, expect, it } from 'vitest';
import { colorFromHash, withColor } from './colorLink';

describe('the colouring in the link', () => {
  it('round-trips every mode; the default stays out of the link', () => {
    for (const mode of ['label', 'confidence', 'correct', 'disagree'] as const) {
      const hash = withColor('seed=2', mode);
      expect(hash).toBe(`seed=2&color=${mode}`);
      expect(colorFromHash(`#${hash}`)).toEqual({ colorBy: mode, rest: 'seed=2', error: null });
    }
    expect(withColor('seed=2', 'cluster')).toBe('seed=2');
    expect(withColor('', 'label')).toBe('color=label');
    expect(colorFromHash('seed=2')).toEqual({ colorBy: 'cluster', rest: 'seed=2', error: null });
  });

  it('falls back to clusters with a message on an unknown mode', () => {
    const r = colorFromHash('color=rainbow&seed=1');
    expect(r.colorBy).toBe('cluster');
    expect(r.rest).toBe('seed=1');
    expect(r.error).toMatch(/rainbow/);
  });
});
