import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFetchDataIO } from './fetchDataIO';

afterEach(() => vi.unstubAllGlobals());

describe('createFetchDataIO', () => {
  it('resolves paths against the base and returns the body', async () => {
    const seen: string[] = [];
    vi.stubGlobal('fetch', async (u: URL) => {
      seen.push(u.href);
      return new Response(Uint8Array.of(1, 2, 3));
    });
    const buf = await createFetchDataIO('https://x.test/app/').readBytes('data/a.idx1-ubyte');
    expect(seen).toEqual(['https://x.test/app/data/a.idx1-ubyte']);
    expect(Array.from(new Uint8Array(buf))).toEqual([1, 2, 3]);
  });

  it('turns an HTTP error into a message with the URL, status and a hint for 404', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 404, statusText: 'Not Found' }));
    await expect(createFetchDataIO('https://x.test/').readBytes('data/m')).rejects.toThrow(
      /https:\/\/x\.test\/data\/m: HTTP 404 Not Found.*prepare-data/,
    );
  });
});
