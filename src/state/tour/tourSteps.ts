/**
 * The guided tour's story, as data: the survey's path on MNIST-10k from k-means on pixels to the
 * priors, one step per method, each adding its run to the comparison, then the lesson. Steps
 * whose method is not registered (IMSAT, SCAN until they exist) are left out, so the tour grows
 * with the registry. Pure: the pointer text is tourPointer.ts, the actions tourActions.ts.
 */
import type { Method, Params } from '../../core/methods/types';
import type { RunSpec } from '../params';

export interface TourStep {
  id: string;
  /** The method whose run this step adds; null for the closing lesson. */
  method: string | null;
  title: string;
  /** What this step adds to the story. */
  story: string;
  /** Where to look in the scatter and the numbers. */
  look: string;
  /** The runs it is measured against: the first one the tour has results for. */
  against: readonly string[];
  /** Why this prior lifts ACC, quoted by the lesson when it lifted most. */
  why: string;
  /**
   * Settings that keep this step's run to a few minutes under the quick budget, for methods whose
   * quick run takes longer (the tour is read, not waited on); the carried settings win over them.
   */
  short?: Params;
}

export const TOUR_STEPS: readonly TourStep[] = [
  {
    id: 'kmeans',
    method: 'kmeans',
    title: 'k-means on the pixels',
    story: 'Start with no deep learning at all: k-means groups the 10,000 digits by how alike their 784 pixels are.',
    look: 'The scatter shows the raw pixels (PCA). Digits drawn alike — 4 and 9, 3, 5 and 8 — share clusters.',
    against: [],
    why: '',
  },
  {
    id: 'ae-kmeans',
    method: 'ae-kmeans',
    title: 'AE + k-means: learn features first',
    story: 'An autoencoder learns a 10-number code for each digit by rebuilding it; k-means then runs on the codes. Every deep method below starts from this same pretraining.',
    look: 'The scatter now shows the learned code: digits gather into blobs before any clustering loss.',
    against: ['kmeans'],
    why: 'the autoencoder’s code keeps what makes a digit and drops pixel noise, so distances in it mean more',
  },
  {
    id: 'dec',
    method: 'dec',
    title: 'DEC: the pseudo-labelling prior',
    story: 'DEC trusts its own confident assignments: it squares and re-normalises them into a sharper target P and pulls the soft assignment Q towards it.',
    look: 'Watch the blobs tighten around their centres while the target is refreshed.',
    against: ['ae-kmeans'],
    why: 'its own confident assignments, sharpened, pull each digit’s points towards one centre',
  },
  {
    id: 'dcn',
    method: 'dcn',
    title: 'DCN: the structure prior',
    story: 'DCN keeps rebuilding the digits while pulling every code towards its k-means centre: the embedding should be k-means-friendly.',
    look: 'Clusters stay round and close to where k-means put them; compare its ACC with DEC’s.',
    against: ['ae-kmeans'],
    why: 'pulling each code to its centre while still rebuilding the digits makes the embedding k-means-friendly without collapsing it',
  },
  {
    id: 'vade',
    method: 'vade',
    title: 'VaDE: the distribution prior',
    story: 'VaDE assumes the codes come from a mixture of Gaussians, one per cluster, and fits encoder, decoder and mixture together.',
    look: 'Each cluster may take its own spread: look for elongated or overlapping clusters.',
    against: ['ae-kmeans'],
    why: 'a Gaussian per cluster lets each digit have its own spread and share of the data',
  },
  {
    id: 'imsat',
    method: 'imsat',
    title: 'IMSAT: the augmentation-invariance prior',
    story: 'IMSAT asks a digit and its augmented copy to land in the same cluster, while keeping the clusters balanced.',
    look: 'No autoencoder: compare with k-means on pixels and with the methods that pretrain. The tour trains it 3 epochs; its quick budget (10) goes further.',
    against: ['ae-kmeans', 'kmeans'],
    short: { epochs: 3 },
    why: 'being invariant to small shifts and distortions is what makes two drawings of one digit alike',
  },
  {
    id: 'scan',
    method: 'scan',
    title: 'SCAN: the neighbourhood prior',
    story: 'SCAN mines each digit’s nearest neighbours in a pretrained embedding and asks them to share its cluster.',
    look: 'Neighbours from another digit are where it errs: look at the clusters that touch, and hover a point to see its mined neighbours. The tour trains a short run; its quick budget goes further.',
    against: ['ae-kmeans'],
    short: { pretextEpochs: 3, scanEpochs: 2, selfLabelEpochs: 1 },
    why: 'nearest neighbours in a good embedding are reliable even where its distances are not',
  },
  {
    id: 'lesson',
    method: null,
    title: 'The lesson: which prior lifted ACC, and why',
    story: 'Every deep method here started from the same pretrained autoencoder; what differs is the prior each adds.',
    look: 'The table and the chart below rank the runs; the lesson is measured, not quoted from the paper.',
    against: ['ae-kmeans'],
    why: '',
  },
];

/**
 * The method the tour's comparison always keeps when it is full (at most four runs): AE + k-means,
 * the shared start every deep method is measured against. The oldest other run makes room, and
 * its numbers stay quoted in the tour.
 */
export const TOUR_ANCHOR = 'ae-kmeans';

/** The steps whose method is registered, in the story's order, ending on the lesson. */
export function tourSteps(methods: readonly Pick<Method, 'id'>[]): TourStep[] {
  const known = new Set(methods.map((m) => m.id));
  return TOUR_STEPS.filter((s) => s.method === null || known.has(s.method));
}

/** Which of the tour's runs (methods, oldest first) leaves a full comparison: the oldest but the anchor. */
export function runToDrop(tourMethods: readonly string[]): string | null {
  return tourMethods.find((m) => m !== TOUR_ANCHOR) ?? null;
}

/**
 * A step's run, carrying the settings in use when the tour began: a run of the same method keeps
 * its own; otherwise the first run's budget, k and those of its parameters the method has too —
 * the same key meaning the same thing (same label), as the autoencoder's do across methods — so a
 * short budget (a small autoencoder, few epochs) applies to every step.
 */
export function tourSpec(method: Pick<Method, 'id' | 'params'>, carry: readonly RunSpec[], methods: readonly Pick<Method, 'id' | 'params'>[], short: Params = {}): RunSpec {
  const same = carry.find((r) => r.method === method.id);
  if (same) return { ...same, params: { ...same.params } };
  const from = carry[0];
  const fromSpecs = methods.find((m) => m.id === from?.method)?.params ?? [];
  const shared = (key: string): boolean => {
    const mine = method.params.find((p) => p.key === key);
    return !!mine && fromSpecs.some((p) => p.key === key && p.label === mine.label);
  };
  const carried = Object.fromEntries(Object.entries(from?.params ?? {}).filter(([k]) => shared(k)));
  const budget = from?.budget ?? 'quick';
  const params = budget === 'quick' ? { ...short, ...carried } : carried;
  return { method: method.id, budget, k: from?.k ?? null, params };
}
