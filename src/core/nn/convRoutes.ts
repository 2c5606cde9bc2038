/**
 * The ways conv.ts can train a 3×3 convolution, and which one each backend uses. Plain data (no
 * tfjs), so the bench page can plan its runs without loading a backend.
 */
export const CONV_ROUTES = ['conv2d', 'conv2d/dw-conv', 'conv2d/dw-slices', 'conv2d/dw-onehot', 'im2col-slices', 'im2col-onehot', 'conv3d'] as const;
export type ConvRoute = (typeof CONV_ROUTES)[number];

/** The fastest route that trains on each backend (`npm run bench -- --only train-cnn`). */
export const CONV_ROUTE_BY_BACKEND: Readonly<Record<string, ConvRoute>> = {
  wasm: 'conv2d/dw-conv',
  webgl: 'conv2d',
  webgpu: 'conv2d',
  cpu: 'conv2d',
};

/** The route for a backend; one not listed gets tf.conv2d (every backend but WASM trains it). */
export function pickConvRoute(backend: string): ConvRoute {
  return CONV_ROUTE_BY_BACKEND[backend] ?? 'conv2d';
}

/** Routes that can train on a backend: all but plain tf.conv2d on WASM (no Conv2DBackpropFilter). */
export function convRoutesThatTrain(backend: string): ConvRoute[] {
  return CONV_ROUTES.filter((r) => backend !== 'wasm' || r !== 'conv2d');
}
