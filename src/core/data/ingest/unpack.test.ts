import { describe, expect, it } from 'vitest';
import { gzip } from '../formats/testFixtures';
import { InflateBudget } from './inflateBudget';
import { ingest } from './ingest';
import { gzipBomb } from './testing/bombs';
import { fakeDecode } from './testing/fakeDecode';
import { nestedZips, shapesFolder, tarOf, zipOf } from './testing/fixtures';
import { DEFAULT_PREPROCESS, type IngestProblem, type InputFile } from './types';
import { imageFilesByPath, unpackFile } from './unpack';

/** Every file `unpackFile` hands on, by path, and the problems. */
function unpackAll(files: InputFile[], budget = new InflateBudget()): { paths: string[]; problems: IngestProblem[] } {
  const paths: string[] = [];
  const problems: IngestProblem[] = [];
  for (const f of files) unpackFile(f, budget, problems, (leaf) => paths.push(leaf.path));
  return { paths, problems };
}

describe('unpackFile', () => {
  it('opens zips inside zips up to 3 levels and reports a deeper one', () => {
    const png = shapesFolder({ perClass: 1 })[0].bytes;
    expect(unpackAll([nestedZips(3, [{ path: 'deep.png', bytes: png }])])).toEqual({ paths: ['level1/level2/level3/deep.png'], problems: [] });
    expect(unpackAll([nestedZips(4, [{ path: 'deep.png', bytes: png }])])).toEqual({
      paths: [],
      problems: [
        {
          path: 'level1/level2/level3/level4.zip',
          message:
            'level1/level2/level3/level4.zip is an archive nested more than 3 levels deep inside other archives, so it was not opened — extract it and drop its contents',
        },
      ],
    });
  });

  it('refuses a .gz that expands past 256 MB while inflating it, and goes on with the rest of the drop', () => {
    const budget = new InflateBudget();
    const { paths, problems } = unpackAll([gzipBomb('big.csv.gz', 2048), ...shapesFolder({ perClass: 2 })], budget);
    expect(paths).toHaveLength(6);
    expect(problems).toEqual([
      {
        path: 'big.csv.gz',
        message:
          'big.csv.gz expands to more than 256 MB when decompressed, so it was not loaded — it may be a decompression bomb; ' +
          'if it is real data, extract it and drop a smaller part',
      },
    ]);
    expect(budget.used).toBe(0);
  });
});

describe('imageFilesByPath', () => {
  it('finds the original file of every row of a tar, .tar.gz and zip drop', async () => {
    const shapes = shapesFolder({ perClass: 3, root: '' });
    const drop: InputFile[] = [
      { path: 'a.tar', bytes: tarOf(shapes) },
      { path: 'b.tar.gz', bytes: await gzip(tarOf(shapes)) },
      { path: 'c.zip', bytes: zipOf(shapes) },
    ];
    const rows = await ingest(drop, { preprocess: DEFAULT_PREPROCESS, decode: fakeDecode });
    // The three archives hold the same images: duplicates are skipped, the first (a.tar) is kept.
    expect(rows.paths).toHaveLength(9);
    expect(rows.paths.every((p) => p.startsWith('a/'))).toBe(true);
    const sources = imageFilesByPath(drop);
    for (const path of rows.paths) {
      const original = shapes.find((f) => `a/${f.path}` === path);
      expect(Array.from(sources.get(path) ?? []), path).toEqual(Array.from(original?.bytes ?? [0]));
    }
    expect(Array.from(sources.get('b/circle/000.png') ?? [])).toEqual(Array.from(shapes[0].bytes));
    expect(Array.from(sources.get('c/circle/000.png') ?? [])).toEqual(Array.from(shapes[0].bytes));
  });
});
