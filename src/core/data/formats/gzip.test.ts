import { describe, expect, it } from 'vitest';
import { isGzip, maybeGunzip } from './gzip';
import { gzipBomb } from '../ingest/testing/bombs';
import { gzip } from './testFixtures';

const text = new TextEncoder().encode('priorscope '.repeat(50));

describe('maybeGunzip', () => {
  it('returns non-gzip bytes unchanged, as the same object', async () => {
    const bytes = Uint8Array.of(0, 0, 8, 3, 1, 2);
    expect(await maybeGunzip(bytes)).toBe(bytes);
    const empty = new Uint8Array(0);
    expect(await maybeGunzip(empty)).toBe(empty);
    expect(isGzip(Uint8Array.of(0x1f))).toBe(false);
  });

  it('decompresses what CompressionStream produced, byte for byte', async () => {
    const z = await gzip(text);
    expect(isGzip(z)).toBe(true);
    expect(z.length).toBeLessThan(text.length);
    expect(Array.from(await maybeGunzip(z))).toEqual(Array.from(text));
  });

  it('decompresses a gzip stream that sits at an offset inside a larger buffer', async () => {
    const z = await gzip(text);
    const big = new Uint8Array(z.length + 7);
    big.set(z, 3);
    const out = await maybeGunzip(big.subarray(3, 3 + z.length));
    expect(new TextDecoder().decode(out)).toBe('priorscope '.repeat(50));
  });

  it('rejects a truncated gzip stream, naming the file', async () => {
    const z = await gzip(text);
    await expect(maybeGunzip(z.subarray(0, z.length - 10), 'train-images.gz')).rejects.toThrow(
      /'train-images.gz' looks gzip-compressed but could not be decompressed/,
    );
  });

  it('rejects a corrupt gzip body', async () => {
    const z = await gzip(text);
    const bad = z.slice();
    for (let i = 12; i < bad.length - 8; i++) bad[i] ^= 0x5a;
    await expect(maybeGunzip(bad)).rejects.toThrow(/The file looks gzip-compressed but could not be decompressed/);
  });

  it('rejects a file that is only the gzip magic', async () => {
    await expect(maybeGunzip(Uint8Array.of(0x1f, 0x8b))).rejects.toThrow(/could not be decompressed/);
  });

  it('stops decompressing once the output passes the limit', async () => {
    const bomb = gzipBomb('zeros.gz', 8).bytes; // 8 MiB of zeros
    await expect(maybeGunzip(bomb, 'zeros.gz', 1e6)).rejects.toThrow(
      "'zeros.gz' expands to more than 1 MB when decompressed, so it was not loaded — it may be a decompression bomb",
    );
    expect((await maybeGunzip(bomb, 'zeros.gz', 2 ** 23)).length).toBe(2 ** 23);
  });
});
