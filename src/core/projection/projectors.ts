/** The projectors, listed explicitly (no registration by import side effect). */
import { PcaProjector } from './pca';
import type { Projector } from './types';
import { UmapProjector } from './umap';

export type ProjectorName = 'umap' | 'pca';

export function createProjector(method: ProjectorName, seed: number): Projector {
  switch (method) {
    case 'umap':
      return new UmapProjector({ seed });
    case 'pca':
      return new PcaProjector();
    default:
      throw new Error(`unknown projection method: ${String(method)}`);
  }
}
