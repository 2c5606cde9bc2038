/**
 * External knowledge (survey §3.6): what a method may use that was learned on other, larger
 * data — a pretrained image backbone, a vision-language model with text. Core owns these types;
 * `knowledge.ts` implements them, and the training worker injects what only it has (IndexedDB,
 * the user's consent, a folder the user chose). A method reaches all of it through
 * `MethodContext.external`.
 */
import type * as tf from '@tensorflow/tfjs';

/** Long work (a model download, features of 10,000 images) reports how far it is. */
export type ReportProgress = (done: number, total: number, label: string) => void;

/**
 * Where a model's files come from: shipped with the app (an npm package or a file the app
 * serves), a folder the user chose on their machine, or a URL — the last only with consent.
 */
export type AssetSource = { kind: 'bundled' } | { kind: 'local'; files: ReadonlyMap<string, Blob> } | { kind: 'remote'; baseUrl: string };

/** A network that turns images into feature vectors with knowledge from elsewhere. */
export interface FeatureExtractor {
  /** Cache key of its features: model, weights version and preprocessing (e.g. 'mobilenet-v2@nsfwjs-4.4.0'). */
  id: string;
  name: string;
  /** Where its knowledge comes from, said in the UI (what it was trained on, and by whom). */
  provenance: string;
  dim: number;
  /** Whether its features depend on the model source (CLIP: which files); a bundled extractor's do not. */
  usesSource?: boolean;
  /**
   * Features of every row of `images` (n × h·w·c in [0, 1], channels last), batched, as a
   * host array n × dim. Reports progress; throws an Error whose message says what to do.
   * `source` is where the user allowed models to come from (a bundled extractor ignores it).
   */
  extract(images: ImageRows, report: ReportProgress, source: AssetSource): Promise<Float32Array>;
  /** The text side of a vision-language model (CLIP), in the same space as `extract`'s features. */
  textEncoder?(report: ReportProgress, source: AssetSource): Promise<TextEncoder>;
}

/** The run's data as images: what an extractor reads. */
export interface ImageRows {
  x: tf.Tensor2D;
  n: number;
  width: number;
  height: number;
  channels: 1 | 3;
}

/** Text on the same footing as images (a vision-language model such as CLIP). */
export interface TextEncoder {
  id: string;
  /** Unit-length embeddings of the texts (texts × dim), in the image extractor's space. */
  embed(texts: readonly string[]): Promise<Float32Array>;
}

/** What a method of the external-knowledge family is given. */
export interface ExternalKnowledge {
  /**
   * Features of every row of the run's dataset from the named extractor (n × dim, host):
   * computed once per dataset and cached (memory, then IndexedDB where there is one), so a
   * second run or another method on the same data does not compute them again.
   */
  featureView(extractorId: string, report: ReportProgress): Promise<{ features: Float32Array; dim: number }>;
  /** The text side of a vision-language extractor, when it has one and it can be loaded. */
  textEncoder?(extractorId: string, report: ReportProgress): Promise<TextEncoder>;
  /** Candidate class names the user typed or picked (text-guided methods); empty when none. */
  classNames: readonly string[];
}
