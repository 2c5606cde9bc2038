/**
 * Orthogonal Procrustes in 2-D: the similarity y ≈ s·Q·x + t (Q a rotation or a reflection,
 * s > 0 uniform scale) that best maps a new layout onto the previous one in least squares.
 *
 * With centred rows and A = Σ y_i x_iᵀ (2×2), the best Q maximises tr(Q Aᵀ). Over rotations
 * [[c, −s], [s, c]] that is c(A00 + A11) + s(A10 − A01); over reflections [[c, s], [s, −c]] it is
 * c(A00 − A11) + s(A01 + A10). Each is maximised in closed form by an atan2, and the larger of the
 * two maxima is σ1 + σ2 of A's SVD, i.e. the same answer as Q = U Vᵀ, without iterating.
 * Then s = tr(Q Aᵀ) / Σ‖x_i‖² and t = ȳ − s·Q·x̄.
 */
export interface Similarity2D {
  /** Row-major 2×2 orthogonal matrix. */
  q: [number, number, number, number];
  scale: number;
  tx: number;
  ty: number;
  reflection: boolean;
}

type Layout = Float32Array | Float64Array;

export function fitSimilarity(source: Layout, target: Layout): Similarity2D {
  const n = Math.min(source.length, target.length) / 2;
  let sx = 0;
  let sy = 0;
  let tx = 0;
  let ty = 0;
  for (let i = 0; i < n; i++) {
    sx += source[2 * i];
    sy += source[2 * i + 1];
    tx += target[2 * i];
    ty += target[2 * i + 1];
  }
  if (n > 0) {
    sx /= n;
    sy /= n;
    tx /= n;
    ty /= n;
  }
  let a00 = 0;
  let a01 = 0;
  let a10 = 0;
  let a11 = 0;
  let norm = 0;
  for (let i = 0; i < n; i++) {
    const x0 = source[2 * i] - sx;
    const x1 = source[2 * i + 1] - sy;
    const y0 = target[2 * i] - tx;
    const y1 = target[2 * i + 1] - ty;
    a00 += y0 * x0;
    a01 += y0 * x1;
    a10 += y1 * x0;
    a11 += y1 * x1;
    norm += x0 * x0 + x1 * x1;
  }
  const rotScore = Math.hypot(a00 + a11, a10 - a01);
  const refScore = Math.hypot(a00 - a11, a01 + a10);
  const reflection = refScore > rotScore;
  let q: [number, number, number, number];
  if (reflection) {
    const th = Math.atan2(a01 + a10, a00 - a11);
    q = [Math.cos(th), Math.sin(th), Math.sin(th), -Math.cos(th)];
  } else {
    const th = Math.atan2(a10 - a01, a00 + a11);
    q = [Math.cos(th), -Math.sin(th), Math.sin(th), Math.cos(th)];
  }
  // A collapsed source has no orientation to fit: keep it in place at the target's centre.
  const scale = norm > 0 ? Math.max(rotScore, refScore) / norm : 1;
  return {
    q,
    scale,
    tx: tx - scale * (q[0] * sx + q[1] * sy),
    ty: ty - scale * (q[2] * sx + q[3] * sy),
    reflection,
  };
}

export function applySimilarity(layout: Layout, m: Similarity2D): Float64Array {
  const out = new Float64Array(layout.length);
  const [q00, q01, q10, q11] = m.q;
  for (let i = 0; i < layout.length / 2; i++) {
    const x = layout[2 * i];
    const y = layout[2 * i + 1];
    out[2 * i] = m.scale * (q00 * x + q01 * y) + m.tx;
    out[2 * i + 1] = m.scale * (q10 * x + q11 * y) + m.ty;
  }
  return out;
}

/** The new layout moved onto the previous one (same n), ready to draw without a jump. */
export function alignTo(layout: Layout, previous: Layout): Float32Array {
  return Float32Array.from(applySimilarity(layout, fitSimilarity(layout, previous)));
}
