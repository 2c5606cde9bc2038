/**
 * A trainable 3×3 'same' convolution (stride 1, no bias, channels last) that trains on every
 * tfjs backend.
 *
 * Why not tf.conv2d everywhere: the WASM backend of tfjs 4.22 has no Conv2DBackpropFilter kernel,
 * so tf.conv2d's filter gradient throws there. A convolution is a matrix product over patches,
 *   y[b,i,j,o] = Σ_{a,c,k} x[b, i+a−1, j+c−1, k] · w[a,c,k,o]      (x zero outside the image)
 *   dx = conv(dy, w rotated by 180° with in/out channels swapped)   ('same', odd kernel)
 *   dw = patches(x)ᵀ · dy                                           (9·cin × cout)
 * and every route below computes exactly these numbers with kernels WASM has:
 *   'conv2d'           tf.conv2d and its own gradient (WebGL, WebGPU, CPU);
 *   'conv2d/dw-…'      forward tf.conv2d (XNNPACK's fast kernel on WASM), dx by the forward
 *                      convolution above, dw by one of
 *                        dw-conv:    a 'valid' convolution of the padded input (batch on channels)
 *                                    by dy as an h×w kernel — no patches at all,
 *                        dw-slices:  patchesᵀ · dy, patches from 9 shifted slices (below),
 *                        dw-onehot:  patchesᵀ · dy, patches from a forward convolution with a
 *                                    fixed one-hot 3×3×cin×9cin kernel;
 *   'im2col-slices'    patches by 9 shifted slices of the zero-padded image concatenated on
 *                      channels (slice, pad and concat have gradients everywhere), then a matrix
 *                      product (its gradient: matMulGradient.ts) (issue 15, route c);
 *   'im2col-onehot'    patches by the one-hot convolution (its input gradient is
 *                      Conv2DBackpropInput, which WASM has), then the same product (route a);
 *   'conv3d'           a depth-1 tf.conv3d, whose filter gradient (Conv3DBackpropFilterV2) WASM
 *                      has (route b; WASM's 3-D kernels are plain loops, ~20× slower).
 * Explicit transposes, as in dense.ts: WASM's matMul with transpose flags is ~10× slower.
 * Which route is fastest on a backend was measured by `npm run bench -- --only train-cnn`
 * (CONV_ROUTE_BY_BACKEND in convRoutes.ts; docs/ARCHITECTURE.md has the figures).
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng';
import { pickConvRoute, type ConvRoute } from './convRoutes';
import { installMatMulGradient } from './matMulGradient';

// The im2col routes' products and the encoder's dense head train through tf.matMul.
installMatMulGradient();

export { CONV_ROUTES, CONV_ROUTE_BY_BACKEND, type ConvRoute } from './convRoutes';

/** The route for the active backend (tf.getBackend()), or for `backend` when given. */
export function convRouteFor(backend: string = tf.getBackend()): ConvRoute {
  return pickConvRoute(backend);
}

/**
 * The one-hot kernel whose convolution lays out each pixel's 3×3 neighbourhood on channels, in
 * the order of w.reshape([9·cin, cout]): channel (a·3 + c)·cin + k holds x[i+a−1, j+c−1, k].
 */
export function patchKernel(cin: number): tf.Tensor4D {
  const values = new Float32Array(9 * cin * 9 * cin);
  for (let p = 0; p < 9; p++) {
    for (let k = 0; k < cin; k++) {
      // Index of [a, c, k, p·cin + k] in a 3×3×cin×9cin kernel, with a·3 + c = p.
      values[(p * cin + k) * 9 * cin + p * cin + k] = 1;
    }
  }
  return tf.tensor4d(values, [3, 3, cin, 9 * cin]);
}

/** Patches by 9 shifted slices of the zero-padded image: b×h×w×cin → b×h×w×9cin. */
export function slicePatches(x: tf.Tensor4D): tf.Tensor4D {
  const [b, h, w, c] = x.shape;
  const padded = tf.pad(x, [[0, 0], [1, 1], [1, 1], [0, 0]]);
  const shifts: tf.Tensor4D[] = [];
  for (let a = 0; a < 3; a++) for (let s = 0; s < 3; s++) shifts.push(tf.slice(padded, [0, a, s, 0], [b, h, w, c]));
  return tf.concat(shifts, 3);
}

/** w rotated by 180° with in/out channels swapped: the kernel of the input gradient. */
function backwardKernel(w: tf.Tensor4D): tf.Tensor4D {
  return tf.transpose(tf.reverse(w, [0, 1]), [0, 1, 3, 2]);
}

type FilterGradient = 'dw-conv' | 'dw-slices' | 'dw-onehot';

/** dw (3×3×cin×cout) of a 'same' 3×3 convolution, from its input x and output gradient dy. */
function filterGradient(x: tf.Tensor4D, dy: tf.Tensor4D, how: FilterGradient, kernels: PatchKernels): tf.Tensor4D {
  const [b, h, w, cin] = x.shape;
  const cout = dy.shape[3];
  if (how === 'dw-conv') {
    // A 'valid' convolution of the padded input, batch moved onto channels, by dy as an h×w
    // kernel: dw[a,c,k,o] = Σ_{b,i,j} xpad[b,i+a,j+c,k] · dy[b,i,j,o].
    const xt = tf.transpose(tf.pad(x, [[0, 0], [1, 1], [1, 1], [0, 0]]), [3, 1, 2, 0]) as tf.Tensor4D;
    const dyKernel = tf.transpose(dy, [1, 2, 0, 3]) as tf.Tensor4D;
    return tf.transpose(tf.conv2d(xt, dyKernel, 1, 'valid'), [1, 2, 0, 3]);
  }
  const patches4 = how === 'dw-slices' ? slicePatches(x) : tf.conv2d(x, kernels.get(cin), 1, 'same');
  const patches = tf.reshape(patches4, [b * h * w, 9 * cin]);
  return tf.reshape(tf.matMul(tf.transpose(patches), tf.reshape(dy, [b * h * w, cout])), [3, 3, cin, cout]);
}

/** Forward tf.conv2d; gradients from forward convolutions and plain products only (see top). */
function conv2dWithGradients(how: FilterGradient, kernels: PatchKernels) {
  return tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [x, w, save] = args as [tf.Tensor4D, tf.Tensor4D, tf.GradSaveFunc];
    save([x, w]);
    const value: tf.Tensor = tf.conv2d(x, w, 1, 'same');
    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]): tf.Tensor[] => {
      const [xs, ws] = saved as tf.Tensor4D[];
      const dx = tf.conv2d(dy as tf.Tensor4D, backwardKernel(ws), 1, 'same');
      return [dx, filterGradient(xs, dy as tf.Tensor4D, how, kernels)];
    };
    return { value, gradFunc };
  }) as (x: tf.Tensor4D, w: tf.Tensor4D) => tf.Tensor4D;
}

/** The one-hot patch kernels a network needs, made once per input width and kept (not trained). */
export interface PatchKernels {
  get(cin: number): tf.Tensor4D;
  dispose(): void;
}

export function createPatchKernels(): PatchKernels {
  const byWidth = new Map<number, tf.Tensor4D>();
  return {
    get(cin) {
      let k = byWidth.get(cin);
      if (!k) {
        // Kept out of any tidy it happens to be made in.
        k = tf.keep(tf.tidy(() => patchKernel(cin)));
        byWidth.set(cin, k);
      }
      return k;
    },
    dispose: () => {
      byWidth.forEach((k) => k.dispose());
      byWidth.clear();
    },
  };
}

/** A 3×3 'same' convolution by one route: (x: b×h×w×cin, w: 3×3×cin×cout) → b×h×w×cout. */
export type ConvFunction = (x: tf.Tensor4D, w: tf.Tensor4D) => tf.Tensor4D;

export function convFunction(route: ConvRoute, kernels: PatchKernels): ConvFunction {
  switch (route) {
    case 'conv2d':
      return (x, w) => tf.conv2d(x, w, 1, 'same');
    case 'conv2d/dw-conv':
    case 'conv2d/dw-slices':
    case 'conv2d/dw-onehot':
      return conv2dWithGradients(route.slice('conv2d/'.length) as FilterGradient, kernels);
    case 'im2col-slices':
    case 'im2col-onehot':
      return (x, w) => {
        const [b, h, wd, cin] = x.shape;
        const cout = w.shape[3];
        const patches = route === 'im2col-onehot' ? tf.conv2d(x, kernels.get(cin), 1, 'same') : slicePatches(x);
        const y = tf.matMul(tf.reshape(patches, [b * h * wd, 9 * cin]), tf.reshape(w, [9 * cin, cout]) as tf.Tensor2D);
        return tf.reshape(y, [b, h, wd, cout]);
      };
    case 'conv3d':
      return (x, w) => {
        const [b, h, wd, cin] = x.shape;
        const cout = w.shape[3];
        const y = tf.conv3d(tf.reshape(x, [b, 1, h, wd, cin]) as tf.Tensor5D, tf.reshape(w, [1, 3, 3, cin, cout]) as tf.Tensor5D, 1, 'same');
        return tf.reshape(y, [b, h, wd, cout]);
      };
  }
}

/** Whether a route uses the one-hot patch kernel (made up front, so that steps add no tensors). */
export function usesPatchKernel(route: ConvRoute): boolean {
  return route === 'conv2d/dw-onehot' || route === 'im2col-onehot';
}

export interface Conv3x3 {
  readonly inChannels: number;
  readonly outChannels: number;
  readonly route: ConvRoute;
  readonly kernel: tf.Variable;
  apply(x: tf.Tensor4D): tf.Tensor4D;
  variables(): tf.Variable[];
  dispose(): void;
}

/**
 * A 3×3 'same' convolution without bias (the bias would be cancelled by the batch norm that
 * follows in every network here). Initialised as PyTorch's Conv2d (Kaiming-uniform with a = √5:
 * U(−1/√fan_in, 1/√fan_in), fan_in = 9·cin), seeded from `rng`. `route` defaults to the active
 * backend's fastest one.
 */
export function createConv3x3(inChannels: number, outChannels: number, rng: Rng, route: ConvRoute = convRouteFor()): Conv3x3 {
  const bound = 1 / Math.sqrt(9 * inChannels);
  const kernel = tf.tidy(() =>
    tf.variable(tf.randomUniform([3, 3, inChannels, outChannels], -bound, bound, 'float32', rng.seed()), true, undefined, 'float32'),
  );
  const kernels = createPatchKernels();
  if (usesPatchKernel(route)) kernels.get(inChannels);
  const conv = convFunction(route, kernels);
  return {
    inChannels,
    outChannels,
    route,
    kernel,
    apply: (x) => conv(x, kernel as tf.Tensor4D),
    variables: () => [kernel],
    dispose: () => {
      kernel.dispose();
      kernels.dispose();
    },
  };
}
