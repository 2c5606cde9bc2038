// The folder rules of docs/ARCHITECTURE.md, checked on every file: core owns its types and imports
// nothing from the layers above it (worker/, state/, ui/) nor React, zustand or the DOM's d3 parts;
// the UI never creates a Worker (worker/client.ts and worker/decodeClient.ts do, on its behalf).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(e.name) ? [path] : [];
  });
}

/** Every module a file imports or re-exports (static and dynamic). */
function specifiers(source: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** The top folder under src/ that a relative import lands in, or null for a package. */
function layerOf(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  return relative(SRC, resolve(dirname(file), spec)).split(/[\\/]/)[0];
}

describe('folder rules', () => {
  const core = files(join(SRC, 'core'));

  it('finds the imports it checks (the parser is not blind)', () => {
    expect(specifiers(`import type { A } from '../worker/protocol';\nexport { b } from "./b";\nconst c = await import('../ui/x');\nimport './side.css';`)).toEqual([
      '../worker/protocol',
      './b',
      '../ui/x',
      './side.css',
    ]);
    expect(layerOf(join(SRC, 'core', 'engine', 'x.ts'), '../../worker/protocol')).toBe('worker');
    expect(core.length).toBeGreaterThan(100);
  });

  it('src/core imports nothing from worker/, state/ or ui/', () => {
    const bad = core.flatMap((f) =>
      specifiers(readFileSync(f, 'utf8'))
        .filter((s) => ['worker', 'state', 'ui'].includes(layerOf(f, s) ?? ''))
        .map((s) => `${relative(SRC, f)} imports ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('src/core uses no React, zustand, DOM-bound d3 or the page', () => {
    const bad = core.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      const pkgs = specifiers(text).filter((s) => /^(react|react-dom|zustand|d3-selection)(\/|$)/.test(s));
      const page = /\b(window|document)\./.test(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')) ? ['window/document'] : [];
      return [...pkgs, ...page].map((p) => `${relative(SRC, f)}: ${p}`);
    });
    expect(bad).toEqual([]);
  });

  it('only the worker clients create Workers: never the UI or the state', () => {
    const creators = [...files(join(SRC, 'ui')), ...files(join(SRC, 'state'))].filter((f) => /new\s+(Shared)?Worker\s*\(/.test(readFileSync(f, 'utf8')));
    expect(creators.map((f) => relative(SRC, f))).toEqual([]);
  });
});
