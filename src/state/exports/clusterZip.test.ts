import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildClusterZip, clusterFolder, type ClusterZipInput } from './clusterZip';
import { exportTable } from './exportTable';
import { FINAL_ALL, fixtureReady, fixtureSnapshot, noPause } from './testFixtures';

function join(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const fakePng = async (pos: number): Promise<Uint8Array> => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, pos]);

function input(over: Partial<ClusterZipInput>): ClusterZipInput {
  return {
    table: exportTable(fixtureReady(), fixtureSnapshot())!,
    k: 3,
    datasetId: 'toy',
    paths: null,
    samplePng: fakePng,
    about: ['Toy dataset, method dec, seed 1'],
    ...over,
  };
}

describe('clusterFolder', () => {
  it('pads ids to at least two digits, more for k > 100', () => {
    expect(clusterFolder(3, 10)).toBe('cluster-03');
    expect(clusterFolder(3, 101)).toBe('cluster-003');
  });
});

describe('buildClusterZip', () => {
  it('holds the sample of a built-in dataset as PNGs in cluster folders, and a README that says so', async () => {
    const table = exportTable(fixtureReady(), fixtureSnapshot({ all: FINAL_ALL }))!;
    const zip = await buildClusterZip(input({ table }), { pause: noPause });
    const files = unzipSync(join(zip.parts));
    // Sample rows 4, 1, 5 are clusters 2, 0, 1 (final); other rows have no pixels here.
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'cluster-00/toy-1.png', 'cluster-01/toy-5.png', 'cluster-02/toy-4.png']);
    expect(Array.from(files['cluster-02/toy-4.png'])).toEqual([0x89, 0x50, 0x4e, 0x47, 0]);
    expect(zip.images).toBe(3);
    // Rows 0 and 2 have a cluster but no pixels; row 3 has no cluster.
    expect(zip.missing).toBe(2);
    const readme = strFromU8(files['README.txt']);
    expect(readme).toContain('Toy dataset, method dec, seed 1');
    expect(readme).toContain('2 rows have a cluster but no image');
  });

  it('uses the original files when the provider has them, and keeps repeated names apart', async () => {
    const table = exportTable(fixtureReady(), fixtureSnapshot({ all: FINAL_ALL }))!;
    const paths = ['a/cat.jpg', 'b/cat.jpg', 'c/猫.jpg', 'd/x.jpg', 'e/y.jpg', 'f/z.webp'];
    const source = async (row: number): Promise<Uint8Array | null> => (row === 5 ? null : Uint8Array.from([row]));
    const zip = await buildClusterZip(input({ table, paths, source, datasetId: 'user' }), { pause: noPause });
    const files = unzipSync(join(zip.parts));
    expect(Object.keys(files).sort()).toEqual([
      'README.txt',
      'cluster-00/cat-2.jpg',
      'cluster-00/cat.jpg',
      'cluster-01/z.png', // no original bytes: the sample's pixels as PNG
      'cluster-01/猫.jpg',
      'cluster-02/y.jpg',
    ]);
    expect(Array.from(files['cluster-00/cat.jpg'])).toEqual([0]);
    expect(Array.from(files['cluster-00/cat-2.jpg'])).toEqual([1]);
    expect(zip.missing).toBe(0);
    expect(strFromU8(files['README.txt'])).toContain('4 images are the original files');
  });

  it('names entries safely for every OS: no bidirectional overrides, reserved device names or trailing dots', async () => {
    const table = exportTable(fixtureReady(), fixtureSnapshot({ all: FINAL_ALL }))!;
    // Row 3 has no cluster (FINAL_ALL).
    const paths = ['a/CON.png', 'b/nul.jpg', 'c/x\u202Egnp.exe', 'd/none.png', 'e/ok.png.', 'f/end .'];
    const source = async (row: number): Promise<Uint8Array | null> => Uint8Array.from([row]);
    const zip = await buildClusterZip(input({ table, paths, source, datasetId: 'user' }), { pause: noPause });
    expect(Object.keys(unzipSync(join(zip.parts))).sort()).toEqual([
      'README.txt',
      'cluster-00/_CON.png',
      'cluster-00/_nul.jpg',
      'cluster-01/end',
      'cluster-01/x_gnp.exe',
      'cluster-02/ok.png',
    ]);
  });

  it('says when only the sample is included because the run has not finished', async () => {
    const zip = await buildClusterZip(input({}), { pause: noPause });
    const files = unzipSync(join(zip.parts));
    expect(Object.keys(files)).toHaveLength(4);
    expect(strFromU8(files['README.txt'])).toContain('only the sample drawn in the scatter plot is included');
  });

  it('stores images without compression', async () => {
    const big = new Uint8Array(5000); // all zeros: would shrink a lot if deflated
    const zip = await buildClusterZip(input({ samplePng: async () => big }), { pause: noPause });
    expect(join(zip.parts).length).toBeGreaterThan(3 * 5000);
  });
});
