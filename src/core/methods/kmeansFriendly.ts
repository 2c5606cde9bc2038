/**
 * The two terms shared by the "k-means-friendly" structure-prior methods (DCN, DKM): the
 * reconstruction error as the papers write it, ‖x − g(f(x))‖² summed over features and averaged
 * over the batch, and squared Euclidean distances from embeddings to centroids.
 */
import * as tf from '@tensorflow/tfjs';
import type { Autoencoder } from '../nn/autoencoder';

/** Mean over the batch of ‖x − g(f(x))‖² (the autoencoder's MSE is the same divided by d). */
export function sumSquaredReconstruction(ae: Autoencoder, x: tf.Tensor2D): tf.Scalar {
  return tf.mul(ae.reconstructionLoss(x), x.shape[1]) as tf.Scalar;
}

/**
 * ‖z_i − c_k‖², rows × k. By broadcasting rather than ‖z‖² − 2z·cᵀ + ‖c‖²: exact, never negative,
 * and its gradient needs no transposed matMul (slow on WASM); e and k are small here.
 */
export function sqDistances(z: tf.Tensor2D, c: tf.Tensor2D): tf.Tensor2D {
  return tf.sum(tf.square(tf.sub(tf.expandDims(z, 1), tf.expandDims(c, 0))), 2) as tf.Tensor2D;
}
