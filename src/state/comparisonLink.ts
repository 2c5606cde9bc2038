/**
 * A comparison in the link: the settings every run shares, and up to MAX_RUNS runs' own choices
 * (method, budget, k, method parameters). The first run's keys are unprefixed, so a one-run link
 * reads as it always did; run i ≥ 2 carries the prefix `r<i>.` (`r2.method=dcn&r2.lambda=0.5`).
 * Pure and never throwing: every problem becomes a message and the field its default.
 */
import { defaultSettings, globalSpecs, joinSettings, parseConfig, RUN_KEYS, serializeConfig, sharedOf, specOf, type Catalog, type RunSpec, type SharedSettings } from './params';

export const MAX_RUNS = 4;

const PREFIX = /^r(\d+)\.(.+)$/;

export interface ParsedComparison {
  shared: SharedSettings;
  /** At least one run. */
  specs: RunSpec[];
  errors: string[];
}

function keyOf(part: string): string {
  const eq = part.indexOf('=');
  const raw = eq < 0 ? part : part.slice(0, eq);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function parseComparison(hash: string, catalog: Catalog): ParsedComparison {
  const errors: string[] = [];
  const byRun = new Map<number, string[]>([[1, []]]);
  const globals = new Set<string>(globalSpecs(catalog).map((g) => g.key).filter((k) => !RUN_KEYS.includes(k)));
  for (const part of hash.replace(/^#/, '').split('&')) {
    if (part === '') continue;
    const m = PREFIX.exec(keyOf(part));
    if (!m) {
      byRun.get(1)!.push(part);
      continue;
    }
    const run = Number(m[1]);
    const key = m[2];
    if (run < 1 || run > MAX_RUNS) {
      errors.push(`Link: '${keyOf(part)}' — a comparison holds at most ${MAX_RUNS} runs; ignored`);
    } else if (globals.has(key)) {
      errors.push(`Link: '${keyOf(part)}' — ${key} is shared by every run; ignored`);
    } else {
      const eq = part.indexOf('=');
      const list = byRun.get(run) ?? [];
      list.push(encodeURIComponent(key) + (eq < 0 ? '' : part.slice(eq)));
      byRun.set(run, list);
    }
  }
  const first = parseConfig(byRun.get(1)!.join('&'), catalog);
  errors.push(...first.errors);
  const specs = [specOf(first.config)];
  for (const run of [...byRun.keys()].filter((r) => r > 1).sort((a, b) => a - b)) {
    const parsed = parseConfig(byRun.get(run)!.join('&'), catalog);
    errors.push(...parsed.errors.map((e) => `Run ${run}: ${e}`));
    specs.push(specOf(parsed.config));
  }
  return { shared: sharedOf(first.config), specs, errors };
}

/** The link body (without '#'): the shared settings and run 1 unprefixed, then each further run. */
export function serializeComparison(shared: SharedSettings, specs: readonly RunSpec[], catalog: Catalog): string {
  const parts: string[] = [];
  const first = serializeConfig(joinSettings(shared, specs[0]), catalog);
  if (first) parts.push(first);
  const blank = sharedOf(defaultSettings(catalog));
  specs.slice(1, MAX_RUNS).forEach((spec, i) => {
    const own = serializeConfig(joinSettings(blank, spec), catalog).split('&').filter(Boolean);
    // The method is always written: it is what makes the run exist.
    if (!own.some((p) => p.startsWith('method='))) own.unshift(`method=${encodeURIComponent(spec.method)}`);
    for (const p of own) parts.push(`r${i + 2}.${p}`);
  });
  return parts.join('&');
}
