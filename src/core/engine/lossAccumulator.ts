/**
 * Running sums of the step losses, kept on the device: each step adds its scalars to the sums
 * (old sums disposed), and nothing is read back until a snapshot asks for the means.
 */
import * as tf from '@tensorflow/tfjs';

export const TOTAL = 'total';

export interface LossAccumulator {
  /** Add one step's losses; call inside the step's tf.tidy (the new sums are kept). */
  add(total: tf.Scalar, parts?: Record<string, tf.Scalar>): void;
  /** Mean of each loss since the last read (one await for all of them), then reset. */
  read(): Promise<Record<string, number>>;
  /**
   * Wait until the device has finished every step queued so far (a one-scalar readback). Keeps
   * async backends (WebGPU, WebGL) from queueing unbounded work ahead of the GPU.
   */
  fence(): Promise<void>;
  /** Steps added since the last read. */
  readonly count: number;
  dispose(): void;
}

export function createLossAccumulator(): LossAccumulator {
  let sums = new Map<string, tf.Scalar>();
  let count = 0;

  const accumulate = (name: string, value: tf.Scalar): void => {
    const old = sums.get(name);
    const next = tf.keep(old ? tf.add(old, value) : tf.clone(value)) as tf.Scalar;
    old?.dispose();
    sums.set(name, next);
  };

  const disposeAll = (): void => {
    for (const s of sums.values()) s.dispose();
    sums = new Map();
  };

  return {
    get count() {
      return count;
    },
    add(total, parts) {
      accumulate(TOTAL, total);
      for (const [name, value] of Object.entries(parts ?? {})) {
        if (name !== TOTAL) accumulate(name, value);
      }
      count++;
    },
    async read() {
      const names = [...sums.keys()];
      const values = await Promise.all(names.map((k) => sums.get(k)!.data()));
      const n = count;
      disposeAll();
      count = 0;
      // The total duplicates a single named part; show it only when it adds information.
      const showTotal = names.length !== 2;
      const out: Record<string, number> = {};
      names.forEach((name, i) => {
        if (name !== TOTAL || showTotal) out[name] = values[i][0] / n;
      });
      return out;
    },
    async fence() {
      const total = sums.get(TOTAL);
      if (total) await total.data();
    },
    dispose: disposeAll,
  };
}
