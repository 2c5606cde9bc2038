/**
 * Peak memory while decompression bombs are dropped, measured by the operating system
 * (process.resourceUsage().maxRSS: the most this process ever held). Alone in its file, so the
 * process vitest runs it in has done nothing else. `ingest` is what the decode worker runs for a
 * drop on the page and for `npm run reproduce -- --data`.
 */
import { describe, expect, it } from 'vitest';
import { InflateBudget } from './inflateBudget';
import { ingest } from './ingest';
import { fakeDecode } from './testing/fakeDecode';
import { GIB, gzipBomb, zipBomb } from './testing/bombs';
import { shapesFolder } from './testing/fixtures';
import { DEFAULT_PREPROCESS, type InputFile } from './types';

const peakBytes = (): number => process.resourceUsage().maxRSS * 1024;

async function drop(files: InputFile[]) {
  const budget = new InflateBudget();
  const result = await ingest(files, { preprocess: DEFAULT_PREPROCESS, decode: fakeDecode, budget });
  return { result, budget };
}

describe('decompression bombs', () => {
  it('a 6 MB zip of six 1 GiB entries, a lying twin and a 2 MB .gz of 2 GiB: refused, the rest loads, peak memory under 1 GB', async () => {
    const before = peakBytes();
    const honest = zipBomb('bomb.zip', shapesFolder({ perClass: 4, seed: 1 }));
    const lying = zipBomb('liar.zip', shapesFolder({ perClass: 4, seed: 2 }), 6, true);
    const gz = gzipBomb('huge-images-idx3-ubyte.gz', 2 * GIB / 2 ** 20);
    expect(honest.bytes.length).toBeLessThan(7e6);
    expect(gz.bytes.length).toBeLessThan(3e6);

    for (const bomb of [honest, lying]) {
      const { result, budget } = await drop([bomb]);
      expect(result.dataset.n).toBe(12);
      expect(result.problems).toHaveLength(6);
      expect(budget.used).toBeLessThan(1e6);
    }
    const { result, budget } = await drop([gz, ...shapesFolder({ perClass: 2, seed: 3 })]);
    expect(result.dataset.n).toBe(6);
    expect(result.problems.map((p) => p.path)).toEqual(['huge-images-idx3-ubyte.gz']);
    expect(result.problems[0].message).toMatch(/expands to more than 256 MB/);
    expect(budget.used).toBe(0);

    const peak = peakBytes();
    console.log(`peak resident memory: ${Math.round(before / 1e6)} MB before the bombs, ${Math.round(peak / 1e6)} MB after`);
    expect(peak).toBeLessThan(1e9);
  });
});
