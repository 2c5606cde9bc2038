import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodePng } from './encodePng';
import { corruptedZip, nestedZips, zipOf } from './testing/fixtures';
import type { InputFile } from './types';
import { expandZips, openZip, repairZipName } from './zip';

const PNG = encodePng(1, 1, 1, Uint8Array.of(9));
const file = (path: string, bytes: Uint8Array = PNG): InputFile => ({ path, bytes });
const paths = (files: InputFile[]): string[] => files.map((f) => f.path).sort();

/** Offsets of the central-directory records (PK 01 02) of a zip. */
function centralRecords(zip: Uint8Array): number[] {
  const at: number[] = [];
  for (let i = 0; i + 4 <= zip.length; i++) if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 1 && zip[i + 3] === 2) at.push(i);
  return at;
}

describe('expandZips', () => {
  it("puts a zip's entries under its own name and keeps other files", () => {
    const zip = file('photos.zip', zipOf([file('cats/a.png'), file('dogs/b.png', strToU8('text'))]));
    const out = expandZips([file('loose.png'), zip]);
    expect(out.problems).toEqual([]);
    expect(paths(out.files)).toEqual(['loose.png', 'photos/cats/a.png', 'photos/dogs/b.png']);
    expect(Array.from(out.files.find((f) => f.path === 'photos/dogs/b.png')?.bytes ?? [])).toEqual(Array.from(strToU8('text')));
  });

  it('recognises a zip by content, not by name, and reads stored (uncompressed) entries', () => {
    const stored = zipSync({ 'a.png': PNG }, { level: 0 });
    const out = expandZips([file('download', stored)]);
    expect(paths(out.files)).toEqual(['download/a.png']);
    expect(Array.from(out.files[0].bytes)).toEqual(Array.from(PNG));
  });

  it('skips folder entries and macOS junk inside the zip', () => {
    const zip = zipSync({ 'shapes/': new Uint8Array(0), 'shapes/a.png': PNG, '__MACOSX/shapes/._a.png': strToU8('fork'), 'shapes/.DS_Store': strToU8('x') });
    const out = expandZips([file('s.zip', zip)]);
    expect(paths(out.files)).toEqual(['s/shapes/a.png']);
    expect(out.problems).toEqual([]);
  });

  it('reports a corrupted zip by name and still passes the other files on', () => {
    const out = expandZips([corruptedZip('downloads/broken.zip'), file('ok.png')]);
    expect(paths(out.files)).toEqual(['ok.png']);
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0].path).toBe('downloads/broken.zip');
    expect(out.problems[0].message).toMatch(/^downloads\/broken\.zip could not be opened as a zip \(.+\) — it may be damaged or only partly downloaded/);
  });

  it('opens zips inside zips up to 3 levels and reports a deeper one', () => {
    const three = expandZips([nestedZips(3, [file('deep.png')])]);
    expect(three.problems).toEqual([]);
    expect(paths(three.files)).toEqual(['level1/level2/level3/deep.png']);

    const four = expandZips([nestedZips(4, [file('deep.png')])]);
    expect(four.files).toEqual([]);
    expect(four.problems).toEqual([
      {
        path: 'level1/level2/level3/level4.zip',
        message:
          'level1/level2/level3/level4.zip is an archive nested more than 3 levels deep inside other archives, so it was not opened — extract it and drop its contents',
      },
    ]);
  });

  it('reports an entry compressed with a method it cannot read, and loads the rest', () => {
    const zip = zipOf([file('a.png'), file('b.png', encodePng(1, 1, 1, Uint8Array.of(1)))]);
    const [, second] = centralRecords(zip);
    zip[second + 10] = 14; // LZMA
    const out = openZip(file('mixed.zip', zip));
    expect(paths(out.files)).toEqual(['mixed/a.png']);
    expect(out.problems).toEqual([
      { path: 'mixed/b.png', message: 'mixed.zip: b.png is compressed with LZMA, which cannot be read — re-create the zip with standard (deflate) compression' },
    ]);
  });

  it('reports an empty zip', () => {
    expect(openZip(file('none.zip', zipSync({}))).problems).toEqual([{ path: 'none.zip', message: 'none.zip is a zip with no files in it' }]);
  });

  it('reads UTF-8 names from zips that do not set the UTF-8 flag', () => {
    const zip = zipOf([file('café/ñandú 图.png')]);
    const [record] = centralRecords(zip);
    zip[record + 9] &= ~0x08; // clear bit 11 of the general-purpose flags
    expect(paths(openZip(file('z.zip', zip)).files)).toEqual(['z/café/ñandú 图.png']);
  });
});

describe('repairZipName', () => {
  it('re-reads Latin-1-decoded UTF-8, and leaves real Latin-1 and ASCII alone', () => {
    const mojibake = String.fromCharCode(...strToU8('café'));
    expect(mojibake).toBe('cafÃ©');
    expect(repairZipName(mojibake)).toBe('café');
    expect(repairZipName('caf\u00e9')).toBe('caf\u00e9'); // one byte 0xe9 is not valid UTF-8
    expect(repairZipName('plain/a.png')).toBe('plain/a.png');
    expect(repairZipName('图')).toBe('图');
  });
});
