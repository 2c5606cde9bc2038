/**
 * How a run is named in the comparison: its method, then whatever it sets apart from the method's
 * defaults (k, budget, parameters) — and, for a duplicate, what it changed ("what if").
 */
import type { Method } from '../../core/methods/types';
import type { RunSpec } from '../../state/params';

function labelOf(method: Method | undefined, key: string): string {
  return method?.params.find((p) => p.key === key)?.label ?? key;
}

/** The run's own settings that differ from the defaults, as "Label value" phrases. */
function ownSettings(spec: RunSpec, method: Method | undefined): string[] {
  const parts: string[] = [];
  if (spec.k !== null) parts.push(`k ${spec.k}`);
  if (spec.budget !== 'quick') parts.push(`${spec.budget} budget`);
  for (const [key, value] of Object.entries(spec.params)) parts.push(`${labelOf(method, key)} ${String(value)}`);
  return parts;
}

export function runTitle(spec: RunSpec, method: Method | undefined): string {
  const name = method?.name ?? spec.method;
  const own = ownSettings(spec, method);
  return own.length ? `${name} · ${own.join(', ')}` : name;
}

/**
 * Each run's short name in a comparison: its method, plus only the settings that tell it apart
 * from another run of the same method (so DEC, DCN and IDEC are just that, and a duplicate says
 * what differs). Two identical runs are told apart by their number.
 */
export function comparisonTitles(specs: readonly RunSpec[], find: (id: string) => Method | undefined): string[] {
  return specs.map((spec, i) => {
    const method = find(spec.method);
    const name = method?.name ?? spec.method;
    const others = specs.filter((o, j) => j !== i && o.method === spec.method);
    if (others.length === 0) return name;
    const parts: string[] = [];
    const show = (v: unknown): string => (v === null || v === undefined ? 'default' : String(v));
    if (others.some((o) => o.k !== spec.k)) parts.push(`k ${show(spec.k)}`);
    if (others.some((o) => o.budget !== spec.budget)) parts.push(`${spec.budget} budget`);
    const keys = new Set([spec, ...others].flatMap((o) => Object.keys(o.params)));
    for (const key of keys) if (others.some((o) => o.params[key] !== spec.params[key])) parts.push(`${labelOf(method, key)} ${show(spec.params[key])}`);
    return parts.length ? `${name} · ${parts.join(', ')}` : `${name} (run ${i + 1})`;
  });
}

/** What `spec` changed against the run it was duplicated from, e.g. ["Student-t α: 2 (was 1)"]. */
export function specChanges(spec: RunSpec, base: RunSpec, method: Method | undefined, baseMethod: Method | undefined): string[] {
  if (spec.method !== base.method) return [`method: ${method?.name ?? spec.method} (was ${baseMethod?.name ?? base.method})`];
  const out: string[] = [];
  const show = (v: unknown): string => (v === null || v === undefined ? 'default' : String(v));
  if (spec.k !== base.k) out.push(`k: ${show(spec.k)} (was ${show(base.k)})`);
  if (spec.budget !== base.budget) out.push(`budget: ${spec.budget} (was ${base.budget})`);
  const keys = new Set([...Object.keys(spec.params), ...Object.keys(base.params)]);
  for (const key of keys) {
    if (spec.params[key] !== base.params[key]) out.push(`${labelOf(method, key)}: ${show(spec.params[key])} (was ${show(base.params[key])})`);
  }
  return out;
}
