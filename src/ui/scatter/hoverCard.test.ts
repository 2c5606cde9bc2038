// The hover card says how many of a point's mined neighbours the plot shows, and why not all.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { fixtureReady } from '../../state/exports/testFixtures';
import { HoverCard } from './HoverCard';

const card = (neighbours: { positions: Int32Array; k: number } | null): string =>
  renderToStaticMarkup(createElement(HoverCard, { index: 0, left: 0, top: 0, ready: fixtureReady(), assignment: null, confidence: null, soft: null, neighbours }));

describe('HoverCard neighbours', () => {
  it('counts the shown neighbours of k and says where the others are', () => {
    expect(card({ positions: Int32Array.from([1, 2]), k: 3 })).toMatch(/2 of 3 neighbours shown.*the others are outside the plotted sample/);
    const all = card({ positions: Int32Array.from([1, 2, 3]), k: 3 });
    expect(all).toContain('3 of 3 neighbours shown');
    expect(all).not.toContain('outside the plotted sample');
    expect(card(null)).not.toContain('hover-neighbours');
  });
});
