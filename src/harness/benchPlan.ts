/**
 * Which benches `npm run bench` runs, from its options: `only` picks benches by name or prefix
 * ('umap' = umap-cold and umap-warm), `sizes` overrides the point counts, and sizes that would
 * take minutes are skipped (with a line saying so) unless `full` is set. Pure, so it is tested.
 */
import { convRoutesThatTrain, pickConvRoute, type ConvRoute } from '../core/nn/convRoutes';
import type { ProjectionBench } from './benchTypes';

export const ALL_BENCHES = ['train', 'train-cnn', 'pca', 'umap-cold', 'umap-warm', 'tsne', 'tsne-warm', 'scatter-redraw', 'longtask'] as const;
export type BenchName = (typeof ALL_BENCHES)[number];

export const DEFAULT_SIZES = [5000, 20_000, 70_000];
/** t-SNE's target is stated at 10,000 points, so that size is always among its defaults. */
const TSNE_DEFAULT_SIZES = [5000, 10_000, 20_000, 70_000];

/** Beyond these sizes a bench takes minutes here (exact O(n²) kNN; t-SNE's 1,000 iterations). */
const SLOW_ABOVE: Partial<Record<'umap' | 'tsne', { points: number; why: string }>> = {
  umap: { points: 20_000, why: 'exact kNN is O(n²) (about a minute at 70,000 points here); run with --full' },
  tsne: { points: 10_000, why: 'about a minute at 20,000 points and several at 70,000 here; run with --full' },
};

export interface ProjectionJob {
  family: 'pca' | 'umap' | 'tsne';
  points: number;
  want: ProjectionBench[];
}

export interface BenchPlan {
  train: boolean;
  trainCnn: boolean;
  projection: ProjectionJob[];
  skipped: { bench: string; points: number; skipped: string }[];
  scatter: number[];
  longtask: boolean;
}

export function selectBenches(only: string | null): Set<BenchName> {
  if (!only) return new Set(ALL_BENCHES);
  const tokens = only.split(',').map((t) => t.trim()).filter(Boolean);
  return new Set(ALL_BENCHES.filter((b) => tokens.some((t) => b === t || b.startsWith(`${t}-`))));
}

export function benchPlan(only: string | null, sizes: number[] | null, full: boolean): BenchPlan {
  const chosen = selectBenches(only);
  const plan: BenchPlan = { train: chosen.has('train'), trainCnn: chosen.has('train-cnn'), projection: [], skipped: [], scatter: [], longtask: chosen.has('longtask') };
  const families: ['pca' | 'umap' | 'tsne', ProjectionBench[]][] = [
    ['pca', ['pca']],
    ['umap', ['umap-cold', 'umap-warm']],
    ['tsne', ['tsne', 'tsne-warm']],
  ];
  for (const [family, names] of families) {
    const want = names.filter((b) => chosen.has(b));
    if (want.length === 0) continue;
    for (const points of sizes ?? (family === 'tsne' ? TSNE_DEFAULT_SIZES : DEFAULT_SIZES)) {
      const slow = family === 'pca' ? undefined : SLOW_ABOVE[family];
      if (slow && points > slow.points && !full) {
        for (const bench of want) plan.skipped.push({ bench, points, skipped: slow.why });
      } else {
        plan.projection.push({ family, points, want });
      }
    }
  }
  if (chosen.has('scatter-redraw')) plan.scatter = sizes ?? DEFAULT_SIZES;
  return plan;
}

/** WASM's 3-D convolution kernels are plain loops: a step of this route takes about a minute. */
const SLOW_CONV_ROUTES: Partial<Record<ConvRoute, string>> = {
  conv3d: 'WASM runs 3-D convolutions ~20× slower than the other routes (a minute a step); run with --full',
};

/**
 * The convolution routes 'train-cnn' times on a backend: on WASM every route that trains there
 * (to see which is fastest), elsewhere only the one the app picks. Slow routes are skipped unless
 * `full`.
 */
export function cnnRoutes(backend: string, full: boolean): { run: ConvRoute[]; skipped: { route: ConvRoute; why: string }[] } {
  const candidates = backend === 'wasm' ? convRoutesThatTrain(backend) : [pickConvRoute(backend)];
  const run: ConvRoute[] = [];
  const skipped: { route: ConvRoute; why: string }[] = [];
  for (const route of candidates) {
    const why = SLOW_CONV_ROUTES[route];
    if (why && !full) skipped.push({ route, why });
    else run.push(route);
  }
  return { run, skipped };
}
