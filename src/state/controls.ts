/**
 * Control definitions generated from the parameter table (params.ts) and the selected method's
 * ParamSpecs, plus the one pure way to change a setting from a control. The React side only
 * renders these; it never knows a parameter by name.
 */
import type { ParamValue } from '../core/methods/types';
import {
  findMethodIn,
  globalSpecs,
  parseValue,
  type Catalog,
  type GlobalKey,
  type Option,
  type Settings,
} from './params';

export interface ControlDef {
  key: string;
  section: 'global' | 'method';
  label: string;
  /** Help text with the allowed range, for the tooltip. */
  help: string;
  kind: 'int' | 'float' | 'enum' | 'bool';
  min?: number;
  max?: number;
  /** Input step: 1 for integers, 'any' for floats. */
  step: number | 'any';
  options?: readonly Option[];
  /** The user's value; null = not set, and `placeholder` shows what applies instead. */
  value: ParamValue | null;
  placeholder: string;
  /** An empty input is allowed (means: the default / the dataset's class count). */
  nullable: boolean;
}

function rangeText(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return ` Range ${min} – ${max}.`;
  if (min !== undefined) return ` At least ${min}.`;
  if (max !== undefined) return ` At most ${max}.`;
  return '';
}

/**
 * `kDefault`: what an empty k means when the catalog cannot know it (dropped data: its number of
 * classes, or a default when the files carried none).
 */
export function controlDefs(settings: Settings, catalog: Catalog, kDefault?: string): { global: ControlDef[]; method: ControlDef[] } {
  const dataset = catalog.datasets.find((d) => d.id === settings.dataset);
  const global = globalSpecs(catalog).map<ControlDef>((g) => ({
    key: g.key,
    section: 'global',
    label: g.label,
    help: g.help + rangeText(g.min, g.max),
    kind: g.kind,
    min: g.min,
    max: g.max,
    step: g.kind === 'float' ? 'any' : 1,
    options: g.options,
    value: settings[g.key],
    placeholder: g.key === 'k' ? (kDefault ?? (dataset ? `${dataset.numClasses} (classes)` : '')) : '',
    nullable: g.nullable ?? false,
  }));

  const method = findMethodIn(catalog, settings.method);
  const effective = method ? catalog.effective(method, settings.budget, settings.params) : {};
  const base = method ? catalog.effective(method, settings.budget, {}) : {};
  const methodDefs = (method?.params ?? []).map<ControlDef>((p) => ({
    key: p.key,
    section: 'method',
    label: p.label,
    help: `${p.help}${rangeText(p.min, p.max)} Default for the '${settings.budget}' budget: ${String(base[p.key] ?? p.default)}.`,
    kind: p.kind,
    min: p.min,
    max: p.max,
    step: p.kind === 'int' ? 1 : 'any',
    options: p.options?.map((o) => ({ value: o, label: o })),
    value: settings.params[p.key] ?? null,
    placeholder: String(effective[p.key] ?? base[p.key] ?? p.default),
    nullable: true,
  }));
  return { global, method: methodDefs };
}

/**
 * Applies a raw control value ('' = back to the default). Invalid input leaves the settings
 * unchanged and returns the reason, so the control can show it.
 */
export function applyControl(
  settings: Settings,
  catalog: Catalog,
  section: 'global' | 'method',
  key: string,
  raw: string,
): { settings: Settings; error: string | null } {
  if (section === 'method') {
    const spec = findMethodIn(catalog, settings.method)?.params.find((p) => p.key === key);
    if (!spec) return { settings, error: `Unknown parameter '${key}'` };
    const params = { ...settings.params };
    if (raw.trim() === '') {
      delete params[key];
      return { settings: { ...settings, params }, error: null };
    }
    const r = parseValue(spec, raw);
    if (!r.ok) return { settings, error: r.error };
    if (r.value !== null) params[key] = r.value;
    return { settings: { ...settings, params }, error: null };
  }

  const spec = globalSpecs(catalog).find((g) => g.key === key);
  if (!spec) return { settings, error: `Unknown parameter '${key}'` };
  const r = parseValue(spec, raw);
  if (!r.ok) return { settings, error: r.error };
  const next = { ...settings, [spec.key as GlobalKey]: r.value } as Settings;
  // Overrides belong to one method; carrying them to another would be silently dropped or wrong.
  if (key === 'method' && r.value !== settings.method) next.params = {};
  return { settings: next, error: null };
}
