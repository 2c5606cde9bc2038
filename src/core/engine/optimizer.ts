import * as tf from '@tensorflow/tfjs';
import type { OptimizerSpec } from '../methods/types';

/** The optimiser a phase asks for; the caller disposes it (with its slot variables) at phase end. */
export function createOptimizer(spec: OptimizerSpec): tf.Optimizer {
  switch (spec.kind) {
    case 'adam':
      return tf.train.adam(spec.learningRate);
    case 'sgd':
      return spec.momentum ? momentum(spec.learningRate, spec.momentum) : tf.train.sgd(spec.learningRate);
  }
}

/**
 * tfjs 4's MomentumOptimizer.dispose() forgets the learning-rate scalar its SGD base keeps (field
 * `c`), leaking one tensor per phase; free it too.
 */
function momentum(learningRate: number, m: number): tf.Optimizer {
  const opt = tf.train.momentum(learningRate, m);
  const dispose = opt.dispose.bind(opt);
  opt.dispose = () => {
    const c = (opt as unknown as { c?: tf.Tensor }).c;
    dispose();
    if (c && !c.isDisposed) c.dispose();
  };
  return opt;
}
