/**
 * The optimiser a phase asks for (OptimizerSpec): Adam or SGD (with momentum), coupled L2 weight
 * decay, a learning-rate schedule over the phase's steps, and parameter groups with their own rate
 * and decay. One tfjs optimiser per group; the caller disposes them (with their slot variables)
 * at phase end.
 */
import * as tf from '@tensorflow/tfjs';
import type { LrSchedule, OptimizerSpec } from '../methods/types';

export interface PhaseOptimizer {
  /**
   * One update from the gradients of the named variables at the phase's step (0-based). Call
   * inside tf.tidy: the decayed gradients are intermediate tensors.
   */
  apply(grads: tf.NamedTensorMap, step: number): void;
  dispose(): void;
}

/** The factor of the base rate at `step` of `steps` (0-based). */
export function learningRateFactor(schedule: LrSchedule | undefined, step: number, steps: number): number {
  if (!schedule || schedule.kind === 'constant') return 1;
  const warmup = Math.max(0, Math.floor(schedule.warmupSteps ?? 0));
  if (step < warmup) return (step + 1) / warmup;
  const final = schedule.finalFactor ?? 0;
  const progress = Math.min(1, (step - warmup) / Math.max(1, steps - warmup));
  return final + (1 - final) * 0.5 * (1 + Math.cos(Math.PI * progress));
}

interface Group {
  optimizer: tf.Optimizer;
  learningRate: number;
  weightDecay: number;
  /** Names of its variables; null for the default group (every variable no group lists). */
  names: Set<string> | null;
  current: number;
}

export function createPhaseOptimizer(spec: OptimizerSpec, steps: number): PhaseOptimizer {
  const groups: Group[] = (spec.groups ?? []).map((g) => ({
    optimizer: baseOptimizer(spec, g.learningRate),
    learningRate: g.learningRate,
    weightDecay: g.weightDecay ?? spec.weightDecay ?? 0,
    names: new Set(g.variables().map((v) => v.name)),
    current: g.learningRate,
  }));
  const fallback: Group = { optimizer: baseOptimizer(spec, spec.learningRate), learningRate: spec.learningRate, weightDecay: spec.weightDecay ?? 0, names: null, current: spec.learningRate };
  groups.push(fallback);
  const registered = tf.engine().registeredVariables;

  return {
    apply(grads, step) {
      const factor = learningRateFactor(spec.schedule, step, steps);
      const parts = groups.map(() => ({}) as tf.NamedTensorMap);
      for (const [name, grad] of Object.entries(grads)) {
        const g = groups.findIndex((group) => group.names === null || group.names.has(name));
        const decay = groups[g].weightDecay;
        parts[g][name] = decay > 0 ? tf.add(grad, tf.mul(registered[name], decay)) : grad;
      }
      groups.forEach((group, g) => {
        if (Object.keys(parts[g]).length === 0) return;
        setLearningRate(group, group.learningRate * factor);
        group.optimizer.applyGradients(parts[g]);
      });
    },
    dispose() {
      for (const g of groups) g.optimizer.dispose();
    },
  };
}

/** The plain tfjs optimiser of a spec at a given rate (kept for callers without steps). */
export function createOptimizer(spec: OptimizerSpec): tf.Optimizer {
  return baseOptimizer(spec, spec.learningRate);
}

function baseOptimizer(spec: OptimizerSpec, learningRate: number): tf.Optimizer {
  switch (spec.kind) {
    case 'adam':
      return tf.train.adam(learningRate, spec.beta1 ?? 0.9, spec.beta2 ?? 0.999, spec.epsilon);
    case 'sgd':
      return spec.momentum ? momentum(learningRate, spec.momentum) : tf.train.sgd(learningRate);
  }
}

function setLearningRate(group: Group, rate: number): void {
  if (rate === group.current) return;
  group.current = rate;
  const opt = group.optimizer as tf.Optimizer & { learningRate: number; setLearningRate?: (r: number) => void };
  // SGD and momentum keep the rate as a kept scalar; Adam reads the number on every step.
  if (opt.setLearningRate) opt.setLearningRate(rate);
  else opt.learningRate = rate;
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
