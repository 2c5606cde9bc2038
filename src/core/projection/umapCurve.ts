/**
 * UMAP's low-dimensional similarity 1 / (1 + a·d^(2b)) is fitted (least squares, as in
 * umap-learn's find_ab_params) to the target curve: 1 for d < minDist, exp(−(d − minDist)/spread)
 * beyond. Levenberg–Marquardt on the two parameters, over 300 points in [0, 3·spread].
 */
export interface CurveParams {
  a: number;
  b: number;
}

const SAMPLES = 300;
const ITERATIONS = 200;

function residualSum(xs: Float64Array, ys: Float64Array, a: number, b: number): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) {
    const r = 1 / (1 + a * Math.pow(xs[i], 2 * b)) - ys[i];
    s += r * r;
  }
  return s;
}

export function fitCurve(minDist: number, spread: number): CurveParams {
  const xs = new Float64Array(SAMPLES);
  const ys = new Float64Array(SAMPLES);
  for (let i = 0; i < SAMPLES; i++) {
    xs[i] = (3 * spread * i) / (SAMPLES - 1);
    ys[i] = xs[i] < minDist ? 1 : Math.exp(-(xs[i] - minDist) / spread);
  }
  let a = 1;
  let b = 1;
  let lambda = 1e-3;
  let cost = residualSum(xs, ys, a, b);
  for (let it = 0; it < ITERATIONS; it++) {
    // Normal equations JᵀJ δ = −Jᵀr, with a damped diagonal.
    let jaa = 0;
    let jab = 0;
    let jbb = 0;
    let ga = 0;
    let gb = 0;
    for (let i = 0; i < SAMPLES; i++) {
      const x = xs[i];
      if (x === 0) continue; // f(0) = 1 whatever a and b: no gradient
      const u = Math.pow(x, 2 * b);
      const denom = 1 + a * u;
      const r = 1 / denom - ys[i];
      const da = -u / (denom * denom);
      const db = (-a * u * 2 * Math.log(x)) / (denom * denom);
      jaa += da * da;
      jab += da * db;
      jbb += db * db;
      ga += da * r;
      gb += db * r;
    }
    const m00 = jaa * (1 + lambda);
    const m11 = jbb * (1 + lambda);
    const det = m00 * m11 - jab * jab;
    if (!(Math.abs(det) > 0)) break;
    const stepA = -(m11 * ga - jab * gb) / det;
    const stepB = -(m00 * gb - jab * ga) / det;
    const nextCost = residualSum(xs, ys, a + stepA, b + stepB);
    if (nextCost < cost && a + stepA > 0 && b + stepB > 0) {
      a += stepA;
      b += stepB;
      const improvement = cost - nextCost;
      cost = nextCost;
      lambda = Math.max(lambda / 10, 1e-12);
      if (improvement < 1e-15) break;
    } else {
      lambda *= 10;
      if (lambda > 1e12) break;
    }
  }
  return { a, b };
}
