/**
 * A method's effective parameters: its defaults, then the preset of the chosen budget, then the
 * user's overrides. Every override is validated against the method's ParamSpec; a bad one is
 * reported (naming the parameter, the value and what is allowed) and the default is used instead.
 */
import type { Budget, Method, Params, ParamSpec, ParamValue } from './types';

/** Why `value` is not valid for `spec`, or null when it is. */
export function paramError(spec: ParamSpec, value: ParamValue): string | null {
  const show = JSON.stringify(value);
  switch (spec.kind) {
    case 'bool':
      return typeof value === 'boolean' ? null : `${spec.key} must be true or false, got ${show}`;
    case 'enum':
      return typeof value === 'string' && (spec.options ?? []).includes(value)
        ? null
        : `${spec.key} must be one of ${(spec.options ?? []).join(', ')}, got ${show}`;
    case 'int':
    case 'float': {
      const range = `[${spec.min ?? '-∞'}, ${spec.max ?? '∞'}]`;
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${spec.key} must be a number in ${range}, got ${show}`;
      if (spec.kind === 'int' && !Number.isInteger(value)) return `${spec.key} must be an integer in ${range}, got ${show}`;
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
        return `${spec.key} must be in ${range}, got ${show}`;
      }
      return null;
    }
  }
}

export function resolveParams(method: Method, budget: Budget, overrides: Params): { params: Params; errors: string[] } {
  const params: Params = {};
  for (const spec of method.params) params[spec.key] = spec.default;
  Object.assign(params, method.presets?.[budget] ?? {});
  const errors: string[] = [];
  for (const [key, value] of Object.entries(overrides)) {
    const spec = method.params.find((s) => s.key === key);
    if (!spec) {
      errors.push(`${method.id} has no parameter ${key} (known: ${method.params.map((s) => s.key).join(', ')})`);
      continue;
    }
    const error = paramError(spec, value);
    if (error) {
      errors.push(error);
      params[key] = spec.default;
    } else params[key] = value;
  }
  return { params, errors };
}
