/**
 * One line on what a run's current phase does, for the progress of every run: the engine knows
 * only phase ids ('pretrain', 'init', 'cluster', …), so the teaching text lives here, by phase,
 * with a method's own line where the same id means something else (DEC's 'cluster' self-trains,
 * DCN's alternates). Pure data and one lookup.
 */

/** Lines by `${methodId}/${phaseId}` (method-specific) or by phase id alone (shared). */
const NOTES: Record<string, string> = {
  pretrain: 'Pretrain: the autoencoder learns to rebuild the images; its code is the embedding every method starts from.',
  init: 'Initialise centres: k-means on the embedding places one centre per cluster.',
  kmeans: 'k-means on the raw pixels: nothing is learned, points are grouped by how alike their pixels are.',
  'ae-kmeans/init': 'Initialise centres: k-means on the pretrained embedding; these clusters are the result.',
  'dec/cluster': 'Self-train: each point’s soft assignment Q is pulled towards its sharpened copy P.',
  'idec/cluster': 'Self-train: Q is pulled towards its sharpened copy P while the decoder keeps rebuilding the images.',
  'dcn/cluster': 'Structure: network steps pull each code to its centre, then points are reassigned and centres moved.',
  'dkm/init': 'Initialise centres: cluster representatives drawn at random (no pretraining to start from).',
  'dkm/cluster': 'Structure: soft k-means inside the loss; codes and centres move together as the softmax sharpens.',
  'vade/init': 'Initialise the mixture: one Gaussian per cluster fitted to the pretrained embedding.',
  vade: 'Fit the distribution: maximise the ELBO, so the codes follow one Gaussian per cluster.',
  deepcluster: 'Pseudo-labels: k-means labels every point, the network learns to predict them, and again.',
  final: 'Final k-means on the learned features: these clusters are the result.',
  phase1: 'Cluster-specific autoencoders: each cluster learns to rebuild its own points best.',
  iic: 'Two views agree: the clusters of an image and of its augmented copy should share as much information as possible.',
  cc: 'Two views agree: the same image’s views attract (rows), the same cluster in both views attracts (columns), sizes stay spread.',
  pretext: 'Pretext (SimCLR): two random augmentations of each image learn to find each other among all the others; no labels, no clusters yet.',
  'simclr/kmeans': 'k-means on the SimCLR features: the clusters come from the contrastive features alone.',
  mine: 'Mine neighbours: each image’s nearest neighbours in the SimCLR features; they should share its cluster.',
  scan: 'SCAN: clustering heads learn to give an image and its neighbours the same cluster, keeping every cluster in use.',
  selflabel: 'Self-label: confident predictions on a weak view become targets for a strong view, class-balanced.',
  mnet: 'MNet pairs: confidently similar and dissimilar pairs of points teach a network which points share a cluster.',
};

/** Methods whose clustering phase refreshes a target every `updateInterval` steps. */
const REFRESHES_TARGET = new Set(['dec', 'idec']);

/** The id a derived method ("dec-mnet") shares its phases' meaning with. */
function baseOf(methodId: string): string {
  return methodId.replace(/-mnet$/, '');
}

export interface PhaseWhere {
  /** Step within the phase, and the method's target refresh interval when it has one. */
  step?: number;
  updateInterval?: number;
}

/** What the phase does, in one line (with when the target is next refreshed, for DEC and IDEC). */
export function phaseNote(methodId: string, phaseId: string, where: PhaseWhere = {}): string | null {
  const base = baseOf(methodId);
  const note = NOTES[`${methodId}/${phaseId}`] ?? NOTES[`${base}/${phaseId}`] ?? NOTES[phaseId] ?? null;
  if (!note || phaseId !== 'cluster' || !REFRESHES_TARGET.has(base)) return note;
  const every = where.updateInterval;
  if (!every || every <= 0) return note;
  const next = (Math.floor((where.step ?? 0) / every) + 1) * every;
  return `${note} Refresh the target P every ${every} steps (next at step ${next}).`;
}
