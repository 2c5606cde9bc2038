/**
 * "X + MNet" (Sadeghi & Armanfard, DCSS §4.8.3): DCSS's phase 2 on top of another method. The base
 * method runs all its phases unchanged; then MNet learns from the confident pairs of the u-space
 * (T₂ epochs) and of its own outputs (after), on the base's embedding.
 *
 * The u-space is DCSS's: fuzzy memberships (fuzzifier m, dcssFuzzy.ts) of the base's embedding
 * around the base's own centres. ζ = 0.8 and 0.2 are thresholds on those memberships. The base's
 * own soft assignments do not fit them: DEC's Student-t q (α = 1) is flat early on, so most
 * same-cluster pairs fell below 0.2 and were learnt as dissimilar (2,000 digits: DEC + MNet 0.43
 * ACC with q as the u-space, below DEC alone), and DCN's partition is hard, with no confidence.
 * The base's encoder stays frozen here: a MethodRun does not expose its variables (the authors
 * fine-tune it with Adam 1e-5, which barely moves it).
 *
 * The bases offered are listed in index.ts (DEC, IDEC, DCN, DKM: the paper's §4.8.3 table).
 */
import * as tf from '@tensorflow/tfjs';
import { FUZZIFIER_PARAM, fuzzyMemberships } from './dcssFuzzy';
import { MNET_PARAMS, MNET_PRESETS, mnetPhase, type MNetParams } from './mnetPhase';
import type { Method, MethodContext, MethodRun, Params, ParamsOf, TypedMethod } from './types';

/**
 * The quick preset keeps MNet on the base's u-space pairs for all its epochs (T₂ = the MNet
 * epochs), unlike DCSS's own quick preset: on all 70,000 digits MNet's own q-space pairs never
 * improved a base (DEC 0.816 → 0.814, IDEC 0.803 → 0.805) and, on the structure priors, grew some
 * clusters and emptied others (DCN 0.772 → 0.712, DKM 0.760 → 0.593), while on the base's pairs
 * alone it ends within 0.02 of its base (0.817, 0.803, 0.767, 0.743; README). The paper preset
 * keeps the authors' schedule (T₂ = 5, then MNet's own pairs).
 */
const QUICK_MNET = { ...MNET_PRESETS.quick, t2: MNET_PRESETS.quick.mnetEpochs };

/** What "X + MNet" adds to its base's parameters. */
export type WithMNetParams = ParamsOf<readonly [typeof FUZZIFIER_PARAM]> & MNetParams;

/**
 * Generic in the base's parameters P: the composed run sees P & WithMNetParams, typed, and passes
 * them on to the base (which reads its own) and to MNet (which reads its own).
 */
export function withMNet<P extends Params>(base: TypedMethod<P>): Method {
  const create = (ctx: MethodContext<P & WithMNetParams>): MethodRun => {
    const run = base.create(ctx); // first, so the base part equals a plain run of `base` with this seed
    const embedDim = tf.tidy(() => run.embed(tf.slice(ctx.x, [0, 0], [1, -1])).shape[1]);
    const head = mnetPhase(
      {
        embedDim,
        embed: run.embed,
        assignEmbedded: (z) => {
          const centres = run.centres?.();
          if (!centres) throw new Error(`${base.name} + MNet: the base method has no cluster centres`);
          return fuzzyMemberships(z, centres, ctx.params.m);
        },
      },
      ctx,
      ctx.rng.fork(),
    );
    return {
      phases: [...run.phases, head.phase],
      embed: run.embed,
      assign: (x, rows) => head.assign(x) ?? run.assign(x, rows),
      centres: run.centres,
      dispose: () => {
        head.dispose();
        run.dispose();
      },
    };
  };
  return {
    id: `${base.id}-mnet`,
    name: `${base.name} + MNet`,
    family: 'pseudo-label',
    paper: `${base.paper}; MNet: Sadeghi & Armanfard (DCSS §4.8.3)`,
    summary: `${base.name}, then DCSS's MNet: a softmax head trained on confident pairs, judged by fuzzy memberships around ${base.name}'s centres.`,
    card: {
      equation: `${base.card.equation};  then MNet: min −Σ_similar log qᵢᵀqⱼ − Σ_dissimilar log(1 − qᵢᵀqⱼ)   (DCSS §3.2)`,
      steps: [base.card.steps[0], `Train ${base.name} as usual: its embedding and its cluster centres.`, 'Then MNet, a softmax head, learns from confident pairs: similar or dissimilar by fuzzy memberships around those centres.'],
      failureMode: `${base.card.failureMode} MNet inherits the base's confident mistakes and, on its own pairs, can grow some clusters and empty others.`,
    },
    params: [...base.params, FUZZIFIER_PARAM, ...MNET_PARAMS],
    presets: {
      paper: { ...base.presets?.paper, ...MNET_PRESETS.paper },
      quick: { ...base.presets?.quick, ...QUICK_MNET },
    },
    create,
  };
}
