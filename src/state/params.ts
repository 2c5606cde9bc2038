/**
 * One typed table of every user-settable parameter, and the pure hash <-> settings conversion.
 *
 * The global parameters live in GLOBAL_SPECS; the selected method's parameters come from its
 * ParamSpecs. Both parse through the same `parseValue`, so the URL, the controls and the run agree.
 * Only values that differ from the defaults go into the hash, and RunConfig.params holds only the
 * user's overrides (the engine resolves defaults + budget preset + overrides).
 */
import { FAMILIES, family } from '../core/methods/families';
import type { Budget, Method, ParamSpec, ParamValue, Params } from '../core/methods/types';
import { DEFAULT_PROJECTION_PARAMS, type ProjectionParams } from '../core/projection/projectors';
import type { RunConfig } from '../core/engine/types';
import type { ProjectionMethod } from '../worker/protocol';

/** RunConfig plus what the UI alone needs but the link must still carry (the projection's settings). */
export interface Settings extends RunConfig, ProjectionParams {
  projection: ProjectionMethod;
}

/** What one run of a comparison chooses for itself; everything else is shared by all its runs. */
export type RunSpec = Pick<Settings, 'method' | 'budget' | 'k' | 'params'>;
export type SharedSettings = Omit<Settings, keyof RunSpec>;
export const RUN_KEYS: readonly string[] = ['method', 'budget', 'k'];

export function specOf(s: Settings): RunSpec {
  return { method: s.method, budget: s.budget, k: s.k, params: { ...s.params } };
}

export function sharedOf(s: Settings): SharedSettings {
  const { method: _m, budget: _b, k: _k, params: _p, ...shared } = s;
  void [_m, _b, _k, _p];
  return shared;
}

/** The full settings a run starts with: the shared ones and its own. */
export function joinSettings(shared: SharedSettings, spec: RunSpec): Settings {
  return { ...shared, ...spec, params: { ...spec.params } };
}

/** The subset of a registry dataset entry the settings need. */
export interface CatalogDataset {
  id: string;
  name: string;
  numClasses: number;
  description?: string;
}

/** What the settings are validated against; injected so the parsing stays pure and testable. */
export interface Catalog {
  datasets: readonly CatalogDataset[];
  methods: readonly Method[];
  /** Effective method parameters (defaults + budget preset + overrides). */
  effective(method: Method, budget: Budget, overrides: Params): Params;
}

/** Settings with one value each in the table below (class names are a list, carried apart). */
export type GlobalKey = Exclude<keyof Settings, 'params' | 'classNames'>;

export interface Option {
  value: string;
  label: string;
  /** Shown under this heading (a method's prior family). */
  group?: string;
}

/** A global parameter; like a ParamSpec, but enums carry labels and k may be empty. */
export interface GlobalSpec {
  key: GlobalKey;
  label: string;
  help: string;
  kind: ParamSpec['kind'];
  min?: number;
  max?: number;
  options?: readonly Option[];
  /** An empty value is allowed and means null (k = the dataset's number of classes). */
  nullable?: boolean;
}

const BACKENDS: readonly Option[] = [
  { value: 'auto', label: 'auto' },
  { value: 'webgpu', label: 'WebGPU' },
  { value: 'wasm', label: 'WASM' },
  { value: 'webgl', label: 'WebGL' },
  { value: 'cpu', label: 'CPU (slow)' },
];

/** The table. Order here is the order of the controls and of the keys in the hash. */
export function globalSpecs(catalog: Catalog): GlobalSpec[] {
  return [
    {
      key: 'dataset',
      label: 'Dataset',
      help: 'The data to cluster. MNIST-10k is quick; full MNIST is what the papers report.',
      kind: 'enum',
      options: catalog.datasets.map((d) => ({ value: d.id, label: d.name })),
    },
    {
      key: 'method',
      label: 'Method',
      help: 'The deep clustering method to train, listed under the prior it uses in place of labels.',
      kind: 'enum',
      options: methodOptions(catalog.methods),
    },
    { key: 'seed', label: 'Seed', help: 'Seeds every random choice, so a link reproduces the run.', kind: 'int', min: 0, max: 4294967295 },
    { key: 'backend', label: 'Backend', help: 'Where tfjs runs. auto: WebGPU on real hardware, else WASM, WebGL, CPU.', kind: 'enum', options: BACKENDS },
    {
      key: 'budget',
      label: 'Budget',
      help: "quick: shortened schedules for the browser; paper: the published setting (slow).",
      kind: 'enum',
      options: [
        { value: 'quick', label: 'quick' },
        { value: 'paper', label: 'paper' },
      ],
    },
    { key: 'k', label: 'Clusters (k)', help: 'Number of clusters; empty = the number of classes in the dataset.', kind: 'int', min: 2, max: 100, nullable: true },
    {
      key: 'retention',
      label: 'Imbalance r',
      help: 'Subsample classes: class c keeps r + (1 − r)·c/(C − 1) of its points (DEC, DCSS protocol); 1 = balanced as loaded.',
      kind: 'float',
      min: 0.05,
      max: 1,
    },
    { key: 'sampleSize', label: 'Points shown', help: 'Size of the fixed sample drawn in the scatter plot and sent in each snapshot.', kind: 'int', min: 100, max: 70000 },
    { key: 'snapshotEveryMs', label: 'Snapshot every (ms)', help: 'Minimum time between snapshots; smaller = livelier plots, slower training.', kind: 'int', min: 100, max: 60000 },
    {
      key: 'projection',
      label: 'Projection',
      help: 'How the embedding is drawn in 2-D. UMAP and t-SNE keep neighbourhoods (the first frame is PCA for instant feedback).',
      kind: 'enum',
      options: [
        { value: 'umap', label: 'UMAP' },
        { value: 'tsne', label: 't-SNE' },
        { value: 'pca', label: 'PCA' },
      ],
    },
    { key: 'umapNeighbors', label: 'UMAP neighbours', help: 'UMAP: neighbourhood size; larger keeps more global structure, smaller more local detail.', kind: 'int', min: 2, max: 200 },
    { key: 'umapMinDist', label: 'UMAP min. distance', help: 'UMAP: how tightly points may pack; 0 gives dense clumps, 1 an even spread.', kind: 'float', min: 0, max: 1 },
    { key: 'tsnePerplexity', label: 't-SNE perplexity', help: 't-SNE: effective number of neighbours each point attends to (5–50 is usual).', kind: 'float', min: 2, max: 100 },
    {
      key: 'tsneLearningRate',
      label: 't-SNE learning rate',
      help: "t-SNE: step size; empty = auto, max(n / 48, 50) as scikit-learn's 'auto'.",
      kind: 'float',
      min: 1,
      max: 100000,
      nullable: true,
    },
    { key: 'tsneIterations', label: 't-SNE iterations', help: 't-SNE: iterations of a fresh layout (250 of them exaggerated); later frames run a quarter.', kind: 'int', min: 250, max: 5000 },
  ];
}

/** The methods grouped by prior family, in the survey's order of the families. */
function methodOptions(methods: readonly Method[]): Option[] {
  const order = (m: Method): number => FAMILIES.findIndex((f) => f.id === m.family);
  return [...methods].sort((a, b) => order(a) - order(b)).map((m) => ({ value: m.id, label: m.name, group: family(m.family).name }));
}

export function defaultSettings(catalog: Catalog): Settings {
  return {
    dataset: catalog.datasets.some((d) => d.id === 'mnist-10k') ? 'mnist-10k' : (catalog.datasets[0]?.id ?? ''),
    method: catalog.methods.some((m) => m.id === 'dec') ? 'dec' : (catalog.methods[0]?.id ?? ''),
    seed: 1,
    backend: 'auto',
    budget: 'quick',
    k: null,
    params: {},
    retention: 1,
    sampleSize: 5000,
    snapshotEveryMs: 500,
    projection: 'umap',
    ...DEFAULT_PROJECTION_PARAMS,
  };
}

export type Parsed = { ok: true; value: ParamValue | null } | { ok: false; error: string };

type Checkable = Pick<ParamSpec, 'kind' | 'min' | 'max' | 'label'> & { options?: readonly (string | Option)[]; nullable?: boolean };

/** Parses one raw string against a spec; the error names the parameter and what was wrong. */
export function parseValue(spec: Checkable, raw: string): Parsed {
  const s = raw.trim();
  if (s === '' && spec.nullable) return { ok: true, value: null };
  const bad = (why: string): Parsed => ({ ok: false, error: `${spec.label}: ${why}` });
  if (s === '') return bad('a value is required');
  switch (spec.kind) {
    case 'bool':
      if (s === 'true' || s === '1') return { ok: true, value: true };
      if (s === 'false' || s === '0') return { ok: true, value: false };
      return bad(`'${s}' is not true or false`);
    case 'enum': {
      const values = (spec.options ?? []).map((o) => (typeof o === 'string' ? o : o.value));
      return values.includes(s) ? { ok: true, value: s } : bad(`unknown value '${s}' (expected one of ${values.join(', ')})`);
    }
    case 'int':
    case 'float': {
      const isNum = spec.kind === 'int' ? /^[+-]?\d+$/.test(s) : s !== '' && Number.isFinite(Number(s));
      if (!isNum) return bad(`'${s}' is not ${spec.kind === 'int' ? 'an integer' : 'a number'}`);
      const v = Number(s);
      if (spec.min !== undefined && v < spec.min) return bad(`${v} is below the minimum ${spec.min}`);
      if (spec.max !== undefined && v > spec.max) return bad(`${v} is above the maximum ${spec.max}`);
      return { ok: true, value: v };
    }
  }
}

/**
 * The link key of the candidate class names of text-guided methods (CLIP): one comma-separated
 * list, shared by every run. Where the model may come from (consent, a local folder) is never in
 * a link.
 */
export const CLASS_NAMES_KEY = 'classes';

/** "zero, one,two ,," → ['zero', 'one', 'two']: comma-separated, trimmed, empty ones dropped. */
export function parseClassNames(raw: string): string[] {
  return raw
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n.length > 0);
}

export function findMethodIn(catalog: Catalog, id: string): Method | undefined {
  return catalog.methods.find((m) => m.id === id);
}

/**
 * Reads the settings from a location hash ('#dataset=blobs&seed=3&alpha=1'). Never throws:
 * every problem becomes a message, and the field falls back to its default.
 */
export function parseConfig(hash: string, catalog: Catalog): { config: Settings; errors: string[] } {
  const config = defaultSettings(catalog);
  const errors: string[] = [];
  const entries = new Map<string, string>();
  const body = hash.replace(/^#/, '');
  for (const part of body.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawVal = eq < 0 ? '' : part.slice(eq + 1);
    try {
      entries.set(decodeURIComponent(rawKey), decodeURIComponent(rawVal.replace(/\+/g, ' ')));
    } catch {
      errors.push(`Link: could not decode '${part}' — ignored`);
    }
  }

  const globals = globalSpecs(catalog);
  const globalKeys = new Set<string>(globals.map((g) => g.key));
  // The method is read first: its ParamSpecs decide which other keys are valid.
  for (const spec of globals) {
    const raw = entries.get(spec.key);
    if (raw === undefined) continue;
    const r = parseValue(spec, raw);
    if (!r.ok) {
      errors.push(`${r.error} — using the default`);
      continue;
    }
    (config as unknown as Record<string, ParamValue | null>)[spec.key] = r.value;
  }

  const method = findMethodIn(catalog, config.method);
  for (const [key, raw] of entries) {
    if (globalKeys.has(key)) continue;
    if (key === CLASS_NAMES_KEY) {
      const names = parseClassNames(raw);
      if (names.length > 0) config.classNames = names;
      continue;
    }
    const spec = method?.params.find((p) => p.key === key);
    if (!spec) {
      errors.push(`Unknown parameter '${key}'${method ? ` for ${method.name}` : ''} — ignored`);
      continue;
    }
    const r = parseValue(spec, raw);
    if (!r.ok || r.value === null) {
      errors.push(`${r.ok ? spec.label : r.error} — using the default`);
      continue;
    }
    config.params[key] = r.value;
  }
  return { config, errors };
}

function encodeValue(v: ParamValue): string {
  return encodeURIComponent(String(v));
}

/** The hash for these settings (without '#'): only values that differ from the defaults. */
export function serializeConfig(config: Settings, catalog: Catalog): string {
  const defaults = defaultSettings(catalog);
  const parts: string[] = [];
  for (const spec of globalSpecs(catalog)) {
    const v = config[spec.key];
    if (v === defaults[spec.key] || v === null) continue;
    parts.push(`${spec.key}=${encodeValue(v)}`);
  }
  if (config.classNames && config.classNames.length > 0) parts.push(`${CLASS_NAMES_KEY}=${encodeURIComponent(config.classNames.join(', '))}`);
  const method = findMethodIn(catalog, config.method);
  // Method params in the method's declared order, so equal settings give equal links.
  for (const spec of method?.params ?? []) {
    const v = config.params[spec.key];
    if (v !== undefined) parts.push(`${encodeURIComponent(spec.key)}=${encodeValue(v)}`);
  }
  return parts.join('&');
}

/** The RunConfig the training worker gets (the UI-only fields removed). */
export function toRunConfig(s: Settings): RunConfig {
  const { projection: _projection, umapNeighbors, umapMinDist, tsnePerplexity, tsneLearningRate, tsneIterations, ...run } = s;
  void [_projection, umapNeighbors, umapMinDist, tsnePerplexity, tsneLearningRate, tsneIterations];
  return { ...run, params: { ...run.params } };
}

/** The projection worker's parameters from the settings (sent in every ProjectCommand). */
export function projectionParams(s: SharedSettings): ProjectionParams {
  const { umapNeighbors, umapMinDist, tsnePerplexity, tsneLearningRate, tsneIterations } = s;
  return { umapNeighbors, umapMinDist, tsnePerplexity, tsneLearningRate, tsneIterations };
}
