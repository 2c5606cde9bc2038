/**
 * Point colours: a colour-blind-safe categorical palette, and the colour index of every sample
 * point when colouring by predicted cluster or by true label.
 *
 * Cluster ids are arbitrary, so each cluster takes the colour of the true class it overlaps most
 * (a greedy one-to-one match): toggling between the two views then shows agreement as "same
 * colour" instead of an unrelated repainting.
 */
import { interpolateViridis, schemeSet3, schemeTableau10 } from 'd3';
import { matchClusters } from '../../core/metrics';

export const UNASSIGNED = '#9aa0a6';

/**
 * Tableau10 (designed to stay distinct under common colour-vision deficiencies) for the first 10
 * slots; beyond that Set3, then golden-angle hues. Every palette is a prefix of the longer ones,
 * so a class keeps its colour whatever the count.
 */
export function palette(count: number): readonly string[] {
  const base = [...schemeTableau10, ...schemeSet3];
  if (count <= base.length) return base.slice(0, Math.max(count, 1));
  const extra = Array.from({ length: count - base.length }, (_, i) => `hsl(${((i * 137.508) % 360).toFixed(1)}, 60%, 48%)`);
  return [...base, ...extra];
}

/**
 * Matches clusters to classes greedily by overlap: cluster c gets class map[c] when it wins one,
 * otherwise a colour slot after the classes. Returns one colour slot per cluster.
 */
export function matchClustersToClasses(assignment: Int32Array, labels: Int32Array, k: number, classes: number): Int32Array {
  const counts = new Float64Array(k * classes);
  const n = Math.min(assignment.length, labels.length);
  for (let i = 0; i < n; i++) {
    const c = assignment[i];
    const y = labels[i];
    if (c >= 0 && c < k && y >= 0 && y < classes) counts[c * classes + y]++;
  }
  const slot = new Int32Array(k).fill(-1);
  const classUsed = new Uint8Array(classes);
  for (let round = 0; round < Math.min(k, classes); round++) {
    let best = -1;
    let bestCount = 0;
    for (let c = 0; c < k; c++) {
      if (slot[c] >= 0) continue;
      for (let y = 0; y < classes; y++) {
        const v = counts[c * classes + y];
        if (!classUsed[y] && v > bestCount) {
          bestCount = v;
          best = c * classes + y;
        }
      }
    }
    if (best < 0) break;
    const c = Math.floor(best / classes);
    const y = best % classes;
    slot[c] = y;
    classUsed[y] = 1;
  }
  // Clusters without a class (k > classes, or empty clusters) get the slots after the classes.
  let next = classes;
  for (let c = 0; c < k; c++) if (slot[c] < 0) slot[c] = next++;
  return slot;
}

export interface LegendEntry {
  label: string;
  color: string;
  count: number;
}

export interface Coloring {
  /** Colour slot per point; -1 = unassigned (grey). Null = nothing to colour by yet. */
  slots: Int32Array | null;
  colors: readonly string[];
  legend: LegendEntry[];
}

export type ColorMode = 'cluster' | 'label' | 'confidence' | 'correct' | 'disagree';

export interface ColoringInput {
  colorBy: ColorMode;
  assignment: Int32Array | null;
  /** Max soft-assignment probability per point (for colorBy 'confidence'). */
  confidence?: Float32Array | null;
  labels: Int32Array | null;
  k: number;
  numClasses: number;
  classNames?: string[];
  /**
   * For 'disagree': another run's clusters of the same sample points (−1 where it has none), and
   * what to call it; null when there is no other run to compare with.
   */
  reference?: { assignment: Int32Array; name: string } | null;
}

function counts(slots: Int32Array, size: number): Int32Array {
  const c = new Int32Array(size);
  for (const s of slots) if (s >= 0 && s < size) c[s]++;
  return c;
}

/** Confidence is binned so each bin is one colour batch; viridis is sequential and CVD-safe. */
export const CONFIDENCE_BINS = 10;
export const CONFIDENCE_COLORS: readonly string[] = Array.from({ length: CONFIDENCE_BINS }, (_, b) =>
  interpolateViridis((b + 0.5) / CONFIDENCE_BINS),
);
/** Okabe–Ito blue and vermillion: distinct under every common colour-vision deficiency. */
export const CORRECT_COLORS: readonly string[] = ['#0072b2', '#d55e00'];

const NONE: Coloring = { slots: null, colors: [], legend: [] };

function confidenceColoring(confidence: Float32Array): Coloring {
  const slots = new Int32Array(confidence.length);
  for (let i = 0; i < confidence.length; i++) {
    const c = confidence[i];
    slots[i] = Number.isFinite(c) ? Math.min(CONFIDENCE_BINS - 1, Math.max(0, Math.floor(c * CONFIDENCE_BINS))) : -1;
  }
  const n = counts(slots, CONFIDENCE_BINS);
  // Highest confidence first, as people read a legend top-down.
  const legend = CONFIDENCE_COLORS.map((color, b) => ({
    label: `${(b / CONFIDENCE_BINS).toFixed(1)}–${((b + 1) / CONFIDENCE_BINS).toFixed(1)}`,
    color,
    count: n[b],
  })).reverse();
  return { slots, colors: CONFIDENCE_COLORS, legend };
}

/** Slot 0 = the point's cluster is Hungarian-matched to its true label, 1 = it is not. */
function correctColoring(assignment: Int32Array, labels: Int32Array): Coloring {
  const m = Math.min(assignment.length, labels.length);
  const map = matchClusters(labels.subarray(0, m), assignment.subarray(0, m));
  const slots = new Int32Array(assignment.length).fill(-1);
  for (let i = 0; i < m; i++) {
    if (assignment[i] < 0) continue;
    slots[i] = map.get(assignment[i]) === labels[i] ? 0 : 1;
  }
  const n = counts(slots, 2);
  return {
    slots,
    colors: CORRECT_COLORS,
    legend: [
      { label: 'correct', color: CORRECT_COLORS[0], count: n[0] },
      { label: 'incorrect', color: CORRECT_COLORS[1], count: n[1] },
    ],
  };
}

/** Okabe–Ito sky blue and orange: agreement and disagreement, distinct for colour-blind eyes. */
export const AGREE_COLORS: readonly string[] = ['#56b4e9', '#e69f00'];

/**
 * Slot 0 = this run puts the point in the cluster matched (Hungarian, on the sample) to the
 * reference run's cluster of it, 1 = it does not: where two priors see the data differently.
 */
function disagreementColoring(assignment: Int32Array, reference: Int32Array, name: string): Coloring {
  const both: number[] = [];
  for (let i = 0; i < assignment.length; i++) if (assignment[i] >= 0 && (reference[i] ?? -1) >= 0) both.push(i);
  const map = matchClusters(Int32Array.from(both, (i) => reference[i]), Int32Array.from(both, (i) => assignment[i]));
  const slots = new Int32Array(assignment.length).fill(-1);
  for (const i of both) slots[i] = map.get(assignment[i]) === reference[i] ? 0 : 1;
  const n = counts(slots, 2);
  return {
    slots,
    colors: AGREE_COLORS,
    legend: [
      { label: `clustered as ${name} does`, color: AGREE_COLORS[0], count: n[0] },
      { label: `clustered otherwise`, color: AGREE_COLORS[1], count: n[1] },
    ],
  };
}

export function computeColoring(input: ColoringInput): Coloring {
  const { colorBy, assignment, labels, k, numClasses } = input;
  if (colorBy === 'disagree') return assignment && input.reference ? disagreementColoring(assignment, input.reference.assignment, input.reference.name) : NONE;
  if (colorBy === 'confidence') return input.confidence ? confidenceColoring(input.confidence) : NONE;
  if (colorBy === 'correct') return assignment && labels ? correctColoring(assignment, labels) : NONE;
  if (colorBy === 'label') {
    if (!labels) return { slots: null, colors: [], legend: [] };
    const colors = palette(Math.max(numClasses, k));
    const n = counts(labels, numClasses);
    const legend = Array.from({ length: numClasses }, (_, y) => ({
      label: input.classNames?.[y] ?? `class ${y}`,
      color: colors[y],
      count: n[y],
    }));
    return { slots: labels, colors, legend };
  }
  if (!assignment) return { slots: null, colors: [], legend: [] };
  const match = labels ? matchClustersToClasses(assignment, labels, k, numClasses) : null;
  const size = match ? Math.max(numClasses, ...match) + 1 : k;
  const colors = palette(size);
  const slots = new Int32Array(assignment.length);
  for (let i = 0; i < assignment.length; i++) {
    const c = assignment[i];
    slots[i] = c >= 0 && c < k ? (match ? match[c] : c) : -1;
  }
  const perCluster = counts(assignment, k);
  const legend = Array.from({ length: k }, (_, c) => {
    const slot = match ? match[c] : c;
    const like = match && slot < numClasses ? ` ≈ ${input.classNames?.[slot] ?? slot}` : '';
    return { label: `cluster ${c}${like}`, color: colors[slot], count: perCluster[c] };
  });
  return { slots, colors, legend };
}
