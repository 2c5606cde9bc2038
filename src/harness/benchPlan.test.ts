import { describe, expect, it } from 'vitest';
import { benchPlan, cnnRoutes, selectBenches } from './benchPlan';

describe('bench plan', () => {
  it('selects benches by exact name or by prefix', () => {
    expect([...selectBenches('umap,tsne')]).toEqual(['umap-cold', 'umap-warm', 'tsne', 'tsne-warm']);
    expect([...selectBenches('scatter,tsne-warm')]).toEqual(['tsne-warm', 'scatter-redraw']);
    expect(selectBenches(null).size).toBe(9);
    expect([...selectBenches('train-cnn')]).toEqual(['train-cnn']);
  });

  it('skips slow sizes with a reason unless full, and keeps t-SNE at its 10,000-point target', () => {
    const plan = benchPlan('umap,tsne,pca', null, false);
    expect(plan.train).toBe(false);
    expect(plan.projection.map((j) => `${j.family}@${j.points}`)).toEqual([
      'pca@5000', 'pca@20000', 'pca@70000', 'umap@5000', 'umap@20000', 'tsne@5000', 'tsne@10000',
    ]);
    expect(plan.skipped.map((s) => `${s.bench}@${s.points}`)).toEqual([
      'umap-cold@70000', 'umap-warm@70000', 'tsne@20000', 'tsne-warm@20000', 'tsne@70000', 'tsne-warm@70000',
    ]);
    expect(benchPlan('tsne', [70000], true).projection).toEqual([{ family: 'tsne', points: 70000, want: ['tsne', 'tsne-warm'] }]);
  });

  it('times every convolution route that trains on WASM (the slow 3-D one only with --full), elsewhere the picked one', () => {
    expect(cnnRoutes('wasm', false)).toEqual({
      run: ['conv2d/dw-conv', 'conv2d/dw-slices', 'conv2d/dw-onehot', 'im2col-slices', 'im2col-onehot'],
      skipped: [{ route: 'conv3d', why: expect.stringContaining('--full') }],
    });
    expect(cnnRoutes('wasm', true).run).toContain('conv3d');
    expect(cnnRoutes('webgl', false)).toEqual({ run: ['conv2d'], skipped: [] });
  });
});
