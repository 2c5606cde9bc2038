/**
 * Projection benches on MNIST, run in a worker: PCA on the raw 784-d pixels; UMAP and t-SNE on a
 * 10-d embedding (a seeded Gaussian random projection of the pixels, the width of DEC's
 * embedding), timed the way the projection session runs them (init + every step + alignment).
 * Warm frames project the same points with a little noise added, like the next snapshot.
 */
import { parseIdx } from '../core/data/idx';
import { alignTo } from '../core/projection/procrustes';
import { exactKnn, randomProject } from '../core/projection/knn';
import { PcaProjector } from '../core/projection/pca';
import { TsneProjector } from '../core/projection/tsne';
import type { Projector } from '../core/projection/types';
import { UmapProjector } from '../core/projection/umap';
import { createRng } from '../core/rng';
import type { ProjectionBenchRequest, TimedResult } from './benchTypes';

const EMBED_DIM = 10;
const SEED = 1;

interface Mnist {
  pixels: Float32Array;
  labels: Uint8Array;
  n: number;
  dim: number;
}

async function loadMnist(points: number, base: string): Promise<Mnist> {
  const get = async (name: string) => {
    const res = await fetch(new URL(`data/${name}`, base));
    if (!res.ok) throw new Error(`could not load data/${name}: HTTP ${res.status}`);
    return parseIdx(await res.arrayBuffer());
  };
  const [img, lab] = await Promise.all([get('mnist-images.idx3-ubyte'), get('mnist-labels.idx1-ubyte')]);
  const dim = img.dims[1] * img.dims[2];
  const n = Math.min(points, img.dims[0]);
  const pixels = new Float32Array(n * dim);
  for (let i = 0; i < pixels.length; i++) pixels[i] = img.data[i] / 255;
  return { pixels, labels: Uint8Array.from(lab.data.subarray(0, n)), n, dim };
}

/** Time of init + all steps (+ alignment to `align`, as the session does), in ms. */
function timed(p: Projector, x: Float32Array, n: number, dim: number, previous?: Float32Array, align?: Float32Array) {
  const t0 = performance.now();
  p.init(x, n, dim, previous);
  const t1 = performance.now();
  let steps = 0;
  while (!p.step()) steps++;
  let coords = p.embedding();
  if (align) coords = alignTo(coords, align);
  const t2 = performance.now();
  return { coords, ms: t2 - t0, initMs: t1 - t0, steps: steps + 1 };
}

/** Share of points whose 10 nearest 2-D neighbours mostly carry their label (a sanity figure). */
function knnAgreement(coords: Float32Array, labels: Uint8Array, n: number): number {
  const k = 10;
  const knn = exactKnn(coords, n, 2, k);
  let agree = 0;
  const votes = new Int32Array(256);
  for (let i = 0; i < n; i++) {
    votes.fill(0);
    for (let j = 0; j < k; j++) votes[labels[knn.indices[i * k + j]]]++;
    let best = 0;
    for (let c = 1; c < 256; c++) if (votes[c] > votes[best]) best = c;
    if (best === labels[i]) agree++;
  }
  return Math.round((agree / n) * 1000) / 1000;
}

const round = (ms: number) => Math.round(ms);

export async function benchProjection(req: ProjectionBenchRequest, base: string): Promise<TimedResult[]> {
  const { n, dim, pixels, labels } = await loadMnist(req.points, base);
  const out: TimedResult[] = [];
  if (req.family === 'pca') {
    const r = timed(new PcaProjector(), pixels, n, dim);
    out.push({ bench: 'pca', points: n, dim, ms: round(r.ms) });
    return out;
  }
  const rng = createRng(SEED);
  const x = randomProject(pixels, n, dim, EMBED_DIM, rng);
  // The next snapshot: every coordinate moved by 2 % of the embedding's spread.
  let spread = 0;
  for (const v of x) spread += (v * v) / x.length;
  const noise = 0.02 * Math.sqrt(spread);
  const next = x.map((v) => v + noise * rng.normal());
  const quality = n <= 20_000;
  const make = (): Projector => (req.family === 'umap' ? new UmapProjector({ seed: SEED }) : new TsneProjector({ seed: SEED }));
  const cold = timed(make(), x, n, EMBED_DIM);
  const coldName = req.family === 'umap' ? 'umap-cold' : 'tsne';
  if (req.want.includes(coldName)) {
    out.push({
      bench: coldName,
      points: n,
      dim: EMBED_DIM,
      ms: round(cold.ms),
      initMs: round(cold.initMs),
      steps: cold.steps,
      msPerStep: Math.round(((cold.ms - cold.initMs) / cold.steps) * 100) / 100,
      ...(quality ? { knnLabelAgreement: knnAgreement(cold.coords, labels, n) } : {}),
    });
  }
  const warmName = req.family === 'umap' ? 'umap-warm' : 'tsne-warm';
  if (req.want.includes(warmName)) {
    // t-SNE warm-starts from its own raw layout, UMAP from the shown one; both are aligned to it.
    const warm = timed(make(), next, n, EMBED_DIM, cold.coords, cold.coords);
    out.push({
      bench: warmName,
      points: n,
      dim: EMBED_DIM,
      ms: round(warm.ms),
      initMs: round(warm.initMs),
      steps: warm.steps,
      ...(quality ? { knnLabelAgreement: knnAgreement(warm.coords, labels, n) } : {}),
    });
  }
  return out;
}
