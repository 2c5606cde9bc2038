/** The projectors, listed explicitly (no registration by import side effect). */
import { PcaProjector } from './pca';
import { TsneProjector } from './tsne';
import type { Projector } from './types';
import { UmapProjector } from './umap';

export type ProjectorName = 'umap' | 'tsne' | 'pca';

/** What a projection may show: the learned embedding, the raw input sample, the soft assignments. */
export type ProjectionView = 'embedding' | 'input' | 'assignment';

/** User-settable projection parameters (params.ts rows; the URL carries them). */
export interface ProjectionParams {
  /** UMAP neighbourhood size, counting the point itself. */
  umapNeighbors: number;
  umapMinDist: number;
  tsnePerplexity: number;
  /** null = 'auto': max(n / 12 / 4, 50), as scikit-learn. */
  tsneLearningRate: number | null;
  /** Iterations of a cold t-SNE frame (a warm frame runs a quarter of them). */
  tsneIterations: number;
}

export const DEFAULT_PROJECTION_PARAMS: Readonly<ProjectionParams> = {
  umapNeighbors: 15,
  umapMinDist: 0.1,
  tsnePerplexity: 30,
  tsneLearningRate: null,
  tsneIterations: 1000,
};

export function createProjector(method: ProjectorName, seed: number, params: Partial<ProjectionParams> = {}): Projector {
  const p = { ...DEFAULT_PROJECTION_PARAMS, ...params };
  switch (method) {
    case 'umap':
      return new UmapProjector({ seed, nNeighbors: p.umapNeighbors, minDist: p.umapMinDist });
    case 'tsne':
      return new TsneProjector({ seed, perplexity: p.tsnePerplexity, learningRate: p.tsneLearningRate, iterations: p.tsneIterations });
    case 'pca':
      return new PcaProjector();
    default:
      throw new Error(`unknown projection method: ${String(method)}`);
  }
}

/** Same parameters for this method? (Only the ones the method reads count.) */
export function sameParams(method: ProjectorName, a: Partial<ProjectionParams>, b: Partial<ProjectionParams>): boolean {
  const x = { ...DEFAULT_PROJECTION_PARAMS, ...a };
  const y = { ...DEFAULT_PROJECTION_PARAMS, ...b };
  if (method === 'umap') return x.umapNeighbors === y.umapNeighbors && x.umapMinDist === y.umapMinDist;
  if (method === 'tsne') {
    return x.tsnePerplexity === y.tsnePerplexity && x.tsneLearningRate === y.tsneLearningRate && x.tsneIterations === y.tsneIterations;
  }
  return true;
}
