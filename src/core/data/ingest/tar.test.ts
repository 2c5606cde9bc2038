import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openTar } from './tar';
import { tarOf } from './testing/fixtures';

describe('openTar', () => {
  it('lists regular files under the archive name, as views of their bytes', () => {
    const tar = tarOf([
      { path: 'cifar-10-batches-bin/data_batch_1.bin', bytes: new Uint8Array(3073).fill(3) },
      { path: 'cifar-10-batches-bin/readme.html', bytes: strToU8('<p>hi</p>') },
    ]);
    const out = openTar({ path: 'cifar-10-binary.tar.gz', bytes: tar });
    expect(out.problems).toEqual([]);
    expect(out.files.map((f) => [f.path, f.bytes.length])).toEqual([
      ['cifar-10-binary/cifar-10-batches-bin/data_batch_1.bin', 3073],
      ['cifar-10-binary/cifar-10-batches-bin/readme.html', 9],
    ]);
    expect(out.files[0].bytes[3072]).toBe(3);
  });

  it('reads GNU long names and skips junk', () => {
    const long = `${'deep/'.repeat(25)}a.png`;
    const out = openTar({ path: 'x.tar', bytes: tarOf([{ path: long, bytes: strToU8('z') }, { path: '._a.png', bytes: strToU8('fork') }]) });
    expect(out.files.map((f) => f.path)).toEqual([`x/${long}`]);
  });

  it('reports a cut-off archive, keeping the files before the cut', () => {
    const tar = tarOf([{ path: 'a.txt', bytes: strToU8('aaa') }, { path: 'b.bin', bytes: new Uint8Array(5000) }]);
    const out = openTar({ path: 'cut.tar', bytes: tar.slice(0, 2048) });
    expect(out.files.map((f) => f.path)).toEqual(['cut/a.txt']);
    expect(out.problems).toEqual([{ path: 'cut.tar', message: 'cut.tar ends in the middle of b.bin — the archive is incomplete; download it again' }]);
  });

  it('reports a header whose checksum does not match', () => {
    const tar = tarOf([{ path: 'a.txt', bytes: strToU8('aaa') }]);
    tar[10] ^= 0x20;
    expect(openTar({ path: 'bad.tar', bytes: tar }).problems[0].message).toBe("bad.tar is damaged (a tar header's checksum is wrong) — download it again");
  });

  it('reports an archive without files', () => {
    expect(openTar({ path: 'e.tar', bytes: new Uint8Array(1024) }).problems).toEqual([{ path: 'e.tar', message: 'e.tar is a tar archive with no files in it' }]);
  });
});
