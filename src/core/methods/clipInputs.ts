/**
 * What the CLIP methods (SIC, TAC) read before they cluster: the data's CLIP image features
 * (cached per dataset by ExternalKnowledge), the text embeddings of the class names or nouns in a
 * prompt. `embed`/`assign` answer by row (frozenRows.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { CLIP_EXTRACTOR_ID } from '../external/clipModel';
import type { ReportProgress } from '../external/types';
import { frozenRows } from './frozenRows';
import type { MethodContext, ParamSpec } from './types';

/**
 * CLIP's prompt templates (Radford et al. 2021 use "a photo of a {}." as the default and
 * 'a photo of the number: "{}".' for MNIST); '{}' alone is the bare name.
 */
export const PROMPTS = ['a photo of a {}.', 'a photo of the number: "{}".', '{}'] as const;

export const PROMPT_PARAM = {
  key: 'prompt',
  label: 'Prompt',
  help: 'How each class name or noun is put into words for CLIP’s text encoder ({} is the name).',
  kind: 'enum',
  default: PROMPTS[0],
  options: PROMPTS,
} as const satisfies ParamSpec;

export function prompted(names: readonly string[], template: string): string[] {
  return names.map((n) => template.replace('{}', n));
}

export interface ClipInputs {
  /** n × dim, unit rows, on the device; the caller disposes it. */
  features: tf.Tensor2D;
  /** The same on the host. */
  hostFeatures: Float32Array;
  dim: number;
  /** texts × dim, unit rows, host. */
  texts: Float32Array;
}

const noProgress: ReportProgress = () => {};

/** CLIP features of the run's data and text embeddings of `names`; errors say what to do. */
export async function clipInputs(ctx: MethodContext, method: string, names: readonly string[], template: string): Promise<ClipInputs> {
  const external = ctx.external;
  if (!external) throw new Error(`${method} needs CLIP, which this runtime does not provide: run it in the app (or a runtime that passes external knowledge).`);
  if (!external.textEncoder) throw new Error(`${method} needs CLIP's text encoder, which this runtime does not provide.`);
  const report = ctx.report ?? noProgress;
  const { features, dim } = await external.featureView(CLIP_EXTRACTOR_ID, report);
  if (features.length !== ctx.n * dim) throw new Error(`${method}: CLIP gave ${features.length / dim} feature rows for ${ctx.n} images`);
  const encoder = await external.textEncoder(CLIP_EXTRACTOR_ID, report);
  const texts = await encoder.embed(prompted(names, template));
  return { features: tf.tensor2d(features, [ctx.n, dim]), hostFeatures: features, dim, texts };
}

/** The feature rows of dataset rows `rows` (r × dim); `x` holds those rows' pixels. */
export function featureRows(inputs: ClipInputs, x: tf.Tensor2D, rows: Int32Array | undefined, method: string): tf.Tensor2D {
  return frozenRows(inputs.features, x, rows, method);
}

/** Class names as the user typed them: trimmed, empty ones dropped. */
export function cleanNames(names: readonly string[] | undefined): string[] {
  return (names ?? []).map((n) => n.trim()).filter((n) => n.length > 0);
}
