/**
 * Seeded PRNG passed around as a value; core code never calls an unseeded generator, so a seed in
 * the URL reproduces a run. mulberry32: tiny, fast, and good enough for shuffling and
 * initialisation.
 */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** An independent generator derived from this one (for a sub-task that must not shift others). */
  fork(): Rng;
  /** A 32-bit seed drawn from this generator (e.g. for tfjs initialisers). */
  seed(): number;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    int: (n) => Math.floor(next() * n),
    normal: () => {
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    fork: () => createRng(Math.floor(next() * 4294967296)),
    seed: () => Math.floor(next() * 4294967296),
  };
  return rng;
}

/** Fisher–Yates permutation of 0..n-1. */
export function permutation(n: number, rng: Rng): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}

/** k distinct indices from 0..n-1 (sorted), e.g. the fixed snapshot sample. */
export function sampleIndices(n: number, k: number, rng: Rng): Int32Array {
  if (k >= n) return permutation(n, rng).sort();
  return permutation(n, rng).subarray(0, k).sort();
}
