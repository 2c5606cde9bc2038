/**
 * tfjs's gradient of a rank-2 matMul, rewritten to transpose explicitly and to compute each input's
 * gradient only when asked.
 *
 * Why: tfjs's own gradient calls matMul with transposeA/transposeB flags, and the WASM backend
 * (tfjs 4.22) runs that path at ~2.5 GFLOP/s instead of ~29, which was 95 % of a training step.
 * Materialising the transpose first keeps every product on the fast path. The gradients stay lazy
 * (one function per input, as tfjs's are), so the tape computes only those on the path to what is
 * differentiated: VAT's probe gradient with respect to its input skips every weight gradient, and a
 * network's first layer skips the gradient of its data. That is about a fifth of an IMSAT step.
 * Batched (rank-3) products keep tfjs's gradient.
 *
 * For y = op(a)·op(b), with op a transpose or not:
 *   y = a b     da = dy bᵀ      db = aᵀ dy
 *   y = a bᵀ    da = dy b       db = dyᵀ a
 *   y = aᵀ b    da = b dyᵀ      db = a dy
 *   y = aᵀ bᵀ   da = bᵀ dyᵀ     db = dyᵀ aᵀ
 */
import * as tf from '@tensorflow/tfjs';

const KERNEL = 'BatchMatMul';
const t = (x: tf.Tensor): tf.Tensor2D => tf.transpose(x as tf.Tensor2D);
const mm = (a: tf.Tensor, b: tf.Tensor): tf.Tensor2D => tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D);

type Inputs = { a: () => tf.Tensor; b: () => tf.Tensor };

/** The gradient functions of y = op(a)·op(b) for rank-2 a and b (see the table above). */
export function matMulGradients(dy: tf.Tensor, a: tf.Tensor, b: tf.Tensor, transposeA: boolean, transposeB: boolean): Inputs {
  if (!transposeA && !transposeB) return { a: () => mm(dy, t(b)), b: () => mm(t(a), dy) };
  if (!transposeA && transposeB) return { a: () => mm(dy, b), b: () => mm(t(dy), a) };
  if (transposeA && !transposeB) return { a: () => mm(b, t(dy)), b: () => mm(a, dy) };
  return { a: () => mm(t(b), t(dy)), b: () => mm(t(dy), t(a)) };
}

let installed = false;

/** Replaces tfjs's registered matMul gradient, once per page; rank-3 products keep the original. */
export function installMatMulGradient(): void {
  if (installed) return;
  installed = true;
  const original = tf.getGradient(KERNEL);
  if (!original) throw new Error(`tfjs has no gradient registered for ${KERNEL}`);
  tf.registerGradient({
    kernelName: KERNEL,
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, saved, attrs) => {
      const [a, b] = saved as tf.Tensor[];
      if (a.rank !== 2 || b.rank !== 2) return original.gradFunc(dy, saved, attrs);
      const { transposeA, transposeB } = attrs as unknown as { transposeA: boolean; transposeB: boolean };
      return matMulGradients(dy as tf.Tensor, a, b, transposeA, transposeB);
    },
  });
}
