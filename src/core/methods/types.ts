/**
 * The one shape every clustering method has (see docs/ARCHITECTURE.md).
 *
 * A method file holds only the math: it declares its prior family, its parameters and its phases.
 * The engine (src/core/engine/) owns what all methods share: batching by index from the
 * device-resident data tensor, the optimiser, tf.tidy around every step, snapshots, pausing.
 */
import type * as tf from '@tensorflow/tfjs';
import type { ImageShape } from '../data/dataset';
import type { Rng } from '../rng';
import type { Neighbours } from '../cluster/knn';
import type { Network } from '../nn/network';
import type { FamilyId } from './families';
import type { ExternalKnowledge, ReportProgress } from '../external/types';

export type ParamValue = number | string | boolean;

/** One user-settable parameter; the UI, the URL and the CLI are generated from these. */
export interface ParamSpec {
  key: string;
  label: string;
  help: string;
  kind: 'int' | 'float' | 'enum' | 'bool';
  default: ParamValue;
  min?: number;
  max?: number;
  /** Allowed values for kind 'enum'. */
  options?: readonly string[];
  /** Log-scale slider (learning rates). */
  log?: boolean;
}

export type Params = Record<string, ParamValue>;

/** The value type one spec gives: numbers for 'int'/'float', the options' union for 'enum'. */
export type ParamOf<S extends ParamSpec> = S['kind'] extends 'bool'
  ? boolean
  : S['kind'] extends 'enum'
    ? S['options'] extends readonly (infer O extends string)[]
      ? O
      : string
    : number;

/** A method's parameters, typed from its specs (see defineMethod), so a method needs no casts on them. */
export type ParamsOf<S extends readonly ParamSpec[]> = { [P in S[number] as P['key']]: ParamOf<P> };

/** Learning rate over a phase's steps, as a factor of the spec's rate. */
export type LrSchedule =
  | { kind: 'constant' }
  /** Linear warm-up from 0, then half a cosine down to `finalFactor` (default 0) at the last step (SimCLR, SCAN, CC). */
  | { kind: 'cosine'; warmupSteps?: number; finalFactor?: number };

/** Variables trained with their own rate and decay (e.g. SCAN: backbone 10⁻⁴, heads 10⁻³). */
export interface ParamGroup {
  variables(): tf.Variable[];
  learningRate: number;
  weightDecay?: number;
}

export interface OptimizerSpec {
  kind: 'adam' | 'sgd';
  learningRate: number;
  /** SGD momentum. */
  momentum?: number;
  /** Adam's ε; tfjs's default is 10⁻⁷, PyTorch's 10⁻⁸. */
  epsilon?: number;
  /** Adam's β₁, β₂ (default 0.9, 0.999). */
  beta1?: number;
  beta2?: number;
  /** L2 penalty added to the gradient, as torch.optim's `weight_decay` (coupled, not AdamW). */
  weightDecay?: number;
  /** Default: constant. Applies to every group. */
  schedule?: LrSchedule;
  /**
   * Variables with their own rate/decay; the phase's other variables use the top-level ones.
   * A variable belongs to the first group that lists it.
   */
  groups?: readonly ParamGroup[];
}

/** What a method gets when a run is created. */
export interface MethodContext<P = Params> {
  /** All points, resident on the device: n × dim. Owned by the engine; never dispose it. */
  x: tf.Tensor2D;
  n: number;
  dim: number;
  /** Number of clusters. */
  k: number;
  /** Present when rows are images (channels last), for methods that augment them. */
  image?: ImageShape;
  /** Seeded generator; the only source of randomness. */
  rng: Rng;
  /** Method parameters, already validated against the method's ParamSpecs. */
  params: P;
  /**
   * Knowledge from elsewhere (pretrained backbones, text): present where the runtime provides it
   * (the training worker, the CLI); a method that needs it and finds none says so in its error.
   */
  external?: ExternalKnowledge;
  /**
   * Progress of long one-off work in a phase's `begin()` (features of 10,000 images): the run's
   * progress line shows it as "label done / total". Absent where nobody listens. Throws once the
   * run is asked to stop, so a stop ends long work at its next report.
   */
  report?: ReportProgress;
}

/** Losses of one step, as scalars still on the device (the engine sums them without readback). */
export interface StepLosses {
  /** What the optimiser minimises. */
  total: tf.Scalar;
  /** Named parts for the loss chart, e.g. { reconstruction, kl }. */
  parts?: Record<string, tf.Scalar>;
}

/** A phase the engine drives: either gradient steps, or a one-off computation, or both. */
export interface Phase {
  id: string;
  /** Shown in the progress line, e.g. 'pretrain (reconstruction)'. */
  label: string;
  /** One-off work at the start of the phase (e.g. k-means init). May read back with await data(). */
  begin?(): Promise<void>;
  /** Gradient phase: number of steps planned (an upper bound when `check` may stop early). */
  steps: number;
  batchSize: number;
  /**
   * Row indices of the next batch (`batchSize` of them), for a phase that samples its own:
   * uniform over pseudo-classes (DeepCluster), … Default: a fresh seeded permutation per epoch.
   * Two augmented views of a batch, or an anchor's mined neighbours, are made in `loss` from
   * these indices.
   */
  nextBatch?(step: number): Int32Array;
  optimizer?: OptimizerSpec;
  /** Trainable variables of this phase. */
  variables?(): tf.Variable[];
  /**
   * Variables the phase changes without gradients (batch-norm running statistics): a shared
   * phase's cached result holds them after `variables()`.
   */
  state?(): tf.Variable[];
  /** Loss of one batch; called inside tf.tidy and tf.variableGrads by the engine. */
  loss?(batch: tf.Tensor2D, indices: tf.Tensor1D, step: number): StepLosses;
  /**
   * Called every `checkEvery` steps (and before step 0) outside tidy; may read back.
   * Return true to end the phase early (e.g. DEC's label-change tolerance).
   */
  check?(step: number): Promise<boolean>;
  checkEvery?: number;
  /**
   * Marks a phase whose result depends only on the data, the seed, the backend and this key
   * (autoencoder pretraining): runs that declare the same key share one computation and its
   * cached weights (`variables()`, in order). Only a first phase that is a plain gradient phase
   * (no begin, no check) is shared, and its network must come from the first fork of ctx.rng,
   * as every method's autoencoder does; the method contract test checks that equal keys mean
   * equal starting weights.
   */
  shared?: string;
}

/** A created run of a method: its phases, plus how to read its current state. */
export interface MethodRun {
  phases: Phase[];
  /**
   * Embedding of the given rows (r × e) — what the scatter plot projects. `rows` says which
   * dataset rows `x` holds (x = ctx.x gathered at rows; the engine always passes it), for
   * methods whose embedding is not a function of the pixels alone but a per-row view computed
   * before (a backbone's cached features).
   */
  embed(x: tf.Tensor2D, rows?: Int32Array): tf.Tensor2D;
  /**
   * Soft cluster assignment of the given rows (r × k, rows sum to 1), or null before the method
   * has clusters (e.g. during pretraining). `rows` as in `embed`.
   */
  assign(x: tf.Tensor2D, rows?: Int32Array): tf.Tensor2D | null;
  /**
   * Cluster centres in the embedding (k × e), for methods that keep them (DEC, IDEC, DCN, DKM);
   * null before they exist. "X + MNet" measures its pairs with memberships around them.
   */
  centres?(): tf.Tensor2D | null;
  /**
   * The run's feature network (e.g. SimCLR's backbone), so a later phase or method can continue
   * from it: pretext → cluster → self-label.
   */
  encoder?: Network;
  /** Mined nearest neighbours of every point, once a neighbourhood method has them. */
  neighbours?(): Neighbours | null;
  /** Free every tensor the run owns. */
  dispose(): void;
}

export interface Method {
  /** Id used in URLs and the CLI, e.g. 'dec'. */
  id: string;
  name: string;
  family: FamilyId;
  /** Citation, e.g. 'Xie, Girshick & Farhadi, ICML 2016'. */
  paper: string;
  /** One-line description for the method card. */
  summary: string;
  /** The method card's teaching text (the prior's sentence comes from its family). */
  card: MethodCardText;
  params: readonly ParamSpec[];
  /** What `embed` returns: learned features (the default), or the raw input for methods that learn none. */
  embedding?: 'input';
  /**
   * Reads a vision-language model (CLIP) and class names: the app shows its panel (names, where
   * the model comes from), and the unit tests drive it with the tiny CLIP model instead.
   */
  visionLanguage?: boolean;
  /** Parameter overrides per budget (defaults come from `params`). */
  presets?: MethodPresets;
  create(ctx: MethodContext): MethodRun;
}

/** Per-budget overrides of typed parameters: a misspelt key or a wrong value type is a compile error. */
export type PresetsFor<P> = Partial<Record<Budget, Partial<P>>>;

/** A method's presets, typed from its specs (e.g. shared ones: `satisfies PresetsOf<typeof AE_PARAMS>`). */
export type PresetsOf<S extends readonly ParamSpec[]> = PresetsFor<ParamsOf<S>>;

/**
 * A method whose `create` and `presets` see parameters typed from its specs. The engine resolves
 * every parameter against the specs before `create` (resolveParams), which is what makes the
 * narrowing sound. (The compiler accepts the narrower `create` as a Method's because
 * Method.create is a method signature, whose parameter is compared both ways.)
 */
export interface MethodDefinition<S extends readonly ParamSpec[]> extends Omit<Method, 'params' | 'presets' | 'create'> {
  params: S;
  presets?: PresetsOf<S>;
  create(ctx: MethodContext<ParamsOf<S>>): MethodRun;
}

/**
 * What defineMethod returns: a Method (the engine calls `create` with resolved, untyped params)
 * that still knows the type P of its parameters, so its presets can be read typed and a method
 * composed from it (withMNet: P & the head's parameters) stays typed. Typed by the parameters
 * rather than by the spec list because intersections compose generically, spec lists do not.
 */
export type TypedMethod<P extends Params> = Omit<Method, 'presets'> & { readonly presets?: PresetsFor<P> };

/** The typed parameters of a method made by defineMethod, e.g. `MethodParams<typeof dec>`. */
export type MethodParams<M> = M extends TypedMethod<infer P> ? P : never;

/**
 * Declare a method with typed parameters. Write its specs in place, or as a shared list declared
 * `as const satisfies readonly ParamSpec[]`, so that keys, kinds and enum options stay literal.
 */
export function defineMethod<const S extends readonly ParamSpec[]>(definition: MethodDefinition<S>): TypedMethod<ParamsOf<S>> {
  return definition;
}

/** Specs without the given keys, and typed without them (a plain filter would keep them in ParamsOf). */
export function omitParams<T extends ParamSpec, K extends T['key']>(specs: readonly T[], ...keys: readonly K[]): Exclude<T, { key: K }>[] {
  return specs.filter((s): s is Exclude<T, { key: K }> => !keys.some((k) => k === s.key));
}

/** What the UI's method card says beyond the summary. */
export interface MethodCardText {
  /** The method's key equation, in plain text with the paper's equation number. */
  equation: string;
  /** What the method does, in three lines. */
  steps: readonly [string, string, string];
  /** How it is known to fail (collapse, sensitivity to k, imbalance, …). */
  failureMode: string;
}

/** Named parameter sets: 'quick' is the app's default, 'paper' the published setting. */
export type Budget = 'quick' | 'paper';
export type MethodPresets = Partial<Record<Budget, Params>>;
