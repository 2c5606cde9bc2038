/**
 * What the cluster gallery shows, as pure data: per cluster its size, its majority true label,
 * its most confident sample points (best first) and then its least confident ones, flagged as
 * possible mistakes. One pass over the sample with small bounded buffers (no full sort), so even
 * a 70,000-point sample takes a few milliseconds per snapshot.
 */

export interface MajorityLabel {
  label: number;
  /** Fraction of the cluster's sample points with that label. */
  share: number;
}

export interface GalleryThumb {
  /** Position in the sample. */
  index: number;
  confidence: number | null;
  /** One of the least confident points of its cluster. */
  flagged: boolean;
}

export interface GalleryRow {
  cluster: number;
  /** Points of the cluster in the sample. */
  size: number;
  majority: MajorityLabel | null;
  thumbs: GalleryThumb[];
}

export interface GalleryInput {
  assignment: Int32Array;
  confidence: Float32Array | null;
  labels: Int32Array | null;
  k: number;
}

export const MOST_CONFIDENT = 16;
export const LEAST_CONFIDENT = 4;

/** The most frequent label (lowest id on a tie) from counts per label id; null when none is known. */
export function majorityLabel(counts: ArrayLike<number>, size: number): MajorityLabel | null {
  let best = -1;
  let bestCount = 0;
  for (let y = 0; y < counts.length; y++) {
    if (counts[y] > bestCount) {
      best = y;
      bestCount = counts[y];
    }
  }
  return best < 0 || size === 0 ? null : { label: best, share: bestCount / size };
}

/** Inserts `i` into `buf` (kept in `before` order), dropping from `dropFront` or the back past `cap`. */
function insertBounded(buf: number[], i: number, cap: number, before: (a: number, b: number) => boolean, dropFront: boolean): void {
  let at = buf.length;
  while (at > 0 && before(i, buf[at - 1])) at--;
  buf.splice(at, 0, i);
  if (buf.length > cap) {
    if (dropFront) buf.shift();
    else buf.pop();
  }
}

/** One row per cluster 0..k−1 (empty clusters included, so a collapse is visible). */
export function galleryRows(input: GalleryInput, most = MOST_CONFIDENT, least = LEAST_CONFIDENT): GalleryRow[] {
  const { assignment, confidence, labels, k } = input;
  // NaN confidence ranks last, as the least trustworthy; ties go to the lower sample position.
  const conf = (i: number): number => {
    const v = confidence ? confidence[i] : -Infinity;
    return Number.isNaN(v) ? -Infinity : v;
  };
  const before = (a: number, b: number): boolean => conf(a) > conf(b) || (conf(a) === conf(b) && a < b);

  const sizes = new Array<number>(k).fill(0);
  const top: number[][] = Array.from({ length: k }, () => []);
  // The `least` lowest-ranked points, best first (the worst is last).
  const bottom: number[][] = Array.from({ length: k }, () => []);
  // Label counts per cluster in one typed block (a Map per point would dominate the time).
  let classes = 0;
  if (labels) for (const y of labels) if (y >= classes) classes = y + 1;
  const labelCounts = new Int32Array(k * classes);
  for (let i = 0; i < assignment.length; i++) {
    const c = assignment[i];
    if (c < 0 || c >= k) continue;
    sizes[c]++;
    const t = top[c];
    if (t.length < most || before(i, t[t.length - 1])) insertBounded(t, i, most, before, false);
    const b = bottom[c];
    if (confidence && least > 0 && (b.length < least || before(b[0], i))) insertBounded(b, i, least, before, true);
    const y = labels ? labels[i] : -1;
    if (y >= 0) labelCounts[c * classes + y]++;
  }

  return sizes.map((size, cluster) => {
    // Only the points the top did not already show are flagged.
    const tailCount = Math.max(0, Math.min(bottom[cluster].length, size - top[cluster].length));
    const tail = bottom[cluster].slice(bottom[cluster].length - tailCount);
    const thumb = (flagged: boolean) => (index: number): GalleryThumb => ({ index, confidence: confidence ? confidence[index] : null, flagged });
    return {
      cluster,
      size,
      majority: labels ? majorityLabel(labelCounts.subarray(cluster * classes, (cluster + 1) * classes), size) : null,
      thumbs: [...top[cluster].map(thumb(false)), ...tail.map(thumb(true))],
    };
  });
}
