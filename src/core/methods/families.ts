/**
 * The six priors of "Deep Clustering: A Comprehensive Survey from the Perspective of Prior
 * Knowledge", plus the non-deep baselines. Method files name their family by id. Each family
 * carries its teaching card: the idea in one sentence, the key equation (plain text, and as TeX
 * for the rendered card), what the prior is good at and how it fails.
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
  /** The same equation in TeX (KaTeX's subset), rendered as mathematics on the family card. */
  tex: string;
  /** What the symbols of the equation are, in one line. */
  where: string;
  strengths: readonly string[];
  failureModes: readonly string[];
}

export const FAMILIES: readonly Family[] = [
  {
    id: 'baseline',
    name: 'Baseline',
    principle: 'No deep prior: cluster fixed features (raw pixels or a pretrained embedding).',
    equation: 'min Σᵢ ‖xᵢ − μ_c(i)‖²',
    tex: String.raw`\min_{\mu,\,c}\ \sum_{i}\big\lVert x_i-\mu_{c(i)}\big\rVert^2`,
    where: 'xᵢ: a point (its pixels, or its code in a pretrained autoencoder); μ: the k centres; c(i): the centre nearest to xᵢ.',
    strengths: ['Fast, no training of its own; the level every prior has to beat.', 'On a pretrained embedding it is already a strong start (AE + k-means).'],
    failureModes: ['Distances between raw pixels mix up digits drawn alike (4 and 9, 3 and 5).', 'Assumes round clusters of similar size.'],
  },
  {
    id: 'structure',
    name: 'Structure prior',
    principle: 'The data has an intrinsic structure (manifold, subspace, k-means-friendly) that the embedding should keep.',
    equation: 'min ‖x − g(f(x))‖² + λ Σᵢ ‖f(xᵢ) − μ_c(i)‖²',
    tex: String.raw`\min_{f,\,g,\,M,\,s}\ \sum_i \big\lVert x_i-g(f(x_i))\big\rVert^2+\frac{\lambda}{2}\big\lVert f(x_i)-M s_i\big\rVert^2`,
    where: 'f, g: encoder and decoder; M: the centres as columns; sᵢ: the one-hot cluster of xᵢ; λ: how hard the embedding is pulled to k-means.',
    strengths: ['Keeps reconstructing, so the embedding cannot collapse to a point.', 'Clusters are plain k-means clusters: easy to read and to reuse.'],
    failureModes: ['Hard assignments move slowly: clusters stay close to where k-means first put them.', 'Sensitive to λ: too small changes nothing, too large distorts the embedding.'],
  },
  {
    id: 'distribution',
    name: 'Distribution prior',
    principle: 'Embeddings follow a known distribution, e.g. a mixture of Gaussians, one component per cluster.',
    equation: 'max E_q[log p(x|z)] − KL(q(z,c|x) ‖ p(z,c))',
    tex: String.raw`\max\ \mathbb{E}_{q(z,c\mid x)}\big[\log p(x\mid z)\big]-\mathrm{KL}\big(q(z,c\mid x)\,\big\Vert\,p(z,c)\big),\quad p(z\mid c)=\mathcal{N}(\mu_c,\sigma_c^2 I)`,
    where: 'z: the code of x; c: its cluster; p(z, c): a mixture with one Gaussian per cluster; q: the encoder’s guess of z and c.',
    strengths: ['A generative model: every cluster is a Gaussian one can sample new digits from.', 'Soft, calibrated memberships from the mixture.'],
    failureModes: ['Depends on its start: a poor mixture init converges to a poor optimum.', 'Components can die or merge (one Gaussian taking two digits).'],
  },
  {
    id: 'augmentation',
    name: 'Augmentation invariance',
    principle: 'An image and its augmentations belong to the same cluster.',
    equation: 'max I(c(x); c(T(x)))',
    tex: String.raw`\max_{\theta}\ I\big(c_\theta(x);\,c_\theta(T(x))\big)`,
    where: 'T: a random augmentation (crop, shift, colour); c_θ(x): the cluster the network gives x; I: mutual information.',
    strengths: ['Learns what does not matter (position, thickness) straight from the data.', 'The strongest family on natural images in the survey.'],
    failureModes: ['Only as good as its augmentations: the wrong ones make the wrong things invariant.', 'Can put everything in one cluster unless the objective balances the clusters.'],
  },
  {
    id: 'neighborhood',
    name: 'Neighbourhood consistency',
    principle: 'Nearest neighbours in a good embedding belong to the same cluster.',
    equation: 'max Σ_{j∈N(i)} log ⟨p(xᵢ), p(xⱼ)⟩ + λ H(mean p)',
    tex: String.raw`\max\ \sum_i\sum_{j\in\mathcal{N}(i)}\log\big\langle p(x_i),\,p(x_j)\big\rangle+\lambda\,H\Big(\frac{1}{n}\sum_i p(x_i)\Big)`,
    where: '𝒩(i): the nearest neighbours of xᵢ in a pretrained embedding; p(x): the soft cluster assignment; H: entropy, keeping clusters balanced.',
    strengths: ['Uses the embedding’s local structure, which is more reliable than its distances far apart.', 'Two stages: any good self-supervised embedding can be its start.'],
    failureModes: ['Neighbours from another class pull clusters together.', 'Needs a good embedding first: on pixels the neighbours are often wrong.'],
  },
  {
    id: 'pseudo-label',
    name: 'Pseudo-labelling',
    principle: 'Confident predictions of the model itself serve as targets for its training.',
    equation: 'min KL(P ‖ Q),  pᵢⱼ ∝ qᵢⱼ² / Σᵢ qᵢⱼ',
    tex: String.raw`\min\ \mathrm{KL}(P\,\Vert\,Q),\qquad q_{ij}\propto\big(1+\lVert z_i-\mu_j\rVert^2\big)^{-1},\qquad p_{ij}\propto \frac{q_{ij}^2}{\sum_i q_{ij}}`,
    where: 'zᵢ: the code of xᵢ; μⱼ: centre j; Q: the soft assignment; P: Q squared and re-normalised, the sharper target it is pulled towards.',
    strengths: ['Sharpens a good start: confident points pull their cluster together.', 'Cheap: one extra loss on top of a pretrained autoencoder.'],
    failureModes: ['Confirms its own mistakes: a wrong confident label is learned, not repaired.', 'Without the decoder the embedding can distort and small clusters merge.'],
  },
  {
    id: 'external',
    name: 'External knowledge',
    principle: 'Knowledge from outside the data (pretrained models, text) guides the clusters.',
    equation: 'max sim(f_img(x), f_text(c))',
    tex: String.raw`\max\ \mathrm{sim}\big(f_{\mathrm{img}}(x),\,f_{\mathrm{text}}(t_c)\big)`,
    where: 'f_img, f_text: image and text encoders trained elsewhere (e.g. CLIP); t_c: a text naming cluster c.',
    strengths: ['Brings in what the data alone cannot tell (names, semantics).', 'Works with very little data of one’s own.'],
    failureModes: [
      'Inherits the biases and blind spots of the outside model.',
      'Helps only where the outside model’s data look like yours: the bundled MobileNetV2 learned from ImageNet photos (then NSFW classes), so its features group photos and textures well but MNIST digits worse than raw pixels (k-means NMI MNIST_BACKBONE_NMI against MNIST_PIXEL_NMI).',
    ],
  },
];

export function family(id: FamilyId): Family {
  const f = FAMILIES.find((x) => x.id === id);
  if (!f) throw new Error(`unknown family ${id}`);
  return f;
}
