/**
 * What the tour points at on each step, computed from the runs' real results: which metric moved
 * and by how much against the run it is measured against, and which digit's cluster changed most.
 * Pure (the results are plain data, gathered by tourResults.ts), so every sentence is tested.
 */
import type { ClassRecall } from '../../core/metrics/classRecall';
import type { TourStep } from './tourSteps';

export interface TourResult {
  method: string;
  /** The method's name, e.g. 'DEC'. */
  name: string;
  /** Its prior family's name, e.g. 'Pseudo-labelling'. */
  family: string;
  /** 'done': finished (or stopped, its numbers as they were). */
  state: 'training' | 'done' | 'failed';
  acc: number | null;
  /** How well each digit is kept together in one cluster, on the shown sample; null before clusters. */
  recall: ClassRecall | null;
}

export interface Pointer {
  text: string;
  /** The metric it names, when it names one. */
  metric: 'ACC' | null;
  /** The digit whose cluster it names (label value), when it names one. */
  cluster: number | null;
  /** Every result it quotes is final (its runs finished); false while one still trains. */
  final: boolean;
}

/** A change of ACC smaller than this is "about the same". */
const SAME = 0.005;
/** A digit's share must move by this much to be named. */
const NOTABLE = 0.05;

const f3 = (v: number): string => v.toFixed(3);
const pct = (v: number): string => `${Math.round(v * 100)} %`;

/** The digit whose share in its cluster changed most between two results (same sample), if notable. */
export function biggestChange(now: ClassRecall, before: ClassRecall): { digit: number; from: number; to: number } | null {
  let best: { digit: number; from: number; to: number } | null = null;
  for (let i = 0; i < now.classes.length; i++) {
    const j = before.classes.indexOf(now.classes[i]);
    if (j < 0) continue;
    const from = before.recall[j];
    const to = now.recall[i];
    if (!best || Math.abs(to - from) > Math.abs(best.to - best.from)) best = { digit: now.classes[i], from, to };
  }
  return best && Math.abs(best.to - best.from) >= NOTABLE ? best : null;
}

/** The digit kept together worst. */
function weakest(r: ClassRecall): { digit: number; share: number } | null {
  if (r.classes.length === 0) return null;
  let i = 0;
  for (let j = 1; j < r.recall.length; j++) if (r.recall[j] < r.recall[i]) i = j;
  return { digit: r.classes[i], share: r.recall[i] };
}

function reference(step: TourStep, results: Readonly<Record<string, TourResult>>): TourResult | null {
  for (const m of step.against) if (results[m]) return results[m];
  return null;
}

/** One step's pointer: its run against its reference. */
function stepPointer(step: TourStep, results: Readonly<Record<string, TourResult>>): Pointer {
  const own = step.method ? results[step.method] : undefined;
  if (!own) return { text: 'Its run is being added to the comparison.', metric: null, cluster: null, final: false };
  if (own.state === 'failed') return { text: `${own.name} failed: its run card says why.`, metric: null, cluster: null, final: true };
  if (own.acc === null) return { text: `${own.name} is training: its numbers appear with its first clusters.`, metric: null, cluster: null, final: false };
  const ref = reference(step, results);
  if (own.state !== 'done') {
    const vs = ref?.acc != null ? ` (${ref.name}: ${f3(ref.acc)}${ref.state === 'done' ? '' : ' so far'})` : '';
    return { text: `${own.name} is training: ACC ${f3(own.acc)} so far${vs}.`, metric: 'ACC', cluster: null, final: false };
  }
  if (!ref || ref.acc === null) {
    const w = own.recall ? weakest(own.recall) : null;
    const tail = w ? ` Its weakest digit is ${w.digit}: only ${pct(w.share)} of its points share one cluster.` : '';
    const wait = ref ? ` ${ref.name} is still training: compare when it finishes.` : '';
    return { text: `${own.name} reaches ACC ${f3(own.acc)}.${tail}${wait}`, metric: 'ACC', cluster: w?.digit ?? null, final: !ref };
  }
  const d = own.acc - ref.acc;
  const verb = d >= SAME ? `lifted ACC from ${f3(ref.acc)} to ${f3(own.acc)}` : d <= -SAME ? `lowered ACC from ${f3(ref.acc)} to ${f3(own.acc)}` : `kept ACC about the same (${f3(ref.acc)} → ${f3(own.acc)})`;
  const change = own.recall && ref.recall ? biggestChange(own.recall, ref.recall) : null;
  const digit = change
    ? ` The cluster of digit ${change.digit} changed most: ${pct(change.from)} → ${pct(change.to)} of its points in one cluster.`
    : ' No digit’s cluster moved by 5 points or more.';
  return { text: `${own.name} ${verb} over ${ref.name}.${digit}`, metric: 'ACC', cluster: change?.digit ?? null, final: ref.state === 'done' };
}

/** The closing lesson: which prior lifted ACC most over the shared start, and why. */
function lessonPointer(steps: readonly TourStep[], results: Readonly<Record<string, TourResult>>): Pointer {
  const shown = steps.filter((s) => s.method && results[s.method]?.acc != null).map((s) => ({ step: s, r: results[s.method!] }));
  const start = results['ae-kmeans'];
  const pixels = results['kmeans'];
  const deep = shown.filter(({ r }) => r.method !== 'kmeans' && r.method !== 'ae-kmeans');
  const parts: string[] = [];
  if (pixels?.acc != null && start?.acc != null) parts.push(`Learning features lifted ACC from ${f3(pixels.acc)} (k-means on pixels) to ${f3(start.acc)} (AE + k-means).`);
  if (start?.acc != null && deep.length > 0) {
    const best = deep.reduce((a, b) => (b.r.acc! > a.r.acc! ? b : a));
    const lift = best.r.acc! - start.acc;
    parts.push(
      lift >= SAME
        ? `On top of them, the ${best.r.family.toLowerCase().replace(/ prior$/, '')} prior lifted it most: ${best.r.name} ${f3(best.r.acc!)} (+${f3(lift)}), because ${best.step.why}.`
        : `No prior beat AE + k-means here (best: ${best.r.name} ${f3(best.r.acc!)}): each one refines the start pretraining gave it, so the start matters most at this budget.`,
    );
  }
  if (parts.length === 0) return { text: 'The lesson needs results: the runs are still training.', metric: null, cluster: null, final: false };
  const ranking = [...shown].sort((a, b) => b.r.acc! - a.r.acc!).map(({ r }) => `${r.name} ${f3(r.acc!)}`);
  parts.push(`ACC, best first: ${ranking.join(' · ')}.`);
  const training = steps.filter((s) => s.method && results[s.method] && results[s.method].state === 'training').map((s) => results[s.method!].name);
  if (training.length) parts.push(`Still training (numbers so far): ${training.join(', ')}.`);
  return { text: parts.join(' '), metric: 'ACC', cluster: null, final: training.length === 0 };
}

/** The pointer of `step`, from the results of the tour's runs by method id. */
export function tourPointer(step: TourStep, steps: readonly TourStep[], results: Readonly<Record<string, TourResult>>): Pointer {
  return step.method === null ? lessonPointer(steps, results) : stepPointer(step, results);
}
