/** What a scatter shows, in words: "UMAP of the learned features", "PCA of the raw pixels". */
import type { Method } from '../../core/methods/types';

export const PROJECTION_NAMES: Record<string, string> = { umap: 'UMAP', pca: 'PCA', tsne: 't-SNE' };

export function projectionTitle(projection: string, method: Method | undefined, images: boolean): string {
  const name = PROJECTION_NAMES[projection] ?? projection;
  const what = method?.embedding === 'input' ? (images ? 'the raw pixels' : 'the raw features') : 'the learned features';
  return `${name} of ${what}`;
}
