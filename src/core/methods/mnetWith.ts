/**
 * "X + MNet" (Sadeghi & Armanfard, DCSS §4.8.3): DCSS's phase 2 on top of another method. The base
 * method runs all its phases unchanged; then MNet learns from the confident pairs of the base's
 * soft assignments (T₂ epochs) and of its own outputs (after), on the base's embedding.
 * The base's encoder stays frozen here: a MethodRun does not expose its variables (the authors
 * fine-tune it with Adam 1e-5, which barely moves it).
 *
 * Another base is one line: `export const idecMnet = withMNet(idec);` and list it in index.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { MNET_PARAMS, MNET_PRESETS, mnetPhase } from './mnetPhase';
import type { Method, MethodContext, MethodRun } from './types';

export function withMNet(base: Method): Method {
  const create = (ctx: MethodContext): MethodRun => {
    const run = base.create(ctx); // first, so the base part equals a plain run of `base` with this seed
    const embedDim = tf.tidy(() => run.embed(tf.slice(ctx.x, [0, 0], [1, -1])).shape[1]);
    const head = mnetPhase(
      {
        embedDim,
        embed: run.embed,
        assign: (x) => {
          const a = run.assign(x);
          if (!a) throw new Error(`${base.name} + MNet: the base method has no soft assignments yet`);
          return a;
        },
      },
      ctx,
      ctx.rng.fork(),
    );
    return {
      phases: [...run.phases, head.phase],
      embed: run.embed,
      assign: (x) => head.assign(x) ?? run.assign(x),
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
    summary: `${base.name}, then DCSS's MNet: a softmax head trained on the confident pairs of ${base.name}'s soft assignments.`,
    card: {
      equation: base.card.equation,
      steps: [base.card.steps[0], `Train ${base.name} as usual for its soft assignments.`, 'Then MNet, a softmax head, learns from the confident similar / dissimilar pairs of those assignments.'],
      failureMode: `${base.card.failureMode} MNet inherits the base's confident mistakes.`,
    },
    params: [...base.params, ...MNET_PARAMS],
    presets: {
      paper: { ...base.presets?.paper, ...MNET_PRESETS.paper },
      quick: { ...base.presets?.quick, ...MNET_PRESETS.quick },
    },
    create,
  };
}
