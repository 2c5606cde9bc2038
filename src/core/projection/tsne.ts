/**
 * Barnes–Hut t-SNE (van der Maaten 2014) as a steppable, warm-startable Projector.
 *
 * Minimises KL(P‖Q) with Student-t similarities q_ij = (1 + ‖y_i − y_j‖²)⁻¹ / Z. The gradient
 * (eq. 5 of the paper, split as in §4) is
 *
 *   ∂C/∂y_i = 4 [ α Σ_j p_ij q_ij Z (y_i − y_j)  −  Σ_j q_ij² Z² (y_i − y_j) / Z ]
 *
 * with the attractive sum over the sparse P (tsneAffinities.ts) and the repulsive sum and Z
 * from the quadtree (quadtree.ts, θ = 0.5). Optimisation as scikit-learn's `_gradient_descent`:
 * early exaggeration α = 12 for 250 iterations with momentum 0.5, then α = 1 and momentum 0.8;
 * per-coordinate gains (+0.2 when the gradient changes sign against the update, ×0.8 otherwise,
 * at least 0.01); learning rate 'auto' = max(n / α / 4, 50).
 *
 * Cold frames start from PCA scaled to a standard deviation of 1e-4 along the first axis
 * (scikit-learn's init='pca'): deterministic, and it keeps the global arrangement from frame to
 * frame. Warm frames start from the previous layout, skip the exaggeration phase and run a
 * quarter of the iterations: P changed a little, so the layout only has to settle.
 */
import { createRng } from '../rng';
import { nearestNeighbors } from './knn';
import { pcaProject } from './pca';
import { QuadTree } from './quadtree';
import { affinities, neighboursForPerplexity, type SparseRows } from './tsneAffinities';
import type { Projector } from './types';

export interface TsneOptions {
  seed: number;
  perplexity?: number;
  /** null or undefined = 'auto' (max(n / exaggeration / 4, 50)). */
  learningRate?: number | null;
  /** Iterations of a cold frame, including the exaggeration phase (scikit-learn's max_iter). */
  iterations?: number;
  /** Share of `iterations` a warm frame runs. */
  warmFraction?: number;
  earlyExaggeration?: number;
  exaggerationIterations?: number;
  theta?: number;
}

const MIN_GAIN = 0.01;
const INIT_STD = 1e-4;

export class TsneProjector implements Projector {
  private readonly opts: Required<Omit<TsneOptions, 'learningRate'>> & { learningRate: number | null };
  private n = 0;
  private coords: Float64Array = new Float64Array(0);
  private update = new Float64Array(0);
  private gains = new Float64Array(0);
  private grad = new Float64Array(0);
  private p: SparseRows = { n: 0, rowStart: new Int32Array(1), cols: new Int32Array(0), vals: new Float64Array(0) };
  private readonly tree = new QuadTree();
  private iteration = 0;
  private total = 0;
  private exaggerationUntil = 0;
  private learningRate = 200;

  constructor(options: TsneOptions) {
    this.opts = {
      perplexity: 30,
      iterations: 1000,
      warmFraction: 0.25,
      earlyExaggeration: 12,
      exaggerationIterations: 250,
      theta: 0.5,
      ...options,
      learningRate: options.learningRate ?? null,
    };
  }

  init(points: Float32Array, n: number, dim: number, previous?: Float32Array): void {
    const rng = createRng(this.opts.seed);
    this.n = n;
    this.iteration = 0;
    this.update = new Float64Array(2 * n);
    this.gains = new Float64Array(2 * n).fill(1);
    this.grad = new Float64Array(2 * n);
    const warm = previous !== undefined && previous.length === 2 * n;
    this.coords = warm ? new Float64Array(previous) : pcaInit(points, n, dim, rng);
    if (n < 3) {
      this.total = 0; // nothing to arrange
      return;
    }
    const { iterations, warmFraction, earlyExaggeration, exaggerationIterations, perplexity } = this.opts;
    this.total = warm ? Math.max(1, Math.round(iterations * warmFraction)) : iterations;
    this.exaggerationUntil = warm ? 0 : Math.min(exaggerationIterations, this.total);
    this.learningRate = this.opts.learningRate ?? Math.max(n / earlyExaggeration / 4, 50);
    const k = neighboursForPerplexity(perplexity, n);
    const knn = nearestNeighbors(points, n, dim, k, rng);
    this.p = affinities(knn.indices, knn.distances, n, knn.k, Math.min(perplexity, knn.k));
  }

  /** One gradient-descent iteration. */
  step(): boolean {
    if (this.iteration >= this.total) return true;
    const exaggerating = this.iteration < this.exaggerationUntil;
    const alpha = exaggerating ? this.opts.earlyExaggeration : 1;
    const momentum = exaggerating ? 0.5 : 0.8;
    this.gradient(alpha);
    const { coords, update, gains, grad, learningRate } = this;
    for (let c = 0; c < coords.length; c++) {
      const g = grad[c];
      // Gains grow where the gradient opposes the running update (a valley), shrink elsewhere.
      gains[c] = update[c] * g < 0 ? gains[c] + 0.2 : Math.max(MIN_GAIN, gains[c] * 0.8);
      update[c] = momentum * update[c] - learningRate * gains[c] * g;
      coords[c] += update[c];
    }
    this.iteration++;
    return this.iteration >= this.total;
  }

  embedding(): Float32Array {
    return Float32Array.from(this.coords);
  }

  /** KL(P‖Q) of the current layout (exact O(n²) Z; for tests and diagnostics on small n). */
  klDivergence(): number {
    const { n, coords, p } = this;
    let z = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const dx = coords[2 * i] - coords[2 * j];
        const dy = coords[2 * i + 1] - coords[2 * j + 1];
        z += 1 / (1 + dx * dx + dy * dy);
      }
    }
    let kl = 0;
    for (let i = 0; i < n; i++) {
      for (let e = p.rowStart[i]; e < p.rowStart[i + 1]; e++) {
        const j = p.cols[e];
        const dx = coords[2 * i] - coords[2 * j];
        const dy = coords[2 * i + 1] - coords[2 * j + 1];
        const q = 1 / (1 + dx * dx + dy * dy) / z;
        if (p.vals[e] > 0) kl += p.vals[e] * Math.log(p.vals[e] / Math.max(q, 1e-300));
      }
    }
    return kl;
  }

  /** grad ← ∂C/∂y: exact attraction over the sparse P, Barnes–Hut repulsion normalised by Z. */
  private gradient(alpha: number): void {
    const { n, coords, grad, p, tree } = this;
    grad.fill(0);
    tree.build(coords, n);
    const z = tree.repulsionAll(this.opts.theta, grad);
    const rep = z > 0 ? 1 / z : 0;
    const { rowStart, cols, vals } = p;
    for (let i = 0; i < n; i++) {
      const xi = coords[2 * i];
      const yi = coords[2 * i + 1];
      let ax = 0;
      let ay = 0;
      for (let e = rowStart[i]; e < rowStart[i + 1]; e++) {
        const j = cols[e];
        const dx = xi - coords[2 * j];
        const dy = yi - coords[2 * j + 1];
        const w = vals[e] / (1 + dx * dx + dy * dy);
        ax += w * dx;
        ay += w * dy;
      }
      grad[2 * i] = 4 * (alpha * ax - grad[2 * i] * rep);
      grad[2 * i + 1] = 4 * (alpha * ay - grad[2 * i + 1] * rep);
    }
  }
}

/** PCA layout scaled to std 1e-4 on its first axis; tiny seeded noise if PCA is degenerate. */
function pcaInit(points: Float32Array, n: number, dim: number, rng: ReturnType<typeof createRng>): Float64Array {
  const pca = n > 0 ? pcaProject(points, n, dim) : new Float32Array(0);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += pca[2 * i] / n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (pca[2 * i] - mean) ** 2 / n;
  const std = Math.sqrt(variance);
  const out = new Float64Array(2 * n);
  if (std > 0 && Number.isFinite(std)) {
    for (let c = 0; c < 2 * n; c++) out[c] = (pca[c] / std) * INIT_STD;
  } else {
    for (let c = 0; c < 2 * n; c++) out[c] = rng.normal() * INIT_STD;
  }
  return out;
}
