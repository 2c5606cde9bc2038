// Every family card's equation is valid TeX for KaTeX (the card renders with throwOnError off, so
// a mistake would show as red text in the lecture rather than fail; this catches it first).
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../core/methods/families';

describe('family equations', () => {
  for (const f of FAMILIES) {
    it(`${f.id}: renders as MathML`, () => {
      const html = katex.renderToString(f.tex, { throwOnError: true, output: 'htmlAndMathml', displayMode: true });
      expect(html).toContain('<math');
      expect(html).not.toContain('katex-error');
      expect(f.strengths.length).toBeGreaterThan(0);
      expect(f.failureModes.length).toBeGreaterThan(0);
    });
  }

  it('rejects TeX it cannot render (the check can fail)', () => {
    expect(() => katex.renderToString(String.raw`\frac{1}{`, { throwOnError: true })).toThrow();
  });
});
