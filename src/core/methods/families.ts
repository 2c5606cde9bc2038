/**
 * The six priors of "Deep Clustering: A Comprehensive Survey from the Perspective of Prior
 * Knowledge", plus the non-deep baselines. Method files name their family by id.
 */
export type FamilyId =
  | 'baseline'
  | 'structure'
  | 'distribution'
  | 'augmentation'
  | 'neighborhood'
  | 'pseudo-label'
  | 'external';

export interface Family {
  id: FamilyId;
  name: string;
  /** The prior in one sentence. */
  principle: string;
  /** The key equation, in plain text. */
  equation: string;
}

export const FAMILIES: readonly Family[] = [
  {
    id: 'baseline',
    name: 'Baseline',
    principle: 'No deep prior: cluster fixed features (raw pixels or a pretrained embedding).',
    equation: 'min Σᵢ ‖xᵢ − μ_c(i)‖²',
  },
  {
    id: 'structure',
    name: 'Structure prior',
    principle: 'The data has an intrinsic structure (manifold, subspace, k-means-friendly) that the embedding should keep.',
    equation: 'min ‖x − g(f(x))‖² + λ Σᵢ ‖f(xᵢ) − μ_c(i)‖²',
  },
  {
    id: 'distribution',
    name: 'Distribution prior',
    principle: 'Embeddings follow a known distribution, e.g. a mixture of Gaussians, one component per cluster.',
    equation: 'max E_q[log p(x|z)] − KL(q(z,c|x) ‖ p(z,c))',
  },
  {
    id: 'augmentation',
    name: 'Augmentation invariance',
    principle: 'An image and its augmentations belong to the same cluster.',
    equation: 'max I(c(x); c(T(x)))',
  },
  {
    id: 'neighborhood',
    name: 'Neighbourhood consistency',
    principle: 'Nearest neighbours in a good embedding belong to the same cluster.',
    equation: 'max Σ_{j∈N(i)} log ⟨p(xᵢ), p(xⱼ)⟩ + λ H(mean p)',
  },
  {
    id: 'pseudo-label',
    name: 'Pseudo-labelling',
    principle: 'Confident predictions of the model itself serve as targets for its training.',
    equation: 'min KL(P ‖ Q),  pᵢⱼ ∝ qᵢⱼ² / Σᵢ qᵢⱼ',
  },
  {
    id: 'external',
    name: 'External knowledge',
    principle: 'Knowledge from outside the data (pretrained models, text) guides the clusters.',
    equation: 'max sim(f_img(x), f_text(c))',
  },
];

export function family(id: FamilyId): Family {
  const f = FAMILIES.find((x) => x.id === id);
  if (!f) throw new Error(`unknown family ${id}`);
  return f;
}
