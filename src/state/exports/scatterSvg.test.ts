import { describe, expect, it } from 'vitest';
import { buildScatterSvg, escapeXml, PLOT_SIZE } from './scatterSvg';
import { noPause } from './testFixtures';

/**
 * A small well-formedness check (node has no DOMParser): every tag closes in order, attributes
 * are quoted, and text holds no raw '<' or unescaped '&'.
 */
function assertWellFormedXml(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while ((m = token.exec(body))) {
    at = token.lastIndex;
    const [, close, name, , selfClose, text] = m;
    if (text !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(text)) throw new Error(`bare & in text: ${text}`);
      continue;
    }
    if (close) {
      if (stack.pop() !== name) throw new Error(`mismatched </${name}>`);
    } else if (!selfClose) stack.push(name);
  }
  if (at !== body.length) throw new Error(`not XML near: ${body.slice(at, at + 40)}`);
  if (stack.length) throw new Error(`unclosed <${stack.join('>, <')}>`);
}

describe('buildScatterSvg', () => {
  const coords = Float32Array.from([0, 0, 10, 5, 5, 10, 2, 2, NaN, 1]);

  it('draws one circle per finite point inside the plot square, coloured by slot, plus a legend', async () => {
    const svg = await buildScatterSvg(
      {
        coords,
        slots: Int32Array.from([0, 1, 1, -1, 0]),
        colors: ['#111111', '#222222'],
        unassigned: '#999999',
        legend: [
          { label: 'cluster 0 ≈ <cat> & "dog"', color: '#111111', count: 2 },
          { label: 'cluster 1', color: '#222222', count: 2 },
        ],
        title: 'Toy & co',
      },
      { pause: noPause },
    );
    assertWellFormedXml(svg);
    const points = svg.match(/<circle cx="[\d.]+" cy="[\d.]+" r="[\d.]+"\/>/g) ?? [];
    expect(points).toHaveLength(4); // the NaN point is left out
    for (const p of points) {
      const [, cx, cy] = /cx="([\d.]+)" cy="([\d.]+)"/.exec(p)!;
      expect(Number(cx)).toBeGreaterThanOrEqual(0);
      expect(Number(cx)).toBeLessThanOrEqual(PLOT_SIZE);
      expect(Number(cy)).toBeGreaterThanOrEqual(0);
      expect(Number(cy)).toBeLessThanOrEqual(PLOT_SIZE);
    }
    // y grows upwards: the point at y = 10 is near the top.
    expect(svg).toMatch(/<g fill="#222222"[^>]*>\n<circle cx="[\d.]+" cy="[\d.]+"[^\n]*\n<circle cx="[\d.]+" cy="16.0"/);
    expect(svg).toContain('<g fill="#999999"');
    expect(svg).toContain('cluster 0 ≈ &lt;cat&gt; &amp; &quot;dog&quot; (2)');
    expect(svg).toContain('<title>Toy &amp; co</title>');
  });

  it('scales thousands of points and stays well-formed', async () => {
    const n = 3000;
    const many = Float32Array.from({ length: 2 * n }, (_, i) => Math.sin(i) * 100);
    const svg = await buildScatterSvg({ coords: many, slots: null, colors: [], unassigned: '#999', legend: [], title: 't' }, { pause: noPause });
    assertWellFormedXml(svg);
    expect(svg.match(/<circle /g)).toHaveLength(n);
  });

  it('escapes XML specials', () => {
    expect(escapeXml(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
  });
});
