/**
 * Methods on frozen external features (a backbone's, CLIP's) embed and assign by row: the engine
 * passes which dataset rows it asks about (MethodRun.embed/assign `rows`), and the features
 * computed for those rows are the answer — the pixels themselves are not looked at again.
 */
import * as tf from '@tensorflow/tfjs';

/** Rows `rows` of `view` (n × d): for a call without `rows`, all of it when x holds every row. */
export function frozenRows(view: tf.Tensor2D, x: tf.Tensor2D, rows: Int32Array | undefined, method: string): tf.Tensor2D {
  if (rows) return tf.gather(view, tf.tensor1d(rows, 'int32'));
  if (x.shape[0] === view.shape[0]) return view.clone();
  throw new Error(`${method}: features of ${x.shape[0]} rows asked without saying which rows`);
}
