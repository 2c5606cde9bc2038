import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { QuadTree } from './quadtree';

const N = 300;

/** Exact Σ_j q_ij²(y_i − y_j) and Σ_j q_ij for every point. */
function exact(coords: Float64Array): { force: Float64Array; z: number } {
  const force = new Float64Array(2 * N);
  let z = 0;
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      if (i === j) continue;
      const dx = coords[2 * i] - coords[2 * j];
      const dy = coords[2 * i + 1] - coords[2 * j + 1];
      const q = 1 / (1 + dx * dx + dy * dy);
      z += q;
      force[2 * i] += q * q * dx;
      force[2 * i + 1] += q * q * dy;
    }
  }
  return { force, z };
}

function barnesHut(coords: Float64Array, theta: number): { force: Float64Array; z: number } {
  const tree = new QuadTree();
  tree.build(coords, N);
  const force = new Float64Array(2 * N);
  const z = tree.repulsionAll(theta, force);
  return { force, z };
}

function relativeError(a: Float64Array, b: Float64Array): number {
  let num = 0;
  let den = 0;
  for (let c = 0; c < a.length; c++) {
    num += (a[c] - b[c]) ** 2;
    den += b[c] ** 2;
  }
  return Math.sqrt(num / den);
}

describe('Barnes–Hut quadtree', () => {
  // Clustered points with a few exact duplicates: the tree must handle both.
  const rng = createRng(7);
  const coords = new Float64Array(2 * N);
  for (let i = 0; i < N; i++) {
    const c = i % 4;
    coords[2 * i] = (c & 1 ? 8 : -8) + rng.normal() * 2;
    coords[2 * i + 1] = (c & 2 ? 8 : -8) + rng.normal() * 2;
  }
  coords[2] = coords[0];
  coords[3] = coords[1];
  const ref = exact(coords);

  it('approaches the exact force and normaliser as θ → 0, and equals them at θ = 0', () => {
    const errors = [0.8, 0.5, 0.25, 0.1].map((theta) => {
      const bh = barnesHut(coords, theta);
      return relativeError(bh.force, ref.force) + Math.abs(bh.z - ref.z) / ref.z;
    });
    for (let t = 1; t < errors.length; t++) expect(errors[t]).toBeLessThan(errors[t - 1]);
    expect(errors[1]).toBeLessThan(0.05); // θ = 0.5, the t-SNE default
    const at0 = barnesHut(coords, 0);
    expect(relativeError(at0.force, ref.force)).toBeLessThan(1e-12);
    expect(Math.abs(at0.z - ref.z) / ref.z).toBeLessThan(1e-12);
  });

  it('keeps every point exactly once across a rebuild on moved points', () => {
    const tree = new QuadTree();
    tree.build(coords, N);
    const moved = coords.map((v, c) => v * (c % 2 ? 0.5 : 3));
    tree.build(moved, N);
    expect([...tree.order].sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, i) => i));
  });
});
