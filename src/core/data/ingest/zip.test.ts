import { deflateSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodePng } from './encodePng';
import { InflateBudget } from './inflateBudget';
import { zerosEntry, zipBomb } from './testing/bombs';
import { corruptedZip, zipOf } from './testing/fixtures';
import { writeZip } from './testing/zipWriter';
import type { InputFile } from './types';
import { openZip } from './zip';

const PNG = encodePng(1, 1, 1, Uint8Array.of(9));
const file = (path: string, bytes: Uint8Array = PNG): InputFile => ({ path, bytes });
const paths = (files: InputFile[]): string[] => files.map((f) => f.path).sort();
const open = (zip: InputFile, budget = new InflateBudget()) => openZip(zip, budget);
const good = (n: number): InputFile[] => Array.from({ length: n }, (_, i) => file(`good/${i}.png`, encodePng(1, 1, 1, Uint8Array.of(i))));

/** Offsets of the central-directory records (PK 01 02) of a zip. */
function centralRecords(zip: Uint8Array): number[] {
  const at: number[] = [];
  for (let i = 0; i + 4 <= zip.length; i++) if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 1 && zip[i + 3] === 2) at.push(i);
  return at;
}

describe('openZip', () => {
  it("puts a zip's entries under its own name, byte for byte", () => {
    const out = open(file('photos.zip', zipOf([file('cats/a.png'), file('dogs/b.png', strToU8('text'))])));
    expect(out.problems).toEqual([]);
    expect(paths(out.files)).toEqual(['photos/cats/a.png', 'photos/dogs/b.png']);
    expect(Array.from(out.files.find((f) => f.path === 'photos/dogs/b.png')?.bytes ?? [])).toEqual(Array.from(strToU8('text')));
  });

  it('reads stored (uncompressed) entries', () => {
    const out = open(file('download', zipSync({ 'a.png': PNG }, { level: 0 })));
    expect(paths(out.files)).toEqual(['download/a.png']);
    expect(Array.from(out.files[0].bytes)).toEqual(Array.from(PNG));
  });

  it('skips folder entries and macOS junk inside the zip', () => {
    const zip = zipSync({ 'shapes/': new Uint8Array(0), 'shapes/a.png': PNG, '__MACOSX/shapes/._a.png': strToU8('fork'), 'shapes/.DS_Store': strToU8('x') });
    const out = open(file('s.zip', zip));
    expect(paths(out.files)).toEqual(['s/shapes/a.png']);
    expect(out.problems).toEqual([]);
  });

  it('reports a corrupted zip by name', () => {
    const out = open(corruptedZip('downloads/broken.zip'));
    expect(out.files).toEqual([]);
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0].path).toBe('downloads/broken.zip');
    expect(out.problems[0].message).toMatch(/^downloads\/broken\.zip could not be opened as a zip \(.+\) — it may be damaged or only partly downloaded/);
  });

  it('reports an entry compressed with a method it cannot read, and loads the rest', () => {
    const zip = zipOf([file('a.png'), file('b.png', encodePng(1, 1, 1, Uint8Array.of(1)))]);
    const [, second] = centralRecords(zip);
    zip[second + 10] = 14; // LZMA
    const out = open(file('mixed.zip', zip));
    expect(paths(out.files)).toEqual(['mixed/a.png']);
    expect(out.problems).toEqual([
      { path: 'mixed/b.png', message: 'mixed.zip: b.png is compressed with LZMA, which cannot be read — re-create the zip with standard (deflate) compression' },
    ]);
  });

  it('reports a password-protected entry, and loads the rest', () => {
    const zip = writeZip([{ name: 'secret.png', data: PNG, flags: 1 }, { name: 'open.png', data: PNG }]);
    const out = open(file('p.zip', zip));
    expect(paths(out.files)).toEqual(['p/open.png']);
    expect(out.problems).toEqual([
      { path: 'p/secret.png', message: 'p.zip: secret.png is password-protected, which cannot be read — re-create the zip without a password' },
    ]);
  });

  it('reports an empty zip', () => {
    expect(open(file('none.zip', zipSync({}))).problems).toEqual([{ path: 'none.zip', message: 'none.zip is a zip with no files in it' }]);
  });

  it('reads UTF-8 names from zips that do not set the UTF-8 flag, and Latin-1 names byte by byte', () => {
    const zip = zipOf([file('café/ñandú 图.png')]);
    const [record] = centralRecords(zip);
    zip[record + 9] &= ~0x08; // clear bit 11 of the general-purpose flags
    expect(paths(open(file('z.zip', zip)).files)).toEqual(['z/café/ñandú 图.png']);

    // 'caf_.png' with '_' replaced by 0xe9 ('é' in Latin-1, not valid UTF-8) in the directory's copy of the name.
    const latin1 = zipOf([file('caf_.png')]);
    const [latinRecord] = centralRecords(latin1);
    latin1[latinRecord + 46 + 3] = 0xe9;
    latin1[latinRecord + 9] &= ~0x08;
    expect(paths(open(file('l.zip', latin1)).files)).toEqual(['l/caf\u00e9.png']);
  });

  it('reads every entry of a zip whose 16-bit entry count wrapped (more than 65,535 files, no Zip64)', () => {
    const count = 65_536 + 40;
    const entries = Array.from({ length: count }, (_, i) => ({ name: `f/${i}.txt`, data: Uint8Array.of(i & 0xff) }));
    const zip = writeZip(entries);
    // What old tools write: the count modulo 65,536.
    expect(zip[zip.length - 12] | (zip[zip.length - 11] << 8)).toBe(40);
    const out = open(file('many.zip', zip));
    expect(out.problems).toEqual([]);
    expect(out.files).toHaveLength(count);
    expect(out.files[count - 1]).toEqual({ path: `many/f/${count - 1}.txt`, bytes: Uint8Array.of((count - 1) & 0xff) });
  });

  it('reports a directory that ends before the count it claims, keeping what it holds', () => {
    const zip = writeZip([{ name: 'a.png', data: PNG }], 3);
    const out = open(file('short.zip', zip));
    expect(paths(out.files)).toEqual(['short/a.png']);
    expect(out.problems).toEqual([
      { path: 'short.zip', message: 'short.zip is damaged: its directory lists 3 files but only 1 could be read — download it again' },
    ]);
  });
});

describe('openZip: decompression bombs', () => {
  it('refuses entries that declare more than 256 MB before inflating them, and keeps the rest', () => {
    const budget = new InflateBudget();
    const out = open(zipBomb('bomb.zip', good(12)), budget);
    expect(out.files).toHaveLength(12);
    expect(out.problems).toHaveLength(6);
    for (const p of out.problems) {
      expect(p.message).toBe(
        `${p.path} expands to more than 256 MB when decompressed, so it was not loaded — it may be a decompression bomb; ` +
          'if it is real data, extract it and drop a smaller part',
      );
    }
    expect(budget.used).toBe(0); // good entries are stored; nothing was inflated
  });

  it('an entry claiming 4 GiB costs that entry, not the archive', () => {
    const zip = writeZip([
      { name: 'liar.png', data: deflateSync(PNG), method: 8, size: 2 ** 32 - 1 },
      { name: 'stored-liar.png', data: PNG, size: 2 ** 32 - 1 },
      ...good(12).map((f) => ({ name: f.path, data: f.bytes })),
    ]);
    const out = open(file('claims.zip', zip));
    expect(out.files).toHaveLength(12);
    expect(out.problems.map((p) => p.path)).toEqual(['claims/liar.png', 'claims/stored-liar.png']);
    expect(out.problems[0].message).toMatch(/^claims\/liar\.png expands to more than 256 MB/);
    expect(out.problems[1].message).toBe('claims.zip: stored-liar.png is damaged (its sizes disagree) — re-create the zip or download it again');
  });

  it('stops inflating an entry that expands past the size it declares, and keeps the rest', () => {
    const out = open(zipBomb('liar.zip', good(3), 2, true));
    expect(out.files).toHaveLength(3);
    expect(out.problems.map((p) => p.message)).toEqual([
      'liar.zip: bomb-0.bin is damaged (it expands to more than the 1,024 bytes the zip declares) — re-create the zip or download it again',
      'liar.zip: bomb-1.bin is damaged (it expands to more than the 1,024 bytes the zip declares) — re-create the zip or download it again',
    ]);
  });

  it("counts what it inflates against the drop's total, refusing entries once the total is spent", () => {
    const budget = new InflateBudget(3 << 20, 2 << 20);
    const zip = writeZip([zerosEntry('a.bin', 1 << 20), zerosEntry('b.bin', 1 << 20), zerosEntry('c.bin', 1 << 20), zerosEntry('d.bin', 2 << 20)]);
    const out = open(file('z.zip', zip), budget);
    expect(out.files.map((f) => [f.path, f.bytes.length])).toEqual([
      ['z/a.bin', 1 << 20],
      ['z/b.bin', 1 << 20],
      ['z/c.bin', 1 << 20],
    ]);
    expect(out.files[2].bytes.every((v) => v === 0)).toBe(true);
    expect(out.problems).toEqual([
      {
        path: 'z/d.bin',
        message: 'z/d.bin was not decompressed: the archives in this drop expand to more than 3 MB in all — drop fewer or smaller archives at a time',
      },
    ]);
    expect(budget.used).toBe(3 << 20);
  });
});
