/**
 * Server-rendered smoke tests of the gallery rows, the point detail card and the exports'
 * availability. (Server rendering reads a store's initial state, so the store-connected shells
 * are covered by the e2e tests; these check what the views draw from given data.)
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FINAL_ALL, fixtureReady, fixtureSnapshot } from '../../state/exports/testFixtures';
import { IDLE_RUN, type RunState } from '../../state/run';
import { exportAvailability } from '../export/exportJobs';
import { GalleryBody } from './ClusterGallery';
import { PointDetailCard } from './PointDetail';

describe('GalleryBody', () => {
  it('draws one row per cluster with its thumbnails, majority label and flags', () => {
    const n = 30;
    const assignment = Int32Array.from({ length: n }, (_, i) => (i < 24 ? 0 : 1));
    const confidence = Float32Array.from({ length: n }, (_, i) => 1 - i / 100);
    const labels = Int32Array.from({ length: n }, (_, i) => (i < 18 ? 1 : 0));
    const ready = fixtureReady({ indices: Int32Array.from({ length: n }, (_, i) => i), labels, pixels: new Uint8Array(n * 4), k: 3 });
    const html = renderToStaticMarkup(createElement(GalleryBody, { ready, assignment, confidence }));
    for (const c of [0, 1, 2]) expect(html).toContain(`data-testid="gallery-cluster-${c}"`);
    expect(html).toContain('Cluster 0 — 24 points');
    expect(html).toMatch(/mostly <b>one, &quot;uno&quot;<\/b> \(75%\)/);
    expect(html.match(/data-testid="gallery-thumb"/g)).toHaveLength(20 + 6);
    const flagged = [...html.matchAll(/title="([^"]*)"[^>]*data-testid="gallery-thumb" data-index="(\d+)" data-flagged="true"/g)];
    expect(flagged.map((m) => Number(m[2]))).toEqual([20, 21, 22, 23]);
    expect(flagged[3][1]).toBe('least confident: 0.77');
    expect(html).toContain('No sample point is in this cluster.');
  });
});

describe('PointDetailCard', () => {
  it('shows the point with its neighbours in embedding order', () => {
    const html = renderToStaticMarkup(createElement(PointDetailCard, { ready: fixtureReady(), index: 0, snapshot: fixtureSnapshot(), paths: null }));
    expect(html).toContain('data-testid="point-detail"');
    expect(html).toMatch(/data-testid="point-detail-file">toy#4</);
    expect(html).toMatch(/data-testid="point-detail-cluster">.*2<\/dd>/);
    expect(html).toMatch(/data-testid="point-detail-confidence">0.900</);
    expect(html).toMatch(/data-testid="point-detail-label">zéro</);
    // Embedding (0,0), (1,0), (5,5): from point 0 the nearest are 1 (d = 1) then 2 (d ≈ 7.07).
    const order = [...html.matchAll(/data-testid="point-neighbour" data-index="(\d+)"/g)].map((m) => Number(m[1]));
    expect(order).toEqual([1, 2]);
    expect(html).toContain('>7.07<');
  });

  it('names the point by its source path when there is one', () => {
    const paths = ['a.png', 'b.png', 'c.png', 'd.png', 'dir/cat, 1.png', 'f.png'];
    const html = renderToStaticMarkup(createElement(PointDetailCard, { ready: fixtureReady(), index: 0, snapshot: fixtureSnapshot(), paths }));
    expect(html).toMatch(/data-testid="point-detail-name">dir\/cat, 1.png</);
  });
});

describe('exportAvailability', () => {
  const state = (run: Partial<RunState>): RunState => ({ ...IDLE_RUN, ready: fixtureReady(), snapshot: fixtureSnapshot(), ...run });
  const frame = { frameId: 1, step: 42, method: 'pca' as const, coords: new Float32Array(6), n: 3 };

  it('needs clusters for everything, pixels for the images and a frame for the plots', () => {
    expect(exportAvailability(IDLE_RUN)).toEqual({ csv: false, zip: false, json: false, png: false, svg: false });
    expect(exportAvailability(state({ snapshot: fixtureSnapshot({ assignment: null }) })).csv).toBe(false);
    expect(exportAvailability(state({ snapshot: fixtureSnapshot({ all: FINAL_ALL }) }))).toEqual({ csv: true, zip: true, json: true, png: false, svg: false });
    expect(exportAvailability(state({ frame, ready: fixtureReady({ pixels: null }) }))).toEqual({ csv: true, zip: false, json: true, png: true, svg: true });
  });
});
